#include "guard/text.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace threadline::guard_internal {
namespace {

// Latin Extended-A (U+0100..U+017F) folded to its base letter; the case of
// each entry is the case of the code point.
// clang-format off
constexpr std::string_view kLatinExtendedA =
    "AaAaAa" "CcCcCcCc" "DdDd" "EeEeEeEeEe" "GgGgGgGg" "HhHh" "IiIiIiIiIi"
    "Jj" "Jj" "Kkk" "LlLlLlLlLl" "NnNnNnnNn" "OoOoOo" "Oo" "RrRrRr"
    "SsSsSsSs" "TtTtTt" "UuUuUuUuUuUu" "Ww" "YyY" "ZzZzZz" "s";
static_assert(kLatinExtendedA.size() == 0x80);

// Latin-1 letters U+00C0..U+00FF folded; '*' marks the two symbols (× ÷),
// '~' marks ñ/Ñ, kept as themselves.
constexpr std::string_view kLatin1 =
    "AAAAAAACEEEEIIII" "D~OOOOO*OUUUUYTs" "aaaaaaaceeeeiiii" "d~ooooo*ouuuuyty";
// clang-format on
static_assert(kLatin1.size() == 0x40);

// Abbreviations that end with "." before a number without ending a
// sentence ("Acct. 12345678", "Núm. 998877").
bool IsNumberAbbreviation(std::string_view word) {
  static constexpr std::array<std::string_view, 14> kAbbreviations = {
      "no",   "nr",  "nro", "num", "numero", "n",   "ref",
      "acct", "acc", "cta", "tel", "ext",    "nos", "nros"};
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) !=
         kAbbreviations.end();
}

}  // namespace

uint32_t DecodeMultiByte(std::string_view text, size_t pos, int* length) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  const size_t left = text.size() - pos;
  const unsigned char b0 = p[0];
  *length = 1;
  int n;
  uint32_t cp;
  uint32_t min;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2, cp = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3, cp = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4, cp = b0 & 0x07, min = 0x10000;
  } else {
    return kInvalidCodePoint;
  }
  if (left < static_cast<size_t>(n)) return kInvalidCodePoint;
  for (int i = 1; i < n; ++i) {
    if ((p[i] & 0xC0) != 0x80) return kInvalidCodePoint;
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return kInvalidCodePoint;
  }
  *length = n;
  return cp;
}

uint32_t DecodeBefore(std::string_view text, size_t pos, int* length) {
  // A sequence is at most 4 bytes: try each start that could end at pos.
  for (size_t back = 1; back <= 4 && back <= pos; ++back) {
    const unsigned char b = static_cast<unsigned char>(text[pos - back]);
    if (back < 4 && (b & 0xC0) == 0x80) continue;
    int n = 0;
    const uint32_t cp = DecodeAt(text, pos - back, &n);
    if (cp != kInvalidCodePoint && static_cast<size_t>(n) == back) {
      *length = n;
      return cp;
    }
    break;
  }
  *length = 1;
  const unsigned char last = static_cast<unsigned char>(text[pos - 1]);
  return last < 0x80 ? last : kInvalidCodePoint;
}

bool FoldNonAscii(uint32_t cp, Letter* letter) {
  char c = 0;
  if (cp == 0xAA || cp == 0xBA) {  // ª º: "nº", "1ª"
    letter->folded[0] = cp == 0xAA ? 'a' : 'o';
    letter->size = 1;
    letter->upper = false;
    return true;
  } else if (cp >= 0xC0 && cp <= 0xFF) {
    c = kLatin1[cp - 0xC0];
    if (c == '*') return false;
    if (c == '~') {
      letter->folded[0] = '\xC3';
      letter->folded[1] = '\xB1';
      letter->size = 2;
      letter->upper = cp == 0xD1;
      return true;
    }
  } else if (cp >= 0x100 && cp <= 0x17F) {
    c = kLatinExtendedA[cp - 0x100];
  } else if (cp >= 0xFF21 && cp <= 0xFF3A) {  // fullwidth A-Z
    c = static_cast<char>('A' + (cp - 0xFF21));
  } else if (cp >= 0xFF41 && cp <= 0xFF5A) {  // fullwidth a-z
    c = static_cast<char>('a' + (cp - 0xFF41));
  } else if (cp >= 0x400 && cp <= 0x45F) {
    // Cyrillic letters that look like Latin ones ("fuсk" with a Cyrillic
    // "с"); other Cyrillic letters are letters with no Latin reading.
    switch (cp) {
      case 0x410:
        c = 'A';
        break;
      case 0x415:
        c = 'E';
        break;
      case 0x41E:
        c = 'O';
        break;
      case 0x420:
        c = 'P';
        break;
      case 0x421:
        c = 'C';
        break;
      case 0x425:
        c = 'X';
        break;
      case 0x430:
        c = 'a';
        break;
      case 0x435:
        c = 'e';
        break;
      case 0x43E:
        c = 'o';
        break;
      case 0x440:
        c = 'p';
        break;
      case 0x441:
        c = 'c';
        break;
      case 0x443:
        c = 'y';
        break;
      case 0x445:
        c = 'x';
        break;
      case 0x456:
        c = 'i';
        break;
      default:
        return false;
    }
  } else {
    return false;
  }
  letter->upper = c >= 'A' && c <= 'Z';
  letter->folded[0] = AsciiLower(c);
  letter->size = 1;
  return true;
}

bool IsSpace(uint32_t cp) {
  return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool IsLetterAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  int n = 0;
  Letter letter;
  return FoldLetter(DecodeAt(text, pos, &n), &letter);
}

bool IsLetterBefore(std::string_view text, size_t pos) {
  if (pos == 0) return false;
  int n = 0;
  Letter letter;
  return FoldLetter(DecodeBefore(text, pos, &n), &letter);
}

std::string NormalizeWord(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (size_t i = 0; i < word.size();) {
    int n = 0;
    const uint32_t cp = DecodeAt(word, i, &n);
    Letter letter;
    if (FoldLetter(cp, &letter)) {
      out.append(letter.folded, letter.size);
    } else if (cp < 0x80 && IsAsciiDigit(static_cast<char>(cp))) {
      out.push_back(static_cast<char>(cp));
    }
    i += n;
  }
  return out;
}

bool WordBefore(std::string_view text, size_t pos, size_t max_bytes,
                bool within_clause, std::string* word, size_t* begin) {
  const size_t floor = pos > max_bytes ? pos - max_bytes : 0;
  bool after_period = false;
  // Skip what lies between the word and pos.
  while (pos > floor) {
    int n = 0;
    const uint32_t cp = DecodeBefore(text, pos, &n);
    Letter letter;
    if (FoldLetter(cp, &letter)) break;
    if (cp == '\n' || cp == '?' || cp == '!' ||
        (cp < 0x80 && IsAsciiDigit(static_cast<char>(cp))) ||
        (within_clause && (cp == ',' || cp == ';'))) {
      return false;
    }
    if (cp == '.') after_period = true;
    pos -= n;
  }
  // Read the word.
  const size_t end = pos;
  while (pos > floor) {
    int n = 0;
    const uint32_t cp = DecodeBefore(text, pos, &n);
    Letter letter;
    if (!FoldLetter(cp, &letter) && !IsIgnorable(cp) && !IsApostrophe(cp)) {
      if (cp < 0x80 && IsAsciiDigit(static_cast<char>(cp))) return false;
      break;
    }
    pos -= n;
  }
  if (pos == end) return false;
  *word = NormalizeWord(text.substr(pos, end - pos));
  *begin = pos;
  if (word->empty()) return false;
  return !after_period || IsNumberAbbreviation(*word);
}

std::string WordAfter(std::string_view text, size_t pos) {
  for (int spaces = 0; pos < text.size() && spaces < 2 && text[pos] == ' ';
       ++spaces) {
    ++pos;
  }
  const size_t begin = pos;
  while (pos < text.size()) {
    int n = 0;
    Letter letter;
    if (!FoldLetter(DecodeAt(text, pos, &n), &letter)) break;
    pos += n;
  }
  if (pos < text.size() && IsAsciiDigit(text[pos])) return {};
  return NormalizeWord(text.substr(begin, pos - begin));
}

}  // namespace threadline::guard_internal
