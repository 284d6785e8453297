// Mutex and CondVar on the C library's own primitives, with Abseil's
// thread-safety annotations, for the engine's group commit, which every
// durable ingest passes through.
//
// absl::Mutex is what the rest of the code uses, but Debian builds Abseil
// without NDEBUG, so every absl lock also runs deadlock detection under one
// process-wide spin lock, which concurrent writers contend on; and a
// writer waiting for its round must be woken alone, by a condition
// variable of its own, which these make cheap.
//
// Thread-safe.
#ifndef THREADLINE_SRC_UTIL_SYNC_H_
#define THREADLINE_SRC_UTIL_SYNC_H_

#include <condition_variable>
#include <mutex>

#include "absl/base/thread_annotations.h"

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
  void Signal() { cv_.notify_one(); }

 private:
  std::condition_variable cv_;
};

}  // namespace threadline::util

#endif  // THREADLINE_SRC_UTIL_SYNC_H_
