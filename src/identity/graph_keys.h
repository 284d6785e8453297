// Keys of the identity graph's look-up indexes, shared by the graph's
// sources (building, erasing and restoring the indexes must agree).
#ifndef THREADLINE_SRC_IDENTITY_GRAPH_KEYS_H_
#define THREADLINE_SRC_IDENTITY_GRAPH_KEYS_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace threadline::identity {

// The index key of a canonical value of a match kind (WhatsApp and phone
// share one).
inline std::string IndexKey(size_t match_kind, std::string_view value) {
  std::string k;
  k.reserve(value.size() + 1);
  k.push_back(static_cast<char>('A' + match_kind));
  k.append(value.data(), value.size());
  return k;
}

// The last seven digits of a digit string, as a number; -1 when shorter.
inline int64_t Suffix7(std::string_view digits) {
  if (digits.size() < 7) return -1;
  int64_t v = 0;
  for (char c : digits.substr(digits.size() - 7)) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace threadline::identity

#endif  // THREADLINE_SRC_IDENTITY_GRAPH_KEYS_H_
