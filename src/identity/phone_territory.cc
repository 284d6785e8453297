#include "identity/phone_territory.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "identity/phone_pattern.h"
#include "re2/re2.h"

namespace threadline {
namespace identity_internal {
namespace {

using ::google::protobuf::RepeatedField;
using ::i18n::phonenumbers::PhoneNumberDesc;

// The number descriptions in the order GetNumberTypeHelper tests them.
enum DescIndex {
  kGeneral,
  kPremiumRate,
  kTollFree,
  kSharedCost,
  kVoip,
  kPersonalNumber,
  kPager,
  kUan,
  kVoicemail,
  kFixedLine,
  kMobile,
  kDescCount,
};

const PhoneNumberDesc& DescOf(const Territory::Metadata& metadata, int index) {
  switch (index) {
    case kPremiumRate:
      return metadata.premium_rate();
    case kTollFree:
      return metadata.toll_free();
    case kSharedCost:
      return metadata.shared_cost();
    case kVoip:
      return metadata.voip();
    case kPersonalNumber:
      return metadata.personal_number();
    case kPager:
      return metadata.pager();
    case kUan:
      return metadata.uan();
    case kVoicemail:
      return metadata.voicemail();
    case kFixedLine:
      return metadata.fixed_line();
    case kMobile:
      return metadata.mobile();
    default:
      return metadata.general_desc();
  }
}

bool Contains(const RepeatedField<int>& lengths, int length) {
  return std::find(lengths.begin(), lengths.end(), length) != lengths.end();
}

// Lengths kept as bits; national numbers have at most 17 digits.
constexpr size_t kMaskedLengths = 32;

}  // namespace

struct Territory::Patterns {
  std::array<LazyPattern, kDescCount> descs;  // absent: no pattern
  // By description, bit n: whether its possible lengths allow a national
  // number of n digits (all bits when it lists none). Read before its
  // pattern, for every number.
  std::array<uint32_t, kDescCount> lengths{};
  LazyPattern international_prefix;
  LazyPattern national_prefix;
};

// number_format, compiled apart: only PhoneNumberMatcher's national prefix
// check reads it.
struct Territory::Formats {
  bool ok = true;
  struct Format {
    std::unique_ptr<MetadataPattern>
        leading;  // the last leading_digits_pattern
    std::unique_ptr<MetadataPattern> pattern;
    FormatRule rule;
  };
  std::vector<Format> formats;
};

Territory::Territory(const Metadata& metadata)
    : metadata_(metadata), patterns_([&metadata] {
        auto patterns = std::make_unique<Patterns>();
        for (int i = 0; i < kDescCount; ++i) {
          const std::string& pattern =
              DescOf(metadata, i).national_number_pattern();
          // An empty pattern matches nothing (RegexBasedMatcher).
          if (!pattern.empty()) patterns->descs[i].set(&pattern);
          const RepeatedField<int>& lengths =
              DescOf(metadata, i).possible_length();
          uint32_t mask = lengths.empty() ? ~uint32_t{0} : 0;
          for (const int length : lengths) {
            if (length >= 0 && static_cast<size_t>(length) < kMaskedLengths) {
              mask |= uint32_t{1} << length;
            }
          }
          patterns->lengths[i] = mask;
        }
        // Unset, the prefix is "", which libphonenumber's Consume matches.
        patterns->international_prefix.set(&metadata.international_prefix());
        if (!metadata.national_prefix_for_parsing().empty()) {
          patterns->national_prefix.set(
              &metadata.national_prefix_for_parsing());
        }
        return patterns;
      }()) {}

Territory::~Territory() = default;

const Territory::Formats& Territory::formats() const {
  absl::call_once(formats_once_, [this] {
    auto f = std::make_unique<Formats>();
    const RE2 first_group_only(
        "\\(?\\$1\\)?");  // FormattingRuleHasFirstGroupOnly
    for (const auto& format : metadata_.number_format()) {
      Formats::Format entry;
      const int leading = format.leading_digits_pattern_size();
      if (leading > 0) {
        entry.leading = std::make_unique<MetadataPattern>(
            format.leading_digits_pattern(leading - 1));
        f->ok &= entry.leading->ok();
      }
      entry.pattern = std::make_unique<MetadataPattern>(format.pattern());
      f->ok &= entry.pattern->ok();
      const std::string& rule = format.national_prefix_formatting_rule();
      entry.rule.has_prefix_rule = !rule.empty();
      entry.rule.prefix_optional =
          format.national_prefix_optional_when_formatting();
      entry.rule.first_group_only =
          rule.empty() || RE2::FullMatch(rule, first_group_only);
      f->formats.push_back(std::move(entry));
    }
    formats_ = std::move(f);
  });
  return *formats_;
}

Territory::Answer Territory::FullMatch(const LazyPattern& pattern,
                                       std::string_view text) {
  if (!pattern.present()) return Answer::kNo;
  const MetadataPattern& compiled = pattern.get();
  if (!compiled.ok()) return Answer::kUnsupported;
  return compiled.FullMatch(text) ? Answer::kYes : Answer::kNo;
}

Territory::Answer Territory::Matching(int desc, std::string_view nsn) const {
  if (nsn.size() < kMaskedLengths) {
    if ((patterns_->lengths[desc] >> nsn.size() & 1) == 0) return Answer::kNo;
  } else {
    const PhoneNumberDesc& description = DescOf(metadata_, desc);
    if (description.possible_length_size() > 0 &&
        !Contains(description.possible_length(),
                  static_cast<int>(nsn.size()))) {
      return Answer::kNo;
    }
  }
  return FullMatch(patterns_->descs[desc], nsn);
}

std::optional<Territory::Util::PhoneNumberType> Territory::TypeOf(
    std::string_view nsn) const {
  // The descriptions in GetNumberTypeHelper's order, and what each says.
  static constexpr std::pair<int, Util::PhoneNumberType> kTypes[] = {
      {kPremiumRate, Util::PREMIUM_RATE},
      {kTollFree, Util::TOLL_FREE},
      {kSharedCost, Util::SHARED_COST},
      {kVoip, Util::VOIP},
      {kPersonalNumber, Util::PERSONAL_NUMBER},
      {kPager, Util::PAGER},
      {kUan, Util::UAN},
      {kVoicemail, Util::VOICEMAIL},
  };
  Answer answer = Matching(kGeneral, nsn);
  if (answer != Answer::kYes) {
    if (answer == Answer::kUnsupported) return std::nullopt;
    return Util::UNKNOWN;
  }
  for (const auto& [desc, type] : kTypes) {
    answer = Matching(desc, nsn);
    if (answer == Answer::kUnsupported) return std::nullopt;
    if (answer == Answer::kYes) return type;
  }
  const bool same = metadata_.same_mobile_and_fixed_line_pattern();
  answer = Matching(kFixedLine, nsn);
  if (answer == Answer::kUnsupported) return std::nullopt;
  if (answer == Answer::kYes) {
    if (same) return Util::FIXED_LINE_OR_MOBILE;
    answer = Matching(kMobile, nsn);
    if (answer == Answer::kUnsupported) return std::nullopt;
    return answer == Answer::kYes ? Util::FIXED_LINE_OR_MOBILE
                                  : Util::FIXED_LINE;
  }
  if (same) return Util::UNKNOWN;
  answer = Matching(kMobile, nsn);
  if (answer == Answer::kUnsupported) return std::nullopt;
  return answer == Answer::kYes ? Util::MOBILE : Util::UNKNOWN;
}

Territory::Answer Territory::IsValid(std::string_view nsn) const {
  const Answer general = Matching(kGeneral, nsn);
  if (general != Answer::kYes) return general;
  // TypeOf's order: the special types are mostly ruled out by their match
  // range before any search, and a number that is one of them is none of
  // the others.
  for (int desc = kPremiumRate; desc <= kFixedLine; ++desc) {
    const Answer answer = Matching(desc, nsn);
    if (answer != Answer::kNo) return answer;
  }
  if (metadata_.same_mobile_and_fixed_line_pattern()) return Answer::kNo;
  return Matching(kMobile, nsn);
}

bool Territory::AnyLength(size_t length) const {
  const PhoneNumberDesc& general = metadata_.general_desc();
  return general.possible_length_size() == 0 ||
         Contains(general.possible_length(), static_cast<int>(length));
}

Territory::Answer Territory::MatchesGeneral(std::string_view nsn) const {
  return FullMatch(patterns_->descs[kGeneral], nsn);
}

Territory::Util::ValidationResult Territory::TestLength(size_t length) const {
  // TestNumberLength with type UNKNOWN reads the general description.
  const PhoneNumberDesc& general = metadata_.general_desc();
  const RepeatedField<int>& lengths = general.possible_length();
  if (lengths.empty() || lengths.Get(0) == -1) return Util::INVALID_LENGTH;
  const int actual = static_cast<int>(length);
  if (Contains(general.possible_length_local_only(), actual)) {
    return Util::IS_POSSIBLE_LOCAL_ONLY;
  }
  if (lengths.Get(0) == actual) return Util::IS_POSSIBLE;
  if (lengths.Get(0) > actual) return Util::TOO_SHORT;
  if (lengths.Get(lengths.size() - 1) < actual) return Util::TOO_LONG;
  return Contains(lengths, actual) ? Util::IS_POSSIBLE : Util::INVALID_LENGTH;
}

bool Territory::LeadingDigitsMatch(std::string_view nsn, bool* match) const {
  // Compiled apart: a number of +1 is checked against 24 regions' leading
  // digits, and compiling each region whole for that would cost more than
  // reading the number.
  absl::call_once(leading_once_, [this] {
    if (metadata_.has_leading_digits()) {
      leading_digits_ =
          std::make_unique<MetadataPattern>(metadata_.leading_digits());
    }
  });
  if (leading_digits_ == nullptr) {
    *match = false;
    return true;
  }
  if (!leading_digits_->ok()) return false;
  *match = leading_digits_->MatchAtStart(nsn, nullptr, -1);
  return true;
}

bool Territory::InternationalPrefixLength(std::string_view digits,
                                          int* length) const {
  const MetadataPattern& prefix = patterns_->international_prefix.get();
  if (!prefix.ok()) return false;
  re2::StringPiece match;
  *length = prefix.MatchAtStart(digits, &match, 0)
                ? static_cast<int>(match.size())
                : -1;
  return true;
}

Territory::Strip Territory::StripNationalPrefix(std::string* digits) const {
  if (digits->empty() || !patterns_->national_prefix.present()) {
    return Strip::kKept;
  }
  const MetadataPattern& prefix = patterns_->national_prefix.get();
  if (!prefix.ok()) return Strip::kUnsupported;
  // The prefix pattern captures the carrier code in its first group and,
  // with a transform rule, the part the rule keeps in its second (or only)
  // group; the Consume calls that read them fail when there are fewer
  // groups.
  const int groups = std::min(prefix.re().NumberOfCapturingGroups(), 2);
  re2::StringPiece match[3];
  if (!prefix.MatchAtStart(*digits, match, groups)) return Strip::kKept;
  if (!metadata_.national_prefix_transform_rule().empty() && groups >= 1 &&
      !match[groups].empty()) {
    return Strip::kUnsupported;
  }
  const std::string stripped = digits->substr(match[0].size());
  // A number that fits the general pattern keeps its digits unless it
  // still fits without them.
  const Answer whole = MatchesGeneral(*digits);
  if (whole == Answer::kUnsupported) return Strip::kUnsupported;
  if (whole == Answer::kYes) {
    const Answer rest = MatchesGeneral(stripped);
    if (rest == Answer::kUnsupported) return Strip::kUnsupported;
    if (rest == Answer::kNo) return Strip::kKept;
  }
  *digits = stripped;
  return Strip::kStripped;
}

bool Territory::ChooseFormat(std::string_view nsn,
                             const FormatRule** rule) const {
  const Formats& f = formats();
  if (!f.ok) return false;
  *rule = nullptr;
  for (const Formats::Format& format : f.formats) {
    if (format.leading != nullptr &&
        !format.leading->MatchAtStart(nsn, nullptr, -1)) {
      continue;
    }
    if (format.pattern->FullMatch(nsn)) {
      *rule = &format.rule;
      break;
    }
  }
  return true;
}

}  // namespace identity_internal
}  // namespace threadline
