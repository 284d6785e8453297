// The names the JSON line reader looks up, built once from the v1
// descriptors and the generated enum functions: the JSON keys of Interaction
// and Identity (snake_case and lowerCamelCase) and the names of their enums.
// Immutable once built; thread-safe to read.
#ifndef THREADLINE_SRC_JSONL_PARSER_TABLES_H_
#define THREADLINE_SRC_JSONL_PARSER_TABLES_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "simdjson.h"
#include "threadline/v1/interaction.pb.h"

namespace threadline::jsonl {

namespace od = ::simdjson::ondemand;
namespace v1 = ::threadline::v1;
using ::google::protobuf::Descriptor;
using ::google::protobuf::FieldDescriptor;

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

// Tables: the tables of v1::Interaction and v1::Identity.
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

// GetTables: the one instance, built on first use.
const Tables& GetTables();

// FieldNumber: the number of the field of `keys` that `field` names, or 0
// for an unknown key, with *key set to the key (for error messages).
simdjson::error_code FieldNumber(const KeyTable& keys, od::field& field,
                                 int* number, std::string_view* key);

}  // namespace threadline::jsonl

#endif  // THREADLINE_SRC_JSONL_PARSER_TABLES_H_
