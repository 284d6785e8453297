// The text similarity behind incidents: English and Spanish reports of one
// grievance resemble each other; different grievances do not.
#include "listening/terms.h"

#include <algorithm>
#include <random>

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

// The merge AddInto must match, float for float: the incident centroids
// (and so which reports join) depend on it.
TermVector ReferenceAddInto(const TermVector& v, float scale, TermVector sum) {
  TermVector out;
  size_t i = 0, j = 0;
  while (i < sum.size() || j < v.size()) {
    if (j == v.size() || (i < sum.size() && sum[i].first < v[j].first)) {
      out.push_back(sum[i++]);
    } else if (i == sum.size() || v[j].first < sum[i].first) {
      out.push_back({v[j].first, v[j].second * scale});
      ++j;
    } else {
      out.push_back({v[j].first, sum[i].second + v[j].second * scale});
      ++i;
      ++j;
    }
  }
  return out;
}

TEST(TermsTest, AddIntoMergesLikeAPlainMerge) {
  std::mt19937 rng(3);
  TermVector sum, reference, scratch;
  for (int round = 0; round < 500; ++round) {
    TermVector v;
    const int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) {
      v.push_back({rng() % 400, static_cast<float>(rng() % 1000) / 997.0f});
    }
    std::sort(v.begin(), v.end());
    // Mostly distinct terms, now and then one twice.
    if (round % 7 != 0) {
      v.erase(std::unique(v.begin(), v.end(),
                          [](const auto& a, const auto& b) {
                            return a.first == b.first;
                          }),
              v.end());
    }
    const float scale = round % 3 == 0 ? 1.0f : 0.5f;
    reference = ReferenceAddInto(v, scale, reference);
    AddInto(v, scale, &sum, &scratch);
    ASSERT_EQ(sum, reference) << "round " << round;
  }
}

// Incidents skip a cosine whose bound falls short of a threshold: the bound
// must never be below the cosine as computed, by more than the margin they
// leave (a thousandth).
TEST(TermsTest, CosineBoundIsNeverBelowTheCosine) {
  std::mt19937_64 rng(11);
  TermIndex index;
  // Few distinct terms, so that vectors share many, and buckets collide.
  auto draw = [&] {
    std::vector<uint64_t> terms;
    const int n = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) {
      terms.push_back((rng() % 40) * 0x0723456789abcdefULL);
    }
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    return index.AddAndWeigh(terms);
  };
  for (int round = 0; round < 20000; ++round) {
    const TermVector a = draw();
    const TermVector b = draw();
    const float cosine = Cosine(a, b);
    const double bound = CosineBound(SignatureOf(a), MaxWeight(a), b);
    ASSERT_GE(bound * (1 + 1e-3), cosine) << "round " << round;
    ASSERT_GE(CosineBound(SignatureOf(a), 1.0f, b) * (1 + 1e-3), cosine);
  }
}

TEST(WaveDetectorTest, PoissonTail) {
  EXPECT_DOUBLE_EQ(PoissonTail(0, 3.0), 1.0);
  EXPECT_NEAR(PoissonTail(1, 2.0), 1 - std::exp(-2.0), 1e-12);
  EXPECT_LT(PoissonTail(12, 0.5), 1e-9);
  EXPECT_GT(PoissonTail(3, 3.0), 0.5);
}

}  // namespace
}  // namespace threadline::listening
