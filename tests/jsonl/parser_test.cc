// Tests of jsonl::InteractionParser: what it accepts, and that every refusal
// names the field, the value and the rule.
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jsonl/jsonl.h"
#include "threadline/types.h"

namespace threadline::jsonl {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::SizeIs;

// A line with every required field, ready to be extended.
constexpr std::string_view kRequired =
    R"("id": "tw-1", "occurred_at": "2026-01-05T19:43:00Z", )"
    R"("channel": "TWITTER", "direction": "INBOUND", )"
    R"("contact": {"kind": "TWITTER", "value": "@Grace"})";

std::string Line(std::string_view extra = "") {
  return extra.empty() ? absl::StrCat("{", std::string(kRequired), "}")
                       : absl::StrCat("{", std::string(kRequired), ", ",
                                      std::string(extra), "}");
}

absl::Status ParseLine(std::string_view line, Interaction* out = nullptr) {
  InteractionParser parser;
  Interaction scratch;
  return parser.Parse(line, out != nullptr ? out : &scratch);
}

// The message of a status that must be InvalidArgument.
std::string Error(std::string_view line) {
  const absl::Status s = ParseLine(line);
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << line;
  return std::string(s.message());
}

absl::Time At(int y, int mo, int d, int h, int mi, int s) {
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, s),
                         absl::UTCTimeZone());
}

TEST(InteractionParserTest, ReadsTheFormatExampleWithEveryField) {
  const std::string line =
      R"({"id": "tw-0001128", "occurred_at": "2026-01-05T19:43:00Z", )"
      R"("channel": "TWITTER", "direction": "INBOUND", )"
      R"("contact": {"kind": "TWITTER", "value": "@GraceCla9596"}, )"
      R"("identities": [{"kind": "EMAIL", "value": " Grace.Clark@Example.org "}, )"
      R"({"kind": "PHONE", "value": "+57 300 123 4567"}], )"
      R"("text": "@AcmeCare I returned the item two weeks ago and still no refund", )"
      R"("reply_to": "tw-0001100", "thread_id": "th-9", "external_ref": "T-77", )"
      R"("topic": "refund", "agent_id": "agent-7", "language": "en", )"
      R"("region": "CO", "display_name": "Grace Clark", "disposition": "RESOLVED"})";
  Interaction in;
  ASSERT_TRUE(ParseLine(line, &in).ok()) << ParseLine(line);
  EXPECT_EQ(in.id, "tw-0001128");
  EXPECT_EQ(in.occurred_at, At(2026, 1, 5, 19, 43, 0));
  EXPECT_EQ(in.channel, Channel::kTwitter);
  EXPECT_EQ(in.direction, Direction::kInbound);
  EXPECT_EQ(in.contact, (Identity{IdentityKind::kTwitter, "@GraceCla9596"}));
  ASSERT_THAT(in.identities, SizeIs(2));
  EXPECT_EQ(in.identities[0],
            (Identity{IdentityKind::kEmail, " Grace.Clark@Example.org "}));
  EXPECT_EQ(in.identities[1],
            (Identity{IdentityKind::kPhone, "+57 300 123 4567"}));
  EXPECT_EQ(in.text,
            "@AcmeCare I returned the item two weeks ago and still no refund");
  EXPECT_EQ(in.reply_to, "tw-0001100");
  EXPECT_EQ(in.thread_id, "th-9");
  EXPECT_EQ(in.external_ref, "T-77");
  EXPECT_EQ(in.topic, "refund");
  EXPECT_EQ(in.agent_id, "agent-7");
  EXPECT_EQ(in.language, "en");
  EXPECT_EQ(in.region, "CO");
  EXPECT_EQ(in.display_name, "Grace Clark");
  EXPECT_EQ(in.disposition, Disposition::kResolved);
}

TEST(InteractionParserTest, AcceptsLowerCamelCaseKeys) {
  Interaction in;
  ASSERT_TRUE(
      ParseLine(R"({"id": "a", "occurredAt": "2026-01-05T19:43:00Z",)"
                R"( "channel": "SMS", "direction": "OUTBOUND",)"
                R"( "contact": {"kind": "PHONE", "value": "1"},)"
                R"( "replyTo": "r", "threadId": "t", "externalRef": "e",)"
                R"( "agentId": "g", "displayName": "d"})",
                &in)
          .ok());
  EXPECT_EQ(in.occurred_at, At(2026, 1, 5, 19, 43, 0));
  EXPECT_EQ(in.reply_to, "r");
  EXPECT_EQ(in.thread_id, "t");
  EXPECT_EQ(in.external_ref, "e");
  EXPECT_EQ(in.agent_id, "g");
  EXPECT_EQ(in.display_name, "d");
}

TEST(InteractionParserTest, KeysAreCaseSensitiveAndMayBeEscaped) {
  Interaction in;
  ASSERT_TRUE(
      ParseLine(Line(R"("ReplyTo": "x", "\u0072eply_to": "y")"), &in).ok());
  EXPECT_EQ(in.reply_to, "y");  // "ReplyTo" is an unknown field
}

TEST(InteractionParserTest, IgnoresUnknownFieldsOfAnyShape) {
  Interaction in;
  ASSERT_TRUE(
      ParseLine(
          Line(R"("x": {"y": [1, -2.5e3, {"z": null}], "w": "\ud83d\ude00"},)"
               R"( "sentiment": 0.4, "tags": ["a", true, false], "": 1)"),
          &in)
          .ok());
  EXPECT_EQ(in.id, "tw-1");
  // Unknown fields inside an identity too.
  ASSERT_TRUE(
      ParseLine(Line(R"("identities": [{"kind": "EMAIL", "value": "a@b",)"
                     R"( "verified": true}])"),
                &in)
          .ok());
  EXPECT_EQ(in.identities[0].value, "a@b");
}

TEST(InteractionParserTest, BadJsonInsideAnUnknownFieldIsStillAnError) {
  EXPECT_THAT(Error(Line(R"("x": tru)")),
              AllOf(HasSubstr("field \"x\""), HasSubstr("bad JSON")));
  EXPECT_THAT(Error(Line(R"("x": [1, {"a": nul}])")), HasSubstr("bad JSON"));
  EXPECT_THAT(Error(Line(R"("x": "\ud83d")")), HasSubstr("bad JSON"));
  EXPECT_THAT(Error(Line(R"("x": 1e999)")), HasSubstr("bad JSON"));
}

TEST(InteractionParserTest, EnumsByNameNumberOrDigits) {
  Interaction in;
  ASSERT_TRUE(
      ParseLine(R"({"id": "a", "occurred_at": "2026-01-05T19:43:00Z",)"
                R"( "channel": 8, "direction": "2", "disposition": 1.0,)"
                R"( "contact": {"kind": 6, "value": "573001234567"},)"
                R"( "identities": [{"kind": "+09", "value": "x"}]})",
                &in)
          .ok());
  EXPECT_EQ(in.channel, Channel::kWhatsapp);
  EXPECT_EQ(in.direction, Direction::kOutbound);
  EXPECT_EQ(in.disposition, Disposition::kResolved);
  EXPECT_EQ(in.contact.kind, IdentityKind::kWhatsapp);
  EXPECT_EQ(in.identities[0].kind, IdentityKind::kAccount);
}

TEST(InteractionParserTest, NullMeansNotGiven) {
  Interaction in;
  ASSERT_TRUE(
      ParseLine(Line(R"("text": null, "disposition": null,)"
                     R"( "identities": [null, {"kind": "EMAIL"}, null],)"
                     R"( "reply_to": "r", "reply_to": null)"),
                &in)
          .ok());
  EXPECT_EQ(in.text, "");
  EXPECT_EQ(in.disposition, Disposition::kUnspecified);
  ASSERT_THAT(in.identities, SizeIs(1));
  EXPECT_EQ(in.identities[0].kind, IdentityKind::kEmail);
  EXPECT_EQ(in.reply_to, "r");  // null does not clear, as in protobuf
}

TEST(InteractionParserTest, RepeatedKeysFollowProtobuf) {
  Interaction in;
  ASSERT_TRUE(ParseLine(Line(R"("text": "a", "text": "b",)"
                             R"( "identities": [{"value": "1"}],)"
                             R"( "identities": [{"value": "2"}])"),
                        &in)
                  .ok());
  EXPECT_EQ(in.text, "b");                // the last wins
  EXPECT_THAT(in.identities, SizeIs(2));  // lists append
  // A message given twice merges.
  ASSERT_TRUE(
      ParseLine(R"({"id": "a", "occurred_at": "2026-01-05T19:43:00Z",)"
                R"( "channel": "SMS", "direction": "INBOUND",)"
                R"( "contact": {"kind": "PHONE"}, "contact": {"value": "1"}})",
                &in)
          .ok());
  EXPECT_EQ(in.contact, (Identity{IdentityKind::kPhone, "1"}));
}

TEST(InteractionParserTest, StringEscapes) {
  Interaction in;
  ASSERT_TRUE(ParseLine(Line(R"("text": "q\" b\\ s\/ \b\f\n\r\t \u00e9\u4e2d )"
                             R"(\ud83d\ude00 \u0000 é中😀")"),
                        &in)
                  .ok());
  EXPECT_EQ(in.text, absl::StrCat("q\" b\\ s/ \b\f\n\r\t é中 😀 ",
                                  std::string(1, '\0'), " é中😀"));
}

TEST(InteractionParserTest, TimesWithOffsetsAndFractions) {
  struct Case {
    std::string_view text;
    absl::Time want;
  };
  const Case cases[] = {
      {"2026-01-05T19:43:00Z", At(2026, 1, 5, 19, 43, 0)},
      {"2026-01-05T19:43:00+01:00", At(2026, 1, 5, 18, 43, 0)},
      {"2026-01-05T19:43:00-05:30", At(2026, 1, 6, 1, 13, 0)},
      {"2026-01-05T19:43:00-00:00", At(2026, 1, 5, 19, 43, 0)},
      {"2026-01-05t19:43:00z", At(2026, 1, 5, 19, 43, 0)},
      {"2026-01-05T19:43:00.5Z",
       At(2026, 1, 5, 19, 43, 0) + absl::Milliseconds(500)},
      {"2026-01-05T19:43:00.123456789+02:00",
       At(2026, 1, 5, 17, 43, 0) + absl::Nanoseconds(123456789)},
      // Digits beyond nanoseconds are dropped, as protobuf does.
      {"2026-01-05T19:43:00.1234567899999Z",
       At(2026, 1, 5, 19, 43, 0) + absl::Nanoseconds(123456789)},
      {"1969-12-31T23:59:59.5Z", absl::FromUnixMillis(-500)},
      {"2024-02-29T00:00:00Z", At(2024, 2, 29, 0, 0, 0)},
      {"0001-01-01T00:00:00Z", At(1, 1, 1, 0, 0, 0)},
      {"9999-12-31T23:59:59.999999999Z",
       At(9999, 12, 31, 23, 59, 59) + absl::Nanoseconds(999999999)},
  };
  for (const Case& c : cases) {
    Interaction in;
    const std::string line =
        absl::StrCat(R"({"id": "a", "occurred_at": ")", std::string(c.text),
                     R"(", "channel": "SMS", "direction": "INBOUND",)"
                     R"( "contact": {"kind": "PHONE", "value": "1"}})");
    ASSERT_TRUE(ParseLine(line, &in).ok()) << c.text << ": " << ParseLine(line);
    EXPECT_EQ(in.occurred_at, c.want) << c.text;
  }
}

std::string WithTime(std::string_view time) {
  return absl::StrCat(R"({"id": "a", "occurred_at": )", std::string(time),
                      R"(, "channel": "SMS", "direction": "INBOUND",)"
                      R"( "contact": {"kind": "PHONE", "value": "1"}})");
}

TEST(InteractionParserTest, BadTimesNameTheValueAndTheRule) {
  struct Case {
    std::string_view text;
    std::string_view rule;
  };
  const Case cases[] = {
      {"2026-01-05", "not of the form"},
      {"2026-01-05T19:43:00", "not of the form"},
      {"2026-01-05 19:43:00Z", "not of the form"},
      {"2026-1-05T19:43:00Z", "not of the form"},
      {"2026-01-05T9:43:00Z", "not of the form"},
      {"2026-01-05T19:43:00.Z", "not of the form"},
      {"2026-01-05T19:43:00+0100", "not of the form"},
      {"2026-01-05T19:43:00+01", "not of the form"},
      {" 2026-01-05T19:43:00Z", "not of the form"},
      {"2026-01-05T19:43:00Z ", "not of the form"},
      {"+2026-01-05T19:43:00Z", "not of the form"},
      {"12026-01-05T19:43:00Z", "not of the form"},
      {"yesterday", "not of the form"},
      {"", "not of the form"},
      {"2026-13-05T19:43:00Z", "month out of range"},
      {"2026-00-05T19:43:00Z", "month out of range"},
      {"2026-02-30T19:43:00Z", "day out of range"},
      {"2023-02-29T19:43:00Z", "day out of range"},
      {"2026-01-00T19:43:00Z", "day out of range"},
      {"2026-01-05T24:00:00Z", "hour or minute out of range"},
      {"2026-01-05T19:60:00Z", "hour or minute out of range"},
      {"2026-12-31T23:59:60Z", "leap seconds"},
      {"2026-01-05T19:43:00+24:00", "offset out of range"},
      {"2026-01-05T19:43:00+01:60", "offset out of range"},
      {"0000-01-01T00:00:00Z", "year 0000"},
      {"0001-01-01T00:00:00+01:00", "outside the Timestamp range"},
      {"9999-12-31T23:59:59-01:00", "outside the Timestamp range"},
  };
  for (const Case& c : cases) {
    EXPECT_THAT(Error(WithTime(absl::StrCat("\"", std::string(c.text), "\""))),
                AllOf(HasSubstr("field \"occurred_at\""),
                      HasSubstr(absl::StrCat("\"", std::string(c.text), "\"")),
                      HasSubstr("is not an RFC 3339 time"),
                      HasSubstr(std::string(c.rule))))
        << c.text;
  }
  EXPECT_THAT(Error(WithTime("1767642180")),
              AllOf(HasSubstr("field \"occurred_at\""), HasSubstr("1767642180"),
                    HasSubstr("expected an RFC 3339 time")));
  EXPECT_THAT(
      Error(WithTime(R"({"seconds": 5})")),
      AllOf(HasSubstr("field \"occurred_at\""), HasSubstr("got an object")));
}

TEST(InteractionParserTest, EachMissingRequiredFieldIsNamed) {
  struct Case {
    std::string_view line;
    std::string_view field;
    std::string_view rule;
  };
  const Case cases[] = {
      {R"({"occurred_at": "2026-01-05T19:43:00Z", "channel": "SMS",)"
       R"( "direction": "INBOUND", "contact": {"kind": "PHONE", "value": "1"}})",
       "\"id\"", "not given or is empty"},
      {R"({"id": "", "occurred_at": "2026-01-05T19:43:00Z", "channel": "SMS",)"
       R"( "direction": "INBOUND", "contact": {"kind": "PHONE", "value": "1"}})",
       "\"id\"", "not given or is empty"},
      {R"({"id": null, "occurred_at": "2026-01-05T19:43:00Z", "channel": "SMS",)"
       R"( "direction": "INBOUND", "contact": {"kind": "PHONE", "value": "1"}})",
       "\"id\"", "not given or is empty"},
      {R"({"id": "a", "channel": "SMS",)"
       R"( "direction": "INBOUND", "contact": {"kind": "PHONE", "value": "1"}})",
       "\"occurred_at\"", "RFC 3339"},
      {R"({"id": "a", "occurred_at": null, "channel": "SMS",)"
       R"( "direction": "INBOUND", "contact": {"kind": "PHONE", "value": "1"}})",
       "\"occurred_at\"", "not given"},
      {R"({"id": "a", "occurred_at": "2026-01-05T19:43:00Z",)"
       R"( "direction": "INBOUND", "contact": {"kind": "PHONE", "value": "1"}})",
       "\"channel\"", "VOICE, SMS, EMAIL"},
      {R"({"id": "a", "occurred_at": "2026-01-05T19:43:00Z", "channel": 0,)"
       R"( "direction": "INBOUND", "contact": {"kind": "PHONE", "value": "1"}})",
       "\"channel\"", "CHANNEL_UNSPECIFIED"},
      {R"({"id": "a", "occurred_at": "2026-01-05T19:43:00Z",)"
       R"( "channel": "CHANNEL_UNSPECIFIED",)"
       R"( "direction": "INBOUND", "contact": {"kind": "PHONE", "value": "1"}})",
       "\"channel\"", "CHANNEL_UNSPECIFIED"},
      {R"({"id": "a", "occurred_at": "2026-01-05T19:43:00Z", "channel": "SMS",)"
       R"( "contact": {"kind": "PHONE", "value": "1"}})",
       "\"direction\"", "INBOUND, OUTBOUND"},
      {R"({"id": "a", "occurred_at": "2026-01-05T19:43:00Z", "channel": "SMS",)"
       R"( "direction": "INBOUND"})",
       "\"contact\"", "not given"},
      {R"({"id": "a", "occurred_at": "2026-01-05T19:43:00Z", "channel": "SMS",)"
       R"( "direction": "INBOUND", "contact": null})",
       "\"contact\"", "not given"},
      {R"({"id": "a", "occurred_at": "2026-01-05T19:43:00Z", "channel": "SMS",)"
       R"( "direction": "INBOUND", "contact": {"value": "1"}})",
       "\"contact.kind\"", "PHONE, EMAIL"},
      {R"({"id": "a", "occurred_at": "2026-01-05T19:43:00Z", "channel": "SMS",)"
       R"( "direction": "INBOUND", "contact": {"kind": "KIND_UNSPECIFIED",)"
       R"( "value": "1"}})",
       "\"contact.kind\"", "KIND_UNSPECIFIED"},
      {R"({"id": "a", "occurred_at": "2026-01-05T19:43:00Z", "channel": "SMS",)"
       R"( "direction": "INBOUND", "contact": {"kind": "PHONE"}})",
       "\"contact.value\"", "not given or is empty"},
      {R"({"id": "a", "occurred_at": "2026-01-05T19:43:00Z", "channel": "SMS",)"
       R"( "direction": "INBOUND", "contact": {"kind": "PHONE", "value": ""}})",
       "\"contact.value\"", "not given or is empty"},
  };
  for (const Case& c : cases) {
    EXPECT_THAT(Error(c.line),
                AllOf(HasSubstr(absl::StrCat("field ", std::string(c.field),
                                             " is required")),
                      HasSubstr(std::string(c.rule))))
        << c.line;
  }
  EXPECT_THAT(Error("{}"), HasSubstr("field \"id\" is required"));
}

TEST(InteractionParserTest, WrongJsonTypesNameFieldValueAndExpectation) {
  struct Case {
    std::string_view extra;
    std::string_view field;
    std::string_view got;
    std::string_view expected;
  };
  const Case cases[] = {
      {R"("text": 5)", "text", "got 5 (a number)", "expected a string"},
      {R"("reply_to": true)", "reply_to", "got true (a boolean)",
       "expected a string"},
      {R"("region": ["CO"])", "region", "got an array", "expected a string"},
      {R"("agentId": {"a": 1})", "agent_id", "got an object",
       "expected a string"},
      {R"("disposition": true)", "disposition", "got true (a boolean)",
       "expected a disposition name or number"},
      {R"("disposition": ["RESOLVED"])", "disposition", "got an array",
       "expected a disposition name or number"},
      {R"("identities": {"kind": "EMAIL", "value": "a@b"})", "identities",
       "got an object", "expected an array of identities"},
      {R"("identities": "a@b")", "identities", "got \"a@b\" (a string)",
       "expected an array"},
      {R"("identities": [{"kind": "EMAIL"}, "a@b"])", "identities[1]",
       "got \"a@b\" (a string)", "expected an object"},
      {R"("identities": [[]])", "identities[0]", "got an array",
       "expected an object"},
      {R"("identities": [{"kind": "EMAIL", "value": 7}])",
       "identities[0].value", "got 7 (a number)", "expected a string"},
      {R"("identities": [{"kind": false}])", "identities[0].kind",
       "got false (a boolean)", "expected an identity kind name or number"},
  };
  for (const Case& c : cases) {
    EXPECT_THAT(
        Error(Line(c.extra)),
        AllOf(HasSubstr(absl::StrCat("field \"", std::string(c.field), "\"")),
              HasSubstr(std::string(c.got)),
              HasSubstr(std::string(c.expected))))
        << c.extra;
  }
  EXPECT_THAT(Error(R"({"id": 17, "occurred_at": "2026-01-05T19:43:00Z"})"),
              AllOf(HasSubstr("field \"id\""), HasSubstr("got 17 (a number)"),
                    HasSubstr("expected a string")));
  EXPECT_THAT(Error(R"({"id": "a", "contact": "@Grace"})"),
              AllOf(HasSubstr("field \"contact\""),
                    HasSubstr("got \"@Grace\" (a string)"),
                    HasSubstr("expected an object")));
  EXPECT_THAT(Error(R"({"id": "a", "channel": null, "direction": {}})"),
              AllOf(HasSubstr("field \"direction\""),
                    HasSubstr("got an object"), HasSubstr("name or number")));
}

TEST(InteractionParserTest, UnknownEnumValuesListTheChoices) {
  EXPECT_THAT(Error(R"({"id": "a", "channel": "TWITER"})"),
              AllOf(HasSubstr("field \"channel\""), HasSubstr("\"TWITER\""),
                    HasSubstr("is not a channel"),
                    HasSubstr("expected one of VOICE, SMS, EMAIL, WEB_CHAT")));
  // Names are case-sensitive, as in protobuf.
  EXPECT_THAT(Error(R"({"id": "a", "channel": "twitter"})"),
              HasSubstr("\"twitter\" is not a channel"));
  EXPECT_THAT(Error(R"({"id": "a", "direction": "IN"})"),
              AllOf(HasSubstr("field \"direction\""),
                    HasSubstr("expected one of INBOUND, OUTBOUND")));
  EXPECT_THAT(Error(Line(R"("disposition": "CLOSED")")),
              AllOf(HasSubstr("field \"disposition\""), HasSubstr("\"CLOSED\""),
                    HasSubstr("expected one of RESOLVED")));
  EXPECT_THAT(Error(Line(R"("identities": [{"kind": "SKYPE", "value": "x"}])")),
              AllOf(HasSubstr("field \"identities[0].kind\""),
                    HasSubstr("\"SKYPE\" is not an identity kind")));
  EXPECT_THAT(Error(R"({"id": "a", "contact": {"kind": "MAIL"}})"),
              HasSubstr("field \"contact.kind\": \"MAIL\""));
  for (std::string_view number : {"99", "-1", "2147483648", "1.5", "\"18\"",
                                  "\"5.0\"", "\" 5\"", "1e10"}) {
    EXPECT_THAT(Error(absl::StrCat(R"({"id": "a", "channel": )",
                                   std::string(number), "}")),
                AllOf(HasSubstr("field \"channel\""),
                      HasSubstr(std::string(number)), HasSubstr("is not")))
        << number;
  }
}

TEST(InteractionParserTest, BadJsonIsNamed) {
  for (std::string_view line :
       {R"({"id": "a")", R"({"id": "a"]})", R"({"id" "a"})", R"({id: "a"})",
        R"({"id": 'a'})", R"({"id": "a",})", R"({"id": "a",, "x": 1})",
        R"({"text": "a\qb"})", R"({"text": "\ud83d"})", R"({"text": "\u12"})",
        "{\"text\": \"raw\ttab\"}", "\xEF\xBB\xBF{\"id\": \"a\"}",
        R"({"id": 01})"}) {
    EXPECT_THAT(Error(line), HasSubstr("bad JSON")) << line;
  }
  EXPECT_THAT(Error(Line(R"("text": "\ud83dx")")),
              AllOf(HasSubstr("field \"text\""), HasSubstr("bad JSON")));
}

TEST(InteractionParserTest, ContentAfterTheObjectIsAnError) {
  EXPECT_THAT(Error(Line() + "{}"),
              AllOf(HasSubstr("bad JSON"),
                    HasSubstr("content after the object"), HasSubstr("{}")));
  EXPECT_THAT(Error(Line() + " 5"), HasSubstr("bad JSON"));
  EXPECT_TRUE(ParseLine(Line() + " \t\r").ok());  // trailing blanks, CRLF
}

TEST(InteractionParserTest, NotAnObjectIsAnError) {
  EXPECT_THAT(Error("[1, 2]"),
              AllOf(HasSubstr("bad JSON"), HasSubstr("an array"),
                    HasSubstr("expected one JSON object")));
  EXPECT_THAT(Error("\"tw-1\""),
              HasSubstr("a string; expected one JSON object"));
  EXPECT_THAT(Error("5"), HasSubstr("expected one JSON object"));
  EXPECT_THAT(Error("null"), HasSubstr("null; expected one JSON object"));
}

// Regression: "not json" was reported as "the line is null", its first
// letter being the start of null.
TEST(InteractionParserTest, TextThatIsNoJsonIsCalledSo) {
  for (std::string_view line : {"not json", "tweet", "false alarm", "12abc"}) {
    EXPECT_THAT(Error(line), HasSubstr("bad JSON: the line is not JSON")) << line;
  }
}

// The caller skips blank lines; Parse still says what is wrong with one.
TEST(InteractionParserTest, EmptyAndBlankLinesAreErrors) {
  for (std::string_view line : {"", " ", "\t \r", "   \n  "}) {
    EXPECT_THAT(Error(line),
                AllOf(HasSubstr("bad JSON"), HasSubstr("empty or blank")))
        << "\"" << line << "\"";
  }
}

TEST(InteractionParserTest, LongValuesAreShortenedInMessages) {
  const std::string big(10000, 'x');
  for (std::string_view field : {"disposition", "identities", "occurred_at"}) {
    const std::string message = Error(
        Line(absl::StrCat("\"", std::string(field), "\": \"", big, "\"")));
    EXPECT_LT(message.size(), 300u) << message;
    EXPECT_THAT(message, HasSubstr("\"xxx"));
    EXPECT_THAT(message, HasSubstr("xxx…"));
  }
}

TEST(InteractionParserTest, InvalidUtf8InTextIsRepairedNotLost) {
  Interaction in;
  // Latin-1 "José", a lone continuation byte, a truncated 3-byte sequence, an
  // overlong '/', an encoded surrogate, and valid text around them.
  ASSERT_TRUE(ParseLine(Line("\"text\": \"Jos\xE9 \x80 \xE2\x82 \xC0\xAF "
                             "\xED\xA0\x80 ok \xE2\x82\xAC\", "
                             "\"display_name\": \"Jos\xE9\""),
                        &in)
                  .ok());
  EXPECT_EQ(
      in.text,
      "Jos\uFFFD \uFFFD \uFFFD \uFFFD\uFFFD \uFFFD\uFFFD\uFFFD ok \u20AC");
  EXPECT_EQ(in.display_name, "Jos\uFFFD");
  EXPECT_EQ(in.id, "tw-1");
  EXPECT_EQ(in.contact.value, "@Grace");
}

TEST(InteractionParserTest, InvalidUtf8ElsewhereIsRefusedOrIgnored) {
  EXPECT_THAT(
      Error("{\"id\": \"tw-\xFF\", \"occurred_at\": \"2026-01-05T19:43:00Z\", "
            "\"channel\": \"SMS\", \"direction\": \"INBOUND\", "
            "\"contact\": {\"kind\": \"PHONE\", \"value\": \"1\"}}"),
      AllOf(HasSubstr("field \"id\""), HasSubstr("invalid UTF-8"),
            HasSubstr("only text and display_name")));
  EXPECT_THAT(Error(Line("\"identities\": [{\"kind\": \"EMAIL\", "
                         "\"value\": \"ana\xE1@x.org\"}]")),
              AllOf(HasSubstr("field \"identities[0].value\""),
                    HasSubstr("invalid UTF-8")));
  EXPECT_THAT(Error(Line("\"topic\": \"f\xFCr\"")),
              HasSubstr("field \"topic\""));
  EXPECT_THAT(Error(Line("\"channel\": \"SMS\xFF\"")),
              HasSubstr("is not a channel"));
  // In an unknown field or key it is ignored like the field itself.
  Interaction in;
  EXPECT_TRUE(ParseLine(Line("\"note\": \"\xFF\", \"k\xFF\": 1"), &in).ok());
  // Outside strings it is bad JSON.
  EXPECT_THAT(Error(Line("\"text\": \xFF")), HasSubstr("bad JSON"));
}

TEST(InteractionParserTest, OneMegabyteText) {
  std::string text = "¿Qué pasó? ";
  while (text.size() < (1 << 20)) text += "Sin internet desde esta manana. ";
  Interaction in;
  InteractionParser parser;
  ASSERT_TRUE(
      parser.Parse(Line(absl::StrCat(R"("text": ")", text, "\"")), &in).ok());
  EXPECT_EQ(in.text, text);
  // And broken, so the repair path copes with the size too.
  std::string broken = text;
  broken[broken.size() / 2] = '\xFF';
  ASSERT_TRUE(
      parser.Parse(Line(absl::StrCat(R"("text": ")", broken, "\"")), &in).ok());
  EXPECT_EQ(in.text.size(), text.size() + 2);
  // The same parser still reads a short line afterwards.
  ASSERT_TRUE(parser.Parse(Line(), &in).ok());
  EXPECT_EQ(in.text, "");
}

TEST(InteractionParserTest, OutputIsClearedFirstAndParserIsReusable) {
  InteractionParser parser;
  Interaction in;
  ASSERT_TRUE(parser
                  .Parse(Line(R"("text": "t", "identities": [{"value": "1"}],)"
                              R"( "disposition": "RESOLVED")"),
                         &in)
                  .ok());
  ASSERT_FALSE(parser.Parse("{", &in).ok());
  ASSERT_TRUE(parser.Parse(Line(), &in).ok());
  EXPECT_EQ(in.text, "");
  EXPECT_TRUE(in.identities.empty());
  EXPECT_EQ(in.disposition, Disposition::kUnspecified);
  // A moved parser keeps working.
  InteractionParser moved = std::move(parser);
  EXPECT_TRUE(moved.Parse(Line(), &in).ok());
}

TEST(InteractionParserTest, ReadsEveryTestDataShape) {
  // Lines as FORMAT.md's test data writes them.
  const std::vector<std::string_view> lines = {
      R"({"id": "wh-0007593", "occurred_at": "2026-01-05T08:59:00Z", "channel": "WHATSAPP", "direction": "INBOUND", "contact": {"kind": "WHATSAPP", "value": "+573227891702"}, "text": "Me interesa mejorar mi paquete, que opciones hay?", "region": "CO"})",
      R"({"id": "em-0000795", "occurred_at": "2026-01-05T10:43:00Z", "channel": "EMAIL", "direction": "INBOUND", "contact": {"kind": "EMAIL", "value": " ava.king550@gmail.com "}, "text": "How do I cancel my plan?", "identities": [{"kind": "ACCOUNT", "value": "ac-305510"}], "display_name": "Ava King"})",
      R"({"id": "wh-0007594", "occurred_at": "2026-01-05T11:40:00Z", "channel": "WHATSAPP", "direction": "OUTBOUND", "contact": {"kind": "WHATSAPP", "value": "+573227891702"}, "text": "Lamentamos lo ocurrido", "region": "CO", "reply_to": "wh-0007593", "agent_id": "agent-5"})",
  };
  InteractionParser parser;
  for (std::string_view line : lines) {
    Interaction in;
    EXPECT_TRUE(parser.Parse(line, &in).ok()) << line;
  }
}

}  // namespace
}  // namespace threadline::jsonl
