// The number reading of the guard: checksums, card networks, IBANs, and
// what a run of digits is.
#include "guard/numbers.h"

#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"

namespace threadline::guard_internal {
namespace {

TEST(LuhnTest, KnownNumbers) {
  EXPECT_TRUE(PassesLuhn("4111111111111111"));
  EXPECT_TRUE(PassesLuhn("378282246310005"));
  EXPECT_TRUE(PassesLuhn("79927398713"));
  EXPECT_FALSE(PassesLuhn("4111111111111112"));
  EXPECT_FALSE(PassesLuhn("79927398710"));
  EXPECT_FALSE(PassesLuhn(""));
}

TEST(CardNetworkTest, PrefixesAndLengths) {
  EXPECT_EQ(CardNetwork("4111111111111111"), "Visa");
  EXPECT_EQ(CardNetwork("4222222222222"), "Visa");  // 13 digits
  EXPECT_EQ(CardNetwork("411111111111111"), "");    // Visa has no 15
  EXPECT_EQ(CardNetwork("5555555555554444"), "Mastercard");
  EXPECT_EQ(CardNetwork("2223003122003222"), "Mastercard");
  EXPECT_EQ(CardNetwork("378282246310005"), "American Express");
  EXPECT_EQ(CardNetwork("3782822463100050"), "");  // Amex is 15 digits
  EXPECT_EQ(CardNetwork("6011111111111117"), "Discover");
  EXPECT_EQ(CardNetwork("3530111333300000"), "JCB");
  EXPECT_EQ(CardNetwork("30569309025904"), "Diners Club");
  EXPECT_EQ(CardNetwork("6200000000000005"), "UnionPay");
  EXPECT_EQ(CardNetwork("1234567890123456"), "");
  EXPECT_EQ(CardNetwork("9111111111111111"), "");
  EXPECT_EQ(CardNetwork("411111111111"), "");  // too short
}

TEST(IbanTest, ChecksumsAndLengths) {
  EXPECT_TRUE(IbanChecksumValid("ES9121000418450200051332"));
  EXPECT_TRUE(IbanChecksumValid("DE89370400440532013000"));
  EXPECT_TRUE(IbanChecksumValid("GB29NWBK60161331926819"));
  EXPECT_FALSE(IbanChecksumValid("ES9121000418450200051333"));
  EXPECT_EQ(IbanLength("ES"), 24);
  EXPECT_EQ(IbanLength("DE"), 22);
  EXPECT_EQ(IbanLength("US"), 0);
}

std::vector<uint8_t> NoSkip(std::string_view text) {
  return std::vector<uint8_t>(text.size(), 0);
}

TEST(IbanTest, FoundWithSpacesAndExactSpans) {
  const std::string text =
      "IBAN ES91 2100 0418 4502 0005 1332, also gb29nwbk60161331926819. "
      "Not ES91 2100 0418 4502 0005 1333 nor XES9121000418450200051332.";
  const std::vector<Span> found = FindIbans(text, NoSkip(text));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin),
            "ES91 2100 0418 4502 0005 1332");
  EXPECT_EQ(text.substr(found[1].begin, found[1].end - found[1].begin),
            "gb29nwbk60161331926819");
}

TEST(NumberRunTest, RunsJoinPhoneAndCardSeparators) {
  const std::string text =
      "+1 (646) 555-0134, 4111 1111 1111 1111. 5. 6 and 212 - 555 - 0187";
  const std::vector<NumberRun> runs = FindNumberRuns(text, NoSkip(text));
  ASSERT_EQ(runs.size(), 5u);
  EXPECT_EQ(text.substr(runs[0].begin, runs[0].end - runs[0].begin),
            "+1 (646) 555-0134");
  EXPECT_TRUE(runs[0].plus);
  EXPECT_EQ(runs[0].digits, "16465550134");
  EXPECT_EQ(runs[1].digits, "4111111111111111");
  EXPECT_EQ(runs[1].separators, "   ");
  EXPECT_EQ(runs[2].digits, "5");  // ". " ends a sentence, not a number
  EXPECT_EQ(runs[3].digits, "6");
  EXPECT_EQ(runs[4].digits, "2125550187");
}

RunVerdict Classify(std::string_view text, std::string_view number) {
  const std::vector<NumberRun> runs = FindNumberRuns(text, NoSkip(text));
  const size_t at = text.find(number);
  for (const NumberRun& run : runs) {
    if (run.groups.front().begin >= at && run.begin < at + number.size()) {
      return ClassifyRun(text, run, {"AC", "ACC", "ACCT", "CTA"});
    }
  }
  ADD_FAILURE() << "no run at " << number << " in " << text;
  return {};
}

TEST(ClassifyRunTest, WhatTellsANumbersMeaning) {
  struct Case {
    std::string text;
    std::string number;
    RunClass expected;
  };
  const std::vector<Case> cases = {
      {"order #1234567890", "1234567890", RunClass::kNotPersonal},
      {"Pedido n\xC2\xBA 1234567890", "1234567890", RunClass::kNotPersonal},
      {"#1234567890", "1234567890", RunClass::kNotPersonal},
      {"on 2026-01-05", "2026", RunClass::kNotPersonal},
      {"el 05/01/2026 a las 10", "05", RunClass::kNotPersonal},
      {"12/31/2025 10:30", "12", RunClass::kNotPersonal},
      {"$1,250,000", "250", RunClass::kNotPersonal},
      {"1.250.000 de pesos", "1.250.000", RunClass::kNotPersonal},
      {"40 000 000 COP", "40 000 000", RunClass::kNotPersonal},
      {"12500000 pesos", "12500000", RunClass::kNotPersonal},
      {"\xE2\x82\xAC 1250000", "1250000", RunClass::kNotPersonal},
      {"1250000%", "1250000", RunClass::kNotPersonal},
      {"192.168.100.100", "192", RunClass::kNotPersonal},
      {"pi is 3.14159265", "3", RunClass::kNotPersonal},
      {"New York, NY 10001-1234", "10001", RunClass::kNotPersonal},
      {"Tallas 36 37 38 39 40", "36", RunClass::kNotPersonal},
      {"Rooms 101 102 103 104", "101", RunClass::kNotPersonal},
      {"ORD-2026001", "2026001", RunClass::kNotPersonal},
      {"10am", "10", RunClass::kNotPersonal},
      {"AC-305510", "305510", RunClass::kAccount},
      {"acct# 99887766", "99887766", RunClass::kAccount},
      {"Acct. 99887766", "99887766", RunClass::kAccount},
      {"cuenta terminada en 12345", "12345", RunClass::kAccount},
      {"cuenta terminada en 1234", "1234", RunClass::kNotPersonal},
      {"CVV: 123", "123", RunClass::kSecret},
      {"SSN 078-05-1120", "078", RunClass::kSsn},
      {"card 4111 1111 1111 1111", "4111", RunClass::kCard},
      {"4111111111111111 12/28", "4111", RunClass::kCard},
      {"call 646 555 0134", "646", RunClass::kPhoneCandidate},
      {"we sent 123456789012345678901", "1234", RunClass::kLongNumber},
      {"We are done. 12345678", "12345678", RunClass::kPhoneCandidate},
      {"Order 12345, 6465550134", "6465550134", RunClass::kPhoneCandidate},
      {"order 12345 and 6465550134", "6465550134", RunClass::kPhoneCandidate},
  };
  for (const Case& c : cases) {
    const RunVerdict verdict = Classify(c.text, c.number);
    EXPECT_EQ(static_cast<int>(verdict.run_class), static_cast<int>(c.expected))
        << c.text << " -> " << verdict.detail;
  }
}

}  // namespace
}  // namespace threadline::guard_internal
