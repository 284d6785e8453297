#include "listening/terms.h"

#include <algorithm>
#include <cmath>

#include "text/tokenizer.h"

namespace threadline::listening {

std::vector<uint64_t> ContentWords(std::string_view text) {
  ContentWordReader reader;
  text::Tokenizer tokenizer(text, kContentBytes);
  text::Token token;
  while (tokenizer.Next(&token)) reader.Add(token);
  return reader.Finish();
}

std::vector<uint64_t> ContentWordReader::Finish() {
  std::sort(words_, words_ + n_);
  const size_t n = std::unique(words_, words_ + n_) - words_;
  return std::vector<uint64_t>(words_, words_ + n);
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

float MaxWeight(const TermVector& v) {
  float max = 0;
  for (const auto& [term, weight] : v) max = std::max(max, weight);
  return max;
}

void AddInto(const TermVector& v, float scale, TermVector* sum) {
  TermVector out;
  AddInto(v, scale, sum, &out);
}

void AddInto(const TermVector& v, float scale, TermVector* sum,
             TermVector* scratch) {
  // A report's few terms into an incident's many: add to the terms the sum
  // has where they are, then make room for the new ones in one backward
  // pass, rather than copying the whole sum for each report. (A vector
  // with a term twice merges as the general code does.)
  for (size_t j = 1; j < v.size(); ++j) {
    if (!(v[j - 1].first < v[j].first)) {
      TermVector& out = *scratch;
      out.clear();
      out.reserve(sum->size() + v.size());
      size_t i = 0, k = 0;
      while (i < sum->size() || k < v.size()) {
        if (k == v.size() ||
            (i < sum->size() && (*sum)[i].first < v[k].first)) {
          out.push_back((*sum)[i++]);
        } else if (i == sum->size() || v[k].first < (*sum)[i].first) {
          out.push_back({v[k].first, v[k].second * scale});
          ++k;
        } else {
          out.push_back({v[k].first, (*sum)[i].second + v[k].second * scale});
          ++i;
          ++k;
        }
      }
      sum->swap(out);
      return;
    }
  }
  auto less = [](const std::pair<uint64_t, float>& e, uint64_t t) {
    return e.first < t;
  };
  size_t fresh = 0;
  auto at = sum->begin();
  for (const auto& [term, weight] : v) {
    at = std::lower_bound(at, sum->end(), term, less);
    if (at != sum->end() && at->first == term) {
      at->second = at->second + weight * scale;
    } else {
      ++fresh;
    }
  }
  if (fresh == 0) return;
  size_t i = sum->size();
  size_t k = i + fresh;
  sum->resize(k);
  TermVector& s = *sum;
  for (size_t j = v.size(); j > 0; --j) {
    const uint64_t term = v[j - 1].first;
    while (i > 0 && s[i - 1].first > term) s[--k] = s[--i];
    if (i > 0 && s[i - 1].first == term) {
      s[--k] = s[--i];  // added in place above
    } else {
      s[--k] = {term, v[j - 1].second * scale};
    }
  }
}

void Normalize(TermVector* v) {
  double norm = 0;
  for (const auto& [term, w] : *v) norm += static_cast<double>(w) * w;
  if (norm <= 0) return;
  const float inv = static_cast<float>(1.0 / std::sqrt(norm));
  for (auto& [term, w] : *v) w *= inv;
}

namespace {

// Smoothed inverse document frequency: a word in every message still
// weighs a little, an unseen word the most.
float Idf(uint32_t documents, double df) {
  return static_cast<float>(std::log((documents + 1.0) / (df + 1.0)) + 1.0);
}

}  // namespace

void TermIndex::Add(absl::Span<const uint64_t> terms) {
  ++documents_;
  for (uint64_t t : terms) ++df_[t];
}

TermVector TermIndex::Weigh(absl::Span<const uint64_t> terms) const {
  TermVector v;
  v.reserve(terms.size());
  for (uint64_t t : terms) {
    auto it = df_.find(t);
    const double df = it == df_.end() ? 0 : it->second;
    v.push_back({t, Idf(documents_, df)});
  }
  std::sort(v.begin(), v.end());
  Normalize(&v);
  return v;
}

TermVector TermIndex::AddAndWeigh(absl::Span<const uint64_t> terms) {
  // One pass gives each term its final frequency only when no term comes
  // twice; sorted terms tell at once.
  for (size_t i = 1; i < terms.size(); ++i) {
    if (!(terms[i - 1] < terms[i])) {
      Add(terms);
      return Weigh(terms);
    }
  }
  ++documents_;
  TermVector v(terms.size());
  for (size_t i = 0; i < terms.size(); ++i) {
    const uint32_t df = ++df_[terms[i]];
    v[i] = {terms[i], Idf(documents_, df)};
  }
  Normalize(&v);
  return v;
}

}  // namespace threadline::listening
