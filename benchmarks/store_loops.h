// The timed loops the store benchmarks share, run against any Store (the
// journal, PostgreSQL): one event per Append+Sync from each thread, batches
// per Append+Sync, and Append alone (what the engine pays under its lock).
// Each writes ~300-byte events numbered from the caller's `next`.
#ifndef THREADLINE_BENCHMARKS_STORE_LOOPS_H_
#define THREADLINE_BENCHMARKS_STORE_LOOPS_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "benchmark/benchmark.h"
#include "threadline/store.h"

namespace threadline::bench {

inline constexpr size_t kEventBytes = 300;

inline std::string Payload() {
  std::string data(kEventBytes, 'x');
  for (size_t i = 0; i < data.size(); ++i) {
    data[i] = static_cast<char>('a' + i % 26);
  }
  return data;
}

// AppendSyncOneAtATime: this thread's share of a multi-threaded run. Each
// event is appended under `*mu` (which stands for the engine's lock, and
// guards `*next`) and waited for outside it, so that threads waiting at
// once can share a sync. `store` is read only inside the timed loop: thread
// 0 opens it before the loop starts, while the other threads have been
// called already. Each Sync is counted in `*syncs` (when given) as
// it returns, so the count is whole once the timed loops of all threads
// have ended.
template <typename StorePtr>
void AppendSyncOneAtATime(benchmark::State& state, const StorePtr& store,
                          absl::Mutex* mu, uint64_t* next,
                          std::atomic<uint64_t>* syncs) {
  std::vector<StoredEvent> events(1);
  events[0].data = Payload();
  for (auto _ : state) {
    absl::StatusOr<uint64_t> ticket;
    {
      absl::MutexLock lock(mu);
      events[0].sequence = *next;
      ticket = store->Append(events);
      if (ticket.ok()) ++*next;
    }
    if (!ticket.ok() || !store->Sync(*ticket).ok()) {
      state.SkipWithError("append or sync failed");
      break;
    }
    if (syncs != nullptr) syncs->fetch_add(1, std::memory_order_relaxed);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * kEventBytes);
}

// AppendSyncBatches: batches of state.range(0) events, one Append and one
// Sync each (one sync per iteration).
inline void AppendSyncBatches(benchmark::State& state, Store& store,
                              uint64_t* next) {
  std::vector<StoredEvent> events(static_cast<size_t>(state.range(0)));
  for (StoredEvent& event : events) event.data = Payload();
  for (auto _ : state) {
    for (StoredEvent& event : events) event.sequence = (*next)++;
    absl::StatusOr<uint64_t> ticket = store.Append(events);
    if (!ticket.ok() || !store.Sync(*ticket).ok()) {
      state.SkipWithError("append or sync failed");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(state.iterations() * state.range(0) * kEventBytes);
}

// AppendOnly: one event per Append, never synced in the timed loop.
inline void AppendOnly(benchmark::State& state, Store& store, uint64_t* next) {
  std::vector<StoredEvent> events(1);
  events[0].data = Payload();
  for (auto _ : state) {
    events[0].sequence = (*next)++;
    if (!store.Append(events).ok()) {
      state.SkipWithError("append failed");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations());
}

}  // namespace threadline::bench

#endif  // THREADLINE_BENCHMARKS_STORE_LOOPS_H_
