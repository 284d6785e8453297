// The error messages of parser_errors.h.
#include "jsonl/parser_errors.h"

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "simdjson.h"

namespace threadline::jsonl {
namespace {

// Values quoted in error messages are cut to this many bytes: a 1 MB text of
// the wrong type must not become a 1 MB message.
constexpr size_t kMaxQuotedValue = 64;

}  // namespace

std::string_view TypeName(od::json_type t) {
  switch (t) {
    case od::json_type::array:
      return "an array";
    case od::json_type::object:
      return "an object";
    case od::json_type::number:
      return "a number";
    case od::json_type::string:
      return "a string";
    case od::json_type::boolean:
      return "a boolean";
    case od::json_type::null:
      return "null";
  }
  return "a value";
}

std::string Quote(std::string_view raw) {
  while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t' ||
                          raw.back() == '\r' || raw.back() == '\n')) {
    raw.remove_suffix(1);
  }
  if (raw.size() <= kMaxQuotedValue) return std::string(raw);
  size_t n = kMaxQuotedValue;
  while (n > 0 && (static_cast<unsigned char>(raw[n]) & 0xC0) == 0x80) --n;
  return absl::StrCat(Sv(raw.substr(0, n)), "…");
}

absl::Status BadJson(simdjson::error_code e) {
  return absl::InvalidArgumentError(
      absl::StrCat("bad JSON: ", simdjson::error_message(e)));
}

absl::Status BadJsonAt(const Path& path, simdjson::error_code e) {
  return absl::InvalidArgumentError(absl::StrCat(
      "field \"", path.Str(), "\": bad JSON: ", simdjson::error_message(e)));
}

absl::Status WrongType(const Path& path, od::value& value, od::json_type t,
                       std::string_view expected) {
  const std::string_view raw = value.raw_json_token();
  // A malformed scalar ("01", "tru") is bad JSON rather than a wrong type.
  simdjson::error_code e = simdjson::SUCCESS;
  if (t == od::json_type::number) e = value.get_double().error();
  if (t == od::json_type::boolean) e = value.get_bool().error();
  if (t == od::json_type::string) e = value.get_string().error();
  if (e) return BadJsonAt(path, e);
  const std::string shown =
      t == od::json_type::object || t == od::json_type::array
          ? std::string(TypeName(t))
          : absl::StrCat(Quote(raw), " (", Sv(TypeName(t)), ")");
  return absl::InvalidArgumentError(absl::StrCat(
      "field \"", path.Str(), "\": got ", shown, "; expected ", Sv(expected)));
}

absl::Status Missing(std::string_view path, std::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat("field \"", Sv(path), "\" is required; ", Sv(what)));
}

simdjson::error_code Type(od::value& value, od::json_type* t) {
  if (auto e = value.type().get(*t)) return e;
  if (*t == od::json_type::null) {
    bool is_null = false;
    if (auto e = value.is_null().get(is_null)) return e;
    if (!is_null) return simdjson::INCORRECT_TYPE;
  }
  return simdjson::SUCCESS;
}

absl::Status OtherType(od::value& value, simdjson::error_code e,
                       const Path& path, std::string_view expected) {
  if (e != simdjson::INCORRECT_TYPE) return BadJsonAt(path, e);
  od::json_type t;
  if (auto e2 = Type(value, &t)) return BadJsonAt(path, e2);
  if (t == od::json_type::null) return absl::OkStatus();
  return WrongType(path, value, t, expected);
}

}  // namespace threadline::jsonl
