// File: clock.h
// Clock: where the engine reads "now" (for waiting times only; linking uses
// the interactions' own times). Injected so tests never sleep.
//
// Example:
//   auto clock = std::make_shared<threadline::ManualClock>(absl::Now());
//   options.clock = clock;
//   clock->Advance(absl::Minutes(5));
#ifndef THREADLINE_CLOCK_H_
#define THREADLINE_CLOCK_H_

#include <memory>

#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "threadline/export.h"

namespace threadline {

// Clock: thread-safe.
class THREADLINE_EXPORT Clock {
 public:
  virtual ~Clock() = default;
  virtual absl::Time Now() const = 0;
};

// SystemClock: the wall clock. Thread-safe.
class THREADLINE_EXPORT SystemClock : public Clock {
 public:
  absl::Time Now() const override { return absl::Now(); }
};

// ManualClock: a clock that moves only when told. Thread-safe.
class THREADLINE_EXPORT ManualClock : public Clock {
 public:
  explicit ManualClock(absl::Time start) : now_(start) {}
  absl::Time Now() const override {
    absl::MutexLock lock(&mu_);
    return now_;
  }
  void Set(absl::Time t) {
    absl::MutexLock lock(&mu_);
    now_ = t;
  }
  void Advance(absl::Duration d) {
    absl::MutexLock lock(&mu_);
    now_ += d;
  }

 private:
  mutable absl::Mutex mu_;
  absl::Time now_ ABSL_GUARDED_BY(mu_);
};

}  // namespace threadline

#endif  // THREADLINE_CLOCK_H_
