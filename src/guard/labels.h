// The words around a number that say what it is: the label words before it
// ("order", "pedido", "cuenta", "CVV", "USD") and the currency signs and
// amount or unit words next to it ("$", "€", "pesos", "puntos", "km").
// Internal to src/guard.
//
// All functions are thread-safe.
#ifndef THREADLINE_SRC_GUARD_LABELS_H_
#define THREADLINE_SRC_GUARD_LABELS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace threadline::guard_internal {

// What a word before a number says the number is.
enum class Label : uint8_t {
  kNone,
  kFiller,     // "number", "your", "de": look further back
  kReference,  // order, ticket, case: not personal
  kAccount,
  kSecret,
  kCurrency,
};

// Currency signs written next to an amount.
bool IsCurrencySign(uint32_t cp);

// Whether `word` (normalized), read after a number, makes it an amount or a
// quantity ("pesos", "km", "puntos").
bool IsAmountWord(std::string_view word);

// The label of the number at `pos`: the nearest label word among the four
// words before it, past filler words.
Label LabelBefore(std::string_view text, size_t pos, std::string* label);

}  // namespace threadline::guard_internal

#endif  // THREADLINE_SRC_GUARD_LABELS_H_
