// StringArena: append-only storage for many small strings (interaction ids
// and texts, identity values), addressed by an 8-byte reference.
//
// A std::string costs 32 bytes before its characters, and a heap block of
// its own once longer than 15: more than the id or email it holds. Here the
// characters of every string sit back to back in large chunks, and a
// reference says where; the owner keeps the length. Strings are never moved
// or freed one by one; Wipe overwrites one in place (erasure on request).
//
// Thread-compatible.
#ifndef THREADLINE_SRC_UTIL_STRING_ARENA_H_
#define THREADLINE_SRC_UTIL_STRING_ARENA_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace threadline::util {

class StringArena {
 public:
  // Where a string starts.
  struct Ref {
    uint32_t chunk = 0;
    uint32_t offset = 0;
  };

  StringArena() = default;
  StringArena(StringArena&&) noexcept = default;
  StringArena& operator=(StringArena&&) noexcept = default;

  // Append: copies `a` then `b` next to it, and says where `a` starts; `b`
  // follows at Get(ref, a.size() + b.size()).substr(a.size()).
  Ref Append(std::string_view a, std::string_view b = {});
  // Get: the `size` bytes at `ref`.
  std::string_view Get(Ref ref, size_t size) const {
    if (size == 0) return {};
    return std::string_view(chunks_[ref.chunk].get() + ref.offset, size);
  }
  // Wipe: overwrites the `size` bytes at `ref` with zeros.
  void Wipe(Ref ref, size_t size);

  // Bytes held in chunks, for memory accounting.
  size_t capacity_bytes() const { return capacity_; }

 private:
  // A chunk of this size holds many small strings; a longer string gets a
  // chunk of its own.
  static constexpr size_t kChunkBytes = 256 * 1024;

  std::vector<std::unique_ptr<char[]>> chunks_;
  size_t used_ = 0;        // bytes used in the last small chunk
  size_t small_chunk_ = SIZE_MAX;  // index of the chunk being filled
  size_t capacity_ = 0;
};

}  // namespace threadline::util

#endif  // THREADLINE_SRC_UTIL_STRING_ARENA_H_
