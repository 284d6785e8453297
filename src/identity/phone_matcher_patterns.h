// MatcherPatterns: the patterns of libphonenumber's PhoneNumberMatcher
// (phonenumbermatcher.cc, libphonenumber 8.12) compiled with RE2, for
// MatchWithPlan (phone_matcher.h). Internal to src/identity.
//
// Each question is answered as the pattern answers it, but first by a test
// of the bytes: nearly every candidate lacks a byte the pattern cannot match
// without (a "/" for a date, a "(" for brackets, a letter or ";" after it
// for an extension), and then no RE2 search runs. A byte test answers only
// "no match" and only when that is certain; otherwise RE2 decides. The
// extension pattern, which takes longer to compile than all the others
// together, is compiled on first need.
//
// Immutable once built and thread-safe.
#ifndef THREADLINE_SRC_IDENTITY_PHONE_MATCHER_PATTERNS_H_
#define THREADLINE_SRC_IDENTITY_PHONE_MATCHER_PATTERNS_H_

#include <array>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "re2/re2.h"

namespace threadline {
namespace identity_internal {

// The candidate pattern's punctuation runs: up to four characters after
// each leading bracket or plus sign, and between two blocks of digits.
inline constexpr int kPunctuationRun = 4;

// ExtensionPattern: CreateExtnPattern(for_parsing = false), the
// extensions the candidate pattern may end with, for RE2.
std::string ExtensionPattern();

class MatcherPatterns {
 public:
  // Get: the process-wide patterns, compiled on first use.
  static const MatcherPatterns& Get();

  MatcherPatterns(const MatcherPatterns&) = delete;
  MatcherPatterns& operator=(const MatcherPatterns&) = delete;

  // Whether an ASCII byte is in kValidPunctuation, or opens a candidate (a
  // bracket or "+"). False for any other byte.
  bool IsPunctuation(char c) const;
  bool IsLead(char c) const;

  // LeadGroups: whether `text` is one or two leading bracket or "+" groups
  // (FullMatch of the candidate pattern's lead).
  bool LeadGroups(std::string_view text) const;
  // ExtensionAt: whether an extension starts `rest`, the text after a
  // candidate (the candidate pattern's optional end).
  bool ExtensionAt(std::string_view rest) const;
  // SlashSeparatedDate: PartialMatch of kSlashSeparatedDates.
  bool SlashSeparatedDate(std::string_view candidate) const;
  // TimeStamp: PartialMatch of kTimeStamps on `candidate`, and
  // kTimeStampsSuffix at the start of `following`, the text after it.
  bool TimeStamp(std::string_view candidate, std::string_view following) const;
  // MatchingBrackets: FullMatch of kMatchingBrackets.
  bool MatchingBrackets(std::string_view candidate) const;
  // PubPages: PartialMatch of kPubPages.
  bool PubPages(std::string_view candidate) const;

  // The inner match patterns (kInnerMatches), in the matcher's order, and
  // whether pattern `i` may be found in `candidate` at all.
  size_t inner_count() const { return inner_.size(); }
  const RE2& inner(size_t i) const { return *inner_[i].re; }
  bool InnerMayMatch(size_t i, std::string_view candidate) const;

 private:
  MatcherPatterns();
  const RE2& Extension() const;

  // An inner match pattern and the ASCII bytes a match in ASCII text needs
  // (all of them); `never_ascii` when no ASCII text matches.
  struct Inner {
    std::unique_ptr<RE2> re;
    std::string_view needs;
    bool never_ascii = false;
  };

  const RE2 pub_pages_;
  const RE2 slash_separated_dates_;
  const RE2 time_stamps_;
  const RE2 time_stamps_suffix_;
  std::unique_ptr<RE2> matching_brackets_;
  std::unique_ptr<RE2> lead_groups_;
  std::vector<Inner> inner_;
  std::array<bool, 0x80> is_punctuation_{};
  std::array<bool, 0x80> is_lead_{};
};

}  // namespace identity_internal
}  // namespace threadline

#endif  // THREADLINE_SRC_IDENTITY_PHONE_MATCHER_PATTERNS_H_
