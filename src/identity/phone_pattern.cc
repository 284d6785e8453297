#include "identity/phone_pattern.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace threadline {
namespace identity_internal {
namespace {

// Enough of a number to tell most patterns apart: three digits rule out
// nearly as many numbers as six, and the range costs half as much to work
// out when the pattern is compiled.
constexpr int kRangeLength = 3;

re2::StringPiece Piece(std::string_view s) {
  return re2::StringPiece(s.data(), s.size());
}

RE2::Options Options() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

// Whether `a` sorts before `b`, bytes compared unsigned (as std::string
// compares them). Inline: the strings are a few bytes, and a memcmp call
// costs more than comparing them.
bool Less(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    const unsigned char x = static_cast<unsigned char>(a[i]);
    const unsigned char y = static_cast<unsigned char>(b[i]);
    if (x != y) return x < y;
  }
  return a.size() < b.size();
}

}  // namespace

MetadataPattern::MetadataPattern(const std::string& pattern)
    : re_(pattern, Options()) {
  // PossibleMatchRange considers only the first copy of a repetition ("*",
  // "+"), so its range would not bound such patterns.
  ranged_ = re_.ok() && pattern.find_first_of("*+") == std::string::npos &&
            re_.PossibleMatchRange(&min_, &max_, kRangeLength);
}

bool MetadataPattern::FullMatch(std::string_view text) const {
  if (ranged_ && (Less(text, min_) || Less(max_, text))) return false;
  // RE2::FullMatch without its argument handling.
  return re_.Match(Piece(text), 0, text.size(), RE2::ANCHOR_BOTH, nullptr, 0);
}

bool MetadataPattern::MayMatchAtStart(std::string_view text) const {
  // A prefix is never greater than `text`, and when the empty string
  // cannot match, a first byte above the range's rules out every prefix.
  if (!ranged_) return true;
  if (Less(text, min_)) return false;
  return min_.empty() || max_.empty() || text.empty() ||
         static_cast<unsigned char>(text[0]) <=
             static_cast<unsigned char>(max_[0]);
}

bool MetadataPattern::MatchAtStart(std::string_view text,
                                   re2::StringPiece* match, int groups) const {
  return MayMatchAtStart(text) &&
         re_.Match(Piece(text), 0, text.size(), RE2::ANCHOR_START, match,
                   1 + groups);
}

}  // namespace identity_internal
}  // namespace threadline
