// PhoneNumbers: the libphonenumber calls PhoneReader's reading policy is
// written in, answered by PhonePlan (phone_plan.h, phone_matcher.h) where
// it gives libphonenumber's exact answer and by libphonenumber itself
// otherwise, so the policy reads the same either way. Also the steps of
// the policy that finding numbers in text shares. Internal to src/identity.
//
// Thread-safe: it holds only the immutable plan and libphonenumber's
// thread-safe singleton.
#ifndef THREADLINE_SRC_IDENTITY_PHONE_NUMBERS_H_
#define THREADLINE_SRC_IDENTITY_PHONE_NUMBERS_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "identity/phone_matcher.h"
#include "identity/phone_plan.h"
#include "identity/valid_numbers.h"

namespace threadline {
namespace identity_internal {

// libphonenumber's "unknown region": only numbers with a country code parse.
inline constexpr char kNoRegion[] = "ZZ";
// RegionOrNone: `region`, or kNoRegion when it is empty (no copy).
const std::string& RegionOrNone(const std::string& region);

class PhoneNumbers {
 public:
  using Util = PhonePlan::Util;
  using PhoneNumber = PhonePlan::PhoneNumber;

  // With `plan` null, every answer comes from libphonenumber.
  explicit PhoneNumbers(const PhonePlan* plan);

  const Util& util() const { return util_; }

  // The PhoneNumberUtil methods of the same names.
  Util::ErrorType Parse(std::string_view text, const std::string& region,
                        PhoneNumber* number) const;
  // GetCountryCodeForRegion: the calling code of `region` ("US"), 0 for a
  // region libphonenumber does not know.
  int CountryCodeForRegion(const std::string& region) const;
  bool IsValidNumber(const PhoneNumber& number) const;
  Util::PhoneNumberType GetNumberType(const PhoneNumber& number) const;
  Util::ValidationResult IsPossibleNumberWithReason(
      const PhoneNumber& number) const;

  // Matches: every match of PhoneNumberMatcher(util, text, region,
  // leniency, max_tries), in order.
  std::vector<PhoneMatch> Matches(const std::string& text,
                                  const std::string& region,
                                  MatchLeniency leniency, int max_tries) const;

  // InsertBrazilNinthDigit: replaces an old eight-digit Brazilian mobile
  // (+55 11 8765-4321) by its nine-digit form when that form is a valid
  // mobile, and returns true; false (and `*number` unchanged) otherwise.
  // Only subscriber numbers starting 6-9 were mobiles, so landlines never
  // change.
  bool InsertBrazilNinthDigit(PhoneNumber* number) const;

  // Finish: the canonical E.164 of a parsed number, or InvalidArgument
  // ("is a placeholder: ...") when its national digits are all one digit.
  // An extension is dropped.
  absl::StatusOr<std::string> Finish(const PhoneNumber& number) const;

 private:
  const Util& util_;
  const PhonePlan* const plan_;
  // The plan's answers to IsValidNumber, remembered (here and for Matches).
  ValidNumbers valid_;
};

}  // namespace identity_internal
}  // namespace threadline

#endif  // THREADLINE_SRC_IDENTITY_PHONE_NUMBERS_H_
