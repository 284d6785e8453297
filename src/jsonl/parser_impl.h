// InteractionParser::Impl: the state the JSON line reader keeps from line to
// line, and its readers of the record (parser.cc) and of each kind of field
// value (parser_fields.cc).
#ifndef THREADLINE_SRC_JSONL_PARSER_IMPL_H_
#define THREADLINE_SRC_JSONL_PARSER_IMPL_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "jsonl/jsonl.h"
#include "jsonl/parser_errors.h"
#include "jsonl/parser_tables.h"
#include "util/utf8.h"
#include "simdjson.h"
#include "threadline/types.h"

namespace threadline::jsonl {

struct InteractionParser::Impl {
  const Tables& tables = GetTables();
  od::parser parser;
  // The line copied with simdjson's padding after it; reused across lines.
  std::unique_ptr<char[]> buffer;
  size_t capacity = 0;
  // Set only for a line that had invalid UTF-8: the repaired copy and where
  // its U+FFFD replacements are.
  std::string repaired;
  std::vector<util::Utf8Repair> repairs;
  const char* base = nullptr;  // the text being parsed
  size_t size = 0;

  absl::Status Parse(std::string_view line, Interaction* out);
  simdjson::error_code Load(std::string_view text, od::document* doc);
  absl::Status ReadInteraction(od::document& doc, Interaction* out);
  absl::Status ReadString(od::value& value, const Path& path, bool repairable,
                          std::string* out);
  absl::Status ReadEnum(od::value& value, const Path& path,
                        const EnumTable& table, int* out);
  absl::Status ReadTime(od::value& value, const Path& path, absl::Time* out,
                        bool* given);
  absl::Status ReadIdentity(od::value& value, const Path& path, Identity* out,
                            bool* given);
  absl::Status ReadIdentities(od::value& value, const Path& path,
                              std::vector<Identity>* out);
  absl::Status ReadUnknown(od::value& value, const Path& path);
  bool Repaired(std::string_view token) const;
};

}  // namespace threadline::jsonl

#endif  // THREADLINE_SRC_JSONL_PARSER_IMPL_H_
