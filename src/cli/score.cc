#include "cli/score.h"

#include <utility>

#include "absl/container/flat_hash_map.h"

namespace threadline::cli {
namespace {

double Pairs(double n) { return n * (n - 1) / 2; }
double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

}  // namespace

ClusterScore Score(const std::vector<std::string>& truth,
                   const std::vector<std::string>& predicted) {
  absl::flat_hash_map<std::pair<std::string, std::string>, double> both;
  absl::flat_hash_map<std::string, double> t, p;
  for (size_t i = 0; i < truth.size(); ++i) {
    both[{truth[i], predicted[i]}] += 1;
    t[truth[i]] += 1;
    p[predicted[i]] += 1;
  }
  double tp = 0, t_pairs = 0, p_pairs = 0, b3p = 0, b3r = 0;
  for (const auto& [k, n] : both) {
    tp += Pairs(n);
    b3p += n * n / p[k.second];
    b3r += n * n / t[k.first];
  }
  for (const auto& [k, n] : t) t_pairs += Pairs(n);
  for (const auto& [k, n] : p) p_pairs += Pairs(n);
  ClusterScore s;
  s.pair_precision = p_pairs > 0 ? tp / p_pairs : 1.0;
  s.pair_recall = t_pairs > 0 ? tp / t_pairs : 1.0;
  s.pair_f1 = F1(s.pair_precision, s.pair_recall);
  const double n = truth.empty() ? 1 : static_cast<double>(truth.size());
  s.b3_precision = b3p / n;
  s.b3_recall = b3r / n;
  s.b3_f1 = F1(s.b3_precision, s.b3_recall);
  return s;
}

}  // namespace threadline::cli
