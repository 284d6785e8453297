// StringLists: a short list of distinct strings per ordinal (the display
// names each customer has used), in a few bytes per string.
//
// Entries sit in chunks and point at their text in a StringArena; each
// ordinal keeps its newest entry and each entry the one before it.
//
// Thread-compatible.
#ifndef THREADLINE_SRC_UTIL_STRING_LISTS_H_
#define THREADLINE_SRC_UTIL_STRING_LISTS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "util/chunked_vector.h"
#include "util/string_arena.h"

namespace threadline::util {

class StringLists {
 public:
  // Add: appends `s` to the list of `owner` unless it is there already.
  void Add(uint32_t owner, std::string_view s);
  // Get: the list of `owner`, oldest first.
  std::vector<std::string_view> Get(uint32_t owner) const;
  bool Empty(uint32_t owner) const {
    return owner >= newest_.size() || newest_[owner] == kNone;
  }
  // Erase: forgets the list of `owner`; its bytes are overwritten.
  void Erase(uint32_t owner);
  // One past the highest owner that ever had a list.
  uint32_t owner_limit() const { return static_cast<uint32_t>(newest_.size()); }

 private:
  static constexpr uint32_t kNone = 0xffffffffu;
  struct Entry {
    StringArena::Ref text;
    uint32_t size = 0;
    uint32_t previous = kNone;
  };
  ChunkedVector<Entry> entries_;
  ChunkedVector<uint32_t, 16384> newest_;  // per owner
  StringArena text_;
};

}  // namespace threadline::util

#endif  // THREADLINE_SRC_UTIL_STRING_LISTS_H_
