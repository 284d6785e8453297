// The group commit of single ingests with a store (see EngineImpl's
// CommitRequest). Host threads ingesting one interaction at a time would
// otherwise queue on the engine's lock one by one, each lock hand-off a
// context switch, and write and sync in turns. Here a round links all the
// writers queued at once under one lock and appends their events with one
// write; its leader then hands the lead to a writer that queued meanwhile,
// so the next round is linked while this one's sync runs, and the store's
// own group commit lets one sync cover the rounds written by then.
#include <utility>
#include <vector>

#include "engine/engine_impl.h"

namespace threadline::engine {

struct EngineImpl::CommitRequest {
  enum class State { kQueued, kLead, kDone };
  const Interaction* in = nullptr;
  Prepared prepared;
  absl::StatusOr<Linkage> result = absl::UnknownError("not committed");
  State state = State::kQueued;
  // On the writer's stack: whoever wakes it wakes exactly this writer.
  util::CondVar woken;
};

absl::StatusOr<Linkage> EngineImpl::IngestDurable(const Interaction& in,
                                                  Prepared prepared) {
  CommitRequest mine;
  mine.in = &in;
  mine.prepared = std::move(prepared);
  std::vector<CommitRequest*> batch;
  {
    util::MutexLock lock(&commit_mu_);
    commit_queue_.push_back(&mine);
    if (!committing_) {
      committing_ = true;
      mine.state = CommitRequest::State::kLead;
    }
    while (mine.state == CommitRequest::State::kQueued) {
      mine.woken.Wait(&commit_mu_);
    }
    if (mine.state == CommitRequest::State::kDone) {
      return std::move(mine.result);
    }
    // Leading: everything queued so far, this writer's own request among
    // it, is this round.
    batch.swap(commit_queue_);
  }
  Commit(batch);
  return std::move(mine.result);
}

void EngineImpl::Commit(const std::vector<CommitRequest*>& batch) {
  std::vector<Alert> alerts;
  absl::Status stored;
  uint64_t ticket = 0;
  {
    absl::MutexLock lock(&mu_);
    stored = WritableLocked();
    for (CommitRequest* r : batch) {
      r->result = stored.ok() ? IngestLocked(*r->in, std::move(r->prepared))
                              : absl::StatusOr<Linkage>(stored);
    }
    alerts = TakeNewAlerts();
    if (stored.ok()) {
      absl::StatusOr<uint64_t> appended = AppendLocked();
      if (appended.ok()) {
        ticket = *appended;
      } else {
        stored = appended.status();
      }
    }
  }
  {
    // The next round may be linked and written while this one syncs.
    util::MutexLock lock(&commit_mu_);
    if (commit_queue_.empty()) {
      committing_ = false;
    } else {
      CommitRequest* next = commit_queue_.front();
      next->state = CommitRequest::State::kLead;
      next->woken.Signal();
    }
  }
  if (stored.ok()) stored = AwaitDurable(ticket);
  if (!stored.ok()) {
    // Nothing of the round is known to be stored, and the state was rebuilt
    // from the store: no linkage of it holds.
    for (CommitRequest* r : batch) {
      if (r->result.ok()) r->result = stored;
    }
    absl::MutexLock lock(&mu_);
    alerts = TakeNewAlerts();
  }
  {
    util::MutexLock lock(&commit_mu_);
    // A request may be destroyed by its writer as soon as it is kDone and
    // commit_mu_ is free: nothing touches one after this loop.
    for (CommitRequest* r : batch) {
      r->state = CommitRequest::State::kDone;
      r->woken.Signal();
    }
  }
  Notify(alerts);
}

}  // namespace threadline::engine
