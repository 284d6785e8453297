#include "listening/terms.h"

#include <algorithm>
#include <cmath>

#include "text/tokenizer.h"

namespace threadline::listening {

std::vector<uint64_t> ContentWords(std::string_view text) {
  std::vector<uint64_t> out;
  text::Tokenizer tokenizer(text, 4096);
  text::Token token;
  while (out.size() < kMaxWords && tokenizer.Next(&token)) {
    if (token.kind != text::TokenKind::kWord || token.too_long) continue;
    char collapsed[text::kMaxWordBytes];
    const int n = text::CollapseElongation(token, collapsed);
    const WordClass c = ClassifyWord(std::string_view(collapsed, n));
    if (c.concept_word.empty()) continue;
    out.push_back(text::HashWord(c.concept_word));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

uint64_t TopicTerm(std::string_view topic) {
  // A prefix no word can have keeps topic terms apart from words.
  uint64_t h = text::FnvStep(text::kFnvOffset, '#');
  for (unsigned char c : topic) h = text::FnvStep(h, c);
  return h;
}

namespace {

// The dot product of a short vector with a much longer one (an incident's
// centroid holds every word of its wave): each short term is looked up in
// the long one, so the cost follows the short vector. Terms are added in
// the same order as the merge walk below, so the result is the same.
float SparseDot(const TermVector& small, const TermVector& large) {
  float dot = 0;
  auto from = large.begin();
  for (const auto& [term, weight] : small) {
    from = std::lower_bound(
        from, large.end(), term,
        [](const std::pair<uint64_t, float>& e, uint64_t t) {
          return e.first < t;
        });
    if (from == large.end()) break;
    if (from->first == term) dot += weight * from->second;
  }
  return dot;
}

}  // namespace

float Cosine(const TermVector& a, const TermVector& b) {
  constexpr size_t kLookupRatio = 16;
  if (a.size() * kLookupRatio < b.size()) return SparseDot(a, b);
  if (b.size() * kLookupRatio < a.size()) return SparseDot(b, a);
  float dot = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first) {
      ++i;
    } else if (b[j].first < a[i].first) {
      ++j;
    } else {
      dot += a[i++].second * b[j++].second;
    }
  }
  return dot;
}

TermSignature SignatureOf(const TermVector& v) {
  TermSignature s;
  for (const auto& [term, weight] : v) {
    // Terms are FNV hashes: their top bits are as mixed as any.
    const uint64_t bucket = term >> 56;
    s.bits[bucket >> 6] |= uint64_t{1} << (bucket & 63);
  }
  return s;
}

void AddInto(const TermVector& v, float scale, TermVector* sum) {
  TermVector out;
  out.reserve(sum->size() + v.size());
  size_t i = 0, j = 0;
  while (i < sum->size() || j < v.size()) {
    if (j == v.size() || (i < sum->size() && (*sum)[i].first < v[j].first)) {
      out.push_back((*sum)[i++]);
    } else if (i == sum->size() || v[j].first < (*sum)[i].first) {
      out.push_back({v[j].first, v[j].second * scale});
      ++j;
    } else {
      out.push_back({v[j].first, (*sum)[i].second + v[j].second * scale});
      ++i;
      ++j;
    }
  }
  *sum = std::move(out);
}

void Normalize(TermVector* v) {
  double norm = 0;
  for (const auto& [term, w] : *v) norm += static_cast<double>(w) * w;
  if (norm <= 0) return;
  const float inv = static_cast<float>(1.0 / std::sqrt(norm));
  for (auto& [term, w] : *v) w *= inv;
}

void TermIndex::Add(const std::vector<uint64_t>& terms) {
  ++documents_;
  for (uint64_t t : terms) ++df_[t];
}

TermVector TermIndex::Weigh(const std::vector<uint64_t>& terms) const {
  TermVector v;
  v.reserve(terms.size());
  for (uint64_t t : terms) {
    auto it = df_.find(t);
    const double df = it == df_.end() ? 0 : it->second;
    // Smoothed inverse document frequency: a word in every message still
    // weighs a little, an unseen word the most.
    const double idf = std::log((documents_ + 1.0) / (df + 1.0)) + 1.0;
    v.push_back({t, static_cast<float>(idf)});
  }
  std::sort(v.begin(), v.end());
  Normalize(&v);
  return v;
}

}  // namespace threadline::listening
