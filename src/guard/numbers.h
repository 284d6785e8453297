// Numbers in replies: which are personal data (card numbers, IBANs, account
// numbers, security codes, phone-shaped numbers) and which are not (order
// and ticket numbers, dates, times, prices, quantities). Internal to
// src/guard.
//
// A number is read as a run: digits joined by the separators phone and card
// numbers are written with ("+1 (646) 555-0134", "4111-1111-1111-1111",
// "05/01/2026"). What tells a run's meaning is, in order:
//   1. its surroundings: glued to letters ("AC305510", "ORD-2026001",
//      "10am") it is a code, personal only with an account prefix or label
//      or as a Spanish DNI with its control letter ("12345678Z"); after a
//      currency sign or before a currency or unit word ("$40", "1.250.000
//      pesos", "300 puntos") or "%" it is an amount;
//   2. its shape: a date ("2026-01-05", "05/01/2026"), a year range, an IP
//      address, a dotted thousands amount, a decimal number, a ZIP+4 code,
//      a list of consecutive numbers ("tallas 36 37 38 39");
//   3. the words before it (up to four, within the sentence): "order",
//      "pedido", "ticket", "#" and the like make it a reference; "account",
//      "cuenta", "tarjeta", "DNI" an account number; "CVV", "PIN",
//      "security code" a secret;
//   4. its digits: a card number (issuer prefix and length, card grouping,
//      Luhn), a US Social Security number shape (123-45-6789);
//   5. otherwise, seven digits or more: a phone number to be confirmed by
//      libphonenumber, else, from nine digits, a number with no label.
#ifndef THREADLINE_SRC_GUARD_NUMBERS_H_
#define THREADLINE_SRC_GUARD_NUMBERS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace threadline::guard_internal {

// PassesLuhn: whether the ASCII digits pass the Luhn (mod 10) check.
bool PassesLuhn(std::string_view digits);

// CardNetwork: the card network whose issuer prefixes and lengths `digits`
// fits ("Visa", "Mastercard", "American Express", ...), or empty.
std::string_view CardNetwork(std::string_view digits);

// IbanLength: the length of an IBAN of `country` (two upper-case letters),
// or 0 for a country without IBANs.
int IbanLength(std::string_view country);

// IbanChecksumValid: whether `iban` (upper-case letters and digits, no
// spaces) passes the ISO 13616 mod-97 check.
bool IbanChecksumValid(std::string_view iban);

// Span: bytes [begin, end) of a reply.
struct Span {
  size_t begin = 0;
  size_t end = 0;
};

// FindIbans: the IBANs in `text` ("ES91 2100 0418 4502 0005 1332",
// "DE89370400440532013000"): a known country, its length, valid check
// digits. Bytes where `skip` is non-zero are not looked at.
std::vector<Span> FindIbans(std::string_view text,
                            const std::vector<uint8_t>& skip);

// NumberRun: digits joined by separators.
struct NumberRun {
  size_t begin = 0;  // with a "+" or "(" just before the first digit
  size_t end = 0;    // just after the last digit
  std::string digits;
  std::vector<Span> groups;  // each run of digits
  // The separator before each group after the first: the byte itself for
  // one ASCII byte, ' ' for a Unicode space, '~' for several ("(646) 555").
  std::string separators;
  bool plus = false;  // written with "+"
};

// FindNumberRuns: the runs in `text`, in order. Bytes where `skip` is
// non-zero end a run and start none.
std::vector<NumberRun> FindNumberRuns(std::string_view text,
                                      const std::vector<uint8_t>& skip);

// What a run is.
enum class RunClass : uint8_t {
  kNotPersonal,     // a reference, date, amount or code; `detail` says which
  kCard,            // `detail`: the network
  kSsn,             // 3-2-4 digits with dashes
  kAccount,         // `detail`: why ("labelled \"cuenta\"", "account
                    // prefix \"AC\"")
  kSecret,          // `detail`: why ("labelled \"cvv\"")
  kPhoneCandidate,  // 7 to 17 digits, nothing else said what it is
  kLongNumber,      // 18 digits or more, nothing said what it is
};

struct RunVerdict {
  RunClass run_class = RunClass::kNotPersonal;
  std::string detail;
  Span span;  // the run, or for kCard the groups that are the card
};

// ClassifyRun: what `run` of `text` is (see the top of this file).
// `account_prefixes` are upper-case.
RunVerdict ClassifyRun(std::string_view text, const NumberRun& run,
                       const std::vector<std::string>& account_prefixes);

}  // namespace threadline::guard_internal

#endif  // THREADLINE_SRC_GUARD_NUMBERS_H_
