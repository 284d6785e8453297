// FaultStore: a Store that passes everything to another store, except the
// failures a test asks for (a full disk on Append, a failed fsync on Sync),
// and counts the calls the engine makes.
#ifndef THREADLINE_TESTS_ENGINE_FAULT_STORE_H_
#define THREADLINE_TESTS_ENGINE_FAULT_STORE_H_

#include <atomic>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "threadline/store.h"

namespace threadline::testing_store {

class FaultStore final : public Store {
 public:
  explicit FaultStore(std::shared_ptr<Store> inner) : inner_(std::move(inner)) {}

  absl::StatusOr<LoadReport> Load(
      const std::function<absl::Status(const StoredSnapshot&)>& on_snapshot,
      const std::function<absl::Status(const StoredEvent&)>& on_event)
      override {
    if (loads++ > 0 && refuse_reload) {
      return absl::FailedPreconditionError("load: already loaded");
    }
    return inner_->Load(on_snapshot, on_event);
  }
  absl::StatusOr<uint64_t> Append(
      const std::vector<StoredEvent>& events) override {
    if (fail_appends > 0) {
      --fail_appends;
      return absl::ResourceExhaustedError("append: no space left on device");
    }
    ++appends;
    // A write takes time; writers meanwhile queue for the next round.
    if (append_micros > 0) {
      absl::SleepFor(absl::Microseconds(append_micros.load()));
    }
    return inner_->Append(events);
  }
  absl::Status Sync(uint64_t ticket) override {
    if (fail_syncs > 0) {
      --fail_syncs;
      return absl::InternalError("fsync: input/output error");
    }
    ++syncs;
    return inner_->Sync(ticket);
  }
  absl::Status WriteSnapshot(const StoredSnapshot& snapshot) override {
    ++snapshots;
    return inner_->WriteSnapshot(snapshot);
  }
  std::string Describe() const override {
    return "fault(" + inner_->Describe() + ")";
  }

  std::atomic<int> fail_appends{0};
  std::atomic<int> fail_syncs{0};
  std::atomic<int> append_micros{0};  // each Append takes this long
  std::atomic<bool> refuse_reload{false};  // a second Load fails
  std::atomic<int> loads{0};
  std::atomic<int> appends{0};
  std::atomic<int> syncs{0};
  std::atomic<int> snapshots{0};

 private:
  std::shared_ptr<Store> inner_;
};

}  // namespace threadline::testing_store

#endif  // THREADLINE_TESTS_ENGINE_FAULT_STORE_H_
