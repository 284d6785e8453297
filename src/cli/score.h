// Scoring a linkage against ground truth: pairwise and B-cubed precision,
// recall and F1, for customers (true person) and cases (true inquiry). The
// same measures the evaluation tools use, so the demo and the tests speak
// the same numbers.
#ifndef THREADLINE_SRC_CLI_SCORE_H_
#define THREADLINE_SRC_CLI_SCORE_H_

#include <string>
#include <vector>

namespace threadline::cli {

struct ClusterScore {
  double pair_precision = 0, pair_recall = 0, pair_f1 = 0;
  double b3_precision = 0, b3_recall = 0, b3_f1 = 0;
};

// Score: `truth[i]` and `predicted[i]` are the cluster labels of item i.
ClusterScore Score(const std::vector<std::string>& truth,
                   const std::vector<std::string>& predicted);

}  // namespace threadline::cli

#endif  // THREADLINE_SRC_CLI_SCORE_H_
