// UTF-8 checks shared by the JSON Lines reader and writer and the engine:
// all must turn a broken byte sequence into U+FFFD the same way, so that
// what the writer emits for a string is what the reader would have made of
// it, and a text a host hands the engine directly is kept as the same text
// read from JSON would be.
#ifndef THREADLINE_SRC_UTIL_UTF8_H_
#define THREADLINE_SRC_UTIL_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace threadline::util {

// The UTF-8 encoding of U+FFFD REPLACEMENT CHARACTER.
inline constexpr std::string_view kReplacementChar = "\xEF\xBF\xBD";

// Utf8SequenceLength: at `p` (p < end, *p >= 0x80), returns n > 0 when a
// well-formed sequence of n bytes starts there, or -n when it does not, n being
// the length of the maximal subpart to replace by one U+FFFD (Unicode 15,
// section 3.9, "U+FFFD Substitution of Maximal Subparts"; WHATWG Encoding
// agrees, so browsers and Python show the same replacement).
int Utf8SequenceLength(const unsigned char* p, const unsigned char* end);

// IsAscii: whether every byte of `text` is below 0x80, read eight at a
// time. Inline: ids, addresses and codes are short and nearly always ASCII.
inline bool IsAscii(std::string_view text) {
  uint64_t any = 0;
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    any |= word;
  }
  for (; i < text.size(); ++i) any |= static_cast<unsigned char>(text[i]);
  return (any & 0x8080808080808080u) == 0;
}

// IsValidNonAsciiUtf8: IsValidUtf8's check of a text with bytes above 0x7F
// (simdjson's validator, many bytes at a time).
bool IsValidNonAsciiUtf8(std::string_view text);

// IsValidUtf8: whether `text` is well-formed UTF-8 (no overlong forms,
// surrogates or code points above U+10FFFF): cheap enough for every value
// and text an engine ingests.
inline bool IsValidUtf8(std::string_view text) {
  return IsAscii(text) || IsValidNonAsciiUtf8(text);
}

// A byte range [begin, end) of a repaired line that replaced invalid input.
struct Utf8Repair {
  size_t begin;
  size_t end;
};

// RepairUtf8: copies `in` to `*out` (cleared first) with every maximal invalid
// subpart replaced by U+FFFD, and records in `*repairs` (cleared first) where
// in `*out` each replacement landed. Returns true when anything was replaced.
bool RepairUtf8(std::string_view in, std::string* out,
                std::vector<Utf8Repair>* repairs);

}  // namespace threadline::util

#endif  // THREADLINE_SRC_UTIL_UTF8_H_
