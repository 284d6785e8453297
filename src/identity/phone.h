// Phone numbers through libphonenumber: the reading policy that turns the
// forms phone numbers arrive in into E.164, and finding numbers in text.
// Internal to src/identity.
//
// Reading policy (PhoneReader::ToE164). A raw value is read up to three
// ways; the first *valid* reading of 1-2 wins, else the first *possible* one
// (right length for its country, not merely a local number), else a valid
// reading 3:
//   1. as written, with the region: libphonenumber reads "+", the region's
//      own international prefix (011 in the US, 00 in Spain) and its
//      national trunk prefix;
//   2. after an international dialling prefix that is not the region's own:
//      "00" (ITU-T's recommendation, used by most of the world), "011"
//      (North America), "0011" (Australia) or "010" (Japan), read as "+":
//      "0034612345678" from a US caller is +34612345678;
//   3. as international digits without the "+" ("573227891702"), which is
//      how WhatsApp ids and many CRMs store numbers. Without a "+" this is a
//      guess, so for PHONE it must give a valid number and is tried only
//      when the value is no number of the region at all and is not written
//      the national way ("(646) 555-0134" with no region is not +64...).
//      WHATSAPP values are
//      international by definition: for them this reading comes first and is
//      trusted like reading 1.
// Possible-but-invalid numbers are accepted because libphonenumber's
// metadata lags new number ranges and typo'd or fictional numbers still need
// to identify the same customer each time they arrive.
// After reading, Brazilian mobiles written before the 2012-2016 ninth-digit
// migration (+55 11 8765-4321) become their nine-digit form when that is a
// valid mobile, and numbers whose national digits are all one digit
// ("+1 000 000 0000", "555 555 5555") are rejected as placeholders.
#ifndef THREADLINE_SRC_IDENTITY_PHONE_H_
#define THREADLINE_SRC_IDENTITY_PHONE_H_

#include <bitset>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "identity/phone_numbers.h"

namespace threadline {
namespace identity_internal {

// PhoneReader: reads phone numbers with libphonenumber. Thread-safe: it
// holds only libphonenumber's thread-safe singleton and the immutable
// PhonePlan.
class PhoneReader {
 public:
  // Who answers libphonenumber's questions. The answers, and so every
  // result and message, are the same; only the cost differs.
  enum class Engine {
    // PhonePlan (phone_plan.h), libphonenumber's metadata compiled with
    // RE2, for the plain forms nearly all values come in (under a
    // microsecond); libphonenumber itself for the rest.
    kPlan,
    // libphonenumber alone (tens of microseconds a value): the reference
    // the differential test compares kPlan with.
    kLibphonenumber,
  };
  // How a raw value is expected to be written.
  enum class Form {
    kAny,            // PHONE: national or international
    kInternational,  // WHATSAPP: international, "+" optional
  };

  // Fewest digits of a number Find looks at: a text with fewer has none.
  // Customers' numbers have 7 or more digits (10 in North America, Colombia
  // and Mexico, 9 in Spain); shorter runs are years, times, amounts and
  // order lines.
  static constexpr size_t kMinDigits = 7;

  // A number found in text.
  struct Found {
    size_t offset = 0;  // byte offset of the number in the text
    std::string e164;
  };

  explicit PhoneReader(Engine engine = Engine::kPlan);

  // ToE164: the E.164 form of `raw` ("+16465550134"), national numbers read
  // with `region` (an upper-case ISO 3166 code; empty reads international
  // forms only). Returns InvalidArgument when no reading is possible; its
  // message is a phrase to follow the value ("is not a phone number: too
  // short for region US", "is a placeholder ...").
  absl::StatusOr<std::string> ToE164(std::string_view raw,
                                     const std::string& region,
                                     Form form) const;

  // Bounds on the work of one Find.
  struct FindLimits {
    size_t max_bytes = 0;  // only the text's first max_bytes are searched
    int max_tries = 0;     // candidates libphonenumber may reject
    size_t max_found = 0;  // numbers returned
  };

  // Find: the numbers in `text`, in order of appearance. National numbers
  // are read with `region` and must be valid there; a number written with
  // "+" may be merely possible, as in ToE164. Any bytes are accepted:
  // malformed UTF-8 is blanked before libphonenumber sees it.
  std::vector<Found> Find(std::string_view text, const std::string& region,
                          const FindLimits& limits) const;

  // StartsWithCallingCode: whether `digits`, the digits written after a
  // "+", begin with a calling code libphonenumber knows. Only then is the
  // reading of a value that starts with "+" the same in every region:
  // libphonenumber reads "+0..." or "+<unknown code>..." again as a national
  // number, through the region's international prefix ("+011 44 ..." is
  // +44 in the US and no number in Spain).
  bool StartsWithCallingCode(std::string_view digits) const;

 private:
  PhoneNumbers numbers_;
  std::bitset<1000> calling_codes_;  // by code, as GetSupportedCallingCodes
};

}  // namespace identity_internal
}  // namespace threadline

#endif  // THREADLINE_SRC_IDENTITY_PHONE_H_
