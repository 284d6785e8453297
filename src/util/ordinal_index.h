// OrdinalIndex: finds an entry of a table kept elsewhere (records in a
// ChunkedVector, strings in a StringArena) by the key the entry names.
//
// The index stores the entry's 4-byte ordinal and a 4-byte hash of its key,
// not the key: a key is stored once, by its table. The hash kept beside the
// ordinal means that neither growth nor a look-up that meets another key
// reads the table: a table of millions of entries is scattered across the
// heap, and each read of it is a cache miss (re-hashing by reading every
// key cost more than the look-ups themselves).
//
// The caller hashes keys (HashKey) and says whether an ordinal names the
// key sought; an ordinal must be inserted at most once, with its key's
// hash, and erased with the same hash.
//
// Thread-compatible.
#ifndef THREADLINE_SRC_UTIL_ORDINAL_INDEX_H_
#define THREADLINE_SRC_UTIL_ORDINAL_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "absl/container/flat_hash_set.h"

namespace threadline::util {

// HashKey: the 32-bit hash an OrdinalIndex files `key` under; `kind`
// separates keys of different kinds that share bytes.
uint32_t HashKey(std::string_view key, uint64_t kind = 0);

class OrdinalIndex {
 public:
  OrdinalIndex() = default;

  size_t size() const { return slots_.size(); }
  void reserve(size_t n) { slots_.reserve(n); }

  // Find: the ordinal filed under `hash` for which `names_key(ordinal)` is
  // true, or -1. `names_key` is asked only of ordinals of the same hash.
  template <typename NamesKey>
  int64_t Find(uint32_t hash, const NamesKey& names_key) const {
    auto it = slots_.find(Probe<NamesKey>{hash, &names_key});
    return it == slots_.end() ? -1 : static_cast<int64_t>(it->ordinal);
  }

  // Insert: files `ordinal` under `hash`. The ordinal must not be filed.
  void Insert(uint32_t ordinal, uint32_t hash) {
    slots_.insert(Slot{ordinal, hash});
  }

  // Erase: removes `ordinal`, filed under `hash`, if it is there.
  void Erase(uint32_t ordinal, uint32_t hash) {
    slots_.erase(Slot{ordinal, hash});
  }

  // ForEach: calls `f(ordinal)` for every filed ordinal, in no set order.
  template <typename F>
  void ForEach(const F& f) const {
    for (const Slot& s : slots_) f(s.ordinal);
  }

  // EraseIf: removes the ordinals for which `pred(ordinal)` is true.
  template <typename Pred>
  void EraseIf(const Pred& pred) {
    for (auto it = slots_.begin(); it != slots_.end();) {
      if (pred(it->ordinal)) {
        slots_.erase(it++);
      } else {
        ++it;
      }
    }
  }

 private:
  struct Slot {
    uint32_t ordinal;
    uint32_t hash;
  };
  template <typename NamesKey>
  struct Probe {
    uint32_t hash;
    const NamesKey* names_key;
  };
  // The table picks a slot from the high bits and matches from the low
  // seven: spread the 32 bits over all 64.
  static size_t Spread(uint32_t hash) {
    return static_cast<size_t>(hash * 0x9e3779b97f4a7c15ull);
  }
  struct SlotHash {
    using is_transparent = void;
    size_t operator()(const Slot& s) const { return Spread(s.hash); }
    template <typename NamesKey>
    size_t operator()(const Probe<NamesKey>& p) const {
      return Spread(p.hash);
    }
  };
  struct SlotEq {
    using is_transparent = void;
    bool operator()(const Slot& a, const Slot& b) const {
      return a.ordinal == b.ordinal;
    }
    template <typename NamesKey>
    bool operator()(const Slot& a, const Probe<NamesKey>& p) const {
      return a.hash == p.hash && (*p.names_key)(a.ordinal);
    }
    template <typename NamesKey>
    bool operator()(const Probe<NamesKey>& p, const Slot& a) const {
      return (*this)(a, p);
    }
  };

  absl::flat_hash_set<Slot, SlotHash, SlotEq> slots_;
};

}  // namespace threadline::util

#endif  // THREADLINE_SRC_UTIL_ORDINAL_INDEX_H_
