// RFC 3339 times as proto3 JSON writes google.protobuf.Timestamp.
#ifndef THREADLINE_SRC_JSONL_RFC3339_H_
#define THREADLINE_SRC_JSONL_RFC3339_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/time/time.h"

namespace threadline::jsonl {

// The range of google.protobuf.Timestamp: 0001-01-01T00:00:00Z to
// 9999-12-31T23:59:59.999999999Z.
absl::Time MinTimestamp();
absl::Time MaxTimestamp();

// ParseRfc3339: parses "YYYY-MM-DDTHH:MM:SS[.digits](Z|+HH:MM|-HH:MM)" into
// *t. "t" and "z" may be lower case (RFC 3339, section 5.6, allows it).
// Fractional digits beyond nanoseconds are dropped, as protobuf does. Leap
// seconds (":60") and instants outside [MinTimestamp(), MaxTimestamp()] are
// refused, since a Timestamp cannot hold them. Returns true on success; else
// false with *why naming the broken rule (a static string).
bool ParseRfc3339(std::string_view s, absl::Time* t, std::string_view* why);

// The most FormatRfc3339 writes.
inline constexpr size_t kMaxRfc3339Size = 64;

// FormatRfc3339: writes `t` in UTC as protobuf's JSON printer does:
// "2026-01-05T19:43:00Z", with 3, 6 or 9 fractional digits only when the
// sub-second part is not zero. A time outside the Timestamp range is written
// as absl::FormatTime writes it (e.g. "infinite-future"), which
// ParseRfc3339 refuses. Returns the number of bytes written to `buf`.
size_t FormatRfc3339(absl::Time t, char (&buf)[kMaxRfc3339Size]);

// AppendRfc3339: appends what FormatRfc3339 writes.
void AppendRfc3339(absl::Time t, std::string* out);

}  // namespace threadline::jsonl

#endif  // THREADLINE_SRC_JSONL_RFC3339_H_
