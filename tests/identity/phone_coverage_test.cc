// PhonePlan answers the plain forms itself, and MatchWithPlan the typical
// messages: were either to decline them, every result would stay the same
// (libphonenumber answers instead) but ingest would slow to a fifth. The
// differential tests prove the answers equal; this one that they are given.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "identity/phone_matcher.h"
#include "identity/phone_plan.h"

namespace threadline {
namespace identity_internal {
namespace {

using Outcome = PhonePlan::Outcome;

struct Plain {
  std::string text;
  std::string region;
};

TEST(PhonePlanCoverageTest, PlainFormsAreReadWithoutLibphonenumber) {
  const PhonePlan& plan = PhonePlan::Get();
  for (const Plain& plain : std::vector<Plain>{
           {"+57 300 123 4567", "CO"},
           {"+57 300 123 4567", "ZZ"},
           {"+1 (646) 555-0134", "ZZ"},
           {"+34-665112400", "ES"},
           {"(+57) 300 123 4567", "US"},
           {"+573227891702", "ZZ"},  // a WhatsApp id, read as "+..."
           {"(646) 555-0134", "US"},
           {"646.555.0134", "US"},
           {"1 646 555 0134", "US"},  // with the trunk prefix
           {"300 123 4567", "CO"},
           {"(318) 887-6086", "CO"},
           {"0034612345678", "ES"},       // the region's own IDD prefix
           {"+52 1 55 1234 5678", "ZZ"},  // Mexico's old mobile "1"
           {"+55 11 8765-4321", "ZZ"},
           {"020 7946 0958", "GB"},
           {"555-1234", "US"},  // parsed, then judged local-only
       }) {
    PhonePlan::PhoneNumber number;
    PhonePlan::Util::ErrorType error;
    EXPECT_EQ(plan.Parse(plain.text, plain.region, &number, &error),
              Outcome::kParsed)
        << plain.text << " " << plain.region;
  }
  // Errors are libphonenumber's too, without it.
  PhonePlan::PhoneNumber number;
  PhonePlan::Util::ErrorType error;
  EXPECT_EQ(plan.Parse("(646) 555-0134", "ZZ", &number, &error),
            Outcome::kError);
  EXPECT_EQ(error, PhonePlan::Util::INVALID_COUNTRY_CODE_ERROR);
}

TEST(PhonePlanCoverageTest, FormsItDoesNotModelAreDeclined) {
  const PhonePlan& plan = PhonePlan::Get();
  PhonePlan::PhoneNumber number;
  PhonePlan::Util::ErrorType error;
  for (const char* text :
       {"646-555-0134 ext. 12", "1-800-FLOWERS", "tel:+16465550134",
        "+1\xC2\xA0"
        "646 555 0134",
        "300+123 4567", "646~555~0134"}) {
    EXPECT_EQ(plan.Parse(text, "US", &number, &error), Outcome::kUnsupported)
        << text;
  }
}

TEST(PhonePlanCoverageTest, TypicalMessagesAreSearchedWithoutTheMatcher) {
  const PhonePlan& plan = PhonePlan::Get();
  std::vector<PhoneMatch> matches;
  for (const Plain& message : std::vector<Plain>{
           {"Ya llame al +576015550199 dos veces", "CO"},
           {"I already called +18005550199 twice", "US"},
           {"call me back at (646) 555-0134 please, order 4471-0032", "US"},
           {"Ll\xC3\xA1menme al 300 123 4567 despu\xC3\xA9s de las 5", "CO"},
           {"Account number AC 176 0438. Call 1-800-555-0199", "US"},
           {"El 01 8000 555 019 no sirve para nada \xF0\x9F\x98\xA0", "CO"},
       }) {
    EXPECT_TRUE(MatchWithPlan(plan, message.text, message.region,
                              MatchLeniency::kValid, 64, &matches))
        << message.text;
    EXPECT_FALSE(matches.empty()) << message.text;
  }
}

}  // namespace
}  // namespace identity_internal
}  // namespace threadline
