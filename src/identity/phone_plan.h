// PhonePlan: libphonenumber's numbering plans (the metadata compiled into
// it) with their patterns compiled by RE2, and the steps of
// libphonenumber's own parsing and validation that read them. Internal to
// src/identity.
//
// libphonenumber runs every pattern through ICU's regular expressions and
// parses each value through several regex passes written for every input
// the world produces: about 120,000 instructions to parse and validate a
// number. Nearly all values arrive in a few plain forms, for which only a
// handful of its steps do anything. PhonePlan applies exactly those steps,
// in libphonenumber's order (PhoneNumberUtil::ParseHelper,
// MaybeExtractCountryCode, ParsePrefixAsIdd,
// MaybeStripNationalPrefixAndCarrierCode, IsValidNumber,
// GetNumberTypeHelper, TestNumberLength, and PhoneNumberMatcher's national
// prefix check), to the same metadata, and answers kUnsupported whenever a
// value needs a step it does not model; the caller then asks
// libphonenumber. No rule about any country is written here: every one
// comes from the metadata. The differential test
// (tests/identity/phone_plan_test.cc) checks the answers against
// libphonenumber's, region by region.
//
// Example:
//   const PhonePlan& plan = PhonePlan::Get();
//   i18n::phonenumbers::PhoneNumber number;
//   PhonePlan::Util::ErrorType error;
//   if (plan.Parse("(646) 555-0134", "US", &number, &error) ==
//           PhonePlan::Outcome::kParsed &&
//       plan.IsValidNumber(number)) { ... }
//
// Immutable once built and thread-safe: each pattern is compiled when a
// question first needs it, once.
#ifndef THREADLINE_SRC_IDENTITY_PHONE_PLAN_H_
#define THREADLINE_SRC_IDENTITY_PHONE_PLAN_H_

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "phonenumbers/phonemetadata.pb.h"
#include "phonenumbers/phonenumber.pb.h"
#include "phonenumbers/phonenumberutil.h"

namespace threadline {
namespace identity_internal {

class Territory;  // phone_territory.h: one metadata entry, compiled

class PhonePlan {
 public:
  using Util = ::i18n::phonenumbers::PhoneNumberUtil;
  using PhoneNumber = ::i18n::phonenumbers::PhoneNumber;

  enum class Outcome {
    kParsed,       // `*number` holds libphonenumber's answer
    kError,        // `*error` holds libphonenumber's answer
    kUnsupported,  // a step PhonePlan does not model: ask libphonenumber
  };

  // Get: the process-wide plan, built from libphonenumber's compiled-in
  // metadata on first use.
  static const PhonePlan& Get();

  PhonePlan(const PhonePlan&) = delete;
  PhonePlan& operator=(const PhonePlan&) = delete;
  ~PhonePlan();

  // Parse: what PhoneNumberUtil::ParseAndKeepRawInput(text, region) gives
  // (country_code_source set; raw_input and the carrier code left empty),
  // for text made of ASCII digits, the separators " -.()/" and a "+"
  // before the first digit. kUnsupported for any other text (letters, an
  // extension, other punctuation, non-ASCII), and when reading it would
  // apply a national prefix transform rule (Argentina's mobile "15", for
  // one).
  Outcome Parse(std::string_view text, const std::string& region,
                PhoneNumber* number, Util::ErrorType* error) const;

  // The answers of the PhoneNumberUtil methods of the same names, for any
  // number.
  bool IsValidNumber(const PhoneNumber& number) const;
  Util::PhoneNumberType GetNumberType(const PhoneNumber& number) const;
  Util::ValidationResult IsPossibleNumberWithReason(
      const PhoneNumber& number) const;

  // NationalPrefixPresentIfRequired: PhoneNumberMatcher's check that a
  // number written the national way carries the national prefix when its
  // country's format needs one. `raw` is the ASCII text it was parsed
  // from. kUnsupported when that needs a national prefix transform rule.
  enum class Answer { kNo, kYes, kUnsupported };
  Answer NationalPrefixPresentIfRequired(const PhoneNumber& number,
                                         std::string_view raw) const;

  // CountryCodeForRegion: GetCountryCodeForRegion.
  int CountryCodeForRegion(const std::string& region) const;

  // The region codes of a country calling code, main region first, as
  // PhoneNumberUtil::GetRegionCodesForCountryCallingCode lists them.
  const std::vector<std::string>& RegionsOf(int country_code) const;

  // NationalNumber: GetNationalSignificantNumber written into a buffer of
  // its own, for the questions that read it and keep nothing (no
  // allocation, no string).
  class NationalNumber {
   public:
    explicit NationalNumber(const PhoneNumber& number);
    NationalNumber(const NationalNumber&) = delete;
    NationalNumber& operator=(const NationalNumber&) = delete;
    std::string_view view() const { return view_; }

   private:
    char buffer_[40];       // 20 digits of a 64-bit number, and zeros
    std::string fallback_;  // more leading zeros than the buffer holds
    std::string_view view_;
  };

  // The most digits a national significant number has
  // (PhoneNumberUtil::kMaxLengthForNsn).
  static constexpr size_t kMaxNsnLength = 17;

 private:
  PhonePlan();

  struct CallingCode;  // phone_plan.cc
  // The regions of a calling code, or null for a code libphonenumber does
  // not know.
  const CallingCode* Code(int country_code) const;
  // The metadata of a calling code's main region (GetRegionCodeForCountryCode
  // then GetMetadataForRegionOrCallingCode), or null.
  const Territory* MainTerritory(int country_code) const;

  // The metadata of `region` ("US"), or null when libphonenumber does not
  // know it (IsValidRegionCode).
  const Territory* ForRegion(std::string_view region) const;
  // GetMetadataForRegionOrCallingCode.
  const Territory* ForRegionOrCallingCode(int country_code,
                                          std::string_view region) const;
  // GetRegionCodeForNumber: sets `*territory` to the metadata of the
  // region a number belongs to (null for "ZZ"), and `*known_valid` when
  // choosing it already proved the number valid there. False when a
  // territory on the way is not usable: ask libphonenumber.
  bool TerritoryOfNumber(int country_code, std::string_view nsn,
                         const Territory** territory, bool* known_valid) const;

  // MaybeExtractCountryCode's part of ParseHelper; see phone_plan_parse.cc.
  struct Extracted;
  Outcome ExtractCountryCode(const Territory* region, bool plus,
                             const std::string& digits, Extracted* out,
                             Util::ErrorType* error) const;

  ::i18n::phonenumbers::PhoneMetadataCollection collection_;
  std::vector<std::unique_ptr<Territory>> territories_;
  absl::flat_hash_map<std::string, const Territory*> by_region_;
  // The same for two-letter codes ("US" at ('U' - 'A') * 26 + 'S' - 'A'):
  // every value read looks up its region.
  std::array<const Territory*, 26 * 26> by_letters_{};
  // Indexed by country calling code (at most three digits).
  std::array<const Territory*, 1000> non_geographic_{};
  std::array<std::unique_ptr<CallingCode>, 1000> codes_;
  // False when the metadata could not be read as libphonenumber reads it:
  // then PhonePlan declines every question libphonenumber can answer.
  bool ok_ = false;
  const Util& util_;
};

}  // namespace identity_internal
}  // namespace threadline

#endif  // THREADLINE_SRC_IDENTITY_PHONE_PLAN_H_
