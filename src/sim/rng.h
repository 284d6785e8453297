// A small, fast pseudo-random generator whose output is the same on every
// platform and standard library, and the helpers the simulator draws with.
//
// The simulator promises the same output for the same seed, bit for bit,
// everywhere. The distributions of <random> are implementation-defined, so
// every draw here is integer arithmetic on splitmix64, plus IEEE-exact double
// comparisons; no libm call (log, exp) is used, because their last bit
// differs between C libraries.
#ifndef THREADLINE_SRC_SIM_RNG_H_
#define THREADLINE_SRC_SIM_RNG_H_

#include <cstddef>
#include <cstdint>

namespace threadline::sim {

// Mix64: the splitmix64 finalizer, a bijection on 64-bit values (so distinct
// inputs give distinct outputs, which the simulator uses for unique ids).
inline constexpr uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Hash of a few values: independent streams for (seed, person, purpose).
inline constexpr uint64_t HashOf(uint64_t a, uint64_t b) {
  return Mix64(a ^ Mix64(b + 0x9e3779b97f4a7c15ULL));
}
inline constexpr uint64_t HashOf(uint64_t a, uint64_t b, uint64_t c) {
  return HashOf(HashOf(a, b), c);
}
inline constexpr uint64_t HashOf(uint64_t a, uint64_t b, uint64_t c,
                                 uint64_t d) {
  return HashOf(HashOf(a, b, c), d);
}

// UnitOf: a hash mapped to [0, 1) with 53 exact bits.
inline double UnitOf(uint64_t h) {
  return static_cast<double>(h >> 11) * (1.0 / 9007199254740992.0);
}

// Rng: splitmix64. Thread-compatible; cheap to copy and to create, so every
// person, inquiry and message gets its own stream derived from the seed and
// stays the same whatever else is generated.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(Mix64(seed ^ 0x6a09e667f3bcc909ULL)) {}

  uint64_t Next() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return Mix64(state_);
  }

  // Below: uniform in [0, n); n > 0. The modulo bias is below 2^-40 for the
  // sizes used here and, unlike rejection, costs one draw on every platform.
  uint64_t Below(uint64_t n) { return Next() % n; }

  // Range: uniform in [lo, hi], inclusive.
  int64_t Range(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }

  // Unit: uniform in [0, 1).
  double Unit() { return UnitOf(Next()); }

  // Chance: true with probability p.
  bool Chance(double p) { return Unit() < p; }

  // Pick: a uniformly chosen element of a built-in array.
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Below(N)];
  }

  // Weighted: an index drawn with probability proportional to weights[i].
  // Returns n - 1 when every weight is zero.
  size_t Weighted(const double* weights, size_t n) {
    double total = 0;
    for (size_t i = 0; i < n; ++i) total += weights[i];
    if (total <= 0) return n - 1;
    double x = Unit() * total;
    for (size_t i = 0; i < n; ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return n - 1;
  }
  template <size_t N>
  size_t Weighted(const double (&weights)[N]) {
    return Weighted(weights, N);
  }

 private:
  uint64_t state_;
};

// Span: a duration range in seconds with the weight of drawing from it. A
// list of spans is a piecewise-uniform distribution, which gives the long
// tails of response times without libm.
struct Span {
  double weight;
  int64_t min_seconds;
  int64_t max_seconds;
};

template <size_t N>
int64_t DrawSpan(Rng& rng, const Span (&spans)[N]) {
  double weights[N];
  for (size_t i = 0; i < N; ++i) weights[i] = spans[i].weight;
  const Span& s = spans[rng.Weighted(weights)];
  return rng.Range(s.min_seconds, s.max_seconds);
}

// AffinePermutation: a bijection of [0, modulus) used to hand out account
// numbers, phone numbers and handle suffixes that never collide between
// people, without remembering which were taken. `multiplier` must be coprime
// with `modulus`; both below 2^32 so the product fits in 64 bits.
inline constexpr uint64_t AffinePermutation(uint64_t x, uint64_t multiplier,
                                            uint64_t offset, uint64_t modulus) {
  return ((x % modulus) * multiplier + offset % modulus) % modulus;
}

}  // namespace threadline::sim

#endif  // THREADLINE_SRC_SIM_RNG_H_
