// The character classes of the tokenizer: what a byte is (one table load
// for ASCII, the bulk of most text), UTF-8 decoding, and the folding of
// Latin letters to lower-case ASCII. Internal to tokenizer.cc.
#ifndef THREADLINE_SRC_TEXT_TOKENIZER_CHARS_H_
#define THREADLINE_SRC_TEXT_TOKENIZER_CHARS_H_

#include <cstddef>
#include <cstdint>

#include "text/tokenizer.h"

namespace threadline::text::chars {

// Base letters of U+00C0..U+00FF; 0 for the two that are not letters (the
// multiplication and division signs).
inline constexpr char kLatin1Fold[65] =
    "aaaaaaaceeeeiiiidnooooo\0ouuuuytsaaaaaaaceeeeiiiidnooooo\0ouuuuyty";
// Base letters of U+0100..U+017F (Latin Extended-A).
inline constexpr char kLatinAFold[129] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllll"
    "nnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

// What one byte is, looked up once per byte: most text is ASCII, and a
// table answers in one load what a chain of comparisons answers in several.
enum ByteClass : uint8_t {
  kOther = 0,  // digits, symbols, controls
  kLower,
  kUpper,
  kSpace,  // ASCII whitespace: ends a chunk
  kHigh,   // >= 0x80: part of a UTF-8 sequence
};
// Bits of kPunct: the Gap a punctuation byte adds, and whether an emoticon
// may start at it.
inline constexpr uint8_t kEmoticonStart = 0x80;

struct ByteTables {
  uint8_t cls[256];
  uint8_t punct[256];
};

constexpr ByteTables MakeByteTables() {
  ByteTables t{};
  for (int c = 0; c < 256; ++c) {
    t.cls[c] = c >= 0x80 ? kHigh : kOther;
    t.punct[c] = 0;
  }
  for (int c = 'a'; c <= 'z'; ++c) t.cls[c] = kLower;
  for (int c = 'A'; c <= 'Z'; ++c) t.cls[c] = kUpper;
  for (unsigned char c : {' ', '\t', '\n', '\r', '\v', '\f'}) t.cls[c] = kSpace;
  t.punct[static_cast<unsigned char>(',')] = kGapComma;
  t.punct[static_cast<unsigned char>(';')] = kGapComma;
  t.punct[static_cast<unsigned char>(':')] = kGapComma;
  t.punct[static_cast<unsigned char>('.')] = kGapPeriod;
  t.punct[static_cast<unsigned char>('?')] = kGapQuestion;
  t.punct[static_cast<unsigned char>('!')] = kGapExclaim;
  for (unsigned char c : {':', ';', '=', '(', '<', '^', '-'}) {
    t.punct[c] |= kEmoticonStart;
  }
  return t;
}
inline constexpr ByteTables kBytes = MakeByteTables();

inline bool IsAsciiSpace(unsigned char c) { return kBytes.cls[c] == kSpace; }
inline bool IsAsciiLetter(unsigned char c) {
  return kBytes.cls[c] == kLower || kBytes.cls[c] == kUpper;
}

struct CodePoint {
  uint32_t value = 0;
  int length = 1;  // bytes consumed
  bool valid = false;
};

// Decodes the UTF-8 sequence at data[pos]; an invalid or truncated sequence
// is reported as one invalid byte so the caller skips just that byte.
inline CodePoint Decode(const unsigned char* data, size_t size, size_t pos) {
  CodePoint cp;
  const unsigned char c = data[pos];
  if (c < 0x80) {
    cp.value = c;
    cp.valid = true;
    return cp;
  }
  int n;
  uint32_t v, min;
  if ((c & 0xe0) == 0xc0) {
    n = 2, v = c & 0x1f, min = 0x80;
  } else if ((c & 0xf0) == 0xe0) {
    n = 3, v = c & 0x0f, min = 0x800;
  } else if ((c & 0xf8) == 0xf0) {
    n = 4, v = c & 0x07, min = 0x10000;
  } else {
    return cp;
  }
  if (pos + n > size) return cp;
  for (int i = 1; i < n; ++i) {
    const unsigned char d = data[pos + i];
    if ((d & 0xc0) != 0x80) return cp;
    v = (v << 6) | (d & 0x3f);
  }
  if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return cp;
  cp.value = v;
  cp.length = n;
  cp.valid = true;
  return cp;
}

// Folds a letter to its lower-case ASCII base; returns 0 for a non-letter.
inline char FoldLetter(uint32_t cp, bool* upper) {
  if (cp < 0x80) {
    const uint8_t cls = kBytes.cls[cp];
    if (cls != kLower && cls != kUpper) return 0;
    *upper = cls == kUpper;
    return static_cast<char>(cp | 0x20);
  }
  if (cp >= 0xc0 && cp <= 0xff) {
    *upper = cp < 0xdf;
    return kLatin1Fold[cp - 0xc0];
  }
  if (cp >= 0x100 && cp <= 0x17f) {
    // Upper and lower case alternate, with the parity flipping in two runs.
    const bool odd = cp & 1;
    *upper = ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17e))
                 ? odd
                 : (cp == 0x178 || (!odd && cp != 0x138 && cp != 0x17f));
    return kLatinAFold[cp - 0x100];
  }
  return 0;
}

inline bool IsApostrophe(uint32_t cp) {
  return cp == '\'' || cp == '`' || cp == 0xb4 || cp == 0x2018 || cp == 0x2019;
}

inline bool IsUnicodeSpace(uint32_t cp) {
  return cp == 0xa0 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

inline bool IsEmoji(uint32_t cp) {
  if (cp >= 0x1f3fb && cp <= 0x1f3ff) return false;  // skin-tone modifiers
  return (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x2600 && cp <= 0x27bf) ||
         cp == 0x2b50 || cp == 0x2b55 || cp == 0x2b06 || cp == 0x2b07 ||
         cp == 0x203c || cp == 0x2049 || cp == 0x2639 || cp == 0x263a;
}

}  // namespace threadline::text::chars

#endif  // THREADLINE_SRC_TEXT_TOKENIZER_CHARS_H_
