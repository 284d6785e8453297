#include "identity/phone_numbers.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "phonenumbers/phonenumbermatch.h"
#include "phonenumbers/phonenumbermatcher.h"

namespace threadline {
namespace identity_internal {
namespace {

namespace pn = ::i18n::phonenumbers;

// Brazil's country calling code; its mobiles gained a leading 9 in
// 2012-2016 and CRMs still hold both forms of one number.
constexpr int kBrazilCountryCode = 55;

// InvalidArgument ("is a placeholder: ...") when every digit of the national
// number is the same, else OK.
absl::Status Placeholder(std::string_view national) {
  if (!national.empty() &&
      national.find_first_not_of(national[0]) == std::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("is a placeholder: every digit of the number is ",
                     std::string(national.substr(0, 1))));
  }
  return absl::OkStatus();
}

}  // namespace

const std::string& RegionOrNone(const std::string& region) {
  static const std::string* const kNone = new std::string(kNoRegion);
  return region.empty() ? *kNone : region;
}

PhoneNumbers::PhoneNumbers(const PhonePlan* plan)
    : util_(*Util::GetInstance()), plan_(plan) {}

PhoneNumbers::Util::ErrorType PhoneNumbers::Parse(std::string_view text,
                                                  const std::string& region,
                                                  PhoneNumber* number) const {
  if (plan_ != nullptr) {
    Util::ErrorType error = Util::NO_PARSING_ERROR;
    switch (plan_->Parse(text, region, number, &error)) {
      case PhonePlan::Outcome::kParsed:
        // Parse, unlike ParseAndKeepRawInput, leaves the source unset.
        number->clear_country_code_source();
        return Util::NO_PARSING_ERROR;
      case PhonePlan::Outcome::kError:
        return error;
      case PhonePlan::Outcome::kUnsupported:
        break;
    }
  }
  return util_.Parse(std::string(text), region, number);
}

int PhoneNumbers::CountryCodeForRegion(const std::string& region) const {
  return plan_ != nullptr ? plan_->CountryCodeForRegion(region)
                          : util_.GetCountryCodeForRegion(region);
}

bool PhoneNumbers::IsValidNumber(const PhoneNumber& number) const {
  return plan_ != nullptr ? valid_.IsValid(*plan_, number)
                          : util_.IsValidNumber(number);
}

PhoneNumbers::Util::PhoneNumberType PhoneNumbers::GetNumberType(
    const PhoneNumber& number) const {
  return plan_ != nullptr ? plan_->GetNumberType(number)
                          : util_.GetNumberType(number);
}

PhoneNumbers::Util::ValidationResult PhoneNumbers::IsPossibleNumberWithReason(
    const PhoneNumber& number) const {
  return plan_ != nullptr ? plan_->IsPossibleNumberWithReason(number)
                          : util_.IsPossibleNumberWithReason(number);
}

std::vector<PhoneMatch> PhoneNumbers::Matches(const std::string& text,
                                              const std::string& region,
                                              MatchLeniency leniency,
                                              int max_tries) const {
  std::vector<PhoneMatch> matches;
  if (plan_ != nullptr && MatchWithPlan(*plan_, text, region, leniency,
                                        max_tries, &matches, &valid_)) {
    return matches;
  }
  matches.clear();
  pn::PhoneNumberMatcher matcher(util_, text, region,
                                 leniency == MatchLeniency::kValid
                                     ? pn::PhoneNumberMatcher::VALID
                                     : pn::PhoneNumberMatcher::POSSIBLE,
                                 max_tries);
  pn::PhoneNumberMatch match;
  while (matcher.HasNext() && matcher.Next(&match)) {
    matches.push_back({static_cast<size_t>(match.start()), match.raw_string(),
                       match.number()});
  }
  return matches;
}

bool PhoneNumbers::InsertBrazilNinthDigit(PhoneNumber* number) const {
  if (number->country_code() != kBrazilCountryCode) return false;
  std::string nsn;
  util_.GetNationalSignificantNumber(*number, &nsn);
  if (nsn.size() != 10 || nsn[2] < '6' || nsn[2] > '9') return false;
  PhoneNumber candidate;
  if (Parse(absl::StrCat("+55", nsn.substr(0, 2), "9", nsn.substr(2)),
            kNoRegion, &candidate) != Util::NO_PARSING_ERROR ||
      !IsValidNumber(candidate) || GetNumberType(candidate) != Util::MOBILE) {
    return false;
  }
  *number = std::move(candidate);
  return true;
}

absl::StatusOr<std::string> PhoneNumbers::Finish(
    const PhoneNumber& number) const {
  // Format(E164) by libphonenumber: "+", the calling code and the national
  // significant number. An extension ("ext. 12") reaches the same customer
  // and is dropped.
  const auto format = [this, &number] {
    PhoneNumber copy = number;
    copy.clear_extension();
    std::string e164;
    util_.Format(copy, Util::E164, &e164);
    return e164;
  };
  if (plan_ == nullptr) {  // libphonenumber alone: the reference
    std::string national;
    util_.GetNationalSignificantNumber(number, &national);
    absl::Status placeholder = Placeholder(national);
    if (!placeholder.ok()) return placeholder;
    return format();
  }
  const PhonePlan::NationalNumber national(number);
  absl::Status placeholder = Placeholder(national.view());
  if (!placeholder.ok()) return placeholder;
  // Written here as Format writes it, but for what PhonePlan never makes: a
  // number without a calling code, or without digits but with its raw
  // input kept.
  if (number.country_code() <= 0 ||
      (number.national_number() == 0 && !number.raw_input().empty())) {
    return format();
  }
  char code[10];  // the calling code's digits, last first
  size_t code_digits = 0;
  for (int left = number.country_code(); left > 0; left /= 10) {
    code[code_digits++] = static_cast<char>('0' + left % 10);
  }
  const std::string_view nsn = national.view();
  std::string e164(1 + code_digits + nsn.size(), '+');
  for (size_t i = 0; i < code_digits; ++i) {
    e164[1 + i] = code[code_digits - 1 - i];
  }
  std::copy(nsn.begin(), nsn.end(), e164.begin() + 1 + code_digits);
  return e164;
}

}  // namespace identity_internal
}  // namespace threadline
