// ReadInboundText: everything the engine reads from an inbound message's
// text (its matter, its sentiment or language, and the listening stage's
// content words) in one pass of the tokenizer, outside the engine's lock.
//
// Each answer is the one its own call gives (TopicClassifier::Classify,
// SentimentAnalyzer::Analyze, DetectLanguage, ContentWords), bit for bit:
// the readers behind those calls are fed the same tokens here, once. A
// host's own SentimentAnalyzer is called as before; only the built-in one
// shares the pass.
//
// Example (the engine's Prepare, for an inbound interaction):
//   listening::InboundTextOptions o;
//   o.sentiment = options_.sentiment.get();
//   o.detect_language = !options_.sentiment && in.language.empty();
//   o.content_words = options_.listening.incidents;
//   listening::InboundText t =
//       listening::ReadInboundText(in.text, in.language, topics_, o);
//   // t.topic, t.sentiment, t.language, t.content_words
//
// Thread-safe: reads only immutable tables.
#ifndef THREADLINE_SRC_LISTENING_INBOUND_TEXT_H_
#define THREADLINE_SRC_LISTENING_INBOUND_TEXT_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "text/topic.h"
#include "threadline/sentiment.h"

namespace threadline::listening {

struct InboundTextOptions {
  // The analyzer to score the text with; null for none. Default: none.
  const SentimentAnalyzer* sentiment = nullptr;
  // Detect the text's language (as DetectLanguage does): for an engine
  // without an analyzer when the host gave no language. Default: false.
  bool detect_language = false;
  // Collect the content words Monitor needs for incidents. Default: false.
  bool content_words = false;
};

struct InboundText {
  // TopicClassifier::Classify(text, language).
  text::TopicGuess topic;
  // options.sentiment->Analyze(text, language) when an analyzer was given
  // and the text is not empty; else none.
  std::optional<Sentiment> sentiment;
  // DetectLanguage(text) when options.detect_language and the text is not
  // empty; else empty.
  std::string_view language;
  // ContentWords(text) when options.content_words; else empty. Hand it to
  // Monitor::OnLinked through Linked::content_words.
  std::vector<uint64_t> content_words;
};

// ReadInboundText: the answers above for one text (any bytes) in
// `language` (the host's ISO 639-1 code, or empty), classified by `topics`.
InboundText ReadInboundText(std::string_view text, std::string_view language,
                            const text::TopicClassifier& topics,
                            const InboundTextOptions& options);

}  // namespace threadline::listening

#endif  // THREADLINE_SRC_LISTENING_INBOUND_TEXT_H_
