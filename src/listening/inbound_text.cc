#include "listening/inbound_text.h"

#include "listening/known_words.h"
#include "listening/terms.h"
#include "text/sentiment_reader.h"
#include "text/tokenizer.h"

namespace threadline::listening {

// One tokenizer serves the classifier and the sentiment reader only while
// both read the same bytes.
static_assert(text::TopicClassifier::kMaxBytes ==
              text::SentimentReader::kMaxBytes);

InboundText ReadInboundText(std::string_view text, std::string_view language,
                            const text::TopicClassifier& topics,
                            const InboundTextOptions& options) {
  InboundText out;
  const bool has_text = !text.empty();
  // The built-in analyzer reads the shared tokens; a host's is called.
  const bool score = has_text && options.sentiment != nullptr &&
                     text::IsLexiconSentimentAnalyzer(options.sentiment);
  if (has_text && options.sentiment != nullptr && !score) {
    out.sentiment = options.sentiment->Analyze(text, language);
  }
  // One reader both scores and detects: its evidence of the language runs
  // over the whole text whether or not it scores. (Not a std::optional: that
  // would clear its buffers, several kilobytes, for every text.)
  const bool detect = has_text && options.detect_language;
  text::SentimentReader sentiment = score ? text::SentimentReader(language)
                                          : text::SentimentReader::DetectOnly();
  // ContentWords reads a shorter prefix: a longer text's tokens near the
  // cut could differ, so it gets its own pass (a long email, rarely).
  const bool words = options.content_words;
  const bool shared_words = words && text.size() <= kContentBytes;
  ContentWordReader word_reader;

  text::TopicClassifier::Reader topic(topics, language);
  // Words some lexicon knows are read once for all three readers.
  const KnownWords& known = KnownWords::Get();
  KnownWord read;
  // Known words need no hashes: the others are hashed when met. (Every
  // classifier reads with one set of tables, the one KnownWords was built
  // from.)
  text::Tokenizer tokenizer(text, text::TopicClassifier::kMaxBytes,
                            /*hashes=*/false);
  text::Token token;
  while (tokenizer.Next(&token)) {
    if (token.kind == text::TokenKind::kWord &&
        !token.too_long && !token.elongated) {
      const KnownWord* k = known.Find(token);
      if (k == nullptr) {
        if (!token.hashed) text::HashToken(&token);
        if (!known.Listed(token.hash)) {
          known.ReadUnlisted(token, &read);
          k = &read;
        }
      }
      if (k != nullptr) {
        topic.AddRead(token, k->topic);
        if (score || detect) sentiment.AddRead(token, k->sentiment);
        if (shared_words) word_reader.AddRead(k->content, k->concept);
        continue;
      }
    }
    if (token.kind == text::TokenKind::kWord && !token.hashed) {
      text::HashToken(&token);
    }
    topic.Add(token);
    if (score || detect) sentiment.Add(token);
    if (shared_words) word_reader.Add(token);
  }
  out.topic = topic.Finish();
  if (score) out.sentiment = sentiment.Finish();
  if (detect) out.language = sentiment.DetectedLanguage();
  if (shared_words) {
    out.content_words = word_reader.Finish();
  } else if (words) {
    out.content_words = ContentWords(text);
  }
  return out;
}

}  // namespace threadline::listening
