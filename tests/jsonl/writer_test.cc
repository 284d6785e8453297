// Tests of the JSON Lines writer (AppendInteractionJson, AppendLinkageJson,
// AppendJsonString) and of the UTF-8 and RFC 3339 helpers it shares with the
// reader; and that what it writes reads back.
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jsonl/jsonl.h"
#include "jsonl/rfc3339.h"
#include "util/utf8.h"
#include "simdjson.h"
#include "threadline/types.h"

namespace threadline::jsonl {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

absl::Time At(int y, int mo, int d, int h, int mi, int s) {
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, s),
                         absl::UTCTimeZone());
}

std::string Json(const Interaction& in) {
  std::string out;
  AppendInteractionJson(in, &out);
  return out;
}

std::string JsonString(std::string_view s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

bool ValidUtf8(std::string_view s) {
  return simdjson::validate_utf8(s.data(), s.size());
}

Interaction FormatExample() {
  Interaction in;
  in.id = "tw-0001128";
  in.occurred_at = At(2026, 1, 5, 19, 43, 0);
  in.channel = Channel::kTwitter;
  in.direction = Direction::kInbound;
  in.contact = {IdentityKind::kTwitter, "@GraceCla9596"};
  in.identities = {{IdentityKind::kEmail, " Grace.Clark@Example.org "}};
  in.text = "@AcmeCare I returned the item two weeks ago and still no refund";
  in.reply_to = "tw-0001100";
  in.thread_id = "th-1";
  in.external_ref = "T-9";
  in.topic = "refund";
  in.agent_id = "agent-7";
  in.language = "en";
  in.region = "CO";
  in.display_name = "Grace Clark";
  in.disposition = Disposition::kResolved;
  return in;
}

TEST(AppendLinkageJsonTest, WritesAllFiveFieldsAsFormatShows) {
  std::string out = "previous\n";
  AppendLinkageJson({"tw-0001128", "c-17", "k-42", LinkReason::kReplyTo, true, {}},
                    &out);
  EXPECT_EQ(out,
            "previous\n"
            R"({"interaction_id": "tw-0001128", "customer_id": "c-17", )"
            R"("case_id": "k-42", "reason": "REPLY_TO", "continued": true})");
}

TEST(AppendLinkageJsonTest, ContinuedFalseAndEveryReason) {
  std::string out;
  AppendLinkageJson({"a", "c-1", "k-1", LinkReason::kNewCase, false, {}}, &out);
  EXPECT_EQ(
      out, R"({"interaction_id": "a", "customer_id": "c-1", "case_id": "k-1", )"
           R"("reason": "NEW_CASE", "continued": false})");
  for (int r = 0; r <= static_cast<int>(LinkReason::kOnlyOpenCase); ++r) {
    out.clear();
    AppendLinkageJson({"a", "c", "k", static_cast<LinkReason>(r), true, {}},
                      &out);
    EXPECT_THAT(
        out,
        HasSubstr(absl::StrCat(
            "\"reason\": \"",
            std::string(LinkReasonName(static_cast<LinkReason>(r))), "\"")));
  }
  // A value without a name is written as its number, as proto3 JSON does.
  out.clear();
  AppendLinkageJson({"a", "c", "k", static_cast<LinkReason>(99), true, {}},
                    &out);
  EXPECT_THAT(out, HasSubstr("\"reason\": 99,"));
}

TEST(AppendLinkageJsonTest, EscapesIds) {
  std::string out;
  AppendLinkageJson({"a\"b\\c\n", "c", "k", LinkReason::kThread, true, {}}, &out);
  EXPECT_THAT(out, HasSubstr(R"("interaction_id": "a\"b\\c\n")"));
}

TEST(AppendInteractionJsonTest, WritesEveryFieldInProtoOrder) {
  EXPECT_EQ(
      Json(FormatExample()),
      R"({"id": "tw-0001128", "occurred_at": "2026-01-05T19:43:00Z", )"
      R"("channel": "TWITTER", "direction": "INBOUND", )"
      R"("contact": {"kind": "TWITTER", "value": "@GraceCla9596"}, )"
      R"("identities": [{"kind": "EMAIL", "value": " Grace.Clark@Example.org "}], )"
      R"("text": "@AcmeCare I returned the item two weeks ago and still no refund", )"
      R"("reply_to": "tw-0001100", "thread_id": "th-1", "external_ref": "T-9", )"
      R"("topic": "refund", "agent_id": "agent-7", "language": "en", )"
      R"("region": "CO", "display_name": "Grace Clark", "disposition": "RESOLVED"})");
}

TEST(AppendInteractionJsonTest, OmitsEmptyAndDefaultFields) {
  EXPECT_EQ(Json(Interaction()), "{}");
  Interaction in;
  in.id = "vo-1";
  in.occurred_at = At(2026, 1, 5, 12, 43, 0);
  in.channel = Channel::kVoice;
  in.direction = Direction::kOutbound;
  in.contact = {IdentityKind::kPhone, "(318) 887-6086"};
  EXPECT_EQ(Json(in),
            R"({"id": "vo-1", "occurred_at": "2026-01-05T12:43:00Z", )"
            R"("channel": "VOICE", "direction": "OUTBOUND", )"
            R"("contact": {"kind": "PHONE", "value": "(318) 887-6086"}})");
  in.contact = {};
  in.identities = {{IdentityKind::kUnspecified, ""},
                   {IdentityKind::kOther, ""}};
  EXPECT_THAT(Json(in), HasSubstr(R"("identities": [{}, {"kind": "OTHER"}])"));
  EXPECT_THAT(Json(in), Not(HasSubstr("contact")));
}

TEST(AppendInteractionJsonTest, AppendsToWhatIsThere) {
  std::string out = "x";
  AppendInteractionJson(Interaction(), &out);
  AppendInteractionJson(Interaction(), &out);
  EXPECT_EQ(out, "x{}{}");
}

TEST(AppendInteractionJsonTest, TimesInUtcWithFractionsOnlyWhenNotZero) {
  struct Case {
    absl::Time time;
    std::string_view want;
  };
  const absl::Time t = At(2026, 1, 5, 19, 43, 0);
  const Case cases[] = {
      {t, "2026-01-05T19:43:00Z"},
      {t + absl::Milliseconds(250), "2026-01-05T19:43:00.250Z"},
      {t + absl::Microseconds(1), "2026-01-05T19:43:00.000001Z"},
      {t + absl::Nanoseconds(123456789), "2026-01-05T19:43:00.123456789Z"},
      // Below a nanosecond is dropped, rounding down as model::ToProto does.
      {t + absl::Nanoseconds(1) / 2, "2026-01-05T19:43:00Z"},
      {absl::FromUnixMillis(-500), "1969-12-31T23:59:59.500Z"},
      {absl::UnixEpoch(), "1970-01-01T00:00:00Z"},
      {MinTimestamp(), "0001-01-01T00:00:00Z"},
      {MaxTimestamp(), "9999-12-31T23:59:59.999999999Z"},
  };
  for (const Case& c : cases) {
    std::string out;
    AppendRfc3339(c.time, &out);
    EXPECT_EQ(out, c.want);
    Interaction in;
    in.occurred_at = c.time;
    EXPECT_EQ(Json(in),
              absl::StrCat(R"({"occurred_at": ")", std::string(c.want), "\"}"));
  }
}

TEST(AppendInteractionJsonTest, TimesOutsideTheTimestampRangeStayValidJson) {
  for (absl::Time t :
       {absl::InfiniteFuture(), MaxTimestamp() + absl::Seconds(1),
        MinTimestamp() - absl::Nanoseconds(1)}) {
    Interaction in = FormatExample();
    in.occurred_at = t;
    const std::string json = Json(in);
    // The line stays JSON, and reading it back says what is wrong.
    InteractionParser parser;
    Interaction back;
    const absl::Status s = parser.Parse(json, &back);
    EXPECT_THAT(std::string(s.message()), HasSubstr("field \"occurred_at\""))
        << json;
  }
}

TEST(AppendJsonStringTest, EscapesWhatJsonRequires) {
  EXPECT_EQ(JsonString(""), R"("")");
  EXPECT_EQ(JsonString("plain text, 8+ bytes long"),
            R"("plain text, 8+ bytes long")");
  EXPECT_EQ(JsonString("q\"b\\s/"), R"("q\"b\\s/")");
  EXPECT_EQ(JsonString("\b\f\n\r\t"), R"("\b\f\n\r\t")");
  EXPECT_EQ(JsonString(std::string("\0\x01\x1f\x7f", 4)),
            R"("\u0000\u0001\u001f)"
            "\x7f\"");
  EXPECT_EQ(JsonString("é中😀"), "\"é中😀\"");
  // Specials at every position of the eight-byte fast path.
  for (size_t i = 0; i < 17; ++i) {
    std::string s(17, 'a');
    s[i] = '"';
    std::string want(17, 'a');
    want.replace(i, 1, "\\\"");
    EXPECT_EQ(JsonString(s), absl::StrCat("\"", want, "\"")) << i;
  }
}

TEST(AppendJsonStringTest, ReplacesInvalidUtf8) {
  struct Case {
    std::string_view in;
    std::string_view want;
  };
  const Case cases[] = {
      {"Jos\xE9", "Jos\uFFFD"},                // Latin-1
      {"\x80", "\uFFFD"},                      // lone continuation
      {"\xC3", "\uFFFD"},                      // truncated at the end
      {"\xE2\x82", "\uFFFD"},                  // truncated, one subpart
      {"\xE2\x82x", "\uFFFDx"},                //
      {"\xC0\xAF", "\uFFFD\uFFFD"},            // overlong '/'
      {"\xE0\x80\xAF", "\uFFFD\uFFFD\uFFFD"},  // overlong
      {"\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD"},  // UTF-16 surrogate
      {"\xF4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD"},  // above U+10FFFF
      {"\xF0\x9F\x98", "\uFFFD"},                        // truncated emoji
      {"\xFF\xFE", "\uFFFD\uFFFD"},                      //
      {"\xF0\x9F\x98\x80", "😀"},                         // valid 4 bytes
      {"\xEF\xBF\xBD", "\uFFFD"},                        // U+FFFD itself
      {"\xF4\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF"},          // U+10FFFF
      // Unicode 15, section 3.9, Table 3-8.
      {"\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64",
       "a\uFFFD\uFFFD\uFFFDb\uFFFDc\uFFFD\uFFFDd"},
  };
  for (const Case& c : cases) {
    const std::string out = JsonString(c.in);
    EXPECT_EQ(out, absl::StrCat("\"", std::string(c.want), "\""));
    EXPECT_TRUE(ValidUtf8(out));
    std::string repaired;
    std::vector<util::Utf8Repair> repairs;
    util::RepairUtf8(c.in, &repaired, &repairs);
    EXPECT_EQ(repaired, c.want);
  }
}

TEST(Utf8Test, RepairRecordsWhereReplacementsLanded) {
  std::string out;
  std::vector<util::Utf8Repair> repairs;
  EXPECT_FALSE(util::RepairUtf8("valid é", &out, &repairs));
  EXPECT_EQ(out, "valid é");
  EXPECT_TRUE(
      util::RepairUtf8("a\xFF"
                 "b\xC3",
                 &out, &repairs));
  EXPECT_EQ(out, "a\uFFFDb\uFFFD");
  ASSERT_EQ(repairs.size(), 2u);
  EXPECT_EQ(repairs[0].begin, 1u);
  EXPECT_EQ(repairs[0].end, 4u);
  EXPECT_EQ(repairs[1].begin, 5u);
  EXPECT_EQ(repairs[1].end, 8u);
}

// Every string of up to three bytes, and a sample of four: the replacement
// agrees with simdjson's validator on what is valid, and is always valid.
TEST(Utf8Test, AgreesWithSimdjsonOnValidity) {
  std::mt19937 rng(7);
  std::vector<std::string> inputs;
  for (int a = 0; a < 256; ++a) {
    inputs.push_back(std::string(1, static_cast<char>(a)));
    for (int b = 0x70; b < 256; ++b) {
      inputs.push_back({static_cast<char>(a), static_cast<char>(b)});
      for (int c : {0x41, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0}) {
        inputs.push_back(
            {static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)});
      }
    }
  }
  for (int i = 0; i < 200000; ++i) {
    std::string s(4, ' ');
    for (char& c : s) c = static_cast<char>(0x70 + rng() % 0x90);
    inputs.push_back(s);
  }
  std::string out;
  std::vector<util::Utf8Repair> repairs;
  for (const std::string& s : inputs) {
    const bool replaced = util::RepairUtf8(s, &out, &repairs);
    ASSERT_EQ(!replaced, ValidUtf8(s)) << absl::CEscape(s);
    ASSERT_TRUE(ValidUtf8(out)) << absl::CEscape(s);
  }
}

TEST(Rfc3339Test, FormatThenParseIsTheIdentityToTheNanosecond) {
  std::mt19937_64 rng(11);
  const int64_t lo = absl::ToUnixSeconds(MinTimestamp());
  const int64_t hi = absl::ToUnixSeconds(MaxTimestamp());
  for (int i = 0; i < 100000; ++i) {
    const int64_t seconds = lo + static_cast<int64_t>(rng() % (hi - lo + 1));
    int64_t nanos = rng() % 1000000000;
    if (i % 3 == 0) nanos -= nanos % 1000000;  // also 3 and 6 digits
    if (i % 5 == 0) nanos = 0;
    const absl::Time t =
        absl::FromUnixSeconds(seconds) + absl::Nanoseconds(nanos);
    std::string text;
    AppendRfc3339(t, &text);
    absl::Time back;
    std::string_view why;
    ASSERT_TRUE(ParseRfc3339(text, &back, &why)) << text << ": " << why;
    ASSERT_EQ(back, t) << text;
    // The same instant with an offset reads the same.
    const std::string local = absl::FormatTime(
        "%Y-%m-%dT%H:%M:%E9S%Ez", t, absl::FixedTimeZone(-(5 * 3600 + 1800)));
    if (local.size() == 35 && local.rfind("0000", 0) != 0) {  // year 0001+
      ASSERT_TRUE(ParseRfc3339(local, &back, &why)) << local << ": " << why;
      ASSERT_EQ(back, t) << local;
    }
  }
}

// Random interactions: any text, any time Parse accepts, every enum value.
Interaction RandomInteraction(std::mt19937& rng) {
  static const std::vector<std::string> kPieces = {
      "a",       "Grace",
      " ",       "\"",
      "\\",      "/",
      "\n",      "\t",
      "\r",      "\b",
      "\f",      std::string(1, '\0'),
      "\x01",    "\x1f",
      "\x7f",    "é",
      "ñ",       "中",
      "😀",       "\u2028",
      "@",       "+57 300 123 4567",
      "{}",      "[\"x\"]",
      "\\u0041", "'",
  };
  auto text = [&rng](int max_pieces) {
    std::string s;
    const int n = rng() % (max_pieces + 1);
    for (int i = 0; i < n; ++i) s += kPieces[rng() % kPieces.size()];
    return s;
  };
  Interaction in;
  in.id = text(4) + "id";
  in.occurred_at = absl::FromUnixSeconds(
                       static_cast<int64_t>(rng() % 4000000000u) - 1000000000) +
                   absl::Nanoseconds(rng() % 3 == 0 ? rng() % 1000000000 : 0);
  in.channel = static_cast<Channel>(1 + rng() % (kChannelCount - 1));
  in.direction = static_cast<Direction>(1 + rng() % 2);
  in.contact = {static_cast<IdentityKind>(1 + rng() % (kIdentityKindCount - 1)),
                text(3) + "v"};
  const int identities = rng() % 4;
  for (int i = 0; i < identities; ++i) {
    in.identities.push_back(
        {static_cast<IdentityKind>(rng() % kIdentityKindCount), text(3)});
  }
  for (std::string* s :
       {&in.text, &in.reply_to, &in.thread_id, &in.external_ref, &in.topic,
        &in.agent_id, &in.language, &in.region, &in.display_name}) {
    if (rng() % 2 == 0) *s = text(s == &in.text ? 30 : 3);
  }
  in.disposition = static_cast<Disposition>(rng() % 2);
  return in;
}

TEST(RoundTripTest, ParseReadsBackWhatAppendWrites) {
  std::mt19937 rng(2026);
  InteractionParser parser;
  for (int i = 0; i < 20000; ++i) {
    const Interaction in = RandomInteraction(rng);
    const std::string json = Json(in);
    ASSERT_TRUE(ValidUtf8(json)) << json;
    Interaction back;
    const absl::Status s = parser.Parse(json, &back);
    ASSERT_TRUE(s.ok()) << s << "\n" << json;
    ASSERT_EQ(back, in) << json;
  }
}

TEST(RoundTripTest, InvalidUtf8InTextComesBackRepairedTheSameWay) {
  Interaction in = FormatExample();
  in.text = "Jos\xE9 lleg\xF3 \xE2\x82 tarde \xF0\x9F\x98";
  in.display_name = "Jos\xE9";
  const std::string json = Json(in);
  EXPECT_TRUE(ValidUtf8(json));
  InteractionParser parser;
  Interaction back;
  ASSERT_TRUE(parser.Parse(json, &back).ok());
  EXPECT_EQ(back.text, "Jos\uFFFD lleg\uFFFD \uFFFD tarde \uFFFD");
  EXPECT_EQ(back.display_name, "Jos\uFFFD");
  // Reading the raw bytes repairs them the same way.
  std::string raw = R"({"id": "a", "occurred_at": "2026-01-05T19:43:00Z", )"
                    R"("channel": "SMS", "direction": "INBOUND", )"
                    R"("contact": {"kind": "PHONE", "value": "1"}, "text": ")";
  raw += in.text + "\"}";
  Interaction direct;
  ASSERT_TRUE(parser.Parse(raw, &direct).ok());
  EXPECT_EQ(direct.text, back.text);
}

TEST(RoundTripTest, OneMegabyteText) {
  Interaction in = FormatExample();
  while (in.text.size() < (1 << 20)) in.text += "línea \"citada\"\n";
  const std::string json = Json(in);
  InteractionParser parser;
  Interaction back;
  ASSERT_TRUE(parser.Parse(json, &back).ok());
  EXPECT_EQ(back, in);
}

}  // namespace
}  // namespace threadline::jsonl
