// KnownWords: what each reader of an inbound text (the matter classifier,
// the sentiment reader, the content words) makes of every word one of
// their lexicons knows, worked out once, so that ReadInboundText finds all
// three readings of a word with one look-up instead of one per reader.
// Most words of customer messages are known to some lexicon ("my", "the",
// "refund", "no"); the others are read by each reader as before.
//
// A reading here is the one the reader's own ReadWord gives for the word,
// so a token read either way reads the same. A word is found by its text,
// so a token needs no hashes to be found (Tokenizer without hashes): most
// are never hashed. A word no lexicon knows is hashed and read by each
// reader; when its hash is that of no known word either (not Listed), no
// lexicon's look-up by hash can take it for one, and its readings skip
// those look-ups (ReadUnlisted).
//
// Example:
//   const KnownWords& known = KnownWords::Get();
//   if (const KnownWord* k = known.Find(token); k != nullptr) {
//     topic_reader.AddRead(token, k->topic);
//     ...
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

  // Find: the readings of the word of `token` (a word token, neither too
  // long nor elongated; hashed or not), or null when no lexicon knows it.
  const KnownWord* Find(const text::Token& token) const {
    const int size = token.size;
    const uint32_t i = by_text_.Find(TextKey(token.text, size));
    if (i == text::HashIndex::kMissing) return nullptr;
    const KnownWord& k = words_[i];
    // Up to eight letters, the key is the text itself.
    return k.size == static_cast<uint32_t>(size) &&
                   (size <= 8 || SameText(k.text, token.text, size))
               ? &k
               : nullptr;
  }

  // Listed: whether `hash` (HashWord of a word) is the hash of some word of
  // a lexicon (of any length): a look-up by hash alone could take a word
  // with that hash for it.
  bool Listed(uint64_t hash) const {
    return listed_.Find(hash) != text::HashIndex::kMissing;
  }

  // ReadUnlisted: the readings of the word of `token` (hashed), when Find
  // found none and its hash is not Listed, into *out (its text aside).
  void ReadUnlisted(const text::Token& token, KnownWord* out) const;

 private:
  KnownWords();

  // The eight bytes of `text` from `i`, of which the first `size - i` are
  // the word's (the others read as zeros).
  static uint64_t Chunk(const char* text, int i, int size) {
    uint64_t x;
    std::memcpy(&x, text + i, 8);
    if (size - i < 8) x &= (uint64_t{1} << (8 * (size - i))) - 1;
    return x;
  }

  // The key of a word of `size` letters (text, kWordBufferBytes long): its
  // first eight bytes, and a mix of those and the rest for a longer word.
  // (A word of up to eight letters is told by its key alone.)
  static uint64_t TextKey(const char* text, int size) {
    uint64_t key = Chunk(text, 0, size);
    for (int i = 8; i < size; i += 8) {
      key = ((key ^ (key >> 29)) * 0xbf58476d1ce4e5b9ull) ^ Chunk(text, i, size);
    }
    return key;
  }

  // Whether the first `size` bytes of `a` and `b` (each kWordBufferBytes
  // long) are the same, read eight at a time.
  static bool SameText(const char* a, const char* b, int size) {
    for (int i = 0; i < size; i += 8) {
      if (Chunk(a, i, size) != Chunk(b, i, size)) return false;
    }
    return true;
  }

  const text::TopicClassifier topics_;
  const text::sentiment::Lexicon& lexicon_;
  std::vector<KnownWord> words_;
  // words_ by TextKey. Two long words sharing a key: one is found, the
  // other never, which only sends it the long way.
  text::HashIndex by_text_;
  text::HashIndex listed_;  // HashWord of every word of every lexicon
};

}  // namespace threadline::listening

#endif  // THREADLINE_SRC_LISTENING_KNOWN_WORDS_H_
