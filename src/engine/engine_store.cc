// What makes the engine durable: loading its store on open, handing every
// write's events to the store, rebuilding the state from the store when the
// store fails, snapshots, and erasure.
//
// A write applies its events under mu_ and appends them (Store::Append is
// quick), then waits for Store::Sync outside mu_: writers that arrive while
// one sync is under way share the next one (group commit).
#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "engine/engine_impl.h"
#include "engine/ids.h"
#include "model/convert.h"
#include "threadline/status_macros.h"
#include "threadline/v1/snapshot.pb.h"

namespace threadline {
namespace engine {

absl::StatusOr<LoadReport> EngineImpl::LoadInto(State& state,
                                                absl::Time* snapshot_at) {
  auto on_snapshot = [&](const StoredSnapshot& stored) -> absl::Status {
    v1::Snapshot snapshot;
    if (!snapshot.ParseFromString(stored.data)) {
      return absl::DataLossError(absl::StrCat(
          store_->Describe(), ": the snapshot at sequence ", stored.sequence,
          " does not parse"));
    }
    if (snapshot.version() != kSnapshotVersion) {
      return absl::FailedPreconditionError(absl::StrCat(
          store_->Describe(), ": snapshot version ", snapshot.version(),
          " is not the version this engine reads (", kSnapshotVersion, ")"));
    }
    if (snapshot.sequence() != stored.sequence) {
      return absl::DataLossError(absl::StrCat(
          store_->Describe(), ": the snapshot stored at sequence ",
          stored.sequence, " says it is at ", snapshot.sequence()));
    }
    THREADLINE_RETURN_IF_ERROR(state.Restore(snapshot));
    *snapshot_at = model::FromProto(snapshot.taken_at());
    return absl::OkStatus();
  };
  v1::Event event;
  auto on_event = [&](const StoredEvent& stored) -> absl::Status {
    if (!event.ParseFromString(stored.data)) {
      return absl::DataLossError(absl::StrCat(
          store_->Describe(), ": event ", stored.sequence, " does not parse"));
    }
    if (event.sequence() != stored.sequence ||
        event.sequence() != state.sequence() + 1) {
      return absl::DataLossError(absl::StrCat(
          store_->Describe(), ": event ", event.sequence(), " stored as ",
          stored.sequence, " does not follow event ", state.sequence()));
    }
    state.Apply(event);
    return absl::OkStatus();
  };
  return store_->Load(on_snapshot, on_event);
}

absl::Status EngineImpl::Load() {
  if (store_ == nullptr) return absl::OkStatus();
  absl::MutexLock lock(&mu_);
  const absl::Time start = absl::Now();
  absl::Time snapshot_at = absl::InfinitePast();
  State state(MakeStateOptions(options_));
  THREADLINE_ASSIGN_OR_RETURN(LoadReport report, LoadInto(state, &snapshot_at));
  state_ = std::move(state);
  // Alerts of the past were told when they were raised.
  alerts_told_ = state_.listening().alerts().size();
  recovery_.store = store_->Describe();
  recovery_.load = report;
  recovery_.snapshot_taken_at = snapshot_at;
  recovery_.took = absl::Now() - start;
  snapshot_sequence_ = report.snapshot_sequence;
  applied_sequence_ = state_.sequence();
  return absl::OkStatus();
}

void EngineImpl::ReloadLocked(const absl::Status& cause) {
  ++reloads_;
  reload_cause_ = cause;
  pending_.clear();
  absl::Time snapshot_at = absl::InfinitePast();
  State state(MakeStateOptions(options_));
  absl::StatusOr<LoadReport> report = LoadInto(state, &snapshot_at);
  if (!report.ok()) {
    broken_ = absl::FailedPreconditionError(
        absl::StrCat("writes are refused: after \"", cause.message(),
                     "\" the engine could not rebuild its state from ",
                     store_->Describe(), " (", report.status().message(),
                     "); open the engine again"));
    return;
  }
  state_ = std::move(state);
  alerts_told_ = state_.listening().alerts().size();
  applied_sequence_ = state_.sequence();
}

absl::Status EngineImpl::WritableLocked() const { return broken_; }

uint64_t EngineImpl::EndWriteLocked(absl::Status* stored,
                                    std::vector<Alert>* alerts) {
  *alerts = TakeNewAlerts();
  if (!stored->ok()) return 0;
  absl::StatusOr<uint64_t> appended = AppendLocked();
  if (!appended.ok()) {
    *stored = appended.status();
    return 0;
  }
  return *appended;
}

absl::Status EngineImpl::AwaitWrite(absl::Status stored, uint64_t ticket,
                                    std::vector<Alert>* alerts) {
  if (stored.ok()) stored = AwaitDurable(ticket);
  if (!stored.ok()) {
    // The state was rebuilt from the store: the alerts taken may be gone.
    absl::MutexLock lock(&mu_);
    *alerts = TakeNewAlerts();
  }
  return stored;
}

absl::StatusOr<uint64_t> EngineImpl::AppendLocked() {
  if (store_ == nullptr) return 0;
  if (pending_.empty()) return last_ticket_;  // a retry: wait for its sync
  absl::StatusOr<uint64_t> ticket = store_->Append(pending_);
  if (!ticket.ok()) {
    // Nothing was stored, but the state applied it: take the state back to
    // what the store holds.
    ReloadLocked(ticket.status());
    return ticket.status();
  }
  pending_.clear();
  last_ticket_ = *ticket;
  applied_sequence_ = state_.sequence();
  return *ticket;
}

absl::Status EngineImpl::AwaitDurable(uint64_t ticket) {
  if (store_ == nullptr) return absl::OkStatus();
  if (ticket != 0) {
    const absl::Time start = absl::Now();
    absl::Status synced = store_->Sync(ticket);
    // Concurrent writers may lose an update to the average: no matter.
    const int64_t average = sync_nanos_.load(std::memory_order_relaxed);
    sync_nanos_.store(
        average +
            (absl::ToInt64Nanoseconds(absl::Now() - start) - average) / 8,
        std::memory_order_relaxed);
    if (!synced.ok()) {
      // What is durable is unknown: believe the store.
      absl::MutexLock lock(&mu_);
      ReloadLocked(synced);
      return synced;
    }
  }
  const uint64_t every = options_.snapshot_every;
  if (every != 0 &&
      applied_sequence_.load() >= snapshot_sequence_.load() + every &&
      snapshot_mu_.TryLock()) {
    // One writer takes the snapshot; the others go on. A failed automatic
    // snapshot loses nothing (the events are stored): the next write due
    // tries again.
    absl::Status written = WriteSnapshotHeld();
    snapshot_mu_.Unlock();
    (void)written;
  }
  return absl::OkStatus();
}

absl::Status EngineImpl::WriteSnapshotHeld() {
  StoredSnapshot stored;
  {
    // Writers wait while the state is read; readers go on.
    absl::ReaderMutexLock lock(&mu_);
    THREADLINE_RETURN_IF_ERROR(broken_);
    v1::Snapshot snapshot;
    snapshot.set_version(kSnapshotVersion);
    model::ToProto(options_.clock->Now(), snapshot.mutable_taken_at());
    state_.Save(&snapshot);
    stored.sequence = snapshot.sequence();
    // Nothing stored yet: nothing to restore, and no sequence to name.
    if (stored.sequence == 0) return absl::OkStatus();
    // Serialized under the lock: the message refers to nothing outside it,
    // but building it took the time; serializing is a fraction of it.
    stored.data = snapshot.SerializeAsString();
  }
  // Every event up to stored.sequence was appended before mu_ was released.
  THREADLINE_RETURN_IF_ERROR(store_->WriteSnapshot(stored));
  uint64_t prev = snapshot_sequence_.load();
  while (prev < stored.sequence &&
         !snapshot_sequence_.compare_exchange_weak(prev, stored.sequence)) {
  }
  return absl::OkStatus();
}

absl::Status EngineImpl::Checkpoint() {
  if (store_ == nullptr) {
    return absl::FailedPreconditionError(
        "Checkpoint: the engine has no store (EngineOptions.store or "
        "journal_dir)");
  }
  absl::MutexLock lock(&snapshot_mu_);
  return WriteSnapshotHeld();
}

RecoveryReport EngineImpl::Recovery() const {
  absl::ReaderMutexLock lock(&mu_);
  return recovery_;
}

absl::StatusOr<ErasureReport> EngineImpl::Erase(std::string_view customer_id) {
  const absl::Time now = options_.clock->Now();
  ErasureReport report;
  uint64_t ticket = 0;
  {
    absl::MutexLock lock(&mu_);
    THREADLINE_RETURN_IF_ERROR(WritableLocked());
    THREADLINE_ASSIGN_OR_RETURN(uint32_t base, BaseOf(customer_id));
    v1::Event event;
    auto* e = event.mutable_customer_erased();
    e->set_base(state_.graph().CustomerOf(base));
    model::ToProto(now, e->mutable_at());
    ApplyLocked(event);
    const ErasureResult& erased = state_.last_erasure();
    for (uint32_t b : erased.bases) report.customer_ids.push_back(CustomerId(b));
    report.identities = erased.identities;
    report.interactions = erased.interactions;
    report.cases = erased.cases;
    THREADLINE_ASSIGN_OR_RETURN(ticket, AppendLocked());
  }
  THREADLINE_RETURN_IF_ERROR(AwaitDurable(ticket));
  if (store_ != nullptr) {
    // The older events still carry the customer's data: a snapshot lets the
    // store drop them.
    absl::Status compacted = Checkpoint();
    if (!compacted.ok()) {
      return absl::Status(
          compacted.code(),
          absl::StrCat("customer \"", std::string(customer_id),
                       "\" is erased, but ", store_->Describe(),
                       " may still hold older events with their data until a "
                       "Checkpoint succeeds: ",
                       compacted.message()));
    }
  }
  return report;
}

}  // namespace engine
}  // namespace threadline
