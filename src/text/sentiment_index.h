// The sentiment analyzer's look-up tables, built once from the hand-written
// lexicons (sentiment_lexicon.h): every word, stem and phrase of both
// languages as one entry, found by the hash of its normalized text.
//
// Thread-compatible; the shared instance (Get) is immutable, so concurrent
// look-ups are safe.
#ifndef THREADLINE_SRC_TEXT_SENTIMENT_INDEX_H_
#define THREADLINE_SRC_TEXT_SENTIMENT_INDEX_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "text/hash_filter.h"
#include "text/hash_table.h"
#include "text/sentiment_lexicon.h"
#include "text/stem_index.h"
#include "text/tokenizer.h"

namespace threadline::text::sentiment {

// Languages, as indices into Entry::sense.
inline constexpr int kEnglish = 0;
inline constexpr int kSpanish = 1;
inline constexpr int kUnknown = -1;

inline constexpr int kMaxPhraseWords = 6;
inline constexpr uint64_t kPhraseSeed = 0x3c6ef372fe94f82bull;

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

// The language whose senses a text in `language` reads first: a text of
// unknown language reads as English.
inline int FirstSenseLanguage(int language) {
  return language == kSpanish ? kSpanish : kEnglish;
}

// The sense of `e` in `language`, else in the other language.
inline const Sense& SenseOf(const Entry& e, int language) {
  const int first = FirstSenseLanguage(language);
  return e.sense[first].defined ? e.sense[first] : e.sense[1 - first];
}

// UnitSense: what an entry weighs in a sentence of one language, worked
// out once (SenseOf) for the scorer.
struct UnitSense {
  float valence;
  WordRole role;
  bool defined;
  bool fixed;          // Entry::fixed
  uint8_t phrase_len;  // Entry::phrase_len
};

class Lexicon {
 public:
  static const Lexicon& Get();

  const Entry& entry(uint32_t id) const { return entries_[id]; }

  // UnitSenses: by entry, SenseOf it in `language` (kUnknown, kEnglish or
  // kSpanish), with its phrase length and fixedness.
  const UnitSense* UnitSenses(int language) const {
    return unit_senses_[FirstSenseLanguage(language)].data();
  }

  // MayBeginPhrase: false when no phrase begins with the words of entries
  // `first` and `second`; true when one may (a filter: most pairs are
  // ruled out at the cost of a bit test).
  bool MayBeginPhrase(uint32_t first, uint32_t second) const {
    return phrase_pairs_.MayContain(PairHash(first, second));
  }

  // Word: the entry of a normalized word of `size` letters, exact, else its
  // longest stem, given the hashes of its prefixes (prefix[i] hashes the
  // first i + 1 letters); HashIndex::kMissing for none.
  uint32_t Word(int size, const uint64_t* prefix) const {
    if (size == 0) return HashIndex::kMissing;
    const uint32_t id = words_.Find(prefix[size - 1]);
    if (id != HashIndex::kMissing) return id;
    return stems_.Longest(size, prefix);
  }
  // The same for a word given as text.
  uint32_t Word(const char* text, int size) const;
  // Stem: the entry of the word's longest stem, for a word known to have no
  // entry of its own; HashIndex::kMissing for none.
  uint32_t Stem(int size, const uint64_t* prefix) const {
    return stems_.Longest(size, prefix);
  }

  uint32_t Phrase(uint64_t key) const { return phrases_.Find(key); }

  // Words: every word of both lexicons and every stem (without its '*'),
  // normalized: the words Word finds an entry for, or begins to.
  std::vector<std::string> Words() const;

  float Emoji(uint32_t code_point) const {
    const uint32_t i = emoji_.Find(code_point);
    return i == HashIndex::kMissing ? 0.0f : emoji_valences_[i];
  }

 private:
  struct PhraseRaw {
    int language;
    std::vector<uint32_t> ids;
    Sense sense;
  };

  // The entries of a pair of words, mixed so that the top bits the filter
  // takes depend on both.
  static uint64_t PairHash(uint32_t first, uint32_t second) {
    return (uint64_t{first} << 32 | second) * 0x9e3779b97f4a7c15ull;
  }

  Lexicon();
  uint32_t Find(const std::string& word, bool stem);
  void Add(int language, std::string_view item, float valence, WordRole role);
  void Build(int language, const LanguageLexicon& lexicon);
  void Finish();
  std::vector<Entry> entries_;
  std::map<std::string, uint32_t> word_ids_, stem_ids_;
  std::vector<PhraseRaw> phrases_raw_;
  HashIndex words_, phrases_, emoji_;
  StemIndex stems_;
  std::vector<float> emoji_valences_;
  // By FirstSenseLanguage: a text of unknown language has the same
  // senses as an English one, and shares its table.
  std::vector<UnitSense> unit_senses_[2];
  // The first two words of every phrase, by PairHash.
  HashFilter<16> phrase_pairs_;
};

}  // namespace threadline::text::sentiment

#endif  // THREADLINE_SRC_TEXT_SENTIMENT_INDEX_H_
