#include "text/tokenizer.h"

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace threadline::text {

// Reads a text through NextGeneral alone, the reference for the inline
// path that Next tries first.
class TokenizerPeer {
 public:
  static bool NextGeneral(Tokenizer* tokenizer, Token* token) {
    return tokenizer->NextGeneral(token);
  }
};

namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  Tokenizer tokenizer(text);
  Token token;
  while (tokenizer.Next(&token)) {
    if (token.kind == TokenKind::kWord) out.emplace_back(token.word());
  }
  return out;
}

std::vector<Token> All(std::string_view text) {
  std::vector<Token> out;
  Tokenizer tokenizer(text);
  Token token;
  while (tokenizer.Next(&token)) out.push_back(token);
  return out;
}

using Ws = std::vector<std::string>;

TEST(TokenizerTest, LowerCasesAndFoldsAccents) {
  EXPECT_EQ(Words("Contraseña SEÑAL Mañana él útil"),
            (Ws{"contrasena", "senal", "manana", "el", "util"}));
  EXPECT_EQ(Words("ÀÉÎÕÜ ç ß"), (Ws{"aeiou", "c", "s"}));
  EXPECT_EQ(Words("Łódź žluťoučký"), (Ws{"lodz", "zlutoucky"}));
}

TEST(TokenizerTest, SplitsOnNonLettersAndJoinsApostrophes) {
  EXPECT_EQ(Words("I can't log-in, it's 2FA!"),
            (Ws{"i", "cant", "log", "in", "its", "fa"}));
  EXPECT_EQ(Words("don’t won`t"), (Ws{"dont", "wont"}));
  EXPECT_EQ(Words("'quoted' word'"), (Ws{"quoted", "word"}));
}

TEST(TokenizerTest, SkipsHandlesUrlsAndEmails) {
  EXPECT_EQ(Words("@AcmeCare my refund (@Other) see https://x.co/refund "
                  "www.acme.com/bill or mail me at ana.refund@mail.com ok"),
            (Ws{"my", "refund", "see", "or", "mail", "me", "at", "ok"}));
}

TEST(TokenizerTest, CamelCaseHashtagsAreSplit) {
  EXPECT_EQ(Words("#EpicFail #FelizLunes #ATT #iPhone no#Split CamelCase"),
            (Ws{"epic", "fail", "feliz", "lunes", "att", "i", "phone", "no",
                "split", "camelcase"}));
}

TEST(TokenizerTest, PhoneNumbersAndAmountsLeaveNoWords) {
  EXPECT_EQ(Words("+57 300 123 4567 (646) 555-0134 $40.00"), Ws{});
}

TEST(TokenizerTest, InvalidUtf8IsASeparator) {
  EXPECT_EQ(Words("bad\xff\xfe"
                  "bytes \xc3 end \xe2\x82"),
            (Ws{"bad", "bytes", "end"}));
  EXPECT_EQ(Words("\xed\xa0\x80surrogate \xc0\xafoverlong"),
            (Ws{"surrogate", "overlong"}));
}

TEST(TokenizerTest, ElongationIsCappedAndCollapsible) {
  std::vector<Token> t = All("Sooooo goooood coffee");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].word(), "soo");
  EXPECT_TRUE(t[0].elongated);
  char out[kMaxWordBytes];
  EXPECT_EQ(std::string(out, CollapseElongation(t[0], out)), "so");
  EXPECT_EQ(t[1].word(), "good");
  EXPECT_EQ(std::string(out, CollapseElongation(t[1], out)), "god");
  EXPECT_EQ(t[2].word(), "coffee");
  EXPECT_FALSE(t[2].elongated);
  EXPECT_EQ(std::string(out, CollapseElongation(t[2], out)), "coffee");
}

TEST(TokenizerTest, CapitalsAreCounted) {
  std::vector<Token> t = All("NEVER I Ñandú");
  EXPECT_TRUE(t[0].all_caps());
  EXPECT_FALSE(t[1].all_caps());  // one letter is not shouting
  EXPECT_EQ(t[2].upper, 1);
  EXPECT_EQ(t[2].letters, 5);
}

TEST(TokenizerTest, GapsRecordPunctuation) {
  std::vector<Token> t = All("bad, really bad. why? great!!! ok\nnext");
  ASSERT_EQ(t.size(), 8u);
  EXPECT_EQ(t[1].gap, kGapComma);
  EXPECT_EQ(t[3].gap, kGapPeriod);
  EXPECT_EQ(t[4].gap, kGapQuestion);
  EXPECT_EQ(t[5].gap, kGapExclaim);
  EXPECT_EQ(t[5].exclaims, 3);
  EXPECT_EQ(t[6].gap, kGapPeriod);  // a line break ends a sentence
  EXPECT_EQ(t[7].kind, TokenKind::kEnd);
}

TEST(TokenizerTest, EmoticonsAndEmoji) {
  std::vector<Token> t = All("ok :) bad :-( <3 :Do \xF0\x9F\x98\x80 x:D");
  std::vector<std::pair<TokenKind, uint32_t>> got;
  for (const Token& k : t) {
    if (k.kind != TokenKind::kWord) got.emplace_back(k.kind, k.symbol);
  }
  ASSERT_EQ(got.size(), 6u);
  EXPECT_EQ(got[0], std::make_pair(TokenKind::kEmoticon, uint32_t{kSmile}));
  EXPECT_EQ(got[1], std::make_pair(TokenKind::kEmoticon, uint32_t{kFrown}));
  EXPECT_EQ(got[2], std::make_pair(TokenKind::kEmoticon, uint32_t{kHeart}));
  EXPECT_EQ(got[3], std::make_pair(TokenKind::kEmoji, uint32_t{0x1F600}));
  EXPECT_EQ(got[4], std::make_pair(TokenKind::kEmoticon, uint32_t{kLaugh}));
  EXPECT_EQ(got[5].first, TokenKind::kEnd);
}

TEST(TokenizerTest, LongWordsAreMarked) {
  std::string word;
  for (int i = 0; i < 10; ++i) word += "abcdefghij";
  std::vector<Token> t = All(word + " c");
  EXPECT_TRUE(t[0].too_long);
  EXPECT_EQ(t[1].word(), "c");
}

TEST(TokenizerTest, EmptyAndMaxBytes) {
  std::vector<Token> t = All("");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].kind, TokenKind::kEnd);
  Tokenizer tokenizer("refund please", 6);
  Token token;
  ASSERT_TRUE(tokenizer.Next(&token));
  EXPECT_EQ(token.word(), "refund");
  ASSERT_TRUE(tokenizer.Next(&token));
  EXPECT_EQ(token.kind, TokenKind::kEnd);
  EXPECT_FALSE(tokenizer.Next(&token));
}

TEST(TokenizerTest, HashesMatchHashWord) {
  std::vector<Token> t = All("Refunds");
  EXPECT_EQ(t[0].hash, HashWord("refunds"));
  EXPECT_EQ(t[0].prefix_hash[5], HashWord("refund"));
}


// What a reader may look at in a token: the word's bytes and, when hashed,
// its hashes (the bytes of Token::text past the word are unspecified).
std::string Describe(const Token& t) {
  std::string out = "kind=" + std::to_string(static_cast<int>(t.kind)) +
                    " gap=" + std::to_string(t.gap) +
                    " exclaims=" + std::to_string(t.exclaims) + " word='" +
                    std::string(t.word()) + "' letters=" +
                    std::to_string(t.letters) +
                    " upper=" + std::to_string(t.upper) +
                    " too_long=" + std::to_string(t.too_long) +
                    " elongated=" + std::to_string(t.elongated) +
                    " accented=" + std::to_string(t.accented) +
                    " runs=" + std::to_string(t.elongated_runs) +
                    " symbol=" + std::to_string(t.symbol);
  if (t.kind == TokenKind::kWord) {
    out += " hash=" + std::to_string(t.hash);
    for (int i = 0; i < t.size; ++i) {
      out += "," + std::to_string(t.prefix_hash[i]);
    }
  }
  return out;
}

// The tokens of `text` through NextGeneral alone (general) or Next; a
// tokenizer asked for no hashes has them filled after (HashToken).
std::vector<std::string> ReadBoth(std::string_view text, bool general,
                                  bool hashes = true) {
  std::vector<std::string> out;
  Tokenizer tokenizer(text, ~size_t{0}, hashes);
  Token token;
  while (general ? TokenizerPeer::NextGeneral(&tokenizer, &token)
                 : tokenizer.Next(&token)) {
    if (token.kind == TokenKind::kWord && !token.hashed) HashToken(&token);
    out.push_back(Describe(token));
  }
  return out;
}

// The inline path reads eight bytes at a time and must stop where the
// general reader would: at the text's end whatever its length, before
// apostrophes, accents, handles, URLs, emails, hashtags, emoticons,
// elongations and long words.
TEST(TokenizerTest, InlinePathReadsAsTheGeneralReader) {
  const std::vector<std::string> pieces = {
      "a", "b", "Z", "refund", "REFUND", "Outage", "abcdefgh", "abcdefghi",
      "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopqrstuvwxyz0123",
      "sooo", "www", "aaa", "noooooo", " ", "  ", "\n", "\t", ",", ".", "!",
      "!!!", "?", "#", "#Down", "@", "@acme", "://", "http://x.co/a",
      "a@b.com", "'", "`", "don't", "caf\xc3\xa9", "\xc2\xbfqu\xc3\xa9",
      "\xf0\x9f\x98\xa0", ":)", ":-(", "</3", ":/", "-", ";", "123",
      "3rd", "$40", "x1", "\xff", "\x01", "(", ")", "\"", "A-B", "e.g.",
      "[", "{", "~", "\x7f", "\xc0"};
  std::mt19937 random(20261207);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> count(0, 9);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (int i = count(random); i > 0; --i) text += pieces[pick(random)];
    // The text is copied to a buffer of its own size, so that a read past
    // its end is one a memory checker sees.
    std::vector<char> exact(text.begin(), text.end());
    std::string_view view(exact.data(), exact.size());
    const std::vector<std::string> general = ReadBoth(view, true);
    ASSERT_EQ(ReadBoth(view, false), general) << "text: " << text;
    ASSERT_EQ(ReadBoth(view, false, /*hashes=*/false), general)
        << "without hashes, text: " << text;
  }
}

// The inline path and the general reader share these byte tests: check
// them against the plain definitions, every byte value in every position,
// beside neighbours that could carry into it.
TEST(TokenizerTest, ByteTestsFindExactlyTheLettersAndZeros) {
  const unsigned char neighbours[] = {0x00, 'a', 'Z', '@', '[', 0x7f, 0x80,
                                      0xff};
  for (unsigned char fill : neighbours) {
    for (int position = 0; position < 8; ++position) {
      for (int b = 0; b < 256; ++b) {
        unsigned char bytes[8];
        std::memset(bytes, fill, sizeof bytes);
        bytes[position] = static_cast<unsigned char>(b);
        uint64_t w;
        std::memcpy(&w, bytes, 8);
        const uint64_t letters = tokenizer_internal::AsciiLetters(w);
        const uint64_t zeros = tokenizer_internal::ZeroBytes(w);
        for (int i = 0; i < 8; ++i) {
          const unsigned char c = bytes[i];
          const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
          ASSERT_EQ((letters >> (8 * i + 7)) & 1, letter ? 1u : 0u)
              << "byte " << int{c} << " at " << i;
          ASSERT_EQ((zeros >> (8 * i + 7)) & 1, c == 0 ? 1u : 0u)
              << "byte " << int{c} << " at " << i;
        }
        ASSERT_EQ(letters & ~tokenizer_internal::kHighBits, 0u);
        ASSERT_EQ(zeros & ~tokenizer_internal::kHighBits, 0u);
      }
    }
  }
}

}  // namespace
}  // namespace threadline::text
