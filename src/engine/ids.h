// The ids hosts see: "c-N" for customers, "k-N" for cases, "m-N" for merge
// records, N counted from 1 in order of creation. Deterministic: the same
// interactions in the same order give the same ids.
#ifndef THREADLINE_SRC_ENGINE_IDS_H_
#define THREADLINE_SRC_ENGINE_IDS_H_

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/numbers.h"

namespace threadline::engine {

// Two of these are made for every linkage reported: written straight into
// a string short enough to need no allocation (StrCat costs twice as much).
inline std::string OrdinalId(char prefix, uint32_t ordinal) {
  char buffer[2 + 10];  // "c-", and up to 2^32 in decimal
  buffer[0] = prefix;
  buffer[1] = '-';
  const std::to_chars_result written = std::to_chars(
      buffer + 2, buffer + sizeof buffer, uint64_t{ordinal} + 1);
  return std::string(buffer, written.ptr);
}

inline std::optional<uint32_t> ParseOrdinalId(char prefix,
                                              std::string_view id) {
  if (id.size() < 3 || id[0] != prefix || id[1] != '-') return std::nullopt;
  uint32_t n = 0;
  if (!absl::SimpleAtoi(absl::string_view(id.data() + 2, id.size() - 2), &n) ||
      n == 0) {
    return std::nullopt;
  }
  return n - 1;
}

inline std::string CustomerId(uint32_t base) { return OrdinalId('c', base); }
inline std::string CaseIdString(uint32_t c) { return OrdinalId('k', c); }
inline std::string MergeId(uint32_t link) { return OrdinalId('m', link); }
inline std::optional<uint32_t> ParseCustomerId(std::string_view id) {
  return ParseOrdinalId('c', id);
}
inline std::optional<uint32_t> ParseCaseId(std::string_view id) {
  return ParseOrdinalId('k', id);
}
inline std::optional<uint32_t> ParseMergeId(std::string_view id) {
  return ParseOrdinalId('m', id);
}

}  // namespace threadline::engine

#endif  // THREADLINE_SRC_ENGINE_IDS_H_
