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
  const int m = Units(slots, n);
  if (m == 0) return;
  // Only units with a valence are adjusted and summed: the others would
  // add an exact zero. adjusted[i] is set for those alone.
  float adjusted[kBuffer];
  for (int k = 0; k < weighed_count_; ++k) {
    const int i = weighed_[k];
    float a = Adjusted(i);
    if (a < 0) a *= kNegativeWeight;
    adjusted[i] = a;
  }
  if (concession_) {
    for (int i = 0; i < m; ++i) {
      if (units_[i].role != WordRole::kConcession) continue;
      for (int j = i + 1; j < m && !(units_[j].gap & kGapComma); ++j) {
        if (units_[j].valence != 0) adjusted[j] *= kConcessionFactor;
      }
    }
  }
  const int contrast = contrast_;
  if (contrast >= 0) {
    for (int k = 0; k < weighed_count_; ++k) {
      const int i = weighed_[k];
      if (i < contrast) adjusted[i] *= kBeforeContrast;
      if (i > contrast) adjusted[i] *= kAfterContrast;
    }
    // "It looked nice. But it broke in a week."
    if (contrast == 0) total_ *= kBeforeContrast;
  }
  float sum = 0;
  for (int k = 0; k < weighed_count_; ++k) sum += adjusted[weighed_[k]];
  if (sum != 0) {
    if (end_gap & kGapQuestion) sum *= kQuestionFactor;
    if (end_gap & kGapExclaim) {
      sum += Sign(sum) * kExclaimStep * std::min(exclaims, kMaxExclaims);
    }
  }
  total_ += sum;
}

int Scorer::Units(const Slot* slots, int n) {
  const UnitSense* const senses = senses_;
  int m = 0;
  int weighed = 0;
  int contrast = -1;
  bool concession = false;
  bool intensifier = false;  // a booster or dampener with a valence
  for (int i = 0; i < n;) {
    const Slot& s = slots[i];
    Unit& u = units_[m];
    u.gap = s.gap;
    u.caps = (s.flags & kCaps) != 0;
    u.flags = s.flags;
    u.fixed = false;
    u.role = WordRole::kNone;
    u.valence = 0;
    ++i;
    if (s.flags & kSymbol) {
      u.valence = s.valence;
      if (u.valence != 0) weighed_[weighed++] = static_cast<uint8_t>(m);
      ++m;
      continue;
    }
    if (s.id == HashIndex::kMissing) {
      ++m;
      continue;
    }
    const UnitSense* matched = &senses[s.id];
    // A phrase needs a second word, in the same clause, that may follow
    // this one in some phrase: most words begin none.
    if (matched->phrase_len >= 2 && i < n) {
      const Slot& t = slots[i];
      if (t.id != HashIndex::kMissing && !(t.flags & kSymbol) &&
          !(t.gap & kGapComma) && lexicon_.MayBeginPhrase(s.id, t.id)) {
        uint64_t keys[kMaxPhraseWords + 1];
        uint64_t key = kPhraseSeed;
        int built = 0;
        const int longest = std::min<int>(matched->phrase_len, n - i + 1);
        for (; built < longest; ++built) {
          const Slot& w = slots[i - 1 + built];
          if (w.id == HashIndex::kMissing || (w.flags & kSymbol) ||
              (built > 0 && (w.gap & kGapComma))) {
            break;
          }
          key = PhraseStep(key, w.id);
          keys[built + 1] = key;
        }
        for (int len = built; len >= 2; --len) {
          const uint32_t p = lexicon_.Phrase(keys[len]);
          if (p != HashIndex::kMissing && senses[p].defined) {
            matched = &senses[p];
            u.flags &= ~(kElongated | kSuperlative);
            i += len - 1;
            break;
          }
        }
      }
    }
    u.valence = matched->valence;
    u.role = matched->role;
    u.fixed = matched->fixed;
    if (u.role == WordRole::kContrast) contrast = m;
    if (u.role == WordRole::kConcession) concession = true;
    if (u.valence != 0) {
      weighed_[weighed++] = static_cast<uint8_t>(m);
      intensifier |=
          u.role == WordRole::kBooster || u.role == WordRole::kDampener;
    }
    ++m;
  }
  // A word that both intensifies and carries valence ("pretty", "bien",
  // "damn") intensifies when a sentiment word follows, else counts itself.
  if (intensifier) {
    int kept = 0;
    for (int k = 0; k < weighed; ++k) {
      const int i = weighed_[k];
      Unit& u = units_[i];
      if (u.role == WordRole::kBooster || u.role == WordRole::kDampener) {
        const bool next_has_valence = i + 1 < m &&
                                      units_[i + 1].valence != 0 &&
                                      !(units_[i + 1].gap & kGapComma);
        if (next_has_valence) {
          u.valence = 0;
          continue;
        }
        u.role = WordRole::kNone;
      }
      weighed_[kept++] = static_cast<uint8_t>(i);
    }
    weighed = kept;
  }
  weighed_count_ = weighed;
  contrast_ = contrast;
  concession_ = concession;
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
