#include "identity/value_text.h"

#include <string>

#include "gtest/gtest.h"
#include "util/utf8.h"

namespace threadline {
namespace identity_internal {
namespace {

using util::IsValidUtf8;  // checked here with the values it guards

TEST(TrimValueTest, AsciiAndUnicodeSpaces) {
  EXPECT_EQ(TrimValue("  a b \t\r\n"), "a b");
  EXPECT_EQ(TrimValue("\xC2\xA0"
                      "a"
                      "\xE2\x80\x8B"),
            "a");
  EXPECT_EQ(TrimValue("\xEF\xBB\xBF"
                      "a"),
            "a");
  EXPECT_EQ(TrimValue(" \xC2\xA0 "), "");
  EXPECT_EQ(TrimValue(""), "");
  // A lone lead byte is not a space.
  EXPECT_EQ(TrimValue("a\xC2"), "a\xC2");
}

TEST(IsPlaceholderTest, WordsZerosAndDashes) {
  for (const char* value :
       {"", "unknown", "ANONYMOUS", "Null", "none", "N/A", "-1", "0", "00000",
        "---", "0-0", "000-0000", "(000) 000-0000", "+0", "00.00", "undefined",
        "NIL"}) {
    EXPECT_TRUE(IsPlaceholder(value)) << value;
  }
  for (const char* value : {"a", "unknown1", "nullable", "-2", "+", "( )",
                            "0x0", "10", "n/a/b", "AC-0001"}) {
    EXPECT_FALSE(IsPlaceholder(value)) << value;
  }
  // Zeros and dashes after any of the separators allowed around them: the
  // first byte alone never rules them out.
  for (const char* value : {" 0", "(0)", ")-", "+-", ".0", "(-)"}) {
    EXPECT_TRUE(IsPlaceholder(value)) << value;
  }
  for (const char* value : {"Unknown", "uNDEFINED", "aNoNyMoUs", "nONE"}) {
    EXPECT_TRUE(IsPlaceholder(value)) << value;
  }
}

TEST(Utf8Test, Validity) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain"));
  EXPECT_TRUE(IsValidUtf8("Peña 😀 ü"));
  EXPECT_FALSE(IsValidUtf8("\xFF"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));              // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\x80"));          // overlong NUL
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // overlong "/"
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\x80"));              // stray continuation
}

TEST(Utf8Test, ReplaceInvalidKeepsOffsets) {
  const std::string text =
      "a\xFF"
      "b\xC3\xB1"
      "c\xE2\x82"
      "d";
  const std::string fixed = ReplaceInvalidUtf8(text);
  EXPECT_EQ(fixed,
            "a b\xC3\xB1"
            "c  d");
  EXPECT_EQ(fixed.size(), text.size());
  EXPECT_TRUE(IsValidUtf8(fixed));
}

TEST(QuoteForMessageTest, EscapesAndCuts) {
  EXPECT_EQ(QuoteForMessage("abc"), "\"abc\"");
  EXPECT_EQ(QuoteForMessage("Peña"), "\"Peña\"");
  EXPECT_EQ(QuoteForMessage("a\"b\n"), "\"a\\\"b\\n\"");
  EXPECT_EQ(QuoteForMessage("\xFF"), "\"\\xff\"");
  const std::string quoted = QuoteForMessage(std::string(1000, 'x'));
  EXPECT_EQ(quoted, "\"" + std::string(64, 'x') + "\"... (1000 bytes)");
  // Never cut inside a character.
  std::string accents;
  for (int i = 0; i < 40; ++i) accents += "ñ";
  const std::string cut = QuoteForMessage(accents);
  EXPECT_TRUE(IsValidUtf8(cut));
  EXPECT_NE(cut.find("(80 bytes)"), std::string::npos);
}

TEST(IsEmailDomainTest, Domains) {
  for (const char* domain : {"example.org", "mail.example.co.uk", "bücher.de",
                             "x-y.io", "example.xn--p1ai"}) {
    EXPECT_TRUE(IsEmailDomain(domain)) << domain;
  }
  for (const char* domain :
       {"", "localhost", "example.", ".org", "a..org", "-a.org", "a-.org",
        "3.14", "a.b", "a_b.org", "a b.org"}) {
    EXPECT_FALSE(IsEmailDomain(domain)) << domain;
  }
  // Each label is checked, the last as a top-level domain; case aside.
  for (const char* domain : {"EXAMPLE.ORG", "a.b.c.de", "a-b.c-d.ef",
                             "x.XN--P1AI", "1.2.io", "\xC3\xA9.fr"}) {
    EXPECT_TRUE(IsEmailDomain(domain)) << domain;
  }
  for (const char* domain :
       {".", "..", "xn--p1ai", "a.-b.org", "a.b-.org", "a.org-", "a.org.",
        "a.o", "a.o1", "a.org/x", "a.\xFF", "a.org\n"}) {
    EXPECT_FALSE(IsEmailDomain(domain)) << domain;
  }
}

}  // namespace
}  // namespace identity_internal
}  // namespace threadline
