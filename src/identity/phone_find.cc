// PhoneReader::Find: numbers in text, found by libphonenumber's matcher
// (or PhonePlan's exact emulation of it, phone_matcher.h) on small windows
// around plausible runs of digits.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/status/statusor.h"
#include "identity/phone.h"
#include "identity/phone_matcher.h"
#include "identity/phone_numbers.h"
#include "identity/value_text.h"
#include "util/utf8.h"

namespace threadline {
namespace identity_internal {
namespace {

// Fewest digits of a run worth handing to the matcher.
constexpr int kMinPhoneDigits = static_cast<int>(PhoneReader::kMinDigits);
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
// Most texts have a window or two, and rarely a run to blank.
using Windows = absl::InlinedVector<Window, 4>;

// Says where in `text` (valid UTF-8) to run libphonenumber's matcher: a
// window around each run of at least kMinPhoneDigits digits, in order, and
// the runs of more than kMaxPhoneRunDigits digits, which must be blanked
// before the matcher sees them (see above); each window's copy is blanked.
// Blanking here would change nothing else: the scan has passed a run when
// it is blanked, the identifier check reads the bytes next to a run (never
// inside another), and a window edge only asks whether a byte continues a
// UTF-8 character, which neither a digit nor a space does. Windows neither
// overlap nor cut into another run.
//
// The matcher costs about a microsecond even on text without numbers, tens
// of microseconds per candidate it parses, and more per candidate as the
// text grows; most messages hold no number at all. Running it only on small
// windows around plausible runs makes a message without numbers nearly free
// and a long one cost in proportion to its numbers.
void PrepareForMatcher(std::string_view text, Windows* windows,
                       Windows* blanks) {
  Windows runs;
  size_t run_begin = 0;  // the current run's first digit
  size_t run_end = 0;    // just after its last digit
  int digits = 0;
  int separators = 0;
  // A run glued to letters or a "#" is an identifier, not a phone number:
  // "order #95432500", "TCK-7051516", "A9835480", "AC-1942340". Texts are
  // full of them, and each costs the matcher tens of microseconds.
  const auto is_identifier = [&] {
    size_t before = run_begin;
    if (before > 0 && text[before - 1] == '-') --before;
    const bool letter_before = before > 0 && (IsAsciiAlpha(text[before - 1]) ||
                                              text[before - 1] == '#');
    const bool letter_after =
        run_end < text.size() && IsAsciiAlpha(text[run_end]);
    return letter_before || letter_after;
  };
  const auto end_run = [&] {
    if (digits > kMaxPhoneRunDigits) {
      blanks->push_back({run_begin, run_end});
    } else if (digits >= kMinPhoneDigits && !is_identifier()) {
      runs.push_back({run_begin, run_end});
    }
    digits = 0;
    separators = 0;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (IsAsciiDigit(c)) {
      if (digits++ == 0) run_begin = i;
      run_end = i + 1;
      separators = 0;
    } else if (digits > 0) {
      if (!IsPhoneSeparator(c) || ++separators > kMaxSeparatorBytes) end_run();
    }
  }
  if (digits > 0) end_run();

  for (size_t i = 0; i < runs.size(); ++i) {
    const size_t floor = i > 0 ? runs[i - 1].end : 0;
    const size_t ceiling =
        i + 1 < runs.size() ? runs[i + 1].begin : text.size();
    size_t begin = runs[i].begin > floor + kWindowContext
                       ? runs[i].begin - kWindowContext
                       : floor;
    size_t end = std::min(ceiling, runs[i].end + kWindowContext);
    while (begin > floor && IsUtf8Continuation(text[begin])) --begin;
    while (end < ceiling && IsUtf8Continuation(text[end])) ++end;
    windows->push_back({begin, end});
  }
}

// The numbers in `window`, which starts at byte `base` of the text, added to
// `*found` in order of appearance.
void FindInWindow(const PhoneNumbers& numbers, const std::string& window,
                  size_t base, const std::string& region, int max_tries,
                  size_t max_found, std::vector<PhoneReader::Found>* found) {
  const size_t first = found->size();
  std::vector<std::pair<size_t, size_t>> spans;  // in `window`
  // The matcher counts only rejected candidates against max_tries, so text
  // full of numbers is bounded here.
  for (PhoneMatch& match :
       numbers.Matches(window, region, MatchLeniency::kValid, max_tries)) {
    if (found->size() >= max_found) break;
    absl::StatusOr<std::string> e164 = numbers.Finish(match.number);
    if (!e164.ok()) continue;
    found->push_back({base + match.start, *std::move(e164)});
    spans.emplace_back(match.start, match.start + match.raw.size());
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
  for (PhoneMatch& match :
       numbers.Matches(window, region, MatchLeniency::kPossible, max_tries)) {
    if (found->size() >= max_found) break;
    const size_t start = match.start;
    const size_t end = match.start + match.raw.size();
    if (match.raw.empty() || match.raw[0] != '+' || covered(start)) {
      continue;
    }
    // VALID leniency rejects a number glued to letters ("ab+5712345678c")
    // or followed by "%"; POSSIBLE does not, so check here.
    if (end < window.size() &&
        (IsAsciiAlpha(window[end]) || window[end] == '%')) {
      continue;
    }
    PhoneNumbers::PhoneNumber& number = match.number;
    if (!numbers.InsertBrazilNinthDigit(&number) &&
        numbers.IsPossibleNumberWithReason(number) !=
            PhoneNumbers::Util::IS_POSSIBLE) {
      continue;
    }
    absl::StatusOr<std::string> e164 = numbers.Finish(number);
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

std::vector<PhoneReader::Found> PhoneReader::Find(
    std::string_view text, const std::string& region,
    const FindLimits& limits) const {
  std::vector<Found> found;
  std::string_view scan =
      text.substr(0, std::min(text.size(), limits.max_bytes));
  if (CountAsciiDigits(scan, kMinDigits) < kMinDigits) return found;
  // libphonenumber finds nothing at all in text that is not UTF-8, so a
  // single broken byte would hide every number: blank the broken bytes out
  // (offsets stay the same). Cutting at max_bytes may split a character;
  // its bytes are blanked too. Text that is UTF-8, nearly all, is not
  // copied.
  std::string repaired;
  if (!util::IsValidUtf8(scan)) {
    repaired = ReplaceInvalidUtf8(scan);
    scan = repaired;
  }
  Windows windows;
  Windows blanks;
  PrepareForMatcher(scan, &windows, &blanks);
  const std::string& read_region = RegionOrNone(region);
  // Every window holds a candidate the matcher may reject: max_tries is
  // spent across the windows.
  int tries_left = limits.max_tries;
  std::string window_text;
  for (const Window& window : windows) {
    if (tries_left <= 0 || found.size() >= limits.max_found) break;
    window_text.assign(scan.substr(window.begin, window.end - window.begin));
    for (const Window& blank : blanks) {
      const size_t from = std::max(blank.begin, window.begin);
      const size_t to = std::min(blank.end, window.end);
      if (from < to) {
        std::fill(window_text.begin() + (from - window.begin),
                  window_text.begin() + (to - window.begin), ' ');
      }
    }
    FindInWindow(numbers_, window_text, window.begin, read_region, tries_left,
                 limits.max_found, &found);
    --tries_left;
  }
  return found;
}

}  // namespace identity_internal
}  // namespace threadline
