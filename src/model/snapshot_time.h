// Times in snapshots: Unix nanoseconds, with int64 min and max standing for
// absl's infinite past and future (a case never resolved, a customer not yet
// seen), so every absl::Time the state holds comes back exactly.
#ifndef THREADLINE_SRC_MODEL_SNAPSHOT_TIME_H_
#define THREADLINE_SRC_MODEL_SNAPSHOT_TIME_H_

#include <cstdint>
#include <limits>

#include "absl/time/time.h"

namespace threadline::model {

inline int64_t TimeToNanos(absl::Time t) {
  if (t == absl::InfinitePast()) return std::numeric_limits<int64_t>::min();
  if (t == absl::InfiniteFuture()) return std::numeric_limits<int64_t>::max();
  return absl::ToUnixNanos(t);
}

inline absl::Time NanosToTime(int64_t n) {
  if (n == std::numeric_limits<int64_t>::min()) return absl::InfinitePast();
  if (n == std::numeric_limits<int64_t>::max()) return absl::InfiniteFuture();
  return absl::FromUnixNanos(n);
}

}  // namespace threadline::model

#endif  // THREADLINE_SRC_MODEL_SNAPSHOT_TIME_H_
