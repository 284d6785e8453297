// StringMap: a map from strings to small values whose keys sit in a
// StringArena, for tables with an entry per customer or conversation
// (channel threads, host references).
//
// A flat_hash_map<std::string, V> spends 32 bytes of string header and
// often a heap block per key, in slots of which a third stand empty after
// growth. Here an entry is the key's place and the value, and the index
// holds entry ordinals (util/ordinal_index.h). Erase wipes the key's bytes
// (erasure on request); its entry stays, unreachable.
//
// Thread-compatible.
#ifndef THREADLINE_SRC_UTIL_STRING_MAP_H_
#define THREADLINE_SRC_UTIL_STRING_MAP_H_

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "util/chunked_vector.h"
#include "util/ordinal_index.h"
#include "util/string_arena.h"

namespace threadline::util {

template <typename V>
class StringMap {
 public:
  StringMap() = default;
  StringMap(StringMap&&) noexcept = default;
  StringMap& operator=(StringMap&&) noexcept = default;

  // Find: the value of `key`, or nullptr.
  const V* Find(std::string_view key) const {
    const int64_t e = FindEntry(key, HashKey(key));
    return e < 0 ? nullptr : &entries_[e].value;
  }

  // Set: `key` maps to `value` from now on.
  void Set(std::string_view key, V value) {
    const uint32_t hash = HashKey(key);
    if (const int64_t e = FindEntry(key, hash); e >= 0) {
      entries_[e].value = std::move(value);
      return;
    }
    const uint32_t e = static_cast<uint32_t>(entries_.size());
    Entry& entry = entries_.emplace_back();
    entry.key = keys_.Append(key);
    entry.key_size = static_cast<uint32_t>(key.size());
    entry.value = std::move(value);
    index_.Insert(e, hash);
  }

  // EraseIf: removes (and wipes the keys of) the entries whose value
  // matches.
  template <typename Pred>
  void EraseIf(Pred pred) {
    index_.EraseIf([&](uint32_t e) {
      Entry& entry = entries_[e];
      if (!pred(entry.value)) return false;
      keys_.Wipe(entry.key, entry.key_size);
      entry.key_size = 0;
      return true;
    });
  }

  size_t size() const { return index_.size(); }

  // Sorted: every entry as (key, value), by key: the same map always lists
  // the same way, whatever its history.
  std::vector<std::pair<std::string_view, V>> Sorted() const {
    std::vector<std::pair<std::string_view, V>> out;
    out.reserve(index_.size());
    index_.ForEach([&](uint32_t e) {
      out.emplace_back(Key(e), entries_[e].value);
    });
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  struct Entry {
    StringArena::Ref key;
    uint32_t key_size = 0;
    V value{};
  };
  std::string_view Key(uint32_t e) const {
    return keys_.Get(entries_[e].key, entries_[e].key_size);
  }
  int64_t FindEntry(std::string_view key, uint32_t hash) const {
    return index_.Find(hash, [&](uint32_t e) { return Key(e) == key; });
  }

  ChunkedVector<Entry> entries_;
  StringArena keys_;
  OrdinalIndex index_;
};

}  // namespace threadline::util

#endif  // THREADLINE_SRC_UTIL_STRING_MAP_H_
