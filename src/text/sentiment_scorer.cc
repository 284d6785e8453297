// The rules of the lexicon sentiment analyzer, which follow the published
// findings on how people rate social text (Hutto & Gilbert, ICWSM 2014):
// valences sum over a text; an intensifier adds about 0.29 to the next
// word's strength, a word in capitals among lower case about 0.73; a
// negation scales by -0.74; after "but" words count 1.5 times and before it
// half; each '!' adds about 0.29, up to four.
#include <algorithm>

#include "text/sentiment_reader.h"

namespace threadline::text::sentiment {
namespace {

constexpr float kBoosterStep = 0.293f;
constexpr float kCapsStep = 0.733f;
constexpr float kElongatedStep = 0.3f;    // "sooo good"
constexpr float kSuperlativeStep = 0.5f;  // "buenisimo": base word, stronger
constexpr float kNegationFactor = -0.74f;
constexpr float kBeforeContrast = 0.5f;
constexpr float kAfterContrast = 1.5f;
constexpr float kConcessionFactor = 0.5f;
constexpr float kExclaimStep = 0.292f;
constexpr int kMaxExclaims = 4;
// A question asks more than it asserts ("is it any good?").
constexpr float kQuestionFactor = 0.6f;
// Language leans positive: people use positive words even when they
// complain or just inform. Negative expressions weigh more to compensate
// (Taboada et al., "Lexicon-based methods for sentiment analysis", 2011,
// weigh them 1.5).
constexpr float kNegativeWeight = 1.4f;
// Negations and intensifiers reach this many words ahead.
constexpr int kScope = 3;

float Sign(float v) { return v < 0 ? -1.0f : 1.0f; }

}  // namespace

void Scorer::Sentence(const Slot* slots, int n, uint8_t end_gap, int exclaims) {
  int m = Units(slots, n);
  if (m == 0) return;
  float adjusted[kBuffer];
  for (int i = 0; i < m; ++i) {
    adjusted[i] = Adjusted(i);
    if (adjusted[i] < 0) adjusted[i] *= kNegativeWeight;
  }
  int contrast = -1;
  for (int i = 0; i < m; ++i) {
    if (units_[i].role == WordRole::kContrast) contrast = i;
    if (units_[i].role == WordRole::kConcession) {
      for (int j = i + 1; j < m && !(units_[j].gap & kGapComma); ++j) {
        adjusted[j] *= kConcessionFactor;
      }
    }
  }
  if (contrast >= 0) {
    for (int i = 0; i < m; ++i) {
      if (i < contrast) adjusted[i] *= kBeforeContrast;
      if (i > contrast) adjusted[i] *= kAfterContrast;
    }
    // "It looked nice. But it broke in a week."
    if (contrast == 0) total_ *= kBeforeContrast;
  }
  float sum = 0;
  for (int i = 0; i < m; ++i) sum += adjusted[i];
  if (sum != 0) {
    if (end_gap & kGapQuestion) sum *= kQuestionFactor;
    if (end_gap & kGapExclaim) {
      sum += Sign(sum) * kExclaimStep * std::min(exclaims, kMaxExclaims);
    }
  }
  total_ += sum;
}

int Scorer::Units(const Slot* slots, int n) {
  int m = 0;
  for (int i = 0; i < n;) {
    const Slot& s = slots[i];
    Unit& u = units_[m++];
    u = Unit{0, WordRole::kNone, 0, false, false, 0};
    u.gap = s.gap;
    u.caps = (s.flags & kCaps) != 0;
    u.flags = s.flags;
    if (s.flags & kSymbol) {
      u.valence = s.valence;
      ++i;
      continue;
    }
    if (s.id == HashIndex::kMissing) {
      ++i;
      continue;
    }
    const Entry& e = lexicon_.entry(s.id);
    int used = 1;
    const Entry* matched = &e;
    if (e.phrase_len >= 2) {
      uint64_t keys[kMaxPhraseWords + 1];
      uint64_t key = kPhraseSeed;
      int built = 0;
      const int longest = std::min<int>(e.phrase_len, n - i);
      for (; built < longest; ++built) {
        const Slot& t = slots[i + built];
        if (t.id == HashIndex::kMissing || (t.flags & kSymbol) ||
            (built > 0 && (t.gap & kGapComma))) {
          break;
        }
        key = PhraseStep(key, t.id);
        keys[built + 1] = key;
      }
      for (int len = built; len >= 2; --len) {
        const uint32_t p = lexicon_.Phrase(keys[len]);
        if (p != HashIndex::kMissing &&
            SenseOf(lexicon_.entry(p), language_).defined) {
          matched = &lexicon_.entry(p);
          used = len;
          break;
        }
      }
    }
    const Sense& sense = SenseOf(*matched, language_);
    u.valence = sense.valence;
    u.role = sense.role;
    u.fixed = matched->fixed;
    if (used > 1) u.flags &= ~(kElongated | kSuperlative);
    i += used;
  }
  // A word that both intensifies and carries valence ("pretty", "bien",
  // "damn") intensifies when a sentiment word follows, else counts itself.
  for (int i = 0; i < m; ++i) {
    Unit& u = units_[i];
    if (u.valence == 0 ||
        (u.role != WordRole::kBooster && u.role != WordRole::kDampener)) {
      continue;
    }
    const bool next_has_valence = i + 1 < m && units_[i + 1].valence != 0 &&
                                  !(units_[i + 1].gap & kGapComma);
    if (next_has_valence) {
      u.valence = 0;
    } else {
      u.role = WordRole::kNone;
    }
  }
  return m;
}

float Scorer::Adjusted(int i) const {
  const Unit& u = units_[i];
  float v = u.valence;
  if (v == 0) return 0;
  // Emoji, emoticons and laughter say what they say: "no funciona 😡" is
  // not a negated anger.
  if (u.flags & kSymbol) return v;
  const float sign = Sign(v);
  if (u.caps && caps_differ_) v += sign * kCapsStep;
  if (u.flags & kElongated) v += sign * kElongatedStep;
  if (u.flags & kSuperlative) v += sign * kSuperlativeStep;
  static constexpr float kDistance[kScope] = {1.0f, 0.95f, 0.9f};
  bool negated = false;
  bool clause_open = true;  // no comma between the word and units[j]
  for (int k = 1; k <= kScope && i - k >= 0; ++k) {
    const Unit& w = units_[i - k];
    if (units_[i - k + 1].gap & kGapComma) clause_open = false;
    if (w.role == WordRole::kBooster || w.role == WordRole::kDampener) {
      float step = kBoosterStep * kDistance[k - 1];
      if (w.caps && caps_differ_) step += kCapsStep;
      const float signed_step = w.role == WordRole::kBooster ? step : -step;
      v += sign * signed_step;
      if (Sign(v) != sign) v = 0;  // a dampener weakens, never flips
    }
    if (!clause_open) continue;
    if (w.role == WordRole::kNegator) negated = true;
    if (k == 1 && w.role == WordRole::kLeast) negated = true;
  }
  if (negated && !u.fixed) v *= kNegationFactor;
  return v;
}

}  // namespace threadline::text::sentiment
