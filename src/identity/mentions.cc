#include "identity/mentions.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "identity/value_text.h"

namespace threadline {
namespace identity_internal {
namespace {

// RFC 5321 limits: an email with longer parts is not an address.
constexpr size_t kMaxLocalPart = 64;
constexpr size_t kMaxDomain = 253;
// Longest run after "@" considered a handle; a longer one is not a mention.
constexpr size_t kMaxHandleRun = 100;
// How far around a handle to look for the word that names its network:
// "I also wrote you on twitter as @x" puts it about a dozen bytes away;
// much further and the word is about something else.
constexpr size_t kContextBefore = 48;
constexpr size_t kContextAfter = 40;

struct Keyword {
  std::string_view word;
  IdentityKind kind;
};
// Words, in English and Spanish, that say which network a nearby handle
// belongs to.
constexpr std::array<Keyword, 18> kKeywords = {{
    {"instagram", IdentityKind::kInstagram},
    {"insta", IdentityKind::kInstagram},
    {"ig", IdentityKind::kInstagram},
    {"twitter", IdentityKind::kTwitter},
    {"tweet", IdentityKind::kTwitter},
    {"tweets", IdentityKind::kTwitter},
    {"tweeted", IdentityKind::kTwitter},
    {"tweeting", IdentityKind::kTwitter},
    {"tuit", IdentityKind::kTwitter},
    {"tuits", IdentityKind::kTwitter},
    {"tuiter", IdentityKind::kTwitter},
    {"tuitter", IdentityKind::kTwitter},
    {"tuitee", IdentityKind::kTwitter},
    {"tuiteo", IdentityKind::kTwitter},
    {"tuitear", IdentityKind::kTwitter},
    {"facebook", IdentityKind::kFacebook},
    {"fb", IdentityKind::kFacebook},
    {"linkedin", IdentityKind::kLinkedin},
}};

bool IsLocalChar(char c) {
  return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' ||
         c == '-';
}

bool IsDomainChar(char c) { return IsAsciiAlnum(c) || c == '.' || c == '-'; }

bool IsHandleRunChar(char c) {
  return IsAsciiAlnum(c) || c == '_' || c == '.' || c == '-';
}

// Whether `c` may stand right before the "@" of a handle: "x@y" is an
// email or nothing, never a mention of "y".
bool IsHandleBoundary(char c) {
  return !(IsAsciiAlnum(c) || c == '_' || c == '@' ||
           static_cast<uint8_t>(c) >= 0x80);
}

// Finds the email whose "@" is at `at`; sets [*begin, *end) and returns true.
bool FindEmailAt(std::string_view text, size_t at, size_t* begin, size_t* end) {
  size_t b = at;
  while (b > 0 && IsLocalChar(text[b - 1])) {
    --b;
    if (at - b > kMaxLocalPart) return false;
  }
  while (b < at && text[b] == '.') ++b;  // "...ava@x.com": an ellipsis
  if (b == at) return false;
  size_t e = at + 1;
  while (e < text.size() && IsDomainChar(text[e])) {
    ++e;
    if (e - at - 1 > kMaxDomain) return false;
  }
  // Sentence punctuation after the address is not part of it.
  while (e > at + 1 && (text[e - 1] == '.' || text[e - 1] == '-')) --e;
  if (!IsEmailDomain(text.substr(at + 1, e - at - 1))) return false;
  *begin = b;
  *end = e;
  return true;
}

// The kind named by the keyword nearest to the handle at [at, end), or
// kUnspecified if none is near.
IdentityKind KindFromNearbyWords(std::string_view text, size_t at, size_t end) {
  const size_t window_begin = at > kContextBefore ? at - kContextBefore : 0;
  const size_t window_end = std::min(text.size(), end + kContextAfter);
  IdentityKind best = IdentityKind::kUnspecified;
  size_t best_distance = std::numeric_limits<size_t>::max();
  size_t i = window_begin;
  // A word cut by the window's edge is not a word.
  if (i > 0 && IsAsciiAlpha(text[i - 1])) {
    while (i < window_end && IsAsciiAlpha(text[i])) ++i;
  }
  while (i < window_end) {
    if (!IsAsciiAlpha(text[i])) {
      ++i;
      continue;
    }
    const size_t word_begin = i;
    while (i < text.size() && IsAsciiAlpha(text[i])) ++i;
    const size_t word_end = i;
    if (word_end > window_end) break;
    if (word_begin >= at && word_begin < end) continue;  // the handle itself
    const std::string_view word =
        text.substr(word_begin, word_end - word_begin);
    for (const Keyword& keyword : kKeywords) {
      if (word.size() != keyword.word.size() ||
          !StartsWithIgnoreCase(word, keyword.word)) {
        continue;
      }
      const size_t distance = word_end <= at ? at - word_end : word_begin - end;
      if (distance < best_distance) {
        best_distance = distance;
        best = keyword.kind;
      }
      break;
    }
  }
  return best;
}

bool AllowedInHandle(IdentityKind kind, char c) {
  switch (kind) {
    case IdentityKind::kTwitter:
      return IsAsciiAlnum(c) || c == '_';
    case IdentityKind::kInstagram:
      return IsAsciiAlnum(c) || c == '_' || c == '.';
    default:  // Facebook and LinkedIn names: dots and dashes too
      return IsHandleRunChar(c);
  }
}

}  // namespace

std::vector<Mention> FindEmailsAndHandles(std::string_view text,
                                          Channel channel,
                                          size_t max_mentions) {
  std::vector<Mention> mentions;
  for (size_t at = text.find('@');
       at != std::string_view::npos && mentions.size() < max_mentions;
       at = text.find('@', at + 1)) {
    size_t begin = 0;
    size_t end = 0;
    if (FindEmailAt(text, at, &begin, &end)) {
      mentions.push_back(
          {begin, IdentityKind::kEmail, text.substr(begin, end - begin)});
      at = end - 1;
      continue;
    }
    if (at > 0 && !IsHandleBoundary(text[at - 1])) continue;
    size_t run_end = at + 1;
    while (run_end < text.size() && IsHandleRunChar(text[run_end]) &&
           run_end - at <= kMaxHandleRun) {
      ++run_end;
    }
    if (run_end == at + 1 || run_end - at > kMaxHandleRun) continue;
    // "@ava@example.com" is an email with a stray "@", found at the next "@".
    if (run_end < text.size() && text[run_end] == '@') continue;

    IdentityKind kind = KindFromNearbyWords(text, at, run_end);
    if (kind == IdentityKind::kUnspecified) {
      kind = channel == Channel::kInstagram ? IdentityKind::kInstagram
                                            : IdentityKind::kTwitter;
    }
    size_t handle_end = at + 1;
    while (handle_end < run_end && AllowedInHandle(kind, text[handle_end])) {
      ++handle_end;
    }
    // "@gmail.com" is a domain, not a Twitter handle.
    if (kind == IdentityKind::kTwitter && handle_end + 1 < text.size() &&
        text[handle_end] == '.' && IsAsciiAlnum(text[handle_end + 1])) {
      continue;
    }
    // Sentence punctuation after the handle is not part of it.
    while (handle_end > at + 1 &&
           (text[handle_end - 1] == '.' || text[handle_end - 1] == '-')) {
      --handle_end;
    }
    if (handle_end == at + 1) continue;
    mentions.push_back({at, kind, text.substr(at + 1, handle_end - at - 1)});
  }
  return mentions;
}

namespace {

// Words that name an account, folded to lower-case ASCII ("número" is
// matched by its unaccented form or by "cuenta" after it).
constexpr std::array<std::string_view, 5> kAccountWords = {
    "account", "acct", "acc", "cuenta", "cta"};
// Words that may stand between the account word and the number.
constexpr std::array<std::string_view, 16> kAccountFiller = {
    "number", "no", "nr", "nro", "num", "numero", "is", "es",
    "la",     "el", "de", "my",  "mi",  "id",     "n",  "o"};
// Bytes after the account word in which the number must start.
constexpr size_t kAccountReach = 32;
// Letters an account token may start with ("AC" in "AC-305510").
constexpr size_t kMaxAccountLetters = 4;

constexpr size_t LongestAccountWord() {
  size_t longest = 0;
  for (std::string_view word : kAccountWords) {
    if (word.size() > longest) longest = word.size();
  }
  return longest;
}
// How far the first digit of an account token lies at most from the start
// of its account word: the word, the reach, the letters and one separator.
constexpr size_t kWordToDigit =
    LongestAccountWord() + kAccountReach + kMaxAccountLetters + 1;

// What joins the digit groups of an account token ("8841 2231").
bool IsJoiner(char c) { return c == ' ' || c == '-' || c == '.' || c == '/'; }

// The first digit at or after `from` that starts a run of digits joined by
// single joiners with kMinAccountDigits digits or more, or text.size().
// Nothing but an account word, filler, letters and one separator stands
// before a token, so its first digit starts such a run: a digit that
// continues a run (right after a digit, or a joiner after one) is no
// token's first.
size_t NextTokenRun(std::string_view text, size_t from) {
  size_t i = from;
  while ((i = FindAsciiDigit(text, i)) < text.size()) {
    const size_t start = i;
    const bool continues = (start >= 1 && IsAsciiDigit(text[start - 1])) ||
                           (start >= 2 && IsJoiner(text[start - 1]) &&
                            IsAsciiDigit(text[start - 2]));
    size_t digits = 0;
    while (i < text.size()) {
      if (IsAsciiDigit(text[i])) {
        ++digits;
        ++i;
      } else if (IsJoiner(text[i]) && i + 1 < text.size() &&
                 IsAsciiDigit(text[i + 1])) {
        ++i;
      } else {
        break;
      }
    }
    if (!continues && digits >= kMinAccountDigits) return start;
  }
  return text.size();
}

// Whether an account word may start at `at`: an "a" or "c" (any case)
// that starts a word.
bool MayStartAccountWord(std::string_view text, size_t at) {
  const char c = AsciiLower(text[at]);
  return (c == 'a' || c == 'c') && (at == 0 || !IsAsciiAlpha(text[at - 1]));
}

bool WordAt(std::string_view text, size_t at, std::string_view word) {
  if (at > text.size() || !StartsWithIgnoreCase(text.substr(at), word)) {
    return false;
  }
  const size_t end = at + word.size();
  return (at == 0 || !IsAsciiAlpha(text[at - 1])) &&
         (end == text.size() || !IsAsciiAlpha(text[end]));
}

// The account token starting at `at`: up to four letters, then digit groups
// joined by single spaces, dashes, dots or slashes; five digits or more.
// Returns its end, or `at` when there is none.
size_t AccountTokenAt(std::string_view text, size_t at) {
  size_t i = at;
  size_t letters = 0;
  while (i < text.size() && IsAsciiAlpha(text[i]) &&
         letters <= kMaxAccountLetters) {
    ++i;
    ++letters;
  }
  if (letters > kMaxAccountLetters) return at;
  if (letters > 0 && i < text.size() &&
      (text[i] == '-' || text[i] == '.' || text[i] == ' ') &&
      i + 1 < text.size() && IsAsciiDigit(text[i + 1])) {
    ++i;
  }
  size_t digits = 0;
  size_t end = i;
  while (i < text.size()) {
    if (IsAsciiDigit(text[i])) {
      ++digits;
      end = ++i;
      continue;
    }
    if (IsJoiner(text[i]) && digits > 0 && i + 1 < text.size() &&
        IsAsciiDigit(text[i + 1])) {
      ++i;
      continue;
    }
    break;
  }
  if (digits < kMinAccountDigits || digits > 24) return at;
  if (end < text.size() && IsAsciiAlpha(text[end])) return at;  // a word
  return end;
}

}  // namespace

std::vector<Mention> FindAccountNumbers(std::string_view text,
                                        size_t max_mentions, AccountScan scan) {
  std::vector<Mention> out;
  const bool near_tokens = scan == AccountScan::kNearTokens;
  size_t next_run = near_tokens ? NextTokenRun(text, 0) : 0;
  for (size_t at = 0; at < text.size() && out.size() < max_mentions; ++at) {
    // An account word farther than kWordToDigit from the next run a token
    // can be is followed by no token: skip to within that distance.
    if (near_tokens) {
      if (next_run < at) next_run = NextTokenRun(text, at);
      if (next_run == text.size()) break;
      if (next_run - at > kWordToDigit) {
        at = next_run - kWordToDigit - 1;  // the loop's ++at is the next
        continue;
      }
    }
    // Every account word starts a word with "a" or "c" (WordAt): step over
    // the other bytes up to the run (which starts with a digit, no such
    // word) before comparing any word.
    const size_t reach = near_tokens ? next_run : text.size();
    while (at < reach && !MayStartAccountWord(text, at)) ++at;
    if (at == reach) continue;  // the loop's ++at steps past the run's digit
    size_t after = std::string_view::npos;
    for (std::string_view w : kAccountWords) {
      if (WordAt(text, at, w)) {
        after = at + w.size();
        break;
      }
    }
    if (after == std::string_view::npos) continue;
    // Skip filler words and punctuation up to the token.
    size_t i = after;
    while (i < text.size() && i - after <= kAccountReach) {
      const char d = text[i];
      if (d == ' ' || d == ':' || d == '#' || d == '.' || d == ',' ||
          d == '\xc2' || d == '\xb0' || d == '\xba') {  // "n°", "nº"
        ++i;
        continue;
      }
      bool filler = false;
      for (std::string_view f : kAccountFiller) {
        if (WordAt(text, i, f)) {
          i += f.size();
          filler = true;
          break;
        }
      }
      if (!filler) break;
    }
    if (i >= text.size() || i - after > kAccountReach) continue;
    const size_t end = AccountTokenAt(text, i);
    if (end == i) continue;
    out.push_back({i, IdentityKind::kAccount, text.substr(i, end - i)});
    at = end;
  }
  return out;
}

}  // namespace identity_internal
}  // namespace threadline
