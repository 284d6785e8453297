// The .proto is the one definition of the format: these tests hold the fast
// reader and writer of src/jsonl to protobuf's own JSON mapping
// (google::protobuf::util::JsonStringToMessage and MessageToJsonString, with
// model::FromProto / ToProto), on lines generated from the descriptors, so a
// field added to interaction.proto is exercised without touching this file.
//
// Where Parse deliberately differs from protobuf 3.21, the generated case
// says so (Case::we_refuse); see InteractionParser in jsonl.h:
//   - protobuf accepts what is not JSON (trailing commas, single quotes,
//     unquoted keys, raw control characters in strings, "\x41"), an object
//     where an array or a Timestamp belongs, one-digit date fields, and times
//     outside the Timestamp range once the offset is applied;
//   - with unknown fields ignored, protobuf also drops unknown enum names and
//     keeps enum numbers without a name; Parse refuses both.
// And Parse accepts "t" and "z" in times, which protobuf refuses: such cases
// are compared with protobuf reading the upper-case form (Case::reference).
#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/reflection.h"
#include "google/protobuf/timestamp.pb.h"
#include "google/protobuf/util/json_util.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "jsonl/jsonl.h"
#include "model/convert.h"
#include "threadline/types.h"
#include "threadline/v1/interaction.pb.h"

namespace threadline::jsonl {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::EnumDescriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::Reflection;
using ::testing::HasSubstr;

// One generated line.
struct Case {
  std::string line;        // what Parse reads
  std::string reference;   // what protobuf reads: `line`, times upper-cased
  bool we_refuse = false;  // protobuf 3.21 may accept it; Parse must not
  std::vector<std::string> notes;  // what the generator did, for failures
};

// A JSON value and, when it differs, its reference form for protobuf.
struct Value {
  std::string json;
  std::string reference;
};

Value Same(std::string json) { return {json, json}; }

class Generator {
 public:
  explicit Generator(uint32_t seed) : rng_(seed) {}

  Case Next() {
    case_ = Case();
    std::vector<std::pair<Value, Value>> members;  // key, value
    const Descriptor* d = v1::Interaction::descriptor();
    for (int i = 0; i < d->field_count(); ++i) {
      const FieldDescriptor* f = d->field(i);
      const bool required = IsRequired(f);
      // Required fields are mostly there, optional ones half the time.
      if (Chance(required ? 0.985 : 0.5)) {
        members.emplace_back(Same(Quoted(KeyOf(f))), ValueOf(f));
      }
      if (Chance(0.02)) {  // the same key again: the last wins
        members.emplace_back(Same(Quoted(KeyOf(f))), ValueOf(f));
      }
    }
    const int unknown = Chance(0.3) ? 1 + Below(3) : 0;
    for (int i = 0; i < unknown; ++i) {
      static const char* const kKeys[] = {
          "x",           "sentiment", "ReplyTo", "occurred", "id_",
          "channelName", "tags",      "Text",    "identity"};
      members.emplace_back(Same(Quoted(kKeys[Below(9)])), Same(AnyJson(3)));
      case_.notes.push_back("unknown field");
    }
    std::shuffle(members.begin(), members.end(), rng_);
    std::string line = "{", reference = "{";
    for (size_t i = 0; i < members.size(); ++i) {
      const std::string sep = i > 0 ? "," : "";
      const std::string a = Space(), b = Space(), c = Space();
      line += sep + a + members[i].first.json + b + ":" + c +
              members[i].second.json;
      reference += sep + a + members[i].first.reference + b + ":" + c +
                   members[i].second.reference;
    }
    line += Space() + "}";
    reference += "}";
    case_.line = std::move(line);
    case_.reference = std::move(reference);
    MaybeBreakJson();
    return case_;
  }

 private:
  static bool IsRequired(const FieldDescriptor* f) {
    return f->number() == v1::Interaction::kIdFieldNumber ||
           f->number() == v1::Interaction::kOccurredAtFieldNumber ||
           f->number() == v1::Interaction::kChannelFieldNumber ||
           f->number() == v1::Interaction::kDirectionFieldNumber ||
           f->number() == v1::Interaction::kContactFieldNumber;
  }

  bool Chance(double p) {
    return std::uniform_real_distribution<double>(0, 1)(rng_) < p;
  }
  int Below(int n) { return static_cast<int>(rng_() % n); }

  void Refuse(std::string why) {
    case_.we_refuse = true;
    case_.notes.push_back(std::move(why));
  }

  std::string Space() {
    static const char* const kSpaces[] = {"",   "",   "",   " ",
                                          "  ", "\t", "\r", "\n"};
    return kSpaces[Below(8)];
  }

  static std::string Quoted(std::string_view s) {
    return absl::StrCat("\"", std::string(s), "\"");
  }

  // snake_case, or the lowerCamelCase json_name proto3 JSON also accepts.
  std::string KeyOf(const FieldDescriptor* f) {
    return Chance(0.3) ? f->json_name() : f->name();
  }

  Value ValueOf(const FieldDescriptor* f) {
    if (Chance(0.01)) return Same("null");
    if (f->is_repeated()) return RepeatedOf(f);
    switch (f->type()) {
      case FieldDescriptor::TYPE_STRING:
        return Same(StringValue(f));
      case FieldDescriptor::TYPE_ENUM:
        return Same(EnumValue(f->enum_type()));
      case FieldDescriptor::TYPE_MESSAGE:
        if (f->message_type() == google::protobuf::Timestamp::descriptor()) {
          return TimeValue();
        }
        return Same(MessageValue(f->message_type()));
      default:
        ADD_FAILURE() << "no generator for field " << f->full_name();
        return Same("null");
    }
  }

  Value RepeatedOf(const FieldDescriptor* f) {
    if (Chance(0.03)) {
      Refuse(absl::StrCat(f->name(), ": an object, not an array"));
      return Same(ObjectOf(f->message_type()));
    }
    if (Chance(0.02)) return Same(WrongType(/*object_ok=*/false));
    std::vector<std::string> elements;
    const int n = Below(4);
    for (int i = 0; i < n; ++i) {
      if (Chance(0.05)) {
        elements.push_back("null");  // skipped, as protobuf does
      } else if (Chance(0.02)) {
        Refuse(absl::StrCat(f->name(), ": an array element"));
        elements.push_back("[]");
      } else if (Chance(0.02)) {
        elements.push_back(absl::StrCat(Below(9)));  // both refuse
      } else {
        elements.push_back(ObjectOf(f->message_type()));
      }
    }
    return Same(absl::StrCat("[", Space(), absl::StrJoin(elements, ", "),
                             Space(), "]"));
  }

  std::string MessageValue(const Descriptor* d) {
    if (Chance(0.03)) return WrongType(/*object_ok=*/false);
    return ObjectOf(d);
  }

  std::string ObjectOf(const Descriptor* d) {
    std::vector<std::string> members;
    for (int i = 0; i < d->field_count(); ++i) {
      const FieldDescriptor* f = d->field(i);
      if (!Chance(0.93)) continue;
      members.push_back(
          absl::StrCat(Quoted(KeyOf(f)), ":", Space(), ValueOf(f).json));
    }
    if (Chance(0.1)) members.push_back(absl::StrCat("\"note\": ", AnyJson(2)));
    std::shuffle(members.begin(), members.end(), rng_);
    return absl::StrCat("{", absl::StrJoin(members, ", "), "}");
  }

  // A value, mostly of a JSON type the field does not take.
  std::string WrongType(bool object_ok) {
    static const char* const kValues[] = {"5",  "-1.5",    "true",  "false",
                                          "[]", "[\"a\"]", "\"s\"", "{}"};
    return kValues[Below(object_ok ? 8 : 7)];
  }

  std::string StringValue(const FieldDescriptor* f) {
    if (Chance(0.01)) return WrongType(/*object_ok=*/true);
    if (Chance(0.02)) return "\"\"";
    return Quoted(f->name() == "id" || Chance(0.5) ? Text(3) + "x" : Text(12));
  }

  // String content in JSON: plain text, every escape, raw UTF-8.
  std::string Text(int max_pieces) {
    static const char* const kPieces[] = {
        "a",
        "Grace",
        " ",
        "0",
        "-",
        "@",
        "\\\"",
        "\\\\",
        "\\/",
        "\\b",
        "\\f",
        "\\n",
        "\\r",
        "\\t",
        "\\u00e9",
        "\\u4E2D",
        "\\ud83d\\ude00",
        "\\u0000",
        "é",
        "中",
        "😀",
        "\\u2028",
        "ñ",
    };
    std::string s;
    const int n = 1 + Below(max_pieces);
    for (int i = 0; i < n; ++i) {
      if (Chance(0.001)) {
        s += "\\ud83d";  // a lone surrogate: both refuse
      } else if (Chance(0.0005)) {
        s += "\\x41";
        Refuse("\\x escape");
      } else if (Chance(0.0005)) {
        s += "\t";
        Refuse("raw control character in a string");
      } else {
        s += kPieces[Below(sizeof(kPieces) / sizeof(kPieces[0]))];
      }
    }
    return s;
  }

  std::string EnumValue(const EnumDescriptor* e) {
    const int n = e->value_count();
    const auto* v = e->value(Chance(0.05) ? 0 : 1 + Below(n - 1));
    const int number = v->number();
    if (Chance(0.6)) return Quoted(v->name());
    switch (Below(25)) {
      case 0:
        return absl::StrCat(number);
      case 1:
        return absl::StrCat(number, ".0");
      case 2:
        return absl::StrCat(number * 10, "e-1");
      case 3:
        return absl::StrCat("\"", number, "\"");
      case 4:
        return absl::StrCat("\"+0", number, "\"");
      case 5:
        if (Chance(0.5)) {
          Refuse(absl::StrCat(e->name(), ": unknown name"));
          static const char* const kNames[] = {"\"TWITER\"", "\"twitter\"",
                                               "\"\"", "\" 5\"", "\"inbound\""};
          return kNames[Below(5)];
        }
        Refuse(absl::StrCat(e->name(), ": number without a name"));
        return Chance(0.5) ? "99" : "-1";
      case 6:
        if (Chance(0.3)) return "1.5";  // both refuse
        if (Chance(0.3)) return "true";
        return "[]";
      default:
        return Quoted(v->name());
    }
  }

  Value TimeValue() {
    if (Chance(0.01)) {
      if (Chance(0.5)) {
        Refuse("object for a Timestamp");
        return Same("{}");
      }
      return Same("1767642180");
    }
    if (Chance(0.03)) {
      // Both refuse.
      static const char* const kBad[] = {
          "2026-13-05T19:43:00Z",
          "2026-02-30T19:43:00Z",
          "2023-02-29T00:00:00Z",
          "2026-01-05T24:00:00Z",
          "2026-01-05T19:43:60Z",
          "2026-01-05T19:43:00+24:00",
          "2026-01-05T19:43:00+01:60",
          "2026-01-05T19:43:00",
          "2026-01-05T19:43:00+0100",
          "2026-01-05 19:43:00Z",
          "2026-01-05T19:43:00.Z",
          " 2026-01-05T19:43:00Z",
          "2026-01-05T19:43:00Z ",
          "0000-01-01T00:00:00Z",
          "+2026-01-05T19:43:00Z",
          "yesterday",
          "",
          "2026-01-05T19:43:00ZZ",
      };
      return Same(Quoted(kBad[Below(sizeof(kBad) / sizeof(kBad[0]))]));
    }
    if (Chance(0.01)) {
      // Protobuf 3.21 accepts these; RFC 3339 or the Timestamp range does
      // not.
      static const char* const kLenient[] = {
          "2026-1-05T19:43:00Z",       "2026-01-5T19:43:00Z",
          "2026-01-05T9:43:00Z",       "2026-01-05T19:4:00Z",
          "2026-01-05T19:43:00+1:00",  "226-01-05T19:43:00Z",
          "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-00:01",
      };
      Refuse("time protobuf 3.21 reads leniently");
      return Same(
          Quoted(kLenient[Below(sizeof(kLenient) / sizeof(kLenient[0]))]));
    }
    const int year = Chance(0.9) ? 1960 + Below(100) : 1000 + Below(2000);
    const int month = 1 + Below(12);
    const int day = 1 + Below(month == 2 ? 28 : 30);
    std::string t =
        absl::StrFormat("%04d-%02d-%02dT%02d:%02d:%02d", year, month, day,
                        Below(24), Below(60), Below(60));
    if (Chance(0.4)) {
      t += ".";
      const int digits = 1 + Below(12);
      for (int i = 0; i < digits; ++i) t += static_cast<char>('0' + Below(10));
    }
    if (Chance(0.5)) {
      t += "Z";
    } else {
      t += absl::StrFormat("%c%02d:%02d", Chance(0.5) ? '+' : '-', Below(24),
                           Below(60));
    }
    std::string lower = t;
    if (Chance(0.05)) {
      lower = absl::AsciiStrToLower(t);  // RFC 3339 allows "t" and "z"
      case_.notes.push_back("lower-case time");
    }
    return {Quoted(lower), Quoted(t)};
  }

  // Any valid JSON value, for unknown fields.
  std::string AnyJson(int depth) {
    switch (Below(depth > 0 ? 10 : 7)) {
      case 0:
        return "null";
      case 1:
        return Chance(0.5) ? "true" : "false";
      case 2: {
        static const char* const kNumbers[] = {
            "0", "-0", "17", "-2.5e-3", "1E10", "18446744073709551616", "0.1"};
        return kNumbers[Below(7)];
      }
      case 3:
      case 4:
      case 5:
      case 6:
        return Quoted(Text(4));
      case 7:
      case 8: {
        std::vector<std::string> elements;
        for (int i = Below(4); i > 0; --i)
          elements.push_back(AnyJson(depth - 1));
        return absl::StrCat("[", absl::StrJoin(elements, ","), "]");
      }
      default: {
        std::vector<std::string> members;
        for (int i = Below(4); i > 0; --i) {
          members.push_back(
              absl::StrCat(Quoted(Text(2)), ":", AnyJson(depth - 1)));
        }
        return absl::StrCat("{", absl::StrJoin(members, ","), "}");
      }
    }
  }

  // Now and then, break the line as JSON.
  void MaybeBreakJson() {
    if (!Chance(0.03)) return;
    std::string& line = case_.line;
    std::string& reference = case_.reference;
    switch (Below(8)) {
      case 0:  // both refuse
        line.pop_back();
        reference.pop_back();
        break;
      case 1:  // both refuse
        line += " {}";
        reference += " {}";
        break;
      case 2:  // both refuse
        line.insert(line.size() - 1, ", \"x\": tru");
        reference.insert(reference.size() - 1, ", \"x\": tru");
        break;
      case 3:  // both refuse
        line.insert(1, ",");
        reference.insert(1, ",");
        break;
      case 4:
        line.insert(line.size() - 1, ",");
        reference.insert(reference.size() - 1, ",");
        Refuse("trailing comma");
        break;
      case 5:
        line.insert(1, "x: 1, ");
        reference.insert(1, "x: 1, ");
        Refuse("unquoted key");
        break;
      case 6:
        line.insert(1, "'x': 'y', ");
        reference.insert(1, "'x': 'y', ");
        Refuse("single quotes");
        break;
      default:  // both refuse
        line = line.substr(0, line.size() / 2);
        reference = line;
        break;
    }
    case_.notes.push_back("broken JSON");
  }

  std::mt19937 rng_;
  Case case_;
};

bool RequiredPresent(const v1::Interaction& m) {
  return !m.id().empty() && m.has_occurred_at() && m.channel() != 0 &&
         m.direction() != 0 && m.has_contact() && m.contact().kind() != 0 &&
         !m.contact().value().empty();
}

// Checks one case; returns false (after reporting) when Parse disagrees.
bool CheckParity(const Case& c, InteractionParser& parser, int* compared) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;  // FORMAT.md: unknown fields ignored
  v1::Interaction message;
  const auto reference = google::protobuf::util::JsonStringToMessage(
      c.reference, &message, options);
  Interaction ours;
  const absl::Status status = parser.Parse(c.line, &ours);
  const std::string context = absl::StrCat(
      "line: ", c.line, "\nnotes: ", absl::StrJoin(c.notes, "; "),
      "\nprotobuf: ", reference.ToString(), "\nParse: ", status.ToString());
  if (c.we_refuse) {
    EXPECT_FALSE(status.ok()) << context;
    return !status.ok();
  }
  const bool reference_ok = reference.ok() && RequiredPresent(message);
  EXPECT_EQ(status.ok(), reference_ok) << context;
  if (status.ok() != reference_ok) return false;
  if (reference.ok() && !RequiredPresent(message)) {
    EXPECT_THAT(std::string(status.message()), HasSubstr("is required"))
        << context;
  }
  if (status.ok()) {
    ++*compared;
    const Interaction want = model::FromProto(message);
    EXPECT_EQ(ours, want) << context;
    if (ours != want) return false;
  }
  return true;
}

TEST(ParityTest, ParseAgreesWithProtobufOnGeneratedLines) {
  Generator generator(20260105);
  InteractionParser parser;
  int compared = 0, refused = 0, failures = 0;
  constexpr int kCases = 30000;
  for (int i = 0; i < kCases && failures < 10; ++i) {
    const Case c = generator.Next();
    refused += c.we_refuse;
    if (!CheckParity(c, parser, &compared)) ++failures;
  }
  // Enough of each kind to mean something.
  EXPECT_GT(compared, kCases / 4);
  EXPECT_GT(refused, kCases / 50);
  EXPECT_EQ(failures, 0);
}

// Hand-written cases at the edges, each against protobuf.
TEST(ParityTest, EdgeCases) {
  const std::string base =
      R"("id": "a", "occurred_at": "2026-01-05T19:43:00Z", "channel": "SMS",)"
      R"( "direction": "INBOUND", "contact": {"kind": "PHONE", "value": "1"})";
  const std::vector<std::string> extras = {
      R"("channel": 5)",
      R"("channel": "5")",
      R"("channel": "+05")",
      R"("channel": 5.0)",
      R"("channel": 50e-1)",
      R"("channel": 1E0)",
      R"("channel": -0)",
      R"("channel": 0.0)",
      R"("channel": 1.5)",
      R"("channel": 2147483648)",
      R"("channel": "CHANNEL_UNSPECIFIED")",
      R"("channel": null)",
      R"("disposition": "DISPOSITION_UNSPECIFIED")",
      R"("disposition": 0)",
      R"("disposition": 1)",
      R"("id": "")",
      R"("id": null)",
      R"("id": "\u0000")",
      R"("\u0069d": "escaped key")",
      R"("occurredAt": "2026-01-05T19:43:00.5+05:30")",
      R"("occurred_at": "1969-12-31T23:59:59.999999999Z")",
      R"("occurred_at": "0001-01-01T00:00:00Z")",
      R"("occurred_at": "9999-12-31T23:59:59.999999999Z")",
      R"("occurred_at": "2026-01-05T19:43:00.1234567891234Z")",
      R"("occurred_at": "2026-01-05T23:59:59-23:59")",
      R"("occurred_at": "2024-02-29T00:00:00Z")",
      R"("occurred_at": null)",
      R"("contact": {})",
      R"("contact": null)",
      R"("contact": {"kind": "PHONE"}, "contact": {"value": "2"})",
      R"("contact": {"kind": 6, "value": "x", "extra": [1]})",
      R"("contact": {"kind": null, "value": "x"})",
      R"("identities": [])",
      R"("identities": null)",
      R"("identities": [null, {}, {"kind": "ACCOUNT"}])",
      R"("identities": [{"value": "1"}], "identities": [{"value": "2"}])",
      R"("identities": [5])",
      R"("text": "\ud83d\ude00\u00e9\/\b\f\n\r\t\"\\")",
      R"("text": "\ud83d")",
      R"("text": "\ude00")",
      R"("text": 5)",
      R"("text": ["a"])",
      R"("displayName": "D", "display_name": "d")",
      R"("ReplyTo": "unknown, wrong case")",
      R"("x": {"a": [1, 2, {"b": null}], "c": "\u00e9"})",
      R"("x": 1e400)",
      R"("x": 01)",
      R"("x": -)",
  };
  InteractionParser parser;
  int compared = 0;
  for (const std::string& extra : extras) {
    Case c;
    c.line = absl::StrCat("{", base, ", ", extra, "}");
    c.reference = c.line;
    CheckParity(c, parser, &compared);
  }
  for (std::string_view line :
       {"", " ", "{}", "[]", "5", "null", "\"x\"", "{\"id\": \"a\"} x", "{"}) {
    Case c;
    c.line = c.reference = std::string(line);
    CheckParity(c, parser, &compared);
  }
  EXPECT_GT(compared, 20);
}

// A non-default value for every field of `message`, by reflection, so a field
// added to the .proto is covered here without a change.
void SetEveryField(google::protobuf::Message* message, std::mt19937& rng,
                   int depth = 0) {
  const Descriptor* d = message->GetDescriptor();
  const Reflection* r = message->GetReflection();
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    const int count = f->is_repeated() ? 1 + rng() % 3 : 1;
    for (int n = 0; n < count; ++n) {
      switch (f->cpp_type()) {
        case FieldDescriptor::CPPTYPE_STRING: {
          const std::string v =
              absl::StrCat(f->name(), "-", rng() % 1000, " é\"\\\n中");
          f->is_repeated() ? r->AddString(message, f, v)
                           : r->SetString(message, f, v);
          break;
        }
        case FieldDescriptor::CPPTYPE_ENUM: {
          const EnumDescriptor* e = f->enum_type();
          const auto* v = e->value(1 + rng() % (e->value_count() - 1));
          f->is_repeated() ? r->AddEnum(message, f, v)
                           : r->SetEnum(message, f, v);
          break;
        }
        case FieldDescriptor::CPPTYPE_MESSAGE: {
          google::protobuf::Message* m = f->is_repeated()
                                             ? r->AddMessage(message, f)
                                             : r->MutableMessage(message, f);
          if (auto* t = dynamic_cast<google::protobuf::Timestamp*>(m)) {
            t->set_seconds(1767642180 + rng() % 100000000);
            t->set_nanos(rng() % 2 == 0 ? 0 : rng() % 1000000000);
          } else if (depth < 3) {
            SetEveryField(m, rng, depth + 1);
          }
          break;
        }
        default:
          ADD_FAILURE() << "no value for field " << f->full_name();
      }
    }
  }
}

TEST(ParityTest, ParseReadsEveryFieldProtobufWrites) {
  std::mt19937 rng(5);
  InteractionParser parser;
  for (int i = 0; i < 500; ++i) {
    v1::Interaction message;
    SetEveryField(&message, rng);
    // Leave some optional fields at their defaults, which
    // always_print_primitive_fields then writes out ("text": "").
    const Descriptor* d = message.GetDescriptor();
    for (int f = 0; f < d->field_count(); ++f) {
      const int number = d->field(f)->number();
      if (number > v1::Interaction::kContactFieldNumber && rng() % 3 == 0) {
        message.GetReflection()->ClearField(&message, d->field(f));
      }
    }
    google::protobuf::util::JsonPrintOptions options;
    options.preserve_proto_field_names = i % 2 == 0;  // snake or camel keys
    options.always_print_primitive_fields = i % 3 == 0;
    std::string json;
    ASSERT_TRUE(
        google::protobuf::util::MessageToJsonString(message, &json, options)
            .ok());
    Interaction ours;
    const absl::Status s = parser.Parse(json, &ours);
    ASSERT_TRUE(s.ok()) << s << "\n" << json;
    ASSERT_EQ(ours, model::FromProto(message)) << json;
  }
}

TEST(ParityTest, ProtobufReadsEveryFieldAppendWrites) {
  std::mt19937 rng(6);
  for (int i = 0; i < 500; ++i) {
    v1::Interaction message;
    SetEveryField(&message, rng);
    std::string json;
    AppendInteractionJson(model::FromProto(message), &json);
    v1::Interaction back;
    const auto s = google::protobuf::util::JsonStringToMessage(json, &back);
    ASSERT_TRUE(s.ok()) << s.ToString() << "\n" << json;
    std::string diff;
    google::protobuf::util::MessageDifferencer differencer;
    differencer.ReportDifferencesToString(&diff);
    ASSERT_TRUE(differencer.Compare(message, back)) << diff << "\n" << json;
  }
}

TEST(ParityTest, ProtobufReadsAppendLinkageJson) {
  const Linkage linkage{"tw-1", "c-2", "k-3", LinkReason::kSameMatter, true, {}};
  std::string json;
  AppendLinkageJson(linkage, &json);
  v1::Linkage back;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(json, &back).ok());
  const Linkage read = model::FromProto(back);
  EXPECT_EQ(read.interaction_id, linkage.interaction_id);
  EXPECT_EQ(read.customer_id, linkage.customer_id);
  EXPECT_EQ(read.case_id, linkage.case_id);
  EXPECT_EQ(read.reason, linkage.reason);
  EXPECT_EQ(read.continued, linkage.continued);
}

}  // namespace
}  // namespace threadline::jsonl
