#include "text/tokenizer.h"

#include <algorithm>
#include <cstring>

namespace threadline::text {
namespace {

// Base letters of U+00C0..U+00FF; 0 for the two that are not letters (the
// multiplication and division signs).
constexpr char kLatin1Fold[65] =
    "aaaaaaaceeeeiiiidnooooo\0ouuuuytsaaaaaaaceeeeiiiidnooooo\0ouuuuyty";
// Base letters of U+0100..U+017F (Latin Extended-A).
constexpr char kLatinAFold[129] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllll"
    "nnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

struct CodePoint {
  uint32_t value = 0;
  int length = 1;  // bytes consumed
  bool valid = false;
};

// Decodes the UTF-8 sequence at data[pos]; an invalid or truncated sequence
// is reported as one invalid byte so the caller skips just that byte.
CodePoint Decode(const unsigned char* data, size_t size, size_t pos) {
  CodePoint cp;
  const unsigned char c = data[pos];
  if (c < 0x80) {
    cp.value = c;
    cp.valid = true;
    return cp;
  }
  int n;
  uint32_t v, min;
  if ((c & 0xe0) == 0xc0) {
    n = 2, v = c & 0x1f, min = 0x80;
  } else if ((c & 0xf0) == 0xe0) {
    n = 3, v = c & 0x0f, min = 0x800;
  } else if ((c & 0xf8) == 0xf0) {
    n = 4, v = c & 0x07, min = 0x10000;
  } else {
    return cp;
  }
  if (pos + n > size) return cp;
  for (int i = 1; i < n; ++i) {
    const unsigned char d = data[pos + i];
    if ((d & 0xc0) != 0x80) return cp;
    v = (v << 6) | (d & 0x3f);
  }
  if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return cp;
  cp.value = v;
  cp.length = n;
  cp.valid = true;
  return cp;
}

// Folds a letter to its lower-case ASCII base; returns 0 for a non-letter.
char FoldLetter(uint32_t cp, bool* upper) {
  if (cp < 0x80) {
    if (cp >= 'a' && cp <= 'z') {
      *upper = false;
      return static_cast<char>(cp);
    }
    if (cp >= 'A' && cp <= 'Z') {
      *upper = true;
      return static_cast<char>(cp - 'A' + 'a');
    }
    return 0;
  }
  if (cp >= 0xc0 && cp <= 0xff) {
    *upper = cp < 0xdf;
    return kLatin1Fold[cp - 0xc0];
  }
  if (cp >= 0x100 && cp <= 0x17f) {
    // Upper and lower case alternate, with the parity flipping in two runs.
    const bool odd = cp & 1;
    *upper = ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17e))
                 ? odd
                 : (cp == 0x178 || (!odd && cp != 0x138 && cp != 0x17f));
    return kLatinAFold[cp - 0x100];
  }
  return 0;
}

bool IsApostrophe(uint32_t cp) {
  return cp == '\'' || cp == '`' || cp == 0xb4 || cp == 0x2018 || cp == 0x2019;
}

bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}

bool IsUnicodeSpace(uint32_t cp) {
  return cp == 0xa0 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

bool IsEmoji(uint32_t cp) {
  if (cp >= 0x1f3fb && cp <= 0x1f3ff) return false;  // skin-tone modifiers
  return (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x2600 && cp <= 0x27bf) ||
         cp == 0x2b50 || cp == 0x2b55 || cp == 0x2b06 || cp == 0x2b07 ||
         cp == 0x203c || cp == 0x2049 || cp == 0x2639 || cp == 0x263a;
}

bool IsAsciiLetter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

struct EmoticonPattern {
  const char* text;
  Emoticon emoticon;
};

// Longer patterns first so ":-)" is not read as ":-" and ")".
constexpr EmoticonPattern kEmoticons[] = {
    {":'-(", kCry},    {":’(", kCry},      {"</3", kBrokenHeart},
    {"^_^", kSmile},   {"-_-", kAnnoyed},  {";_;", kCry},
    {":-)", kSmile},   {":-]", kSmile},    {":-D", kLaugh},
    {";-)", kWink},    {":-P", kTongue},   {":-p", kTongue},
    {":-(", kFrown},   {":-[", kFrown},    {":-/", kAnnoyed},
    {":-|", kAnnoyed}, {":-O", kSurprise}, {":-o", kSurprise},
    {":'(", kCry},     {":)", kSmile},     {":]", kSmile},
    {"=)", kSmile},    {"(:", kSmile},     {"^^", kSmile},
    {":D", kLaugh},    {"=D", kLaugh},     {";)", kWink},
    {";D", kWink},     {":P", kTongue},    {":p", kTongue},
    {";P", kTongue},   {";p", kTongue},    {"<3", kHeart},
    {":(", kFrown},    {":[", kFrown},     {"=(", kFrown},
    {":/", kAnnoyed},  {":\\", kAnnoyed},  {":|", kAnnoyed},
    {":O", kSurprise}, {":o", kSurprise},
};

}  // namespace

int CollapseElongation(const Token& token, char* out) {
  int n = 0;
  for (int i = 0; i < token.size; ++i) {
    const bool long_run = i < 32 && ((token.elongated_runs >> i) & 1);
    if (long_run && n > 0 && out[n - 1] == token.text[i]) continue;
    out[n++] = token.text[i];
  }
  return n;
}

Tokenizer::Tokenizer(std::string_view text, size_t max_bytes)
    : data_(reinterpret_cast<const unsigned char*>(text.data())),
      size_(std::min(text.size(), max_bytes)) {}

bool Tokenizer::SkipSpecialChunk() {
  size_t end = pos_;
  bool at = false, scheme = false;
  while (end < size_ && !IsAsciiSpace(data_[end])) {
    const unsigned char c = data_[end];
    if (c == '@') at = true;
    if (c == ':' && end + 2 < size_ && data_[end + 1] == '/' &&
        data_[end + 2] == '/') {
      scheme = true;
    }
    ++end;
  }
  const size_t n = end - pos_;
  const bool www = n >= 4 && (data_[pos_] | 0x20) == 'w' &&
                   (data_[pos_ + 1] | 0x20) == 'w' &&
                   (data_[pos_ + 2] | 0x20) == 'w' && data_[pos_ + 3] == '.';
  if (!at && !scheme && !www) return false;
  pos_ = end;
  chunk_start_ = true;
  return true;
}

uint32_t Tokenizer::MatchEmoticon(size_t* length) const {
  switch (data_[pos_]) {
    case ':':
    case ';':
    case '=':
    case '(':
    case '<':
    case '^':
    case '-':
      break;
    default:
      return 0;  // no emoticon starts otherwise
  }
  const size_t left = size_ - pos_;
  for (const EmoticonPattern& p : kEmoticons) {
    const size_t n = std::strlen(p.text);
    if (n > left || std::memcmp(data_ + pos_, p.text, n) != 0) continue;
    // ":D" and ":P" must not begin a word (":Do you").
    const unsigned char last = static_cast<unsigned char>(p.text[n - 1]);
    if (IsAsciiLetter(last) && pos_ + n < size_ &&
        IsAsciiLetter(data_[pos_ + n])) {
      continue;
    }
    size_t end = pos_ + n;
    // ":)))" and ":((((" are one emoticon.
    while (end < size_ && data_[end] == last && !IsAsciiLetter(last)) ++end;
    *length = end - pos_;
    return p.emoticon;
  }
  return 0;
}

bool Tokenizer::Next(Token* token) {
  if (done_) return false;
  uint8_t gap = 0;
  int exclaims = 0;
  while (pos_ < size_) {
    const unsigned char c = data_[pos_];
    if (IsAsciiSpace(c)) {
      if (c == '\n') gap |= kGapPeriod;
      ++pos_;
      chunk_start_ = true;
      continue;
    }
    if (chunk_start_) {
      chunk_start_ = false;
      if (SkipSpecialChunk()) continue;
    }
    CodePoint cp = Decode(data_, size_, pos_);
    bool upper = false;
    char letter = cp.valid ? FoldLetter(cp.value, &upper) : 0;
    if (letter != 0) {
      // A word: letters, joined across inner apostrophes.
      token->kind = TokenKind::kWord;
      token->gap = gap;
      token->exclaims = static_cast<uint8_t>(std::min(exclaims, 255));
      token->size = 0;
      token->letters = 0;
      token->upper = 0;
      token->too_long = false;
      token->elongated = false;
      token->accented = false;
      token->elongated_runs = 0;
      token->symbol = 0;
      uint64_t h = kFnvOffset;
      char last = 0;
      int run = 0;
      // A hashtag's words are joined in camel case ("#NoInternet",
      // "#FelizLunes"): split them where a capital follows a small letter.
      const bool hashtag = (pos_ > 0 && data_[pos_ - 1] == '#') || camel_;
      camel_ = false;
      bool last_lower = false;
      while (true) {
        last_lower = !upper;
        pos_ += cp.length;
        if (letter == last) {
          ++run;
        } else {
          last = letter;
          run = 1;
        }
        if (cp.value >= 0x80) token->accented = true;
        if (token->letters < 255) ++token->letters;
        if (upper && token->upper < 255) ++token->upper;
        if (run <= 2) {
          if (token->size < kMaxWordBytes) {
            token->text[token->size] = letter;
            h = FnvStep(h, static_cast<unsigned char>(letter));
            token->prefix_hash[token->size] = h;
            ++token->size;
          } else {
            token->too_long = true;
          }
        } else {
          // No English or Spanish word has a letter three times in a row:
          // the writer is stretching it for emphasis.
          token->elongated = true;
          if (token->size > 0 && token->size <= 32) {
            token->elongated_runs |= 1u << (token->size - 1);
          }
        }
        if (pos_ >= size_) break;
        cp = Decode(data_, size_, pos_);
        if (!cp.valid) break;
        letter = FoldLetter(cp.value, &upper);
        if (letter != 0) {
          if (hashtag && upper && last_lower) {
            camel_ = true;
            break;
          }
          continue;
        }
        if (!IsApostrophe(cp.value)) break;
        // An apostrophe joins only when a letter follows it.
        const size_t next = pos_ + cp.length;
        if (next >= size_) break;
        const CodePoint after = Decode(data_, size_, next);
        if (!after.valid) break;
        letter = FoldLetter(after.value, &upper);
        if (letter == 0) break;
        pos_ = next;
        cp = after;
      }
      token->hash = h;
      return true;
    }
    if (!cp.valid) {
      ++pos_;  // an invalid byte separates words and is otherwise ignored
      continue;
    }
    if (cp.value < 0x80) {
      size_t length = 0;
      if (const uint32_t e = MatchEmoticon(&length); e != 0) {
        pos_ += length;
        token->kind = TokenKind::kEmoticon;
        token->gap = gap;
        token->exclaims = static_cast<uint8_t>(std::min(exclaims, 255));
        token->size = 0;
        token->letters = token->upper = 0;
        token->elongated = token->too_long = token->accented = false;
        token->symbol = e;
        token->hash = 0;
        return true;
      }
      switch (c) {
        case ',':
        case ';':
        case ':':
          gap |= kGapComma;
          break;
        case '.':
          gap |= kGapPeriod;
          break;
        case '?':
          gap |= kGapQuestion;
          break;
        case '!':
          gap |= kGapExclaim;
          ++exclaims;
          break;
        default:
          break;
      }
      ++pos_;
      continue;
    }
    pos_ += cp.length;
    if (IsUnicodeSpace(cp.value)) {
      chunk_start_ = true;
    } else if (IsEmoji(cp.value)) {
      token->kind = TokenKind::kEmoji;
      token->gap = gap;
      token->exclaims = static_cast<uint8_t>(std::min(exclaims, 255));
      token->size = 0;
      token->letters = token->upper = 0;
      token->elongated = token->too_long = token->accented = false;
      token->symbol = cp.value;
      token->hash = 0;
      return true;
    } else if (cp.value == 0xbf || cp.value == 0xa1) {  // ¿ ¡
      gap |= kGapInverted;
    } else if (cp.value == 0x2026) {  // ellipsis
      gap |= kGapPeriod;
    } else if (cp.value == 0x2013 || cp.value == 0x2014) {  // en/em dash
      gap |= kGapComma;
    }
  }
  token->kind = TokenKind::kEnd;
  token->gap = gap;
  token->exclaims = static_cast<uint8_t>(std::min(exclaims, 255));
  token->size = 0;
  token->symbol = 0;
  token->hash = 0;
  done_ = true;
  return true;
}

}  // namespace threadline::text
