#include "identity/phone_matcher.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "identity/phone_matcher_patterns.h"
#include "identity/value_text.h"
#include "re2/re2.h"

namespace threadline {
namespace identity_internal {
namespace {

using Util = PhonePlan::Util;

// The candidate pattern's blocks of digits: up to 21 blocks of up to 20
// digits (kMaxLengthForNsn + kMaxLengthCountryCode) joined by up to
// kPunctuationRun punctuation characters.
constexpr int kBlockDigits = 20;
constexpr int kBlocks = 20;

// Non-ASCII code points that can be no part of a candidate: not decimal
// digits, not in kValidPunctuation, not brackets or plus signs. Accented
// Latin letters, Greek and Cyrillic, quotes and dashes of general
// punctuation other than U+2010-U+2015 and U+2053, currency and letterlike
// symbols, arrows, shapes, dingbats and emoji. Any other character makes
// the text unsupported. C1 controls (U+0080-U+009F) are not inert: like
// the C0 controls below, they are not "interchange valid", and
// libphonenumber's matcher finds nothing at all in a text holding one.
bool IsInert(uint32_t c) {
  if (c >= 0xA0 && c <= 0x4FF) return c != 0xA0 && c != 0xAD;
  if (c >= 0x2016 && c <= 0x205F) return c != 0x2053;
  return (c >= 0x20A0 && c <= 0x21FF) || (c >= 0x2300 && c <= 0x23FF) ||
         (c >= 0x2500 && c <= 0x27BF) || (c >= 0x2B00 && c <= 0x2BFF) ||
         (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F000 && c <= 0x1FAFF);
}

bool AllInert(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      // Controls other than tab, line feed, form feed and carriage return
      // make libphonenumber refuse the whole text (see IsInert).
      if ((b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r') ||
          b == 0x7F) {
        return false;
      }
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
  Emulation(const PhonePlan& plan, const ValidNumbers* valid,
            std::string_view text, const std::string& region,
            MatchLeniency leniency, int max_tries)
      : plan_(plan),
        valid_(valid),
        p_(MatcherPatterns::Get()),
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
  bool IsPunctuation(char c) const { return p_.IsPunctuation(c); }
  bool IsLead(char c) const { return p_.IsLead(c); }
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
            p_.LeadGroups(text_.substr(q, d - q))) {
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
    if (p_.ExtensionAt(text_.substr(e))) {
      return Step::kUnsupported;
    }
    return Step::kFound;
  }

  // PhoneNumberMatcher::ExtractMatch.
  Step ExtractMatch(std::string_view candidate, size_t offset,
                    PhoneMatch* match) {
    if (p_.SlashSeparatedDate(candidate) ||
        p_.TimeStamp(candidate, text_.substr(offset + candidate.size()))) {
      return Step::kNone;
    }
    const Step whole = ParseAndVerify(candidate, offset, match);
    if (whole != Step::kNone) return whole;
    return ExtractInnerMatch(candidate, offset, match);
  }

  // PhoneNumberMatcher::ExtractInnerMatch.
  Step ExtractInnerMatch(std::string_view candidate, size_t offset,
                         PhoneMatch* match) {
    for (size_t i = 0; i < p_.inner_count(); ++i) {
      // A pattern that cannot match leaves nothing to try.
      if (!p_.InnerMayMatch(i, candidate)) continue;
      const RE2& inner = p_.inner(i);
      re2::StringPiece input(candidate.data(), candidate.size());
      re2::StringPiece group;
      bool first = true;
      while (RE2::FindAndConsume(&input, inner, &group) && tries_ > 0) {
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
    if (!p_.MatchingBrackets(candidate) || p_.PubPages(candidate)) {
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
        PhonePlan::NationalNumber(number).view().size() == 4 &&
        (offset == 0 || text_[offset - 1] != '*')) {
      return Step::kNone;
    }
    if (valid) {
      const bool is_valid = valid_ != nullptr ? valid_->IsValid(plan_, number)
                                              : plan_.IsValidNumber(number);
      if (!is_valid) return Step::kNone;
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
  const ValidNumbers* const valid_;  // may be null
  const MatcherPatterns& p_;
  const std::string_view text_;
  const std::string& region_;
  const MatchLeniency leniency_;
  int tries_;  // max_tries_, shared by every step as in the matcher
};

}  // namespace

bool MatchWithPlan(const PhonePlan& plan, std::string_view text,
                   const std::string& region, MatchLeniency leniency,
                   int max_tries, std::vector<PhoneMatch>* matches,
                   const ValidNumbers* valid) {
  matches->clear();
  if (!AllInert(text)) return false;
  Emulation emulation(plan, valid, text, region, leniency, max_tries);
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
