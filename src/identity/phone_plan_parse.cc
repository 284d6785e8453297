// PhonePlan::Parse: PhoneNumberUtil::ParseHelper (libphonenumber 8.12) for
// plain text, step by step. Each step names the libphonenumber function it
// stands for; the one step not modelled (a national prefix transform rule,
// which a few countries such as Argentina have) answers kUnsupported.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "identity/phone_plan.h"
#include "identity/phone_territory.h"
#include "identity/value_text.h"

namespace threadline {
namespace identity_internal {
namespace {

using Util = PhonePlan::Util;
using PhoneNumber = PhonePlan::PhoneNumber;

// PhoneNumberUtil::kMinLengthForNsn and kMaxLengthCountryCode (private
// there); its kMaxLengthForNsn is PhonePlan::kMaxNsnLength.
constexpr size_t kMinLengthForNsn = 2;
constexpr size_t kMaxLengthCountryCode = 3;

// Separators of the plain form. All are in libphonenumber's
// kValidPunctuation and none starts a number, ends one (TrimUnwantedEndChars
// drops them), marks an extension or a second number, or is a digit: a
// plain text reads as its digits, after an optional "+".
bool IsPlainSeparator(char c) {
  return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/';
}

}  // namespace

struct PhonePlan::Extracted {
  int country_code = 0;
  std::string national;
  PhoneNumber::CountryCodeSource source = PhoneNumber::FROM_DEFAULT_COUNTRY;
};

PhonePlan::Outcome PhonePlan::Parse(std::string_view text,
                                    const std::string& region,
                                    PhoneNumber* number,
                                    Util::ErrorType* error) const {
  if (!ok_) return Outcome::kUnsupported;
  // The plain form: separators, an optional "+", then digits and
  // separators. ExtractPossibleNumber keeps what lies from the "+" or first
  // digit to the last digit; Normalize keeps the digits.
  std::string digits;
  bool plus = false;
  size_t start = std::string_view::npos;
  size_t end = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (IsAsciiDigit(c)) {
      if (start == std::string_view::npos) start = i;
      digits.push_back(c);
      end = i + 1;
    } else if (c == '+' && start == std::string_view::npos) {
      plus = true;
      start = i;
    } else if (!IsPlainSeparator(c)) {
      return Outcome::kUnsupported;
    }
  }
  if (digits.empty()) return Outcome::kUnsupported;

  // IsViablePhoneNumber: two digits alone, or three digits or more among
  // punctuation.
  const size_t extracted = end - start;
  const bool viable =
      extracted >= kMinLengthForNsn &&
      ((extracted == 2 && digits.size() == 2) || digits.size() >= 3);
  if (!viable) {
    *error = Util::NOT_A_NUMBER;
    return Outcome::kError;
  }
  // CheckRegionForParsing.
  const Territory* territory = ForRegion(region);
  if (territory == nullptr && !plus) {
    *error = Util::INVALID_COUNTRY_CODE_ERROR;
    return Outcome::kError;
  }

  Extracted x;
  Outcome outcome = ExtractCountryCode(territory, plus, digits, &x, error);
  if (outcome == Outcome::kError) {
    if (*error != Util::INVALID_COUNTRY_CODE_ERROR || !plus) return outcome;
    // "+" and no known calling code: try again as if there were no "+".
    outcome = ExtractCountryCode(territory, false, digits, &x, error);
    if (outcome == Outcome::kUnsupported) return outcome;
    if (x.country_code == 0) {
      *error = Util::INVALID_COUNTRY_CODE_ERROR;
      return Outcome::kError;
    }
  }
  if (outcome == Outcome::kUnsupported) return outcome;

  int country_code = x.country_code;
  const Territory* metadata = territory;
  if (country_code != 0) {
    const std::vector<std::string>& regions = RegionsOf(country_code);
    if (regions.empty()) return Outcome::kUnsupported;
    if (regions.front() != region) metadata = MainTerritory(country_code);
  } else if (metadata != nullptr) {
    country_code = metadata->country_code();
  } else {
    return Outcome::kUnsupported;
  }
  if (x.national.size() < kMinLengthForNsn) {
    *error = Util::TOO_SHORT_NSN;
    return Outcome::kError;
  }
  // The national prefix and carrier code go, unless what remains is too
  // short to be a number of the region (it may be a short number).
  if (metadata != nullptr) {
    std::string potential = x.national;
    if (metadata->StripNationalPrefix(&potential) ==
        Territory::Strip::kUnsupported) {
      return Outcome::kUnsupported;
    }
    const Util::ValidationResult length =
        metadata->TestLength(potential.size());
    if (length != Util::TOO_SHORT && length != Util::IS_POSSIBLE_LOCAL_ONLY &&
        length != Util::INVALID_LENGTH) {
      x.national = std::move(potential);
    }
  }
  if (x.national.size() < kMinLengthForNsn) {
    *error = Util::TOO_SHORT_NSN;
    return Outcome::kError;
  }
  if (x.national.size() > PhonePlan::kMaxNsnLength) {
    *error = Util::TOO_LONG_NSN;
    return Outcome::kError;
  }

  number->Clear();
  number->set_country_code_source(x.source);
  number->set_country_code(country_code);
  // SetItalianLeadingZerosForPhoneNumber: the last digit never counts.
  if (x.national.size() > 1 && x.national[0] == '0') {
    number->set_italian_leading_zero(true);
    int zeros = 1;
    while (static_cast<size_t>(zeros) < x.national.size() - 1 &&
           x.national[zeros] == '0') {
      ++zeros;
    }
    if (zeros != 1) number->set_number_of_leading_zeros(zeros);
  }
  // At most PhonePlan::kMaxNsnLength digits: the value fits in 64 bits.
  uint64_t national_number = 0;
  for (const char c : x.national) {
    national_number = national_number * 10 + static_cast<uint64_t>(c - '0');
  }
  number->set_national_number(national_number);
  return Outcome::kParsed;
}

// MaybeExtractCountryCode, with MaybeStripInternationalPrefixAndNormalize
// and ExtractCountryCode, on the normalized digits.
PhonePlan::Outcome PhonePlan::ExtractCountryCode(const Territory* region,
                                                 bool plus,
                                                 const std::string& digits,
                                                 Extracted* out,
                                                 Util::ErrorType* error) const {
  std::string_view national = digits;
  PhoneNumber::CountryCodeSource source = PhoneNumber::FROM_DEFAULT_COUNTRY;
  if (plus) {
    source = PhoneNumber::FROM_NUMBER_WITH_PLUS_SIGN;
  } else if (region != nullptr) {
    // ParsePrefixAsIdd: the region's international prefix, unless a 0
    // follows it (calling codes never start with 0). Without a region the
    // prefix is "NonMatch", which no digits match.
    int idd = -1;
    if (!region->InternationalPrefixLength(digits, &idd)) {
      return Outcome::kUnsupported;
    }
    if (idd >= 0 &&
        !(static_cast<size_t>(idd) < digits.size() && digits[idd] == '0')) {
      national.remove_prefix(idd);
      source = PhoneNumber::FROM_NUMBER_WITH_IDD;
    }
  }
  out->source = source;
  if (source != PhoneNumber::FROM_DEFAULT_COUNTRY) {
    if (national.size() <= kMinLengthForNsn) {
      *error = Util::TOO_SHORT_AFTER_IDD;
      return Outcome::kError;
    }
    if (national[0] != '0') {
      // The code read from the first i digits (national has at least
      // kMaxLengthCountryCode of them: see above).
      int code = 0;
      for (size_t i = 1; i <= kMaxLengthCountryCode; ++i) {
        code = code * 10 + (national[i - 1] - '0');
        if (Code(code) != nullptr) {
          out->country_code = code;
          out->national.assign(national.substr(i));
          return Outcome::kParsed;
        }
      }
    }
    *error = Util::INVALID_COUNTRY_CODE_ERROR;
    return Outcome::kError;
  }
  if (region != nullptr) {
    // The region's own calling code at the start: keep it off when the
    // number fits the region better without it, or is too long with it.
    const std::string code = std::to_string(region->country_code());
    if (digits.compare(0, code.size(), code) == 0) {
      std::string potential = digits.substr(code.size());
      if (region->StripNationalPrefix(&potential) ==
          Territory::Strip::kUnsupported) {
        return Outcome::kUnsupported;
      }
      // (!MatchesGeneral(digits) && MatchesGeneral(potential)) ||
      // TestLength(digits) == TOO_LONG, each pattern consulted as there.
      bool fits_without = false;
      const Territory::Answer whole = region->MatchesGeneral(digits);
      if (whole == Territory::Answer::kUnsupported) {
        return Outcome::kUnsupported;
      }
      if (whole == Territory::Answer::kNo) {
        const Territory::Answer rest = region->MatchesGeneral(potential);
        if (rest == Territory::Answer::kUnsupported) {
          return Outcome::kUnsupported;
        }
        fits_without = rest == Territory::Answer::kYes;
      }
      if (fits_without || region->TestLength(digits.size()) == Util::TOO_LONG) {
        out->country_code = region->country_code();
        out->national = std::move(potential);
        out->source = PhoneNumber::FROM_NUMBER_WITHOUT_PLUS_SIGN;
        return Outcome::kParsed;
      }
    }
  }
  out->country_code = 0;
  out->national = digits;
  return Outcome::kParsed;
}

}  // namespace identity_internal
}  // namespace threadline
