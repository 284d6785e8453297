// KnownWords: what each reader of an inbound text (the matter classifier,
// the sentiment reader, the content words) makes of every word one of
// their lexicons knows, worked out once, so that ReadInboundText finds all
// three readings of a word with one look-up instead of one per reader.
// Most words of customer messages are known to some lexicon ("my", "the",
// "refund", "no"); the others are read by each reader as before.
//
// A reading here is the one the reader's own ReadWord gives for the word,
// so a token read either way reads the same. A word is found by its hash
// and confirmed by its text: a word merely sharing a hash with a known one
// is not mistaken for it, and is read by each reader as before. A word
// whose hash no known word has is no word of any lexicon, not even by a
// lexicon's look-up of hashes: its readings skip those look-ups
// (ReadUnlisted).
//
// Example:
//   const KnownWords& known = KnownWords::Get();
//   if (known.Serves(topics)) {
//     if (const KnownWord* k = known.Find(token)) {
//       topic_reader.AddRead(token, k->topic);
//       ...
//     }
//   }
//
// Thread-safe: immutable once built.
#ifndef THREADLINE_SRC_LISTENING_KNOWN_WORDS_H_
#define THREADLINE_SRC_LISTENING_KNOWN_WORDS_H_

#include <cstdint>
#include <cstring>
#include <vector>

#include "text/hash_table.h"
#include "text/sentiment_index.h"
#include "text/sentiment_reader.h"
#include "text/tokenizer.h"
#include "text/topic.h"

namespace threadline::listening {

struct KnownWord {
  char text[text::kWordBufferBytes];  // normalized; `size` bytes, then zeros
  uint8_t size;
  bool content;      // ContentWordReader::ReadWord: kept (not dropped)
  uint64_t concept;  // and, when kept, its concept's hash
  text::TopicClassifier::WordReading topic;
  text::sentiment::WordReading sentiment;
};

class KnownWords {
 public:
  // Get: the words of the built-in lexicons, built on first use.
  static const KnownWords& Get();

  // Serves: whether the topic readings here are those `topics` makes.
  bool Serves(const text::TopicClassifier& topics) const {
    return topics_.SameTables(topics);
  }

  // Find: the readings of the word of `token` (a word token, neither too
  // long nor elongated), or null when no lexicon knows it; then *unlisted
  // tells whether its hash is that of no known word either.
  const KnownWord* Find(const text::Token& token, bool* unlisted) const {
    const uint32_t i = index_.Find(token.hash);
    *unlisted = i == text::HashIndex::kMissing;
    if (i >= words_.size()) return nullptr;  // unlisted, or a long word's
    const KnownWord& k = words_[i];
    return k.size == token.size && SameText(k.text, token.text, k.size)
               ? &k
               : nullptr;
  }

  // ReadUnlisted: the readings of the word of `token` when Find said it is
  // unlisted, into *out (its text aside).
  void ReadUnlisted(const text::Token& token, KnownWord* out) const;

  // All the known words, in no particular order.
  const std::vector<KnownWord>& words() const { return words_; }

 private:
  KnownWords();

  // Whether the first `size` bytes of `a` and `b` (each kWordBufferBytes
  // long) are the same, read eight at a time.
  static bool SameText(const char* a, const char* b, int size) {
    for (int i = 0; i < size; i += 8) {
      uint64_t x, y;
      std::memcpy(&x, a + i, 8);
      std::memcpy(&y, b + i, 8);
      uint64_t diff = x ^ y;
      if (size - i < 8) diff &= (uint64_t{1} << (8 * (size - i))) - 1;
      if (diff != 0) return false;
    }
    return true;
  }

  const text::TopicClassifier topics_;
  const text::sentiment::Lexicon& lexicon_;
  std::vector<KnownWord> words_;
  // HashWord(text) -> index into words_, or kLongWord for a word of a
  // lexicon longer than any token.
  text::HashIndex index_;
  static constexpr uint32_t kLongWord = text::HashIndex::kMissing - 1;
};

}  // namespace threadline::listening

#endif  // THREADLINE_SRC_LISTENING_KNOWN_WORDS_H_
