// InteractionParser: a simdjson On Demand reader of one Interaction JSON line.
//
// Field names and numbers come from the v1::Interaction and v1::Identity
// descriptors (both the snake_case name and the lowerCamelCase json_name that
// proto3 JSON accepts), enum names from the generated *_Name functions, so
// adding a field or an enum value to the .proto cannot leave this reader
// behind unnoticed: tests/jsonl/parity_test.cc compares it with protobuf's own
// JSON parser.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "jsonl/jsonl.h"
#include "jsonl/rfc3339.h"
#include "jsonl/utf8.h"
#include "simdjson.h"
#include "threadline/status_macros.h"
#include "threadline/v1/interaction.pb.h"

namespace threadline::jsonl {
namespace {

namespace od = ::simdjson::ondemand;
namespace v1 = ::threadline::v1;
using ::google::protobuf::Descriptor;
using ::google::protobuf::FieldDescriptor;

// This Abseil keeps absl::string_view apart from std::string_view.
absl::string_view Sv(std::string_view s) { return {s.data(), s.size()}; }

// Values quoted in error messages are cut to this many bytes: a 1 MB text of
// the wrong type must not become a 1 MB message.
constexpr size_t kMaxQuotedValue = 64;

// Unknown fields nest at most this deep: protobuf's JSON parser stops at 100
// nested messages too, and it bounds the stack ValidateUnknown uses.
constexpr int kMaxUnknownDepth = 100;

// NameTable: name -> number. Names are few and short, so a bucket per
// length and an inline compare beat hashing each key.
class NameTable {
 public:
  void Add(const std::string& name, int number) {
    if (name.size() < kBuckets) {
      by_length_[name.size()].emplace_back(name, number);
    }
  }

  // Find: sets *number and returns true when `name` is in the table.
  bool Find(std::string_view name, int* number) const {
    if (name.size() >= kBuckets) return false;
    for (const auto& [n, v] : by_length_[name.size()]) {
      // Inline, since a call to memcmp costs more than comparing ten bytes.
      size_t i = 0;
      while (i < name.size() && n[i] == name[i]) ++i;
      if (i == name.size()) {
        *number = v;
        return true;
      }
    }
    return false;
  }

 private:
  static constexpr size_t kBuckets = 64;
  std::vector<std::pair<std::string, int>> by_length_[kBuckets];
};

// KeyTable: the JSON keys of one message, from its descriptor.
class KeyTable {
 public:
  explicit KeyTable(const Descriptor* d) {
    for (int i = 0; i < d->field_count(); ++i) {
      const FieldDescriptor* f = d->field(i);
      Add(f->name(), f->number());
      if (f->json_name() != f->name()) Add(f->json_name(), f->number());
      if (f->number() >= static_cast<int>(names_.size())) {
        names_.resize(f->number() + 1);
      }
      names_[f->number()] = f->name();
    }
  }

  // FindRaw: the field number of the key whose raw JSON (after the opening
  // quote) starts at `p`, or 0 when no field has that key as written. The
  // key's length is not known yet; comparing each key of the same first
  // letter and checking the closing quote after it avoids scanning for it.
  // A key written with escapes is not found here (see Find).
  int FindRaw(const char* p) const {
    for (const auto& [name, number] :
         by_first_[static_cast<unsigned char>(*p)]) {
      size_t i = 0;
      while (i < name.size() && name[i] == p[i]) ++i;
      if (i == name.size() && p[i] == '"') return number;
    }
    return 0;
  }

  // Find: the field number of an unescaped `key`, or 0.
  int Find(std::string_view key) const {
    int number = 0;
    return keys_.Find(key, &number) ? number : 0;
  }

  // Name: the snake_case name of field `number`, as FORMAT.md writes it.
  std::string_view Name(int number) const { return names_[number]; }

 private:
  void Add(const std::string& key, int number) {
    keys_.Add(key, number);
    // Keys longer than the padding simdjson guarantees after the document
    // are only looked up unescaped.
    if (!key.empty() && key.size() < simdjson::SIMDJSON_PADDING) {
      by_first_[static_cast<unsigned char>(key[0])].emplace_back(key, number);
    }
  }

  NameTable keys_;
  std::vector<std::pair<std::string, int>> by_first_[256];
  std::vector<std::string> names_;
};

// EnumTable: the names of one proto enum, built with its generated *_Name
// and *_IsValid functions.
class EnumTable {
 public:
  template <typename E>
  EnumTable(std::string a_noun, int min, int max, bool (*is_valid)(int),
            const std::string& (*name)(E))
      : a_noun_(std::move(a_noun)), min_(min) {
    for (int v = min; v <= max; ++v) {
      valid_.push_back(is_valid(v));
      names_.emplace_back(is_valid(v) ? name(static_cast<E>(v)) : "");
      if (!is_valid(v)) continue;
      by_name_.Add(names_.back(), v);
      if (v == 0) continue;  // *_UNSPECIFIED is never a meaningful choice
      if (!expected_.empty()) absl::StrAppend(&expected_, ", ");
      absl::StrAppend(&expected_, names_.back());
    }
  }

  std::optional<int> FindName(std::string_view name) const {
    int v = 0;
    if (!by_name_.Find(name, &v)) return std::nullopt;
    return v;
  }

  bool IsValid(int64_t number) const {
    return number >= min_ &&
           number - min_ < static_cast<int64_t>(valid_.size()) &&
           valid_[number - min_];
  }

  std::string_view NameOf(int number) const {
    return IsValid(number) ? std::string_view(names_[number - min_])
                           : std::string_view();
  }

  const std::string& a_noun() const { return a_noun_; }      // "a channel"
  const std::string& expected() const { return expected_; }  // "VOICE, SMS…"

 private:
  std::string a_noun_;
  int min_;
  std::vector<bool> valid_;         // by number - min_
  std::vector<std::string> names_;  // by number - min_
  NameTable by_name_;
  std::string expected_;
};

struct Tables {
  KeyTable interaction{v1::Interaction::descriptor()};
  KeyTable identity{v1::Identity::descriptor()};
  EnumTable channel{"a channel", v1::Interaction::Channel_MIN,
                    v1::Interaction::Channel_MAX,
                    &v1::Interaction::Channel_IsValid,
                    &v1::Interaction_Channel_Name<v1::Interaction::Channel>};
  EnumTable direction{
      "a direction", v1::Interaction::Direction_MIN,
      v1::Interaction::Direction_MAX, &v1::Interaction::Direction_IsValid,
      &v1::Interaction_Direction_Name<v1::Interaction::Direction>};
  EnumTable disposition{
      "a disposition", v1::Interaction::Disposition_MIN,
      v1::Interaction::Disposition_MAX, &v1::Interaction::Disposition_IsValid,
      &v1::Interaction_Disposition_Name<v1::Interaction::Disposition>};
  EnumTable kind{"an identity kind", v1::Identity::Kind_MIN,
                 v1::Identity::Kind_MAX, &v1::Identity::Kind_IsValid,
                 &v1::Identity_Kind_Name<v1::Identity::Kind>};
};

const Tables& GetTables() {
  static const Tables* const kTables = new Tables();
  return *kTables;
}

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

// Quote: `raw` (JSON text of a value) shortened for a message, cut at a
// character boundary.
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

// Type: the JSON type of `value`, validating a `null` on the way (simdjson
// only looks at the first byte to tell the type).
simdjson::error_code Type(od::value& value, od::json_type* t) {
  if (auto e = value.type().get(*t)) return e;
  if (*t == od::json_type::null) {
    bool is_null = false;
    if (auto e = value.is_null().get(is_null)) return e;
    if (!is_null) return simdjson::INCORRECT_TYPE;
  }
  return simdjson::SUCCESS;
}

// OtherType: after a typed read of `value` failed with `e`. A JSON null is
// proto3 JSON's "not given": OK, with nothing read. Anything else is an
// error naming what was expected. Reading the expected type first and
// asking for the type only when that fails saves a look at every value.
absl::Status OtherType(od::value& value, simdjson::error_code e,
                       const Path& path, std::string_view expected) {
  if (e != simdjson::INCORRECT_TYPE) return BadJsonAt(path, e);
  od::json_type t;
  if (auto e2 = Type(value, &t)) return BadJsonAt(path, e2);
  if (t == od::json_type::null) return absl::OkStatus();
  return WrongType(path, value, t, expected);
}

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

// FieldNumber: the number of the field of `keys` that `field` names, or 0
// for an unknown key, with *key set to the key (for error messages).
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

struct InteractionParser::Impl {
  const Tables& tables = GetTables();
  od::parser parser;
  // The line copied with simdjson's padding after it; reused across lines.
  std::unique_ptr<char[]> buffer;
  size_t capacity = 0;
  // Set only for a line that had invalid UTF-8: the repaired copy and where
  // its U+FFFD replacements are.
  std::string repaired;
  std::vector<Utf8Repair> repairs;
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
    RepairUtf8(line, &repaired, &repairs);
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
      [](const Utf8Repair& r, size_t pos) { return r.end <= pos; });
  return it != repairs.end() && it->begin < end;
}

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
