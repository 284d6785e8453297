// HashFilter: a set of 64-bit hashes that answers "maybe" or "certainly
// not", one bit per value of a hash's top bits. Where most look-ups miss
// (a message's words in a small table, pairs of words that begin no
// phrase), one bit test rules most of them out before the table itself is
// probed.
//
// Thread-compatible: once filled, concurrent MayContain calls are safe.
#ifndef THREADLINE_SRC_TEXT_HASH_FILTER_H_
#define THREADLINE_SRC_TEXT_HASH_FILTER_H_

#include <cstdint>

namespace threadline::text {

// kBits: how many top bits of a hash pick its bit; the filter holds
// 2^kBits bits, inline, so that a test is one load off its owner.
template <int kBits>
class HashFilter {
 public:
  static_assert(kBits >= 6 && kBits <= 20, "one 64-bit word to 128 KiB");

  void Add(uint64_t hash) {
    const uint64_t bit = hash >> (64 - kBits);
    words_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }

  // MayContain: false when no hash added shares the top bits of `hash`.
  bool MayContain(uint64_t hash) const {
    const uint64_t bit = hash >> (64 - kBits);
    return (words_[bit >> 6] >> (bit & 63)) & 1;
  }

 private:
  uint64_t words_[(uint64_t{1} << kBits) / 64] = {};
};

}  // namespace threadline::text

#endif  // THREADLINE_SRC_TEXT_HASH_FILTER_H_
