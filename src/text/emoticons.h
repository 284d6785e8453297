// The ASCII faces the tokenizer recognizes (":)", ":-(", "<3"), as a table
// built at compile time: patterns grouped by first byte, as masked 8-byte
// words, with the second bytes each group may continue with. Internal to
// tokenizer.cc.
#ifndef THREADLINE_SRC_TEXT_EMOTICONS_H_
#define THREADLINE_SRC_TEXT_EMOTICONS_H_

#include <cstddef>
#include <cstdint>

#include "text/tokenizer.h"

namespace threadline::text::emoticons {

struct EmoticonPattern {
  const char* text;
  Emoticon emoticon;
};

// Longer patterns first so ":-)" is not read as ":-" and ")".
inline constexpr EmoticonPattern kEmoticons[] = {
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
inline constexpr size_t kEmoticonCount =
    sizeof(kEmoticons) / sizeof(kEmoticons[0]);

// The patterns as masked 8-byte words, grouped by first byte in their
// listed order (patterns with different first bytes never both match, so
// the first match within a group is the first match of the list), with the
// second bytes each group can continue with: a ':' before a digit or a
// space is rejected in two loads.
struct EmoticonTable {
  struct Pattern {
    uint64_t bits;
    uint64_t mask;
    uint8_t length;
    uint8_t last;
    Emoticon emoticon;
  };
  Pattern patterns[kEmoticonCount];
  uint8_t begin[256];
  uint8_t end[256];
  uint64_t second[256][4];  // bit b: some pattern of the group has byte b next
};

constexpr EmoticonTable MakeEmoticonTable() {
  EmoticonTable t{};
  size_t n = 0;
  for (int first = 0; first < 256; ++first) {
    t.begin[first] = static_cast<uint8_t>(n);
    for (const EmoticonPattern& p : kEmoticons) {
      if (static_cast<unsigned char>(p.text[0]) != first) continue;
      EmoticonTable::Pattern& q = t.patterns[n++];
      uint8_t length = 0;
      while (p.text[length] != 0) {
        const uint64_t byte = static_cast<unsigned char>(p.text[length]);
        q.bits |= byte << (8 * length);
        q.mask |= uint64_t{0xff} << (8 * length);
        ++length;
      }
      q.length = length;
      q.last = static_cast<uint8_t>(p.text[length - 1]);
      q.emoticon = p.emoticon;
      const unsigned char second = static_cast<unsigned char>(p.text[1]);
      t.second[first][second >> 6] |= uint64_t{1} << (second & 63);
    }
    t.end[first] = static_cast<uint8_t>(n);
  }
  return t;
}
inline constexpr EmoticonTable kEmoticonTable = MakeEmoticonTable();

// The first `n` (<= 8) bytes at p as a little-endian word, zero-padded: no
// pattern byte is 0, so a pattern longer than what is left never matches.
inline uint64_t LoadWord(const unsigned char* p, size_t n) {
  uint64_t w = 0;
  if (n >= 8) {
    std::memcpy(&w, p, 8);
  } else {
    for (size_t i = 0; i < n; ++i) w |= uint64_t{p[i]} << (8 * i);
  }
  return w;
}

}  // namespace threadline::text::emoticons

#endif  // THREADLINE_SRC_TEXT_EMOTICONS_H_
