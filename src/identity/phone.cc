#include "identity/phone.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "identity/value_text.h"
#include "phonenumbers/phonenumber.pb.h"
#include "phonenumbers/phonenumbermatch.h"
#include "phonenumbers/phonenumbermatcher.h"
#include "phonenumbers/phonenumberutil.h"

namespace threadline {
namespace identity_internal {
namespace {

namespace pn = ::i18n::phonenumbers;
using Util = pn::PhoneNumberUtil;

// International dialling prefixes read as "+" when the region's own reading
// fails: a caller's country is often not the interaction's region (a
// Spaniard's "0034..." in a US system). Longest first, so "0011 44..." is
// read as +44 rather than as the non-existent +11.
constexpr std::array<std::string_view, 4> kInternationalPrefixes = {
    "0011", "011", "010", "00"};

// libphonenumber's "unknown region": only numbers with a country code parse.
constexpr char kNoRegion[] = "ZZ";

// Fewest digits of a number worth handing to the matcher. Customers' numbers
// have 7 or more digits (10 in North America, Colombia and Mexico, 9 in
// Spain); shorter runs are years, times, amounts and order lines.
constexpr int kMinPhoneDigits = 7;
// Bytes that may stand between the digits of one number: ASCII separators
// ("+57 (300) 123-4567", "300 / 123.45.67") and any non-ASCII character
// (no-break spaces, typographic dashes). Up to 6 such bytes in a row join
// digits into one run: " – " (an en dash between spaces) is 5.
constexpr std::string_view kPhoneSeparators = " -.()/+\t";
constexpr int kMaxSeparatorBytes = 6;

// A run of digits and separators with more digits than this is no phone
// number (E.164 allows 15, an extension adds a few): a table, a serial, a
// pasted blob. libphonenumber's candidate search slows to a crawl on such
// runs (a second for 64 KiB of digits), so they are blanked before it runs.
constexpr int kMaxPhoneRunDigits = 40;

// Bytes kept on each side of a digit run when the matcher runs on a window
// around it: the matcher looks at the characters next to a candidate (a
// letter glued to it, a time after it) but no further.
constexpr size_t kWindowContext = 32;

bool IsPhoneSeparator(char c) {
  return static_cast<unsigned char>(c) >= 0x80 ||
         kPhoneSeparators.find(c) != std::string_view::npos;
}

bool IsUtf8Continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// A part of the text worth handing to the matcher: a plausible run of
// digits with some context.
struct Window {
  size_t begin = 0;
  size_t end = 0;
};

// Prepares `*text` (valid UTF-8) for libphonenumber's matcher and says where
// to run it. Blanks runs of more than kMaxPhoneRunDigits digits (see above),
// keeping every offset, and returns a window around each remaining run of at
// least kMinPhoneDigits digits, in order. Windows neither overlap nor cut
// into another run.
//
// The matcher costs about a microsecond even on text without numbers, tens
// of microseconds per candidate it parses, and more per candidate as the
// text grows; most messages hold no number at all. Running it only on small
// windows around plausible runs makes a message without numbers nearly free
// and a long one cost in proportion to its numbers.
std::vector<Window> PrepareForMatcher(std::string* text) {
  std::vector<Window> runs;
  size_t run_begin = 0;  // the current run's first digit
  size_t run_end = 0;    // just after its last digit
  int digits = 0;
  int separators = 0;
  // A run glued to letters or a "#" is an identifier, not a phone number:
  // "order #95432500", "TCK-7051516", "A9835480", "AC-1942340". Texts are
  // full of them, and each costs the matcher tens of microseconds.
  const auto is_identifier = [&] {
    size_t before = run_begin;
    if (before > 0 && (*text)[before - 1] == '-') --before;
    const bool letter_before =
        before > 0 && (IsAsciiAlpha((*text)[before - 1]) ||
                       (*text)[before - 1] == '#');
    const bool letter_after =
        run_end < text->size() && IsAsciiAlpha((*text)[run_end]);
    return letter_before || letter_after;
  };
  const auto end_run = [&] {
    if (digits > kMaxPhoneRunDigits) {
      std::fill(text->begin() + run_begin, text->begin() + run_end, ' ');
    } else if (digits >= kMinPhoneDigits && !is_identifier()) {
      runs.push_back({run_begin, run_end});
    }
    digits = 0;
    separators = 0;
  };
  for (size_t i = 0; i < text->size(); ++i) {
    const char c = (*text)[i];
    if (IsAsciiDigit(c)) {
      if (digits++ == 0) run_begin = i;
      run_end = i + 1;
      separators = 0;
    } else if (digits > 0) {
      if (!IsPhoneSeparator(c) || ++separators > kMaxSeparatorBytes) end_run();
    }
  }
  if (digits > 0) end_run();

  std::vector<Window> windows;
  windows.reserve(runs.size());
  for (size_t i = 0; i < runs.size(); ++i) {
    const size_t floor = i > 0 ? runs[i - 1].end : 0;
    const size_t ceiling =
        i + 1 < runs.size() ? runs[i + 1].begin : text->size();
    size_t begin = runs[i].begin > floor + kWindowContext
                       ? runs[i].begin - kWindowContext
                       : floor;
    size_t end = std::min(ceiling, runs[i].end + kWindowContext);
    while (begin > floor && IsUtf8Continuation((*text)[begin])) --begin;
    while (end < ceiling && IsUtf8Continuation((*text)[end])) ++end;
    windows.push_back({begin, end});
  }
  return windows;
}

// Brazil's country calling code; its mobiles gained a leading 9 in
// 2012-2016 and CRMs still hold both forms of one number.
constexpr int kBrazilCountryCode = 55;

enum class Quality { kNone, kPossible, kValid };

// One way of reading a raw value.
struct Reading {
  pn::PhoneNumber number;
  Util::ErrorType error = Util::NO_PARSING_ERROR;
  Util::ValidationResult possibility = Util::INVALID_LENGTH;
  Quality quality = Quality::kNone;
};

// The nine-digit form of an old eight-digit Brazilian mobile, when that form
// is a valid mobile number. Only subscriber numbers starting 6-9 were
// mobiles, so landlines are never changed.
bool InsertBrazilNinthDigit(const Util& util, pn::PhoneNumber* number) {
  if (number->country_code() != kBrazilCountryCode) return false;
  std::string nsn;
  util.GetNationalSignificantNumber(*number, &nsn);
  if (nsn.size() != 10 || nsn[2] < '6' || nsn[2] > '9') return false;
  pn::PhoneNumber candidate;
  if (util.Parse(absl::StrCat("+55", nsn.substr(0, 2), "9", nsn.substr(2)),
                 kNoRegion, &candidate) != Util::NO_PARSING_ERROR ||
      !util.IsValidNumber(candidate) ||
      util.GetNumberType(candidate) != Util::MOBILE) {
    return false;
  }
  *number = std::move(candidate);
  return true;
}

Reading Read(const Util& util, const std::string& text,
             const std::string& region) {
  Reading reading;
  reading.error = util.Parse(text, region, &reading.number);
  if (reading.error != Util::NO_PARSING_ERROR) return reading;
  if (util.IsValidNumber(reading.number) ||
      InsertBrazilNinthDigit(util, &reading.number)) {
    reading.possibility = Util::IS_POSSIBLE;
    reading.quality = Quality::kValid;
    return reading;
  }
  reading.possibility = util.IsPossibleNumberWithReason(reading.number);
  // A local-only number ("555-1234") lacks its area code: it is not a whole
  // number and cannot identify anyone.
  if (reading.possibility == Util::IS_POSSIBLE) {
    reading.quality = Quality::kPossible;
  }
  return reading;
}

// `raw` after a leading international dialling prefix, as "+..." text, or
// empty if it has none.
std::string AfterInternationalPrefix(std::string_view raw,
                                     std::string_view prefix) {
  if (raw.size() <= prefix.size() || raw.substr(0, prefix.size()) != prefix) {
    return {};
  }
  std::string_view rest = raw.substr(prefix.size());
  while (!rest.empty() && (rest[0] == ' ' || rest[0] == '-' || rest[0] == '.' ||
                           rest[0] == '/')) {
    rest.remove_prefix(1);
  }
  if (rest.empty() || !IsAsciiDigit(rest[0])) return {};
  return absl::StrCat("+", ToAbsl(rest));
}

// Why `reading` (the value as written) is not a phone number, as a phrase
// that follows the value in a message.
std::string DescribeFailure(const Util& util, const Reading& reading,
                            std::string_view raw, const std::string& region) {
  const std::string where = region.empty() ? std::string("no region given")
                                           : absl::StrCat("region ", region);
  switch (reading.error) {
    case Util::NO_PARSING_ERROR:
      break;
    case Util::INVALID_COUNTRY_CODE_ERROR:
      if (!raw.empty() && raw[0] == '+') {
        return "is not a phone number: unknown country calling code";
      }
      return absl::StrCat(
          "is not a phone number: not international (\"+\" and country code) "
          "and not a national number of ",
          where);
    case Util::NOT_A_NUMBER:
      return "is not a phone number";
    case Util::TOO_SHORT_AFTER_IDD:
    case Util::TOO_SHORT_NSN:
      return "is not a phone number: too short";
    case Util::TOO_LONG_NSN:
      return "is not a phone number: too long";
  }
  std::string country;
  util.GetRegionCodeForCountryCode(reading.number.country_code(), &country);
  const std::string for_country =
      absl::StrCat("for +", reading.number.country_code(), " (", country, ")");
  switch (reading.possibility) {
    case Util::IS_POSSIBLE_LOCAL_ONLY:
      return "is not a phone number: a local number without its area code";
    case Util::INVALID_COUNTRY_CODE:
      return "is not a phone number: unknown country calling code";
    case Util::TOO_SHORT:
      return absl::StrCat("is not a phone number: too short ", for_country);
    case Util::TOO_LONG:
      return absl::StrCat("is not a phone number: too long ", for_country);
    default:
      return absl::StrCat("is not a phone number: wrong length ", for_country);
  }
}

// The canonical E.164 of a parsed number, or why it identifies no one.
absl::StatusOr<std::string> Finish(const Util& util, pn::PhoneNumber number) {
  std::string national;
  util.GetNationalSignificantNumber(number, &national);
  if (!national.empty() &&
      national.find_first_not_of(national[0]) == std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("is a placeholder: every digit of the number is ",
                     national.substr(0, 1)));
  }
  // An extension ("ext. 12") reaches the same customer: E.164 drops it.
  number.clear_extension();
  std::string e164;
  util.Format(number, Util::E164, &e164);
  return e164;
}

// The numbers in `window`, which starts at byte `base` of the text, added to
// `*found` in order of appearance.
void FindInWindow(const Util& util, const std::string& window, size_t base,
                  const std::string& region, int max_tries, size_t max_found,
                  std::vector<PhoneReader::Found>* found) {
  const size_t first = found->size();
  std::vector<std::pair<size_t, size_t>> spans;  // in `window`
  pn::PhoneNumberMatch match;
  pn::PhoneNumberMatcher matcher(util, window, region,
                                 pn::PhoneNumberMatcher::VALID, max_tries);
  // The matcher counts only rejected candidates against max_tries, so text
  // full of numbers is bounded here.
  while (found->size() < max_found && matcher.HasNext() &&
         matcher.Next(&match)) {
    absl::StatusOr<std::string> e164 = Finish(util, match.number());
    if (!e164.ok()) continue;
    found->push_back({base + match.start(), *std::move(e164)});
    spans.emplace_back(match.start(), match.end());
  }

  // A number written with "+" that is possible but not valid (a range newer
  // than libphonenumber's metadata, a fictional number) is as clearly a phone
  // number as text gets, and ToE164 accepts it in an identity field: find it
  // here too, so the same number links whether given or written. Texts
  // rarely hold one, so this second pass runs only when a "+" followed by a
  // digit lies outside every number already found.
  const auto covered = [&spans](size_t pos) {
    for (const auto& [start, end] : spans) {
      if (pos >= start && pos < end) return true;
    }
    return false;
  };
  bool uncovered_plus = false;
  for (size_t pos = window.find('+');
       pos != std::string::npos && !uncovered_plus;
       pos = window.find('+', pos + 1)) {
    uncovered_plus = pos + 1 < window.size() && IsAsciiDigit(window[pos + 1]) &&
                     !covered(pos);
  }
  if (!uncovered_plus || found->size() >= max_found) return;

  const size_t valid_end = found->size();
  pn::PhoneNumberMatcher possible(util, window, region,
                                  pn::PhoneNumberMatcher::POSSIBLE, max_tries);
  while (found->size() < max_found && possible.HasNext() &&
         possible.Next(&match)) {
    const size_t start = match.start();
    const size_t end = match.end();
    if (match.raw_string().empty() || match.raw_string()[0] != '+' ||
        covered(start)) {
      continue;
    }
    // VALID leniency rejects a number glued to letters ("ab+5712345678c")
    // or followed by "%"; POSSIBLE does not, so check here.
    if (end < window.size() &&
        (IsAsciiAlpha(window[end]) || window[end] == '%')) {
      continue;
    }
    pn::PhoneNumber number = match.number();
    if (!InsertBrazilNinthDigit(util, &number) &&
        util.IsPossibleNumberWithReason(number) != Util::IS_POSSIBLE) {
      continue;
    }
    absl::StatusOr<std::string> e164 = Finish(util, std::move(number));
    if (e164.ok()) found->push_back({base + start, *std::move(e164)});
  }
  if (found->size() > valid_end) {
    std::stable_sort(
        found->begin() + first, found->end(),
        [](const PhoneReader::Found& a, const PhoneReader::Found& b) {
          return a.offset < b.offset;
        });
  }
}

}  // namespace

PhoneReader::PhoneReader() : util_(*Util::GetInstance()) {}

absl::StatusOr<std::string> PhoneReader::ToE164(std::string_view raw,
                                                const std::string& region,
                                                Form form) const {
  const std::string read_region = region.empty() ? kNoRegion : region;
  const bool has_plus = !raw.empty() && raw[0] == '+';
  const auto read_with_plus = [&] {
    return Read(util_, absl::StrCat("+", ToAbsl(raw)), kNoRegion);
  };

  // Readings whose possible-but-invalid result is trusted, in order of
  // preference; a valid reading anywhere in the list beats them all.
  std::vector<Reading> readings;
  readings.reserve(2 + kInternationalPrefixes.size());
  if (form == Form::kInternational && !has_plus) {
    readings.push_back(read_with_plus());
  }
  const size_t direct = readings.size();
  readings.push_back(Read(util_, std::string(raw), read_region));
  // The region's own prefix can swallow a generic one: in Colombia "005" is
  // an international prefix too, so "0057 300…" reads as +7 300… there.
  // When the direct reading leaves the region, try the others as well and
  // prefer one that stays in it: people mostly write their own country's
  // numbers.
  const int region_code = region.empty() || form == Form::kInternational
                              ? 0
                              : util_.GetCountryCodeForRegion(region);
  const bool direct_leaves_region =
      region_code != 0 &&
      readings[direct].number.country_code() != region_code;
  if ((readings[direct].quality != Quality::kValid || direct_leaves_region) &&
      !has_plus) {
    for (std::string_view prefix : kInternationalPrefixes) {
      std::string international = AfterInternationalPrefix(raw, prefix);
      if (!international.empty()) {
        readings.push_back(Read(util_, international, kNoRegion));
      }
    }
  }

  // In the region first (valid, then possible: the metadata lags new
  // ranges), then anywhere.
  for (Quality quality : {Quality::kValid, Quality::kPossible}) {
    for (const Reading& reading : readings) {
      if (region_code != 0 && reading.quality == quality &&
          reading.number.country_code() == region_code) {
        return Finish(util_, reading.number);
      }
    }
  }
  for (const Reading& reading : readings) {
    if (reading.quality == Quality::kValid) {
      return Finish(util_, reading.number);
    }
  }
  for (const Reading& reading : readings) {
    if (reading.quality == Quality::kPossible) {
      return Finish(util_, reading.number);
    }
  }
  // Last, a PHONE value that is no number of the region may be
  // international digits without their "+". Only a valid result counts:
  // digits that merely have the right length for some country say nothing.
  // A value formatted the national way ("(646) 555-0134") is not one.
  if (form == Form::kAny && !raw.empty() && IsAsciiDigit(raw[0]) &&
      raw.find('(') == std::string_view::npos) {
    Reading reading = read_with_plus();
    if (reading.quality == Quality::kValid) {
      return Finish(util_, reading.number);
    }
  }
  return absl::InvalidArgumentError(
      DescribeFailure(util_, readings[direct], raw, region));
}

std::vector<PhoneReader::Found> PhoneReader::Find(
    std::string_view text, const std::string& region,
    const FindLimits& limits) const {
  std::vector<Found> found;
  // libphonenumber finds nothing at all in text that is not UTF-8, so a
  // single broken byte would hide every number: blank the broken bytes out
  // (offsets stay the same). Cutting at max_bytes may split a character;
  // its bytes are blanked too.
  std::string prepared = ReplaceInvalidUtf8(
      text.substr(0, std::min(text.size(), limits.max_bytes)));
  const std::vector<Window> windows = PrepareForMatcher(&prepared);
  const std::string read_region = region.empty() ? kNoRegion : region;
  // Every window holds a candidate the matcher may reject: max_tries is
  // spent across the windows.
  int tries_left = limits.max_tries;
  std::string window_text;
  for (const Window& window : windows) {
    if (tries_left <= 0 || found.size() >= limits.max_found) break;
    window_text.assign(prepared, window.begin, window.end - window.begin);
    FindInWindow(util_, window_text, window.begin, read_region, tries_left,
                 limits.max_found, &found);
    --tries_left;
  }
  return found;
}

}  // namespace identity_internal
}  // namespace threadline
