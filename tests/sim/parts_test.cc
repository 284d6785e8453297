// The simulator's parts: the generator, people and their addresses, text
// helpers, plans.
#include <set>
#include <string>

#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "phonenumbers/phonenumberutil.h"
#include "sim/journey.h"
#include "sim/people.h"
#include "sim/rng.h"
#include "sim/text_util.h"

namespace threadline::sim {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

std::string E164(const std::string& raw, const std::string& region) {
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util->Parse(raw, region, &number) != PhoneNumberUtil::NO_PARSING_ERROR ||
      !util->IsValidNumber(number)) {
    return "";
  }
  std::string out;
  util->Format(number, PhoneNumberUtil::E164, &out);
  return out;
}

TEST(RngTest, SameOnEveryPlatform) {
  // Golden values: splitmix64 is integer arithmetic only, so these hold on
  // every compiler and standard library.
  Rng rng(1);
  EXPECT_EQ(rng.Next(), 10387686228968481322ULL);
  EXPECT_EQ(rng.Next(), 13520118983163911151ULL);
  EXPECT_EQ(Mix64(0), 0u);
  EXPECT_EQ(Mix64(1), 6238072747940578789ULL);
  Rng a(42), b(42);
  for (int i = 0; i < 100; ++i) ASSERT_EQ(a.Below(1000), b.Below(1000));
}

TEST(RngTest, DrawsStayInRange) {
  Rng rng(9);
  for (int i = 0; i < 10000; ++i) {
    const int64_t v = rng.Range(-3, 5);
    ASSERT_GE(v, -3);
    ASSERT_LE(v, 5);
    const double u = rng.Unit();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
  }
  static constexpr double kWeights[] = {0, 1, 0, 3};
  int counts[4] = {};
  for (int i = 0; i < 4000; ++i) ++counts[rng.Weighted(kWeights)];
  EXPECT_EQ(counts[0], 0);
  EXPECT_EQ(counts[2], 0);
  EXPECT_GT(counts[3], counts[1] * 2);
}

TEST(RngTest, AffinePermutationIsABijection) {
  std::set<uint64_t> seen;
  for (uint64_t x = 0; x < 10000; ++x) {
    seen.insert(AffinePermutation(x, 1000003, 12345, 10000));
  }
  EXPECT_EQ(seen.size(), 10000u);
}

TEST(PeopleTest, EveryPhoneStyleReadsAsTheSameNumber) {
  Rng rng(3);
  for (uint32_t i = 0; i < 400; ++i) {
    Profile p;
    BuildProfile(5, i, 400, 0.05, &p);
    for (uint64_t nsn : {p.mobile, p.landline}) {
      if (nsn == 0) continue;
      bool national = false;
      const std::string e164 =
          FormatPhone(p.region, nsn, PhoneStyle::kE164, rng, &national);
      ASSERT_EQ(E164(e164, "US"), e164) << "invalid number " << e164;
      for (int style = 0; style <= static_cast<int>(PhoneStyle::kDialPrefix);
           ++style) {
        for (int k = 0; k < 4; ++k) {
          const std::string v = FormatPhone(
              p.region, nsn, static_cast<PhoneStyle>(style), rng, &national);
          // National forms need the region; international ones read anywhere.
          const std::string region = national ? RegionCode(p.region) : "US";
          EXPECT_EQ(E164(v, region), e164) << v << " (" << region << ")";
        }
      }
      const std::string wa = FormatPhone(
          p.region, nsn, PhoneStyle::kWhatsappDigits, rng, &national);
      EXPECT_EQ(E164("+" + wa, "US"), e164) << wa;
    }
  }
}

TEST(PeopleTest, HotlinesAsQuotedReadAsTheHotline) {
  Rng rng(4);
  for (Region region : {Region::kUs, Region::kCo, Region::kMx, Region::kEs}) {
    for (int k = 0; k < 20; ++k) {
      const std::string quoted = HotlineAsQuoted(region, rng);
      EXPECT_EQ(E164(quoted, RegionCode(region)), HotlineE164(region))
          << quoted;
    }
  }
}

TEST(PeopleTest, AddressesAreUniqueBetweenPeople) {
  std::set<std::string> seen;
  int shared_landlines = 0;
  std::set<uint64_t> landlines;
  for (uint32_t i = 0; i < 3000; ++i) {
    Profile p;
    BuildProfile(8, i, 3000, 0.05, &p);
    // One Instagram name may repeat the same person's Twitter handle, so
    // each kind has its own name space.
    const std::string* values[] = {&p.email,     &p.work_email, &p.twitter,
                                   &p.instagram, &p.facebook,   &p.account};
    for (int kind = 0; kind < 6; ++kind) {
      const std::string* v = values[kind];
      if (v->empty()) continue;
      std::string key = std::to_string(kind) + ":" + *v;
      for (char& c : key) c = static_cast<char>(std::tolower(c));
      EXPECT_TRUE(seen.insert(key).second) << "shared " << key;
    }
    if (p.mobile != 0) {
      EXPECT_TRUE(seen.insert("m" + std::to_string(p.mobile)).second);
    }
    if (p.landline != 0 && !landlines.insert(p.landline).second) {
      // Only a household shares its landline.
      EXPECT_TRUE(p.shares_landline);
      ++shared_landlines;
    }
    EXPECT_LE(p.twitter.size(), 15u) << p.twitter;
    EXPECT_TRUE(absl::StartsWith(p.account, "AC")) << p.account;
  }
  EXPECT_GT(shared_landlines, 10);
}

TEST(PeopleTest, ProfilesArePureFunctions) {
  Profile a, b;
  BuildProfile(1, 77, 1000, 0.05, &a);
  BuildProfile(2, 78, 1000, 0.05, &b);  // reuse must not leak
  BuildProfile(1, 77, 1000, 0.05, &b);
  EXPECT_EQ(a.email, b.email);
  EXPECT_EQ(a.twitter, b.twitter);
  EXPECT_EQ(a.mobile, b.mobile);
  EXPECT_EQ(a.first, b.first);
  EXPECT_EQ(RegionOf(1, 77, 1000), a.region);
}

TEST(TextUtilTest, AccentsAndGarbling) {
  EXPECT_EQ(FoldToAscii("María Núñez"), "Maria Nunez");
  EXPECT_EQ(StripAccents("¿Cuánto años?", false, true), "Cuanto años?");
  EXPECT_EQ(Mojibake("María"),
            "Mar"
            "\xC3\x83\xC2\xAD"
            "a");
  EXPECT_EQ(FirstLetter("Álvarez"), "Á");
  EXPECT_EQ(FirstLetter("Lopez"), "L");
  std::string s = "HOLA Ñandú";
  LowerAscii(&s);
  EXPECT_EQ(s, "hola Ñandú");
}

TEST(JourneyTest, PlansArePureAndTimed) {
  JourneyConfig config;
  config.customers = 500;
  config.waves = WavesFor(config.seed, config.window_seconds);
  PersonPlan plan, again;
  for (uint32_t i = 0; i < 500; ++i) {
    PlanPerson(config, i, &plan);
    PlanPerson(config, i, &again);
    ASSERT_EQ(plan.contacts.size(), again.contacts.size());
    ScheduleEntry entries[kMaxInquiries];
    ASSERT_EQ(Schedule(config, i, entries),
              static_cast<int>(plan.inquiries.size()));
    for (size_t q = 0; q < plan.inquiries.size(); ++q) {
      const InquiryPlan& inquiry = plan.inquiries[q];
      ASSERT_FALSE(inquiry.contacts.empty()) << "person " << i;
      // The first contact is when the schedule says the inquiry starts.
      EXPECT_EQ(plan.contacts[inquiry.contacts.front()].at, entries[q].start);
      int32_t previous = 0;
      for (uint16_t c : inquiry.contacts) {
        const ContactPlan& contact = plan.contacts[c];
        EXPECT_GE(contact.at, previous);
        EXPECT_LT(contact.at, config.window_seconds);
        EXPECT_GE(contact.arrival, contact.at);
        if (contact.reply_to >= 0) {
          EXPECT_LT(contact.reply_to, c);
          EXPECT_FALSE(plan.contacts[contact.reply_to].late);
        }
        previous = contact.at;
      }
    }
  }
}

}  // namespace
}  // namespace threadline::sim
