// SentimentReader: the built-in sentiment analyzer, fed the tokens of one
// text one at a time, so that one pass of the tokenizer can serve it and
// the other readers of the same text (the matter classifier, the listening
// stage's content words). LexiconSentimentAnalyzer::Analyze and
// DetectLanguage are this reader over a Tokenizer of the text's first
// kMaxBytes; fed the same tokens, it gives the same answer, bit for bit.
//
// Example:
//   SentimentReader reader(language);
//   Tokenizer tokenizer(text, SentimentReader::kMaxBytes);
//   Token token;
//   while (tokenizer.Next(&token)) reader.Add(token);
//   Sentiment s = reader.Finish();
//
// Thread-compatible: one reader reads one text. It holds its buffers inline
// (about 8 KB), so it belongs on the stack, and allocates nothing.
#ifndef THREADLINE_SRC_TEXT_SENTIMENT_READER_H_
#define THREADLINE_SRC_TEXT_SENTIMENT_READER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text/sentiment_index.h"
#include "text/tokenizer.h"
#include "threadline/sentiment.h"

namespace threadline::text {

namespace sentiment {

// Tokens scored together; the language is decided on the first buffer.
inline constexpr int kBuffer = 256;

// What a Slot is, beyond a word.
enum SlotFlag : uint8_t {
  kCaps = 1,
  kElongated = 2,
  kSuperlative = 4,
  kSymbol = 8,  // emoji, emoticon or laughter: `valence` holds its value
  // The slot may weigh: a symbol with a valence, or a word with a sense or
  // a phrase in some language. A sentence without one scores exactly 0
  // and changes nothing, so it is not scored at all.
  kActive = 16,
};

// Slot: one token of a text, looked up. No default member initializers:
// the buffers of Slots and Units are left uninitialized, and every element
// is written before it is read.
struct Slot {
  uint32_t id;  // lexicon entry of a word, or HashIndex::kMissing
  float valence;
  uint8_t gap;
  uint8_t exclaims;
  uint8_t flags;
};

// A unit: a word, a phrase or a symbol of one sentence, with its role.
struct Unit {
  float valence;
  WordRole role;
  uint8_t gap;
  bool caps;
  bool fixed;
  uint8_t flags;
};

// WordReading: what the lexicon makes of one word of a text, whatever its
// place: its entry, or laughter, and its evidence of the language.
struct WordReading {
  uint32_t id;    // lexicon entry, or HashIndex::kMissing
  float valence;  // of laughter (kSymbol)
  uint8_t flags;  // kActive, kSymbol, kSuperlative
  // Evidence of English and of Spanish. (Evidence only ever adds halves
  // and ones, which a float sums exactly in any order.)
  float english;
  float spanish;
};

// ReadWord: the reading of a normalized word of `size` letters (1 to
// kMaxWordBytes), given the hashes of its prefixes (prefix[i] hashes its
// first i + 1 letters): what SentimentReader::Add makes of a token of that
// word that is neither too long nor elongated.
WordReading ReadWord(const Lexicon& lexicon, const char* word, int size,
                     const uint64_t* prefix);
// ReadUnlistedWord: ReadWord for a word whose hash is the key of no word of
// the lexicon (as the caller knows): it skips looking the whole word up.
WordReading ReadUnlistedWord(const Lexicon& lexicon, const char* word,
                             int size, const uint64_t* prefix);

// Evidence of the text's language.
struct Evidence {
  float score[2] = {0, 0};
  int words = 0;
  int caps = 0;  // words in capitals
};

// Scorer: the sum of a text's sentences, scored one at a time.
class Scorer {
 public:
  explicit Scorer(const Lexicon& lexicon) : lexicon_(lexicon) {}

  // Configure: the text's language and whether it mixes capitals with
  // lower case, known once the first buffer has been read.
  void Configure(int language, bool caps_differ) {
    senses_ = lexicon_.UnitSenses(language);
    caps_differ_ = caps_differ;
  }

  // Sentence: scores slots[0, n), a sentence that ended with `end_gap`
  // punctuation and `exclaims` exclamation marks, into the text's total.
  void Sentence(const Slot* slots, int n, uint8_t end_gap, int exclaims);

  float total() const { return total_; }

 private:
  // Units: merges phrases and resolves roles into units_; returns their
  // count. Lists the units with a valence in weighed_ (weighed_count_) and
  // notes the last contrast (contrast_) and any concession.
  int Units(const Slot* slots, int n);
  float Adjusted(int i) const;

  const Lexicon& lexicon_;
  const UnitSense* senses_ = lexicon_.UnitSenses(kUnknown);
  bool caps_differ_ = false;
  int weighed_count_ = 0;
  int contrast_ = -1;
  bool concession_ = false;
  Unit units_[kBuffer];
  uint8_t weighed_[kBuffer];
  float total_ = 0;
};

}  // namespace sentiment

class SentimentReader {
 public:
  // Only the first kMaxBytes of a text are read.
  static constexpr size_t kMaxBytes = 64 * 1024;

  // Scores a text in `language` (as SentimentAnalyzer::Analyze takes it:
  // "en", "es", "es-CO"; anything else detects it).
  explicit SentimentReader(std::string_view language);

  // DetectOnly: a reader that only weighs the evidence of the language,
  // over the whole text, as DetectLanguage does.
  static SentimentReader DetectOnly();

  // Add: the next token of the text, up to and including its kEnd token.
  void Add(const Token& token) {
    if (token.kind == TokenKind::kEnd) {
      End(token);
    } else {
      AddSlot(token);
    }
  }

  // AddRead: what Add does with a word token that is neither too long nor
  // elongated, given `reading`, the ReadWord of its text.
  void AddRead(const Token& token, const sentiment::WordReading& reading) {
    uint8_t flags = reading.flags;
    float spanish = reading.spanish;
    if (token.gap & kGapInverted) spanish += 1;
    if (token.accented) spanish += 1;
    ++evidence_.words;
    if (token.all_caps()) {
      flags |= sentiment::kCaps;
      ++evidence_.caps;
    }
    evidence_.score[sentiment::kEnglish] += reading.english;
    evidence_.score[sentiment::kSpanish] += spanish;
    if (!score_) return;
    slots_[n_++] = sentiment::Slot{reading.id, reading.valence, token.gap,
                                   token.exclaims, flags};
    if (n_ == sentiment::kBuffer) Flush(true);
  }

  // Finish: the sentiment, once the kEnd token has been added.
  Sentiment Finish() const;
  // DetectedLanguage: "en", "es" or "" from the evidence of every token
  // added, scoring or not: what DetectLanguage gives for the text.
  std::string_view DetectedLanguage() const;

 private:
  SentimentReader(std::string_view language, bool score);
  void AddSlot(const Token& token);
  void End(const Token& token);
  // Scores the buffered slots; `more`: tokens follow.
  void Flush(bool more);

  const sentiment::Lexicon& lexicon_;
  const bool score_;
  const bool detect_;
  int language_;
  bool first_ = true;
  uint8_t end_gap_ = 0;
  int end_exclaims_ = 0;
  int n_ = 0;
  sentiment::Evidence evidence_;
  sentiment::Scorer scorer_;
  sentiment::Slot slots_[sentiment::kBuffer];
};

// IsLexiconSentimentAnalyzer: whether `analyzer` is the built-in analyzer
// (NewLexiconSentimentAnalyzer), whose answer a SentimentReader gives from
// tokens shared with other readers; false for a host's own analyzer.
bool IsLexiconSentimentAnalyzer(const SentimentAnalyzer* analyzer);

}  // namespace threadline::text

#endif  // THREADLINE_SRC_TEXT_SENTIMENT_READER_H_
