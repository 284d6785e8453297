// Text helpers shared by identity normalization and mention extraction:
// trimming, placeholder detection, UTF-8 checks and quoting values into
// error messages. Internal to src/identity.
//
// All functions are pure and thread-safe.
#ifndef THREADLINE_SRC_IDENTITY_VALUE_TEXT_H_
#define THREADLINE_SRC_IDENTITY_VALUE_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/strings/string_view.h"

namespace threadline {
namespace identity_internal {

// Debian's Abseil keeps absl::string_view distinct from std::string_view.
inline absl::string_view ToAbsl(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

// TrimValue: `value` without surrounding ASCII whitespace, no-break spaces
// (U+00A0), zero-width spaces (U+200B) and byte-order marks (U+FEFF), which
// values copied from web forms and spreadsheets often carry.
std::string_view TrimValue(std::string_view value);

// IsPlaceholder: whether a trimmed value is one a system writes when it has
// no real value ("unknown", "null", "n/a", "-1", all zeros and dashes, ...),
// compared case-insensitively. Such values would link every customer whose
// record carries them.
bool IsPlaceholder(std::string_view trimmed);

// CountAsciiDigits: how many bytes of `text` are ASCII digits, counting
// stopped once `enough` are found (the result is then at least `enough`).
// Finding a mention needs a few digits, and most messages have fewer: this
// tells so at about a byte an instruction.
size_t CountAsciiDigits(std::string_view text, size_t enough);

// FindAsciiDigit: the offset of the first ASCII digit of `text` at or
// after `from`, or text.size() when there is none. Eight bytes at a time.
size_t FindAsciiDigit(std::string_view text, size_t from);

// ReplaceInvalidUtf8: `text` with every byte that is not part of a
// well-formed UTF-8 sequence replaced by a space. The length and the offsets
// of the valid parts are unchanged.
std::string ReplaceInvalidUtf8(std::string_view text);

// QuoteForMessage: `value` quoted and escaped for an error message, cut to a
// readable length: values may be megabytes of binary from a broken source.
std::string QuoteForMessage(std::string_view value);

// IsEmailDomain: whether `domain` (lower or upper case) can be the domain of
// an email address: dot-separated labels, none empty or starting or ending
// with "-", the last one letters ("example.org", "bücher.de", but not
// "localhost" or "3.14"). Non-ASCII letters are allowed for
// internationalized domains.
bool IsEmailDomain(std::string_view domain);

// IsAsciiAlnum etc.: locale-independent character classes.
constexpr bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
constexpr bool IsAsciiAlnum(char c) {
  return IsAsciiDigit(c) || IsAsciiAlpha(c);
}
constexpr char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
constexpr char AsciiUpper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

// StartsWithIgnoreCase: whether `text` begins with the lower-case ASCII
// `prefix`, ignoring the case of `text`.
bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix);

}  // namespace identity_internal
}  // namespace threadline

#endif  // THREADLINE_SRC_IDENTITY_VALUE_TEXT_H_
