// The shortcuts ExtractMentions takes before its finders run: counting the
// digits of a text to skip the account and phone finders, and the account
// finder's skip to the neighbourhood of each digit. A wrong shortcut drops
// a mention silently, so each is tested at its edges: mentions at the very
// start and end, exactly the fewest digits, the farthest account word,
// non-ASCII and broken bytes next to digits, and texts past the phone scan.
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "identity/mentions.h"
#include "identity/phone.h"
#include "identity/value_text.h"
#include "threadline/identity.h"
#include "threadline/types.h"
#include "util/utf8.h"

namespace threadline {
namespace identity_internal {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using util::IsValidUtf8;

Identity Phone(std::string value) {
  return {IdentityKind::kPhone, std::move(value)};
}
Identity Account(std::string value) {
  return {IdentityKind::kAccount, std::move(value)};
}

size_t NaiveDigits(std::string_view text) {
  size_t count = 0;
  for (char c : text) count += IsAsciiDigit(c) ? 1 : 0;
  return count;
}

TEST(CountAsciiDigitsTest, EveryByteInEveryPosition) {
  // Bytes whose low bits spell a digit ("\xB5", "p" = 0x70) must not count.
  for (int byte = 0; byte < 256; ++byte) {
    for (size_t size = 0; size <= 19; ++size) {
      for (size_t at = 0; at < size; ++at) {
        std::string text(size, '5');
        text[at] = static_cast<char>(byte);
        EXPECT_EQ(CountAsciiDigits(text, 100), NaiveDigits(text))
            << byte << " " << size << " " << at;
      }
    }
  }
}

TEST(CountAsciiDigitsTest, StopsOnceEnoughButNeverShort) {
  std::mt19937 random(7);
  const std::string alphabet = "0123456789 ab\xC3\xB1\xFF/:";
  for (int round = 0; round < 2000; ++round) {
    std::string text(random() % 40, ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    const size_t all = NaiveDigits(text);
    for (size_t enough : {0u, 1u, 5u, 7u, 40u}) {
      const size_t counted = CountAsciiDigits(text, enough);
      if (all >= enough) {
        EXPECT_GE(counted, enough) << text;
        EXPECT_LE(counted, all) << text;
      } else {
        EXPECT_EQ(counted, all) << text;
      }
    }
  }
}

TEST(FindAsciiDigitTest, EveryByteInEveryPositionFromEveryStart) {
  for (int byte = 0; byte < 256; ++byte) {
    for (size_t size = 0; size <= 19; ++size) {
      for (size_t at = 0; at < size; ++at) {
        std::string text(size, 'x');
        text[at] = static_cast<char>(byte);
        for (size_t from = 0; from <= size; ++from) {
          size_t naive = from;
          while (naive < size && !IsAsciiDigit(text[naive])) ++naive;
          ASSERT_EQ(FindAsciiDigit(text, from), naive)
              << byte << " " << size << " " << at << " " << from;
        }
      }
    }
  }
}

TEST(Utf8StrideTest, BrokenByteAnywhereInALongText) {
  for (size_t at = 0; at < 40; ++at) {
    std::string text(40, 'a');
    text[at] = '\xFF';
    EXPECT_FALSE(IsValidUtf8(text)) << at;
    // A well-formed sequence across an eight-byte boundary.
    text[at] = '\xC3';
    if (at + 1 < text.size()) {
      text[at + 1] = '\xB1';
      EXPECT_TRUE(IsValidUtf8(text)) << at;
    } else {
      EXPECT_FALSE(IsValidUtf8(text)) << at;  // cut at the end
    }
  }
}

// The premise of skipping a finder: with fewer digits than it needs, it
// finds nothing, whatever the other bytes.
TEST(FinderPremiseTest, TooFewDigitsFindNothing) {
  const PhoneReader reader;
  const std::vector<std::string> pieces = {"account ",
                                           "acct# ",
                                           "cuenta ",
                                           "AC-",
                                           "+57 ",
                                           "(646) ",
                                           "300 ",
                                           "12",
                                           "3",
                                           "-",
                                           " ",
                                           "\xC3\xB1",
                                           "\xFF",
                                           "\xE2\x80\x93",
                                           "@",
                                           "a@b.co",
                                           "\xEF\xBC\x91",
                                           "x"};
  std::mt19937 random(11);
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    const int parts = 1 + static_cast<int>(random() % 12);
    for (int i = 0; i < parts; ++i) text += pieces[random() % pieces.size()];
    const size_t digits = CountAsciiDigits(text, PhoneReader::kMinDigits);
    if (digits < kMinAccountDigits) {
      EXPECT_THAT(FindAccountNumbers(text, 64), IsEmpty()) << text;
    }
    if (digits < PhoneReader::kMinDigits) {
      EXPECT_THAT(reader.Find(text, "US", {65536, 64, 64}), IsEmpty()) << text;
      EXPECT_THAT(reader.Find(text, "CO", {65536, 64, 64}), IsEmpty()) << text;
    }
  }
}

// Looking for account words only near the digit runs a token can be finds
// what looking at every word finds.
TEST(AccountScanTest, NearTokensFindsWhatEveryWordFinds) {
  const std::vector<std::string> pieces = {"account",
                                           "acct",
                                           "acc",
                                           "cuenta",
                                           "cta",
                                           "Account#",
                                           "number",
                                           "no",
                                           "n\xC2\xBA",
                                           "es la",
                                           "is",
                                           "my",
                                           " ",
                                           " ",
                                           "  ",
                                           ":",
                                           "#",
                                           ".",
                                           ",",
                                           "-",
                                           "/",
                                           "AC",
                                           "ABCDE",
                                           "x",
                                           "1",
                                           "12",
                                           "123",
                                           "12345",
                                           "305510",
                                           "9 8",
                                           "77.12",
                                           "0/1",
                                           "\xC3\xB1",
                                           "\xFF",
                                           "ac-",
                                           std::string(20, ' '),
                                           std::string(33, ' '),
                                           std::string(40, 'z')};
  std::mt19937 random(5);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int parts = 1 + static_cast<int>(random() % 16);
    for (int i = 0; i < parts; ++i) text += pieces[random() % pieces.size()];
    for (size_t max : {64u, 1u}) {
      const std::vector<Mention> near =
          FindAccountNumbers(text, max, AccountScan::kNearTokens);
      const std::vector<Mention> every =
          FindAccountNumbers(text, max, AccountScan::kEveryWord);
      ASSERT_EQ(near.size(), every.size()) << text;
      for (size_t i = 0; i < near.size(); ++i) {
        EXPECT_EQ(near[i].offset, every[i].offset) << text;
        EXPECT_EQ(near[i].value, every[i].value) << text;
      }
    }
  }
}

TEST(MentionScanTest, FewestDigitsAtTheStartAndEnd) {
  IdentityNormalizer n;
  // Icelandic numbers have seven digits, the fewest a number is read with.
  EXPECT_THAT(n.ExtractMentions("5512345", "IS"),
              ElementsAre(Phone("+3545512345")));
  EXPECT_THAT(n.ExtractMentions("call 5512345", "IS"),
              ElementsAre(Phone("+3545512345")));
  EXPECT_THAT(n.ExtractMentions("my acct 12345"),
              ElementsAre(Account("12345")));
  EXPECT_THAT(n.ExtractMentions("my acct 1234"), IsEmpty());
  EXPECT_THAT(n.ExtractMentions("call 555 123 please", "US"), IsEmpty());
  EXPECT_THAT(n.ExtractMentions("ref 12 34 56 7", "US"), IsEmpty());
  EXPECT_THAT(n.ExtractMentions("a@b.co is me"),
              ElementsAre(Identity{IdentityKind::kEmail, "a@b.co"}));
  EXPECT_THAT(n.ExtractMentions("find me @ab"),
              ElementsAre(Identity{IdentityKind::kTwitter, "ab"}));
}

TEST(MentionScanTest, FarthestAccountWord) {
  IdentityNormalizer n;
  // The token may start 32 bytes after the word; with "account" and a
  // four-letter prefix its first digit is 44 bytes from the word's start,
  // after a long stretch without digits the finder skips.
  const std::string lead(200, 'z');
  EXPECT_THAT(n.ExtractMentions("acct" + std::string(32, ' ') + "ABCD-12345"),
              ElementsAre(Account("ABCD12345")));
  EXPECT_THAT(n.ExtractMentions("acct" + std::string(33, ' ') + "ABCD-12345"),
              IsEmpty());
  EXPECT_THAT(n.ExtractMentions(lead + " account" + std::string(32, ' ') +
                                "ABCD-12345"),
              ElementsAre(Account("ABCD12345")));
  EXPECT_THAT(n.ExtractMentions(lead + " account" + std::string(33, ' ') +
                                "ABCD-12345"),
              IsEmpty());
  EXPECT_THAT(n.ExtractMentions(lead + " account number is: #ABCD 12345"),
              ElementsAre(Account("ABCD12345")));
}

TEST(MentionScanTest, NonAsciiAndBrokenBytesNextToDigits) {
  IdentityNormalizer n;
  EXPECT_THAT(n.ExtractMentions("\xF0\x9F\x93\x9E"
                                "3001234567 y \xC3\xB1"
                                "3001234568",
                                "CO"),
              ElementsAre(Phone("+573001234567")));
  EXPECT_THAT(n.ExtractMentions("llama al 300\xC2\xA0"
                                "123\xC2\xA0"
                                "4567",
                                "CO"),
              ElementsAre(Phone("+573001234567")));
  EXPECT_THAT(n.ExtractMentions("\xFF"
                                "3001234567\xC3",
                                "CO"),
              ElementsAre(Phone("+573001234567")));
  // Fullwidth digits are not ASCII digits; the matcher never sees them.
  EXPECT_THAT(n.ExtractMentions("\xEF\xBC\x93\xEF\xBC\x90\xEF\xBC\x90\xEF\xBC"
                                "\x91\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x94\xEF"
                                "\xBC\x95\xEF\xBC\x96\xEF\xBC\x97",
                                "CO"),
              IsEmpty());
}

TEST(MentionScanTest, HugeTexts) {
  IdentityNormalizer n;
  // A number cut by the end of the phone scan is not read; one just inside
  // is.
  std::string cut(64 * 1024 - 6, 'x');
  EXPECT_THAT(n.ExtractMentions(cut + " +12124565641", "US"), IsEmpty());
  std::string inside(64 * 1024 - 20, 'x');
  EXPECT_THAT(n.ExtractMentions(inside + " +12124565641", "US"),
              ElementsAre(Phone("+12124565641")));
  // Accounts are looked for in the whole text, even when its only digits
  // lie past the phone scan.
  std::string far(70 * 1024, 'x');
  EXPECT_THAT(n.ExtractMentions(
                  far + " my account is AC-305510, call +12124565641", "US"),
              ElementsAre(Account("AC305510")));
}

}  // namespace
}  // namespace identity_internal
}  // namespace threadline
