#include "identity/phone_plan.h"

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <list>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "identity/phone_territory.h"
#include "identity/value_text.h"

// libphonenumber's compiled-in metadata, as its own LoadCompiledInMetadata
// reads it (phonenumbers/metadata.h, which Debian does not install).
namespace i18n {
namespace phonenumbers {
int metadata_size();
const void* metadata_get();
}  // namespace phonenumbers
}  // namespace i18n

namespace threadline {
namespace identity_internal {
namespace {

namespace pn = ::i18n::phonenumbers;

// Region codes libphonenumber gives special meaning (RegionCode, and
// PhoneNumberUtil::kRegionCodeForNonGeoEntity).
constexpr std::string_view kUnknownRegion = "ZZ";
constexpr std::string_view kNonGeographic = "001";

// The index of a two-letter upper-case region code in PhonePlan's table,
// or -1 for any other string.
int Letters(std::string_view region) {
  if (region.size() != 2 || region[0] < 'A' || region[0] > 'Z' ||
      region[1] < 'A' || region[1] > 'Z') {
    return -1;
  }
  return (region[0] - 'A') * 26 + (region[1] - 'A');
}

}  // namespace

// The regions sharing a calling code, in libphonenumber's order.
struct PhonePlan::CallingCode {
  std::vector<std::string> regions;
  std::vector<const Territory*> territories;  // never null
  // By length: whether any territory's general description allows national
  // numbers of that many digits. A number of another length is valid in
  // none of them, whichever one it belongs to.
  std::bitset<kMaxNsnLength + 1> lengths;
};

const PhonePlan& PhonePlan::Get() {
  static const PhonePlan* const plan = new PhonePlan();
  return *plan;
}

PhonePlan::PhonePlan() : util_(*Util::GetInstance()) {
  // The same bytes PhoneNumberUtil parses when it starts, read the same way
  // (PhoneNumberUtil's constructor): ZZ is skipped, 001 entries are keyed
  // by calling code, and the first entry of a region wins.
  if (!collection_.ParseFromArray(pn::metadata_get(), pn::metadata_size())) {
    return;  // not ok_: libphonenumber answers everything
  }
  territories_.reserve(collection_.metadata_size());
  for (const pn::PhoneMetadata& metadata : collection_.metadata()) {
    if (metadata.id() == kUnknownRegion) continue;
    territories_.push_back(std::make_unique<Territory>(metadata));
    const Territory* territory = territories_.back().get();
    const int code = metadata.country_code();
    if (metadata.id() == kNonGeographic) {
      if (code > 0 && code < 1000 && non_geographic_[code] == nullptr) {
        non_geographic_[code] = territory;
      }
    } else {
      if (by_region_.emplace(metadata.id(), territory).second) {
        if (const int letters = Letters(metadata.id()); letters >= 0) {
          by_letters_[letters] = territory;
        }
      }
    }
  }
  // The order of a calling code's regions decides which one a number
  // belongs to: take it from libphonenumber itself.
  std::set<int> codes;
  util_.GetSupportedCallingCodes(&codes);
  for (int code : codes) {
    if (code <= 0 || code >= 1000) continue;
    std::list<std::string> regions;
    util_.GetRegionCodesForCountryCallingCode(code, &regions);
    if (regions.empty()) continue;
    auto entry = std::make_unique<CallingCode>();
    entry->regions.assign(regions.begin(), regions.end());
    for (const std::string& region : entry->regions) {
      const Territory* territory = ForRegionOrCallingCode(code, region);
      // The metadata read here must be the one libphonenumber reads.
      if (territory == nullptr) return;
      entry->territories.push_back(territory);
      for (size_t length = 0; length <= kMaxNsnLength; ++length) {
        if (territory->AnyLength(length)) entry->lengths.set(length);
      }
    }
    codes_[code] = std::move(entry);
  }
  ok_ = true;
}

PhonePlan::~PhonePlan() = default;

const PhonePlan::CallingCode* PhonePlan::Code(int country_code) const {
  if (country_code <= 0 || country_code >= 1000) return nullptr;
  return codes_[country_code].get();
}

const Territory* PhonePlan::MainTerritory(int country_code) const {
  const CallingCode* code = Code(country_code);
  return code == nullptr ? nullptr : code->territories.front();
}

const std::vector<std::string>& PhonePlan::RegionsOf(int country_code) const {
  static const std::vector<std::string>* const kNone =
      new std::vector<std::string>();
  const CallingCode* code = Code(country_code);
  return code == nullptr ? *kNone : code->regions;
}

int PhonePlan::CountryCodeForRegion(const std::string& region) const {
  if (!ok_) return util_.GetCountryCodeForRegion(region);
  const Territory* territory = ForRegion(region);
  return territory == nullptr ? 0 : territory->country_code();
}

const Territory* PhonePlan::ForRegion(std::string_view region) const {
  if (const int letters = Letters(region); letters >= 0) {
    return by_letters_[letters];
  }
  const auto it = by_region_.find(ToAbsl(region));
  return it == by_region_.end() ? nullptr : it->second;
}

const Territory* PhonePlan::ForRegionOrCallingCode(
    int country_code, std::string_view region) const {
  if (region != kNonGeographic) return ForRegion(region);
  if (country_code <= 0 || country_code >= 1000) return nullptr;
  return non_geographic_[country_code];
}

bool PhonePlan::TerritoryOfNumber(int country_code, std::string_view nsn,
                                  const Territory** territory,
                                  bool* known_valid) const {
  *territory = nullptr;
  *known_valid = false;
  const CallingCode* code = Code(country_code);
  if (code == nullptr) return true;
  if (code->territories.size() == 1) {
    *territory = code->territories.front();
    return true;
  }
  // GetRegionCodeForNumberFromRegionList: the first region whose leading
  // digits match, or without leading digits, where the number is valid.
  for (const Territory* candidate : code->territories) {
    if (candidate->metadata().has_leading_digits()) {
      bool match = false;
      if (!candidate->LeadingDigitsMatch(nsn, &match)) return false;
      if (match) {
        *territory = candidate;
        return true;
      }
      continue;
    }
    switch (candidate->IsValid(nsn)) {
      case Territory::Answer::kUnsupported:
        return false;
      case Territory::Answer::kYes:
        *territory = candidate;
        *known_valid = true;
        return true;
      case Territory::Answer::kNo:
        break;
    }
  }
  return true;
}

PhonePlan::NationalNumber::NationalNumber(const PhoneNumber& number) {
  // GetNationalSignificantNumber: the leading zeros a number keeps (an
  // Italian landline's), then its digits, written from the buffer's end.
  const int zeros = number.italian_leading_zero()
                        ? std::max(number.number_of_leading_zeros(), 0)
                        : 0;
  if (zeros > 20) {
    fallback_ =
        std::string(zeros, '0') + std::to_string(number.national_number());
    view_ = fallback_;
    return;
  }
  char* const end = buffer_ + sizeof(buffer_);
  char* begin = end;
  uint64_t value = number.national_number();
  do {
    *--begin = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  for (int i = 0; i < zeros; ++i) *--begin = '0';
  view_ = std::string_view(begin, static_cast<size_t>(end - begin));
}

bool PhonePlan::IsValidNumber(const PhoneNumber& number) const {
  if (!ok_) return util_.IsValidNumber(number);
  const NationalNumber national(number);
  const std::string_view nsn = national.view();
  // No region of the calling code has numbers of this length (an order
  // number read as a national one, say): checking the regions' leading
  // digits one by one would not change the answer.
  const CallingCode* code = Code(number.country_code());
  if (code != nullptr && nsn.size() <= kMaxNsnLength &&
      !code->lengths.test(nsn.size())) {
    return false;
  }
  const Territory* territory = nullptr;
  bool known_valid = false;
  if (!TerritoryOfNumber(number.country_code(), nsn, &territory,
                         &known_valid)) {
    return util_.IsValidNumber(number);
  }
  // IsValidNumberForRegion.
  if (territory == nullptr ||
      territory->country_code() != number.country_code()) {
    return false;
  }
  if (known_valid) return true;
  switch (territory->IsValid(nsn)) {
    case Territory::Answer::kYes:
      return true;
    case Territory::Answer::kNo:
      return false;
    case Territory::Answer::kUnsupported:
      break;
  }
  return util_.IsValidNumber(number);
}

PhonePlan::Util::PhoneNumberType PhonePlan::GetNumberType(
    const PhoneNumber& number) const {
  if (!ok_) return util_.GetNumberType(number);
  const NationalNumber national(number);
  const std::string_view nsn = national.view();
  const Territory* territory = nullptr;
  bool known_valid = false;
  if (!TerritoryOfNumber(number.country_code(), nsn, &territory,
                         &known_valid)) {
    return util_.GetNumberType(number);
  }
  if (territory == nullptr) return Util::UNKNOWN;
  const std::optional<Util::PhoneNumberType> type = territory->TypeOf(nsn);
  return type.has_value() ? *type : util_.GetNumberType(number);
}

PhonePlan::Util::ValidationResult PhonePlan::IsPossibleNumberWithReason(
    const PhoneNumber& number) const {
  if (!ok_) return util_.IsPossibleNumberWithReason(number);
  if (Code(number.country_code()) == nullptr) {
    return Util::INVALID_COUNTRY_CODE;
  }
  // Regions sharing a code keep all their lengths in the main one.
  const Territory* territory = MainTerritory(number.country_code());
  if (territory == nullptr) return util_.IsPossibleNumberWithReason(number);
  return territory->TestLength(NationalNumber(number).view().size());
}

PhonePlan::Answer PhonePlan::NationalPrefixPresentIfRequired(
    const PhoneNumber& number, std::string_view raw) const {
  if (!ok_) return Answer::kUnsupported;
  // Written in international form: no national prefix needed.
  if (number.country_code_source() != PhoneNumber::FROM_DEFAULT_COUNTRY) {
    return Answer::kYes;
  }
  const std::vector<std::string>& regions = RegionsOf(number.country_code());
  // GetMetadataForRegion: nothing for "ZZ" and "001".
  const Territory* territory =
      regions.empty() ? nullptr : ForRegion(regions.front());
  if (territory == nullptr) return Answer::kYes;
  const Territory::FormatRule* rule = nullptr;
  if (!territory->ChooseFormat(NationalNumber(number).view(), &rule)) {
    return Answer::kUnsupported;
  }
  if (rule == nullptr || !rule->has_prefix_rule || rule->prefix_optional ||
      rule->first_group_only) {
    return Answer::kYes;
  }
  std::string digits;
  for (char c : raw) {
    if (IsAsciiDigit(c)) {
      digits.push_back(c);
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      return Answer::kUnsupported;  // may hold non-ASCII digits
    }
  }
  switch (territory->StripNationalPrefix(&digits)) {
    case Territory::Strip::kKept:
      return Answer::kNo;
    case Territory::Strip::kStripped:
      return Answer::kYes;
    case Territory::Strip::kUnsupported:
      break;
  }
  return Answer::kUnsupported;
}

}  // namespace identity_internal
}  // namespace threadline
