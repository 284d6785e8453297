// InteractionParser: a simdjson On Demand reader of one Interaction JSON line.
//
// Field names and numbers come from the v1::Interaction and v1::Identity
// descriptors (both the snake_case name and the lowerCamelCase json_name that
// proto3 JSON accepts), enum names from the generated *_Name functions, so
// adding a field or an enum value to the .proto cannot leave this reader
// behind unnoticed: tests/jsonl/parity_test.cc compares it with protobuf's own
// JSON parser.
//
// This file reads a line and the record in it, with its required fields;
// parser_fields.cc reads each field's value.
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "jsonl/jsonl.h"
#include "jsonl/parser_errors.h"
#include "jsonl/parser_impl.h"
#include "jsonl/parser_tables.h"
#include "util/utf8.h"
#include "simdjson.h"
#include "threadline/status_macros.h"
#include "threadline/v1/interaction.pb.h"

namespace threadline::jsonl {
namespace {

// Whether the document is a scalar of type `t` and nothing else.
bool IsWholeScalar(od::document& doc, od::json_type t) {
  simdjson::error_code e = simdjson::SUCCESS;
  switch (t) {
    case od::json_type::null: {
      bool is_null = false;
      e = doc.is_null().get(is_null);
      if (!e && !is_null) return false;
      break;
    }
    case od::json_type::boolean: {
      bool b = false;
      e = doc.get_bool().get(b);
      break;
    }
    case od::json_type::number: {
      double d = 0;
      e = doc.get_double().get(d);
      break;
    }
    case od::json_type::string: {
      std::string_view s;
      e = doc.get_string().get(s);
      break;
    }
    default:
      return true;  // arrays: the type is certain
  }
  return !e;  // a root scalar is read only when nothing follows it
}

// Clear: empties `in` keeping the strings' capacity for the next line.
void Clear(Interaction* in) {
  in->id.clear();
  in->occurred_at = absl::InfinitePast();
  in->channel = Channel::kUnspecified;
  in->direction = Direction::kUnspecified;
  in->contact.kind = IdentityKind::kUnspecified;
  in->contact.value.clear();
  in->identities.clear();
  for (std::string* s :
       {&in->text, &in->reply_to, &in->thread_id, &in->external_ref, &in->topic,
        &in->agent_id, &in->language, &in->region, &in->display_name}) {
    s->clear();
  }
  in->disposition = Disposition::kUnspecified;
}

}  // namespace

simdjson::error_code InteractionParser::Impl::Load(std::string_view text,
                                                   od::document* doc) {
  const size_t need = text.size() + simdjson::SIMDJSON_PADDING;
  if (capacity < need) {
    capacity = std::max(need, 2 * capacity);
    buffer = std::make_unique<char[]>(capacity);
  }
  std::memcpy(buffer.get(), text.data(), text.size());
  std::memset(buffer.get() + text.size(), 0, simdjson::SIMDJSON_PADDING);
  base = buffer.get();
  size = text.size();
  return parser.iterate(buffer.get(), text.size(), capacity).get(*doc);
}

absl::Status InteractionParser::Impl::Parse(std::string_view line,
                                            Interaction* out) {
  Clear(out);
  repairs.clear();
  od::document doc;
  simdjson::error_code e = Load(line, &doc);
  if (e == simdjson::UTF8_ERROR) {
    // simdjson refuses a document with invalid UTF-8 anywhere, but FORMAT.md
    // allows it in text from a broken source and the line must not be lost:
    // replace each invalid sequence with U+FFFD and parse the repaired copy.
    // ReadString then refuses a replacement outside text and display_name.
    util::RepairUtf8(line, &repaired, &repairs);
    e = Load(repaired, &doc);
  }
  if (e == simdjson::EMPTY) {
    return absl::InvalidArgumentError(
        "bad JSON: the line is empty or blank; expected one JSON object");
  }
  if (e) return BadJson(e);
  return ReadInteraction(doc, out);
}

bool InteractionParser::Impl::Repaired(std::string_view token) const {
  const size_t begin = token.data() - base, end = begin + token.size();
  auto it = std::lower_bound(
      repairs.begin(), repairs.end(), begin,
      [](const util::Utf8Repair& r, size_t pos) { return r.end <= pos; });
  return it != repairs.end() && it->begin < end;
}

absl::Status InteractionParser::Impl::ReadInteraction(od::document& doc,
                                                      Interaction* out) {
  od::object object;
  if (auto e = doc.get_object().get(object)) {
    if (e != simdjson::INCORRECT_TYPE) return BadJson(e);
    od::json_type t = od::json_type::null;
    (void)doc.type().get(t);
    // The type is guessed from the first byte: "not json" starts like null
    // and "tweet" like true. Name the type only when the line is one.
    if (!IsWholeScalar(doc, t)) {
      return absl::InvalidArgumentError(
          "bad JSON: the line is not JSON; expected one JSON object");
    }
    return absl::InvalidArgumentError(
        absl::StrCat("bad JSON: the line is ", Sv(TypeName(t)),
                     "; expected one JSON object"));
  }
  const KeyTable& keys = tables.interaction;
  bool time_given = false, contact_given = false;
  int channel = 0, direction = 0, disposition = 0;
  for (auto result : object) {
    if (result.error()) return BadJson(result.error());
    od::field&& field = std::move(result).value_unsafe();  // no copy
    std::string_view key;
    int number = 0;
    if (auto e = FieldNumber(keys, field, &number, &key)) return BadJson(e);
    const Path path{{}, -1, number != 0 ? keys.Name(number) : key};
    od::value& value = field.value();
    switch (number) {
      case v1::Interaction::kIdFieldNumber:
        THREADLINE_RETURN_IF_ERROR(ReadString(value, path, false, &out->id));
        break;
      case v1::Interaction::kOccurredAtFieldNumber:
        THREADLINE_RETURN_IF_ERROR(
            ReadTime(value, path, &out->occurred_at, &time_given));
        break;
      case v1::Interaction::kChannelFieldNumber:
        THREADLINE_RETURN_IF_ERROR(
            ReadEnum(value, path, tables.channel, &channel));
        break;
      case v1::Interaction::kDirectionFieldNumber:
        THREADLINE_RETURN_IF_ERROR(
            ReadEnum(value, path, tables.direction, &direction));
        break;
      case v1::Interaction::kContactFieldNumber:
        THREADLINE_RETURN_IF_ERROR(
            ReadIdentity(value, path, &out->contact, &contact_given));
        break;
      case v1::Interaction::kIdentitiesFieldNumber:
        THREADLINE_RETURN_IF_ERROR(
            ReadIdentities(value, path, &out->identities));
        break;
      case v1::Interaction::kTextFieldNumber:
        THREADLINE_RETURN_IF_ERROR(ReadString(value, path, true, &out->text));
        break;
      case v1::Interaction::kReplyToFieldNumber:
        THREADLINE_RETURN_IF_ERROR(
            ReadString(value, path, false, &out->reply_to));
        break;
      case v1::Interaction::kThreadIdFieldNumber:
        THREADLINE_RETURN_IF_ERROR(
            ReadString(value, path, false, &out->thread_id));
        break;
      case v1::Interaction::kExternalRefFieldNumber:
        THREADLINE_RETURN_IF_ERROR(
            ReadString(value, path, false, &out->external_ref));
        break;
      case v1::Interaction::kTopicFieldNumber:
        THREADLINE_RETURN_IF_ERROR(ReadString(value, path, false, &out->topic));
        break;
      case v1::Interaction::kAgentIdFieldNumber:
        THREADLINE_RETURN_IF_ERROR(
            ReadString(value, path, false, &out->agent_id));
        break;
      case v1::Interaction::kLanguageFieldNumber:
        THREADLINE_RETURN_IF_ERROR(
            ReadString(value, path, false, &out->language));
        break;
      case v1::Interaction::kRegionFieldNumber:
        THREADLINE_RETURN_IF_ERROR(
            ReadString(value, path, false, &out->region));
        break;
      case v1::Interaction::kDisplayNameFieldNumber:
        THREADLINE_RETURN_IF_ERROR(
            ReadString(value, path, true, &out->display_name));
        break;
      case v1::Interaction::kDispositionFieldNumber:
        THREADLINE_RETURN_IF_ERROR(
            ReadEnum(value, path, tables.disposition, &disposition));
        break;
      default:
        THREADLINE_RETURN_IF_ERROR(ReadUnknown(value, path));
    }
  }
  // On Demand stops at the end of the object; anything after it is an error.
  const char* rest = nullptr;
  if (doc.current_location().get(rest) == simdjson::SUCCESS) {
    return absl::InvalidArgumentError(
        absl::StrCat("bad JSON: content after the object: ",
                     Quote(std::string_view(rest, base + size - rest))));
  }
  out->channel = static_cast<Channel>(channel);
  out->direction = static_cast<Direction>(direction);
  out->disposition = static_cast<Disposition>(disposition);

  // Required fields. proto3 JSON cannot tell an empty value from an absent
  // one, so an empty id or a *_UNSPECIFIED enum counts as missing too.
  const auto n = [&keys](int number) { return keys.Name(number); };
  if (out->id.empty()) {
    return Missing(n(v1::Interaction::kIdFieldNumber),
                   "it was not given or is empty");
  }
  if (!time_given) {
    return Missing(n(v1::Interaction::kOccurredAtFieldNumber),
                   "it was not given (an RFC 3339 time such as "
                   "\"2026-01-05T19:43:00Z\")");
  }
  const auto enum_missing = [](const EnumTable& table) {
    return absl::StrCat("it was not given or is ", Sv(table.NameOf(0)),
                        "; expected one of ", table.expected());
  };
  if (channel == 0) {
    return Missing(n(v1::Interaction::kChannelFieldNumber),
                   enum_missing(tables.channel));
  }
  if (direction == 0) {
    return Missing(n(v1::Interaction::kDirectionFieldNumber),
                   enum_missing(tables.direction));
  }
  const std::string_view contact = n(v1::Interaction::kContactFieldNumber);
  if (!contact_given) {
    return Missing(contact,
                   "it was not given (the customer's address on the channel, "
                   "{\"kind\": …, \"value\": …})");
  }
  if (out->contact.kind == IdentityKind::kUnspecified) {
    return Missing(
        absl::StrCat(Sv(contact), ".",
                     Sv(tables.identity.Name(v1::Identity::kKindFieldNumber))),
        enum_missing(tables.kind));
  }
  if (out->contact.value.empty()) {
    return Missing(
        absl::StrCat(Sv(contact), ".",
                     Sv(tables.identity.Name(v1::Identity::kValueFieldNumber))),
        "it was not given or is empty");
  }
  return absl::OkStatus();
}

InteractionParser::InteractionParser() : impl_(std::make_unique<Impl>()) {}
InteractionParser::~InteractionParser() = default;
InteractionParser::InteractionParser(InteractionParser&&) noexcept = default;
InteractionParser& InteractionParser::operator=(InteractionParser&&) noexcept =
    default;

absl::Status InteractionParser::Parse(std::string_view line, Interaction* out) {
  return impl_->Parse(line, out);
}

}  // namespace threadline::jsonl
