// StemIndex: the stems of a lexicon ("refund*", "disappoint*"), found as
// prefixes of a normalized word from the word's prefix hashes (as the
// tokenizer gives them: prefix[i] hashes the first i + 1 letters).
//
// Most words begin no stem, yet a stem may have any length, so each length
// would cost a probe. Stems are therefore also filed by their first three
// letters: a word is probed only at the lengths of stems that begin as it
// does, usually none or one.
//
// Thread-compatible; immutable after construction, so concurrent look-ups
// are safe.
#ifndef THREADLINE_SRC_TEXT_STEM_INDEX_H_
#define THREADLINE_SRC_TEXT_STEM_INDEX_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "text/hash_table.h"
#include "text/tokenizer.h"

namespace threadline::text {

class StemIndex {
 public:
  StemIndex() = default;
  // Files `stems` (normalized text, value); a later duplicate replaces an
  // earlier one. Stems longer than kMaxWordBytes are never found (no word
  // is longer).
  explicit StemIndex(
      const std::vector<std::pair<std::string, uint32_t>>& stems) {
    std::vector<std::pair<uint64_t, uint32_t>> entries;
    for (const auto& [stem, value] : stems) {
      entries.emplace_back(HashWord(stem), value);
      if (stem.empty() || stem.size() > static_cast<size_t>(kMaxWordBytes)) {
        continue;
      }
      lengths_ |= 1u << stem.size();
      if (stem.size() >= 3) {
        by_start_[Bucket(HashWord(stem.substr(0, 3)))] |= 1u << stem.size();
      }
    }
    index_ = HashIndex(entries);
  }

  // ForEachPrefix: calls fn(value) for each stem that is a prefix of a
  // word of `size` letters, shortest first.
  template <typename Fn>
  void ForEachPrefix(int size, const uint64_t* prefix, Fn fn) const {
    uint32_t lengths = Candidates(size, prefix);
    while (lengths != 0) {
      const int len = __builtin_ctz(lengths);
      lengths &= lengths - 1;
      const uint32_t s = index_.Find(prefix[len - 1]);
      if (s != HashIndex::kMissing) fn(s);
    }
  }

  // Longest: the value of the longest stem that is a prefix of the word,
  // or HashIndex::kMissing.
  uint32_t Longest(int size, const uint64_t* prefix) const {
    uint32_t lengths = Candidates(size, prefix);
    while (lengths != 0) {
      const int len = 31 - __builtin_clz(lengths);
      lengths &= ~(1u << len);
      const uint32_t s = index_.Find(prefix[len - 1]);
      if (s != HashIndex::kMissing) return s;
    }
    return HashIndex::kMissing;
  }

 private:
  static constexpr int kBucketBits = 12;
  static uint32_t Bucket(uint64_t hash) { return hash >> (64 - kBucketBits); }

  // The stem lengths worth a probe: at most the word's, and of three or
  // more letters only those of stems that begin with its first three.
  uint32_t Candidates(int size, const uint64_t* prefix) const {
    uint32_t lengths = lengths_ & ((2u << size) - 1);
    if (size >= 3) lengths &= by_start_[Bucket(prefix[2])] | 0b110u;
    return lengths;
  }

  HashIndex index_;
  uint32_t lengths_ = 0;  // bit n: some stem has n letters
  // By the bucket of the hash of a stem's first three letters: bit n, a
  // stem of n >= 3 letters begins so.
  uint32_t by_start_[1 << kBucketBits] = {};
};

}  // namespace threadline::text

#endif  // THREADLINE_SRC_TEXT_STEM_INDEX_H_
