#include "text/topic.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <utility>

#include "text/tokenizer.h"
#include "text/topic_lexicon.h"

namespace threadline::text {
namespace {

constexpr uint8_t kEnglish = 1;
constexpr uint8_t kSpanish = 2;
constexpr uint8_t kBothLanguages = kEnglish | kSpanish;

// A phrase has at most this many content words; longer ones are not built.
constexpr int kMaxPhraseWords = 5;
// Evidence a topic needs: one clear word (2) or two hints.
constexpr float kMinTopicScore = 1.5f;
constexpr float kMinFollowUpScore = 1.0f;
// Weight of a word of the other language when the language is known: lower,
// not zero, as customers mix languages and many words are shared.
constexpr float kOtherLanguageFactor = 0.5f;
// How fast confidence saturates with evidence.
constexpr float kEvidenceScale = 3.0f;

constexpr uint8_t kNoTopicIndex = 0xff;

// Key of a phrase from its words' phrase ids, built word by word.
constexpr uint64_t kPhraseSeed = 0x7a3f9c2d51e84b61ull;

struct Word {
  std::string text;
  bool stem = false;
};

// Splits an authored entry ("cancel* plan") into normalized words, with the
// same tokenizer as the text so both sides fold alike.
std::vector<Word> ParseWords(std::string_view entry) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < entry.size()) {
    while (i < entry.size() && entry[i] == ' ') ++i;
    size_t j = i;
    while (j < entry.size() && entry[j] != ' ') ++j;
    std::string_view piece = entry.substr(i, j - i);
    i = j;
    if (piece.empty()) continue;
    const bool stem = piece.back() == '*';
    if (stem) piece.remove_suffix(1);
    Tokenizer tokenizer(piece);
    Token token;
    const size_t first = words.size();
    while (tokenizer.Next(&token)) {
      if (token.kind == TokenKind::kWord) {
        words.push_back({std::string(token.word()), false});
      }
    }
    if (stem && words.size() > first) words.back().stem = true;
  }
  return words;
}

// "2.5" -> 2.5, by hand: std::stof would follow the host's locale.
float ParseWeight(std::string_view s) {
  float value = 0, scale = 0;
  for (char c : s) {
    if (c == '.') {
      scale = 1;
    } else if (c >= '0' && c <= '9') {
      value = value * 10 + (c - '0');
      scale *= 10;
    }
  }
  return scale > 0 ? value / scale : value;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

// The classifier's tables, built once from the lexicon (Builder).
struct TopicClassifier::Tables {
  struct Weight {
    uint8_t topic;      // index into Topics(), or the follow-up slot
    uint8_t languages;  // bit 0: English, bit 1: Spanish
    float weight;
  };
  struct Lexeme {
    uint32_t first = 0;  // weights[first, first + count)
    uint32_t count = 0;
    uint32_t phrase_id = 0;  // the word's id inside phrases; 0: none
    bool filler = false;     // skipped inside phrases ("my", "el")
  };

  // Resolve: the lexeme of a normalized word (exact, else its stems), given
  // the hashes of its prefixes (prefix[i] hashes text[0..i]).
  WordReading Resolve(int size, const uint64_t* prefix) const;
  // ResolveStems: Resolve for a word that is no key of `words`.
  WordReading ResolveStems(int size, const uint64_t* prefix) const;
  void Score(const WordReading* items, int n, uint8_t languages,
             float* scores) const;
  void AddWeights(uint32_t first, uint32_t count, uint8_t languages,
                  float* scores) const;

  std::vector<Weight> weights;
  std::vector<Lexeme> lexemes;
  std::vector<uint8_t> phrase_len;  // by phrase id: longest phrase from it
  HashIndex words;                  // HashWord(word) -> lexeme
  StemIndex stems;                  // stem -> lexeme
  HashIndex phrases;  // PhraseKey(ids) -> index into phrase_weights
  std::vector<std::pair<uint32_t, uint32_t>> phrase_weights;  // first, count
  std::vector<std::string> texts;   // every word and stem, for Words()
};

// Builds the classifier's tables from the lexicon. Entries for the same word
// (or phrase) and topic keep the largest weight, so an entry repeated in
// another form or group never counts twice.
class TopicClassifier::Builder {
 public:
  explicit Builder(Tables* out) : out_(out) {
    lexemes_.emplace_back();  // id 0: "no word", so phrase id 0 means none
  }

  void Build() {
    const std::vector<std::string_view>& topics = Topics();
    for (const Word& w : ParseWords(kTopicFillers)) {
      lexemes_[Find(w)].filler = true;
    }
    std::vector<std::pair<std::vector<Word>, Raw>> phrases;
    for (size_t g = 0; g < kTopicLexiconSize; ++g) {
      const TopicLexiconGroup& group = kTopicLexicon[g];
      const std::string_view name = group.topic;
      uint8_t topic = kNoTopicIndex;
      if (name == kFollowUpTopic) {
        topic = static_cast<uint8_t>(topics.size());
      } else if (name != kNoTopic) {
        topic = static_cast<uint8_t>(
            std::find(topics.begin(), topics.end(), name) - topics.begin());
      }
      const std::string_view language = group.language;
      const uint8_t languages = language == "en"   ? kEnglish
                                : language == "es" ? kSpanish
                                                   : kBothLanguages;
      std::string_view rest = group.entries;
      while (!rest.empty()) {
        size_t comma = rest.find(',');
        std::string_view entry = Trim(rest.substr(0, comma));
        rest = comma == std::string_view::npos ? std::string_view()
                                               : rest.substr(comma + 1);
        if (entry.empty()) continue;
        float weight = 2;
        if (size_t eq = entry.find('='); eq != std::string_view::npos) {
          weight = ParseWeight(entry.substr(eq + 1));
          entry = Trim(entry.substr(0, eq));
        }
        std::vector<Word> words = ParseWords(entry);
        std::vector<Word> content;
        for (const Word& w : words) {
          // Every word becomes a lexeme now, before phrase ids are assigned.
          const uint32_t id = Find(w);
          if (w.stem || !lexemes_[id].filler) content.push_back(w);
        }
        if (content.empty()) continue;
        const Raw raw{topic, languages, weight};
        if (words.size() == 1) {
          Merge(&lexemes_[Find(content[0])].weights, raw);
        } else if (content.size() == 1) {
          // "not me" without its filler is just "not": not what was meant.
          continue;
        } else if (content.size() <= kMaxPhraseWords) {
          phrases.emplace_back(std::move(content), raw);
        }
      }
    }
    AssignPhraseIds();
    InheritStemWeights();
    std::map<uint64_t, std::map<uint8_t, Raw>> phrase_weights;
    out_->phrase_len.assign(lexemes_.size(), 0);
    for (const auto& [words, raw] : phrases) {
      uint64_t key = kPhraseSeed;
      for (const Word& w : words) {
        key = PhraseStep(key, lexemes_[Find(w)].phrase_id);
      }
      Merge(&phrase_weights[key], raw);
      uint8_t& len = out_->phrase_len[lexemes_[Find(words[0])].phrase_id];
      len = std::max<uint8_t>(len, static_cast<uint8_t>(words.size()));
    }
    Flatten(phrase_weights);
  }

 private:
  struct Raw {
    uint8_t topic;
    uint8_t languages;
    float weight;
  };
  struct Info {
    std::string text;
    bool stem = false;
    bool filler = false;
    uint32_t phrase_id = 0;
    std::map<uint8_t, Raw> weights;  // by topic
  };

  static void Merge(std::map<uint8_t, Raw>* weights, const Raw& raw) {
    auto [it, inserted] = weights->emplace(raw.topic, raw);
    if (!inserted) {
      it->second.languages |= raw.languages;
      it->second.weight = std::max(it->second.weight, raw.weight);
    }
  }

  uint32_t Find(const Word& w) {
    auto& index = w.stem ? stems_ : exact_;
    auto [it, inserted] =
        index.emplace(w.text, static_cast<uint32_t>(lexemes_.size()));
    if (inserted) {
      Info info;
      info.text = w.text;
      info.stem = w.stem;
      lexemes_.push_back(std::move(info));
    }
    return it->second;
  }

  // The stems that `text` begins with, shortest first.
  std::vector<uint32_t> CoveringStems(const std::string& text) const {
    std::vector<uint32_t> found;
    for (size_t n = 1; n <= text.size(); ++n) {
      auto it = stems_.find(text.substr(0, n));
      if (it != stems_.end()) found.push_back(it->second);
    }
    return found;
  }

  // A word's id inside phrases is its shortest covering stem, so "cancel*
  // plan" matches "cancelled plan" and "cancelar plan" whichever entries
  // exist for those words; at run time a word resolves the same way.
  void AssignPhraseIds() {
    for (uint32_t id = 1; id < lexemes_.size(); ++id) {
      std::vector<uint32_t> stems = CoveringStems(lexemes_[id].text);
      lexemes_[id].phrase_id = stems.empty() ? id : stems.front();
    }
  }

  // A word or stem with no weights of its own (it was only written inside a
  // phrase) scores as its longest shorter stem would: "devolv*" as
  // "devol*". Shorter texts go first so inheritance follows chains.
  void InheritStemWeights() {
    std::vector<uint32_t> order;
    for (uint32_t id = 1; id < lexemes_.size(); ++id) order.push_back(id);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return lexemes_[a].text.size() < lexemes_[b].text.size();
    });
    for (uint32_t id : order) {
      Info& info = lexemes_[id];
      if (info.filler || !info.weights.empty()) continue;
      std::vector<uint32_t> stems = CoveringStems(info.text);
      if (!stems.empty() && stems.back() == id) stems.pop_back();
      if (!stems.empty()) info.weights = lexemes_[stems.back()].weights;
    }
  }

  std::pair<uint32_t, uint32_t> AddWeights(const std::map<uint8_t, Raw>& w) {
    const uint32_t first = static_cast<uint32_t>(out_->weights.size());
    for (const auto& [topic, raw] : w) {
      if (topic == kNoTopicIndex || raw.weight == 0) continue;
      out_->weights.push_back({topic, raw.languages, raw.weight});
    }
    return {first, static_cast<uint32_t>(out_->weights.size()) - first};
  }

  void Flatten(const std::map<uint64_t, std::map<uint8_t, Raw>>& phrases) {
    std::vector<std::pair<uint64_t, uint32_t>> words, keys;
    std::vector<std::pair<std::string, uint32_t>> stems;
    out_->lexemes.resize(lexemes_.size());
    for (uint32_t id = 1; id < lexemes_.size(); ++id) {
      const Info& info = lexemes_[id];
      Tables::Lexeme& lexeme = out_->lexemes[id];
      std::tie(lexeme.first, lexeme.count) = AddWeights(info.weights);
      lexeme.phrase_id = info.phrase_id;
      lexeme.filler = info.filler;
      if (info.stem) {
        stems.emplace_back(info.text, id);
      } else {
        words.emplace_back(HashWord(info.text), id);
      }
      out_->texts.push_back(info.text);
    }
    for (const auto& [key, w] : phrases) {
      keys.emplace_back(key,
                        static_cast<uint32_t>(out_->phrase_weights.size()));
      out_->phrase_weights.push_back(AddWeights(w));
    }
    out_->words = HashIndex(words);
    out_->stems = StemIndex(stems);
    out_->phrases = HashIndex(keys);
  }

  Tables* out_;
  std::vector<Info> lexemes_;
  std::map<std::string, uint32_t> exact_, stems_;
};

const std::vector<std::string_view>& TopicClassifier::Topics() {
  static const auto* const kTopics = new std::vector<std::string_view>{
      "billing",        "refund_return",   "delivery",
      "connectivity",   "cancellation",    "plan_change",
      "account_access", "device_fault",    "payment",
      "appointment",    "software_issue",  "fraud_security",
      "account_update", "product_inquiry", "service_complaint",
      "promotion",      "sim_number",
  };
  return *kTopics;
}

const TopicClassifier::Tables& TopicClassifier::SharedTables() {
  static const Tables* const kTables = [] {
    auto* tables = new Tables;
    Builder(tables).Build();
    return tables;
  }();
  return *kTables;
}

TopicClassifier::TopicClassifier() : tables_(&SharedTables()) {}

const std::vector<std::string>& TopicClassifier::Words() const {
  return tables_->texts;
}

void TopicClassifier::Tables::AddWeights(uint32_t first, uint32_t count,
                                         uint8_t languages,
                                         float* scores) const {
  for (uint32_t i = first; i < first + count; ++i) {
    const Weight& w = weights[i];
    scores[w.topic] +=
        (w.languages & languages) ? w.weight : w.weight * kOtherLanguageFactor;
  }
}

void TopicClassifier::Tables::Score(const WordReading* items, int n,
                                    uint8_t languages, float* scores) const {
  for (int i = 0; i < n;) {
    const uint32_t pid = items[i].phrase_id;
    const int longest = pid == 0 ? 0 : std::min<int>(phrase_len[pid], n - i);
    int matched = 0;
    if (longest >= 2) {
      uint64_t keys[kMaxPhraseWords + 1];
      uint64_t key = kPhraseSeed;
      int built = 0;
      for (; built < longest && items[i + built].phrase_id != 0; ++built) {
        key = PhraseStep(key, items[i + built].phrase_id);
        keys[built + 1] = key;
      }
      for (int len = built; len >= 2 && matched == 0; --len) {
        const uint32_t p = phrases.Find(keys[len]);
        if (p == HashIndex::kMissing) continue;
        AddWeights(phrase_weights[p].first, phrase_weights[p].second,
                   languages, scores);
        matched = len;
      }
    }
    if (matched > 0) {
      i += matched;
      continue;
    }
    if (items[i].lexeme != HashIndex::kMissing) {
      const Lexeme& lexeme = lexemes[items[i].lexeme];
      AddWeights(lexeme.first, lexeme.count, languages, scores);
    }
    ++i;
  }
}

inline TopicClassifier::WordReading TopicClassifier::Tables::Resolve(
    int size, const uint64_t* prefix) const {
  WordReading item{HashIndex::kMissing, 0, false};
  if (size == 0) return item;
  const uint32_t id = words.Find(prefix[size - 1]);
  if (id != HashIndex::kMissing) {
    return {id, lexemes[id].phrase_id, lexemes[id].filler};
  }
  return ResolveStems(size, prefix);
}

inline TopicClassifier::WordReading TopicClassifier::Tables::ResolveStems(
    int size, const uint64_t* prefix) const {
  WordReading item{HashIndex::kMissing, 0, false};
  // Stems: the longest gives the weights, the shortest the phrase id.
  stems.ForEachPrefix(size, prefix, [&](uint32_t s) {
    if (item.phrase_id == 0) item.phrase_id = lexemes[s].phrase_id;
    item.lexeme = s;
  });
  if (item.lexeme != HashIndex::kMissing) {
    item.filler = lexemes[item.lexeme].filler;
  }
  return item;
}

TopicClassifier::WordReading TopicClassifier::ReadWord(
    int size, const uint64_t* prefix) const {
  return tables_->Resolve(size, prefix);
}

TopicClassifier::WordReading TopicClassifier::ReadUnlistedWord(
    int size, const uint64_t* prefix) const {
  return tables_->ResolveStems(size, prefix);
}

TopicGuess TopicClassifier::Classify(std::string_view text,
                                     std::string_view language) const {
  Reader reader(*this, language);
  Tokenizer tokenizer(text, kMaxBytes);
  Token token;
  while (tokenizer.Next(&token)) reader.Add(token);
  return reader.Finish();
}

TopicClassifier::Reader::Reader(const TopicClassifier& classifier,
                                std::string_view language)
    : tables_(*classifier.tables_),
      languages_(language == "en"   ? kEnglish
                 : language == "es" ? kSpanish
                                    : kBothLanguages) {}

void TopicClassifier::Reader::Score() {
  tables_.Score(items_, n_, languages_, scores_);
  n_ = 0;
}

void TopicClassifier::Reader::Add(const Token& token) {
  if ((token.gap & kGapSentence) != 0 && n_ > 0) Score();
  if (token.kind != TokenKind::kWord) return;
  WordReading item{HashIndex::kMissing, 0, false};
  if (!token.too_long) {
    // The word as read, else ("refuuuund") its stretched runs collapsed to
    // one letter. One call site keeps Resolve inlined.
    int size = token.size;
    const uint64_t* prefix = token.prefix_hash;
    uint64_t collapsed_prefix[kMaxWordBytes];
    while (true) {
      item = tables_.Resolve(size, prefix);
      if (item.lexeme != HashIndex::kMissing || !token.elongated ||
          prefix == collapsed_prefix) {
        break;
      }
      char collapsed[kMaxWordBytes];
      size = CollapseElongation(token, collapsed);
      PrefixHashes(collapsed, static_cast<size_t>(size), collapsed_prefix);
      prefix = collapsed_prefix;
    }
    if (item.filler) return;
  }
  items_[n_++] = item;
  if (n_ == kWindow) Score();
}

TopicGuess TopicClassifier::Reader::Finish() const {
  float scores[32];
  std::copy(scores_, scores_ + 32, scores);
  if (n_ > 0) tables_.Score(items_, n_, languages_, scores);
  const size_t topic_count = Topics().size();
  TopicGuess guess;
  guess.follow_up = scores[topic_count] >= kMinFollowUpScore;
  size_t best = 0;
  float first = 0, second = 0;
  for (size_t t = 0; t < topic_count; ++t) {
    if (scores[t] > first) {
      second = first;
      first = scores[t];
      best = t;
    } else if (scores[t] > second) {
      second = scores[t];
    }
  }
  if (first >= kMinTopicScore) {
    guess.topic = Topics()[best];
    guess.confidence =
        (1.0f - std::exp(-first / kEvidenceScale)) * (first / (first + second));
  }
  return guess;
}

}  // namespace threadline::text
