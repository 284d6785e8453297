// The identifiers a reply can hold besides numbers (numbers.h): email
// addresses, "@handles", a known account value however it is separated, and
// web addresses, whose digits and words are paths and parameters rather than
// what the reply says. Internal to src/guard.
//
// All functions are thread-safe: they keep no state.
#ifndef THREADLINE_SRC_GUARD_IDENTIFIERS_H_
#define THREADLINE_SRC_GUARD_IDENTIFIERS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "guard/numbers.h"

namespace threadline::guard_internal {

// Skip-mask values: bytes already explained.
inline constexpr uint8_t kSkipped = 1;

// The email addresses in `text`.
std::vector<Span> FindEmails(std::string_view text);

// Marks the web addresses of `text` in `skip`: their digits and words are
// paths and parameters, not what the reply says.
void SkipUrls(std::string_view text, std::vector<uint8_t>* skip);

// The "@handles" of `text` outside skipped bytes, each with the "@".
std::vector<Span> FindHandles(std::string_view text,
                              const std::vector<uint8_t>& skip);

// Occurrences of `value` (upper-case letters and digits) in `text`, read
// ignoring case and the separators account numbers are written with
// ("ac-305 510"), as whole tokens.
void FindAccountValue(std::string_view text, const std::vector<uint8_t>& skip,
                      std::string_view value, std::vector<Span>* out);

}  // namespace threadline::guard_internal

#endif  // THREADLINE_SRC_GUARD_IDENTIFIERS_H_
