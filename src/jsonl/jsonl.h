// File: jsonl.h
// The Interaction JSON Lines codec (FORMAT.md): reads one interaction per
// line and writes interactions and linkages back, in the proto3 JSON form of
// proto/threadline/v1. Field and enum names come from the protobuf
// descriptors, so the .proto stays the one definition of the format; the
// reader is a simdjson On Demand parser rather than protobuf's JSON parser
// because it is about forty times faster (benchmarks/jsonl_benchmark.cc), and
// tests/jsonl/parity_test.cc holds the two to the same answers.
//
// Example:
//   jsonl::InteractionParser parser;
//   Interaction in;
//   if (absl::Status s = parser.Parse(line, &in); !s.ok()) { /* report */ }
//   std::string out;
//   jsonl::AppendLinkageJson(linkage, &out);
//   out.push_back('\n');
#ifndef THREADLINE_SRC_JSONL_JSONL_H_
#define THREADLINE_SRC_JSONL_JSONL_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "threadline/types.h"

namespace threadline::jsonl {

// InteractionParser: reads one Interaction JSON Lines record.
// Thread-compatible: use one per thread. It keeps its buffers from line to
// line, so reusing one parser avoids an allocation per line. Movable (a
// moved-from parser may only be assigned to or destroyed), not copyable: the
// buffers are scratch space, not state worth copying.
//
// What it accepts is proto3 JSON as protobuf's own parser reads it
// (JsonStringToMessage with unknown fields ignored): snake_case or
// lowerCamelCase keys, enums by name or number, null as "not given",
// RFC 3339 times with any offset. It is stricter where protobuf 3.21 is
// lenient beyond RFC 8259 and RFC 3339: trailing commas, single quotes,
// unquoted keys, raw control characters in strings, one-digit date fields,
// times outside the Timestamp range, an object where an array or a time
// belongs; and it refuses enum names and numbers that are not values (which
// protobuf drops silently once unknown fields are ignored). It accepts a
// lower-case "t" and "z" in times, as RFC 3339 allows and protobuf does not.
//
// Invalid UTF-8 (a broken source, e.g. Latin-1 bytes) is repaired in `text`
// and `display_name`, each invalid sequence becoming U+FFFD, so the line is
// not lost for a garbled message body. In any other field it is an error:
// replacing bytes in an id, an address or a key could make two different
// values equal and link unrelated interactions.
class InteractionParser {
 public:
  InteractionParser();
  ~InteractionParser();
  InteractionParser(InteractionParser&&) noexcept;
  InteractionParser& operator=(InteractionParser&&) noexcept;
  InteractionParser(const InteractionParser&) = delete;
  InteractionParser& operator=(const InteractionParser&) = delete;

  // Parse: fills *out (cleared first) from one line (without its newline).
  // Returns OK, or InvalidArgument whose message names the field, the value
  // and the rule for: bad JSON (including an empty or blank line, and
  // content after the object), a missing required field (id, occurred_at,
  // channel, direction, contact and its kind and value), a field of the
  // wrong JSON type, an unknown enum name or number, a bad RFC 3339 time,
  // invalid UTF-8 outside text and display_name. Unknown fields are ignored
  // (but must be valid JSON). On error *out holds unspecified content.
  [[nodiscard]] absl::Status Parse(std::string_view line, Interaction* out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// AppendInteractionJson: appends the proto3 JSON form of `in` as one line
// without newline: fields in .proto order, snake_case names as FORMAT.md
// writes them, empty and default fields omitted, enums by name, times in UTC
// ("2026-01-05T19:43:00Z", fractional seconds only when not zero). Invalid
// UTF-8 in any string is written as U+FFFD, so the output is always valid
// JSON. Parse reads back what this writes.
void AppendInteractionJson(const Interaction& in, std::string* out);

// AppendLinkageJson: appends {"interaction_id": …, "customer_id": …,
// "case_id": …, "reason": "REPLY_TO", "continued": true} as FORMAT.md shows:
// all five fields always written, so every output line has the same shape.
void AppendLinkageJson(const Linkage& in, std::string* out);

// AppendJsonString: appends `s` as a quoted JSON string: quote, backslash and
// control characters escaped, invalid UTF-8 replaced by U+FFFD, everything
// else (including non-ASCII) as is.
void AppendJsonString(std::string_view s, std::string* out);

}  // namespace threadline::jsonl

#endif  // THREADLINE_SRC_JSONL_JSONL_H_
