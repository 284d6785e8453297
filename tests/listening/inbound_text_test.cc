// ReadInboundText gives, from one pass of the tokenizer, exactly what the
// separate calls give: topic, sentiment (bit for bit), detected language
// and content words.
#include "listening/inbound_text.h"

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "listening/terms.h"
#include "text/sentiment_reader.h"

namespace threadline::listening {
namespace {

uint32_t Bits(float f) {
  uint32_t b;
  std::memcpy(&b, &f, sizeof(b));
  return b;
}

std::vector<std::string> Texts() {
  std::vector<std::string> texts = {
      "",
      "@AcmeCare my internet has been down since 6am, any update??",
      "I was billed twice for the same month. Please fix this ASAP",
      "Still waiting on my refund, returned the boots 3 weeks ago :(",
      "the technician never showed up and nobody called me. great service",
      "Love the new app update, so much faster! thanks team 😍",
      "@AcmeCare sin señal desde ayer en todo el barrio, qué pasa???",
      "Me cobraron dos veces la factura de este mes, necesito que lo revisen",
      "Sigue sin resolverse lo del reembolso, ya los había contactado",
      "NOOOO not again!!! #NoInternet #EpicFail :-( www.acme.com/status",
      "jajaja buenísimo, riquísima la atención 👏👏 ¡gracias!",
      "bad\xff\xfe bytes \xc3 end \xe2\x82",
  };
  // Longer than ContentWords reads, with a word across its cut.
  std::string email;
  while (email.size() < kContentBytes - 3) {
    email += "The router keeps dropping the connection. ";
  }
  email += "disconnections everywhere, refund please";
  texts.push_back(email);
  return texts;
}

class CountingAnalyzer : public SentimentAnalyzer {
 public:
  Sentiment Analyze(std::string_view, std::string_view) const override {
    ++calls;
    Sentiment s;
    s.score = -0.5f;
    s.label = SentimentLabel::kNegative;
    s.language = "fr";
    return s;
  }
  mutable int calls = 0;
};

TEST(InboundTextTest, OnePassGivesWhatEachCallGives) {
  const text::TopicClassifier topics;
  const std::shared_ptr<const SentimentAnalyzer> analyzer =
      NewLexiconSentimentAnalyzer();
  for (const std::string& t : Texts()) {
    for (const char* language : {"", "en", "es", "es-CO", "fr"}) {
      SCOPED_TRACE(t.substr(0, 60) + " / " + language);
      InboundTextOptions o;
      o.sentiment = analyzer.get();
      o.content_words = true;
      const InboundText got = ReadInboundText(t, language, topics, o);
      const text::TopicGuess want = topics.Classify(t, language);
      EXPECT_EQ(got.topic.topic, want.topic);
      EXPECT_EQ(Bits(got.topic.confidence), Bits(want.confidence));
      EXPECT_EQ(got.topic.follow_up, want.follow_up);
      if (t.empty()) {
        EXPECT_FALSE(got.sentiment.has_value());
      } else {
        const Sentiment s = analyzer->Analyze(t, language);
        ASSERT_TRUE(got.sentiment.has_value());
        EXPECT_EQ(Bits(got.sentiment->score), Bits(s.score));
        EXPECT_EQ(got.sentiment->label, s.label);
        EXPECT_EQ(got.sentiment->language, s.language);
      }
      EXPECT_EQ(got.content_words, ContentWords(t));
      EXPECT_TRUE(got.language.empty());
    }
  }
}

TEST(InboundTextTest, DetectsLanguageWithoutAnAnalyzer) {
  const text::TopicClassifier topics;
  for (const std::string& t : Texts()) {
    InboundTextOptions o;
    o.detect_language = true;
    const InboundText got = ReadInboundText(t, "", topics, o);
    EXPECT_EQ(got.language, t.empty() ? "" : DetectLanguage(t)) << t;
    EXPECT_FALSE(got.sentiment.has_value());
    EXPECT_TRUE(got.content_words.empty());
  }
}

TEST(InboundTextTest, AHostsAnalyzerIsCalledAsBefore) {
  const text::TopicClassifier topics;
  CountingAnalyzer analyzer;
  EXPECT_FALSE(text::IsLexiconSentimentAnalyzer(&analyzer));
  EXPECT_TRUE(
      text::IsLexiconSentimentAnalyzer(NewLexiconSentimentAnalyzer().get()));
  InboundTextOptions o;
  o.sentiment = &analyzer;
  const InboundText got =
      ReadInboundText("Me cobraron dos veces", "es", topics, o);
  EXPECT_EQ(analyzer.calls, 1);
  ASSERT_TRUE(got.sentiment.has_value());
  EXPECT_EQ(got.sentiment->language, "fr");
  EXPECT_EQ(got.topic.topic, "billing");
  ReadInboundText("", "es", topics, o);
  EXPECT_EQ(analyzer.calls, 1);  // an empty text is not scored
}

}  // namespace
}  // namespace threadline::listening
