#include "identity/value_text.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "util/utf8.h"

namespace threadline {
namespace identity_internal {
namespace {

// Placeholders that CRMs, forms and exports write for "no value". Identity
// systems block the same values (Segment: `^[0-]*$`, "-1", "null",
// "anonymous"), because one such value shared by thousands of records would
// merge them all into one customer.
constexpr std::array<std::string_view, 8> kPlaceholders = {
    "unknown", "anonymous", "null", "none", "n/a", "-1", "undefined", "nil"};

// Longest value quoted whole in an error message.
constexpr size_t kMaxQuotedBytes = 64;

// The high bit and the low bit of each of eight bytes.
constexpr uint64_t kHighBits = 0x8080808080808080u;
constexpr uint64_t kOnes = 0x0101010101010101u;

// The eight bytes at `p` as one word (memcpy: `p` need not be aligned).
uint64_t Load8(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof(word));
  return word;
}

// The high bit of each byte of `word` that is not an ASCII digit. XOR with
// "0" turns digits into 0..9, and a byte below 10 is one whose high bit
// stays clear both as is and with 0x76 added (no sum reaches the next
// byte).
uint64_t NotDigits(uint64_t word) {
  const uint64_t x = word ^ 0x3030303030303030u;
  return (((x & 0x7F7F7F7F7F7F7F7Fu) + 0x7676767676767676u) | x) & kHighBits;
}

// The length of the whitespace-like sequence at the start of `s`, 0 if none.
size_t LeadingSpaceLength(std::string_view s) {
  if (s.empty()) return 0;
  switch (s[0]) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\v':
    case '\f':
      return 1;
    default:
      break;
  }
  if (s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0") return 2;      // U+00A0
  if (s.size() >= 3 && s.substr(0, 3) == "\xE2\x80\x8B") return 3;  // U+200B
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") return 3;  // U+FEFF
  return 0;
}

// The length of the whitespace-like sequence at the end of `s`, 0 if none.
size_t TrailingSpaceLength(std::string_view s) {
  if (s.empty()) return 0;
  switch (s.back()) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\v':
    case '\f':
      return 1;
    default:
      break;
  }
  if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") return 2;
  if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x8B" ||
                        s.substr(s.size() - 3) == "\xEF\xBB\xBF")) {
    return 3;
  }
  return 0;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

}  // namespace

std::string_view TrimValue(std::string_view value) {
  // Most values start and end with a printable ASCII byte, which no space
  // (nor the last byte of a multi-byte one) is.
  const auto printable = [](char c) {
    return static_cast<uint8_t>(c) > ' ' && static_cast<uint8_t>(c) < 0x80;
  };
  if (!value.empty() && printable(value.front()) && printable(value.back())) {
    return value;
  }
  while (size_t n = LeadingSpaceLength(value)) value.remove_prefix(n);
  while (size_t n = TrailingSpaceLength(value)) value.remove_suffix(n);
  return value;
}

bool IsPlaceholder(std::string_view trimmed) {
  if (trimmed.empty()) return true;
  // Every placeholder word starts with one of these; most values do not,
  // and the loop below turns down any other at its first byte.
  const char first = AsciiLower(trimmed[0]);
  if (first == 'u' || first == 'a' || first == 'n' || first == '-') {
    for (std::string_view placeholder : kPlaceholders) {
      if (EqualsIgnoreCase(trimmed, placeholder)) return true;
    }
  }
  // Zeros and dashes, with the separators a phone or account field may add
  // around them ("(000) 000-0000", "+0", "00.00").
  bool zero_or_dash = false;
  for (char c : trimmed) {
    switch (c) {
      case '0':
      case '-':
        zero_or_dash = true;
        break;
      case ' ':
      case '(':
      case ')':
      case '+':
      case '.':
        break;
      default:
        return false;
    }
  }
  return zero_or_dash;
}

size_t FindAsciiDigit(std::string_view text, size_t from) {
  size_t i = from;
  while (i + 8 <= text.size() &&
         NotDigits(Load8(text.data() + i)) == kHighBits) {
    i += 8;
  }
  while (i < text.size() && !IsAsciiDigit(text[i])) ++i;
  return i;
}

size_t CountAsciiDigits(std::string_view text, size_t enough) {
  size_t count = 0;
  size_t i = 0;
  for (; i + 8 <= text.size() && count < enough; i += 8) {
    // The multiplication adds up the eight high bits, moved down to ones.
    const uint64_t not_digit = NotDigits(Load8(text.data() + i));
    count += 8 - static_cast<size_t>(((not_digit >> 7) * kOnes) >> 56);
  }
  for (; i < text.size() && count < enough; ++i) {
    count += IsAsciiDigit(text[i]) ? 1 : 0;
  }
  return count;
}

std::string ReplaceInvalidUtf8(std::string_view text) {
  std::string out(text);
  size_t i = 0;
  while (i < out.size()) {
    if (static_cast<uint8_t>(out[i]) < 0x80) {
      ++i;
      continue;
    }
    const auto* p = reinterpret_cast<const unsigned char*>(out.data());
    const int n = util::Utf8SequenceLength(p + i, p + out.size());
    if (n < 0) {
      out[i] = ' ';
      ++i;
    } else {
      i += n;
    }
  }
  return out;
}

std::string QuoteForMessage(std::string_view value) {
  std::string_view shown = value;
  if (shown.size() > kMaxQuotedBytes) {
    shown = shown.substr(0, kMaxQuotedBytes);
    // Cut at a character boundary (at most 3 bytes back) so the quoted
    // part stays readable.
    for (int back = 0;
         back < 3 && !shown.empty() &&
         (static_cast<uint8_t>(value[shown.size()]) & 0xC0) == 0x80;
         ++back) {
      shown.remove_suffix(1);
    }
  }
  // Well-formed UTF-8 is kept as is ("Peña"); anything else is hex-escaped
  // so a message never carries broken bytes into a log or JSON.
  const std::string escaped = util::IsValidUtf8(shown)
                                  ? absl::Utf8SafeCHexEscape(ToAbsl(shown))
                                  : absl::CHexEscape(ToAbsl(shown));
  std::string quoted = absl::StrCat("\"", escaped, "\"");
  if (shown.size() < value.size()) {
    absl::StrAppend(&quoted, "... (", value.size(), " bytes)");
  }
  return quoted;
}

bool IsEmailDomain(std::string_view domain) {
  // Bytes of a label: ASCII letters, digits and "-", and any non-ASCII
  // byte (internationalized domains). A table: every email's domain is
  // read byte by byte.
  static constexpr std::array<bool, 256> kLabelByte = [] {
    std::array<bool, 256> label{};
    for (int c = 0; c < 256; ++c) {
      label[c] = c >= 0x80 || c == '-' || IsAsciiAlnum(static_cast<char>(c));
    }
    return label;
  }();
  // One pass, each label checked at the dot (or the end) that closes it.
  size_t label_begin = 0;
  size_t dots = 0;
  for (size_t i = 0;; ++i) {
    while (i < domain.size() && kLabelByte[static_cast<uint8_t>(domain[i])]) {
      ++i;
    }
    if (i < domain.size() && domain[i] != '.') return false;
    if (i == label_begin || domain[label_begin] == '-' ||
        domain[i - 1] == '-') {
      return false;  // an empty label, or one starting or ending with "-"
    }
    if (i == domain.size()) break;
    ++dots;
    label_begin = i + 1;
  }
  if (dots == 0) return false;
  // Top-level domains are letters ("x@3.14" is not an address), or
  // punycode ("xn--p1ai").
  const std::string_view last_label = domain.substr(label_begin);
  if (last_label.size() < 2) return false;
  if (StartsWithIgnoreCase(last_label, "xn--")) return true;
  for (char c : last_label) {
    if (!IsAsciiAlpha(c) && static_cast<uint8_t>(c) < 0x80) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         EqualsIgnoreCase(text.substr(0, prefix.size()), prefix);
}

}  // namespace identity_internal
}  // namespace threadline
