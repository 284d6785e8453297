// File: memory_store.cc
// OpenMemoryStore: the Store contract without a disk. Everything is "durable"
// the moment it is appended (Sync has nothing to wait for), and a snapshot
// drops the events it covers, as the journal does, so tests of erasure mean
// the same thing on both.
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "store/framing.h"
#include "store/sequence_check.h"
#include "threadline/status_macros.h"
#include "threadline/store.h"

namespace threadline {
namespace {

// MemoryStore: thread-safe (one mutex; callbacks run outside it).
class MemoryStore final : public Store {
 public:
  absl::StatusOr<LoadReport> Load(
      const std::function<absl::Status(const StoredSnapshot&)>& on_snapshot,
      const std::function<absl::Status(const StoredEvent&)>& on_event)
      override {
    // Copied under the lock so no host callback runs while it is held.
    bool has_snapshot;
    StoredSnapshot snapshot;
    std::vector<StoredEvent> events;
    LoadReport report;
    {
      absl::MutexLock lock(&mu_);
      has_snapshot = has_snapshot_;
      if (has_snapshot) snapshot = snapshot_;
      events.assign(events_.begin(), events_.end());
      report.last_sequence = last_;
    }
    if (has_snapshot) {
      report.snapshot_sequence = snapshot.sequence;
      THREADLINE_RETURN_IF_ERROR(on_snapshot(snapshot));
    }
    for (const StoredEvent& event : events) {
      THREADLINE_RETURN_IF_ERROR(on_event(event));
      ++report.events;
    }
    return report;
  }

  absl::StatusOr<uint64_t> Append(
      const std::vector<StoredEvent>& events) override {
    absl::MutexLock lock(&mu_);
    THREADLINE_RETURN_IF_ERROR(
        store::CheckFollowOn(events, last_, store::kMaxPayload, Describe()));
    events_.insert(events_.end(), events.begin(), events.end());
    last_ += events.size();
    return last_;
  }

  absl::Status Sync(uint64_t ticket) override {
    absl::MutexLock lock(&mu_);
    return store::CheckTicket(ticket, last_, Describe());
  }

  absl::Status WriteSnapshot(const StoredSnapshot& snapshot) override {
    absl::MutexLock lock(&mu_);
    THREADLINE_RETURN_IF_ERROR(store::CheckSnapshot(
        snapshot, has_snapshot_ ? snapshot_.sequence : 0, last_, Describe()));
    snapshot_ = snapshot;
    has_snapshot_ = true;
    while (!events_.empty() && events_.front().sequence <= snapshot.sequence) {
      events_.pop_front();
    }
    events_.shrink_to_fit();
    return absl::OkStatus();
  }

  std::string Describe() const override { return "memory"; }

 private:
  absl::Mutex mu_;
  bool has_snapshot_ ABSL_GUARDED_BY(mu_) = false;
  StoredSnapshot snapshot_ ABSL_GUARDED_BY(mu_);
  std::deque<StoredEvent> events_ ABSL_GUARDED_BY(mu_);  // after the snapshot
  uint64_t last_ ABSL_GUARDED_BY(mu_) = 0;
};

}  // namespace

std::shared_ptr<Store> OpenMemoryStore() {
  return std::make_shared<MemoryStore>();
}

}  // namespace threadline
