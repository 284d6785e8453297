#include "guard/numbers.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
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

// A run longer than this is a pasted blob, not one number; the scanner
// stops adding to it (its digits are still read, so it stays one run).
constexpr size_t kMaxRunDigits = 64;
constexpr size_t kMaxRunGroups = 16;

// How far back the words that label a number are looked for.
constexpr int kMaxLabelWords = 4;
constexpr size_t kMaxLabelBytes = 40;

enum class Label : uint8_t {
  kNone,
  kFiller,     // "number", "your", "de": look further back
  kReference,  // order, ticket, case: not personal
  kAccount,
  kSecret,
  kCurrency,
};

struct LabelWord {
  std::string_view word;
  Label label;
};

// clang-format off
constexpr LabelWord kLabelWords[] = {
    // Words between a label and its number.
    {"number", Label::kFiller}, {"numbers", Label::kFiller},
    {"num", Label::kFiller}, {"numero", Label::kFiller},
    {"numeros", Label::kFiller}, {"no", Label::kFiller},
    {"nos", Label::kFiller}, {"nr", Label::kFiller},
    {"nro", Label::kFiller}, {"nros", Label::kFiller},
    {"n", Label::kFiller}, {"id", Label::kFiller},
    {"code", Label::kFiller}, {"codigo", Label::kFiller},
    {"is", Label::kFiller}, {"es", Label::kFiller},
    {"was", Label::kFiller}, {"era", Label::kFiller},
    {"your", Label::kFiller}, {"su", Label::kFiller},
    {"sus", Label::kFiller}, {"tu", Label::kFiller},
    {"tus", Label::kFiller}, {"my", Label::kFiller},
    {"mi", Label::kFiller}, {"our", Label::kFiller},
    {"nuestro", Label::kFiller}, {"nuestra", Label::kFiller},
    {"de", Label::kFiller}, {"del", Label::kFiller},
    {"the", Label::kFiller}, {"el", Label::kFiller},
    {"la", Label::kFiller}, {"a", Label::kFiller},
    {"an", Label::kFiller}, {"un", Label::kFiller},
    {"una", Label::kFiller}, {"with", Label::kFiller},
    {"con", Label::kFiller}, {"ending", Label::kFiller},
    {"ends", Label::kFiller}, {"in", Label::kFiller},
    {"en", Label::kFiller}, {"terminada", Label::kFiller},
    {"terminado", Label::kFiller}, {"termina", Label::kFiller},
    {"new", Label::kFiller}, {"nuevo", Label::kFiller},
    {"nueva", Label::kFiller}, {"this", Label::kFiller},
    {"este", Label::kFiller}, {"esta", Label::kFiller},
    {"of", Label::kFiller}, {"for", Label::kFiller},
    {"para", Label::kFiller}, {"al", Label::kFiller},
    // Labels of numbers that identify no one.
    {"order", Label::kReference}, {"orders", Label::kReference},
    {"pedido", Label::kReference}, {"pedidos", Label::kReference},
    {"orden", Label::kReference}, {"ordenes", Label::kReference},
    {"ticket", Label::kReference}, {"tickets", Label::kReference},
    {"case", Label::kReference}, {"caso", Label::kReference},
    {"casos", Label::kReference}, {"reference", Label::kReference},
    {"ref", Label::kReference}, {"referencia", Label::kReference},
    {"folio", Label::kReference}, {"invoice", Label::kReference},
    {"factura", Label::kReference}, {"tracking", Label::kReference},
    {"rastreo", Label::kReference}, {"seguimiento", Label::kReference},
    {"guia", Label::kReference}, {"confirmation", Label::kReference},
    {"confirmacion", Label::kReference}, {"reservation", Label::kReference},
    {"reserva", Label::kReference}, {"reservacion", Label::kReference},
    {"booking", Label::kReference}, {"incident", Label::kReference},
    {"incidencia", Label::kReference}, {"claim", Label::kReference},
    {"reclamo", Label::kReference}, {"reclamacion", Label::kReference},
    {"request", Label::kReference}, {"solicitud", Label::kReference},
    {"tramite", Label::kReference}, {"radicado", Label::kReference},
    {"expediente", Label::kReference}, {"report", Label::kReference},
    {"reporte", Label::kReference}, {"complaint", Label::kReference},
    {"queja", Label::kReference}, {"shipment", Label::kReference},
    {"envio", Label::kReference}, {"package", Label::kReference},
    {"paquete", Label::kReference}, {"item", Label::kReference},
    {"articulo", Label::kReference}, {"sku", Label::kReference},
    {"model", Label::kReference}, {"modelo", Label::kReference},
    {"serial", Label::kReference}, {"serie", Label::kReference},
    {"flight", Label::kReference}, {"vuelo", Label::kReference},
    {"store", Label::kReference}, {"tienda", Label::kReference},
    {"sucursal", Label::kReference}, {"ext", Label::kReference},
    {"extension", Label::kReference}, {"version", Label::kReference},
    {"coupon", Label::kReference}, {"cupon", Label::kReference},
    {"promo", Label::kReference}, {"discount", Label::kReference},
    {"descuento", Label::kReference}, {"postal", Label::kReference},
    {"zip", Label::kReference}, {"part", Label::kReference},
    {"pieza", Label::kReference}, {"receipt", Label::kReference},
    {"recibo", Label::kReference}, {"transaction", Label::kReference},
    {"transaccion", Label::kReference}, {"operation", Label::kReference},
    {"operacion", Label::kReference}, {"rma", Label::kReference},
    {"return", Label::kReference}, {"devolucion", Label::kReference},
    {"refund", Label::kReference}, {"reembolso", Label::kReference},
    {"batch", Label::kReference}, {"lote", Label::kReference},
    {"room", Label::kReference}, {"habitacion", Label::kReference},
    {"seat", Label::kReference}, {"asiento", Label::kReference},
    // Labels of account and identity numbers.
    {"account", Label::kAccount}, {"accounts", Label::kAccount},
    {"acct", Label::kAccount}, {"acc", Label::kAccount},
    {"cuenta", Label::kAccount}, {"cuentas", Label::kAccount},
    {"cta", Label::kAccount}, {"iban", Label::kAccount},
    {"clabe", Label::kAccount}, {"routing", Label::kAccount},
    {"aba", Label::kAccount}, {"bank", Label::kAccount},
    {"banco", Label::kAccount}, {"bancaria", Label::kAccount},
    {"bancario", Label::kAccount}, {"checking", Label::kAccount},
    {"savings", Label::kAccount}, {"ahorros", Label::kAccount},
    {"member", Label::kAccount}, {"membership", Label::kAccount},
    {"socio", Label::kAccount}, {"afiliado", Label::kAccount},
    {"afiliacion", Label::kAccount}, {"policy", Label::kAccount},
    {"poliza", Label::kAccount}, {"contract", Label::kAccount},
    {"contrato", Label::kAccount}, {"customer", Label::kAccount},
    {"cliente", Label::kAccount}, {"subscriber", Label::kAccount},
    {"suscriptor", Label::kAccount}, {"abonado", Label::kAccount},
    {"card", Label::kAccount}, {"tarjeta", Label::kAccount},
    {"credit", Label::kAccount}, {"credito", Label::kAccount},
    {"debit", Label::kAccount}, {"debito", Label::kAccount},
    {"ssn", Label::kAccount}, {"social", Label::kAccount},
    {"dni", Label::kAccount}, {"nif", Label::kAccount},
    {"nie", Label::kAccount}, {"curp", Label::kAccount},
    {"rfc", Label::kAccount}, {"cedula", Label::kAccount},
    {"passport", Label::kAccount}, {"pasaporte", Label::kAccount},
    {"license", Label::kAccount}, {"licencia", Label::kAccount},
    {"itin", Label::kAccount}, {"ein", Label::kAccount},
    {"rut", Label::kAccount}, {"cuit", Label::kAccount},
    {"cuil", Label::kAccount}, {"nss", Label::kAccount},
    {"identification", Label::kAccount}, {"identificacion", Label::kAccount},
    {"documento", Label::kAccount},
    // Labels of secrets, which no message may carry.
    {"cvv", Label::kSecret}, {"cvc", Label::kSecret},
    {"cvv2", Label::kSecret}, {"pin", Label::kSecret},
    {"nip", Label::kSecret}, {"security", Label::kSecret},
    {"seguridad", Label::kSecret}, {"verification", Label::kSecret},
    {"verificacion", Label::kSecret}, {"otp", Label::kSecret},
    {"password", Label::kSecret}, {"passcode", Label::kSecret},
    {"contrase\xC3\xB1" "a", Label::kSecret}, {"clave", Label::kSecret},
    // Currency codes written before an amount ("USD 1,250", "MXN 40.000").
    {"usd", Label::kCurrency}, {"eur", Label::kCurrency},
    {"mxn", Label::kCurrency}, {"cop", Label::kCurrency},
    {"clp", Label::kCurrency}, {"ars", Label::kCurrency},
    {"pen", Label::kCurrency}, {"gbp", Label::kCurrency},
    {"brl", Label::kCurrency}, {"cad", Label::kCurrency},
    {"uyu", Label::kCurrency}, {"dop", Label::kCurrency},
    {"crc", Label::kCurrency}, {"gtq", Label::kCurrency},
};
// clang-format on

// Words after a number that make it an amount or a quantity.
constexpr std::string_view kAmountWords[] = {
    "usd",      "eur",      "mxn",     "cop",       "clp",       "ars",
    "pen",      "gbp",      "brl",     "cad",       "uyu",       "dop",
    "crc",      "gtq",      "pesos",   "peso",      "dolares",   "dollars",
    "dollar",   "euros",    "euro",    "bucks",     "cents",     "centavos",
    "centimos", "libras",   "pounds",  "soles",     "reales",    "reais",
    "mil",      "millones", "million", "millions",  "billion",   "points",
    "puntos",   "pts",      "miles",   "millas",    "km",        "kms",
    "kg",       "kgs",      "gb",      "mb",        "tb",        "mbps",
    "gbps",     "veces",    "times",   "views",     "followers", "seguidores",
    "users",    "usuarios", "percent", "porciento",
};

// Currency signs written next to an amount.
bool IsCurrencySign(uint32_t cp) {
  return cp == '$' || cp == 0xA3 || cp == 0xA5 || cp == 0x20AC ||
         cp == 0x20A1 || cp == 0x20A9 || cp == 0x20B1 || cp == 0x20B2 ||
         cp == 0x20B9 || cp == 0x20BA || cp == 0x20BD;
}

Label LabelOf(std::string_view word) {
  static const auto* const kLabels = [] {
    auto* labels = new absl::flat_hash_map<std::string, Label>();
    for (const LabelWord& entry : kLabelWords) {
      labels->emplace(std::string(entry.word), entry.label);
    }
    return labels;
  }();
  auto it = kLabels->find(ToAbsl(word));
  return it == kLabels->end() ? Label::kNone : it->second;
}

// Separators inside a phone or card number. Unicode spaces count as ' '.
char SeparatorAt(std::string_view text, size_t pos, int* length) {
  const uint32_t cp = DecodeAt(text, pos, length);
  switch (cp) {
    case ' ':
    case '-':
    case '.':
    case '/':
    case '(':
    case ')':
      return static_cast<char>(cp);
    case 0xA0:    // no-break space
    case 0x2007:  // figure space
    case 0x2009:  // thin space
    case 0x202F:  // narrow no-break space
      return ' ';
    default:
      return 0;
  }
}

// Whether `seps` (the separator bytes between two groups, as SeparatorAt
// reads them) can stand inside one number: one separator, or a parenthesis
// or a dash or slash with spaces ("(646) 555", "646 - 555"). ". " ends a
// sentence and "/ /" is no number.
bool JoinsGroups(std::string_view seps) {
  if (seps.size() == 1) return true;
  return seps == ") " || seps == " (" || seps == " - " || seps == " / " ||
         seps == "- " || seps == " -" || seps == ")-";
}

// The normalized word starting at or after `pos`, past at most two spaces,
// or empty.
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

bool IsAmountWord(std::string_view word) {
  return std::find(std::begin(kAmountWords), std::end(kAmountWords), word) !=
         std::end(kAmountWords);
}

int GroupValue(std::string_view text, Span group) {
  int value = 0;
  for (size_t i = group.begin; i < group.end && i < group.begin + 4; ++i) {
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

size_t GroupSize(Span group) { return group.end - group.begin; }

bool IsYear(std::string_view text, Span group) {
  const int value = GroupValue(text, group);
  return GroupSize(group) == 4 && value >= 1900 && value <= 2099;
}

// Whether groups [i, i+3) form a date:
// day/month/year or month/day/year (year of 2 or 4 digits) or
// year-month-day, one separator among / - . throughout.
bool IsDateAt(std::string_view text, const NumberRun& run, size_t i) {
  if (i + 3 > run.groups.size()) return false;
  const char sep = run.separators[i];
  if (sep != '/' && sep != '-' && sep != '.') return false;
  if (run.separators[i + 1] != sep) return false;
  const Span a = run.groups[i], b = run.groups[i + 1], c = run.groups[i + 2];
  const auto day_or_month = [&](Span g) {
    const int v = GroupValue(text, g);
    return GroupSize(g) <= 2 && v >= 1 && v <= 31;
  };
  const auto month = [&](Span g) {
    const int v = GroupValue(text, g);
    return GroupSize(g) <= 2 && v >= 1 && v <= 12;
  };
  if (IsYear(text, a)) return month(b) && day_or_month(c);
  if (!day_or_month(a) || !day_or_month(b)) return false;
  if (!month(a) && !month(b)) return false;
  return GroupSize(c) == 2 || IsYear(text, c);
}

bool AllSeparators(const NumberRun& run, char sep) {
  return std::all_of(run.separators.begin(), run.separators.end(),
                     [sep](char c) { return c == sep; });
}

// Shapes of numbers that are never personal data.
const char* NonPersonalShape(std::string_view text, const NumberRun& run) {
  for (size_t i = 0; i + 3 <= run.groups.size(); ++i) {
    if (IsDateAt(text, run, i)) return "a date";
  }
  if (run.groups.size() == 2 &&
      (run.separators[0] == '-' || run.separators[0] == '/') &&
      IsYear(text, run.groups[0]) && IsYear(text, run.groups[1])) {
    return "a range of years";
  }
  if (run.groups.size() == 2 && run.separators[0] == '.') {
    return "a decimal number";
  }
  // "Sizes 36 37 38 39", "rooms 101 102 103": counting, not one number.
  if (run.groups.size() >= 3) {
    bool counting = true;
    for (size_t i = 1; i < run.groups.size() && counting; ++i) {
      counting = GroupSize(run.groups[i]) <= 4 &&
                 GroupValue(text, run.groups[i]) ==
                     GroupValue(text, run.groups[i - 1]) + 1;
    }
    if (counting) return "a list of consecutive numbers";
  }
  if (run.groups.size() == 2 && run.separators[0] == '-' &&
      GroupSize(run.groups[0]) == 5 && GroupSize(run.groups[1]) == 4) {
    return "a ZIP+4 code";
  }
  if (run.groups.size() == 4 && AllSeparators(run, '.') &&
      std::all_of(run.groups.begin(), run.groups.end(), [&](Span g) {
        return GroupSize(g) <= 3 && GroupValue(text, g) <= 255;
      })) {
    return "an IP address";
  }
  if (run.groups.size() >= 3 && AllSeparators(run, '.') &&
      GroupSize(run.groups[0]) <= 3 &&
      std::all_of(run.groups.begin() + 1, run.groups.end(),
                  [](Span g) { return GroupSize(g) == 3; })) {
    return "an amount with thousands separators";
  }
  return nullptr;
}

// Whether groups [first, last) are laid out as card numbers are printed:
// one block, blocks of four with a shorter last one, or 4-6-5 / 4-6-4
// (American Express, Diners Club), one separator, a space or a dash.
bool IsCardLayout(const NumberRun& run, size_t first, size_t last) {
  if (last - first == 1) return true;
  const char sep = run.separators[first];
  if (sep != ' ' && sep != '-') return false;
  for (size_t i = first + 1; i < last; ++i) {
    if (run.separators[i - 1] != sep) return false;
  }
  std::vector<size_t> sizes;
  for (size_t i = first; i < last; ++i)
    sizes.push_back(GroupSize(run.groups[i]));
  if (sizes == std::vector<size_t>{4, 6, 5} ||
      sizes == std::vector<size_t>{4, 6, 4}) {
    return true;
  }
  for (size_t i = 0; i + 1 < sizes.size(); ++i) {
    if (sizes[i] != 4) return false;
  }
  return sizes.back() >= 1 && sizes.back() <= 4;
}

// The first card number among consecutive groups of `run`.
bool FindCard(std::string_view text, const NumberRun& run, RunVerdict* out) {
  for (size_t first = 0; first < run.groups.size(); ++first) {
    std::string digits;
    for (size_t last = first + 1; last <= run.groups.size(); ++last) {
      const Span g = run.groups[last - 1];
      digits.append(text.substr(g.begin, GroupSize(g)));
      if (digits.size() > 19) break;
      if (digits.size() < 13 || !IsCardLayout(run, first, last)) continue;
      // A longer number printed in the same blocks is not this card (an
      // expiry date after a card number is another matter).
      if (last - first > 1 && last < run.groups.size() &&
          run.separators[last - 1] == run.separators[first] &&
          GroupSize(run.groups[last]) == 4) {
        continue;
      }
      const std::string_view network = CardNetwork(digits);
      if (network.empty() || !PassesLuhn(digits)) continue;
      out->run_class = RunClass::kCard;
      out->detail = std::string(network);
      out->span = {run.groups[first].begin, g.end};
      return true;
    }
  }
  return false;
}

// Whether `letter` is the control letter of the Spanish DNI `digits`
// (eight digits; the letter is the number mod 23 in a fixed table).
bool IsDniLetter(std::string_view digits, char letter) {
  static constexpr std::string_view kLetters = "TRWAGMYFPDXBNJZSQVHLCKE";
  int remainder = 0;
  for (char d : digits) remainder = (remainder * 10 + (d - '0')) % 23;
  return AsciiUpper(letter) == kLetters[remainder];
}

// The label of the number at `pos`: the nearest label word among the four
// words before it, past filler words.
Label LabelBefore(std::string_view text, size_t pos, std::string* label) {
  std::string word;
  size_t begin = 0;
  for (int i = 0; i < kMaxLabelWords; ++i) {
    if (!WordBefore(text, pos, kMaxLabelBytes, /*within_clause=*/false, &word,
                    &begin)) {
      break;
    }
    const Label found = LabelOf(word);
    if (found == Label::kNone) break;
    if (found != Label::kFiller) {
      *label = word;
      return found;
    }
    pos = begin;
  }
  return Label::kNone;
}

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

std::vector<NumberRun> FindNumberRuns(std::string_view text,
                                      const std::vector<uint8_t>& skip) {
  std::vector<NumberRun> runs;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsAsciiDigit(text[i]) || skip[i]) {
      ++i;
      continue;
    }
    NumberRun run;
    run.begin = i;
    if (i > 0 && !skip[i - 1] && text[i - 1] == '+') {
      run.begin = i - 1;
      run.plus = true;
    } else if (i > 0 && !skip[i - 1] && text[i - 1] == '(') {
      run.begin = i - 1;
      if (run.begin > 0 && !skip[run.begin - 1] && text[run.begin - 1] == '+') {
        --run.begin;
        run.plus = true;
      }
    }
    std::string seps;
    size_t pos = i;
    while (true) {
      const size_t group_begin = pos;
      while (pos < text.size() && !skip[pos] && IsAsciiDigit(text[pos])) {
        if (run.digits.size() < kMaxRunDigits) run.digits.push_back(text[pos]);
        ++pos;
      }
      run.groups.push_back({group_begin, pos});
      run.end = pos;
      if (run.groups.size() >= kMaxRunGroups) break;
      // Separators up to the next group, if any.
      seps.clear();
      size_t next = pos;
      while (next < text.size() && !skip[next] && seps.size() < 4) {
        int n = 0;
        const char sep = SeparatorAt(text, next, &n);
        if (sep == 0) break;
        seps.push_back(sep);
        next += n;
      }
      if (seps.empty() || next >= text.size() || skip[next] ||
          !IsAsciiDigit(text[next]) || !JoinsGroups(seps)) {
        break;
      }
      run.separators.push_back(seps.size() == 1 ? seps[0] : '~');
      pos = next;
    }
    i = run.end;
    runs.push_back(std::move(run));
  }
  return runs;
}

RunVerdict ClassifyRun(std::string_view text, const NumberRun& run,
                       const std::vector<std::string>& account_prefixes) {
  RunVerdict verdict;
  verdict.span = {run.begin, run.end};
  const auto not_personal = [&verdict](std::string detail) {
    verdict.run_class = RunClass::kNotPersonal;
    verdict.detail = std::move(detail);
    return verdict;
  };
  const size_t first_digit = run.groups.front().begin;

  // 1. Glued to letters: a code ("ORD-2026001", "10am", "1Z999AA1..."),
  // personal with an account prefix ("AC-305510"), an account label
  // ("CURP GODE561231HDFRRN09") or as a Spanish DNI with its control letter.
  {
    size_t token_begin = run.begin;
    bool glued = false;
    std::string prefix;
    if (first_digit == run.begin && first_digit > 0) {
      size_t letters_end = first_digit;
      const char before = text[first_digit - 1];
      if (before == '-' || before == '#') --letters_end;
      size_t letters_begin = letters_end;
      while (letters_begin > 0 && IsAsciiAlpha(text[letters_begin - 1])) {
        --letters_begin;
      }
      if (letters_begin < letters_end) {
        for (size_t k = letters_begin; k < letters_end; ++k) {
          prefix.push_back(AsciiUpper(text[k]));
        }
        token_begin = letters_begin;
        glued = true;
      } else if (IsLetterBefore(text, letters_end)) {
        glued = true;
      } else if (before == '@' || before == '_') {
        return not_personal("a handle or code");
      }
    }
    size_t token_end = run.end;
    while (token_end < text.size() && IsAsciiAlnum(text[token_end])) {
      ++token_end;
    }
    const bool glued_after = token_end > run.end || IsLetterAt(text, run.end);
    if (glued || glued_after) {
      const bool whole_word =
          token_begin == 0 || !IsAsciiAlnum(text[token_begin - 1]);
      if (!prefix.empty() && whole_word && run.digits.size() >= 5 &&
          !glued_after &&
          std::find(account_prefixes.begin(), account_prefixes.end(), prefix) !=
              account_prefixes.end()) {
        verdict.run_class = RunClass::kAccount;
        verdict.detail = "account prefix \"" + prefix + "\"";
        verdict.span = {token_begin, run.end};
        return verdict;
      }
      std::string label;
      if (whole_word &&
          LabelBefore(text, token_begin, &label) == Label::kAccount) {
        verdict.run_class = RunClass::kAccount;
        verdict.detail = "labelled \"" + label + "\"";
        verdict.span = {token_begin, token_end};
        return verdict;
      }
      if (!glued && run.groups.size() == 1 && run.digits.size() == 8 &&
          token_end == run.end + 1 && IsDniLetter(run.digits, text[run.end])) {
        verdict.run_class = RunClass::kAccount;
        verdict.detail = "a Spanish DNI with a valid control letter";
        verdict.span = {run.begin, token_end};
        return verdict;
      }
      return not_personal("a code");
    }
  }

  // 2. Amounts and quantities.
  {
    size_t pos = run.begin;
    if (pos > 0 && text[pos - 1] == ' ') --pos;
    int n = 0;
    if (pos > 0 && IsCurrencySign(DecodeBefore(text, pos, &n))) {
      return not_personal("an amount");
    }
    size_t after = run.end;
    if (after < text.size() && text[after] == ' ') ++after;
    if (after < text.size()) {
      const uint32_t cp = DecodeAt(text, after, &n);
      if (cp == '%') return not_personal("a percentage");
      if (IsCurrencySign(cp)) return not_personal("an amount");
    }
    if (IsAmountWord(WordAfter(text, run.end))) {
      return not_personal("an amount or quantity");
    }
  }

  // 3. Shapes.
  if (const char* shape = NonPersonalShape(text, run)) {
    return not_personal(shape);
  }

  // 4. Labels.
  std::string label;
  const Label found = LabelBefore(text, run.begin, &label);
  if (found == Label::kReference) return not_personal(label);
  if (found == Label::kCurrency) return not_personal("an amount");

  // 5. Digits.
  if (FindCard(text, run, &verdict)) return verdict;
  if (run.groups.size() == 3 && AllSeparators(run, '-') &&
      GroupSize(run.groups[0]) == 3 && GroupSize(run.groups[1]) == 2 &&
      GroupSize(run.groups[2]) == 4 && !run.plus && run.begin == first_digit) {
    verdict.run_class = RunClass::kSsn;
    return verdict;
  }
  if (found == Label::kAccount && run.digits.size() >= 5) {
    verdict.run_class = RunClass::kAccount;
    verdict.detail = "labelled \"" + label + "\"";
    return verdict;
  }
  if (found == Label::kSecret && run.digits.size() >= 3) {
    verdict.run_class = RunClass::kSecret;
    verdict.detail = "labelled \"" + label + "\"";
    return verdict;
  }
  // "#12345" without a word: a reference.
  {
    size_t pos = run.begin;
    if (pos > 0 && text[pos - 1] == ' ') --pos;
    if (pos > 0 && text[pos - 1] == '#') return not_personal("#");
  }
  if (run.digits.size() >= 18) {
    verdict.run_class = RunClass::kLongNumber;
    return verdict;
  }
  if (run.digits.size() >= 7) {
    verdict.run_class = RunClass::kPhoneCandidate;
    return verdict;
  }
  return not_personal("a short number");
}

}  // namespace threadline::guard_internal
