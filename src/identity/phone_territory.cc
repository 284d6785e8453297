#include "identity/phone_territory.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "re2/re2.h"
#include "re2/set.h"

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
    case kPremiumRate: return metadata.premium_rate();
    case kTollFree: return metadata.toll_free();
    case kSharedCost: return metadata.shared_cost();
    case kVoip: return metadata.voip();
    case kPersonalNumber: return metadata.personal_number();
    case kPager: return metadata.pager();
    case kUan: return metadata.uan();
    case kVoicemail: return metadata.voicemail();
    case kFixedLine: return metadata.fixed_line();
    case kMobile: return metadata.mobile();
    default: return metadata.general_desc();
  }
}

re2::StringPiece Piece(std::string_view s) {
  return re2::StringPiece(s.data(), s.size());
}

RE2::Options QuietOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

bool MatchesAtStart(const RE2& re, std::string_view text) {
  return re.Match(Piece(text), 0, text.size(), RE2::ANCHOR_START, nullptr, 0);
}

bool Contains(const RepeatedField<int>& lengths, int length) {
  return std::find(lengths.begin(), lengths.end(), length) != lengths.end();
}

}  // namespace

struct Territory::Compiled {
  // Whether every pattern compiled. RE2 accepts all of libphonenumber
  // 8.12's patterns; a later metadata might not, and then this territory
  // answers nothing (PhonePlan asks libphonenumber instead).
  bool ok = true;
  // One RE2 per number description with a pattern (null without one), and
  // all of them in one set, so that the type of a number costs one pass.
  std::array<std::unique_ptr<RE2>, kDescCount> descs;
  std::unique_ptr<RE2::Set> set;
  std::vector<int> set_to_desc;
  std::unique_ptr<RE2> leading_digits;
  std::unique_ptr<RE2> international_prefix;
  std::unique_ptr<RE2> national_prefix;
  struct Format {
    std::unique_ptr<RE2> leading;  // the last leading_digits_pattern
    std::unique_ptr<RE2> pattern;
    FormatRule rule;
  };
  std::vector<Format> formats;

  std::unique_ptr<RE2> Compile(const std::string& pattern) {
    auto re = std::make_unique<RE2>(pattern, QuietOptions());
    ok &= re->ok();
    return re;
  }

  // Bit i set: description i's pattern matches all of `nsn`.
  uint32_t FullMatches(std::string_view nsn) const {
    thread_local std::vector<int> hits;
    RE2::Set::ErrorInfo error;
    uint32_t mask = 0;
    if (set->Match(Piece(nsn), &hits, &error)) {
      for (int i : hits) mask |= 1u << set_to_desc[i];
    } else if (error.kind != RE2::Set::kNoError) {
      // The set's DFA ran out of memory: ask the patterns one by one.
      for (int i = 0; i < kDescCount; ++i) {
        if (descs[i] != nullptr && RE2::FullMatch(Piece(nsn), *descs[i])) {
          mask |= 1u << i;
        }
      }
    }
    return mask;
  }
};

Territory::Territory(const Metadata& metadata) : metadata_(metadata) {}
Territory::~Territory() = default;

const Territory::Compiled& Territory::compiled() const {
  absl::call_once(once_, [this] {
    auto c = std::make_unique<Compiled>();
    c->set = std::make_unique<RE2::Set>(QuietOptions(), RE2::ANCHOR_BOTH);
    for (int i = 0; i < kDescCount; ++i) {
      const std::string& pattern =
          DescOf(metadata_, i).national_number_pattern();
      // An empty pattern matches nothing (RegexBasedMatcher).
      if (pattern.empty()) continue;
      c->descs[i] = c->Compile(pattern);
      c->ok &= c->set->Add(pattern, nullptr) >= 0;
      c->set_to_desc.push_back(i);
    }
    c->ok &= c->set->Compile();
    if (metadata_.has_leading_digits()) {
      c->leading_digits = c->Compile(metadata_.leading_digits());
    }
    // Unset, the prefix is "", which libphonenumber's Consume matches.
    c->international_prefix = c->Compile(metadata_.international_prefix());
    if (!metadata_.national_prefix_for_parsing().empty()) {
      c->national_prefix = c->Compile(metadata_.national_prefix_for_parsing());
    }
    const RE2 first_group_only("\\(?\\$1\\)?");  // FormattingRuleHasFirstGroupOnly
    for (const auto& format : metadata_.number_format()) {
      Compiled::Format f;
      const int leading = format.leading_digits_pattern_size();
      if (leading > 0) {
        f.leading = c->Compile(format.leading_digits_pattern(leading - 1));
      }
      f.pattern = c->Compile(format.pattern());
      const std::string& rule = format.national_prefix_formatting_rule();
      f.rule.has_prefix_rule = !rule.empty();
      f.rule.prefix_optional =
          format.national_prefix_optional_when_formatting();
      f.rule.first_group_only =
          rule.empty() || RE2::FullMatch(rule, first_group_only);
      c->formats.push_back(std::move(f));
    }
    compiled_ = std::move(c);
  });
  return *compiled_;
}

bool Territory::usable() const { return compiled().ok; }

Territory::Util::PhoneNumberType Territory::TypeOf(std::string_view nsn) const {
  const Compiled& c = compiled();
  const int length = static_cast<int>(nsn.size());
  bool matched = false;
  uint32_t full_matches = 0;
  // IsNumberMatchingDesc: possible lengths first, the pattern only if they
  // allow the length.
  const auto matching = [&](int index) {
    const PhoneNumberDesc& desc = DescOf(metadata_, index);
    if (desc.possible_length_size() > 0 &&
        !Contains(desc.possible_length(), length)) {
      return false;
    }
    if (c.descs[index] == nullptr) return false;
    if (!matched) {
      full_matches = c.FullMatches(nsn);
      matched = true;
    }
    return (full_matches >> index & 1) != 0;
  };
  if (!matching(kGeneral)) return Util::UNKNOWN;
  if (matching(kPremiumRate)) return Util::PREMIUM_RATE;
  if (matching(kTollFree)) return Util::TOLL_FREE;
  if (matching(kSharedCost)) return Util::SHARED_COST;
  if (matching(kVoip)) return Util::VOIP;
  if (matching(kPersonalNumber)) return Util::PERSONAL_NUMBER;
  if (matching(kPager)) return Util::PAGER;
  if (matching(kUan)) return Util::UAN;
  if (matching(kVoicemail)) return Util::VOICEMAIL;
  const bool same = metadata_.same_mobile_and_fixed_line_pattern();
  if (matching(kFixedLine)) {
    if (same || matching(kMobile)) return Util::FIXED_LINE_OR_MOBILE;
    return Util::FIXED_LINE;
  }
  if (!same && matching(kMobile)) return Util::MOBILE;
  return Util::UNKNOWN;
}

bool Territory::MatchesGeneral(std::string_view nsn) const {
  const Compiled& c = compiled();
  return c.descs[kGeneral] != nullptr &&
         RE2::FullMatch(Piece(nsn), *c.descs[kGeneral]);
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

bool Territory::LeadingDigitsMatch(std::string_view nsn) const {
  const Compiled& c = compiled();
  return c.leading_digits != nullptr && MatchesAtStart(*c.leading_digits, nsn);
}

int Territory::InternationalPrefixLength(std::string_view digits) const {
  re2::StringPiece match;
  if (!compiled().international_prefix->Match(Piece(digits), 0, digits.size(),
                                              RE2::ANCHOR_START, &match, 1)) {
    return -1;
  }
  return static_cast<int>(match.size());
}

Territory::Strip Territory::StripNationalPrefix(std::string* digits) const {
  const Compiled& c = compiled();
  if (digits->empty() || c.national_prefix == nullptr) return Strip::kKept;
  // The prefix pattern captures the carrier code in its first group and,
  // with a transform rule, the part the rule keeps in its second (or only)
  // group; the Consume calls that read them fail when there are fewer
  // groups.
  const int groups = c.national_prefix->NumberOfCapturingGroups();
  re2::StringPiece match[3];
  if (!c.national_prefix->Match(Piece(*digits), 0, digits->size(),
                                RE2::ANCHOR_START, match,
                                1 + std::min(groups, 2))) {
    return Strip::kKept;
  }
  if (!metadata_.national_prefix_transform_rule().empty() && groups >= 1 &&
      !match[groups >= 2 ? 2 : 1].empty()) {
    return Strip::kUnsupported;
  }
  const std::string stripped = digits->substr(match[0].size());
  // A number that fits the general pattern keeps its digits unless it
  // still fits without them.
  if (MatchesGeneral(*digits) && !MatchesGeneral(stripped)) {
    return Strip::kKept;
  }
  *digits = stripped;
  return Strip::kStripped;
}

const Territory::FormatRule* Territory::ChooseFormat(
    std::string_view nsn) const {
  for (const Compiled::Format& format : compiled().formats) {
    if (format.leading != nullptr && !MatchesAtStart(*format.leading, nsn)) {
      continue;
    }
    if (RE2::FullMatch(Piece(nsn), *format.pattern)) return &format.rule;
  }
  return nullptr;
}

}  // namespace identity_internal
}  // namespace threadline
