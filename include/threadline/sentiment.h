// File: sentiment.h
// Sentiment of short social text (tweets, chat lines, call notes) in English
// and Spanish: a score in [-1, 1] and a label. The analyzer behind
// NewLexiconSentimentAnalyzer() is ours: a hand-written lexicon of word,
// phrase, slang, emoji and emoticon valences, and the rules that matter in
// social text (negation, intensifiers and dampeners, contrast, capitals,
// stretched words, exclamation marks, questions, laughter). A host that has
// its own model implements SentimentAnalyzer and hands that in instead.
//
// Example:
//   std::shared_ptr<const threadline::SentimentAnalyzer> analyzer =
//       threadline::NewLexiconSentimentAnalyzer();
//   threadline::Sentiment s =
//       analyzer->Analyze("Fixed in five minutes, thank you!! 😍", "");
//   // s.label == threadline::SentimentLabel::kPositive, s.score > 0.5,
//   // s.language == "en"
#ifndef THREADLINE_SENTIMENT_H_
#define THREADLINE_SENTIMENT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "threadline/export.h"

namespace threadline {

// SentimentLabel: the class a score falls in.
enum class SentimentLabel : uint8_t {
  kNegative = 0,
  kNeutral = 1,
  kPositive = 2
};

// "negative", "neutral" or "positive".
THREADLINE_EXPORT std::string_view SentimentLabelName(SentimentLabel label);

// Sentiment: the answer for one text. A plain value; thread-compatible.
struct Sentiment {
  float score = 0;  // -1 (most negative) .. 1 (most positive)
  SentimentLabel label = SentimentLabel::kNeutral;
  // The language the text was read as: "en", "es", or "" when it could not
  // be told (then both languages' words count).
  std::string language;
};

// SentimentAnalyzer: the interface a host implements to plug in its own
// model. Implementations must be thread-safe: the engine calls Analyze from
// several threads at once.
class THREADLINE_EXPORT SentimentAnalyzer {
 public:
  virtual ~SentimentAnalyzer();

  // Analyze: the sentiment of `text` (any bytes; invalid UTF-8 must not
  // fail). `language` is the interaction's ISO 639-1 code ("en", "es",
  // "es-CO") when the host knows it, else empty: the analyzer detects it.
  virtual Sentiment Analyze(std::string_view text,
                            std::string_view language) const = 0;
};

// NewLexiconSentimentAnalyzer: the built-in analyzer. Thread-safe and
// immutable; every call returns the same shared instance, which costs a few
// milliseconds to build on first use. It reads at most the first 64 KiB of a
// text and allocates nothing per word (a tweet takes one or two
// microseconds). A `language` other than English or Spanish is treated as
// unknown: the text's language is detected, and when that fails both
// lexicons are used.
THREADLINE_EXPORT std::shared_ptr<const SentimentAnalyzer>
NewLexiconSentimentAnalyzer();

// DetectLanguage: "en" or "es" from the function words, accents and
// punctuation of `text`, or "" when there is too little to tell (a greeting,
// an emoji, an empty text). Thread-safe.
THREADLINE_EXPORT std::string_view DetectLanguage(std::string_view text);

}  // namespace threadline

#endif  // THREADLINE_SENTIMENT_H_
