// The hand-written lexicons of the sentiment analyzer (sentiment.cc).
//
// Valences are on the -4..4 scale of human raters: about 1 mild ("okay",
// "slow"), 2 clear ("good", "broken"), 3 strong ("excellent", "awful"), 4
// extreme ("perfect", "scam"). Entries are space-separated; written in
// lower-case ASCII without accents, as the tokenizer folds text:
//   word           one word
//   stem*          every word that begins with the stem ("disappoint*")
//   two_words      a phrase; its words are consumed and score as one
// A phrase that contains a negator ("no_doubt", "nada_mal") is a fixed
// expression: a negator before it does not flip it.
#ifndef THREADLINE_SRC_TEXT_SENTIMENT_LEXICON_H_
#define THREADLINE_SRC_TEXT_SENTIMENT_LEXICON_H_

#include <cstddef>
#include <cstdint>

namespace threadline::text {

struct ValenceGroup {
  float valence;
  const char* entries;
};

// What a word does to the sentiment words around it.
enum class WordRole : uint8_t {
  kNone = 0,
  kNegator,     // flips the sentiment words after it ("not", "nunca")
  kBooster,     // strengthens the next sentiment word ("very", "muy")
  kDampener,    // weakens it ("somewhat", "un poco")
  kContrast,    // what follows counts more, what came before less ("but")
  kConcession,  // its own clause counts less ("although", "aunque")
  kLeast,       // "least": flips the next word unless "at least"
};

struct RoleGroup {
  WordRole role;
  const char* entries;
};

struct LanguageLexicon {
  const ValenceGroup* valences;
  size_t valence_count;
  const RoleGroup* roles;
  size_t role_count;
  // Frequent function words of the language, space-separated: the evidence
  // DetectLanguage counts.
  const char* function_words;
};

extern const LanguageLexicon kEnglishSentimentLexicon;
extern const LanguageLexicon kSpanishSentimentLexicon;

// Emoji: a code point and its valence.
struct EmojiValence {
  uint32_t code_point;
  float valence;
};
extern const EmojiValence kEmojiValences[];
extern const size_t kEmojiValenceCount;

}  // namespace threadline::text

#endif  // THREADLINE_SRC_TEXT_SENTIMENT_LEXICON_H_
