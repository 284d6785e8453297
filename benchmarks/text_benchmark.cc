// Throughput of the text analyzers on tweet-sized messages (texts/s), and
// on long texts to show the work stays bounded. BM_InboundTextSeparate and
// BM_InboundTextOnePass compare what the engine reads from an inbound text
// (topic, sentiment, content words) with three passes and with one.
//
//   build/benchmarks/text_benchmark --benchmark_min_time=0.05
#include <memory>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "listening/inbound_text.h"
#include "listening/terms.h"
#include "text/tokenizer.h"
#include "text/topic.h"
#include "threadline/sentiment.h"

namespace {

// Typical customer messages, English and Spanish, 40 to 200 bytes.
const std::vector<std::string>& Tweets() {
  static const auto* const kTweets = new std::vector<std::string>{
      "@AcmeCare my internet has been down since 6am, any update??",
      "I was billed twice for the same month. Please fix this ASAP",
      "Still waiting on my refund, returned the boots 3 weeks ago :(",
      "Can I add another line to my family plan? How much is it?",
      "the technician never showed up and nobody called me. great service",
      "Love the new app update, so much faster! thanks team 😍",
      "My phone overheats every time I charge it, is this covered by "
      "warranty?",
      "How do I cancel my subscription? I'm moving abroad next month",
      "@AcmeCare sin señal desde ayer en todo el barrio, qué pasa???",
      "Me cobraron dos veces la factura de este mes, necesito que lo "
      "revisen",
      "Hola, quiero cambiar mi plan por uno con más datos",
      "No puedo entrar a mi cuenta, el código de verificación nunca llega",
      "El paquete aparece como entregado pero no recibí nada",
      "Excelente atención, me resolvieron todo en cinco minutos 👏👏",
      "Sigue sin resolverse lo del reembolso, ya los había contactado",
      "La tarjeta me la rechazan cuando intento pagar en la app",
  };
  return *kTweets;
}

void BM_TopicClassifyTweet(benchmark::State& state) {
  static const threadline::text::TopicClassifier* const classifier =
      new threadline::text::TopicClassifier();
  const std::vector<std::string>& tweets = Tweets();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(classifier->Classify(tweets[i]));
    if (++i == tweets.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TopicClassifyTweet)->ThreadRange(1, 2);

void BM_TopicClassifyLong(benchmark::State& state) {
  static const threadline::text::TopicClassifier* const classifier =
      new threadline::text::TopicClassifier();
  std::string text;
  while (text.size() < static_cast<size_t>(state.range(0))) {
    for (const std::string& t : Tweets()) text += t + "\n";
  }
  text.resize(state.range(0));
  for (auto _ : state) {
    benchmark::DoNotOptimize(classifier->Classify(text));
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_TopicClassifyLong)->Range(1 << 10, 1 << 20);

void BM_SentimentAnalyzeTweet(benchmark::State& state) {
  const std::shared_ptr<const threadline::SentimentAnalyzer> analyzer =
      threadline::NewLexiconSentimentAnalyzer();
  const std::vector<std::string>& tweets = Tweets();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(analyzer->Analyze(tweets[i], ""));
    if (++i == tweets.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SentimentAnalyzeTweet)->ThreadRange(1, 2);

// The same with the language known, as when the interaction carries it.
void BM_SentimentAnalyzeTweetKnownLanguage(benchmark::State& state) {
  const std::shared_ptr<const threadline::SentimentAnalyzer> analyzer =
      threadline::NewLexiconSentimentAnalyzer();
  const std::vector<std::string>& tweets = Tweets();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        analyzer->Analyze(tweets[i], i < tweets.size() / 2 ? "en" : "es"));
    if (++i == tweets.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SentimentAnalyzeTweetKnownLanguage);

void BM_SentimentAnalyzeLong(benchmark::State& state) {
  const std::shared_ptr<const threadline::SentimentAnalyzer> analyzer =
      threadline::NewLexiconSentimentAnalyzer();
  std::string text;
  while (text.size() < static_cast<size_t>(state.range(0))) {
    for (const std::string& t : Tweets()) text += t + "\n";
  }
  text.resize(state.range(0));
  for (auto _ : state) {
    benchmark::DoNotOptimize(analyzer->Analyze(text, ""));
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_SentimentAnalyzeLong)->Range(1 << 10, 1 << 20);

void BM_DetectLanguage(benchmark::State& state) {
  const std::vector<std::string>& tweets = Tweets();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(threadline::DetectLanguage(tweets[i]));
    if (++i == tweets.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DetectLanguage);

void BM_TokenizeTweet(benchmark::State& state) {
  const std::vector<std::string>& tweets = Tweets();
  size_t i = 0;
  for (auto _ : state) {
    threadline::text::Tokenizer tokenizer(tweets[i]);
    threadline::text::Token token;
    int n = 0;
    while (tokenizer.Next(&token)) ++n;
    benchmark::DoNotOptimize(n);
    if (++i == tweets.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TokenizeTweet);

// The engine's reads of an inbound text, one call each.
void BM_InboundTextSeparate(benchmark::State& state) {
  static const threadline::text::TopicClassifier* const classifier =
      new threadline::text::TopicClassifier();
  const std::shared_ptr<const threadline::SentimentAnalyzer> analyzer =
      threadline::NewLexiconSentimentAnalyzer();
  const std::vector<std::string>& tweets = Tweets();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(classifier->Classify(tweets[i], ""));
    benchmark::DoNotOptimize(analyzer->Analyze(tweets[i], ""));
    benchmark::DoNotOptimize(threadline::listening::ContentWords(tweets[i]));
    if (++i == tweets.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_InboundTextSeparate)->ThreadRange(1, 2);

// The same answers from one pass (listening::ReadInboundText).
void BM_InboundTextOnePass(benchmark::State& state) {
  static const threadline::text::TopicClassifier* const classifier =
      new threadline::text::TopicClassifier();
  const std::shared_ptr<const threadline::SentimentAnalyzer> analyzer =
      threadline::NewLexiconSentimentAnalyzer();
  threadline::listening::InboundTextOptions options;
  options.sentiment = analyzer.get();
  options.content_words = true;
  const std::vector<std::string>& tweets = Tweets();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(threadline::listening::ReadInboundText(
        tweets[i], "", *classifier, options));
    if (++i == tweets.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_InboundTextOnePass)->ThreadRange(1, 2);

void BM_TopicClassifierConstruct(benchmark::State& state) {
  for (auto _ : state) {
    threadline::text::TopicClassifier classifier;
    benchmark::DoNotOptimize(&classifier);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TopicClassifierConstruct);

}  // namespace
