// The lexicon sentiment analyzer. Rules and constants follow the published
// findings on how people rate social text (Hutto & Gilbert, ICWSM 2014):
// valences sum over a text; an intensifier adds about 0.29 to the next
// word's strength, a word in capitals among lower case about 0.73; a
// negation scales by -0.74; after "but" words count 1.5 times and before it
// half; each '!' adds about 0.29, up to four. The sum is squashed into
// [-1, 1] by x / sqrt(x^2 + 15).
#include "threadline/sentiment.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "text/hash_table.h"
#include "text/sentiment_lexicon.h"
#include "text/tokenizer.h"

namespace threadline {

std::string_view SentimentLabelName(SentimentLabel label) {
  switch (label) {
    case SentimentLabel::kNegative:
      return "negative";
    case SentimentLabel::kPositive:
      return "positive";
    case SentimentLabel::kNeutral:
      break;
  }
  return "neutral";
}

SentimentAnalyzer::~SentimentAnalyzer() = default;

namespace text {
namespace {

constexpr int kEnglish = 0;
constexpr int kSpanish = 1;
constexpr int kUnknown = -1;

constexpr float kBoosterStep = 0.293f;
constexpr float kCapsStep = 0.733f;
constexpr float kElongatedStep = 0.3f;    // "sooo good"
constexpr float kSuperlativeStep = 0.5f;  // "buenisimo": base word, stronger
constexpr float kNegationFactor = -0.74f;
constexpr float kBeforeContrast = 0.5f;
constexpr float kAfterContrast = 1.5f;
constexpr float kConcessionFactor = 0.5f;
constexpr float kExclaimStep = 0.292f;
constexpr int kMaxExclaims = 4;
// A question asks more than it asserts ("is it any good?").
constexpr float kQuestionFactor = 0.6f;
// Language leans positive: people use positive words even when they
// complain or just inform. Negative expressions weigh more to compensate
// (Taboada et al., "Lexicon-based methods for sentiment analysis", 2011,
// weigh them 1.5).
constexpr float kNegativeWeight = 1.4f;
constexpr float kLaughterValence = 1.5f;
constexpr float kNormalization = 15.0f;
// Label bounds: a score at or below -kNegativeFrom is negative; at or above
// kPositiveFrom[language] positive; between, neutral. Spanish social text
// is full of courtesy and well-wishing ("gracias", "saludos", "feliz dia")
// that readers take as neutral, so a Spanish text needs more positive
// evidence to read as positive.
constexpr float kNegativeFrom = 0.05f;
constexpr float kPositiveFrom[2] = {0.05f, 0.5f};  // English, Spanish

constexpr size_t kMaxBytes = 64 * 1024;
// Language evidence of a sentiment word of one language, against 1 for a
// function word.
constexpr float kSentimentWordEvidence = 0.5f;
// Tokens scored together; the language is decided on the first buffer.
constexpr int kBuffer = 256;
constexpr int kMaxPhraseWords = 6;
// Negations and intensifiers reach this many words ahead.
constexpr int kScope = 3;

struct Sense {
  float valence = 0;
  WordRole role = WordRole::kNone;
  bool defined = false;
};

struct Entry {
  Sense sense[2];                  // English, Spanish
  uint8_t function_languages = 0;  // bit l: a function word of language l
  uint8_t phrase_len = 0;          // longest phrase that begins with it
  bool fixed = false;              // a phrase holding a negator
};

constexpr uint64_t kPhraseSeed = 0x3c6ef372fe94f82bull;

// The words of one authored entry, normalized like text.
std::vector<std::string> EntryWords(std::string_view entry) {
  std::vector<std::string> words;
  Tokenizer tokenizer(entry);
  Token token;
  while (tokenizer.Next(&token)) {
    if (token.kind == TokenKind::kWord) words.emplace_back(token.word());
  }
  return words;
}

template <typename Fn>
void ForEachItem(const char* list, Fn fn) {
  std::string_view rest = list;
  while (!rest.empty()) {
    const size_t space = rest.find(' ');
    std::string_view item = rest.substr(0, space);
    rest = space == std::string_view::npos ? std::string_view()
                                           : rest.substr(space + 1);
    if (!item.empty()) fn(item);
  }
}

// Laughter: "jajaja", "jeje", "haha", "jsjsjs", "ajajaj" (one consonant
// kind, alternating with vowels or keyboard filler) and the acronyms.
// Returns 'j' for Spanish-style laughter, 'e' for the English acronyms,
// 'h' for other laughter, 0 for none.
char Laughter(std::string_view w) {
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

// The lexicon tables, built once from the hand-written lists.
class Lexicon {
 public:
  static const Lexicon& Get() {
    static const Lexicon* const kLexicon = new Lexicon();
    return *kLexicon;
  }

  const Entry& entry(uint32_t id) const { return entries_[id]; }

  // Word: the entry of a normalized word: exact, else its longest stem.
  uint32_t Word(int size, const uint64_t* prefix) const {
    if (size == 0) return HashIndex::kMissing;
    const uint32_t id = words_.Find(prefix[size - 1]);
    if (id != HashIndex::kMissing) return id;
    uint32_t found = HashIndex::kMissing;
    uint32_t lengths = stem_lengths_ & ((2u << size) - 1);
    while (lengths != 0) {
      const int len = __builtin_ctz(lengths);
      lengths &= lengths - 1;
      const uint32_t s = stems_.Find(prefix[len - 1]);
      if (s != HashIndex::kMissing) found = s;
    }
    return found;
  }

  uint32_t Word(const char* text, int size) const {
    // Hashes of every prefix, for the stems.
    uint64_t prefix[kMaxWordBytes];
    uint64_t h = kFnvOffset;
    for (int i = 0; i < size; ++i) {
      h = FnvStep(h, static_cast<unsigned char>(text[i]));
      prefix[i] = h;
    }
    return Word(size, prefix);
  }

  uint32_t Phrase(uint64_t key) const { return phrases_.Find(key); }

  float Emoji(uint32_t code_point) const {
    const uint32_t i = emoji_.Find(code_point);
    return i == HashIndex::kMissing ? 0.0f : emoji_valences_[i];
  }

 private:
  Lexicon() {
    Build(kEnglish, kEnglishSentimentLexicon);
    Build(kSpanish, kSpanishSentimentLexicon);
    Finish();
  }

  uint32_t Find(const std::string& word, bool stem) {
    auto& index = stem ? stem_ids_ : word_ids_;
    auto [it, inserted] =
        index.emplace(word, static_cast<uint32_t>(entries_.size()));
    if (inserted) entries_.emplace_back();
    return it->second;
  }

  void Add(int language, std::string_view item, float valence, WordRole role) {
    const bool stem = item.back() == '*';
    if (stem) item.remove_suffix(1);
    std::string flat(item);
    std::replace(flat.begin(), flat.end(), '_', ' ');
    std::vector<std::string> words = EntryWords(flat);
    if (words.empty()) return;
    Sense sense{valence, role, true};
    if (words.size() == 1) {
      Entry& e = entries_[Find(words[0], stem)];
      // A role word keeps the valence it has ("bien", "damn").
      if (e.sense[language].defined && role != WordRole::kNone) {
        e.sense[language].role = role;
      } else {
        e.sense[language] = sense;
      }
      return;
    }
    if (words.size() > kMaxPhraseWords) return;
    std::vector<uint32_t> ids;
    for (const std::string& w : words) ids.push_back(Find(w, false));
    phrases_raw_.push_back({language, std::move(ids), sense});
  }

  void Build(int language, const LanguageLexicon& lexicon) {
    for (size_t g = 0; g < lexicon.valence_count; ++g) {
      const ValenceGroup& group = lexicon.valences[g];
      ForEachItem(group.entries, [&](std::string_view item) {
        Add(language, item, group.valence, WordRole::kNone);
      });
    }
    for (size_t g = 0; g < lexicon.role_count; ++g) {
      const RoleGroup& group = lexicon.roles[g];
      ForEachItem(group.entries, [&](std::string_view item) {
        Add(language, item, 0, group.role);
      });
    }
    ForEachItem(lexicon.function_words, [&](std::string_view item) {
      std::string flat(item);
      std::replace(flat.begin(), flat.end(), '_', ' ');
      for (const std::string& w : EntryWords(flat)) {
        entries_[Find(w, false)].function_languages |= 1 << language;
      }
    });
  }

  void Finish() {
    // A word written only inside a phrase (or only as a function word)
    // scores as its longest covering stem: "disappointed" in
    // "disappointed_in" keeps the valence of "disappoint*".
    for (const auto& [word, id] : word_ids_) {
      for (int l = 0; l < 2; ++l) {
        if (entries_[id].sense[l].defined) continue;
        for (size_t n = word.size(); n >= 1; --n) {
          auto it = stem_ids_.find(word.substr(0, n));
          if (it != stem_ids_.end() && entries_[it->second].sense[l].defined) {
            entries_[id].sense[l] = entries_[it->second].sense[l];
            break;
          }
        }
      }
    }
    std::map<uint64_t, uint32_t> phrase_ids;
    for (const PhraseRaw& p : phrases_raw_) {
      uint64_t key = kPhraseSeed;
      bool negator = false;
      for (uint32_t id : p.ids) {
        key = PhraseStep(key, id);
        for (const Sense& s : entries_[id].sense) {
          if (s.defined && s.role == WordRole::kNegator) negator = true;
        }
      }
      auto [it, inserted] =
          phrase_ids.emplace(key, static_cast<uint32_t>(entries_.size()));
      if (inserted) entries_.emplace_back();
      Entry& e = entries_[it->second];
      e.sense[p.language] = p.sense;
      e.fixed = e.fixed || negator;
      uint8_t& len = entries_[p.ids[0]].phrase_len;
      len = std::max<uint8_t>(len, static_cast<uint8_t>(p.ids.size()));
    }
    std::vector<std::pair<uint64_t, uint32_t>> words, stems, phrases, emoji;
    for (const auto& [word, id] : word_ids_) {
      words.emplace_back(HashWord(word), id);
    }
    for (const auto& [stem, id] : stem_ids_) {
      stems.emplace_back(HashWord(stem), id);
      if (stem.size() <= kMaxWordBytes) stem_lengths_ |= 1u << stem.size();
    }
    for (const auto& [key, id] : phrase_ids) phrases.emplace_back(key, id);
    for (size_t i = 0; i < kEmojiValenceCount; ++i) {
      emoji.emplace_back(kEmojiValences[i].code_point,
                         static_cast<uint32_t>(emoji_valences_.size()));
      emoji_valences_.push_back(kEmojiValences[i].valence);
    }
    words_ = HashIndex(words);
    stems_ = HashIndex(stems);
    phrases_ = HashIndex(phrases);
    emoji_ = HashIndex(emoji);
  }

  struct PhraseRaw {
    int language;
    std::vector<uint32_t> ids;
    Sense sense;
  };

  std::vector<Entry> entries_;
  std::map<std::string, uint32_t> word_ids_, stem_ids_;
  std::vector<PhraseRaw> phrases_raw_;
  HashIndex words_, stems_, phrases_, emoji_;
  std::vector<float> emoji_valences_;
  uint32_t stem_lengths_ = 0;
};

const Sense& SenseOf(const Entry& e, int language) {
  if (language == kUnknown) {
    return e.sense[kEnglish].defined ? e.sense[kEnglish] : e.sense[kSpanish];
  }
  return e.sense[language].defined ? e.sense[language] : e.sense[1 - language];
}

float Sign(float v) { return v < 0 ? -1.0f : 1.0f; }

// Slot: one token of a text, looked up.
enum SlotFlag : uint8_t {
  kCaps = 1,
  kElongated = 2,
  kSuperlative = 4,
  kSymbol = 8,  // emoji, emoticon or laughter: `valence` holds its value
};

// No default member initializers: the buffers of Slots and Units are left
// uninitialized, and every element is written before it is read.
struct Slot {
  uint32_t id;  // lexicon entry of a word, or HashIndex::kMissing
  float valence;
  uint8_t gap;
  uint8_t exclaims;
  uint8_t flags;
};

// Evidence of the text's language.
struct Evidence {
  float score[2] = {0, 0};
  int words = 0;
  int caps = 0;  // words in capitals
};

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

Slot MakeSlot(const Lexicon& lexicon, const Token& token, Evidence* evidence) {
  Slot slot{HashIndex::kMissing, 0, 0, 0, 0};
  slot.gap = token.gap;
  slot.exclaims = token.exclaims;
  if (token.gap & kGapInverted) evidence->score[kSpanish] += 1;
  if (token.kind == TokenKind::kEmoji) {
    slot.flags = kSymbol;
    slot.valence = lexicon.Emoji(token.symbol);
    return slot;
  }
  if (token.kind == TokenKind::kEmoticon) {
    slot.flags = kSymbol;
    slot.valence = EmoticonValence(token.symbol);
    return slot;
  }
  ++evidence->words;
  if (token.all_caps()) {
    slot.flags |= kCaps;
    ++evidence->caps;
  }
  if (token.accented) evidence->score[kSpanish] += 1;
  if (token.too_long) return slot;
  uint32_t id = lexicon.Word(token.size, token.prefix_hash);
  char collapsed[kMaxWordBytes];
  int collapsed_size = 0;
  if (token.elongated) {
    slot.flags |= kElongated;
    collapsed_size = CollapseElongation(token, collapsed);
    if (id == HashIndex::kMissing) {
      id = lexicon.Word(collapsed, collapsed_size);
    }
  }
  if (id != HashIndex::kMissing) {
    const Entry& e = lexicon.entry(id);
    if (e.function_languages & 1) evidence->score[kEnglish] += 1;
    if (e.function_languages & 2) evidence->score[kSpanish] += 1;
    // A sentiment word known in one language only is weaker evidence.
    if (e.sense[kEnglish].defined != e.sense[kSpanish].defined) {
      evidence->score[e.sense[kEnglish].defined ? kEnglish : kSpanish] +=
          kSentimentWordEvidence;
    }
    slot.id = id;
    return slot;
  }
  const std::string_view word =
      token.elongated ? std::string_view(collapsed, collapsed_size)
                      : token.word();
  if (const char laugh = Laughter(word); laugh != 0) {
    slot.flags |= kSymbol;
    slot.valence = kLaughterValence;
    if (laugh == 'j') evidence->score[kSpanish] += 1;
    if (laugh == 'e') evidence->score[kEnglish] += 1;
    return slot;
  }
  id = Superlative(lexicon, word);
  if (id != HashIndex::kMissing) {
    slot.flags |= kSuperlative;
    evidence->score[kSpanish] += 1;
    slot.id = id;
  }
  return slot;
}

int DecideLanguage(const Evidence& evidence) {
  const float en = evidence.score[kEnglish];
  const float es = evidence.score[kSpanish];
  if (en > es) return kEnglish;
  if (es > en) return kSpanish;
  return kUnknown;
}

// A unit: a word, a phrase or a symbol of one sentence, with its role.
struct Unit {
  float valence;
  WordRole role;
  uint8_t gap;
  bool caps;
  bool fixed;
  uint8_t flags;
};

class Scorer {
 public:
  explicit Scorer(const Lexicon& lexicon) : lexicon_(lexicon) {}

  // Configure: the text's language and whether it mixes capitals with
  // lower case, known once the first buffer has been read.
  void Configure(int language, bool caps_differ) {
    language_ = language;
    caps_differ_ = caps_differ;
  }

  // Sentence: scores slots[0, n), a sentence that ended with `end_gap`
  // punctuation and `exclaims` exclamation marks, into the text's total.
  void Sentence(const Slot* slots, int n, uint8_t end_gap, int exclaims) {
    int m = Units(slots, n);
    if (m == 0) return;
    float adjusted[kBuffer];
    for (int i = 0; i < m; ++i) {
      adjusted[i] = Adjusted(i);
      if (adjusted[i] < 0) adjusted[i] *= kNegativeWeight;
    }
    int contrast = -1;
    for (int i = 0; i < m; ++i) {
      if (units_[i].role == WordRole::kContrast) contrast = i;
      if (units_[i].role == WordRole::kConcession) {
        for (int j = i + 1; j < m && !(units_[j].gap & kGapComma); ++j) {
          adjusted[j] *= kConcessionFactor;
        }
      }
    }
    if (contrast >= 0) {
      for (int i = 0; i < m; ++i) {
        if (i < contrast) adjusted[i] *= kBeforeContrast;
        if (i > contrast) adjusted[i] *= kAfterContrast;
      }
      // "It looked nice. But it broke in a week."
      if (contrast == 0) total_ *= kBeforeContrast;
    }
    float sum = 0;
    for (int i = 0; i < m; ++i) sum += adjusted[i];
    if (sum != 0) {
      if (end_gap & kGapQuestion) sum *= kQuestionFactor;
      if (end_gap & kGapExclaim) {
        sum += Sign(sum) * kExclaimStep * std::min(exclaims, kMaxExclaims);
      }
    }
    total_ += sum;
  }

  float total() const { return total_; }

 private:
  // Units: merges phrases and resolves roles into units_; returns their
  // count.
  int Units(const Slot* slots, int n) {
    int m = 0;
    for (int i = 0; i < n;) {
      const Slot& s = slots[i];
      Unit& u = units_[m++];
      u = Unit{0, WordRole::kNone, 0, false, false, 0};
      u.gap = s.gap;
      u.caps = (s.flags & kCaps) != 0;
      u.flags = s.flags;
      if (s.flags & kSymbol) {
        u.valence = s.valence;
        ++i;
        continue;
      }
      if (s.id == HashIndex::kMissing) {
        ++i;
        continue;
      }
      const Entry& e = lexicon_.entry(s.id);
      int used = 1;
      const Entry* matched = &e;
      if (e.phrase_len >= 2) {
        uint64_t keys[kMaxPhraseWords + 1];
        uint64_t key = kPhraseSeed;
        int built = 0;
        const int longest = std::min<int>(e.phrase_len, n - i);
        for (; built < longest; ++built) {
          const Slot& t = slots[i + built];
          if (t.id == HashIndex::kMissing || (t.flags & kSymbol) ||
              (built > 0 && (t.gap & kGapComma))) {
            break;
          }
          key = PhraseStep(key, t.id);
          keys[built + 1] = key;
        }
        for (int len = built; len >= 2; --len) {
          const uint32_t p = lexicon_.Phrase(keys[len]);
          if (p != HashIndex::kMissing &&
              SenseOf(lexicon_.entry(p), language_).defined) {
            matched = &lexicon_.entry(p);
            used = len;
            break;
          }
        }
      }
      const Sense& sense = SenseOf(*matched, language_);
      u.valence = sense.valence;
      u.role = sense.role;
      u.fixed = matched->fixed;
      if (used > 1) u.flags &= ~(kElongated | kSuperlative);
      i += used;
    }
    // A word that both intensifies and carries valence ("pretty", "bien",
    // "damn") intensifies when a sentiment word follows, else counts itself.
    for (int i = 0; i < m; ++i) {
      Unit& u = units_[i];
      if (u.valence == 0 ||
          (u.role != WordRole::kBooster && u.role != WordRole::kDampener)) {
        continue;
      }
      const bool next_has_valence = i + 1 < m && units_[i + 1].valence != 0 &&
                                    !(units_[i + 1].gap & kGapComma);
      if (next_has_valence) {
        u.valence = 0;
      } else {
        u.role = WordRole::kNone;
      }
    }
    return m;
  }

  float Adjusted(int i) const {
    const Unit& u = units_[i];
    float v = u.valence;
    if (v == 0) return 0;
    // Emoji, emoticons and laughter say what they say: "no funciona 😡" is
    // not a negated anger.
    if (u.flags & kSymbol) return v;
    const float sign = Sign(v);
    if (u.caps && caps_differ_) v += sign * kCapsStep;
    if (u.flags & kElongated) v += sign * kElongatedStep;
    if (u.flags & kSuperlative) v += sign * kSuperlativeStep;
    static constexpr float kDistance[kScope] = {1.0f, 0.95f, 0.9f};
    bool negated = false;
    bool clause_open = true;  // no comma between the word and units[j]
    for (int k = 1; k <= kScope && i - k >= 0; ++k) {
      const Unit& w = units_[i - k];
      if (units_[i - k + 1].gap & kGapComma) clause_open = false;
      if (w.role == WordRole::kBooster || w.role == WordRole::kDampener) {
        float step = kBoosterStep * kDistance[k - 1];
        if (w.caps && caps_differ_) step += kCapsStep;
        const float signed_step = w.role == WordRole::kBooster ? step : -step;
        v += sign * signed_step;
        if (Sign(v) != sign) v = 0;  // a dampener weakens, never flips
      }
      if (!clause_open) continue;
      if (w.role == WordRole::kNegator) negated = true;
      if (k == 1 && w.role == WordRole::kLeast) negated = true;
    }
    if (negated && !u.fixed) v *= kNegationFactor;
    return v;
  }

  const Lexicon& lexicon_;
  int language_ = kUnknown;
  bool caps_differ_ = false;
  Unit units_[kBuffer];
  float total_ = 0;
};

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

class LexiconSentimentAnalyzer : public SentimentAnalyzer {
 public:
  Sentiment Analyze(std::string_view text,
                    std::string_view language) const override {
    const Lexicon& lexicon = Lexicon::Get();
    int lang = ParseLanguage(language);
    const bool detect = lang == kUnknown;
    Scorer scorer(lexicon);
    Slot slots[kBuffer];
    int n = 0;
    Evidence evidence;
    Tokenizer tokenizer(text, kMaxBytes);
    Token token;
    bool first = true;
    bool more = true;
    uint8_t end_gap = 0;
    int end_exclaims = 0;
    while (more) {
      while (n < kBuffer) {
        if (!tokenizer.Next(&token)) {
          more = false;
          break;
        }
        if (token.kind == TokenKind::kEnd) {
          end_gap = token.gap;
          end_exclaims = token.exclaims;
          more = false;
          break;
        }
        slots[n++] = MakeSlot(lexicon, token, &evidence);
      }
      if (first) {
        // The first buffer (a whole tweet, or the start of a long text)
        // settles the language and the capitals baseline.
        if (detect) lang = DecideLanguage(evidence);
        scorer.Configure(lang,
                         evidence.caps > 0 && evidence.caps < evidence.words);
        first = false;
      }
      int start = 0;
      for (int i = 1; i < n; ++i) {
        if (slots[i].gap & kGapSentence) {
          scorer.Sentence(slots + start, i - start, slots[i].gap,
                          slots[i].exclaims);
          start = i;
        }
      }
      if (!more) {
        scorer.Sentence(slots + start, n - start, end_gap, end_exclaims);
        n = 0;
      } else if (start == 0) {
        scorer.Sentence(slots, n, 0, 0);  // one sentence filled the buffer
        n = 0;
      } else {
        std::copy(slots + start, slots + n, slots);
        n -= start;
      }
    }
    const float total = scorer.total();
    Sentiment result;
    result.score = total / std::sqrt(total * total + kNormalization);
    const float positive_from =
        kPositiveFrom[lang == kSpanish ? kSpanish : kEnglish];
    result.label = result.score >= positive_from    ? SentimentLabel::kPositive
                   : result.score <= -kNegativeFrom ? SentimentLabel::kNegative
                                                    : SentimentLabel::kNeutral;
    result.language = std::string(LanguageName(lang));
    return result;
  }
};

}  // namespace
}  // namespace text

std::shared_ptr<const SentimentAnalyzer> NewLexiconSentimentAnalyzer() {
  static const auto* const kAnalyzer =
      new std::shared_ptr<const SentimentAnalyzer>(
          std::make_shared<text::LexiconSentimentAnalyzer>());
  text::Lexicon::Get();  // build the tables now, not on the first text
  return *kAnalyzer;
}

std::string_view DetectLanguage(std::string_view text) {
  const text::Lexicon& lexicon = text::Lexicon::Get();
  text::Evidence evidence;
  text::Tokenizer tokenizer(text, text::kMaxBytes);
  text::Token token;
  while (tokenizer.Next(&token)) {
    if (token.kind == text::TokenKind::kEnd) break;
    text::MakeSlot(lexicon, token, &evidence);
  }
  return text::LanguageName(text::DecideLanguage(evidence));
}

}  // namespace threadline
