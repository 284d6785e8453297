// The group commit of single ingests with a store (see EngineImpl's
// CommitRequest). Host threads ingesting one interaction at a time would
// otherwise queue on the engine's lock one by one and sync in turns; each
// sleep and wake-up is a context switch, which costs tens of microseconds
// on a virtual machine. So a writer that does not lead sleeps exactly once:
// a round's leader gathers the writers its last round released, links them
// all under one lock, appends their events with one write, waits for one
// sync, and wakes each writer it served through the writer's own semaphore.
#include <algorithm>
#include <atomic>
#include <utility>
#include <vector>

#include "engine/engine_impl.h"

namespace threadline::engine {

struct EngineImpl::CommitRequest {
  enum class State { kQueued, kLead, kDone };
  const Interaction* in = nullptr;
  Prepared prepared;
  absl::StatusOr<Linkage> result = absl::UnknownError("not committed");
  // Set by the leader before it posts `woken`.
  std::atomic<State> state{State::kQueued};
  // The writer thread's own: it outlives the request.
  util::Semaphore* woken = nullptr;
};

absl::StatusOr<Linkage> EngineImpl::IngestDurable(const Interaction& in,
                                                  Prepared prepared) {
  CommitRequest mine;
  mine.in = &in;
  mine.prepared = std::move(prepared);
  mine.woken = &util::ThisThreadsSemaphore();
  bool lead = false;
  bool company_complete = false;
  {
    util::MutexLock lock(&commit_mu_);
    commit_queue_.push_back(&mine);
    if (!leading_) {
      leading_ = true;
      lead = true;
    } else {
      company_complete = gathering_ && commit_queue_.size() >= expected_;
    }
  }
  if (company_complete) arrivals_.Signal();
  if (!lead) {
    // The leader posts exactly once per request it does not lead, after
    // setting its state: one wait takes that post, so none is left over
    // to cut a later wait short.
    CommitRequest::State state;
    do {
      mine.woken->Wait();
    } while ((state = mine.state.load(std::memory_order_acquire)) ==
             CommitRequest::State::kQueued);
    if (state == CommitRequest::State::kDone) return std::move(mine.result);
  }
  Commit(&mine);
  return std::move(mine.result);
}

void EngineImpl::Commit(CommitRequest* mine) {
  std::vector<CommitRequest*> batch;
  {
    util::MutexLock lock(&commit_mu_);
    // Writers the last round released come back in a few tens of
    // microseconds; waiting for them (at most half a sync) lets one sync
    // serve them all, where starting now would serve this writer alone and
    // make them wait for a whole further sync.
    if (commit_queue_.size() < expected_) {
      gathering_ = true;
      const absl::Duration limit =
          std::min(absl::Nanoseconds(sync_nanos_.load() / 2),
                   absl::Milliseconds(1));
      const absl::Time deadline = absl::Now() + limit;
      while (commit_queue_.size() < expected_) {
        const absl::Duration left = deadline - absl::Now();
        if (left <= absl::ZeroDuration() ||
            !arrivals_.WaitFor(&commit_mu_, left)) {
          break;
        }
      }
      gathering_ = false;
    }
    batch.swap(commit_queue_);
  }

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
    ticket = EndWriteLocked(&stored, &alerts);
  }
  stored = AwaitWrite(std::move(stored), ticket, &alerts);
  if (!stored.ok()) {
    for (CommitRequest* r : batch) {
      if (r->result.ok()) r->result = stored;
    }
  }

  CommitRequest* next = nullptr;
  {
    util::MutexLock lock(&commit_mu_);
    expected_ = batch.size();
    if (commit_queue_.empty()) {
      leading_ = false;
    } else {
      next = commit_queue_.front();
    }
  }
  // A writer may free its request as soon as it sees kDone: nothing touches
  // one after its state is set, and its semaphore is its thread's own.
  for (CommitRequest* r : batch) {
    if (r == mine) continue;
    util::Semaphore* woken = r->woken;
    r->state.store(CommitRequest::State::kDone, std::memory_order_release);
    woken->Post();
  }
  if (next != nullptr) {
    util::Semaphore* woken = next->woken;
    next->state.store(CommitRequest::State::kLead, std::memory_order_release);
    woken->Post();
  }
  Notify(alerts);
}

}  // namespace threadline::engine
