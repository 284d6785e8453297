#include "identity/phone_matcher.h"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "identity/value_text.h"
#include "re2/re2.h"

namespace threadline {
namespace identity_internal {
namespace {

using Util = PhonePlan::Util;

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
// The candidate pattern's limits: up to two leading bracket or plus groups
// each followed by up to four punctuation characters, then up to 21 blocks
// of up to 20 digits (kMaxLengthForNsn + kMaxLengthCountryCode) joined by
// up to four.
constexpr int kPunctuationRun = 4;
constexpr int kBlockDigits = 20;
constexpr int kBlocks = 20;

// CreateExtnPattern(for_parsing = false), the extensions the candidate
// pattern may end with.
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

// PhoneNumberMatcherRegExps: the matcher's own patterns, from
// phonenumbermatcher.cc.
struct MatcherPatterns {
  MatcherPatterns() {
    const std::string non_parens =
        absl::StrCat("[^", kOpeningParens, kClosingParens, "]");
    matching_brackets = std::make_unique<RE2>(absl::StrCat(
        "(?:[", kOpeningParens, "])?(?:", non_parens, "+[", kClosingParens,
        "])?", non_parens, "+(?:[", kOpeningParens, "]", non_parens, "+[",
        kClosingParens, "]){0,3}", non_parens, "*"));
    lead_groups = std::make_unique<RE2>(
        absl::StrCat("(?:[", kOpeningParens, kPlusChars, "][",
                     kValidPunctuation, "]{0,", kPunctuationRun, "}){1,2}"));
    extension = std::make_unique<RE2>(ExtensionPattern());
    const RE2 punctuation(absl::StrCat("[", kValidPunctuation, "]"));
    const RE2 lead(absl::StrCat("[", kOpeningParens, kPlusChars, "]"));
    for (int c = 0; c < 0x80; ++c) {
      const char s[1] = {static_cast<char>(c)};
      is_punctuation[c] = RE2::FullMatch(re2::StringPiece(s, 1), punctuation);
      is_lead[c] = RE2::FullMatch(re2::StringPiece(s, 1), lead);
    }
    for (const char* inner :
         {"/+(.*)", "(\\([^(]*)", "(?:\\p{Z}-|-\\p{Z})\\p{Z}*(.+)",
          "[\xE2\x80\x92-\xE2\x80\x95\xEF\xBC\x8D]\\p{Z}*(.+)",
          "\\.+\\p{Z}*([^.]+)", "\\p{Z}+(\\P{Z}+)"}) {
      inner_matches.push_back(std::make_unique<RE2>(inner));
    }
  }

  const RE2 pub_pages{"\\d{1,5}-+\\d{1,5}\\s{0,4}\\(\\d{1,4}"};
  const RE2 slash_separated_dates{
      "(?:(?:[0-3]?\\d/[01]?\\d)|(?:[01]?\\d/[0-3]?\\d))/(?:[12]\\d)?\\d{2}"};
  const RE2 time_stamps{"[12]\\d{3}[-/]?[01]\\d[-/]?[0-3]\\d +[0-2]\\d$"};
  const RE2 time_stamps_suffix{":[0-5]\\d"};
  std::unique_ptr<RE2> matching_brackets;
  std::unique_ptr<RE2> lead_groups;
  std::unique_ptr<RE2> extension;
  std::vector<std::unique_ptr<RE2>> inner_matches;
  std::array<bool, 0x80> is_punctuation{};
  std::array<bool, 0x80> is_lead{};
};

const MatcherPatterns& Patterns() {
  static const MatcherPatterns* const patterns = new MatcherPatterns();
  return *patterns;
}

bool MatchesAtStart(const RE2& re, std::string_view text) {
  return re.Match(Piece(text), 0, text.size(), RE2::ANCHOR_START, nullptr, 0);
}

// Non-ASCII code points that can be no part of a candidate: not decimal
// digits, not in kValidPunctuation, not brackets or plus signs. Accented
// Latin letters, Greek and Cyrillic, quotes and dashes of general
// punctuation other than U+2010-U+2015 and U+2053, currency and letterlike
// symbols, arrows, shapes, dingbats and emoji. Any other character makes
// the text unsupported.
bool IsInert(uint32_t c) {
  if (c >= 0x80 && c <= 0x4FF) return c != 0xA0 && c != 0xAD;
  if (c >= 0x2016 && c <= 0x205F) return c != 0x2053;
  return (c >= 0x20A0 && c <= 0x21FF) || (c >= 0x2300 && c <= 0x23FF) ||
         (c >= 0x2500 && c <= 0x27BF) || (c >= 0x2B00 && c <= 0x2BFF) ||
         (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F000 && c <= 0x1FAFF);
}

bool AllInert(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    // Malformed UTF-8 (which libphonenumber reads as nothing) is not
    // modelled either.
    if (b < 0xC2 || b > 0xF4) return false;
    const size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    if (i + n > text.size()) return false;
    uint32_t c = b & (n == 4 ? 0x07 : n == 3 ? 0x0F : 0x1F);
    for (size_t k = 1; k < n; ++k) {
      const unsigned char next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      c = c << 6 | (next & 0x3F);
    }
    if (!IsInert(c)) return false;
    i += n;
  }
  return true;
}

enum class Step { kFound, kNone, kUnsupported };

class Emulation {
 public:
  Emulation(const PhonePlan& plan, std::string_view text,
            const std::string& region, MatchLeniency leniency, int max_tries)
      : plan_(plan),
        p_(Patterns()),
        text_(text),
        region_(region),
        leniency_(leniency),
        tries_(max_tries) {}

  // PhoneNumberMatcher::Find(index).
  Step Find(size_t index, PhoneMatch* match) {
    size_t position = index;
    while (tries_ > 0) {
      size_t start = 0;
      size_t end = 0;
      const Step step = NextCandidate(position, &start, &end);
      if (step != Step::kFound) return step;
      const std::string_view candidate = text_.substr(start, end - start);
      // An "x" is a carrier code, an extension or the start of a second
      // number (kCaptureUpToSecondNumberStart).
      if (candidate.find('x') != std::string_view::npos) {
        return Step::kUnsupported;
      }
      const Step extracted = ExtractMatch(candidate, start, match);
      if (extracted != Step::kNone) return extracted;
      position = end;
      --tries_;
    }
    return Step::kNone;
  }

 private:
  bool IsPunctuation(char c) const {
    const unsigned char u = static_cast<unsigned char>(c);
    return u < 0x80 && p_.is_punctuation[u];
  }
  bool IsLead(char c) const {
    const unsigned char u = static_cast<unsigned char>(c);
    return u < 0x80 && p_.is_lead[u];
  }
  size_t DigitsAt(size_t i) const {
    size_t n = 0;
    while (i + n < text_.size() && n < kBlockDigits &&
           IsAsciiDigit(text_[i + n]))
      ++n;
    return n;
  }

  // The candidate pattern's next match at or after `from`: the leftmost
  // start from which lead groups reach a digit, then digit blocks as far
  // as they go (greedy).
  Step NextCandidate(size_t from, size_t* start, size_t* end) const {
    size_t digit = std::string_view::npos;
    for (size_t q = from; q < text_.size() && digit == std::string_view::npos;
         ++q) {
      if (IsAsciiDigit(text_[q])) {
        *start = digit = q;
      } else if (IsLead(text_[q])) {
        size_t d = q + 1;
        while (d < text_.size() && d - q <= 2 * (1 + kPunctuationRun) &&
               !IsAsciiDigit(text_[d])) {
          ++d;
        }
        if (d < text_.size() && IsAsciiDigit(text_[d]) &&
            RE2::FullMatch(Piece(text_.substr(q, d - q)), *p_.lead_groups)) {
          *start = q;
          digit = d;
        }
      }
    }
    if (digit == std::string_view::npos) return Step::kNone;
    size_t e = digit + DigitsAt(digit);
    for (int blocks = 0; blocks < kBlocks; ++blocks) {
      size_t r = 0;
      while (e + r < text_.size() && IsPunctuation(text_[e + r])) ++r;
      if (r > kPunctuationRun || e + r >= text_.size() ||
          !IsAsciiDigit(text_[e + r])) {
        break;
      }
      e += r + DigitsAt(e + r);
    }
    *end = e;
    if (MatchesAtStart(*p_.extension, text_.substr(e))) {
      return Step::kUnsupported;
    }
    return Step::kFound;
  }

  // PhoneNumberMatcher::ExtractMatch.
  Step ExtractMatch(std::string_view candidate, size_t offset,
                    PhoneMatch* match) {
    if (RE2::PartialMatch(Piece(candidate), p_.slash_separated_dates)) {
      return Step::kNone;
    }
    if (RE2::PartialMatch(Piece(candidate), p_.time_stamps) &&
        MatchesAtStart(p_.time_stamps_suffix,
                       text_.substr(offset + candidate.size()))) {
      return Step::kNone;
    }
    const Step whole = ParseAndVerify(candidate, offset, match);
    if (whole != Step::kNone) return whole;
    return ExtractInnerMatch(candidate, offset, match);
  }

  // PhoneNumberMatcher::ExtractInnerMatch.
  Step ExtractInnerMatch(std::string_view candidate, size_t offset,
                         PhoneMatch* match) {
    for (const auto& inner : p_.inner_matches) {
      re2::StringPiece input = Piece(candidate);
      re2::StringPiece group;
      bool first = true;
      while (RE2::FindAndConsume(&input, *inner, &group) && tries_ > 0) {
        const size_t group_start =
            candidate.size() - input.size() - group.size();
        if (first) {
          const Step step = ParseAndVerify(
              TrimEnd(candidate.substr(0, group_start)), offset, match);
          if (step != Step::kNone) return step;
          --tries_;
          first = false;
        }
        const Step step = ParseAndVerify(
            TrimEnd(std::string_view(group.data(), group.size())),
            offset + group_start, match);
        if (step != Step::kNone) return step;
        --tries_;
      }
    }
    return Step::kNone;
  }

  // TrimUnwantedEndChars on ASCII: drops what is not a letter, digit or #.
  static std::string_view TrimEnd(std::string_view s) {
    while (!s.empty() && !IsAsciiAlnum(s.back()) && s.back() != '#') {
      s.remove_suffix(1);
    }
    return s;
  }

  // What VALID makes of `c` next to a candidate: a Latin letter, "%" or a
  // currency symbol rejects it (kRejects); a non-ASCII character would
  // need ICU's character classes (kUnknown).
  enum class Neighbour { kAccepts, kRejects, kUnknown };
  static Neighbour Classify(char c) {
    if (static_cast<unsigned char>(c) >= 0x80) return Neighbour::kUnknown;
    return IsAsciiAlpha(c) || c == '%' || c == '$' ? Neighbour::kRejects
                                                   : Neighbour::kAccepts;
  }
  static Step Verdict(Neighbour neighbour) {
    return neighbour == Neighbour::kRejects ? Step::kNone : Step::kUnsupported;
  }

  // PhoneNumberMatcher::ParseAndVerify.
  Step ParseAndVerify(std::string_view candidate, size_t offset,
                      PhoneMatch* match) const {
    if (!RE2::FullMatch(Piece(candidate), *p_.matching_brackets) ||
        RE2::PartialMatch(Piece(candidate), p_.pub_pages)) {
      return Step::kNone;
    }
    const bool valid = leniency_ == MatchLeniency::kValid;
    if (valid && offset > 0 && !IsLead(candidate[0])) {
      const Neighbour before = Classify(text_[offset - 1]);
      if (before != Neighbour::kAccepts) return Verdict(before);
    }
    const size_t last = offset + candidate.size();
    if (valid && last < text_.size()) {
      const Neighbour after = Classify(text_[last]);
      if (after != Neighbour::kAccepts) return Verdict(after);
    }
    PhonePlan::PhoneNumber number;
    Util::ErrorType error;
    switch (plan_.Parse(candidate, region_, &number, &error)) {
      case PhonePlan::Outcome::kUnsupported:
        return Step::kUnsupported;
      case PhonePlan::Outcome::kError:
        return Step::kNone;
      case PhonePlan::Outcome::kParsed:
        break;
    }
    // Four-digit Israeli numbers count only after a "*".
    const std::vector<std::string>& regions =
        plan_.RegionsOf(number.country_code());
    if (!regions.empty() && regions.front() == "IL" &&
        plan_.Nsn(number).size() == 4 &&
        (offset == 0 || text_[offset - 1] != '*')) {
      return Step::kNone;
    }
    if (valid) {
      if (!plan_.IsValidNumber(number)) return Step::kNone;
      switch (plan_.NationalPrefixPresentIfRequired(number, candidate)) {
        case PhonePlan::Answer::kUnsupported:
          return Step::kUnsupported;
        case PhonePlan::Answer::kNo:
          return Step::kNone;
        case PhonePlan::Answer::kYes:
          break;
      }
    } else {
      const Util::ValidationResult possible =
          plan_.IsPossibleNumberWithReason(number);
      if (possible != Util::IS_POSSIBLE &&
          possible != Util::IS_POSSIBLE_LOCAL_ONLY) {
        return Step::kNone;
      }
    }
    number.clear_country_code_source();
    match->start = offset;
    match->raw.assign(candidate);
    match->number = std::move(number);
    return Step::kFound;
  }

  const PhonePlan& plan_;
  const MatcherPatterns& p_;
  const std::string_view text_;
  const std::string& region_;
  const MatchLeniency leniency_;
  int tries_;  // max_tries_, shared by every step as in the matcher
};

}  // namespace

bool MatchWithPlan(const PhonePlan& plan, std::string_view text,
                   const std::string& region, MatchLeniency leniency,
                   int max_tries, std::vector<PhoneMatch>* matches) {
  matches->clear();
  if (!AllInert(text)) return false;
  Emulation emulation(plan, text, region, leniency, max_tries);
  size_t index = 0;
  for (;;) {
    PhoneMatch match;
    switch (emulation.Find(index, &match)) {
      case Step::kUnsupported:
        return false;
      case Step::kNone:
        return true;
      case Step::kFound:
        break;
    }
    index = match.start + match.raw.size();
    matches->push_back(std::move(match));
  }
}

}  // namespace identity_internal
}  // namespace threadline
