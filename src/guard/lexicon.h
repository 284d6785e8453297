// The guard's own English and Spanish word lists: profanity and insults, and
// the matching that sees through the usual disguises. Internal to src/guard.
//
// Words are matched whole, so "class", "assess", "Scunthorpe", "cocktail"
// and "pendiente" never match "ass", "cunt", "cock" or "pendejo". A few roots
// whose every continuation is vulgar ("fuck", "pendej") also match as
// prefixes. Words read as NormalizeWord folds them (lower case, accents
// dropped, "ñ" kept so "coño" is not "cono") after the caller has undone
// look-alike digits and symbols ("sh1t", "$hit"). A letter typed three or
// more times matches one or two ("fuuuck", "mieeerda"); a doubled letter
// matches only itself in short words, so "as" is not "ass", and anything in
// words of five letters or more ("gilipolas"). In a masked word each "*"
// stands for one hidden letter ("f*ck", "p**a").
//
// Some words insult only when aimed at the reader ("eres un inútil" but not
// "es inútil insistir", "you clown" but not "the clown show"): they carry
// kAddressed and the caller checks the words before them.
#ifndef THREADLINE_SRC_GUARD_LEXICON_H_
#define THREADLINE_SRC_GUARD_LEXICON_H_

#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"

namespace threadline::guard_internal {

enum class WordClass : uint8_t { kProfanity, kInsult };
enum class Language : uint8_t { kEnglish, kSpanish };

// Entry flags.
inline constexpr uint8_t kPrefix = 1;     // also matches words it starts
inline constexpr uint8_t kAddressed = 2;  // only after a second-person cue

struct LexiconEntry {
  std::string_view word;  // normalized
  WordClass word_class;
  Language language;
  uint8_t flags;
};

// A multi-word insult ("shut up", "cierra la boca"), words normalized.
struct LexiconPhrase {
  std::string_view words;  // space-separated
  Language language;
};

// Lexicon: the built-in lists, indexed. Immutable; thread-safe.
class Lexicon {
 public:
  // Get: the one instance, built on first use.
  static const Lexicon& Get();

  // Match: the entry `word` (normalized, letters only) is, or nullptr.
  const LexiconEntry* Match(std::string_view word) const;

  // MatchMasked: the entry `pattern` (normalized letters and '*', at least
  // two letters) can be read as, or nullptr.
  const LexiconEntry* MatchMasked(std::string_view pattern) const;

  // IsSecondPerson: whether `word` (normalized) addresses the reader ("you",
  // "eres", "usted", ...), making a kAddressed word an insult.
  bool IsSecondPerson(std::string_view word) const;

  // The multi-word insults.
  const std::vector<LexiconPhrase>& phrases() const { return phrases_; }

 private:
  Lexicon();

  struct Indexed {
    const LexiconEntry* entry;
    std::string collapsed;      // each run of one letter written once
    std::vector<uint8_t> runs;  // the length of each run
  };
  static bool RunsMatch(const uint8_t* word_runs, const Indexed& entry,
                        bool prefix);

  absl::flat_hash_map<std::string, std::vector<Indexed>> whole_;
  std::vector<Indexed> prefixes_;
  // Most words are no entry: these say cheaply which cannot be. The
  // WordShape of each whole entry's collapsed form, and the first two bytes
  // of each prefix entry.
  std::bitset<1 << 16> whole_shapes_;
  std::bitset<1 << 16> prefix_starts_;
  std::vector<LexiconPhrase> phrases_;
};

}  // namespace threadline::guard_internal

#endif  // THREADLINE_SRC_GUARD_LEXICON_H_
