// MatchWithPlan: what libphonenumber's PhoneNumberMatcher finds in a text,
// worked out with PhonePlan instead of ICU. Internal to src/identity.
//
// PhoneNumberMatcher (libphonenumber 8.12, phonenumbermatcher.cc) finds
// candidates with one large ICU pattern, then checks each: not a date or a
// time stamp, brackets that match, not glued to a letter (VALID), parsed,
// and valid (VALID, with the national prefix when the country's format
// needs it) or possible (POSSIBLE); a candidate that fails is split at its
// separators and the parts are tried ("inner matches"). For ASCII text
// around plain candidates every one of these steps is a question PhonePlan
// answers exactly, and the candidate pattern reduces to runs of digits
// joined by at most four punctuation characters. MatchWithPlan follows the
// matcher step for step on such text and gives up (returns false) on
// anything else: non-ASCII punctuation or digits, a non-ASCII character
// next to a candidate, an "x" in one (a carrier code or an extension), an
// extension, or a candidate PhonePlan::Parse does not support. The caller
// then runs the matcher itself.
//
// Thread-safe: pure functions over the immutable PhonePlan.
#ifndef THREADLINE_SRC_IDENTITY_PHONE_MATCHER_H_
#define THREADLINE_SRC_IDENTITY_PHONE_MATCHER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "identity/phone_plan.h"
#include "identity/valid_numbers.h"

namespace threadline {
namespace identity_internal {

// One number found, as PhoneNumberMatch describes it.
struct PhoneMatch {
  size_t start = 0;  // byte offset in the text
  std::string raw;   // the text of the number (raw_string)
  PhonePlan::PhoneNumber number;
};

// PhoneNumberMatcher::Leniency values used here.
enum class MatchLeniency { kPossible, kValid };

// MatchWithPlan: sets `*matches` to every match PhoneNumberMatcher(util,
// text, region, leniency, max_tries) yields, in order, and returns true;
// returns false (and leaves `*matches` unspecified) when `text` holds
// something it does not model. `text` must be valid UTF-8. `valid`, when
// given, remembers the plan's answers to IsValidNumber.
bool MatchWithPlan(const PhonePlan& plan, std::string_view text,
                   const std::string& region, MatchLeniency leniency,
                   int max_tries, std::vector<PhoneMatch>* matches,
                   const ValidNumbers* valid = nullptr);

}  // namespace identity_internal
}  // namespace threadline

#endif  // THREADLINE_SRC_IDENTITY_PHONE_MATCHER_H_
