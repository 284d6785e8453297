#include "identity/phone_territory.h"

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

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

re2::StringPiece Piece(std::string_view s) {
  return re2::StringPiece(s.data(), s.size());
}

bool Contains(const RepeatedField<int>& lengths, int length) {
  return std::find(lengths.begin(), lengths.end(), length) != lengths.end();
}

// Enough of a number to tell most patterns apart.
constexpr int kRangeLength = 6;

}  // namespace

// A metadata pattern compiled by RE2, with the range its matches lie in
// (RE2::PossibleMatchRange), so that a number most patterns cannot match
// ("646..." against a toll-free "8(00|33|...)") costs two comparisons
// instead of a regex search.
class Territory::Pattern {
 public:
  explicit Pattern(const std::string& pattern) : re_(pattern, Options()) {
    // PossibleMatchRange considers only the first copy of a repetition
    // ("*", "+"), so its range would not bound such patterns.
    ranged_ = re_.ok() && pattern.find_first_of("*+") == std::string::npos &&
              re_.PossibleMatchRange(&min_, &max_, kRangeLength);
  }

  bool ok() const { return re_.ok(); }
  const RE2& re() const { return re_; }

  // Whether the pattern matches all of `text` (RE2::FullMatch without its
  // argument handling).
  bool FullMatch(std::string_view text) const {
    if (ranged_ && (text < min_ || text > max_)) return false;
    return re_.Match(Piece(text), 0, text.size(), RE2::ANCHOR_BOTH, nullptr, 0);
  }

  // Whether the pattern may match a prefix of `text`: a prefix is never
  // greater than `text`, and when the empty string cannot match, a first
  // byte above the range's rules out every prefix.
  bool MayMatchAtStart(std::string_view text) const {
    if (!ranged_) return true;
    if (text < min_) return false;
    return min_.empty() || max_.empty() || text.empty() ||
           static_cast<unsigned char>(text[0]) <=
               static_cast<unsigned char>(max_[0]);
  }

  // The leftmost-first match at the start of `text` and its first
  // `groups` groups, in `match[0..groups]`.
  bool MatchAtStart(std::string_view text, re2::StringPiece* match,
                    int groups) const {
    return MayMatchAtStart(text) &&
           re_.Match(Piece(text), 0, text.size(), RE2::ANCHOR_START, match,
                     1 + groups);
  }

 private:
  static RE2::Options Options() {
    RE2::Options options;
    options.set_log_errors(false);
    return options;
  }

  RE2 re_;
  bool ranged_ = false;
  std::string min_;
  std::string max_;
};

struct Territory::Compiled {
  // Whether every pattern compiled. RE2 accepts all of libphonenumber
  // 8.12's patterns; a later metadata might not, and then this territory
  // answers nothing (PhonePlan asks libphonenumber instead).
  bool ok = true;
  std::array<std::unique_ptr<Pattern>, kDescCount> descs;  // null: no pattern
  std::unique_ptr<Pattern> international_prefix;
  std::unique_ptr<Pattern> national_prefix;

  std::unique_ptr<Pattern> Compile(const std::string& pattern) {
    auto compiled = std::make_unique<Pattern>(pattern);
    ok &= compiled->ok();
    return compiled;
  }
};

// number_format, compiled apart: only PhoneNumberMatcher's national prefix
// check reads it.
struct Territory::Formats {
  bool ok = true;
  struct Format {
    std::unique_ptr<Pattern> leading;  // the last leading_digits_pattern
    std::unique_ptr<Pattern> pattern;
    FormatRule rule;
  };
  std::vector<Format> formats;
};

Territory::Territory(const Metadata& metadata) : metadata_(metadata) {}
Territory::~Territory() = default;

const Territory::Compiled& Territory::compiled() const {
  absl::call_once(once_, [this] {
    auto c = std::make_unique<Compiled>();
    for (int i = 0; i < kDescCount; ++i) {
      const std::string& pattern =
          DescOf(metadata_, i).national_number_pattern();
      // An empty pattern matches nothing (RegexBasedMatcher).
      if (!pattern.empty()) c->descs[i] = c->Compile(pattern);
    }
    // Unset, the prefix is "", which libphonenumber's Consume matches.
    c->international_prefix = c->Compile(metadata_.international_prefix());
    if (!metadata_.national_prefix_for_parsing().empty()) {
      c->national_prefix = c->Compile(metadata_.national_prefix_for_parsing());
    }
    compiled_ = std::move(c);
  });
  return *compiled_;
}

const Territory::Formats& Territory::formats() const {
  absl::call_once(formats_once_, [this] {
    auto f = std::make_unique<Formats>();
    const RE2 first_group_only(
        "\\(?\\$1\\)?");  // FormattingRuleHasFirstGroupOnly
    for (const auto& format : metadata_.number_format()) {
      Formats::Format entry;
      const int leading = format.leading_digits_pattern_size();
      if (leading > 0) {
        entry.leading = std::make_unique<Pattern>(
            format.leading_digits_pattern(leading - 1));
        f->ok &= entry.leading->ok();
      }
      entry.pattern = std::make_unique<Pattern>(format.pattern());
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

bool Territory::usable() const { return compiled().ok; }

Territory::Util::PhoneNumberType Territory::TypeOf(std::string_view nsn) const {
  const Compiled& c = compiled();
  const int length = static_cast<int>(nsn.size());
  // IsNumberMatchingDesc: possible lengths first, the pattern only if they
  // allow the length.
  const auto matching = [&](int index) {
    const PhoneNumberDesc& desc = DescOf(metadata_, index);
    if (desc.possible_length_size() > 0 &&
        !Contains(desc.possible_length(), length)) {
      return false;
    }
    return c.descs[index] != nullptr && c.descs[index]->FullMatch(nsn);
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

bool Territory::IsValid(std::string_view nsn) const {
  const Compiled& c = compiled();
  const int length = static_cast<int>(nsn.size());
  // As TypeOf reads each description.
  const auto matching = [&](int index) {
    const PhoneNumberDesc& desc = DescOf(metadata_, index);
    if (desc.possible_length_size() > 0 &&
        !Contains(desc.possible_length(), length)) {
      return false;
    }
    return c.descs[index] != nullptr && c.descs[index]->FullMatch(nsn);
  };
  if (!matching(kGeneral)) return false;
  // TypeOf's order: the special types are mostly ruled out by their match
  // range before any search, and a number that is one of them is none of
  // the others.
  for (int index = kPremiumRate; index <= kFixedLine; ++index) {
    if (matching(index)) return true;
  }
  return !metadata_.same_mobile_and_fixed_line_pattern() && matching(kMobile);
}

bool Territory::AnyLength(size_t length) const {
  const PhoneNumberDesc& general = metadata_.general_desc();
  return general.possible_length_size() == 0 ||
         Contains(general.possible_length(), static_cast<int>(length));
}

bool Territory::MatchesGeneral(std::string_view nsn) const {
  const Compiled& c = compiled();
  return c.descs[kGeneral] != nullptr && c.descs[kGeneral]->FullMatch(nsn);
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
      leading_digits_ = std::make_unique<Pattern>(metadata_.leading_digits());
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

int Territory::InternationalPrefixLength(std::string_view digits) const {
  re2::StringPiece match;
  if (!compiled().international_prefix->MatchAtStart(digits, &match, 0)) {
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
  const int groups =
      std::min(c.national_prefix->re().NumberOfCapturingGroups(), 2);
  re2::StringPiece match[3];
  if (!c.national_prefix->MatchAtStart(*digits, match, groups)) {
    return Strip::kKept;
  }
  if (!metadata_.national_prefix_transform_rule().empty() && groups >= 1 &&
      !match[groups].empty()) {
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
