// HashIndex: a flat open-addressing map from a 64-bit key hash to a 32-bit
// value, built once and then only read. The lexicons look up every token in
// one: a probe is a multiply, a shift and usually one cache line, with no
// allocation and no string comparison. Keys are 64-bit hashes of the
// entries, so two of a lexicon's few thousand entries share a key with a
// probability below one in a trillion, and a text's word that is not in the
// lexicon is mistaken for one just as rarely.
//
// Thread-compatible; immutable after construction, so concurrent Find()s
// are safe.
#ifndef THREADLINE_SRC_TEXT_HASH_TABLE_H_
#define THREADLINE_SRC_TEXT_HASH_TABLE_H_

#include <cstdint>
#include <utility>
#include <vector>

namespace threadline::text {

class HashIndex {
 public:
  static constexpr uint32_t kMissing = 0xffffffffu;

  HashIndex() = default;
  // Builds the index of `entries` (key hash, value); a later duplicate key
  // replaces an earlier one.
  explicit HashIndex(
      const std::vector<std::pair<uint64_t, uint32_t>>& entries) {
    int bits = 4;
    while ((size_t{1} << bits) < entries.size() * 2 + 1) ++bits;
    shift_ = 64 - bits;
    mask_ = (uint64_t{1} << bits) - 1;
    slots_.assign(mask_ + 1, Slot{0, kMissing});
    for (const auto& [key, value] : entries) {
      const uint64_t k = key == 0 ? 1 : key;
      for (uint64_t i = Home(k);; i = (i + 1) & mask_) {
        if (slots_[i].key == 0 || slots_[i].key == k) {
          slots_[i] = Slot{k, value};
          break;
        }
      }
    }
  }

  // Find: the value stored for `key`, or kMissing.
  uint32_t Find(uint64_t key) const {
    if (slots_.empty()) return kMissing;
    const uint64_t k = key == 0 ? 1 : key;
    for (uint64_t i = Home(k);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == k) return s.value;
      if (s.key == 0) return kMissing;
    }
  }

 private:
  struct Slot {
    uint64_t key;  // 0: empty
    uint32_t value;
  };
  uint64_t Home(uint64_t k) const {
    return (k * 0x9e3779b97f4a7c15ull) >> shift_;
  }

  std::vector<Slot> slots_;
  int shift_ = 60;
  uint64_t mask_ = 0;
};

// PhraseStep: the key of a phrase extended by one word's id, built word by
// word from a seed (splitmix64's finalizer mixes the bits).
inline uint64_t PhraseStep(uint64_t key, uint32_t id) {
  uint64_t x = key ^ id;
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x + id;
}

}  // namespace threadline::text

#endif  // THREADLINE_SRC_TEXT_HASH_TABLE_H_
