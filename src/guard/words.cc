#include "guard/words.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "guard/lexicon.h"
#include "guard/text.h"

namespace threadline::guard_internal {
namespace {

// Words before an insult looked at for one aimed at the reader ("you are
// such a clown").
constexpr int kAddressWords = 4;
constexpr size_t kAddressBytes = 48;

// Shouting: a run of capitals shouts with this many letters in words of two
// letters or more ...
constexpr int kShoutLetters = 10;
// ... in at least this many words, one of them of kLongShoutWord letters or
// more ...
constexpr int kShoutWords = 3;
constexpr int kLongShoutWord = 5;
// ... or in this many words of kLongShoutPair letters or more. A string of
// acronyms ("CVV, DNI, CURP") has neither.
constexpr int kShoutLongPair = 2;
constexpr int kLongShoutPair = 4;

const char* LanguageName(Language language) {
  return language == Language::kEnglish ? "English" : "Spanish";
}

// Digits and symbols read as the letters they stand in for ("sh1t",
// "$hit", "b@stard", "sh!t"), or 0.
char LookAlike(uint32_t cp) {
  switch (cp) {
    case '0':
      return 'o';
    case '1':
      return 'i';
    case '3':
      return 'e';
    case '4':
      return 'a';
    case '5':
      return 's';
    case '7':
      return 't';
    case '@':
      return 'a';
    case '$':
      return 's';
    case '!':
      return 'i';
    default:
      return 0;
  }
}

// Code points that may sit inside a disguised word.
bool IsDisguise(uint32_t cp) {
  return cp == '*' || cp == '@' || cp == '$' || cp == '!' ||
         (cp < 0x80 && IsAsciiDigit(static_cast<char>(cp)));
}

bool AddressesReader(std::string_view text, size_t pos) {
  const Lexicon& lexicon = Lexicon::Get();
  std::string word;
  size_t begin = 0;
  for (int i = 0; i < kAddressWords; ++i) {
    if (!WordBefore(text, pos, kAddressBytes, /*within_clause=*/true, &word,
                    &begin)) {
      return false;
    }
    if (lexicon.IsSecondPerson(word)) return true;
    pos = begin;
  }
  return false;
}

void AddWordFinding(const LexiconEntry& entry, size_t begin, size_t end,
                    std::vector<Finding>* findings) {
  Finding finding;
  finding.begin = begin;
  finding.end = end;
  if (entry.word_class == WordClass::kProfanity) {
    finding.kind = FindingKind::kProfanity;
    finding.message = absl::StrCat("Profanity (", LanguageName(entry.language),
                                   "): rewrite the sentence without it.");
  } else {
    finding.kind = FindingKind::kInsult;
    finding.message =
        absl::StrCat("Insult (", LanguageName(entry.language),
                     "): never call the customer names; rewrite it.");
  }
  findings->push_back(std::move(finding));
}

// Longest piece of a word looked up; no entry is longer.
constexpr size_t kMaxPieceBytes = 64;

// A piece of a chunk being read: a word with its disguises undone.
struct Piece {
  char text[kMaxPieceBytes];
  size_t size = 0;
  bool overflow = false;  // longer than kMaxPieceBytes: matches nothing
  int letters = 0;
  bool masked = false;  // holds a '*'
  size_t begin = 0;     // bytes in the reply
  size_t end = 0;

  void Append(const char* bytes, size_t n) {
    if (size + n > kMaxPieceBytes) {
      overflow = true;
      return;
    }
    for (size_t i = 0; i < n; ++i) text[size++] = bytes[i];
  }
  void Clear() {
    size = 0;
    overflow = false;
    letters = 0;
    masked = false;
  }
};

// Checks one piece of a chunk.
void CheckPiece(std::string_view text, const Piece& piece,
                std::vector<Finding>* findings) {
  if (piece.size == 0 || piece.overflow) return;
  const Lexicon& lexicon = Lexicon::Get();
  const std::string_view word(piece.text, piece.size);
  const LexiconEntry* entry = nullptr;
  if (!piece.masked) {
    entry = lexicon.Match(word);
  } else if (piece.letters >= 2) {
    entry = lexicon.MatchMasked(word);
  }
  if (entry == nullptr) return;
  if ((entry->flags & kAddressed) && !AddressesReader(text, piece.begin)) {
    return;
  }
  AddWordFinding(*entry, piece.begin, piece.end, findings);
}

// Checks one chunk [begin, end) of letters, digits and disguising symbols.
void CheckChunk(std::string_view text, size_t begin, size_t end,
                std::vector<Finding>* findings) {
  if (text[begin] == '@') return;  // a handle names someone; not our words
  // Emphasis marks around a word are not part of it ("*never*", "wow!!").
  bool emphasis = false;
  while (begin < end && (text[begin] == '*' || text[begin] == '!')) {
    emphasis = emphasis || text[begin] == '*';
    ++begin;
  }
  while (end > begin &&
         (text[end - 1] == '!' || (emphasis && text[end - 1] == '*'))) {
    --end;
  }
  if (begin == end) return;
  int letters = 0;
  for (size_t pos = begin; pos < end;) {
    int n = 0;
    Letter letter;
    if (FoldLetter(DecodeAt(text, pos, &n), &letter)) ++letters;
    pos += n;
  }
  // Look-alikes count only among letters: "A55" is a phone model, "$40" a
  // price.
  const bool read_look_alikes = letters >= 2;

  Piece piece;
  for (size_t pos = begin; pos < end;) {
    int n = 0;
    const uint32_t cp = DecodeAt(text, pos, &n);
    Letter letter;
    char look_alike = 0;
    if (FoldLetter(cp, &letter)) {
      if (piece.size == 0) piece.begin = pos;
      piece.Append(letter.folded, letter.size);
      ++piece.letters;
      piece.end = pos + n;
    } else if (cp == '*' && piece.size > 0) {
      piece.Append("*", 1);
      piece.masked = true;
      piece.end = pos + n;
    } else if (read_look_alikes && (look_alike = LookAlike(cp)) != 0) {
      if (piece.size == 0) piece.begin = pos;
      piece.Append(&look_alike, 1);
      piece.end = pos + n;
    } else if (IsIgnorable(cp) || IsApostrophe(cp)) {
      // Invisible inside a word.
    } else {
      CheckPiece(text, piece, findings);
      piece.Clear();
    }
    pos += n;
  }
  CheckPiece(text, piece, findings);
}

}  // namespace

void ScanWords(std::string_view text, const std::vector<uint8_t>& skip,
               Words* out) {
  out->words.clear();
  out->text.clear();
  out->text.reserve(text.size());
  out->words.reserve(text.size() / 4);
  Word word;
  bool in_word = false;
  bool gap = false;
  const auto close = [&] {
    if (!in_word) return;
    word.text_size = static_cast<uint32_t>(out->text.size() - word.text_begin);
    out->words.push_back(word);
    in_word = false;
  };
  const uint8_t* const skipped = skip.empty() ? nullptr : skip.data();
  for (size_t pos = 0; pos < text.size();) {
    if (skipped != nullptr && skipped[pos]) {
      close();
      gap = true;
      ++pos;
      continue;
    }
    // Most text is ASCII: lower-case letters and spaces first.
    const char c = text[pos];
    if (c >= 'a' && c <= 'z' && in_word) {
      out->text.push_back(c);
      if (word.letters < UINT16_MAX) ++word.letters;
      word.end = ++pos;
      continue;
    }
    if (c == ' ' && !in_word) {
      ++pos;
      continue;
    }
    int n = 0;
    const uint32_t cp = DecodeAt(text, pos, &n);
    Letter letter;
    const bool is_letter = FoldLetter(cp, &letter);
    const bool is_digit = cp < 0x80 && IsAsciiDigit(static_cast<char>(cp));
    if (is_letter || is_digit) {
      if (!in_word) {
        word = Word();
        word.begin = pos;
        word.text_begin = static_cast<uint32_t>(out->text.size());
        word.after_gap = gap;
        gap = false;
        in_word = true;
      }
      if (is_letter) {
        if (letter.size == 1) {
          out->text.push_back(letter.folded[0]);
        } else {
          out->text.append(letter.folded, letter.size);
        }
        if (word.letters < UINT16_MAX) ++word.letters;
        if (letter.upper && word.upper < UINT16_MAX) ++word.upper;
      } else {
        out->text.push_back(static_cast<char>(cp));
        word.has_digit = true;
      }
      word.end = pos + n;
    } else if (in_word && (IsIgnorable(cp) ||
                           (IsApostrophe(cp) && IsLetterAt(text, pos + n)))) {
      // Inside the word: "don't", a combining accent.
    } else {
      close();
    }
    pos += n;
  }
  close();
}

bool PhraseSet::Add(std::string_view phrase, uint32_t id) {
  Words words;
  ScanWords(phrase, {}, &words);
  if (words.words.empty()) return false;
  Phrase entry;
  entry.id = id;
  for (size_t i = 1; i < words.words.size(); ++i) {
    entry.rest.emplace_back(words.at(i));
  }
  const std::string_view first = words.at(0);
  first_word_shapes_.set(WordShape(first));
  by_first_word_[std::string(first)].push_back(std::move(entry));
  return true;
}

void PhraseSet::FindAll(const Words& words, std::vector<Match>* out) const {
  if (by_first_word_.empty()) return;
  for (size_t i = 0; i < words.words.size(); ++i) {
    const std::string_view word = words.at(i);
    if (!first_word_shapes_.test(WordShape(word))) continue;
    auto it = by_first_word_.find(ToAbsl(word));
    if (it == by_first_word_.end()) continue;
    for (const Phrase& phrase : it->second) {
      if (i + phrase.rest.size() >= words.words.size()) continue;
      bool match = true;
      for (size_t k = 0; k < phrase.rest.size() && match; ++k) {
        const Word& next = words.words[i + 1 + k];
        match = !next.after_gap && words.at(i + 1 + k) == phrase.rest[k];
      }
      if (match) out->push_back({i, phrase.rest.size() + 1, phrase.id});
    }
  }
}

void CheckProfanity(std::string_view text, const std::vector<uint8_t>& skip,
                    const Words& words, std::vector<Finding>* findings) {
  // Each word is looked up as ScanWords normalized it, unless digits or
  // symbols next to it may disguise it ("sh1t", "f*ck", "$hit", "b!tch"):
  // then the whole chunk of letters, digits and symbols around it is read
  // again with the look-alikes undone.
  const auto skipped = [&skip](size_t pos) {
    return !skip.empty() && skip[pos];
  };
  const auto is_chunk_part = [](uint32_t cp) {
    Letter letter;
    return FoldLetter(cp, &letter) || IsDisguise(cp) || IsIgnorable(cp) ||
           IsApostrophe(cp);
  };
  size_t done_until = 0;  // bytes already read as part of a chunk
  for (const Word& word : words.words) {
    if (word.begin < done_until) continue;
    const bool disguised =
        word.has_digit ||
        (word.begin > 0 && !skipped(word.begin - 1) &&
         IsDisguise(static_cast<unsigned char>(text[word.begin - 1]))) ||
        (word.end < text.size() && !skipped(word.end) &&
         IsDisguise(static_cast<unsigned char>(text[word.end])));
    if (!disguised) {
      Piece piece;
      piece.Append(words.text.data() + word.text_begin, word.text_size);
      piece.letters = word.letters;
      piece.begin = word.begin;
      piece.end = word.end;
      CheckPiece(text, piece, findings);
      continue;
    }
    size_t begin = word.begin;
    while (begin > done_until && !skipped(begin - 1)) {
      int n = 0;
      if (!is_chunk_part(DecodeBefore(text, begin, &n))) break;
      begin -= n;
    }
    // A chunk starts with a letter, digit or symbol, not an invisible mark.
    while (begin < word.begin) {
      int n = 0;
      const uint32_t cp = DecodeAt(text, begin, &n);
      if (!IsIgnorable(cp) && !IsApostrophe(cp)) break;
      begin += n;
    }
    size_t end = word.end;
    while (end < text.size() && !skipped(end)) {
      int n = 0;
      if (!is_chunk_part(DecodeAt(text, end, &n))) break;
      end += n;
    }
    CheckChunk(text, begin, end, findings);
    done_until = end;
  }

  // Insulting phrases.
  static const PhraseSet* const kPhrases = [] {
    auto* set = new PhraseSet();
    const std::vector<LexiconPhrase>& phrases = Lexicon::Get().phrases();
    for (uint32_t i = 0; i < phrases.size(); ++i) set->Add(phrases[i].words, i);
    return set;
  }();
  std::vector<PhraseSet::Match> matches;
  kPhrases->FindAll(words, &matches);
  for (const PhraseSet::Match& match : matches) {
    const LexiconPhrase& phrase = Lexicon::Get().phrases()[match.id];
    Finding finding;
    finding.kind = FindingKind::kInsult;
    finding.begin = words.words[match.first_word].begin;
    finding.end = words.words[match.first_word + match.word_count - 1].end;
    finding.message =
        absl::StrCat("Insult (", LanguageName(phrase.language),
                     "): never talk down to the customer; rewrite it.");
    findings->push_back(std::move(finding));
  }
}

void CheckBannedPhrases(const Words& words, const PhraseSet& banned,
                        const std::vector<std::string>& phrases,
                        std::vector<Finding>* findings) {
  std::vector<PhraseSet::Match> matches;
  banned.FindAll(words, &matches);
  for (const PhraseSet::Match& match : matches) {
    Finding finding;
    finding.kind = FindingKind::kBannedPhrase;
    finding.begin = words.words[match.first_word].begin;
    finding.end = words.words[match.first_word + match.word_count - 1].end;
    finding.message = absl::StrCat("Banned phrase \"", phrases[match.id],
                                   "\": the brand does not write it.");
    findings->push_back(std::move(finding));
  }
}

void CheckShouting(const Words& words, std::vector<Finding>* findings) {
  size_t first = 0, last = 0;  // the run's first and last capitals
  int counted_words = 0;       // of two letters or more
  int counted_letters = 0;
  int longest = 0;
  int pair_words = 0;  // of kLongShoutPair letters or more
  bool in_run = false;
  bool pending = false;  // a one-letter capital ("I", "A") may open a run
  size_t pending_word = 0;
  const auto close = [&] {
    if (in_run && counted_letters >= kShoutLetters &&
        ((counted_words >= kShoutWords && longest >= kLongShoutWord) ||
         pair_words >= kShoutLongPair)) {
      Finding finding;
      finding.kind = FindingKind::kShouting;
      finding.begin = words.words[first].begin;
      finding.end = words.words[last].end;
      finding.message = absl::StrCat(
          "Shouting: ", counted_words,
          " words in capitals read as yelling; write in sentence case.");
      findings->push_back(std::move(finding));
    }
    in_run = false;
    pending = false;
    counted_words = 0;
    counted_letters = 0;
    longest = 0;
    pair_words = 0;
  };
  for (size_t i = 0; i < words.words.size(); ++i) {
    const Word& word = words.words[i];
    if (word.after_gap) close();
    // Numbers and codes with digits ("12345678Z") are not words.
    if (word.letters == 0 || word.has_digit) continue;
    if (word.upper < word.letters) {
      close();
      continue;
    }
    if (word.letters < 2) {
      if (!in_run && !pending) {
        pending = true;
        pending_word = i;
      }
      continue;
    }
    if (!in_run) {
      in_run = true;
      first = pending ? pending_word : i;
    }
    last = i;
    ++counted_words;
    counted_letters += word.letters;
    longest = std::max<int>(longest, word.letters);
    if (word.letters >= kLongShoutPair) ++pair_words;
  }
  close();
}

}  // namespace threadline::guard_internal
