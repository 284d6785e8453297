// StringMap: a map from strings to small values whose keys sit in a
// StringArena, for tables with an entry per customer or conversation
// (channel threads, host references).
//
// A flat_hash_map<std::string, V> spends 32 bytes of string header and
// often a heap block per key, in slots of which a third stand empty after
// growth. Here an entry is the key's place and the value, and the index
// holds 4-byte entry ordinals that hash the key they point at. Erase wipes
// the key's bytes (erasure on request); its entry stays, unreachable.
//
// Thread-compatible.
#ifndef THREADLINE_SRC_UTIL_STRING_MAP_H_
#define THREADLINE_SRC_UTIL_STRING_MAP_H_

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"
#include "util/chunked_vector.h"
#include "util/string_arena.h"

namespace threadline::util {

template <typename V>
class StringMap {
 public:
  StringMap()
      : data_(std::make_unique<Data>()),
        index_(std::make_unique<Index>(0, Hash{data_.get()}, Eq{data_.get()})) {}
  StringMap(StringMap&&) noexcept = default;
  StringMap& operator=(StringMap&&) noexcept = default;

  // Find: the value of `key`, or nullptr.
  const V* Find(std::string_view key) const {
    auto it = index_->find(key);
    return it == index_->end() ? nullptr : &data_->entries[*it].value;
  }

  // Set: `key` maps to `value` from now on.
  void Set(std::string_view key, V value) {
    auto it = index_->find(key);
    if (it != index_->end()) {
      data_->entries[*it].value = std::move(value);
      return;
    }
    const uint32_t e = static_cast<uint32_t>(data_->entries.size());
    Entry& entry = data_->entries.emplace_back();
    entry.key = data_->keys.Append(key);
    entry.key_size = static_cast<uint32_t>(key.size());
    entry.value = std::move(value);
    index_->insert(e);
  }

  // EraseIf: removes (and wipes the keys of) the entries whose value
  // matches.
  template <typename Pred>
  void EraseIf(Pred pred) {
    for (auto it = index_->begin(); it != index_->end();) {
      Entry& entry = data_->entries[*it];
      if (pred(entry.value)) {
        index_->erase(it++);
        data_->keys.Wipe(entry.key, entry.key_size);
        entry.key_size = 0;
      } else {
        ++it;
      }
    }
  }

  size_t size() const { return index_->size(); }

  // Sorted: every entry as (key, value), by key: the same map always lists
  // the same way, whatever its history.
  std::vector<std::pair<std::string_view, V>> Sorted() const {
    std::vector<std::pair<std::string_view, V>> out;
    out.reserve(index_->size());
    for (uint32_t e : *index_) {
      out.emplace_back(data_->Key(e), data_->entries[e].value);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  struct Entry {
    StringArena::Ref key;
    uint32_t key_size = 0;
    V value{};
  };
  // Entries and keys, behind a pointer so that the index's functors, which
  // point here, survive a move of the map.
  struct Data {
    ChunkedVector<Entry> entries;
    StringArena keys;
    std::string_view Key(uint32_t e) const {
      return keys.Get(entries[e].key, entries[e].key_size);
    }
  };
  struct Hash {
    using is_transparent = void;
    const Data* data;
    size_t operator()(uint32_t e) const { return (*this)(data->Key(e)); }
    size_t operator()(std::string_view key) const {
      return absl::Hash<absl::string_view>()(
          absl::string_view(key.data(), key.size()));
    }
  };
  struct Eq {
    using is_transparent = void;
    const Data* data;
    bool operator()(uint32_t a, uint32_t b) const { return a == b; }
    bool operator()(uint32_t a, std::string_view b) const {
      return data->Key(a) == b;
    }
    bool operator()(std::string_view a, uint32_t b) const {
      return data->Key(b) == a;
    }
  };
  using Index = absl::flat_hash_set<uint32_t, Hash, Eq>;

  std::unique_ptr<Data> data_;
  std::unique_ptr<Index> index_;
};

}  // namespace threadline::util

#endif  // THREADLINE_SRC_UTIL_STRING_MAP_H_
