// The tokenizer shared by the text analyzers: splits a message into
// normalized word tokens, emoticons and emoji, with what separates them.
//
// Words are runs of letters, lower-cased and folded to ASCII ("Contraseña" and
// "contrasena" are both "contrasena"), so a lexicon written without accents
// matches text typed either way. A hashtag written in camel case is split
// into its words ("#EpicFail" is "epic" and "fail"). Apostrophes inside a word
// join it ("don't" and "dont" are one token). Digits and other symbols separate
// words, so phone numbers and amounts leave no word behind. Whole
// whitespace-separated chunks that are @handles, URLs or email addresses are
// skipped: they name people and places, not what the message says. Invalid
// UTF-8 bytes are separators. Work is linear in the input and allocation-free.
//
// Thread-compatible: a Tokenizer reads one text; make one per call.
#ifndef THREADLINE_SRC_TEXT_TOKENIZER_H_
#define THREADLINE_SRC_TEXT_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace threadline::text {

// Longest normalized word kept; a longer word is marked too_long and holds
// only its first kMaxWordBytes letters.
inline constexpr int kMaxWordBytes = 28;
// Token::text's capacity: room past the longest word, so that a word can be
// written and read eight bytes at a time.
inline constexpr int kWordBufferBytes = 40;

// 64-bit FNV-1a, the hash of normalized token text used by every lexicon.
inline constexpr uint64_t kFnvOffset = 1469598103934665603ull;
inline constexpr uint64_t kFnvPrime = 1099511628211ull;
inline uint64_t FnvStep(uint64_t h, unsigned char c) {
  return (h ^ c) * kFnvPrime;
}
inline uint64_t HashWord(std::string_view s) {
  uint64_t h = kFnvOffset;
  for (unsigned char c : s) h = FnvStep(h, c);
  return h;
}
// PrefixHashes: HashWord of text[0, size), returned, with in prefix[i] that
// of its first i + 1 bytes (the stems lexicons look up).
inline uint64_t PrefixHashes(const char* text, size_t size, uint64_t* prefix) {
  uint64_t h = kFnvOffset;
  for (size_t i = 0; i < size; ++i) {
    h = FnvStep(h, static_cast<unsigned char>(text[i]));
    prefix[i] = h;
  }
  return h;
}

enum class TokenKind : uint8_t {
  kWord,      // letters, normalized into `text`
  kEmoticon,  // an ASCII face such as ":)" or "<3"; `symbol` is its Emoticon
  kEmoji,     // a pictograph; `symbol` is its code point
  kEnd,       // no more tokens; `gap` holds the trailing punctuation
};

// Emoticon: the ASCII faces the tokenizer recognizes.
enum Emoticon : uint32_t {
  kSmile = 1,    // :) :-) =) :] (:
  kLaugh,        // :D =D xD XD
  kWink,         // ;) ;-) ;D
  kTongue,       // :P :p
  kHeart,        // <3
  kFrown,        // :( :-( =( :[ ):
  kCry,          // :'( T_T
  kAnnoyed,      // :/ :-/ :\ -_- :|
  kSurprise,     // :O :o
  kBrokenHeart,  // </3
};

// Gap: what lay between the previous token and this one (bit flags), and for
// kEnd what followed the last token.
enum Gap : uint8_t {
  kGapComma = 1,      // , ; : or a dash between words: a clause break
  kGapPeriod = 2,     // . or a line break: a sentence ended
  kGapQuestion = 4,   // ? (also ends a sentence)
  kGapExclaim = 8,    // ! (also ends a sentence)
  kGapInverted = 16,  // a Spanish opening mark, ¿ or ¡
};
inline constexpr uint8_t kGapSentence = kGapPeriod | kGapQuestion | kGapExclaim;

struct Token {
  TokenKind kind = TokenKind::kEnd;
  uint8_t gap = 0;              // Gap flags before this token
  uint8_t exclaims = 0;         // '!' in the gap (saturates at 255)
  uint8_t size = 0;             // bytes in text
  uint8_t letters = 0;          // letters seen (saturates at 255)
  uint8_t upper = 0;            // of which upper case (saturates at 255)
  bool too_long = false;        // more letters than kMaxWordBytes
  bool elongated = false;       // a letter ran 3+ times ("sooo"), kept twice
  bool accented = false;        // a letter was folded from a non-ASCII one
  uint32_t elongated_runs = 0;  // bit i: the run ending at text[i] was long
  uint32_t symbol = 0;          // kEmoticon: an Emoticon; kEmoji: code point
  // For kWord, when `hashed` (always, unless the Tokenizer was asked not
  // to hash; then HashToken fills them): HashWord(text), and in
  // prefix_hash[i] HashWord of text[0..i] (the first i+1 bytes).
  bool hashed = false;
  uint64_t hash = 0;
  uint64_t prefix_hash[kMaxWordBytes];
  // text[0, size) holds the word; the bytes after it are unspecified.
  char text[kWordBufferBytes];

  std::string_view word() const { return std::string_view(text, size); }
  // All capitals: at least two letters, all upper case ("NEVER", not "I").
  bool all_caps() const { return letters >= 2 && upper == letters; }
};

// HashToken: fills the hashes of a word token read without them.
inline void HashToken(Token* token) {
  token->hash = PrefixHashes(token->text, token->size, token->prefix_hash);
  token->hashed = true;
}

// Collapses each elongated run of `token` to one letter ("soo" from "sooo"
// becomes "so"), writing into `out` (kMaxWordBytes long); returns the size.
int CollapseElongation(const Token& token, char* out);

namespace tokenizer_internal {

// Each of eight bytes, and the high bit of each.
inline constexpr uint64_t kEachByte = 0x0101010101010101ull;
inline constexpr uint64_t kHighBits = 0x8080808080808080ull;

// The high bit of each byte of an ASCII letter among the eight bytes `w`
// (bytes 0x80 and above are none).
inline uint64_t AsciiLetters(uint64_t w) {
  // Folded to lower case: the high bit of (t + 0x1f) says t >= 'a', of
  // (t + 0x05) says t > 'z'.
  const uint64_t t = (w | (kEachByte * 0x20)) & ~kHighBits;
  return (t + kEachByte * 0x1f) & ~(t + kEachByte * 0x05) & ~w & kHighBits;
}

// The high bit of each byte of `w` that is zero.
inline uint64_t ZeroBytes(uint64_t w) {
  const uint64_t low7 = ~kHighBits;
  return ~(((w & low7) + low7) | w) & kHighBits;
}

// The eight bytes at data[pos] (or as many as there are before `end`, at
// least one, then zeros, which are no letter), little-endian.
inline uint64_t LoadUpTo8(const unsigned char* data, size_t pos, size_t end) {
  uint64_t w = 0;
  if (end - pos >= 8) {
    std::memcpy(&w, data + pos, 8);
  } else if (end >= 8) {
    // The last eight bytes of the text, shifted down to start at pos.
    std::memcpy(&w, data + end - 8, 8);
    w >>= 8 * (8 - (end - pos));
  } else {
    for (size_t i = pos; i < end; ++i) {
      w |= uint64_t{data[i]} << (8 * (i - pos));
    }
  }
  return w;
}

// The capitals among the bytes of `w` that `in_word` covers, given its
// AsciiLetters: a letter with bit 5 clear, counted one in each byte (so
// that the counts of several loads add up, and (n * kEachByte) >> 56 sums
// them).
inline uint64_t UpperBytes(uint64_t w, uint64_t letters, uint64_t in_word) {
  return ((~w << 2) & letters & in_word) >> 7;
}

// Whether the byte after a run of ASCII letters may continue the word (an
// apostrophe, or a non-ASCII letter or apostrophe): then the word is the
// general reader's.
inline bool MayContinueWord(unsigned next) {
  return next == '\'' || next == '`' || next >= 0x80;
}

// Whether a word of at most seven letters, `lower` its bytes folded to
// lower case and `in_word` the bits of its bytes, has a letter three times
// in a row ("sooo", which the general reader cuts).
inline bool HasTripleLetterIn8(uint64_t lower, uint64_t in_word) {
  // Byte j of `same` is zero when bytes j, j + 1 and j + 2 are alike.
  const uint64_t same = (lower ^ (lower >> 8)) | (lower ^ (lower >> 16));
  return (ZeroBytes(same) & (in_word >> 16)) != 0;
}

// The same for the word text[0, n) of any length, read eight bytes at a
// time: text holds n + 7 bytes or more (Token::text does). Inlined always:
// left to the usual inliner, the copy in ReadShortWord compiled to 1.6M
// more instructions in a link run of 20k interactions.
inline __attribute__((always_inline)) bool HasTripleLetter(const char* text,
                                                           size_t n) {
  for (size_t o = 0; o + 2 < n; o += 8) {
    uint64_t a, b, c;
    std::memcpy(&a, text + o, 8);
    std::memcpy(&b, text + o + 1, 8);
    std::memcpy(&c, text + o + 2, 8);
    uint64_t triple = ZeroBytes((a ^ b) | (a ^ c));
    const size_t starts = n - 2 - o;  // of a full triple, from o on
    if (starts < 8) triple &= (uint64_t{1} << (8 * starts)) - 1;
    if (triple != 0) return true;
  }
  return false;
}

// A count for a byte of Token, saturated.
inline uint8_t SaturatedCount(int n) {
  return static_cast<uint8_t>(n < 255 ? n : 255);
}

// SetAsciiWord: fills what a word of `n` ASCII letters, none stretched,
// sets in *token besides its text, hashes, gap and exclaims; `upper_bytes`
// counts its capitals (UpperBytes).
inline void SetAsciiWord(Token* token, size_t n, uint64_t upper_bytes) {
  token->kind = TokenKind::kWord;
  token->size = static_cast<uint8_t>(n);
  token->letters = static_cast<uint8_t>(n);
  token->upper = static_cast<uint8_t>((upper_bytes * kEachByte) >> 56);
  token->too_long = false;
  token->elongated = false;
  token->accented = false;
  token->elongated_runs = 0;
  token->symbol = 0;
}

// SetEnd: makes *token the kEnd token, after `gap` and `exclaims`.
inline void SetEnd(Token* token, uint8_t gap, int exclaims) {
  token->kind = TokenKind::kEnd;
  token->gap = gap;
  token->exclaims = SaturatedCount(exclaims);
  token->size = 0;
  token->symbol = 0;
  token->hash = 0;
}

}  // namespace tokenizer_internal

class Tokenizer {
 public:
  // Reads at most `max_bytes` of `text`; the rest is ignored. Without
  // `hashes`, a word token may come without its hashes (Token::hashed),
  // for a reader that mostly needs none.
  explicit Tokenizer(std::string_view text, size_t max_bytes = ~size_t{0},
                     bool hashes = true);

  // Next: fills *token with the next token; returns false after the kEnd
  // token has been returned once.
  __attribute__((always_inline)) bool Next(Token* token) {
    return ReadShortWord(token) || NextGeneral(token);
  }

 private:
  // ReadShortWord: reads the commonest tokens as NextGeneral would, inline
  // so that a reader's loop runs them without a call: after spaces, line
  // breaks or plain punctuation, a word of up to fifteen ASCII letters that
  // begins no hashtag, handle, URL or email, or the end. Returns false for
  // any other, having changed nothing but *token and what FindSpecials
  // works out ahead of need.
  __attribute__((always_inline)) bool ReadShortWord(Token* token);
  // Next for every token: Next itself reads only the commonest, a word of
  // ASCII letters after whitespace, and leaves the rest to this.
  bool NextGeneral(Token* token);
  // The end of the chunk at `pos` if it is a handle, URL or email, else
  // `pos`.
  size_t SkipSpecialChunk(size_t pos);
  void FindSpecials(size_t pos);
  // Tries to read an emoticon at `pos`; returns its Emoticon or 0.
  uint32_t MatchEmoticon(size_t pos, size_t* length) const;

  const unsigned char* data_;
  size_t size_;
  size_t pos_ = 0;
  // Where the next '@' and the next "://" are (size_ for none) and the
  // nearer of the two, found with memchr ahead of need: a chunk needs
  // scanning only when one lies in it, so most chunks are read only once.
  size_t next_at_ = 0;
  size_t next_scheme_ = 0;
  size_t next_special_ = 0;
  bool specials_known_ = false;
  bool chunk_start_ = true;  // pos_ is at the start of a whitespace chunk
  bool camel_ = false;       // the last word was cut at a hashtag capital
  bool done_ = false;
  const bool hashes_;

  // Tests check that the inline path reads as NextGeneral does.
  friend class TokenizerPeer;
};

inline __attribute__((always_inline)) bool Tokenizer::ReadShortWord(
    Token* token) {
  using tokenizer_internal::AsciiLetters;
  using tokenizer_internal::kEachByte;
  using tokenizer_internal::kHighBits;
  using tokenizer_internal::LoadUpTo8;
  using tokenizer_internal::UpperBytes;
  if (camel_ | done_) return false;
  const unsigned char* const data = data_;
  const size_t size = size_;
  size_t pos = pos_;
  uint8_t gap = 0;
  int exclaims = 0;
  bool chunk_start = chunk_start_;
  // What may come before the word: spaces, line breaks and the
  // punctuation that starts no emoticon.
  for (;; ++pos) {
    if (pos == size) {
      // No word left: the end, and what came before it.
      pos_ = pos;
      done_ = true;
      tokenizer_internal::SetEnd(token, gap, exclaims);
      return true;
    }
    const unsigned char c = data[pos];
    if (c == ' ') {
      chunk_start = true;
    } else if (c == '\n') {
      gap |= kGapPeriod;
      chunk_start = true;
    } else if (c == ',') {
      gap |= kGapComma;
    } else if (c == '.') {
      gap |= kGapPeriod;
    } else if (c == '!') {
      gap |= kGapExclaim;
      ++exclaims;
    } else if (c == '?') {
      gap |= kGapQuestion;
    } else {
      break;
    }
  }
  if (data[pos - (pos > 0)] == '#') return false;
  // (Where the next '@' and "://" are does not depend on where in the
  // chunk they are looked for from, once past its whitespace.)
  if (chunk_start && next_special_ <= pos) FindSpecials(pos);
  uint64_t w = LoadUpTo8(data, pos, size);
  uint64_t letters = AsciiLetters(w);
  if ((letters & 0x80) == 0) return false;  // not a letter first
  uint64_t lower = w | (kEachByte * 0x20);
  std::memcpy(token->text, &lower, 8);
  uint64_t stop = ~letters & kHighBits;
  uint64_t uppers = 0;
  size_t n = 0;  // letters before the last load
  if (stop == 0) {
    // Eight letters or more: a second load, for up to fifteen.
    uppers = UpperBytes(w, letters, ~uint64_t{0});
    n = 8;
    w = size - pos == 8 ? 0 : LoadUpTo8(data, pos + 8, size);
    letters = AsciiLetters(w);
    stop = ~letters & kHighBits;
    if (stop == 0) return false;
    lower = w | (kEachByte * 0x20);
    std::memcpy(token->text + 8, &lower, 8);
  }
  const unsigned k = static_cast<unsigned>(__builtin_ctzll(stop)) >> 3;
  // The bits of the last load's letters (and the low bits of the next).
  const uint64_t in_word = (stop & -stop) - 1;
  uppers += UpperBytes(w, letters, in_word);
  const size_t length = n + k;
  const size_t end = pos + length;
  // The byte after the word (0 at the end of the text). At a chunk's
  // start, an '@' or "://" ahead makes the chunk a handle, URL or email
  // unless whitespace comes first.
  const unsigned next = static_cast<unsigned>(w >> (8 * k)) & 0xff;
  if (tokenizer_internal::MayContinueWord(next) ||
      (chunk_start && next_special_ < size &&
       (end >= next_special_ ||
        (next != ' ' && next != '\n' && next != '\t' && next != '\r' &&
         next != '\v' && next != '\f')))) {
    return false;
  }
  // A letter three times in a row ("sooo", and "www.") is NextGeneral's.
  if (n == 0 ? tokenizer_internal::HasTripleLetterIn8(lower, in_word)
             : tokenizer_internal::HasTripleLetter(token->text, length)) {
    return false;
  }
  token->hashed = hashes_;
  if (hashes_) {
    token->hash = PrefixHashes(token->text, length, token->prefix_hash);
  }
  tokenizer_internal::SetAsciiWord(token, length, uppers);
  token->gap = gap;
  token->exclaims = tokenizer_internal::SaturatedCount(exclaims);
  pos_ = end;
  chunk_start_ = false;
  return true;
}

}  // namespace threadline::text

#endif  // THREADLINE_SRC_TEXT_TOKENIZER_H_
