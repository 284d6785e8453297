// FindNumberRuns and ClassifyRun of numbers.h: digits joined by separators
// read as runs, and what each run is, told by its surroundings, its shape,
// the words before it (labels.h) and its digits.
#include "guard/numbers.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "guard/labels.h"
#include "guard/text.h"

namespace threadline::guard_internal {
namespace {

// A run longer than this is a pasted blob, not one number; the scanner
// stops adding to it (its digits are still read, so it stays one run).
constexpr size_t kMaxRunDigits = 64;
constexpr size_t kMaxRunGroups = 16;

// Separators inside a phone or card number. Unicode spaces count as ' '.
char SeparatorAt(std::string_view text, size_t pos, int* length) {
  const uint32_t cp = DecodeAt(text, pos, length);
  switch (cp) {
    case ' ':
    case '-':
    case '.':
    case '/':
    case '(':
    case ')':
      return static_cast<char>(cp);
    case 0xA0:    // no-break space
    case 0x2007:  // figure space
    case 0x2009:  // thin space
    case 0x202F:  // narrow no-break space
      return ' ';
    default:
      return 0;
  }
}

// Whether `seps` (the separator bytes between two groups, as SeparatorAt
// reads them) can stand inside one number: one separator, or a parenthesis
// or a dash or slash with spaces ("(646) 555", "646 - 555"). ". " ends a
// sentence and "/ /" is no number.
bool JoinsGroups(std::string_view seps) {
  if (seps.size() == 1) return true;
  return seps == ") " || seps == " (" || seps == " - " || seps == " / " ||
         seps == "- " || seps == " -" || seps == ")-";
}

int GroupValue(std::string_view text, Span group) {
  int value = 0;
  for (size_t i = group.begin; i < group.end && i < group.begin + 4; ++i) {
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

size_t GroupSize(Span group) { return group.end - group.begin; }

bool IsYear(std::string_view text, Span group) {
  const int value = GroupValue(text, group);
  return GroupSize(group) == 4 && value >= 1900 && value <= 2099;
}

// Whether groups [i, i+3) form a date:
// day/month/year or month/day/year (year of 2 or 4 digits) or
// year-month-day, one separator among / - . throughout.
bool IsDateAt(std::string_view text, const NumberRun& run, size_t i) {
  if (i + 3 > run.groups.size()) return false;
  const char sep = run.separators[i];
  if (sep != '/' && sep != '-' && sep != '.') return false;
  if (run.separators[i + 1] != sep) return false;
  const Span a = run.groups[i], b = run.groups[i + 1], c = run.groups[i + 2];
  const auto day_or_month = [&](Span g) {
    const int v = GroupValue(text, g);
    return GroupSize(g) <= 2 && v >= 1 && v <= 31;
  };
  const auto month = [&](Span g) {
    const int v = GroupValue(text, g);
    return GroupSize(g) <= 2 && v >= 1 && v <= 12;
  };
  if (IsYear(text, a)) return month(b) && day_or_month(c);
  if (!day_or_month(a) || !day_or_month(b)) return false;
  if (!month(a) && !month(b)) return false;
  return GroupSize(c) == 2 || IsYear(text, c);
}

bool AllSeparators(const NumberRun& run, char sep) {
  return std::all_of(run.separators.begin(), run.separators.end(),
                     [sep](char c) { return c == sep; });
}

// Shapes of numbers that are never personal data.
const char* NonPersonalShape(std::string_view text, const NumberRun& run) {
  for (size_t i = 0; i + 3 <= run.groups.size(); ++i) {
    if (IsDateAt(text, run, i)) return "a date";
  }
  if (run.groups.size() == 2 &&
      (run.separators[0] == '-' || run.separators[0] == '/') &&
      IsYear(text, run.groups[0]) && IsYear(text, run.groups[1])) {
    return "a range of years";
  }
  if (run.groups.size() == 2 && run.separators[0] == '.') {
    return "a decimal number";
  }
  // "Sizes 36 37 38 39", "rooms 101 102 103": counting, not one number.
  if (run.groups.size() >= 3) {
    bool counting = true;
    for (size_t i = 1; i < run.groups.size() && counting; ++i) {
      counting = GroupSize(run.groups[i]) <= 4 &&
                 GroupValue(text, run.groups[i]) ==
                     GroupValue(text, run.groups[i - 1]) + 1;
    }
    if (counting) return "a list of consecutive numbers";
  }
  if (run.groups.size() == 2 && run.separators[0] == '-' &&
      GroupSize(run.groups[0]) == 5 && GroupSize(run.groups[1]) == 4) {
    return "a ZIP+4 code";
  }
  if (run.groups.size() == 4 && AllSeparators(run, '.') &&
      std::all_of(run.groups.begin(), run.groups.end(), [&](Span g) {
        return GroupSize(g) <= 3 && GroupValue(text, g) <= 255;
      })) {
    return "an IP address";
  }
  if (run.groups.size() >= 3 && AllSeparators(run, '.') &&
      GroupSize(run.groups[0]) <= 3 &&
      std::all_of(run.groups.begin() + 1, run.groups.end(),
                  [](Span g) { return GroupSize(g) == 3; })) {
    return "an amount with thousands separators";
  }
  return nullptr;
}

// Whether groups [first, last) are laid out as card numbers are printed:
// one block, blocks of four with a shorter last one, or 4-6-5 / 4-6-4
// (American Express, Diners Club), one separator, a space or a dash.
bool IsCardLayout(const NumberRun& run, size_t first, size_t last) {
  if (last - first == 1) return true;
  const char sep = run.separators[first];
  if (sep != ' ' && sep != '-') return false;
  for (size_t i = first + 1; i < last; ++i) {
    if (run.separators[i - 1] != sep) return false;
  }
  std::vector<size_t> sizes;
  for (size_t i = first; i < last; ++i)
    sizes.push_back(GroupSize(run.groups[i]));
  if (sizes == std::vector<size_t>{4, 6, 5} ||
      sizes == std::vector<size_t>{4, 6, 4}) {
    return true;
  }
  for (size_t i = 0; i + 1 < sizes.size(); ++i) {
    if (sizes[i] != 4) return false;
  }
  return sizes.back() >= 1 && sizes.back() <= 4;
}

// The first card number among consecutive groups of `run`.
bool FindCard(std::string_view text, const NumberRun& run, RunVerdict* out) {
  for (size_t first = 0; first < run.groups.size(); ++first) {
    std::string digits;
    for (size_t last = first + 1; last <= run.groups.size(); ++last) {
      const Span g = run.groups[last - 1];
      digits.append(text.substr(g.begin, GroupSize(g)));
      if (digits.size() > 19) break;
      if (digits.size() < 13 || !IsCardLayout(run, first, last)) continue;
      // A longer number printed in the same blocks is not this card (an
      // expiry date after a card number is another matter).
      if (last - first > 1 && last < run.groups.size() &&
          run.separators[last - 1] == run.separators[first] &&
          GroupSize(run.groups[last]) == 4) {
        continue;
      }
      const std::string_view network = CardNetwork(digits);
      if (network.empty() || !PassesLuhn(digits)) continue;
      out->run_class = RunClass::kCard;
      out->detail = std::string(network);
      out->span = {run.groups[first].begin, g.end};
      return true;
    }
  }
  return false;
}

// Whether `letter` is the control letter of the Spanish DNI `digits`
// (eight digits; the letter is the number mod 23 in a fixed table).
bool IsDniLetter(std::string_view digits, char letter) {
  static constexpr std::string_view kLetters = "TRWAGMYFPDXBNJZSQVHLCKE";
  int remainder = 0;
  for (char d : digits) remainder = (remainder * 10 + (d - '0')) % 23;
  return AsciiUpper(letter) == kLetters[remainder];
}

}  // namespace

std::vector<NumberRun> FindNumberRuns(std::string_view text,
                                      const std::vector<uint8_t>& skip) {
  std::vector<NumberRun> runs;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsAsciiDigit(text[i]) || skip[i]) {
      ++i;
      continue;
    }
    NumberRun run;
    run.begin = i;
    if (i > 0 && !skip[i - 1] && text[i - 1] == '+') {
      run.begin = i - 1;
      run.plus = true;
    } else if (i > 0 && !skip[i - 1] && text[i - 1] == '(') {
      run.begin = i - 1;
      if (run.begin > 0 && !skip[run.begin - 1] && text[run.begin - 1] == '+') {
        --run.begin;
        run.plus = true;
      }
    }
    std::string seps;
    size_t pos = i;
    while (true) {
      const size_t group_begin = pos;
      while (pos < text.size() && !skip[pos] && IsAsciiDigit(text[pos])) {
        if (run.digits.size() < kMaxRunDigits) run.digits.push_back(text[pos]);
        ++pos;
      }
      run.groups.push_back({group_begin, pos});
      run.end = pos;
      if (run.groups.size() >= kMaxRunGroups) break;
      // Separators up to the next group, if any.
      seps.clear();
      size_t next = pos;
      while (next < text.size() && !skip[next] && seps.size() < 4) {
        int n = 0;
        const char sep = SeparatorAt(text, next, &n);
        if (sep == 0) break;
        seps.push_back(sep);
        next += n;
      }
      if (seps.empty() || next >= text.size() || skip[next] ||
          !IsAsciiDigit(text[next]) || !JoinsGroups(seps)) {
        break;
      }
      run.separators.push_back(seps.size() == 1 ? seps[0] : '~');
      pos = next;
    }
    i = run.end;
    runs.push_back(std::move(run));
  }
  return runs;
}

RunVerdict ClassifyRun(std::string_view text, const NumberRun& run,
                       const std::vector<std::string>& account_prefixes) {
  RunVerdict verdict;
  verdict.span = {run.begin, run.end};
  const auto not_personal = [&verdict](std::string detail) {
    verdict.run_class = RunClass::kNotPersonal;
    verdict.detail = std::move(detail);
    return verdict;
  };
  const size_t first_digit = run.groups.front().begin;

  // 1. Glued to letters: a code ("ORD-2026001", "10am", "1Z999AA1..."),
  // personal with an account prefix ("AC-305510"), an account label
  // ("CURP GODE561231HDFRRN09") or as a Spanish DNI with its control letter.
  {
    size_t token_begin = run.begin;
    bool glued = false;
    std::string prefix;
    if (first_digit == run.begin && first_digit > 0) {
      size_t letters_end = first_digit;
      const char before = text[first_digit - 1];
      if (before == '-' || before == '#') --letters_end;
      size_t letters_begin = letters_end;
      while (letters_begin > 0 && IsAsciiAlpha(text[letters_begin - 1])) {
        --letters_begin;
      }
      if (letters_begin < letters_end) {
        for (size_t k = letters_begin; k < letters_end; ++k) {
          prefix.push_back(AsciiUpper(text[k]));
        }
        token_begin = letters_begin;
        glued = true;
      } else if (IsLetterBefore(text, letters_end)) {
        glued = true;
      } else if (before == '@' || before == '_') {
        return not_personal("a handle or code");
      }
    }
    size_t token_end = run.end;
    while (token_end < text.size() && IsAsciiAlnum(text[token_end])) {
      ++token_end;
    }
    const bool glued_after = token_end > run.end || IsLetterAt(text, run.end);
    if (glued || glued_after) {
      const bool whole_word =
          token_begin == 0 || !IsAsciiAlnum(text[token_begin - 1]);
      if (!prefix.empty() && whole_word && run.digits.size() >= 5 &&
          !glued_after &&
          std::find(account_prefixes.begin(), account_prefixes.end(), prefix) !=
              account_prefixes.end()) {
        verdict.run_class = RunClass::kAccount;
        verdict.detail = "account prefix \"" + prefix + "\"";
        verdict.span = {token_begin, run.end};
        return verdict;
      }
      std::string label;
      if (whole_word &&
          LabelBefore(text, token_begin, &label) == Label::kAccount) {
        verdict.run_class = RunClass::kAccount;
        verdict.detail = "labelled \"" + label + "\"";
        verdict.span = {token_begin, token_end};
        return verdict;
      }
      if (!glued && run.groups.size() == 1 && run.digits.size() == 8 &&
          token_end == run.end + 1 && IsDniLetter(run.digits, text[run.end])) {
        verdict.run_class = RunClass::kAccount;
        verdict.detail = "a Spanish DNI with a valid control letter";
        verdict.span = {run.begin, token_end};
        return verdict;
      }
      return not_personal("a code");
    }
  }

  // 2. Amounts and quantities.
  {
    size_t pos = run.begin;
    if (pos > 0 && text[pos - 1] == ' ') --pos;
    int n = 0;
    if (pos > 0 && IsCurrencySign(DecodeBefore(text, pos, &n))) {
      return not_personal("an amount");
    }
    size_t after = run.end;
    if (after < text.size() && text[after] == ' ') ++after;
    if (after < text.size()) {
      const uint32_t cp = DecodeAt(text, after, &n);
      if (cp == '%') return not_personal("a percentage");
      if (IsCurrencySign(cp)) return not_personal("an amount");
    }
    if (IsAmountWord(WordAfter(text, run.end))) {
      return not_personal("an amount or quantity");
    }
  }

  // 3. Shapes.
  if (const char* shape = NonPersonalShape(text, run)) {
    return not_personal(shape);
  }

  // 4. Labels.
  std::string label;
  const Label found = LabelBefore(text, run.begin, &label);
  if (found == Label::kReference) return not_personal(label);
  if (found == Label::kCurrency) return not_personal("an amount");

  // 5. Digits.
  if (FindCard(text, run, &verdict)) return verdict;
  if (run.groups.size() == 3 && AllSeparators(run, '-') &&
      GroupSize(run.groups[0]) == 3 && GroupSize(run.groups[1]) == 2 &&
      GroupSize(run.groups[2]) == 4 && !run.plus && run.begin == first_digit) {
    verdict.run_class = RunClass::kSsn;
    return verdict;
  }
  if (found == Label::kAccount && run.digits.size() >= 5) {
    verdict.run_class = RunClass::kAccount;
    verdict.detail = "labelled \"" + label + "\"";
    return verdict;
  }
  if (found == Label::kSecret && run.digits.size() >= 3) {
    verdict.run_class = RunClass::kSecret;
    verdict.detail = "labelled \"" + label + "\"";
    return verdict;
  }
  // "#12345" without a word: a reference.
  {
    size_t pos = run.begin;
    if (pos > 0 && text[pos - 1] == ' ') --pos;
    if (pos > 0 && text[pos - 1] == '#') return not_personal("#");
  }
  if (run.digits.size() >= 18) {
    verdict.run_class = RunClass::kLongNumber;
    return verdict;
  }
  if (run.digits.size() >= 7) {
    verdict.run_class = RunClass::kPhoneCandidate;
    return verdict;
  }
  return not_personal("a short number");
}

}  // namespace threadline::guard_internal
