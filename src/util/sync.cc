#include "util/sync.h"

#include <mutex>
#include <vector>

namespace threadline::util {
namespace {

// The semaphores of threads that exited; never destroyed, so a thread that
// exits during the program's own exit still finds it.
std::mutex& PoolMutex() {
  static auto* mu = new std::mutex;
  return *mu;
}
std::vector<Semaphore*>& Pool() {
  static auto* pool = new std::vector<Semaphore*>;
  return *pool;
}

// A thread's hold on its semaphore.
class Holder {
 public:
  Holder() {
    std::lock_guard<std::mutex> lock(PoolMutex());
    if (Pool().empty()) {
      semaphore_ = new Semaphore;
    } else {
      semaphore_ = Pool().back();
      Pool().pop_back();
    }
  }
  ~Holder() {
    std::lock_guard<std::mutex> lock(PoolMutex());
    Pool().push_back(semaphore_);
  }
  Holder(const Holder&) = delete;
  Holder& operator=(const Holder&) = delete;

  Semaphore& semaphore() { return *semaphore_; }

 private:
  Semaphore* semaphore_;
};

}  // namespace

Semaphore& ThisThreadsSemaphore() {
  thread_local Holder holder;
  return holder.semaphore();
}

}  // namespace threadline::util
