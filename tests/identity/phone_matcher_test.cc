// Differential test of MatchWithPlan: on texts holding libphonenumber's
// example numbers of every region, written every way, in sentences with
// the neighbours PhoneNumberMatcher looks at (letters, "%", "$", "*",
// dates, time stamps, extensions, brackets, a second number), and on
// seeded random strings of the characters that matter, the emulation
// finds exactly the matches PhoneNumberMatcher finds (or declines), with
// either leniency and any budget of tries; and PhoneReader::Find gives the
// same numbers whichever engine answers.
#include "identity/phone_matcher.h"

#include <cstdint>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gtest/gtest.h"
#include "identity/phone.h"
#include "identity/phone_plan.h"
#include "phone_cases.h"
#include "phone_differential.h"
#include "phonenumbers/phonenumbermatch.h"
#include "phonenumbers/phonenumbermatcher.h"

namespace threadline {
namespace identity_internal {
namespace {

namespace pn = ::i18n::phonenumbers;
using testing_phone::DifferentialHarness;
using testing_phone::Examples;
using testing_phone::Mutate;
using testing_phone::PhoneNumber;
using testing_phone::Random;
using testing_phone::ShardRegions;
using testing_phone::Writings;

constexpr int kShards = 2;

// Sentences around a number "{}" (and "{2}", a second one).
const std::vector<std::string>& Templates() {
  static const auto* const templates = new std::vector<std::string>{
      "{}",
      "call me at {} please",
      "Me pueden llamar al {}, gracias",
      "mi n\xC3\xBAmero: {}.",
      "({}) or [{}]",
      "tel:{}",
      "ref A{} and {}x and {}abc",
      "{}% or ${} or *{}",
      "on 2026-01-05 {} at 10:43",
      "2026-01-05 {}:45 and 12/03/2026 {}",
      "2 d\xC3\xAD"
      "as, {} o a las 5",
      "{} ext. 12 or {} x 7 or {}#",
      "{} / {2} and {}/{2}",
      "{} - {2}, {}.{2}",
      "ll\xC3\xA1mame al {} \xC3\xB1 \xE2\x80\x9C{}\xE2\x80\x9D",
      "Order 4471-0032 {} total $120.50 (3)",
      "+{} or 00{} or 0{}",
      "211-227 (2003) {}",
      "{} and {2}",
      "call {} or {2} today, ask for 3",
      "({}) {2} (12)",
      "{}-{2}",
      "{} 12:30 or 1999-12-31 {}",
      "#{} A-{} {}-B",
  };
  return *templates;
}

// A random string of the characters the matcher and the emulation treat
// specially.
std::string Noise(Random& random) {
  static const std::vector<std::string> kPieces = {
      "0", "1", "2", "3", "4", "5",        "6",        "7",  "8",    "9",
      "0", "1", "5", "9", " ", " ",        "-",        ".",  "(",    ")",
      "/", "+", "[", "]", "~", "x",        "a",        "E",  ":",    "%",
      "$", "*", "#", ",", ";", "\xC3\xA9", "\xC2\xA0", "\n", "\xFF", "\xC3"};
  std::string out;
  const size_t length = 4 + random.Uniform(36);
  while (out.size() < length) out += random.Pick(kPieces);
  return out;
}

std::string Describe(const PhoneMatch& m) {
  const PhoneNumber& n = m.number;
  return absl::StrCat(
      m.start, " \"", m.raw, "\" cc ", n.country_code(), " nn ",
      n.national_number(), " ilz ", n.italian_leading_zero(), " zeros ",
      n.has_number_of_leading_zeros() ? n.number_of_leading_zeros() : -1,
      " ext \"", n.extension(), "\"");
}

class Differential : public DifferentialHarness {
 public:
  void Compare(const std::string& text, const std::string& region,
               MatchLeniency leniency, int max_tries) {
    std::string expected;
    pn::PhoneNumberMatcher matcher(util_, text, region,
                                   leniency == MatchLeniency::kValid
                                       ? pn::PhoneNumberMatcher::VALID
                                       : pn::PhoneNumberMatcher::POSSIBLE,
                                   max_tries);
    pn::PhoneNumberMatch match;
    while (matcher.HasNext() && matcher.Next(&match)) {
      expected += Describe({static_cast<size_t>(match.start()),
                            match.raw_string(), match.number()}) +
                  "; ";
    }
    std::vector<PhoneMatch> matches;
    ++texts_;
    if (!MatchWithPlan(plan_, text, region, leniency, max_tries, &matches)) {
      ++declined_;
      return;
    }
    if (!matches.empty()) ++matched_;
    std::string actual;
    for (const PhoneMatch& m : matches) actual += Describe(m) + "; ";
    if (actual != expected) {
      Fail(absl::StrCat("\"", text, "\" ", region, " leniency ",
                        static_cast<int>(leniency), " tries ", max_tries,
                        ": plan [", actual, "], libphonenumber [", expected,
                        "]"));
    }
  }

  void CompareFind(const std::string& text, const std::string& region) {
    const PhoneReader::FindLimits limits{
        .max_bytes = 64 * 1024, .max_tries = 64, .max_found = 64};
    std::string actual;
    std::string expected;
    for (const auto& f : fast_.Find(text, region, limits)) {
      actual += absl::StrCat(f.offset, " ", f.e164, "; ");
    }
    for (const auto& f : pure_.Find(text, region, limits)) {
      expected += absl::StrCat(f.offset, " ", f.e164, "; ");
    }
    if (actual != expected) {
      Fail(absl::StrCat("Find(\"", text, "\", ", region, ") [", actual,
                        "], libphonenumber [", expected, "]"));
    }
  }

  void Fail(const std::string& message) {
    if (CountFailure()) {
      ADD_FAILURE() << "mismatch";
      std::cerr << message << "\n";
    }
  }
  // The share of texts the plan left to libphonenumber: agreeing by
  // declining everything would be no test of the plan.
  double declined() const {
    return texts_ == 0 ? 1.0 : static_cast<double>(declined_) / texts_;
  }
  std::string Summary() const {
    return absl::StrCat(texts_, " matcher runs compared (", declined_,
                        " declined by the plan, ", matched_, " with matches)");
  }

 private:
  int64_t texts_ = 0;
  int64_t declined_ = 0;
  int64_t matched_ = 0;
};

class PhoneMatcherDifferentialTest : public ::testing::TestWithParam<int> {};

TEST_P(PhoneMatcherDifferentialTest, SameMatchesAsLibphonenumber) {
  const int shard = GetParam();
  const std::vector<std::string> common = {"US", "CO", "ES", "MX", "BR",
                                           "GB", "AR", "DE", "IN", "IL"};
  Random random(0x3a7c4ull + static_cast<uint64_t>(shard));
  Differential differential;
  for (const std::string& own : ShardRegions(shard, kShards)) {
    const std::string region = own == "001" ? "ZZ" : own;
    const std::vector<PhoneNumber> examples = Examples(own);
    for (const PhoneNumber& number : examples) {
      std::vector<std::string> writings = Writings(number);
      writings.push_back(Mutate(random.Pick(writings), random));
      for (const std::string& writing : writings) {
        for (int t = 0; t < 2; ++t) {  // two sentences for each writing
          const std::string second =
              random.Pick(Writings(random.Pick(examples)));
          const std::string text = absl::StrReplaceAll(
              random.Pick(Templates()), {{"{}", writing}, {"{2}", second}});
          const std::string read_region =
              random.Uniform(3) == 0 ? random.Pick(common) : region;
          const MatchLeniency leniency = random.Uniform(3) == 0
                                             ? MatchLeniency::kPossible
                                             : MatchLeniency::kValid;
          const int tries = random.Uniform(4) == 0
                                ? 1 + static_cast<int>(random.Uniform(3))
                                : 64;
          differential.Compare(text, read_region, leniency, tries);
          if (random.Uniform(4) == 0) {
            differential.CompareFind(text, read_region);
          }
        }
      }
    }
  }
  for (int i = 0; i < 20000; ++i) {
    const std::string text = Noise(random);
    differential.Compare(
        text, random.Pick(common),
        random.Uniform(2) == 0 ? MatchLeniency::kPossible
                               : MatchLeniency::kValid,
        random.Uniform(4) == 0 ? 1 + static_cast<int>(random.Uniform(3)) : 64);
  }
  EXPECT_EQ(differential.failures(), 0);
  EXPECT_LT(differential.declined(), 0.75) << differential.Summary();  // ~0.57
  std::cout << differential.Summary() << "\n";
}

// Regression: a C1 control (U+009F, from mojibake such as "\xc3\xb0\xc2\x9f")
// or a C0 one anywhere in the text makes libphonenumber's matcher find
// nothing, being not "interchange valid"; the plan found the number anyway.
// Every code point a text can hold, near a number, against libphonenumber.
TEST(PhoneMatcherTest, TextsWithControlCharactersAsLibphonenumber) {
  Differential differential;
  auto utf8 = [](uint32_t c) {
    std::string s;
    if (c < 0x80) {
      s += static_cast<char>(c);
    } else if (c < 0x800) {
      s += static_cast<char>(0xC0 | (c >> 6));
      s += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      s += static_cast<char>(0xE0 | (c >> 12));
      s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (c >> 18));
      s += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (c & 0x3F));
    }
    return s;
  };
  std::vector<uint32_t> points;
  for (uint32_t c = 0; c < 0x600; ++c) points.push_back(c);
  for (uint32_t c = 0xFDC0; c < 0xFE10; ++c) points.push_back(c);
  for (uint32_t c : {0xFFFDu, 0xFFFEu, 0xFFFFu, 0x1F600u, 0x1FFFEu, 0x10FFFFu}) {
    points.push_back(c);
  }
  for (uint32_t c : points) {
    const std::string ch = utf8(c);
    differential.CompareFind("my account is 12126459467. " + ch + " thanks",
                             "US");
    differential.CompareFind(ch + " call +57 300 123 4567", "CO");
    differential.Compare("is 2126459467 now " + ch, "US", MatchLeniency::kValid,
                         64);
  }
  EXPECT_EQ(differential.failures(), 0);
}

INSTANTIATE_TEST_SUITE_P(Shards, PhoneMatcherDifferentialTest,
                         ::testing::Range(0, kShards));

}  // namespace
}  // namespace identity_internal
}  // namespace threadline
