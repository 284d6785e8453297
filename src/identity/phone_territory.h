// Territory: one entry of libphonenumber's metadata (a region such as "US",
// or a non-geographic calling code such as +800) with its patterns compiled
// by RE2, and the questions libphonenumber asks of one entry. Internal to
// src/identity; see phone_plan.h.
//
// The patterns are regular (no back-references or look-around), so RE2
// and ICU accept the same strings for them and agree on whether a pattern
// matches a whole string or a prefix. Where libphonenumber consumes a
// prefix (an IDD or national prefix), the length consumed and the groups
// captured are those of the leftmost-first (Perl) match, which RE2 and
// ICU's backtracking both give.
//
// Thread-safe: the patterns are compiled on first use, once.
#ifndef THREADLINE_SRC_IDENTITY_PHONE_TERRITORY_H_
#define THREADLINE_SRC_IDENTITY_PHONE_TERRITORY_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/base/call_once.h"
#include "identity/phone_pattern.h"
#include "phonenumbers/phonemetadata.pb.h"
#include "phonenumbers/phonenumberutil.h"

namespace threadline {
namespace identity_internal {

class Territory {
 public:
  using Util = ::i18n::phonenumbers::PhoneNumberUtil;
  using Metadata = ::i18n::phonenumbers::PhoneMetadata;

  // `metadata` must outlive the territory.
  explicit Territory(const Metadata& metadata);
  Territory(const Territory&) = delete;
  Territory& operator=(const Territory&) = delete;
  ~Territory();

  const Metadata& metadata() const { return metadata_; }
  int country_code() const { return metadata_.country_code(); }

  // The answer to a question that needs a pattern: kUnsupported when RE2
  // does not compile it. RE2 accepts all of libphonenumber 8.12's
  // patterns; a later metadata might bring one it does not, and then
  // PhonePlan asks libphonenumber. Each pattern is compiled when a question
  // first needs it: a territory compiles only what its numbers reach (a
  // fixed line number never needs the mobile pattern).
  enum class Answer { kNo, kYes, kUnsupported };

  // TypeOf: GetNumberTypeHelper(nsn, metadata), or nullopt (unsupported).
  std::optional<Util::PhoneNumberType> TypeOf(std::string_view nsn) const;

  // IsValid: whether TypeOf(nsn) is not UNKNOWN, without telling the types
  // apart: it stops at the first description that matches.
  Answer IsValid(std::string_view nsn) const;

  // AnyLength: whether the general description allows a number of `length`
  // digits (it lists no lengths, or lists this one). TypeOf is UNKNOWN
  // otherwise.
  bool AnyLength(size_t length) const;

  // MatchesGeneral: IsMatch(nsn, general_desc): the general pattern matches
  // the whole of `nsn` (kNo when the entry has no general pattern).
  Answer MatchesGeneral(std::string_view nsn) const;

  // TestLength: TestNumberLength(number, metadata) for a number of
  // `length` digits.
  Util::ValidationResult TestLength(size_t length) const;

  // LeadingDigitsMatch: sets `*match` to whether `leading_digits` matches
  // a prefix of `nsn` (GetRegionCodeForNumberFromRegionList; false when
  // there is none). Returns false when RE2 did not compile the pattern.
  bool LeadingDigitsMatch(std::string_view nsn, bool* match) const;

  // InternationalPrefixLength: sets `*length` to how many leading digits of
  // `digits` `international_prefix` matches (ParsePrefixAsIdd's Consume),
  // or -1 when it matches none. An unset prefix is "", which matches
  // nothing at the start: 0. Returns false when RE2 did not compile the
  // pattern.
  bool InternationalPrefixLength(std::string_view digits, int* length) const;

  // StripNationalPrefix: MaybeStripNationalPrefixAndCarrierCode on
  // `*digits`: kStripped when it returns true (`*digits` then lacks the
  // prefix and carrier code, possibly nothing), kKept when it returns
  // false (`*digits` unchanged), kUnsupported when it would apply
  // national_prefix_transform_rule, which is not modelled, or RE2 did not
  // compile a pattern it needs.
  enum class Strip { kStripped, kKept, kUnsupported };
  Strip StripNationalPrefix(std::string* digits) const;

  // The parts of a number_format that PhoneNumberMatcher's national prefix
  // check reads.
  struct FormatRule {
    bool has_prefix_rule = false;   // national_prefix_formatting_rule set
    bool prefix_optional = false;   // national_prefix_optional_when_formatting
    bool first_group_only = false;  // FormattingRuleHasFirstGroupOnly
  };
  // ChooseFormat: sets `*rule` to ChooseFormattingPatternForNumber(
  // number_format, nsn)'s rule, or null when no format fits; false when
  // RE2 did not compile the formats (ask libphonenumber).
  bool ChooseFormat(std::string_view nsn, const FormatRule** rule) const;

 private:
  struct Patterns;
  struct Formats;
  const Formats& formats() const;
  // Whether `pattern` (null: none, which matches nothing) matches all of
  // `text`.
  static Answer FullMatch(const LazyPattern& pattern, std::string_view text);
  // IsNumberMatchingDesc: the description's possible lengths, then its
  // pattern.
  Answer Matching(int desc, std::string_view nsn) const;

  const Metadata& metadata_;
  const std::unique_ptr<const Patterns> patterns_;
  mutable absl::once_flag formats_once_;
  mutable std::unique_ptr<const Formats> formats_;
  mutable absl::once_flag leading_once_;
  mutable std::unique_ptr<const MetadataPattern> leading_digits_;
};

}  // namespace identity_internal
}  // namespace threadline

#endif  // THREADLINE_SRC_IDENTITY_PHONE_TERRITORY_H_
