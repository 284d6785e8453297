// Durable ingest: the engine with a journal (SyncPolicy::kEveryIngest, so
// every acknowledged ingest is fdatasync'ed), one at a time from 1, 2 and 8
// threads (concurrent ingests share a sync) and in batches of 1000; and the
// time to re-open a journal of about 1M events with and without a snapshot.
//
//   build/benchmarks/durable_benchmark
// The journals live under $TMPDIR (default /tmp): put it on the disk to
// measure, not on a tmpfs.
#include <stdlib.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "sim_journeys.h"
#include "store/journal.h"
#include "threadline/engine.h"

namespace threadline {
namespace {

using bench::Journeys;

std::string TempDir(const char* what) {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = absl::StrCat(base != nullptr ? base : "/tmp",
                                     "/threadline-", what, "-XXXXXX");
  if (mkdtemp(pattern.data()) == nullptr) return "";
  return pattern;
}

std::unique_ptr<Engine> OpenJournaled(const std::string& dir,
                                      const sim::Simulation& sim,
                                      uint64_t snapshot_every) {
  EngineOptions options;
  options.own_identities = sim.own_identities;
  options.journal_dir = dir;
  options.snapshot_every = snapshot_every;
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Open(options);
  return engine.ok() ? *std::move(engine) : nullptr;
}

// One engine shared by the benchmark's threads; each takes the next
// interaction, renamed per pass so that no ingest is a retry.
struct Shared {
  std::string dir;
  std::shared_ptr<Store> journal;
  std::unique_ptr<Engine> engine;
  std::atomic<uint64_t> next{0};
};
Shared* shared = nullptr;

Interaction Take(const sim::Simulation& sim) {
  const uint64_t n = shared->next.fetch_add(1);
  const size_t size = sim.interactions.size();
  Interaction in = sim.interactions[n % size].interaction;
  if (n >= size) absl::StrAppend(&in.id, "#", n / size);
  return in;
}

void SetUp(benchmark::State& state, const sim::Simulation& sim,
           int batch_threads) {
  if (state.thread_index() != 0) return;
  shared = new Shared;
  shared->dir = TempDir("durable");
  EngineOptions options;
  options.own_identities = sim.own_identities;
  absl::StatusOr<std::shared_ptr<Store>> journal = OpenJournal(shared->dir);
  if (!journal.ok()) {
    state.SkipWithError("cannot open the journal");
    return;
  }
  shared->journal = *journal;
  options.store = shared->journal;
  options.batch_threads = batch_threads;
  // No automatic snapshot: this measures the ingest path alone.
  options.snapshot_every = 0;
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Open(options);
  if (!engine.ok()) {
    state.SkipWithError("cannot open the journal");
    return;
  }
  shared->engine = *std::move(engine);
}

// TearDown: also reports how many ingests each fdatasync covered (group
// commit at work).
void TearDown(benchmark::State& state, uint64_t ingests) {
  if (state.thread_index() != 0) return;
  const auto* journal = dynamic_cast<const store::Journal*>(shared->journal.get());
  if (journal != nullptr && journal->fdatasync_calls() > 0) {
    state.counters["ingests_per_sync"] =
        static_cast<double>(ingests) /
        static_cast<double>(journal->fdatasync_calls());
  }
  shared->engine.reset();
  shared->journal.reset();
  std::filesystem::remove_all(shared->dir);
  delete shared;
  shared = nullptr;
}

void BM_DurableIngest(benchmark::State& state) {
  const sim::Simulation& sim = Journeys(20000);
  SetUp(state, sim, 1);
  for (auto _ : state) {
    const Interaction in = Take(sim);
    if (!shared->engine->Ingest(in).ok()) state.SkipWithError("ingest failed");
  }
  state.SetItemsProcessed(state.iterations());
  TearDown(state, shared->next.load());
}
BENCHMARK(BM_DurableIngest)->Threads(1)->Threads(2)->Threads(8)->UseRealTime()
    ->MinTime(1.0);

// Arguments: interactions per IngestBatch, EngineOptions::batch_threads.
// With two callers one batch is read and linked while the other's sync runs.
void BM_DurableIngestBatch(benchmark::State& state) {
  const sim::Simulation& sim = Journeys(20000);
  SetUp(state, sim, static_cast<int>(state.range(1)));
  std::vector<Interaction> batch(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    state.PauseTiming();
    for (Interaction& in : batch) in = Take(sim);
    state.ResumeTiming();
    for (const auto& r : shared->engine->IngestBatch(batch)) {
      if (!r.ok()) state.SkipWithError("ingest failed");
    }
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  TearDown(state, shared->next.load());
}
BENCHMARK(BM_DurableIngestBatch)->Args({1000, 1})->Args({1000, 2})
    ->Threads(1)->Threads(2)->UseRealTime()->MinTime(2.0);

// A journal of about 1M events (500k interactions), made once per variant.
const std::string& BigJournal(bool snapshot) {
  static std::string dirs[2];
  std::string& dir = dirs[snapshot];
  if (!dir.empty()) return dir;
  // Hundreds of megabytes: removed when the program ends.
  static const bool cleanup = [] {
    std::atexit([] {
      for (const std::string& d : dirs) {
        if (!d.empty()) std::filesystem::remove_all(d);
      }
    });
    return true;
  }();
  (void)cleanup;
  const sim::Simulation& sim = Journeys(115000);
  dir = TempDir(snapshot ? "reopen-snapshot" : "reopen-events");
  std::unique_ptr<Engine> engine = OpenJournaled(dir, sim, 0);
  std::vector<Interaction> batch;
  for (const auto& s : sim.interactions) {
    batch.push_back(s.interaction);
    if (batch.size() == 10000) {
      (void)engine->IngestBatch(batch);
      batch.clear();
    }
  }
  (void)engine->IngestBatch(batch);
  if (snapshot) (void)engine->Checkpoint();
  return dir;
}

void BM_Reopen(benchmark::State& state) {
  const bool snapshot = state.range(0) != 0;
  const sim::Simulation& sim = Journeys(115000);
  const std::string& dir = BigJournal(snapshot);
  RecoveryReport report;
  uint64_t interactions = 0;
  for (auto _ : state) {
    std::unique_ptr<Engine> engine = OpenJournaled(dir, sim, 0);
    if (engine == nullptr) {
      state.SkipWithError("cannot open the journal");
      break;
    }
    report = engine->Recovery();
    interactions = engine->Stats().interactions;
    state.PauseTiming();
    engine.reset();  // freeing the state is not part of opening
    state.ResumeTiming();
  }
  state.counters["last_sequence"] = static_cast<double>(report.load.last_sequence);
  state.counters["replayed"] = static_cast<double>(report.load.events);
  state.counters["interactions"] = static_cast<double>(interactions);
}
// Argument: 0 replays every event, 1 restores the snapshot.
BENCHMARK(BM_Reopen)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)
    ->Iterations(3)->UseRealTime();

}  // namespace
}  // namespace threadline
