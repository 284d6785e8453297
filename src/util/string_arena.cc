#include "util/string_arena.h"

#include <cstring>

namespace threadline::util {

StringArena::Ref StringArena::Append(std::string_view a, std::string_view b) {
  const size_t size = a.size() + b.size();
  Ref ref;
  if (size > kChunkBytes / 4) {
    // A long text: a chunk of its own, so the small chunk keeps filling.
    chunks_.push_back(std::make_unique<char[]>(size));
    capacity_ += size;
    ref.chunk = static_cast<uint32_t>(chunks_.size() - 1);
  } else {
    if (small_chunk_ == SIZE_MAX || used_ + size > kChunkBytes) {
      chunks_.push_back(std::make_unique<char[]>(kChunkBytes));
      capacity_ += kChunkBytes;
      small_chunk_ = chunks_.size() - 1;
      used_ = 0;
    }
    ref.chunk = static_cast<uint32_t>(small_chunk_);
    ref.offset = static_cast<uint32_t>(used_);
    used_ += size;
  }
  char* out = chunks_[ref.chunk].get() + ref.offset;
  if (!a.empty()) std::memcpy(out, a.data(), a.size());
  if (!b.empty()) std::memcpy(out + a.size(), b.data(), b.size());
  return ref;
}

void StringArena::Wipe(Ref ref, size_t size) {
  if (size == 0) return;
  std::memset(chunks_[ref.chunk].get() + ref.offset, 0, size);
}

}  // namespace threadline::util
