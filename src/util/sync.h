// Mutex, CondVar and Semaphore on the C library's own primitives, with
// Abseil's thread-safety annotations, for the engine's group commit, which
// every durable ingest passes through.
//
// absl::Mutex is what the rest of the code uses, but Debian builds Abseil
// without NDEBUG, so every absl lock also runs deadlock detection under one
// process-wide spin lock, which concurrent writers contend on; and
// absl::CondVar hands the waiters it wakes to its mutex, which lets them go
// one after another. A writer waiting for its round is woken alone,
// through a semaphore of its own.
//
// Thread-safe.
#ifndef THREADLINE_SRC_UTIL_SYNC_H_
#define THREADLINE_SRC_UTIL_SYNC_H_

#include <condition_variable>
#include <mutex>

#include "absl/base/thread_annotations.h"
#include "absl/time/time.h"

namespace threadline::util {

class ABSL_LOCKABLE Mutex {
 public:
  Mutex() = default;
  Mutex(const Mutex&) = delete;
  Mutex& operator=(const Mutex&) = delete;

  void Lock() ABSL_EXCLUSIVE_LOCK_FUNCTION() { mu_.lock(); }
  void Unlock() ABSL_UNLOCK_FUNCTION() { mu_.unlock(); }

 private:
  friend class CondVar;
  std::mutex mu_;
};

class ABSL_SCOPED_LOCKABLE MutexLock {
 public:
  explicit MutexLock(Mutex* mu) ABSL_EXCLUSIVE_LOCK_FUNCTION(mu) : mu_(mu) {
    mu_->Lock();
  }
  ~MutexLock() ABSL_UNLOCK_FUNCTION() { mu_->Unlock(); }
  MutexLock(const MutexLock&) = delete;
  MutexLock& operator=(const MutexLock&) = delete;

 private:
  Mutex* const mu_;
};

class CondVar {
 public:
  // Wait: releases `mu`, waits for a signal (or a spurious wake-up), and
  // holds `mu` again. Callers re-check their condition in a loop.
  void Wait(Mutex* mu) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) {
    std::unique_lock<std::mutex> lock(mu->mu_, std::adopt_lock);
    cv_.wait(lock);
    lock.release();
  }
  // WaitFor: as Wait, for at most `timeout`; false when it ran out.
  bool WaitFor(Mutex* mu, absl::Duration timeout)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu) {
    std::unique_lock<std::mutex> lock(mu->mu_, std::adopt_lock);
    const std::cv_status status =
        cv_.wait_for(lock, absl::ToChronoNanoseconds(timeout));
    lock.release();
    return status == std::cv_status::no_timeout;
  }
  void Signal() { cv_.notify_one(); }

 private:
  std::condition_variable cv_;
};

// Semaphore: a count of wake-ups. A thread that waits for another to hand
// it a result may own one for its whole life (ThisThreadsSemaphore), so
// that the waker never touches memory the woken thread may already have
// freed, and waking it needs no lock the woken thread must take again.
class Semaphore {
 public:
  void Post() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      ++count_;
    }
    cv_.notify_one();
  }
  void Wait() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [this] { return count_ > 0; });
    --count_;
  }

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  unsigned count_ = 0;
};

// ThisThreadsSemaphore: the calling thread's own semaphore. Semaphores are
// never freed: Post lets the woken thread go before it signals, so a waker
// may still be inside Post when the woken thread has returned and exited.
// A thread that exits leaves its semaphore to the next thread that asks.
Semaphore& ThisThreadsSemaphore();

}  // namespace threadline::util

#endif  // THREADLINE_SRC_UTIL_SYNC_H_
