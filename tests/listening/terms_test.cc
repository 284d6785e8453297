// The text similarity behind incidents: English and Spanish reports of one
// grievance resemble each other; different grievances do not.
#include "listening/terms.h"

#include "gtest/gtest.h"
#include "listening/wave_detector.h"

namespace threadline::listening {
namespace {

TermVector Vector(const TermIndex& index, std::string_view text) {
  return index.Weigh(ContentWords(text));
}

TEST(TermsTest, SpanishAndEnglishMeetOnConcepts) {
  TermIndex index;
  const char* corpus[] = {"I was charged twice", "my refund never came",
                          "no internet since this morning",
                          "sin internet desde esta mañana",
                          "the package is late"};
  for (const char* t : corpus) index.Add(ContentWords(t));
  const TermVector en = Vector(index, "No internet signal, the router is down");
  const TermVector es = Vector(index, "Sin señal de internet, el módem se cayó");
  const TermVector billing = Vector(index, "Me cobraron dos veces la factura");
  EXPECT_GT(Cosine(en, es), 0.6f);
  EXPECT_LT(Cosine(en, billing), 0.05f);
  EXPECT_NEAR(Cosine(en, en), 1.0f, 1e-5);
}

TEST(TermsTest, ContactTalkAndNumbersSayNothing) {
  EXPECT_TRUE(ContentWords("I already called you twice, my email is "
                           "a@b.com, call me at +1 212 555 0100")
                  .empty());
  EXPECT_EQ(ContentWords("routers ROUTER router"), ContentWords("router"));
}

TEST(WaveDetectorTest, PoissonTail) {
  EXPECT_DOUBLE_EQ(PoissonTail(0, 3.0), 1.0);
  EXPECT_NEAR(PoissonTail(1, 2.0), 1 - std::exp(-2.0), 1e-12);
  EXPECT_LT(PoissonTail(12, 0.5), 1e-9);
  EXPECT_GT(PoissonTail(3, 3.0), 0.5);
}

}  // namespace
}  // namespace threadline::listening
