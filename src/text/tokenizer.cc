#include "text/tokenizer.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "text/emoticons.h"
#include "text/tokenizer_chars.h"

namespace threadline::text {
namespace {

using chars::CodePoint;
using chars::Decode;
using chars::FoldLetter;
using chars::IsApostrophe;
using chars::IsAsciiLetter;
using chars::IsAsciiSpace;
using chars::IsEmoji;
using chars::IsUnicodeSpace;
using chars::kBytes;
using chars::kEmoticonStart;
using chars::kHigh;
using chars::kLower;
using chars::kOther;
using chars::kSpace;
using chars::kUpper;
using emoticons::EmoticonTable;
using emoticons::kEmoticonTable;
using emoticons::LoadWord;
using tokenizer_internal::AsciiLetters;
using tokenizer_internal::HasTripleLetter;
using tokenizer_internal::HasTripleLetterIn8;
using tokenizer_internal::kEachByte;
using tokenizer_internal::kHighBits;
using tokenizer_internal::LoadUpTo8;
using tokenizer_internal::MayContinueWord;
using tokenizer_internal::SaturatedCount;
using tokenizer_internal::SetAsciiWord;
using tokenizer_internal::SetEnd;
using tokenizer_internal::UpperBytes;

// The position of the next "://" at or after `from` that ends before
// `size`, or `size`.
size_t FindScheme(const unsigned char* data, size_t size, size_t from) {
  while (from < size) {
    const void* hit = std::memchr(data + from, ':', size - from);
    if (hit == nullptr) return size;
    const size_t k = static_cast<const unsigned char*>(hit) - data;
    if (k + 2 < size && data[k + 1] == '/' && data[k + 2] == '/') return k;
    from = k + 1;
  }
  return size;
}

size_t FindAt(const unsigned char* data, size_t size, size_t from) {
  if (from >= size) return size;
  const void* hit = std::memchr(data + from, '@', size - from);
  return hit == nullptr ? size
                        : static_cast<size_t>(
                              static_cast<const unsigned char*>(hit) - data);
}

inline void SetSymbol(Token* token, TokenKind kind, uint8_t gap, int exclaims,
                      uint32_t symbol) {
  token->kind = kind;
  token->gap = gap;
  token->exclaims = SaturatedCount(exclaims);
  token->size = 0;
  token->letters = token->upper = 0;
  token->elongated = token->too_long = token->accented = false;
  token->symbol = symbol;
  token->hash = 0;
}

}  // namespace

int CollapseElongation(const Token& token, char* out) {
  if (!token.elongated) {
    std::memcpy(out, token.text, token.size);
    return token.size;
  }
  int n = 0;
  for (int i = 0; i < token.size; ++i) {
    const bool long_run = i < 32 && ((token.elongated_runs >> i) & 1);
    if (long_run && n > 0 && out[n - 1] == token.text[i]) continue;
    out[n++] = token.text[i];
  }
  return n;
}

Tokenizer::Tokenizer(std::string_view text, size_t max_bytes, bool hashes)
    : data_(reinterpret_cast<const unsigned char*>(text.data())),
      size_(std::min(text.size(), max_bytes)),
      hashes_(hashes) {}

void Tokenizer::FindSpecials(size_t pos) {
  if (!specials_known_ || next_at_ < pos) next_at_ = FindAt(data_, size_, pos);
  if (!specials_known_ || next_scheme_ < pos) {
    next_scheme_ = FindScheme(data_, size_, pos);
  }
  specials_known_ = true;
  next_special_ = std::min(next_at_, next_scheme_);
}

inline size_t Tokenizer::SkipSpecialChunk(size_t pos) {
  // A chunk is special when it holds an '@' or a "://", or begins "www.".
  if (next_special_ <= pos) FindSpecials(pos);
  size_t end = pos;
  const bool www = pos + 4 <= size_ && (data_[pos] | 0x20) == 'w' &&
                   (data_[pos + 1] | 0x20) == 'w' &&
                   (data_[pos + 2] | 0x20) == 'w' && data_[pos + 3] == '.';
  if (!www) {
    if (next_special_ >= size_) return pos;
    // Special only if no whitespace comes first.
    while (end < next_special_ && !IsAsciiSpace(data_[end])) ++end;
    if (end < next_special_) return pos;
  }
  while (end < size_ && !IsAsciiSpace(data_[end])) ++end;
  return end;
}

uint32_t Tokenizer::MatchEmoticon(size_t pos, size_t* length) const {
  const unsigned char first = data_[pos];
  const size_t left = size_ - pos;
  const unsigned char second = left > 1 ? data_[pos + 1] : 0;
  if (((kEmoticonTable.second[first][second >> 6] >> (second & 63)) & 1) == 0) {
    return 0;
  }
  const uint64_t word = LoadWord(data_ + pos, left);
  for (int i = kEmoticonTable.begin[first]; i < kEmoticonTable.end[first];
       ++i) {
    const EmoticonTable::Pattern& p = kEmoticonTable.patterns[i];
    if ((word & p.mask) != p.bits) continue;
    const size_t n = p.length;
    // ":D" and ":P" must not begin a word (":Do you").
    const bool letter = IsAsciiLetter(p.last);
    if (letter && pos + n < size_ && IsAsciiLetter(data_[pos + n])) {
      continue;
    }
    size_t end = pos + n;
    // ":)))" and ":((((" are one emoticon.
    if (!letter) {
      while (end < size_ && data_[end] == p.last) ++end;
    }
    *length = end - pos;
    return p.emoticon;
  }
  return 0;
}

namespace {

// The letters of a word read so far.
struct WordState {
  uint32_t size = 0;
  uint32_t run = 0;   // times `last` came in a row
  uint32_t runs = 0;  // Token::elongated_runs
  char last = 0;
  bool too_long = false;
  bool elongated = false;
  uint64_t hash = kFnvOffset;
};

// Adds one folded letter: kept unless it is the third of a run ("sooo": no
// English or Spanish word has a letter three times in a row, so the writer
// is stretching it for emphasis).
inline void AddLetter(char c, WordState* w, Token* token) {
  if (c == w->last) {
    if (++w->run > 2) {
      w->elongated = true;
      if (w->size > 0) w->runs |= 1u << (w->size - 1);
      return;
    }
  } else {
    w->last = c;
    w->run = 1;
  }
  if (w->size < kMaxWordBytes) {
    w->hash = FnvStep(w->hash, static_cast<unsigned char>(c));
    token->text[w->size] = c;
    token->prefix_hash[w->size] = w->hash;
    ++w->size;
  } else {
    w->too_long = true;
  }
}

// AddLetter for each letter of the run of ASCII letters at data[pos, end),
// the bulk of most text; returns where the run ends, adding its letters to
// *letters and its small letters (bit 5 set) to *lowers. The state is
// copied into locals for the loop: the stores into the token may alias it,
// and would otherwise force it back to memory each letter.
size_t AddAsciiLetters(const unsigned char* data, size_t pos, size_t end,
                       WordState* state, size_t* letters, size_t* lowers,
                       Token* token) {
  WordState w = *state;
  char* const text = token->text;
  uint64_t* const prefix = token->prefix_hash;
  const size_t from = pos;
  size_t small = 0;
  for (; pos < end; ++pos) {
    const unsigned char b = data[pos];
    const char c = static_cast<char>(b | 0x20);
    // Only an ASCII letter folds into 'a'..'z': (c - 'a') wraps every
    // other byte, bit 7 set or not, to 26 or more.
    if (static_cast<unsigned char>(c - 'a') >= 26) break;
    small += (b >> 5) & 1;
    if (c == w.last) {
      if (++w.run > 2) {
        w.elongated = true;
        if (w.size > 0) w.runs |= 1u << (w.size - 1);
        continue;
      }
    } else {
      w.last = c;
      w.run = 1;
    }
    if (w.size < kMaxWordBytes) {
      w.hash = FnvStep(w.hash, static_cast<unsigned char>(c));
      text[w.size] = c;
      prefix[w.size] = w.hash;
      ++w.size;
    } else {
      w.too_long = true;
    }
  }
  *state = w;
  *letters += pos - from;
  *lowers += small;
  return pos;
}

// ReadAsciiWord (below) for a word of eight letters or more.
size_t ReadLongAsciiWord(const unsigned char* data, size_t end, size_t pos,
                         Token* token);

// The word of `n` ASCII letters, `upper_bytes` (UpperBytes) of them
// capitals, whose text and prefix hashes are in *token and whose hash is
// `hash`.
inline void SetHashedAsciiWord(Token* token, size_t n, uint64_t upper_bytes,
                               uint64_t hash) {
  SetAsciiWord(token, n, upper_bytes);
  token->hashed = true;
  token->hash = hash;
}

// FnvStep from `h` over the first `k` bytes of `letters` (folded letters
// of a word, the first in the low byte), noting the hash after each in
// prefix[0, k); returns the last.
inline uint64_t HashLetters(uint64_t h, uint64_t letters, size_t k,
                            uint64_t* prefix) {
  for (size_t j = 0; j < k; ++j) {
    h = FnvStep(h, static_cast<unsigned char>(letters));
    letters >>= 8;
    prefix[j] = h;
  }
  return h;
}

// The common word: ASCII letters only, outside a hashtag, as ReadWord below
// reads it. Reads the word at data[pos] (an ASCII letter) into *token and
// returns where it ends; returns `pos` (having written to the token's
// text) when the word needs ReadWord: it is followed by an apostrophe or a
// non-ASCII byte (which may continue it), has a letter three times in a
// row, or is longer than kMaxWordBytes. Words of up to seven letters are
// read from one load of eight bytes; longer ones by ReadLongAsciiWord.
inline size_t ReadAsciiWord(const unsigned char* data, size_t end, size_t pos,
                            Token* token) {
  const uint64_t w = LoadUpTo8(data, pos, end);
  const uint64_t letters = AsciiLetters(w);
  const uint64_t stop = ~letters & kHighBits;
  if (stop == 0) return ReadLongAsciiWord(data, end, pos, token);
  const unsigned k = __builtin_ctzll(stop) >> 3;  // letters: 1 to 7
  // The bits of the word's bytes (and the low bits of the next one).
  const uint64_t in_word = (stop & -stop) - 1;
  // The byte after the word (0 at the end of the text).
  const unsigned next = static_cast<unsigned>(w >> (8 * k)) & 0xff;
  if (MayContinueWord(next)) return pos;
  const uint64_t lower = w | (kEachByte * 0x20);
  if (HasTripleLetterIn8(lower, in_word)) return pos;
  std::memcpy(token->text, &lower, 8);
  const uint64_t h = HashLetters(kFnvOffset, lower, k, token->prefix_hash);
  SetHashedAsciiWord(token, k, UpperBytes(w, letters, in_word), h);
  return pos + k;
}

size_t ReadLongAsciiWord(const unsigned char* data, size_t end, size_t pos,
                         Token* token) {
  char* const text = token->text;
  uint64_t* const prefix = token->prefix_hash;
  uint64_t h = kFnvOffset;
  uint64_t uppers = 0;  // a count in each byte
  size_t n = 0;
  size_t i = pos;
  while (true) {
    const uint64_t w = LoadUpTo8(data, i, end);
    const uint64_t letters = AsciiLetters(w);
    const uint64_t stop = ~letters & kHighBits;
    const size_t k = stop == 0 ? 8 : __builtin_ctzll(stop) >> 3;
    if (n + k > static_cast<size_t>(kMaxWordBytes)) return pos;
    // The letters of this load: all bytes below the first that is not one.
    const uint64_t in_word = stop == 0 ? ~uint64_t{0} : (stop & -stop) - 1;
    uppers += UpperBytes(w, letters, in_word);
    const uint64_t lower = w | (kEachByte * 0x20);
    std::memcpy(text + n, &lower, 8);
    h = HashLetters(h, lower, k, prefix + n);
    n += k;
    i += k;
    if (k < 8 || i == end) break;
  }
  if (i < end && MayContinueWord(data[i])) return pos;
  if (HasTripleLetter(text, n)) return pos;
  SetHashedAsciiWord(token, n, uppers, h);
  return i;
}

// Reads the word whose first letter (`letter`, `upper`, `length` bytes,
// `non_ascii` when folded from a non-ASCII one) is at `pos` into *token;
// returns where it ended. In a hashtag (`hashtag`) it stops at a capital
// that follows a small letter and sets *camel ("#NoInternet").
size_t ReadWord(const unsigned char* data, size_t end, size_t pos, char letter,
                bool upper, int length, bool non_ascii, bool hashtag,
                bool* camel, Token* token) {
  // The first letter starts the word: no run to compare it with.
  WordState w;
  w.size = 1;
  w.run = 1;
  w.last = letter;
  w.hash = FnvStep(kFnvOffset, static_cast<unsigned char>(letter));
  token->text[0] = letter;
  token->prefix_hash[0] = w.hash;
  // Letters and capitals are counted in full and saturated at the end,
  // which gives what saturating each step would.
  size_t letters = 1, uppers = upper;
  bool accented = non_ascii;
  pos += length;
  while (pos < end) {
    if (!hashtag) {
      // (Outside a hashtag no capital splits a word: `upper` is moot.)
      size_t run_letters = 0, run_lowers = 0;
      pos =
          AddAsciiLetters(data, pos, end, &w, &run_letters, &run_lowers, token);
      letters += run_letters;
      uppers += run_letters - run_lowers;
      if (pos >= end) break;
    }
    const unsigned char b = data[pos];
    const uint8_t cls = kBytes.cls[b];
    if (cls == kLower || cls == kUpper) {  // in a hashtag
      const bool up = cls == kUpper;
      if (up && !upper) {
        *camel = true;
        break;
      }
      upper = up;
      ++letters;
      uppers += up;
      AddLetter(static_cast<char>(b | 0x20), &w, token);
      ++pos;
      continue;
    }
    size_t next;
    if (cls != kHigh) {
      if (b != '\'' && b != '`') break;
      next = pos + 1;
    } else {
      const CodePoint cp = Decode(data, end, pos);
      if (!cp.valid) break;
      bool up = false;
      if (const char c = FoldLetter(cp.value, &up); c != 0) {
        if (hashtag && up && !upper) {
          *camel = true;
          break;
        }
        upper = up;
        ++letters;
        uppers += up;
        accented = true;
        AddLetter(c, &w, token);
        pos += cp.length;
        continue;
      }
      if (!IsApostrophe(cp.value)) break;
      next = pos + cp.length;
    }
    // An apostrophe joins only when a letter follows it (and then never
    // splits a hashtag).
    if (next >= end) break;
    const CodePoint after = Decode(data, end, next);
    if (!after.valid) break;
    bool up = false;
    const char c = FoldLetter(after.value, &up);
    if (c == 0) break;
    upper = up;
    ++letters;
    uppers += up;
    accented |= after.value >= 0x80;
    AddLetter(c, &w, token);
    pos = next + after.length;
  }
  token->kind = TokenKind::kWord;
  token->size = static_cast<uint8_t>(w.size);
  token->letters = static_cast<uint8_t>(std::min<size_t>(letters, 255));
  token->upper = static_cast<uint8_t>(std::min<size_t>(uppers, 255));
  token->too_long = w.too_long;
  token->elongated = w.elongated;
  token->accented = accented;
  token->elongated_runs = w.runs;
  token->symbol = 0;
  token->hashed = true;
  token->hash = w.hash;
  return pos;
}

}  // namespace

bool Tokenizer::NextGeneral(Token* token) {
  if (done_) return false;
  // The position lives in a local: stores into *token may alias members.
  const unsigned char* const data = data_;
  const size_t end = size_;
  size_t pos = pos_;
  uint8_t gap = 0;
  int exclaims = 0;
  while (pos < end) {
    const unsigned char c = data[pos];
    const uint8_t cls = kBytes.cls[c];
    if (cls == kSpace) {
      if (c == '\n') gap |= kGapPeriod;
      ++pos;
      chunk_start_ = true;
      continue;
    }
    if (chunk_start_) {
      chunk_start_ = false;
      if (const size_t skip = SkipSpecialChunk(pos); skip != pos) {
        pos = skip;
        chunk_start_ = true;
        continue;
      }
    }
    char letter = 0;
    bool upper = false;
    int length = 1;
    bool non_ascii = false;
    if ((cls == kLower || cls == kUpper) && !camel_ &&
        (pos == 0 || data[pos - 1] != '#')) {
      if (const size_t stop = ReadAsciiWord(data, end, pos, token);
          stop != pos) {
        pos_ = stop;
        token->gap = gap;
        token->exclaims = SaturatedCount(exclaims);
        return true;
      }
    }
    if (cls == kLower || cls == kUpper) {
      letter = static_cast<char>(c | 0x20);
      upper = cls == kUpper;
    } else if (cls == kOther) {
      const uint8_t punct = kBytes.punct[c];
      if (punct & kEmoticonStart) {
        size_t size = 0;
        if (const uint32_t e = MatchEmoticon(pos, &size); e != 0) {
          pos_ = pos + size;
          SetSymbol(token, TokenKind::kEmoticon, gap, exclaims, e);
          return true;
        }
      }
      gap |= punct & ~kEmoticonStart;
      if (c == '!') ++exclaims;
      ++pos;
      continue;
    } else {
      const CodePoint cp = Decode(data, end, pos);
      if (!cp.valid) {
        ++pos;  // an invalid byte separates words and is otherwise ignored
        continue;
      }
      letter = FoldLetter(cp.value, &upper);
      if (letter == 0) {
        pos += cp.length;
        if (IsUnicodeSpace(cp.value)) {
          chunk_start_ = true;
        } else if (IsEmoji(cp.value)) {
          pos_ = pos;
          SetSymbol(token, TokenKind::kEmoji, gap, exclaims, cp.value);
          return true;
        } else if (cp.value == 0xbf || cp.value == 0xa1) {  // ¿ ¡
          gap |= kGapInverted;
        } else if (cp.value == 0x2026) {  // ellipsis
          gap |= kGapPeriod;
        } else if (cp.value == 0x2013 || cp.value == 0x2014) {  // dashes
          gap |= kGapComma;
        }
        continue;
      }
      length = cp.length;
      non_ascii = true;
    }
    const bool hashtag = (pos > 0 && data[pos - 1] == '#') || camel_;
    camel_ = false;
    pos_ = ReadWord(data, end, pos, letter, upper, length, non_ascii, hashtag,
                    &camel_, token);
    token->gap = gap;
    token->exclaims = SaturatedCount(exclaims);
    return true;
  }
  pos_ = pos;
  done_ = true;
  SetEnd(token, gap, exclaims);
  return true;
}

}  // namespace threadline::text
