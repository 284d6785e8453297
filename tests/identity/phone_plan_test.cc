// Differential test of PhonePlan: for every region libphonenumber supports,
// every example number in every writing and hundreds of thousands of
// seeded mutations, read with its own region, with none and with others,
// the plan answers exactly as libphonenumber does (or declines), and
// PhoneReader::ToE164 gives the same value or the same message, byte for
// byte, whichever engine answers.
#include "identity/phone_plan.h"

#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "identity/phone.h"
#include "phone_cases.h"
#include "phone_differential.h"

namespace threadline {
namespace identity_internal {
namespace {

using testing_phone::DifferentialHarness;
using testing_phone::Examples;
using testing_phone::Mutate;
using testing_phone::PhoneNumber;
using testing_phone::Random;
using testing_phone::Regions;
using testing_phone::ShardRegions;
using testing_phone::Util;
using testing_phone::Writings;

// Test shards (see ShardRegions).
constexpr int kShards = 4;
// Random mutations of each writing.
constexpr int kMutations = 4;

std::string Describe(const PhoneNumber& n) {
  return absl::StrCat(
      "{cc ", n.country_code(), " nn ", n.national_number(), " ilz ",
      n.italian_leading_zero(), " zeros ",
      n.has_number_of_leading_zeros() ? n.number_of_leading_zeros() : -1,
      " source ", n.country_code_source(), " ext \"", n.extension(), "\"}");
}

std::string Describe(const absl::StatusOr<std::string>& result) {
  return result.ok() ? *result
                     : absl::StrCat("error: ", result.status().message());
}

class Differential : public DifferentialHarness {
 public:
  // Parse, validity, type and possibility: the plan's answer (when it
  // gives one) against ParseAndKeepRawInput's and the others'.
  void CompareParse(const std::string& text, const std::string& region) {
    PhoneNumber expected;
    const Util::ErrorType expected_error =
        util_.ParseAndKeepRawInput(text, region, &expected);
    PhoneNumber actual;
    Util::ErrorType actual_error = Util::NO_PARSING_ERROR;
    ++parses_;
    switch (plan_.Parse(text, region, &actual, &actual_error)) {
      case PhonePlan::Outcome::kUnsupported:
        ++unsupported_;
        break;
      case PhonePlan::Outcome::kError:
        if (actual_error != expected_error) {
          Fail(absl::StrCat("Parse(\"", text, "\", ", region, ") error ",
                            actual_error, ", libphonenumber ", expected_error,
                            " ", Describe(expected)));
        }
        break;
      case PhonePlan::Outcome::kParsed:
        expected.clear_raw_input();
        expected.clear_preferred_domestic_carrier_code();
        if (expected_error != Util::NO_PARSING_ERROR ||
            Describe(actual) != Describe(expected)) {
          Fail(absl::StrCat("Parse(\"", text, "\", ", region, ") ",
                            Describe(actual), ", libphonenumber error ",
                            expected_error, " ", Describe(expected)));
        }
        break;
    }
    if (expected_error != Util::NO_PARSING_ERROR) return;
    if (plan_.IsValidNumber(expected) != util_.IsValidNumber(expected) ||
        plan_.GetNumberType(expected) != util_.GetNumberType(expected) ||
        plan_.IsPossibleNumberWithReason(expected) !=
            util_.IsPossibleNumberWithReason(expected)) {
      Fail(absl::StrCat(
          "validity of ", Describe(expected), " from \"", text, "\": plan ",
          plan_.IsValidNumber(expected), "/", plan_.GetNumberType(expected),
          "/", plan_.IsPossibleNumberWithReason(expected), ", libphonenumber ",
          util_.IsValidNumber(expected), "/", util_.GetNumberType(expected),
          "/", util_.IsPossibleNumberWithReason(expected)));
    }
  }

  // The whole reading policy, both engines, both forms.
  void CompareToE164(const std::string& text, const std::string& region) {
    for (PhoneReader::Form form :
         {PhoneReader::Form::kAny, PhoneReader::Form::kInternational}) {
      const absl::StatusOr<std::string> actual =
          fast_.ToE164(text, region, form);
      const absl::StatusOr<std::string> expected =
          pure_.ToE164(text, region, form);
      ++readings_;
      if (actual.status() != expected.status() ||
          (actual.ok() && *actual != *expected)) {
        Fail(absl::StrCat("ToE164(\"", text, "\", \"", region, "\", ",
                          static_cast<int>(form), ") ", Describe(actual),
                          ", libphonenumber ", Describe(expected)));
      }
    }
  }

  void Fail(const std::string& message) {
    if (CountFailure()) ADD_FAILURE() << message;
  }

  // The share of parses the plan left to libphonenumber: agreeing by
  // declining everything would be no test of the plan.
  double declined() const {
    return parses_ == 0 ? 1.0 : static_cast<double>(unsupported_) / parses_;
  }
  std::string Summary() const {
    return absl::StrCat(parses_, " parses (", unsupported_,
                        " declined by the plan), ", readings_,
                        " readings compared");
  }

 private:
  int64_t parses_ = 0;
  int64_t unsupported_ = 0;
  int64_t readings_ = 0;
};

class PhonePlanDifferentialTest : public ::testing::TestWithParam<int> {};

TEST_P(PhonePlanDifferentialTest, SameAnswersAsLibphonenumber) {
  const int shard = GetParam();
  const std::vector<std::string> regions = Regions();
  const std::vector<std::string> common = {"US", "CO", "ES", "MX", "BR",
                                           "GB", "AR", "DE", "IN", "IT"};
  Random random(0x7e1e0ull + static_cast<uint64_t>(shard));
  Differential differential;
  for (const std::string& region : ShardRegions(shard, kShards)) {
    for (const PhoneNumber& number : Examples(region)) {
      for (const std::string& writing : Writings(number)) {
        std::vector<std::string> texts = {writing};
        for (int m = 0; m < kMutations; ++m) {
          texts.push_back(
              Mutate(random.Uniform(2) == 0 ? writing : texts.back(), random));
        }
        for (const std::string& text : texts) {
          // The whole policy costs libphonenumber several readings: it is
          // compared with two regions, the parse with four.
          const std::string read_regions[] = {
              region == "001" ? std::string() : region, random.Pick(common),
              std::string(), random.Pick(regions)};
          for (int r = 0; r < 4; ++r) {
            differential.CompareParse(
                text, read_regions[r].empty() ? "ZZ" : read_regions[r]);
            if (r < 2) differential.CompareToE164(text, read_regions[r]);
          }
        }
      }
    }
  }
  EXPECT_EQ(differential.failures(), 0);
  EXPECT_LT(differential.declined(), 0.25) << differential.Summary();  // ~0.10
  RecordProperty("summary", differential.Summary());
  std::cout << differential.Summary() << "\n";
}

INSTANTIATE_TEST_SUITE_P(Shards, PhonePlanDifferentialTest,
                         ::testing::Range(0, kShards));

}  // namespace
}  // namespace identity_internal
}  // namespace threadline
