// The phone values the differential tests feed to both engines:
// libphonenumber's own example numbers, for every region it supports and
// every number type (and its invalid example), written every way people
// and systems write them, plus seeded random mutations of each. Shared by
// phone_plan_test.cc and phone_matcher_test.cc.
#ifndef THREADLINE_TESTS_IDENTITY_PHONE_CASES_H_
#define THREADLINE_TESTS_IDENTITY_PHONE_CASES_H_

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "phonenumbers/phonenumber.pb.h"
#include "phonenumbers/phonenumberutil.h"

namespace threadline {
namespace identity_internal {
namespace testing_phone {

using Util = ::i18n::phonenumbers::PhoneNumberUtil;
using PhoneNumber = ::i18n::phonenumbers::PhoneNumber;

// A small deterministic generator (xorshift64*): the same cases on every
// machine and run.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed | 1) {}
  uint64_t Next() {
    state_ ^= state_ >> 12;
    state_ ^= state_ << 25;
    state_ ^= state_ >> 27;
    return state_ * 2685821657736338717ull;
  }
  size_t Uniform(size_t n) { return static_cast<size_t>(Next() % n); }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Uniform(items.size())];
  }

 private:
  uint64_t state_;
};

// Every region libphonenumber supports, sorted.
inline std::vector<std::string> Regions() {
  std::set<std::string> regions;
  Util::GetInstance()->GetSupportedRegions(&regions);
  return {regions.begin(), regions.end()};
}

// The example numbers of `region` ("001": of every non-geographic calling
// code): one per number type that has one, and the invalid example.
inline std::vector<PhoneNumber> Examples(const std::string& region) {
  const Util& util = *Util::GetInstance();
  std::vector<PhoneNumber> out;
  PhoneNumber number;
  if (region == "001") {
    std::set<int> codes;
    util.GetSupportedGlobalNetworkCallingCodes(&codes);
    for (int code : codes) {
      if (util.GetExampleNumberForNonGeoEntity(code, &number)) {
        out.push_back(number);
      }
    }
    return out;
  }
  for (int type = Util::FIXED_LINE; type <= Util::VOICEMAIL; ++type) {
    number.Clear();
    if (util.GetExampleNumberForType(
            region, static_cast<Util::PhoneNumberType>(type), &number)) {
      out.push_back(number);
    }
  }
  number.Clear();
  if (util.GetInvalidExampleNumber(region, &number)) out.push_back(number);
  return out;
}

// `number` written every way: E.164, international, national, RFC 3966
// without "tel:", its national digits alone, and its international digits
// without "+" (a WhatsApp id).
inline std::vector<std::string> Writings(const PhoneNumber& number) {
  const Util& util = *Util::GetInstance();
  std::vector<std::string> out;
  for (Util::PhoneNumberFormat format :
       {Util::E164, Util::INTERNATIONAL, Util::NATIONAL, Util::RFC3966}) {
    std::string text;
    util.Format(number, format, &text);
    if (format == Util::RFC3966 && text.rfind("tel:", 0) == 0) {
      text.erase(0, 4);
    }
    out.push_back(text);
  }
  std::string nsn;
  util.GetNationalSignificantNumber(number, &nsn);
  out.push_back(nsn);
  out.push_back(std::to_string(number.country_code()) + nsn);
  return out;
}

// A random change to `text`: a digit changed, dropped or added, a prefix
// (trunk, international, "+") added, a digit or separator removed or
// doubled.
inline std::string Mutate(const std::string& text, Random& random) {
  static const std::vector<std::string> kPrefixes = {
      "0", "1", "00", "011", "0011", "010", "+", "+0", "8", "9", "15", "0 "};
  static const std::vector<std::string> kSeparators = {" ", "-", ".",
                                                       "(", ")", "/"};
  std::string out = text;
  std::vector<size_t> digits;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] >= '0' && out[i] <= '9') digits.push_back(i);
  }
  const char digit = static_cast<char>('0' + random.Uniform(10));
  switch (random.Uniform(7)) {
    case 0:
      if (!digits.empty()) out[random.Pick(digits)] = digit;
      break;
    case 1:
      if (!digits.empty()) out.erase(random.Pick(digits), 1);
      break;
    case 2:
      out.insert(random.Uniform(out.size() + 1), 1, digit);
      break;
    case 3:
      out.insert(out[0] == '+' ? 1 : 0, random.Pick(kPrefixes));
      break;
    case 4:
      out.insert(random.Uniform(out.size() + 1), random.Pick(kSeparators));
      break;
    case 5:
      out = random.Pick(kPrefixes) + out;
      break;
    default:
      if (out.size() > 1) out.erase(random.Uniform(out.size()), 1);
      break;
  }
  return out;
}

}  // namespace testing_phone
}  // namespace identity_internal
}  // namespace threadline

#endif  // THREADLINE_TESTS_IDENTITY_PHONE_CASES_H_
