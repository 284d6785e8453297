// MatcherPatterns answers as its RE2 patterns do, though it often answers
// from the bytes alone: here each byte test is checked against the plain
// RE2 search, on the text after candidates that the matcher sees.
#include "identity/phone_matcher_patterns.h"

#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "re2/re2.h"

namespace threadline {
namespace identity_internal {
namespace {

bool PlainExtensionAt(const RE2& re, const std::string& rest) {
  return re.Match(rest, 0, rest.size(), RE2::ANCHOR_START, nullptr, 0);
}

TEST(MatcherPatternsTest, ExtensionAtAnswersAsTheExtensionPattern) {
  const MatcherPatterns& patterns = MatcherPatterns::Get();
  const RE2 extension(ExtensionPattern());
  ASSERT_TRUE(extension.ok());
  // Labels in every case and script libphonenumber knows, the separators
  // before and after them, and what usually follows a number.
  const std::vector<std::string> pieces = {
      " ",
      "  ",
      "\t",
      ",",
      ";",
      ";ext=",
      "ext",
      "EXT",
      "Ext.",
      "extension",
      "extensi\xC3\xB3n",
      "xtn",
      "x",
      "X",
      "#",
      "~",
      "int",
      "INT",
      "anexo",
      "Anexo",
      "-",
      "--",
      ":",
      ".",
      "\xC2\xA0",
      "\xEF\xBD\x98",
      "\xEF\xBD\x85\xEF\xBD\x98\xEF\xBD\x94",
      "\xD0\xB4\xD0\xBE\xD0\xB1",
      "\xD0\x94\xD0\x9E\xD0\x91",
      "\xEF\xBC\x83",
      "\xEF\xBD\x9E",
      "\xEF\xBD\x89\xEF\xBD\x8E\xEF\xBD\x94",
      "\xD9\xA1\xD9\xA2",  // Arabic-Indic digits
      "1",
      "12",
      "1234567",
      "please",
      "and",
      "o",
      "\xC3\xB1",
      "\xFF",
      "a",
      "e",
      "i",
      "y"};
  std::mt19937 random(3);
  int matched = 0;
  for (int round = 0; round < 50000; ++round) {
    std::string rest;
    const int parts = static_cast<int>(random() % 6);
    for (int i = 0; i < parts; ++i) rest += pieces[random() % pieces.size()];
    const bool plain = PlainExtensionAt(extension, rest);
    matched += plain ? 1 : 0;
    ASSERT_EQ(patterns.ExtensionAt(rest), plain) << "\"" << rest << "\"";
  }
  // The pieces make extensions often enough for the test to mean something.
  EXPECT_GT(matched, 1000);
}

TEST(MatcherPatternsTest, ByteTestsOnTypicalCandidates) {
  const MatcherPatterns& patterns = MatcherPatterns::Get();
  EXPECT_TRUE(patterns.LeadGroups("+"));
  EXPECT_TRUE(patterns.LeadGroups("("));
  EXPECT_TRUE(patterns.LeadGroups("+ ("));
  EXPECT_FALSE(patterns.LeadGroups("-"));
  EXPECT_TRUE(patterns.MatchingBrackets("646 555-0134"));
  EXPECT_TRUE(patterns.MatchingBrackets("(646) 555-0134"));
  EXPECT_FALSE(patterns.MatchingBrackets("646 (555-0134"));
  EXPECT_FALSE(patterns.MatchingBrackets(""));
  EXPECT_TRUE(patterns.PubPages("211-227 (2003"));
  EXPECT_FALSE(patterns.PubPages("211-227 2003"));
  EXPECT_TRUE(patterns.SlashSeparatedDate("12/03/2026"));
  EXPECT_FALSE(patterns.SlashSeparatedDate("12-03-2026"));
  EXPECT_TRUE(patterns.TimeStamp("2026-01-05 10", ":43"));
  EXPECT_FALSE(patterns.TimeStamp("2026-01-05 10", " 43"));
  EXPECT_FALSE(patterns.TimeStamp("2026-01-0510", ":43"));
  // An inner pattern needs its separator; non-ASCII is left to RE2.
  for (size_t i = 0; i < patterns.inner_count(); ++i) {
    EXPECT_FALSE(patterns.InnerMayMatch(i, "6465550134")) << i;
    EXPECT_TRUE(patterns.InnerMayMatch(i,
                                       "646\xE2\x80\x93"
                                       "5550134"))
        << i;
  }
}

}  // namespace
}  // namespace identity_internal
}  // namespace threadline
