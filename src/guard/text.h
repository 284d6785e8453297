// Character-level reading of replies for the guard: UTF-8 decoding that
// tolerates any bytes, letter folding to lower-case ASCII (keeping "ñ", which
// tells "coño" from "cono"), and the words just before a position, which
// label the numbers after them ("cuenta", "order #"), and just after it
// ("pesos"). Internal to src/guard.
//
// All functions are pure and thread-safe.
#ifndef THREADLINE_SRC_GUARD_TEXT_H_
#define THREADLINE_SRC_GUARD_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/strings/string_view.h"

namespace threadline::guard_internal {

// Debian's Abseil keeps absl::string_view distinct from std::string_view.
inline absl::string_view ToAbsl(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool IsAsciiAlnum(char c) { return IsAsciiDigit(c) || IsAsciiAlpha(c); }
inline char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
inline char AsciiUpper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

// What DecodeAt returns for a byte that starts no well-formed sequence.
inline constexpr uint32_t kInvalidCodePoint = 0xFFFFFFFF;

// DecodeMultiByte: DecodeAt for a byte of 0x80 or more.
uint32_t DecodeMultiByte(std::string_view text, size_t pos, int* length);

// DecodeAt: the code point starting at text[pos] (pos < text.size()) and its
// length in bytes. A byte that starts no well-formed sequence (a stray
// continuation, an overlong form, a surrogate, a truncated sequence) decodes
// as kInvalidCodePoint with length 1, so every byte is visited once.
inline uint32_t DecodeAt(std::string_view text, size_t pos, int* length) {
  const unsigned char b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) {
    *length = 1;
    return b;
  }
  return DecodeMultiByte(text, pos, length);
}

// DecodeBefore: the code point ending just before text[pos] (pos > 0) and
// its length; an ill-formed tail decodes as one kInvalidCodePoint byte.
uint32_t DecodeBefore(std::string_view text, size_t pos, int* length);

// Letter: a code point read as a letter.
struct Letter {
  char folded[2] = {0, 0};  // lower-case ASCII, or "ñ" as its two bytes
  uint8_t size = 0;         // bytes in folded: 1, or 2 for "ñ"
  bool upper = false;       // written in upper case
};

// FoldNonAscii: FoldLetter for a code point of 0x80 or more.
bool FoldNonAscii(uint32_t cp, Letter* letter);

// FoldLetter: whether `cp` is a letter of the scripts the guard reads (ASCII,
// Latin-1, Latin Extended-A, fullwidth Latin, and the Cyrillic letters that
// look Latin, which disguise words), and its folded form. "Á" folds to "a"
// (upper), "ñ" to "ñ", "Ñ" to "ñ" (upper), "º" to "o".
inline bool FoldLetter(uint32_t cp, Letter* letter) {
  if (cp >= 0x80) return FoldNonAscii(cp, letter);
  const char c = static_cast<char>(cp);
  if (c >= 'a' && c <= 'z') {
    letter->folded[0] = c;
  } else if (c >= 'A' && c <= 'Z') {
    letter->folded[0] = static_cast<char>(c - 'A' + 'a');
  } else {
    return false;
  }
  letter->size = 1;
  letter->upper = c <= 'Z';
  return true;
}

// IsIgnorable: code points that are invisible inside a word and so can hide
// one from a naive match: combining marks, zero-width spaces and joiners,
// soft hyphens, variation selectors, byte-order marks.
inline bool IsIgnorable(uint32_t cp) {
  return cp >= 0xAD &&
         ((cp >= 0x300 && cp <= 0x36F) ||    // combining diacritical marks
          cp == 0xAD ||                      // soft hyphen
          (cp >= 0x200B && cp <= 0x200F) ||  // zero-width space, joiners
          cp == 0x2060 || cp == 0xFEFF ||    // word joiner, byte-order mark
          (cp >= 0xFE00 && cp <= 0xFE0F));   // variation selectors
}

// IsSpace: ASCII whitespace and the Unicode spaces (no-break, thin, ...).
bool IsSpace(uint32_t cp);

// IsApostrophe: ' ’ ʼ, which join "don't" into one word.
inline bool IsApostrophe(uint32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

// WordShape: a digest of a word's first two bytes and its length (`word` not
// empty), which filters use to rule out most words before hashing them.
inline uint16_t WordShape(std::string_view word) {
  const unsigned first = static_cast<unsigned char>(word[0]);
  const unsigned second =
      word.size() > 1 ? static_cast<unsigned char>(word[1]) : 0;
  const unsigned length = word.size() < 63 ? word.size() : 63;
  return static_cast<uint16_t>((first * 131 + second) * 64 + length);
}

// IsLetterAt: whether a letter (FoldLetter) starts at text[pos]; false past
// the end.
bool IsLetterAt(std::string_view text, size_t pos);
// IsLetterBefore: whether a letter ends just before text[pos]; false at 0.
bool IsLetterBefore(std::string_view text, size_t pos);

// NormalizeWord: `word` folded (FoldLetter), digits kept, apostrophes and
// ignorable code points dropped, anything else dropped too. "Contraseña" is
// "contraseña", "DON'T" is "dont".
std::string NormalizeWord(std::string_view word);

// WordBefore: reads backwards from `pos` (exclusive) over at most
// `max_bytes`: skips what is neither letter nor digit, stopping (returning
// false) at a line break, a "?" or "!", a sentence-ending "." (one not after
// an abbreviation such as "no." or "núm."), and with `within_clause` also at
// "," or ";", then reads one word of letters. On success `*word` is the word
// normalized (NormalizeWord) and `*begin` where it starts. A word containing
// digits stops the reading too: "order 12345 and 6465550134" does not label
// the second number.
bool WordBefore(std::string_view text, size_t pos, size_t max_bytes,
                bool within_clause, std::string* word, size_t* begin);

// The normalized word starting at or after `pos`, past at most two spaces,
// or empty.
std::string WordAfter(std::string_view text, size_t pos);

}  // namespace threadline::guard_internal

#endif  // THREADLINE_SRC_GUARD_TEXT_H_
