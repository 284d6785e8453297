#include "text/sentiment_reader.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

namespace threadline::text {
namespace sentiment {
namespace {

// Rules and constants follow the published findings on how people rate
// social text (Hutto & Gilbert, ICWSM 2014); the scoring rules are in
// sentiment_scorer.cc.
constexpr float kLaughterValence = 1.5f;
constexpr float kNormalization = 15.0f;
// Label bounds: a score at or below -kNegativeFrom is negative; at or above
// kPositiveFrom[language] positive; between, neutral. Spanish social text
// is full of courtesy and well-wishing ("gracias", "saludos", "feliz dia")
// that readers take as neutral, so a Spanish text needs more positive
// evidence to read as positive.
constexpr float kNegativeFrom = 0.05f;
constexpr float kPositiveFrom[2] = {0.05f, 0.5f};  // English, Spanish

// Language evidence of a sentiment word of one language, against 1 for a
// function word.
constexpr float kSentimentWordEvidence = 0.5f;

// Laughter: "jajaja", "jeje", "haha", "jsjsjs", "ajajaj" (one consonant
// kind, alternating with vowels or keyboard filler) and the acronyms.
// Returns 'j' for Spanish-style laughter, 'e' for the English acronyms,
// 'h' for other laughter, 0 for none.
char Laughter(std::string_view w) {
  // Every form begins with one of these letters: most words are ruled out
  // before any comparison.
  const char f = w[0];
  if (f != 'l' && f != 'r' && f != 'k' && f != 'x' && f != 'a' && f != 'j' &&
      f != 'h') {
    return 0;
  }
  static constexpr std::string_view kAcronyms[] = {"lol",     "lool",  "lolol",
                                                   "lmao",    "lmfao", "rofl",
                                                   "roflmao", "kek",   "lulz"};
  for (std::string_view a : kAcronyms) {
    if (w == a) return 'e';
  }
  if (w == "xd" || w == "xdd" || w == "xddd") return 'h';
  if (w.size() < 4) return 0;
  size_t i = w[0] == 'a' ? 1 : 0;
  const char consonant = w[i];
  if (consonant != 'j' && consonant != 'h') return 0;
  int pairs = 0;
  while (i < w.size()) {
    if (w[i] != consonant) return 0;
    ++i;
    if (i == w.size()) break;
    const char v = w[i];
    const bool vowel = v == 'a' || v == 'e' || v == 'i' || v == 'o' || v == 'u';
    const bool filler = consonant == 'j' && (v == 's' || v == 'k');
    if (!vowel && !filler) return 0;
    ++pairs;
    ++i;
  }
  return pairs >= 2 ? consonant : 0;
}

float EmoticonValence(uint32_t e) {
  switch (e) {
    case kSmile:
      return 2.0f;
    case kLaugh:
      return 2.5f;
    case kWink:
    case kTongue:
      return 1.5f;
    case kHeart:
      return 3.0f;
    case kFrown:
      return -2.3f;
    case kCry:
      return -2.5f;
    case kAnnoyed:
      return -1.5f;
    case kBrokenHeart:
      return -3.0f;
    default:
      return 0.0f;
  }
}

// "buenisimo" -> "bueno", "riquisima" -> "rica", "felicisimo" -> "feliz",
// "amabilisimo" -> "amable", "facilisimo" -> "facil".
uint32_t Superlative(const Lexicon& lexicon, std::string_view w) {
  // The shortest form is 8 letters ("isimo" and a base of 3), ending in
  // 'o', 'a' or 's'.
  if (w.size() < 8 || (w.back() != 'o' && w.back() != 'a' && w.back() != 's')) {
    return HashIndex::kMissing;
  }
  size_t cut = 0;
  for (std::string_view suffix : {"isimos", "isimas", "isimo", "isima"}) {
    if (w.size() > suffix.size() + 2 &&
        w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0) {
      cut = suffix.size();
      break;
    }
  }
  if (cut == 0) return HashIndex::kMissing;
  const std::string_view gender = w.substr(w.size() - cut + 4, 1);  // o, a
  const std::string_view base = w.substr(0, w.size() - cut);
  char buffer[kMaxWordBytes];
  // Looks up head + ending without allocating.
  auto attempt = [&](std::string_view head, std::string_view ending) {
    if (head.size() + ending.size() > kMaxWordBytes) {
      return HashIndex::kMissing;
    }
    std::memcpy(buffer, head.data(), head.size());
    std::memcpy(buffer + head.size(), ending.data(), ending.size());
    return lexicon.Word(buffer, static_cast<int>(head.size() + ending.size()));
  };
  uint32_t id = attempt(base, gender);
  if (id == HashIndex::kMissing && base.size() > 3) {
    const std::string_view head2 = base.substr(0, base.size() - 2);
    const std::string_view last2 = base.substr(base.size() - 2);
    // The spelling changes that keep the consonant's sound.
    const std::string_view swap = last2 == "qu"   ? "c"
                                  : last2 == "gu" ? "g"
                                                  : std::string_view();
    if (!swap.empty()) {
      char joined[kMaxWordBytes];
      if (head2.size() + 2 <= kMaxWordBytes) {
        std::memcpy(joined, head2.data(), head2.size());
        joined[head2.size()] = swap[0];
        id = attempt(std::string_view(joined, head2.size() + 1), gender);
      }
    } else if (base.substr(base.size() - 3) == "bil") {
      id = attempt(base.substr(0, base.size() - 3), "ble");
    } else if (base.back() == 'c') {
      id = attempt(base.substr(0, base.size() - 1), "z");
    }
  }
  if (id == HashIndex::kMissing) id = attempt(base, "");
  if (id == HashIndex::kMissing) id = attempt(base, "e");
  return id;
}

// Whether a word of entry `e` may weigh in a sentence (see kActive): in
// some language it has a sense, whose valence or role may count, or it
// begins a phrase.
bool MayWeigh(const Entry& e) {
  return e.sense[kEnglish].defined || e.sense[kSpanish].defined ||
         e.phrase_len >= 2;
}

// The reading of the entry `id` of a word.
WordReading EntryReading(const Lexicon& lexicon, uint32_t id) {
  WordReading r{id, 0, 0, 0, 0};
  const Entry& e = lexicon.entry(id);
  if (e.function_languages & 1) r.english += 1;
  if (e.function_languages & 2) r.spanish += 1;
  // A sentiment word known in one language only is weaker evidence.
  if (e.sense[kEnglish].defined != e.sense[kSpanish].defined) {
    (e.sense[kEnglish].defined ? r.english : r.spanish) +=
        kSentimentWordEvidence;
  }
  if (MayWeigh(e)) r.flags |= kActive;
  return r;
}

// The reading of a word the lexicon has no entry for (`word` as read,
// stretched runs collapsed).
WordReading UnknownReading(const Lexicon& lexicon, std::string_view word) {
  WordReading r{HashIndex::kMissing, 0, 0, 0, 0};
  if (const char laugh = Laughter(word); laugh != 0) {
    r.flags |= kSymbol | kActive;
    r.valence = kLaughterValence;
    if (laugh == 'j') r.spanish += 1;
    if (laugh == 'e') r.english += 1;
    return r;
  }
  const uint32_t id = Superlative(lexicon, word);
  if (id != HashIndex::kMissing) {
    r.flags |= kSuperlative;
    if (MayWeigh(lexicon.entry(id))) r.flags |= kActive;
    r.spanish += 1;
    r.id = id;
  }
  return r;
}

Slot MakeSlot(const Lexicon& lexicon, const Token& token, Evidence* evidence) {
  Slot slot{HashIndex::kMissing, 0, 0, 0, 0};
  slot.gap = token.gap;
  slot.exclaims = token.exclaims;
  if (token.gap & kGapInverted) evidence->score[kSpanish] += 1;
  if (token.kind == TokenKind::kEmoji) {
    slot.valence = lexicon.Emoji(token.symbol);
    slot.flags = kSymbol | (slot.valence != 0 ? kActive : 0);
    return slot;
  }
  if (token.kind == TokenKind::kEmoticon) {
    slot.valence = EmoticonValence(token.symbol);
    slot.flags = kSymbol | (slot.valence != 0 ? kActive : 0);
    return slot;
  }
  ++evidence->words;
  if (token.all_caps()) {
    slot.flags |= kCaps;
    ++evidence->caps;
  }
  if (token.accented) evidence->score[kSpanish] += 1;
  if (token.too_long) return slot;
  WordReading r;
  if (!token.elongated) {
    r = ReadWord(lexicon, token.text, token.size, token.prefix_hash);
  } else {
    // The word as read, else with its stretched runs collapsed.
    slot.flags |= kElongated;
    const uint32_t id = lexicon.Word(token.size, token.prefix_hash);
    if (id != HashIndex::kMissing) {
      r = EntryReading(lexicon, id);
    } else {
      char collapsed[kMaxWordBytes];
      const int n = CollapseElongation(token, collapsed);
      r = ReadWord(lexicon, collapsed, n, nullptr);
    }
  }
  evidence->score[kEnglish] += r.english;
  evidence->score[kSpanish] += r.spanish;
  slot.id = r.id;
  slot.valence = r.valence;
  slot.flags |= r.flags;
  return slot;
}

int DecideLanguage(const Evidence& evidence) {
  const float en = evidence.score[kEnglish];
  const float es = evidence.score[kSpanish];
  if (en > es) return kEnglish;
  if (es > en) return kSpanish;
  return kUnknown;
}

int ParseLanguage(std::string_view language) {
  if (language.size() >= 2 &&
      (language.size() == 2 || language[2] == '-' || language[2] == '_')) {
    const char a = static_cast<char>(language[0] | 0x20);
    const char b = static_cast<char>(language[1] | 0x20);
    if (a == 'e' && b == 'n') return kEnglish;
    if (a == 'e' && b == 's') return kSpanish;
  }
  return kUnknown;
}

std::string_view LanguageName(int language) {
  return language == kEnglish ? "en" : language == kSpanish ? "es" : "";
}

}  // namespace

WordReading ReadWord(const Lexicon& lexicon, const char* word, int size,
                     const uint64_t* prefix) {
  const uint32_t id = prefix != nullptr ? lexicon.Word(size, prefix)
                                        : lexicon.Word(word, size);
  if (id != HashIndex::kMissing) return EntryReading(lexicon, id);
  return UnknownReading(lexicon, std::string_view(word, size));
}

WordReading ReadUnlistedWord(const Lexicon& lexicon, const char* word,
                             int size, const uint64_t* prefix) {
  const uint32_t id = lexicon.Stem(size, prefix);
  if (id != HashIndex::kMissing) return EntryReading(lexicon, id);
  return UnknownReading(lexicon, std::string_view(word, size));
}

}  // namespace sentiment

namespace {

using sentiment::LanguageName;
using sentiment::Lexicon;
using sentiment::ParseLanguage;
using sentiment::Slot;

}  // namespace

SentimentReader::SentimentReader(std::string_view language)
    : SentimentReader(language, true) {}

SentimentReader SentimentReader::DetectOnly() {
  return SentimentReader(std::string_view(), false);
}

SentimentReader::SentimentReader(std::string_view language, bool score)
    : lexicon_(Lexicon::Get()),
      score_(score),
      detect_(ParseLanguage(language) == sentiment::kUnknown),
      language_(ParseLanguage(language)),
      scorer_(lexicon_) {}

void SentimentReader::AddSlot(const Token& token) {
  const Slot slot = sentiment::MakeSlot(lexicon_, token, &evidence_);
  if (!score_) return;
  slots_[n_++] = slot;
  if (n_ == sentiment::kBuffer) Flush(true);
}

void SentimentReader::End(const Token& token) {
  end_gap_ = token.gap;
  end_exclaims_ = token.exclaims;
  if (score_) Flush(false);
}

void SentimentReader::Flush(bool more) {
  if (first_) {
    // The first buffer (a whole tweet, or the start of a long text) settles
    // the language and the capitals baseline.
    if (detect_) language_ = sentiment::DecideLanguage(evidence_);
    scorer_.Configure(language_,
                      evidence_.caps > 0 && evidence_.caps < evidence_.words);
    first_ = false;
  }
  // Sentences with no slot that may weigh score 0 and are skipped.
  int start = 0;
  bool active = n_ > 0 && (slots_[0].flags & sentiment::kActive);
  for (int i = 1; i < n_; ++i) {
    if (slots_[i].gap & kGapSentence) {
      if (active) {
        scorer_.Sentence(slots_ + start, i - start, slots_[i].gap,
                         slots_[i].exclaims);
      }
      start = i;
      active = false;
    }
    active |= (slots_[i].flags & sentiment::kActive) != 0;
  }
  if (!more) {
    if (active) {
      scorer_.Sentence(slots_ + start, n_ - start, end_gap_, end_exclaims_);
    }
    n_ = 0;
  } else if (start == 0) {
    // One sentence filled the buffer.
    if (active) scorer_.Sentence(slots_, n_, 0, 0);
    n_ = 0;
  } else {
    std::copy(slots_ + start, slots_ + n_, slots_);
    n_ -= start;
  }
}

Sentiment SentimentReader::Finish() const {
  const float total = scorer_.total();
  Sentiment result;
  result.score = total / std::sqrt(total * total + sentiment::kNormalization);
  const float positive_from =
      sentiment::kPositiveFrom[language_ == sentiment::kSpanish
                                   ? sentiment::kSpanish
                                   : sentiment::kEnglish];
  result.label = result.score >= positive_from ? SentimentLabel::kPositive
                 : result.score <= -sentiment::kNegativeFrom
                     ? SentimentLabel::kNegative
                     : SentimentLabel::kNeutral;
  result.language = std::string(LanguageName(language_));
  return result;
}

std::string_view SentimentReader::DetectedLanguage() const {
  return LanguageName(sentiment::DecideLanguage(evidence_));
}

}  // namespace threadline::text
