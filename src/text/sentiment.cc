// The lexicon sentiment analyzer. Rules and constants follow the published
// findings on how people rate social text (Hutto & Gilbert, ICWSM 2014):
// valences sum over a text; an intensifier adds about 0.29 to the next
// word's strength, a word in capitals among lower case about 0.73; a
// negation scales by -0.74; after "but" words count 1.5 times and before it
// half; each '!' adds about 0.29, up to four. The sum is squashed into
// [-1, 1] by x / sqrt(x^2 + 15).
#include "threadline/sentiment.h"

#include <memory>

#include "text/sentiment_reader.h"
#include "text/tokenizer.h"

namespace threadline {

std::string_view SentimentLabelName(SentimentLabel label) {
  switch (label) {
    case SentimentLabel::kNegative:
      return "negative";
    case SentimentLabel::kPositive:
      return "positive";
    case SentimentLabel::kNeutral:
      break;
  }
  return "neutral";
}

SentimentAnalyzer::~SentimentAnalyzer() = default;

namespace text {
namespace {

class LexiconSentimentAnalyzer : public SentimentAnalyzer {
 public:
  Sentiment Analyze(std::string_view text,
                    std::string_view language) const override {
    SentimentReader reader(language);
    Tokenizer tokenizer(text, SentimentReader::kMaxBytes);
    Token token;
    while (tokenizer.Next(&token)) reader.Add(token);
    return reader.Finish();
  }
};

const std::shared_ptr<const SentimentAnalyzer>& Instance() {
  static const auto* const kAnalyzer =
      new std::shared_ptr<const SentimentAnalyzer>(
          std::make_shared<LexiconSentimentAnalyzer>());
  return *kAnalyzer;
}

}  // namespace

bool IsLexiconSentimentAnalyzer(const SentimentAnalyzer* analyzer) {
  return analyzer != nullptr && analyzer == Instance().get();
}

}  // namespace text

std::shared_ptr<const SentimentAnalyzer> NewLexiconSentimentAnalyzer() {
  // Build the tables now, not on the first text.
  text::sentiment::Lexicon::Get();
  return text::Instance();
}

std::string_view DetectLanguage(std::string_view text) {
  text::SentimentReader reader = text::SentimentReader::DetectOnly();
  text::Tokenizer tokenizer(text, text::SentimentReader::kMaxBytes);
  text::Token token;
  while (tokenizer.Next(&token)) reader.Add(token);
  return reader.DetectedLanguage();
}

}  // namespace threadline
