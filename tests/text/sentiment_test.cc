#include "threadline/sentiment.h"

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace threadline {
namespace {

class SentimentTest : public ::testing::Test {
 protected:
  float Score(std::string_view text, std::string_view language = {}) const {
    return analyzer_->Analyze(text, language).score;
  }
  SentimentLabel Label(std::string_view text,
                       std::string_view language = {}) const {
    return analyzer_->Analyze(text, language).label;
  }

  const std::shared_ptr<const SentimentAnalyzer> analyzer_ =
      NewLexiconSentimentAnalyzer();
};

TEST_F(SentimentTest, FactoryReturnsOneSharedInstance) {
  EXPECT_EQ(NewLexiconSentimentAnalyzer().get(), analyzer_.get());
}

TEST_F(SentimentTest, LabelNames) {
  EXPECT_EQ(SentimentLabelName(SentimentLabel::kNegative), "negative");
  EXPECT_EQ(SentimentLabelName(SentimentLabel::kNeutral), "neutral");
  EXPECT_EQ(SentimentLabelName(SentimentLabel::kPositive), "positive");
}

TEST_F(SentimentTest, PolarityInEnglish) {
  for (const char* text : {"I love this phone", "Great service, thank you!",
                           "the agent was super helpful and friendly",
                           "works like a charm, highly recommend"}) {
    EXPECT_EQ(Label(text, "en"), SentimentLabel::kPositive) << text;
  }
  for (const char* text :
       {"This is the worst company ever", "my order arrived broken",
        "Terrible support, I'm so frustrated",
        "waste of money, it stopped working after a week"}) {
    EXPECT_EQ(Label(text, "en"), SentimentLabel::kNegative) << text;
  }
  for (const char* text : {"", "My order number is 12345", "see you at 5"}) {
    EXPECT_EQ(Label(text, "en"), SentimentLabel::kNeutral) << text;
  }
}

TEST_F(SentimentTest, PolarityInSpanish) {
  for (const char* text :
       {"Me encanta este teléfono, es precioso",
        "Excelente atención, muchísimas gracias",
        "¡Qué maravilla de servicio! Felicitaciones al equipo"}) {
    EXPECT_EQ(Label(text, "es"), SentimentLabel::kPositive) << text;
  }
  for (const char* text :
       {"Pésimo servicio, una vergüenza", "El pedido llegó roto",
        "Estoy harta, nadie responde", "Odio esta compañía"}) {
    EXPECT_EQ(Label(text, "es"), SentimentLabel::kNegative) << text;
  }
  for (const char* text :
       {"", "Mi número de pedido es 12345", "Mañana paso por la tienda"}) {
    EXPECT_EQ(Label(text, "es"), SentimentLabel::kNeutral) << text;
  }
}

TEST_F(SentimentTest, NegationFlipsInBothLanguages) {
  EXPECT_GT(Score("the update is good"), 0);
  EXPECT_LT(Score("the update is not good"), 0);
  EXPECT_LT(Score("the update isn't good"), 0);
  EXPECT_LT(Score("the update isnt good"), 0);
  EXPECT_LT(Score("I never liked it"), 0);
  EXPECT_GT(Score("not bad at all"), 0);
  EXPECT_GT(Score("el servicio es bueno", "es"), 0);
  EXPECT_LT(Score("el servicio no es bueno", "es"), 0);
  EXPECT_LT(Score("nunca funciona bien", "es"), 0);
  EXPECT_LT(Score("ni bueno ni barato", "es"), 0);
  EXPECT_GT(Score("no está mal", "es"), 0);
  EXPECT_LT(Score("poco profesional", "es"), 0);
}

TEST_F(SentimentTest, NegationStopsAtAClauseBreak) {
  // "No," answers something; it does not negate what follows the comma.
  EXPECT_GT(Score("No, it was great"), 0);
  EXPECT_GT(Score("No, fue genial", "es"), 0);
}

TEST_F(SentimentTest, FixedExpressionsAreNotFlipped) {
  EXPECT_GT(Score("this brand never disappoints"), 0);
  EXPECT_GT(Score("I can't wait to try it"), 0);
  EXPECT_GT(Score("no hay problema, gracias", "es"), 0);
  EXPECT_GT(Score("sin duda lo mejor", "es"), 0);
  EXPECT_GT(Score("not only fast but also cheap and reliable"), 0);
}

TEST_F(SentimentTest, IntensifiersAndDampeners) {
  EXPECT_GT(Score("very good"), Score("good"));
  EXPECT_GT(Score("extremely good"), Score("good"));
  EXPECT_LT(Score("very bad"), Score("bad"));
  EXPECT_LT(Score("somewhat good"), Score("good"));
  EXPECT_GT(Score("somewhat good"), 0);
  EXPECT_LT(Score("kind of slow"), 0);
  EXPECT_GT(Score("kind of slow"), Score("slow"));
  EXPECT_GT(Score("muy bueno", "es"), Score("bueno", "es"));
  EXPECT_LT(Score("muy malo", "es"), Score("malo", "es"));
  EXPECT_GT(Score("un poco caro", "es"), Score("caro", "es"));
  EXPECT_LT(Score("un poco caro", "es"), 0);
  // A word that both intensifies and means something on its own.
  EXPECT_GT(Score("pretty good"), Score("good"));
  EXPECT_GT(Score("pretty"), 0);
  EXPECT_GT(Score("bien bueno", "es"), Score("bueno", "es"));
}

TEST_F(SentimentTest, ContrastWeighsTheClauseAfterIt) {
  EXPECT_LT(Score("The phone looks nice but the battery is terrible"), 0);
  EXPECT_GT(Score("The phone is expensive but it is excellent"), 0);
  EXPECT_LT(Score("El teléfono es bonito pero la batería es pésima", "es"), 0);
  EXPECT_GT(Score("Es caro pero vale la pena", "es"), 0);
  // "But" opening a sentence discounts what came before it.
  EXPECT_LT(Score("Fast delivery. But the product is awful."), 0);
  EXPECT_LT(Score("Buena entrega. Pero el producto es horrible.", "es"), 0);
  // A concessive clause counts less than the main one.
  EXPECT_LT(Score("Although the staff was friendly, the repair was useless"),
            0);
  EXPECT_LT(Score("Aunque el personal fue amable, el arreglo fue inútil", "es"),
            0);
}

TEST_F(SentimentTest, CapitalsEmphasize) {
  EXPECT_GT(Score("this is GREAT"), Score("this is great"));
  EXPECT_LT(Score("this is TERRIBLE"), Score("this is terrible"));
  EXPECT_GT(Score("esto es GENIAL", "es"), Score("esto es genial", "es"));
  // A text all in capitals is not emphasis, just the writer's habit.
  EXPECT_FLOAT_EQ(Score("THIS IS GREAT"), Score("this is great"));
}

TEST_F(SentimentTest, StretchedWordsEmphasize) {
  EXPECT_GT(Score("goooood"), Score("good"));
  EXPECT_GT(Score("loooove it"), Score("love it") - 1e-6f);
  EXPECT_GT(Score("loooove"), Score("love"));
  EXPECT_LT(Score("baaaad"), Score("bad"));
  EXPECT_GT(Score("buenoooo", "es"), Score("bueno", "es"));
  EXPECT_GT(Score("feliiiiz", "es"), Score("feliz", "es"));
}

TEST_F(SentimentTest, ExclamationMarksEmphasize) {
  EXPECT_GT(Score("good!!!"), Score("good!"));
  EXPECT_GT(Score("good!"), Score("good"));
  EXPECT_LT(Score("awful!!!"), Score("awful"));
  EXPECT_GT(Score("¡Qué bueno!!!", "es"), Score("Qué bueno", "es"));
}

TEST_F(SentimentTest, QuestionsAssertLess) {
  EXPECT_LT(Score("Is the new app good?"), Score("The new app is good."));
  EXPECT_GT(Score("Is the new app good?"), 0);
  EXPECT_LT(Score("¿Es buena la app nueva?", "es"),
            Score("La app nueva es buena.", "es"));
}

TEST_F(SentimentTest, Laughter) {
  for (const char* text :
       {"jajaja", "jajajajaja", "JAJAJA", "jsjsjs", "ajajaj", "jeje"}) {
    EXPECT_GT(Score(text, "es"), 0) << text;
  }
  for (const char* text : {"haha", "hahahaha", "lol", "lmao", "LOOOOL"}) {
    EXPECT_GT(Score(text, "en"), 0) << text;
  }
  // Not laughter: real words made of the same letters.
  EXPECT_EQ(Score("hija", "es"), 0);
  EXPECT_EQ(Score("jaula", "es"), 0);
}

TEST_F(SentimentTest, EmojiAndEmoticons) {
  EXPECT_GT(Score("😍"), 0);
  EXPECT_GT(Score("👍"), 0);
  EXPECT_GT(Score("❤️"), 0);
  EXPECT_LT(Score("😡"), 0);
  EXPECT_LT(Score("👎"), 0);
  EXPECT_LT(Score("💔"), 0);
  EXPECT_GT(Score(":)"), 0);
  EXPECT_GT(Score(":-D"), 0);
  EXPECT_GT(Score("<3"), 0);
  EXPECT_LT(Score(":("), 0);
  EXPECT_LT(Score(":'("), 0);
  EXPECT_GT(Score("the delivery came early 😍😍"), Score("the delivery came "
                                                       "early"));
  EXPECT_LT(Score("otra vez sin internet 😡", "es"), 0);
  // A negation before a symbol does not flip it.
  EXPECT_LT(Score("no funciona nada 😡😡", "es"), -0.5f);
  EXPECT_GT(Score("no way, thank you so much 😍"), 0);
}

TEST_F(SentimentTest, SlangAndMisspellings) {
  EXPECT_GT(Score("this is awsome"), 0);
  EXPECT_GT(Score("luv it"), 0);
  EXPECT_LT(Score("this app sux"), 0);
  EXPECT_LT(Score("so dissapointed"), 0);
  EXPECT_LT(Score("wtf is this"), 0);
  EXPECT_GT(Score("que chévere", "es"), 0);
  EXPECT_LT(Score("que asco de servicio", "es"), 0);
  EXPECT_LT(Score("me tienen hasta la madre", "es"), 0);
  EXPECT_GT(Score("esta guay", "es"), 0);
}

TEST_F(SentimentTest, SpanishSuperlatives) {
  EXPECT_GT(Score("buenísimo", "es"), Score("bueno", "es"));
  EXPECT_GT(Score("buenísimo", "es"), 0);
  EXPECT_LT(Score("malísimo", "es"), Score("malo", "es"));
  EXPECT_GT(Score("riquísima", "es"), 0);
  EXPECT_GT(Score("facilísimo", "es"), 0);
}

TEST_F(SentimentTest, LeastFlipsUnlessAtLeast) {
  EXPECT_LT(Score("the least helpful agent"), 0);
  EXPECT_GE(Score("at least it works"), 0);
}

TEST_F(SentimentTest, LanguageIsTakenOrDetected) {
  EXPECT_EQ(analyzer_->Analyze("hello there", "es").language, "es");
  EXPECT_EQ(analyzer_->Analyze("hola", "en-US").language, "en");
  EXPECT_EQ(analyzer_->Analyze("hola", "ES_co").language, "es");
  EXPECT_EQ(analyzer_->Analyze("the service is great", "").language, "en");
  EXPECT_EQ(analyzer_->Analyze("el servicio es excelente", "").language, "es");
  // An unsupported language is detected like an unknown one.
  EXPECT_EQ(analyzer_->Analyze("el servicio es excelente", "fr").language,
            "es");
  EXPECT_EQ(analyzer_->Analyze("👍", "").language, "");
}

TEST(DetectLanguageTest, EnglishSpanishOrUnknown) {
  EXPECT_EQ(DetectLanguage("I have been waiting for my refund for a week"),
            "en");
  EXPECT_EQ(DetectLanguage("Thanks for the help!"), "en");
  EXPECT_EQ(DetectLanguage("Llevo una semana esperando mi reembolso"), "es");
  EXPECT_EQ(DetectLanguage("¿Me ayudan?"), "es");
  EXPECT_EQ(DetectLanguage("Gracias"), "es");
  EXPECT_EQ(DetectLanguage("jajajaja"), "es");
  EXPECT_EQ(DetectLanguage("señal"), "es");
  EXPECT_EQ(DetectLanguage(""), "");
  EXPECT_EQ(DetectLanguage("ok"), "");
  EXPECT_EQ(DetectLanguage("😍😍"), "");
  EXPECT_EQ(DetectLanguage("+1 646 555 0134"), "");
  EXPECT_EQ(DetectLanguage("@AcmeCare https://acme.example/x"), "");
}

TEST_F(SentimentTest, ScoresStayInRange) {
  std::string praise, insults;
  for (int i = 0; i < 200; ++i) {
    praise += "amazing wonderful perfect!!! ";
    insults += "horrible disgusting scam!!! ";
  }
  EXPECT_LE(Score(praise), 1.0f);
  EXPECT_GT(Score(praise), 0.99f);
  EXPECT_GE(Score(insults), -1.0f);
  EXPECT_LT(Score(insults), -0.99f);
}

TEST_F(SentimentTest, InvalidUtf8IsSafe) {
  EXPECT_GT(Score("gr\xff"
                  "eat \xc3 service \xe2\x82 love it"),
            0);
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage.push_back(static_cast<char>(i * 53));
  const Sentiment s = analyzer_->Analyze(garbage, "");
  EXPECT_GE(s.score, -1.0f);
  EXPECT_LE(s.score, 1.0f);
  EXPECT_EQ(DetectLanguage(std::string(100, '\xff')), "");
}

TEST_F(SentimentTest, EmptyText) {
  const Sentiment s = analyzer_->Analyze("", "");
  EXPECT_EQ(s.score, 0.0f);
  EXPECT_EQ(s.label, SentimentLabel::kNeutral);
  EXPECT_EQ(s.language, "");
}

TEST_F(SentimentTest, MegabyteTextIsBounded) {
  std::string big;
  while (big.size() < (1 << 20))
    big += "the service is terrible, nobody answers. ";
  const auto start = std::chrono::steady_clock::now();
  const Sentiment s = analyzer_->Analyze(big, "");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(s.label, SentimentLabel::kNegative);
  EXPECT_EQ(s.language, "en");
  EXPECT_LT(elapsed, std::chrono::seconds(1));
  // One endless sentence, and one endless word.
  EXPECT_EQ(analyzer_->Analyze(std::string(1 << 20, 'a'), "").label,
            SentimentLabel::kNeutral);
  std::string one_sentence;
  while (one_sentence.size() < (1 << 20)) one_sentence += "good and ";
  EXPECT_EQ(analyzer_->Analyze(one_sentence, "").label,
            SentimentLabel::kPositive);
}

TEST_F(SentimentTest, ConcurrentUseGivesTheSameAnswers) {
  const std::vector<std::string> texts = {
      "I love it", "odio esto", "meh", "no está nada mal", "😡😡", ""};
  std::vector<float> expected;
  for (const std::string& t : texts) expected.push_back(Score(t));
  auto work = [&](bool* ok) {
    for (int i = 0; i < 2000; ++i) {
      for (size_t j = 0; j < texts.size(); ++j) {
        if (Score(texts[j]) != expected[j]) *ok = false;
      }
    }
  };
  bool ok1 = true, ok2 = true;
  std::thread a(work, &ok1), b(work, &ok2);
  a.join();
  b.join();
  EXPECT_TRUE(ok1);
  EXPECT_TRUE(ok2);
}

// A host's own model, plugged in through the interface.
class ConstantAnalyzer : public SentimentAnalyzer {
 public:
  Sentiment Analyze(std::string_view,
                    std::string_view language) const override {
    Sentiment s;
    s.score = -0.5f;
    s.label = SentimentLabel::kNegative;
    s.language = std::string(language);
    return s;
  }
};

TEST(SentimentPluginTest, HostModelReplacesOurs) {
  std::shared_ptr<const SentimentAnalyzer> analyzer =
      std::make_shared<ConstantAnalyzer>();
  const Sentiment s = analyzer->Analyze("I love it", "en");
  EXPECT_EQ(s.label, SentimentLabel::kNegative);
  EXPECT_EQ(s.language, "en");
}

}  // namespace
}  // namespace threadline
