// Finding email addresses, web addresses, "@handles" and a known account
// value in a reply (identifiers.h).
#include "guard/identifiers.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "guard/text.h"

namespace threadline::guard_internal {
namespace {

bool IsEmailLocalChar(char c) {
  return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' ||
         c == '-';
}

bool IsHandleChar(char c) { return IsAsciiAlnum(c) || c == '_'; }

bool StartsWithIgnoreCase(std::string_view text, size_t pos,
                          std::string_view lower_prefix) {
  if (text.size() - pos < lower_prefix.size()) return false;
  for (size_t i = 0; i < lower_prefix.size(); ++i) {
    if (AsciiLower(text[pos + i]) != lower_prefix[i]) return false;
  }
  return true;
}

// Whether `domain` can be an email domain: dot-separated labels of letters,
// digits and dashes (non-ASCII allowed for internationalized names), the last
// of two letters or more.
bool IsEmailDomain(std::string_view domain) {
  if (domain.empty()) return false;
  size_t label_begin = 0;
  int labels = 0;
  for (size_t i = 0; i <= domain.size(); ++i) {
    if (i < domain.size() && domain[i] != '.') continue;
    const std::string_view label = domain.substr(label_begin, i - label_begin);
    if (label.empty() || label.front() == '-' || label.back() == '-') {
      return false;
    }
    ++labels;
    if (i == domain.size()) {
      if (label.size() < 2) return false;
      for (char c : label) {
        if (!IsAsciiAlpha(c) && static_cast<unsigned char>(c) < 0x80) {
          return false;
        }
      }
    }
    label_begin = i + 1;
  }
  return labels >= 2;
}

}  // namespace

std::vector<Span> FindEmails(std::string_view text) {
  std::vector<Span> found;
  for (size_t at = text.find('@'); at != std::string_view::npos;
       at = text.find('@', at + 1)) {
    size_t begin = at;
    while (begin > 0 && IsEmailLocalChar(text[begin - 1])) --begin;
    while (begin < at && (text[begin] == '.' || text[begin] == '-')) ++begin;
    if (begin == at || text[at - 1] == '.') continue;
    size_t end = at + 1;
    while (end < text.size()) {
      const unsigned char c = static_cast<unsigned char>(text[end]);
      if (IsAsciiAlnum(c) || c == '-' || c == '.') {
        ++end;
      } else if (c >= 0x80) {
        int n = 0;
        const uint32_t cp = DecodeAt(text, end, &n);
        guard_internal::Letter letter;
        if (!guard_internal::FoldLetter(cp, &letter)) break;
        end += n;
      } else {
        break;
      }
    }
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) {
      --end;
    }
    if (!IsEmailDomain(text.substr(at + 1, end - at - 1))) continue;
    found.push_back({begin, end});
    at = end - 1;
  }
  return found;
}

void SkipUrls(std::string_view text, std::vector<uint8_t>* skip) {
  const auto skip_from = [&](size_t begin) {
    size_t end = begin;
    while (end < text.size()) {
      const char c = text[end];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '<' ||
          c == '>' || c == '"' || c == '`') {
        break;
      }
      ++end;
    }
    while (end > begin && std::string_view(".,;:!?)'").find(text[end - 1]) !=
                              std::string_view::npos) {
      --end;
    }
    std::fill(skip->begin() + begin, skip->begin() + end, kSkipped);
    return end;
  };
  const auto at_word_start = [&](size_t pos) {
    return pos == 0 || !IsAsciiAlnum(text[pos - 1]);
  };
  // "http://" and "https://", found by their "://".
  for (size_t colon = text.find("://"); colon != std::string_view::npos;
       colon = text.find("://", colon + 3)) {
    for (size_t scheme : {size_t{4}, size_t{5}}) {
      if (colon < scheme) continue;
      const size_t begin = colon - scheme;
      if (StartsWithIgnoreCase(text, begin,
                               scheme == 4 ? "http://" : "https://") &&
          at_word_start(begin)) {
        colon = std::max(colon, skip_from(begin));
        break;
      }
    }
  }
  // "www." without a scheme.
  for (size_t dot = text.find('.'); dot != std::string_view::npos;
       dot = text.find('.', dot + 1)) {
    if (dot < 3 || (*skip)[dot] ||
        !StartsWithIgnoreCase(text, dot - 3, "www.") ||
        !at_word_start(dot - 3)) {
      continue;
    }
    dot = std::max(dot, skip_from(dot - 3));
  }
}

std::vector<Span> FindHandles(std::string_view text,
                              const std::vector<uint8_t>& skip) {
  std::vector<Span> found;
  for (size_t at = text.find('@'); at != std::string_view::npos;
       at = text.find('@', at + 1)) {
    if (skip[at] ||
        (at > 0 && (IsHandleChar(text[at - 1]) || text[at - 1] == '.'))) {
      continue;
    }
    size_t end = at + 1;
    while (end < text.size() && (IsHandleChar(text[end]) ||
                                 (text[end] == '.' && end + 1 < text.size() &&
                                  IsHandleChar(text[end + 1])))) {
      ++end;
    }
    if (end == at + 1) continue;
    found.push_back({at, end});
  }
  return found;
}

void FindAccountValue(std::string_view text, const std::vector<uint8_t>& skip,
                      std::string_view value, std::vector<Span>* out) {
  for (size_t start = 0; start < text.size(); ++start) {
    if (skip[start] || AsciiUpper(text[start]) != value[0] ||
        (start > 0 && IsAsciiAlnum(text[start - 1]))) {
      continue;
    }
    size_t pos = start;
    size_t matched = 0;
    while (matched < value.size() && pos < text.size() && !skip[pos]) {
      const char c = text[pos];
      if (IsAsciiAlnum(c)) {
        if (AsciiUpper(c) != value[matched]) break;
        ++matched;
        ++pos;
      } else if ((c == '-' || c == ' ' || c == '.' || c == '/') &&
                 pos + 1 < text.size() && IsAsciiAlnum(text[pos + 1])) {
        ++pos;
      } else {
        break;
      }
    }
    if (matched == value.size() &&
        (pos == text.size() || !IsAsciiAlnum(text[pos]))) {
      out->push_back({start, pos});
      start = pos;
    }
  }
}

}  // namespace threadline::guard_internal
