// The tables of parser_tables.h and the look-up of a field by its key.
#include "jsonl/parser_tables.h"

#include <string_view>

#include "simdjson.h"

namespace threadline::jsonl {

const Tables& GetTables() {
  static const Tables* const kTables = new Tables();
  return *kTables;
}

simdjson::error_code FieldNumber(const KeyTable& keys, od::field& field,
                                 int* number, std::string_view* key) {
  const char* const p = field.key().raw();
  *number = keys.FindRaw(p);
  if (*number != 0) {
    *key = keys.Name(*number);
    return simdjson::SUCCESS;
  }
  // An unknown key, or one with escapes: unescape it and look again.
  if (auto e = field.unescaped_key().get(*key)) return e;
  *number = keys.Find(*key);
  return simdjson::SUCCESS;
}

}  // namespace threadline::jsonl
