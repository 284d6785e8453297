// The numbers of numbers.h that carry their own check: card numbers (the
// issuer prefixes and lengths of each network, the Luhn check) and IBANs (the
// length of each country's, the ISO 13616 mod-97 check), and the IBANs
// written in a reply.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "guard/numbers.h"
#include "guard/text.h"

namespace threadline::guard_internal {
namespace {

// Card issuer prefixes (ISO/IEC 7812 IINs as the networks publish them) and
// the lengths each issues, as a bit set (bit n: n digits). First match wins,
// so narrow ranges come before the wide ones they sit in.
struct CardRange {
  std::string_view low;  // the range over the first low.size() digits
  std::string_view high;
  uint32_t lengths;
  std::string_view network;
};
constexpr uint32_t Len(int n) { return uint32_t{1} << n; }
constexpr uint32_t LenRange(int lo, int hi) {
  uint32_t bits = 0;
  for (int n = lo; n <= hi; ++n) bits |= Len(n);
  return bits;
}
constexpr CardRange kCardRanges[] = {
    {"34", "34", Len(15), "American Express"},
    {"37", "37", Len(15), "American Express"},
    {"4", "4", Len(13) | Len(16) | Len(19), "Visa"},
    {"51", "55", Len(16), "Mastercard"},
    {"2221", "2720", Len(16), "Mastercard"},
    {"2200", "2204", LenRange(16, 19), "Mir"},
    {"6011", "6011", LenRange(16, 19), "Discover"},
    {"644", "649", LenRange(16, 19), "Discover"},
    {"65", "65", LenRange(16, 19), "Discover"},
    {"622126", "622925", LenRange(16, 19), "Discover"},
    {"62", "62", LenRange(16, 19), "UnionPay"},
    {"3528", "3589", LenRange(16, 19), "JCB"},
    {"300", "305", LenRange(14, 19), "Diners Club"},
    {"3095", "3095", LenRange(14, 19), "Diners Club"},
    {"36", "36", LenRange(14, 19), "Diners Club"},
    {"38", "39", LenRange(16, 19), "Diners Club"},
    {"50", "50", LenRange(13, 19), "Maestro"},
    {"56", "69", LenRange(13, 19), "Maestro"},
};

// IBAN lengths by country (the SWIFT IBAN registry).
struct IbanCountry {
  char code[3];
  int length;
};
constexpr IbanCountry kIbanCountries[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20},
    {"BE", 16}, {"BG", 22}, {"BH", 22}, {"BR", 29}, {"CH", 21}, {"CR", 22},
    {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DK", 18}, {"DO", 28}, {"EE", 20},
    {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22},
    {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21},
    {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30},
    {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LI", 21}, {"LT", 20}, {"LU", 20},
    {"LV", 21}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MR", 27},
    {"MT", 31}, {"MU", 30}, {"NL", 18}, {"NO", 15}, {"PK", 24}, {"PL", 28},
    {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"SA", 24},
    {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SV", 28}, {"TN", 24},
    {"TR", 26}, {"UA", 29}, {"VG", 24}, {"XK", 20},
};

}  // namespace

bool PassesLuhn(std::string_view digits) {
  int sum = 0;
  bool twice = false;
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return !digits.empty() && sum % 10 == 0;
}

std::string_view CardNetwork(std::string_view digits) {
  const size_t length = digits.size();
  if (length < 13 || length > 19) return {};
  for (const CardRange& range : kCardRanges) {
    const std::string_view head = digits.substr(0, range.low.size());
    if (head < range.low || head > range.high) continue;
    return (range.lengths & Len(static_cast<int>(length))) ? range.network
                                                           : std::string_view();
  }
  return {};
}

int IbanLength(std::string_view country) {
  for (const IbanCountry& c : kIbanCountries) {
    if (country == c.code) return c.length;
  }
  return 0;
}

bool IbanChecksumValid(std::string_view iban) {
  if (iban.size() < 5) return false;
  int remainder = 0;
  const auto add = [&remainder](char c) {
    if (IsAsciiDigit(c)) {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else {
      remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
    }
  };
  for (size_t i = 4; i < iban.size(); ++i) add(iban[i]);
  for (size_t i = 0; i < 4; ++i) add(iban[i]);
  return remainder == 1;
}

std::vector<Span> FindIbans(std::string_view text,
                            const std::vector<uint8_t>& skip) {
  std::vector<Span> found;
  std::string chars;
  for (size_t i = 0; i + 4 <= text.size(); ++i) {
    // Digits are rarer than letters: test them first.
    if (!IsAsciiDigit(text[i + 2]) || !IsAsciiDigit(text[i + 3]) ||
        !IsAsciiAlpha(text[i]) || !IsAsciiAlpha(text[i + 1]) || skip[i] ||
        (i > 0 && IsAsciiAlnum(text[i - 1])) || IsLetterBefore(text, i)) {
      continue;
    }
    const char country[3] = {AsciiUpper(text[i]), AsciiUpper(text[i + 1]), 0};
    const int length = IbanLength(country);
    if (length == 0) continue;
    chars.clear();
    size_t pos = i;
    // Single spaces or dashes may group the characters ("ES91 2100 ...").
    while (pos < text.size() && static_cast<int>(chars.size()) < length &&
           !skip[pos]) {
      const char c = text[pos];
      if (IsAsciiAlnum(c)) {
        chars.push_back(AsciiUpper(c));
        ++pos;
      } else if ((c == ' ' || c == '-') && pos + 1 < text.size() &&
                 IsAsciiAlnum(text[pos + 1]) && !chars.empty()) {
        ++pos;
      } else {
        break;
      }
    }
    if (static_cast<int>(chars.size()) != length) continue;
    if (pos < text.size() &&
        (IsAsciiAlnum(text[pos]) || IsLetterAt(text, pos))) {
      continue;
    }
    if (!IbanChecksumValid(chars)) continue;
    found.push_back({i, pos});
    i = pos - 1;
  }
  return found;
}

}  // namespace threadline::guard_internal
