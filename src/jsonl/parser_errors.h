// The error messages of the JSON line reader: where a value sits (Path), how
// a value is shown (TypeName, Quote), and the InvalidArgument statuses for bad
// JSON, a value of the wrong type and a missing field, each naming the field.
#ifndef THREADLINE_SRC_JSONL_PARSER_ERRORS_H_
#define THREADLINE_SRC_JSONL_PARSER_ERRORS_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "simdjson.h"

namespace threadline::jsonl {

namespace od = ::simdjson::ondemand;

// This Abseil keeps absl::string_view apart from std::string_view.
inline absl::string_view Sv(std::string_view s) { return {s.data(), s.size()}; }

// Path: where a value sits in the line, for error messages:
// "contact.kind", "identities[2].value", "text".
struct Path {
  std::string_view parent;  // empty at top level
  int index = -1;           // element of a repeated parent, or -1
  std::string_view field;

  std::string Str() const {
    std::string s(parent);
    if (index >= 0) absl::StrAppend(&s, "[", index, "]");
    if (!field.empty()) {
      if (!s.empty()) s.push_back('.');
      s.append(field);
    }
    return s;
  }
};

// TypeName: "an object", "a string", ...: a JSON type as messages name it.
std::string_view TypeName(od::json_type t);

// Quote: `raw` (JSON text of a value) shortened for a message, cut at a
// character boundary.
std::string Quote(std::string_view raw);

// BadJson: "bad JSON: " and what simdjson found wrong.
absl::Status BadJson(simdjson::error_code e);

// BadJsonAt: BadJson in the value of the field at `path`.
absl::Status BadJsonAt(const Path& path, simdjson::error_code e);

// WrongType: the field at `path` holds `value`, of type `t`, where `expected`
// belongs; BadJsonAt when `value` is a malformed scalar.
absl::Status WrongType(const Path& path, od::value& value, od::json_type t,
                       std::string_view expected);

// Missing: the required field `path` is missing; `what` says how.
absl::Status Missing(std::string_view path, std::string_view what);

// Type: the JSON type of `value`, validating a `null` on the way (simdjson
// only looks at the first byte to tell the type).
simdjson::error_code Type(od::value& value, od::json_type* t);

// OtherType: after a typed read of `value` failed with `e`. A JSON null is
// proto3 JSON's "not given": OK, with nothing read. Anything else is an
// error naming what was expected. Reading the expected type first and
// asking for the type only when that fails saves a look at every value.
absl::Status OtherType(od::value& value, simdjson::error_code e,
                       const Path& path, std::string_view expected);

}  // namespace threadline::jsonl

#endif  // THREADLINE_SRC_JSONL_PARSER_ERRORS_H_
