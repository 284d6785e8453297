// The word checks of the guard: profanity and insults (lexicon.h), the
// host's banned phrases, and shouting. Internal to src/guard.
#ifndef THREADLINE_SRC_GUARD_WORDS_H_
#define THREADLINE_SRC_GUARD_WORDS_H_

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "threadline/guard.h"

namespace threadline::guard_internal {

// A word of a reply: a run of letters and digits, apostrophes and invisible
// code points inside it dropped.
struct Word {
  size_t begin = 0;  // bytes in the reply
  size_t end = 0;
  uint32_t text_begin = 0;  // the normalized word in Words::text
  uint32_t text_size = 0;
  uint16_t letters = 0;  // saturating
  uint16_t upper = 0;    // letters written in upper case, saturating
  bool has_digit = false;
  bool after_gap = false;  // skipped bytes (an email, a URL) came before it
};

// The words of one text, normalized (NormalizeWord) into one buffer.
struct Words {
  std::vector<Word> words;
  std::string text;
  std::string_view at(size_t i) const {
    return std::string_view(text).substr(words[i].text_begin,
                                         words[i].text_size);
  }
};

// ScanWords: the words of `text`; bytes where `skip` is non-zero (or every
// byte, if `skip` is empty, is read) separate words.
void ScanWords(std::string_view text, const std::vector<uint8_t>& skip,
               Words* out);

// PhraseSet: phrases matched word by word, ignoring case, accents and what
// lies between words. Immutable once built; thread-safe to read.
class PhraseSet {
 public:
  // Add: adds `phrase` under `id`. Returns false, adding nothing, when the
  // phrase has no words.
  bool Add(std::string_view phrase, uint32_t id);

  struct Match {
    size_t first_word;
    size_t word_count;
    uint32_t id;
  };
  // FindAll: every occurrence of every phrase in `words`, in order of
  // first_word.
  void FindAll(const Words& words, std::vector<Match>* out) const;

  bool empty() const { return by_first_word_.empty(); }

 private:
  struct Phrase {
    std::vector<std::string> rest;  // the words after the first
    uint32_t id;
  };
  absl::flat_hash_map<std::string, std::vector<Phrase>> by_first_word_;
  // The WordShape of each first word, so most words need no hashing.
  std::bitset<1 << 16> first_word_shapes_;
};

// CheckProfanity: appends a kProfanity or kInsult finding for each vulgar or
// insulting word of `text` (also disguised: "f*ck", "sh1t", "$hit",
// "fuuuck") and each insulting phrase of the lexicon found in `words`.
void CheckProfanity(std::string_view text, const std::vector<uint8_t>& skip,
                    const Words& words, std::vector<Finding>* findings);

// CheckBannedPhrases: appends a kBannedPhrase finding for each occurrence
// of a phrase of `banned` in `words`; `phrases[id]` is the phrase as the
// host wrote it.
void CheckBannedPhrases(const Words& words, const PhraseSet& banned,
                        const std::vector<std::string>& phrases,
                        std::vector<Finding>* findings);

// CheckShouting: appends a kShouting finding for each run of consecutive
// words in capitals holding ten letters or more, in words of two letters or
// more: three words or more, one of five letters or more, or two words of
// four letters or more. "PLEASE DO NOT CALL", "FREE SHIPPING", "I AM SO
// ANGRY" shout; "SMS", "ID", "USA", "THANK YOU" and "CVV, DNI, CURP" do
// not. One-letter capitals ("I", "A") and words with digits neither count
// nor break a run; a word with a lower-case letter or a skipped span (an
// email, a web address, a handle) breaks it.
void CheckShouting(const Words& words, std::vector<Finding>* findings);

}  // namespace threadline::guard_internal

#endif  // THREADLINE_SRC_GUARD_WORDS_H_
