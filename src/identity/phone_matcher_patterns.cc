#include "identity/phone_matcher_patterns.h"

#include <memory>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "identity/value_text.h"

namespace threadline {
namespace identity_internal {
namespace {

re2::StringPiece Piece(std::string_view s) {
  return re2::StringPiece(s.data(), s.size());
}

// PhoneNumberUtil::kValidPunctuation and kPlusChars, and the matcher's
// opening and closing brackets (private in libphonenumber 8.12).
constexpr char kValidPunctuation[] =
    "-x\xE2\x80\x90-\xE2\x80\x95\xE2\x88\x92\xE3\x83\xBC\xEF\xBC\x8D-\xEF\xBC"
    "\x8F \xC2\xA0\xC2\xAD\xE2\x80\x8B\xE2\x81\xA0\xE3\x80\x80()\xEF\xBC\x88"
    "\xEF\xBC\x89\xEF\xBC\xBB\xEF\xBC\xBD.\\[\\]/~\xE2\x81\x93\xE2\x88\xBC";
constexpr char kPlusChars[] = "+\xEF\xBC\x8B";
constexpr char kOpeningParens[] = "(\\[\xEF\xBC\x88\xEF\xBC\xBB";
constexpr char kClosingParens[] = ")\\]\xEF\xBC\x89\xEF\xBC\xBD";

// Whether an extension may start `rest`. Its alternatives start with
// ";ext=", with separators (" ", tab, ",", U+00A0) and then a label (one
// of "ext", "xtn", "anexo", "int", "x", "#", "~", case aside, or a
// non-ASCII one), or with dashes and spaces and then a digit. False only
// when none can.
bool MayStartExtension(std::string_view rest) {
  if (rest.empty()) return false;
  if (rest[0] == ';') return true;
  size_t dashes = 0;
  while (dashes < rest.size() && (rest[dashes] == '-' || rest[dashes] == ' ')) {
    ++dashes;
  }
  if (dashes > 0 && dashes < rest.size() &&
      (IsAsciiDigit(rest[dashes]) ||
       static_cast<unsigned char>(rest[dashes]) >= 0x80)) {
    return true;  // a digit, or maybe a non-ASCII one
  }
  size_t label = 0;
  while (label < rest.size()) {
    const char c = rest[label];
    if (c == ' ' || c == '\t' || c == ',') {
      ++label;
    } else if (rest.substr(label, 2) == "\xC2\xA0") {
      label += 2;
    } else {
      break;
    }
  }
  if (label == rest.size()) return false;
  const char c = rest[label];
  if (static_cast<unsigned char>(c) >= 0x80) return true;
  switch (AsciiLower(c)) {
    case 'a':
    case 'e':
    case 'i':
    case 'x':
    case '#':
    case '~':
      return true;
    default:
      return false;
  }
}

bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool Has(std::string_view text, char c) {
  return text.find(c) != std::string_view::npos;
}

bool MatchesAtStart(const RE2& re, std::string_view text) {
  return re.Match(Piece(text), 0, text.size(), RE2::ANCHOR_START, nullptr, 0);
}

}  // namespace

std::string ExtensionPattern() {
  const auto digits = [](int n) {
    return absl::StrCat("([\\p{Nd}]{1,", n, "})");
  };
  const std::string separators = "[ \xC2\xA0\\t,]*";
  const std::string after_label = "[:\\.\xEF\xBC\x8E]?[ \xC2\xA0\\t,-]*";
  const std::string explicit_labels =
      "(?:e?xt(?:ensi(?:o\xCC\x81?|\xC3\xB3))?n?|(?:\xEF\xBD\x85)?"
      "\xEF\xBD\x98\xEF\xBD\x94(?:\xEF\xBD\x8E)?|\xD0\xB4\xD0\xBE\xD0\xB1|"
      "anexo)";
  const std::string ambiguous_labels =
      "(?:[x\xEF\xBD\x98#\xEF\xBC\x83~\xEF\xBD\x9E]|int|"
      "\xEF\xBD\x89\xEF\xBD\x8E\xEF\xBD\x94)";
  return absl::StrCat("(?i)(?:;ext=", digits(20), "|", separators,
                      explicit_labels, after_label, digits(20), "#?|",
                      separators, ambiguous_labels, after_label, digits(9),
                      "#?|[- ]+", digits(6), "#)");
}

const MatcherPatterns& MatcherPatterns::Get() {
  static const MatcherPatterns* const patterns = new MatcherPatterns();
  return *patterns;
}

MatcherPatterns::MatcherPatterns()
    : pub_pages_("\\d{1,5}-+\\d{1,5}\\s{0,4}\\(\\d{1,4}"),
      slash_separated_dates_(
          "(?:(?:[0-3]?\\d/[01]?\\d)|(?:[01]?\\d/[0-3]?\\d))/(?:[12]\\d)?"
          "\\d{2}"),
      time_stamps_("[12]\\d{3}[-/]?[01]\\d[-/]?[0-3]\\d +[0-2]\\d$"),
      time_stamps_suffix_(":[0-5]\\d") {
  const std::string non_parens =
      absl::StrCat("[^", kOpeningParens, kClosingParens, "]");
  matching_brackets_ = std::make_unique<RE2>(absl::StrCat(
      "(?:[", kOpeningParens, "])?(?:", non_parens, "+[", kClosingParens, "])?",
      non_parens, "+(?:[", kOpeningParens, "]", non_parens, "+[",
      kClosingParens, "]){0,3}", non_parens, "*"));
  lead_groups_ = std::make_unique<RE2>(
      absl::StrCat("(?:[", kOpeningParens, kPlusChars, "][", kValidPunctuation,
                   "]{0,", kPunctuationRun, "}){1,2}"));
  const RE2 punctuation(absl::StrCat("[", kValidPunctuation, "]"));
  const RE2 lead(absl::StrCat("[", kOpeningParens, kPlusChars, "]"));
  for (int c = 0; c < 0x80; ++c) {
    const char s[1] = {static_cast<char>(c)};
    is_punctuation_[c] = RE2::FullMatch(re2::StringPiece(s, 1), punctuation);
    is_lead_[c] = RE2::FullMatch(re2::StringPiece(s, 1), lead);
  }
  // In ASCII, \p{Z} is the space alone.
  const struct {
    const char* pattern;
    std::string_view needs;
    bool never_ascii;
  } inner[] = {
      {"/+(.*)", "/", false},
      {"(\\([^(]*)", "(", false},
      {"(?:\\p{Z}-|-\\p{Z})\\p{Z}*(.+)", "- ", false},
      {"[\xE2\x80\x92-\xE2\x80\x95\xEF\xBC\x8D]\\p{Z}*(.+)", "", true},
      {"\\.+\\p{Z}*([^.]+)", ".", false},
      {"\\p{Z}+(\\P{Z}+)", " ", false},
  };
  for (const auto& [pattern, needs, never_ascii] : inner) {
    inner_.push_back({std::make_unique<RE2>(pattern), needs, never_ascii});
  }
}

bool MatcherPatterns::IsPunctuation(char c) const {
  const unsigned char u = static_cast<unsigned char>(c);
  return u < 0x80 && is_punctuation_[u];
}

bool MatcherPatterns::IsLead(char c) const {
  const unsigned char u = static_cast<unsigned char>(c);
  return u < 0x80 && is_lead_[u];
}

const RE2& MatcherPatterns::Extension() const {
  static const RE2* const extension = new RE2(ExtensionPattern());
  return *extension;
}

bool MatcherPatterns::LeadGroups(std::string_view text) const {
  // One bracket or plus sign alone is one lead group.
  if (text.size() == 1 && IsLead(text[0])) return true;
  return RE2::FullMatch(Piece(text), *lead_groups_);
}

bool MatcherPatterns::ExtensionAt(std::string_view rest) const {
  return MayStartExtension(rest) && MatchesAtStart(Extension(), rest);
}

bool MatcherPatterns::SlashSeparatedDate(std::string_view candidate) const {
  return Has(candidate, '/') &&
         RE2::PartialMatch(Piece(candidate), slash_separated_dates_);
}

bool MatcherPatterns::TimeStamp(std::string_view candidate,
                                std::string_view following) const {
  // The suffix needs a ":" first, the time stamp a space.
  return !following.empty() && following[0] == ':' && Has(candidate, ' ') &&
         RE2::PartialMatch(Piece(candidate), time_stamps_) &&
         MatchesAtStart(time_stamps_suffix_, following);
}

bool MatcherPatterns::MatchingBrackets(std::string_view candidate) const {
  // Without brackets, the pattern is one or more other characters.
  if (IsAscii(candidate) && !Has(candidate, '(') && !Has(candidate, ')') &&
      !Has(candidate, '[') && !Has(candidate, ']')) {
    return !candidate.empty();
  }
  return RE2::FullMatch(Piece(candidate), *matching_brackets_);
}

bool MatcherPatterns::PubPages(std::string_view candidate) const {
  return Has(candidate, '-') && Has(candidate, '(') &&
         RE2::PartialMatch(Piece(candidate), pub_pages_);
}

bool MatcherPatterns::InnerMayMatch(size_t i,
                                    std::string_view candidate) const {
  if (!IsAscii(candidate)) return true;
  const Inner& pattern = inner_[i];
  if (pattern.never_ascii) return false;
  for (char c : pattern.needs) {
    if (!Has(candidate, c)) return false;
  }
  return true;
}

}  // namespace identity_internal
}  // namespace threadline
