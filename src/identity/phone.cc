#include "identity/phone.h"

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "identity/phone_numbers.h"
#include "identity/phone_plan.h"
#include "identity/value_text.h"
#include "phonenumbers/phonenumber.pb.h"
#include "phonenumbers/phonenumberutil.h"

namespace threadline {
namespace identity_internal {
namespace {

namespace pn = ::i18n::phonenumbers;
using Util = pn::PhoneNumberUtil;

// International dialling prefixes read as "+" when the region's own reading
// fails: a caller's country is often not the interaction's region (a
// Spaniard's "0034..." in a US system). Longest first, so "0011 44..." is
// read as +44 rather than as the non-existent +11.
constexpr std::array<std::string_view, 4> kInternationalPrefixes = {
    "0011", "011", "010", "00"};

enum class Quality { kNone, kPossible, kValid };

// One way of reading a raw value.
struct Reading {
  pn::PhoneNumber number;
  Util::ErrorType error = Util::NO_PARSING_ERROR;
  Util::ValidationResult possibility = Util::INVALID_LENGTH;
  Quality quality = Quality::kNone;
};

Reading Read(const PhoneNumbers& numbers, std::string_view text,
             const std::string& region) {
  Reading reading;
  reading.error = numbers.Parse(text, region, &reading.number);
  if (reading.error != Util::NO_PARSING_ERROR) return reading;
  if (numbers.IsValidNumber(reading.number) ||
      numbers.InsertBrazilNinthDigit(&reading.number)) {
    reading.possibility = Util::IS_POSSIBLE;
    reading.quality = Quality::kValid;
    return reading;
  }
  reading.possibility = numbers.IsPossibleNumberWithReason(reading.number);
  // A local-only number ("555-1234") lacks its area code: it is not a whole
  // number and cannot identify anyone.
  if (reading.possibility == Util::IS_POSSIBLE) {
    reading.quality = Quality::kPossible;
  }
  return reading;
}

// `raw` after a leading international dialling prefix, as "+..." text, or
// empty if it has none.
std::string AfterInternationalPrefix(std::string_view raw,
                                     std::string_view prefix) {
  if (raw.size() <= prefix.size() || raw.substr(0, prefix.size()) != prefix) {
    return {};
  }
  std::string_view rest = raw.substr(prefix.size());
  while (!rest.empty() && (rest[0] == ' ' || rest[0] == '-' || rest[0] == '.' ||
                           rest[0] == '/')) {
    rest.remove_prefix(1);
  }
  if (rest.empty() || !IsAsciiDigit(rest[0])) return {};
  return absl::StrCat("+", ToAbsl(rest));
}

// Why `reading` (the value as written) is not a phone number, as a phrase
// that follows the value in a message.
std::string DescribeFailure(const Util& util, const Reading& reading,
                            std::string_view raw, const std::string& region) {
  const std::string where = region.empty() ? std::string("no region given")
                                           : absl::StrCat("region ", region);
  switch (reading.error) {
    case Util::NO_PARSING_ERROR:
      break;
    case Util::INVALID_COUNTRY_CODE_ERROR:
      if (!raw.empty() && raw[0] == '+') {
        return "is not a phone number: unknown country calling code";
      }
      return absl::StrCat(
          "is not a phone number: not international (\"+\" and country code) "
          "and not a national number of ",
          where);
    case Util::NOT_A_NUMBER:
      return "is not a phone number";
    case Util::TOO_SHORT_AFTER_IDD:
    case Util::TOO_SHORT_NSN:
      return "is not a phone number: too short";
    case Util::TOO_LONG_NSN:
      return "is not a phone number: too long";
  }
  std::string country;
  util.GetRegionCodeForCountryCode(reading.number.country_code(), &country);
  const std::string for_country =
      absl::StrCat("for +", reading.number.country_code(), " (", country, ")");
  switch (reading.possibility) {
    case Util::IS_POSSIBLE_LOCAL_ONLY:
      return "is not a phone number: a local number without its area code";
    case Util::INVALID_COUNTRY_CODE:
      return "is not a phone number: unknown country calling code";
    case Util::TOO_SHORT:
      return absl::StrCat("is not a phone number: too short ", for_country);
    case Util::TOO_LONG:
      return absl::StrCat("is not a phone number: too long ", for_country);
    default:
      return absl::StrCat("is not a phone number: wrong length ", for_country);
  }
}

}  // namespace

PhoneReader::PhoneReader(Engine engine)
    : numbers_(engine == Engine::kPlan ? &PhonePlan::Get() : nullptr) {
  std::set<int> codes;
  numbers_.util().GetSupportedCallingCodes(&codes);
  for (int code : codes) {
    if (code > 0 && code < 1000) calling_codes_.set(code);
  }
}

bool PhoneReader::StartsWithCallingCode(std::string_view digits) const {
  // ExtractCountryCode: no code starts with 0; codes are one to three
  // digits.
  if (digits.empty() || digits[0] == '0') return false;
  int code = 0;
  for (size_t i = 0; i < digits.size() && i < 3 && IsAsciiDigit(digits[i]);
       ++i) {
    code = code * 10 + (digits[i] - '0');
    if (calling_codes_.test(code)) return true;
  }
  return false;
}

absl::StatusOr<std::string> PhoneReader::ToE164(std::string_view raw,
                                                const std::string& region,
                                                Form form) const {
  const std::string& read_region = RegionOrNone(region);
  const bool has_plus = !raw.empty() && raw[0] == '+';
  const Util& util = numbers_.util();
  const auto read_with_plus = [&] {
    return Read(numbers_, absl::StrCat("+", ToAbsl(raw)), kNoRegion);
  };

  // Readings whose possible-but-invalid result is trusted, in order of
  // preference; a valid reading anywhere in the list beats them all.
  std::vector<Reading> readings;
  if (form == Form::kInternational && !has_plus) {
    Reading reading = read_with_plus();
    // The region is never preferred for WHATSAPP values, so a valid first
    // reading is the answer whatever the others give: skip them.
    if (reading.quality == Quality::kValid) {
      return numbers_.Finish(reading.number);
    }
    readings.reserve(2 + kInternationalPrefixes.size());
    readings.push_back(std::move(reading));
  }
  Reading direct_reading = Read(numbers_, raw, read_region);
  // The region's own prefix can swallow a generic one: in Colombia "005" is
  // an international prefix too, so "0057 300…" reads as +7 300… there.
  // When the direct reading leaves the region, try the others as well and
  // prefer one that stays in it: people mostly write their own country's
  // numbers.
  const int region_code = region.empty() || form == Form::kInternational
                              ? 0
                              : numbers_.CountryCodeForRegion(region);
  const bool direct_leaves_region =
      region_code != 0 && direct_reading.number.country_code() != region_code;
  // The usual case: a valid direct reading and no other to try. The rules
  // below would choose it (nothing earlier in the list is valid).
  if (direct_reading.quality == Quality::kValid &&
      (has_plus || !direct_leaves_region)) {
    return numbers_.Finish(direct_reading.number);
  }
  readings.reserve(2 + kInternationalPrefixes.size());
  const size_t direct = readings.size();
  readings.push_back(std::move(direct_reading));
  if ((readings[direct].quality != Quality::kValid || direct_leaves_region) &&
      !has_plus) {
    for (std::string_view prefix : kInternationalPrefixes) {
      std::string international = AfterInternationalPrefix(raw, prefix);
      if (!international.empty()) {
        readings.push_back(Read(numbers_, international, kNoRegion));
      }
    }
  }

  // In the region first (valid, then possible: the metadata lags new
  // ranges), then anywhere.
  for (Quality quality : {Quality::kValid, Quality::kPossible}) {
    for (const Reading& reading : readings) {
      if (region_code != 0 && reading.quality == quality &&
          reading.number.country_code() == region_code) {
        return numbers_.Finish(reading.number);
      }
    }
  }
  for (const Reading& reading : readings) {
    if (reading.quality == Quality::kValid) {
      return numbers_.Finish(reading.number);
    }
  }
  for (const Reading& reading : readings) {
    if (reading.quality == Quality::kPossible) {
      return numbers_.Finish(reading.number);
    }
  }
  // Last, a PHONE value that is no number of the region may be
  // international digits without their "+". Only a valid result counts:
  // digits that merely have the right length for some country say nothing.
  // A value formatted the national way ("(646) 555-0134") is not one.
  if (form == Form::kAny && !raw.empty() && IsAsciiDigit(raw[0]) &&
      raw.find('(') == std::string_view::npos) {
    Reading reading = read_with_plus();
    if (reading.quality == Quality::kValid) {
      return numbers_.Finish(reading.number);
    }
  }
  return absl::InvalidArgumentError(
      DescribeFailure(util, readings[direct], raw, region));
}

}  // namespace identity_internal
}  // namespace threadline
