// The readers of one field's value of InteractionParser::Impl: strings
// (where only text and display_name may hold repaired UTF-8), enums by name
// or number, RFC 3339 times, identities, and unknown fields, which are
// validated and dropped.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "jsonl/parser_errors.h"
#include "jsonl/parser_impl.h"
#include "jsonl/parser_tables.h"
#include "jsonl/rfc3339.h"
#include "simdjson.h"
#include "threadline/status_macros.h"
#include "threadline/types.h"
#include "threadline/v1/interaction.pb.h"

namespace threadline::jsonl {
namespace {

// Unknown fields nest at most this deep: protobuf's JSON parser stops at 100
// nested messages too, and it bounds the stack ValidateUnknown uses.
constexpr int kMaxUnknownDepth = 100;

// Protobuf reads an enum given as a string of digits ("5", "+5", "05") as
// that number; so do we, for the same input to mean the same.
std::optional<int64_t> DecimalString(std::string_view s) {
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  if (i == s.size() || s.size() - i > 10) return std::nullopt;
  int64_t v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return negative ? -v : v;
}

// ValidateUnknown: walks a value of an unknown field so that bad JSON there
// is still an error (On Demand would otherwise skip it unread), as it is for
// protobuf.
simdjson::error_code ValidateUnknown(od::value value, int depth) {
  if (depth > kMaxUnknownDepth) return simdjson::DEPTH_ERROR;
  od::json_type t;
  if (auto e = Type(value, &t)) return e;
  switch (t) {
    case od::json_type::object: {
      od::object object;
      if (auto e = value.get_object().get(object)) return e;
      for (auto result : object) {
        od::field field;
        if (auto e = std::move(result).get(field)) return e;
        std::string_view key;
        if (auto e = field.unescaped_key().get(key)) return e;
        if (auto e = ValidateUnknown(field.value(), depth + 1)) return e;
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::array: {
      od::array array;
      if (auto e = value.get_array().get(array)) return e;
      for (auto result : array) {
        od::value element;
        if (auto e = std::move(result).get(element)) return e;
        if (auto e = ValidateUnknown(element, depth + 1)) return e;
      }
      return simdjson::SUCCESS;
    }
    case od::json_type::string:
      return value.get_string().error();
    case od::json_type::number:
      // get_double reads every JSON number, also integers beyond 64 bits.
      return value.get_double().error();
    case od::json_type::boolean:
      return value.get_bool().error();
    case od::json_type::null:
      return simdjson::SUCCESS;  // validated by Type
  }
  return simdjson::INCORRECT_TYPE;
}

}  // namespace

absl::Status InteractionParser::Impl::ReadString(od::value& value,
                                                 const Path& path,
                                                 bool repairable,
                                                 std::string* out) {
  if (!repairs.empty() && !repairable && Repaired(value.raw_json_token())) {
    return absl::InvalidArgumentError(absl::StrCat(
        "field \"", path.Str(), "\": ", Quote(value.raw_json_token()),
        " has invalid UTF-8 (shown as U+FFFD); only text and display_name may, "
        "since a repaired id or address could equal another"));
  }
  std::string_view s;
  if (auto e = value.get_string().get(s)) {
    return OtherType(value, e, path, "a string");
  }
  out->assign(s.data(), s.size());
  return absl::OkStatus();
}

absl::Status InteractionParser::Impl::ReadEnum(od::value& value,
                                               const Path& path,
                                               const EnumTable& table,
                                               int* out) {
  const std::string_view raw = value.raw_json_token();  // before it is read
  std::optional<int64_t> number;
  std::string_view s;
  simdjson::error_code e = value.get_string().get(s);
  if (e == simdjson::SUCCESS) {
    if (std::optional<int> v = table.FindName(s)) {
      *out = *v;
      return absl::OkStatus();
    }
    number = DecimalString(s);
    if (!number) {
      return absl::InvalidArgumentError(
          absl::StrCat("field \"", path.Str(), "\": ", Quote(raw), " is not ",
                       table.a_noun(), "; expected one of ", table.expected()));
    }
  } else if (e == simdjson::INCORRECT_TYPE) {
    od::json_type t;
    if ((e = Type(value, &t))) return BadJsonAt(path, e);
    if (t == od::json_type::null) return absl::OkStatus();
    if (t != od::json_type::number) {
      return WrongType(path, value, t,
                       absl::StrCat(table.a_noun(), " name or number"));
    }
    // JSON does not tell 5 from 5.0 or 50e-1; protobuf takes all three.
    od::number n;
    if ((e = value.get_number().get(n))) return BadJsonAt(path, e);
    if (n.is_int64()) {
      number = n.get_int64();
    } else if (n.is_double() && n.get_double() >= -2147483648.0 &&
               n.get_double() <= 2147483647.0 &&
               n.get_double() == static_cast<int64_t>(n.get_double())) {
      number = static_cast<int64_t>(n.get_double());
    }
  } else {
    return BadJsonAt(path, e);
  }
  if (!number || !table.IsValid(*number)) {
    return absl::InvalidArgumentError(
        absl::StrCat("field \"", path.Str(), "\": ", Quote(raw),
                     " is not the number of ", table.a_noun(),
                     "; expected one of ", table.expected(), " or its number"));
  }
  *out = static_cast<int>(*number);
  return absl::OkStatus();
}

absl::Status InteractionParser::Impl::ReadTime(od::value& value,
                                               const Path& path,
                                               absl::Time* out, bool* given) {
  const std::string_view raw = value.raw_json_token();  // before it is read
  std::string_view s;
  if (auto e = value.get_string().get(s)) {
    return OtherType(value, e, path,
                     "an RFC 3339 time such as \"2026-01-05T19:43:00Z\"");
  }
  std::string_view why;
  if (!ParseRfc3339(s, out, &why)) {
    return absl::InvalidArgumentError(
        absl::StrCat("field \"", path.Str(), "\": ", Quote(raw),
                     " is not an RFC 3339 time: ", Sv(why)));
  }
  *given = true;
  return absl::OkStatus();
}

absl::Status InteractionParser::Impl::ReadIdentity(od::value& value,
                                                   const Path& path,
                                                   Identity* out, bool* given) {
  od::object object;
  if (auto e = value.get_object().get(object)) {
    return OtherType(value, e, path, "an object {\"kind\": …, \"value\": …}");
  }
  *given = true;
  // Fields are set, not reset: a repeated key merges into what is there, as
  // protobuf merges a message given twice.
  for (auto result : object) {
    if (result.error()) return BadJsonAt(path, result.error());
    od::field&& field = std::move(result).value_unsafe();
    std::string_view key;
    int number = 0;
    if (auto e = FieldNumber(tables.identity, field, &number, &key)) {
      return BadJsonAt(path, e);
    }
    const Path child{path.parent.empty() ? path.field : path.parent, path.index,
                     number != 0 ? tables.identity.Name(number) : key};
    switch (number) {
      case v1::Identity::kKindFieldNumber: {
        int kind = static_cast<int>(out->kind);
        THREADLINE_RETURN_IF_ERROR(
            ReadEnum(field.value(), child, tables.kind, &kind));
        out->kind = static_cast<IdentityKind>(kind);
        break;
      }
      case v1::Identity::kValueFieldNumber:
        THREADLINE_RETURN_IF_ERROR(
            ReadString(field.value(), child, false, &out->value));
        break;
      default:
        THREADLINE_RETURN_IF_ERROR(ReadUnknown(field.value(), child));
    }
  }
  return absl::OkStatus();
}

absl::Status InteractionParser::Impl::ReadIdentities(
    od::value& value, const Path& path, std::vector<Identity>* out) {
  od::array array;
  if (auto e = value.get_array().get(array)) {
    return OtherType(value, e, path, "an array of identities");
  }
  int index = 0;
  for (auto result : array) {
    const Path at{path.field, index++, {}};
    if (result.error()) return BadJsonAt(at, result.error());
    od::value&& element = std::move(result).value_unsafe();
    // A null element is skipped, as protobuf does.
    bool given = false;
    out->emplace_back();
    THREADLINE_RETURN_IF_ERROR(ReadIdentity(element, at, &out->back(), &given));
    if (!given) out->pop_back();
  }
  return absl::OkStatus();
}

absl::Status InteractionParser::Impl::ReadUnknown(od::value& value,
                                                  const Path& path) {
  if (auto e = ValidateUnknown(value, 0)) return BadJsonAt(path, e);
  return absl::OkStatus();
}

}  // namespace threadline::jsonl
