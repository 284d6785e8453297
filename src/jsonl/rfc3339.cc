#include "jsonl/rfc3339.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "absl/time/civil_time.h"

namespace threadline::jsonl {
namespace {

// The value of the `n` decimal digits at `p`, or -1 when one is not a digit.
int Digits(const char* p, int n) {
  int v = 0;
  for (int i = 0; i < n; ++i) {
    const unsigned d = static_cast<unsigned char>(p[i]) - '0';
    if (d > 9) return -1;
    v = v * 10 + static_cast<int>(d);
  }
  return v;
}

char* PutDigits(char* p, int64_t v, int n) {
  for (int i = n - 1; i >= 0; --i) {
    p[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  return p + n;
}

}  // namespace

absl::Time MinTimestamp() { return absl::FromUnixSeconds(-62135596800); }

absl::Time MaxTimestamp() {
  return absl::FromUnixSeconds(253402300799) + absl::Nanoseconds(999999999);
}

// Written out rather than with absl::ParseTime(absl::RFC3339_full, ...):
// that accepts what neither RFC 3339 nor protobuf do (surrounding spaces,
// one-digit fields, "+0100", year 0, ":60" silently moved to the next
// minute) and costs about 180 ns, a third of a whole line's budget. The
// calendar arithmetic is still absl's (CivilSecond, FromCivil).
bool ParseRfc3339(std::string_view s, absl::Time* t, std::string_view* why) {
  constexpr std::string_view kShape =
      "not of the form YYYY-MM-DDTHH:MM:SS[.digits] followed by Z or +HH:MM "
      "or -HH:MM";
  if (s.size() < 20 || s[4] != '-' || s[7] != '-' ||
      (s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':') {
    *why = kShape;
    return false;
  }
  const char* p = s.data();
  const int year = Digits(p, 4), month = Digits(p + 5, 2),
            day = Digits(p + 8, 2), hour = Digits(p + 11, 2),
            minute = Digits(p + 14, 2), second = Digits(p + 17, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 ||
      second < 0) {
    *why = kShape;
    return false;
  }
  size_t i = 19;
  int64_t nanos = 0;
  if (s[i] == '.') {
    const size_t first = ++i;
    int64_t scale = 100000000;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
      nanos += (s[i] - '0') * scale;
      scale /= 10;  // 0 after the ninth digit: later digits are dropped
      ++i;
    }
    if (i == first) {
      *why = kShape;
      return false;
    }
  }
  int offset_minutes = 0;
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    ++i;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-') &&
             s.size() - i >= 6 && s[i + 3] == ':') {
    const int oh = Digits(p + i + 1, 2), om = Digits(p + i + 4, 2);
    if (oh < 0 || om < 0) {
      *why = kShape;
      return false;
    }
    if (oh > 23 || om > 59) {
      *why = "offset out of range (-23:59 to +23:59)";
      return false;
    }
    offset_minutes = (s[i] == '-' ? -1 : 1) * (oh * 60 + om);
    i += 6;
  } else {
    *why = kShape;
    return false;
  }
  if (i != s.size()) {
    *why = kShape;
    return false;
  }
  if (year == 0) {
    *why = "year 0000 does not exist (years run from 0001)";
    return false;
  }
  if (month < 1 || month > 12) {
    *why = "month out of range (01 to 12)";
    return false;
  }
  // CivilDay normalizes February 30 to March 2: a changed day means it did
  // not exist.
  const absl::CivilDay date(year, month, day);
  if (day < 1 || date.month() != month || date.day() != day) {
    *why = "day out of range for the month";
    return false;
  }
  if (hour > 23 || minute > 59) {
    *why = "hour or minute out of range";
    return false;
  }
  if (second > 59) {
    *why = "second out of range (a Timestamp has no leap seconds)";
    return false;
  }
  // Civil-time subtraction is plain arithmetic, without FromCivil's time
  // zone lookup.
  const absl::Time local = absl::FromUnixSeconds(
      absl::CivilSecond(year, month, day, hour, minute, second) -
      absl::CivilSecond(1970, 1, 1, 0, 0, 0));
  const absl::Time at =
      local - absl::Minutes(offset_minutes) + absl::Nanoseconds(nanos);
  if (at < MinTimestamp() || at > MaxTimestamp()) {
    *why =
        "outside the Timestamp range 0001-01-01T00:00:00Z to "
        "9999-12-31T23:59:59.999999999Z";
    return false;
  }
  *t = at;
  return true;
}

size_t FormatRfc3339(absl::Time t, char (&buf)[kMaxRfc3339Size]) {
  if (t < MinTimestamp() || t > MaxTimestamp()) {
    const std::string s =
        absl::FormatTime("%Y-%m-%d%ET%H:%M:%E*SZ", t, absl::UTCTimeZone());
    const size_t n = std::min(s.size(), kMaxRfc3339Size);
    std::memcpy(buf, s.data(), n);
    return n;
  }
  const absl::CivilSecond cs = absl::ToCivilSecond(t, absl::UTCTimeZone());
  // Whole nanoseconds, rounded down like model::ToProto (ToUnixSeconds
  // rounds toward negative infinity, so the rest is never negative).
  const int64_t nanos = absl::ToInt64Nanoseconds(
      t - absl::FromUnixSeconds(absl::ToUnixSeconds(t)));
  char* p = PutDigits(buf, cs.year(), 4);
  *p++ = '-';
  p = PutDigits(p, cs.month(), 2);
  *p++ = '-';
  p = PutDigits(p, cs.day(), 2);
  *p++ = 'T';
  p = PutDigits(p, cs.hour(), 2);
  *p++ = ':';
  p = PutDigits(p, cs.minute(), 2);
  *p++ = ':';
  p = PutDigits(p, cs.second(), 2);
  if (nanos != 0) {
    *p++ = '.';
    if (nanos % 1000000 == 0) {
      p = PutDigits(p, nanos / 1000000, 3);
    } else if (nanos % 1000 == 0) {
      p = PutDigits(p, nanos / 1000, 6);
    } else {
      p = PutDigits(p, nanos, 9);
    }
  }
  *p++ = 'Z';
  return p - buf;
}

void AppendRfc3339(absl::Time t, std::string* out) {
  char buf[kMaxRfc3339Size];
  out->append(buf, FormatRfc3339(t, buf));
}

}  // namespace threadline::jsonl
