// The matter classifier: what a customer's message is about, from a fixed
// taxonomy of customer-care matters, and whether it says it continues an
// earlier contact. Continuity uses both to decide whether a customer who
// comes back is on the same matter as an open case.
//
// It scores a hand-written English and Spanish lexicon of weighted words,
// stems ("refund*") and short phrases ("cancel* plan") per topic. Text is
// folded to lower-case ASCII, so accents and capitals do not matter, and
// phrases skip articles, possessives and auxiliaries ("cancel my plan" and
// "cancel the plan" are one phrase). A phrase consumes its words, which is
// how "cancel my plan" counts for cancellation and not for plan changes.
//
// Example:
//   const TopicClassifier classifier;
//   TopicGuess g = classifier.Classify("Me cobraron dos veces", "es");
//   // g.topic == "billing"
#ifndef THREADLINE_SRC_TEXT_TOPIC_H_
#define THREADLINE_SRC_TEXT_TOPIC_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "text/hash_table.h"
#include "text/stem_index.h"
#include "text/tokenizer.h"

namespace threadline::text {

struct TopicGuess {
  // A name from Topics(), or empty when the text states no matter.
  std::string_view topic;
  // 0..1: grows with the evidence for the topic and shrinks when another
  // topic has nearly as much. 0 when topic is empty.
  float confidence = 0;
  // The text says it continues an earlier contact ("still not solved", "any
  // update?", "following up", "sigue sin resolverse", "ya los habia
  // contactado"). A mere mention of earlier calls ("I already called twice")
  // or of a recurring problem ("outage again") is not a follow-up.
  bool follow_up = false;
};

// TopicClassifier: immutable after construction; thread-safe. Every
// classifier reads with the same tables, built once per process from the
// one lexicon, so a classifier is cheap to make and to copy.
class TopicClassifier {
 public:
  // Only the first kMaxBytes of a text are read, which bounds the work on a
  // long email or transcript (a customer states the matter early).
  static constexpr size_t kMaxBytes = 64 * 1024;

  TopicClassifier();

  // Classify: the matter of `text` (any bytes; invalid UTF-8 is skipped).
  // `language` "en" or "es" weighs that language's words fully and the
  // other's at half; anything else weighs both fully.
  TopicGuess Classify(std::string_view text,
                      std::string_view language = {}) const;

  // Topics: the taxonomy, in a fixed order.
  static const std::vector<std::string_view>& Topics();

  // WordReading: what the lexicon makes of one word of a text.
  struct WordReading {
    uint32_t lexeme;     // HashIndex::kMissing for an unknown word
    uint32_t phrase_id;  // 0 for an unknown word
    bool filler;         // skipped: scores nothing and breaks no phrase
  };

  // ReadWord: the reading of a normalized word of `size` letters (1 to
  // kMaxWordBytes), given the hashes of its prefixes (prefix[i] hashes its
  // first i + 1 letters): what Reader::Add makes of a token of that word
  // that is neither too long nor elongated.
  WordReading ReadWord(int size, const uint64_t* prefix) const;
  // ReadUnlistedWord: ReadWord for a word whose hash is the key of no word
  // of the lexicon (as the caller knows): it skips looking the whole word
  // up.
  WordReading ReadUnlistedWord(int size, const uint64_t* prefix) const;

  // Words: every word of the lexicon and every stem (without its '*'),
  // normalized: the words ReadWord finds something for, or begins to.
  const std::vector<std::string>& Words() const;


 private:
  struct Tables;
  class Builder;
  // Content words scored together; a sentence longer than this is cut,
  // which only loses a phrase that spans the cut.
  static constexpr int kWindow = 64;

  static const Tables& SharedTables();

  const Tables* tables_;

 public:
  // Reader: Classify fed the tokens of one text one at a time, so that one
  // pass of the tokenizer can serve it and other readers of the text (see
  // text/sentiment_reader.h). Fed the tokens of a Tokenizer of the text's
  // first kMaxBytes, up to and including kEnd, it gives what Classify
  // gives. Thread-compatible; allocates nothing.
  class Reader {
   public:
    Reader(const TopicClassifier& classifier, std::string_view language);
    void Add(const Token& token);
    // AddRead: what Add does with a word token that is neither too long
    // nor elongated, given `reading`, the ReadWord of its text.
    void AddRead(const Token& token, const WordReading& reading) {
      if ((token.gap & kGapSentence) != 0 && n_ > 0) Score();
      if (reading.filler) return;
      items_[n_++] = reading;
      if (n_ == kWindow) Score();
    }
    TopicGuess Finish() const;

   private:
    // Scores the sentence read so far into scores_.
    void Score();

    const Tables& tables_;
    uint8_t languages_;
    int n_ = 0;
    float scores_[32] = {};  // topics, then follow-up
    WordReading items_[kWindow];
  };
};

}  // namespace threadline::text

#endif  // THREADLINE_SRC_TEXT_TOPIC_H_
