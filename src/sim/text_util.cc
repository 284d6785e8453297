#include "sim/text_util.h"

#include <algorithm>
#include <cstdint>

namespace threadline::sim {
namespace {

// The two-byte UTF-8 forms (after 0xC3) of the Latin-1 letters Spanish uses,
// and their ASCII folds.
char FoldC3(unsigned char second) {
  switch (second) {
    case 0xA1:  // á
      return 'a';
    case 0xA9:  // é
      return 'e';
    case 0xAD:  // í
      return 'i';
    case 0xB3:  // ó
      return 'o';
    case 0xBA:  // ú
    case 0xBC:  // ü
      return 'u';
    case 0xB1:  // ñ
      return 'n';
    case 0x81:  // Á
      return 'A';
    case 0x89:  // É
      return 'E';
    case 0x8D:  // Í
      return 'I';
    case 0x93:  // Ó
      return 'O';
    case 0x9A:  // Ú
    case 0x9C:  // Ü
      return 'U';
    case 0x91:  // Ñ
      return 'N';
    default:
      return 0;
  }
}

}  // namespace

std::string FoldToAscii(std::string_view s) {
  return StripAccents(s, /*enye_too=*/true, /*drop_inverted=*/false);
}

std::string StripAccents(std::string_view s, bool enye_too,
                         bool drop_inverted) {
  std::string out(s);
  StripAccentsInPlace(&out, enye_too, drop_inverted);
  return out;
}

void StripAccentsInPlace(std::string* text, bool enye_too, bool drop_inverted) {
  std::string& s = *text;
  size_t w = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xC3 && i + 1 < s.size()) {
      const unsigned char next = static_cast<unsigned char>(s[i + 1]);
      const char folded = FoldC3(next);
      const bool enye = next == 0xB1 || next == 0x91;
      if (folded != 0 && (enye_too || !enye)) {
        s[w++] = folded;
        ++i;
        continue;
      }
    } else if (c == 0xC2 && i + 1 < s.size() && drop_inverted) {
      const unsigned char next = static_cast<unsigned char>(s[i + 1]);
      if (next == 0xBF || next == 0xA1) {  // ¿ ¡
        ++i;
        continue;
      }
    }
    s[w++] = static_cast<char>(c);
  }
  s.resize(w);
}

std::string Mojibake(std::string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x80) {
      out += ch;
    } else {
      // Each byte taken as a Latin-1 character and encoded again.
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::string_view FirstLetter(std::string_view s) {
  if (s.empty()) return s;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  size_t n = 1;
  if (c >= 0xF0) {
    n = 4;
  } else if (c >= 0xE0) {
    n = 3;
  } else if (c >= 0xC0) {
    n = 2;
  }
  return s.substr(0, std::min(n, s.size()));
}

void LowerAscii(std::string* s) {
  for (char& c : *s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

}  // namespace threadline::sim
