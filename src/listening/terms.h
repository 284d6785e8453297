// Terms: a customer's message as weighted words, for telling whether two
// messages report the same grievance, in English or Spanish.
//
// Words are the tokenizer's (lower-case ASCII, accents folded); function
// words and talk about contacting the brand ("I already called", "my email
// is") are dropped, since they say nothing of the grievance; Spanish and
// English words of customer care meet on one concept ("senal" and "signal",
// "caido" and "down"), and plurals on their singular. Each word weighs its
// inverse document frequency among the messages seen so far, so words every
// message uses count little; the vector is normalized for cosine
// similarity.
#ifndef THREADLINE_SRC_LISTENING_TERMS_H_
#define THREADLINE_SRC_LISTENING_TERMS_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/types/span.h"
#include "text/tokenizer.h"

namespace threadline::listening {

// Sorted by term, L2-normalized weights.
using TermVector = std::vector<std::pair<uint64_t, float>>;

// ContentWords: the distinct content words of `text` as concept hashes,
// sorted. At most kMaxWords are kept (a grievance is stated early), from
// the first kContentBytes of the text.
std::vector<uint64_t> ContentWords(std::string_view text);
inline constexpr size_t kMaxWords = 48;
inline constexpr size_t kContentBytes = 4096;

// ContentWordReader: ContentWords fed the tokens of a text one at a time,
// so that one pass of the tokenizer can serve it and the other readers of
// the text (see text/sentiment_reader.h). Fed the tokens of a Tokenizer of
// the text's first kContentBytes, it gives what ContentWords gives.
// Thread-compatible; allocates only the vector Finish returns.
class ContentWordReader {
 public:
  void Add(const text::Token& token) {
    if (n_ < kMaxWords && token.kind == text::TokenKind::kWord &&
        !token.too_long) {
      AddWord(token);
    }
  }
  // ReadWord: what Add makes of a token of a normalized word of `size`
  // letters (1 to text::kMaxWordBytes) that is neither too long nor
  // elongated, given the hashes of its prefixes (prefix[i] hashes its first
  // i + 1 letters): true and its concept's hash in *concept, or false for a
  // word dropped.
  static bool ReadWord(const char* word, int size, const uint64_t* prefix,
                       uint64_t* concept);
  // ReadUnlistedWord: ReadWord for a word that is none of TableWords() (as
  // the caller knows): it skips looking the whole word up.
  static bool ReadUnlistedWord(const char* word, int size,
                               const uint64_t* prefix, uint64_t* concept);
  // AddRead: what Add does with such a token, given what ReadWord gave.
  void AddRead(bool content, uint64_t concept) {
    if (content && n_ < kMaxWords) words_[n_++] = concept;
  }
  // TableWords: the words ReadWord looks up (dropped, or naming a concept
  // of customer care), as written.
  static std::vector<std::string_view> TableWords();

  std::vector<uint64_t> Finish();

 private:
  // Defined in concepts.cc, beside the word tables.
  void AddWord(const text::Token& token);

  uint64_t words_[kMaxWords];
  size_t n_ = 0;
};

// The term of a topic name, so messages on one topic share a term.
uint64_t TopicTerm(std::string_view topic);

// Cosine of two normalized vectors.
float Cosine(const TermVector& a, const TermVector& b);

// TermSignature: which of 256 buckets a vector's terms fall in. Two vectors
// whose signatures share no bucket share no term, so their cosine is 0: a
// scan over many reports skips most pairs without walking their terms.
struct TermSignature {
  uint64_t bits[4] = {0, 0, 0, 0};
};
TermSignature SignatureOf(const TermVector& v);
inline bool MayShareTerms(const TermSignature& a, const TermSignature& b) {
  return ((a.bits[0] & b.bits[0]) | (a.bits[1] & b.bits[1]) |
          (a.bits[2] & b.bits[2]) | (a.bits[3] & b.bits[3])) != 0;
}

// CosineBound: at least Cosine(a, b) for vectors of unit length and
// positive weights, from a's signature and largest weight and b's terms
// alone. The terms they share are among b's that fall in a's buckets; each
// product is at most a's largest weight times b's, and their sum at most
// the length of b's part (Cauchy-Schwarz). Cheaper than the cosine, and
// far below it when b meets a in few buckets; the cosine as computed in
// float may exceed the true one by a few units in the last place, so a
// caller leaves a margin.
// Inline: incidents ask it of every exemplar that shares a bucket with a
// waiting report, at every sweep.
inline double CosineBound(const TermSignature& a, float a_max,
                          const TermVector& b) {
  double sum = 0;
  double squares = 0;
  for (const auto& [term, weight] : b) {
    const uint64_t bucket = term >> 56;
    // 1 or 0, without a branch: which terms fall in a's buckets is random.
    const uint64_t in = (a.bits[bucket >> 6] >> (bucket & 63)) & 1;
    const double w = weight * static_cast<float>(in);
    sum += w;
    squares += w * w;
  }
  return std::min(a_max * sum, std::sqrt(squares));
}
// MaxWeight: the largest weight of `v`, 0 for an empty vector.
float MaxWeight(const TermVector& v);

// Adds `v` scaled by `scale` into `sum` (kept sorted); for centroids.
void AddInto(const TermVector& v, float scale, TermVector* sum);
// The same, merging through `scratch`, whose capacity it keeps (and swaps
// with sum's) so that a long-lived sum grows without a copy per call.
void AddInto(const TermVector& v, float scale, TermVector* sum,
             TermVector* scratch);
// Normalizes `v` to unit length (no-op for a zero vector).
void Normalize(TermVector* v);

// TermIndex: document frequencies of the messages seen so far.
// Thread-compatible.
class TermIndex {
 public:
  // Add: counts one message's terms (ContentWords plus its topic term).
  void Add(absl::Span<const uint64_t> terms);
  // Weigh: the normalized vector of a message's terms at the current
  // frequencies.
  TermVector Weigh(absl::Span<const uint64_t> terms) const;
  // AddAndWeigh: Add, then Weigh, with one look-up per term for both.
  TermVector AddAndWeigh(absl::Span<const uint64_t> terms);

  // ApproximateBytes: the heap the index holds, from its capacity.
  size_t ApproximateBytes() const;

 private:
  uint32_t documents_ = 0;
  absl::flat_hash_map<uint64_t, uint32_t> df_;
};

}  // namespace threadline::listening

#endif  // THREADLINE_SRC_LISTENING_TERMS_H_
