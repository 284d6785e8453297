#include "identity/phone_pattern.h"

#include <string>
#include <string_view>

namespace threadline {
namespace identity_internal {
namespace {

// Enough of a number to tell most patterns apart: three digits rule out
// nearly as many numbers as six, and the range costs half as much to work
// out when the pattern is compiled.
constexpr int kRangeLength = 3;

RE2::Options Options() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

}  // namespace

MetadataPattern::MetadataPattern(const std::string& pattern)
    : re_(pattern, Options()) {
  // PossibleMatchRange considers only the first copy of a repetition ("*",
  // "+"), so its range would not bound such patterns.
  ranged_ = re_.ok() && pattern.find_first_of("*+") == std::string::npos &&
            re_.PossibleMatchRange(&min_, &max_, kRangeLength);
}

}  // namespace identity_internal
}  // namespace threadline
