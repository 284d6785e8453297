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
#include <string_view>

namespace threadline::text {

// Longest normalized word kept; a longer word is marked too_long and holds
// only its first kMaxWordBytes letters.
inline constexpr int kMaxWordBytes = 28;
// Token::text's capacity: room past the longest word, so that a word can be
// read eight bytes at a time.
inline constexpr int kWordBufferBytes = 32;

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
  uint64_t hash = 0;            // HashWord(text) for kWord
  // prefix_hash[i]: HashWord of text[0..i] (the first i+1 bytes).
  uint64_t prefix_hash[kMaxWordBytes];
  // text[0, size) holds the word; the bytes after it are unspecified.
  char text[kWordBufferBytes];

  std::string_view word() const { return std::string_view(text, size); }
  // All capitals: at least two letters, all upper case ("NEVER", not "I").
  bool all_caps() const { return letters >= 2 && upper == letters; }
};

// Collapses each elongated run of `token` to one letter ("soo" from "sooo"
// becomes "so"), writing into `out` (kMaxWordBytes long); returns the size.
int CollapseElongation(const Token& token, char* out);

class Tokenizer {
 public:
  // Reads at most `max_bytes` of `text`; the rest is ignored.
  explicit Tokenizer(std::string_view text, size_t max_bytes = ~size_t{0});

  // Next: fills *token with the next token; returns false after the kEnd
  // token has been returned once.
  bool Next(Token* token);

 private:
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
};

}  // namespace threadline::text

#endif  // THREADLINE_SRC_TEXT_TOKENIZER_H_
