#include "util/ordinal_index.h"

#include "xxhash.h"

namespace threadline::util {

uint32_t HashKey(std::string_view key, uint64_t kind) {
  // XXH3's low half is as well mixed as the whole.
  return static_cast<uint32_t>(
      XXH3_64bits_withSeed(key.data(), key.size(), kind));
}

}  // namespace threadline::util
