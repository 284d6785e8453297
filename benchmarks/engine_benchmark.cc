// Ingest throughput and memory per customer on simulated journeys, and the
// whole `threadline link` command (JSON in and out) on 20k customers.
//
//   build/benchmarks/engine_benchmark --benchmark_min_time=0.05
#include <malloc.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "benchmark/benchmark.h"
#include "cli/commands.h"
#include "jsonl/jsonl.h"
#include "sim_journeys.h"
#include "threadline/engine.h"

namespace threadline {
namespace {

using bench::Journeys;

size_t HeapInUse() {
  struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

void BM_Ingest(benchmark::State& state) {
  const sim::Simulation& sim = Journeys(state.range(0));
  std::vector<Identity> own = sim.own_identities;
  size_t text_bytes = 0;
  for (const auto& s : sim.interactions) text_bytes += s.interaction.text.size();
  double bytes_per_customer = 0;
  for (auto _ : state) {
    state.PauseTiming();
    EngineOptions options;
    options.own_identities = own;
    std::unique_ptr<Engine> engine = *Engine::Open(options);
    const size_t before = HeapInUse();
    state.ResumeTiming();
    for (const auto& s : sim.interactions) {
      benchmark::DoNotOptimize(engine->Ingest(s.interaction));
    }
    state.PauseTiming();
    const size_t after = HeapInUse();
    const EngineStats stats = engine->Stats();
    // Message text is the host's data and scales with it, not with us.
    bytes_per_customer =
        (static_cast<double>(after - before) - static_cast<double>(text_bytes)) /
        static_cast<double>(stats.customers);
    engine.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * sim.interactions.size());
  state.counters["bytes_per_customer"] = bytes_per_customer;
  state.counters["interactions"] = static_cast<double>(sim.interactions.size());
}
BENCHMARK(BM_Ingest)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)
    ->Iterations(1);

void BM_LinkCommand(benchmark::State& state) {
  const sim::Simulation& sim = Journeys(state.range(0));
  char path[] = "/tmp/threadline-bench-XXXXXX";
  const int fd = mkstemp(path);
  std::string data;
  for (const auto& s : sim.interactions) {
    jsonl::AppendInteractionJson(s.interaction, &data);
    data.push_back('\n');
  }
  if (fd < 0 || write(fd, data.data(), data.size()) !=
                    static_cast<ssize_t>(data.size())) {
    state.SkipWithError("cannot write the input file");
    return;
  }
  close(fd);
  std::vector<std::string> args = {"--in", path, "--out", "/dev/null", "--quiet",
                                   "--threads", std::to_string(state.range(1))};
  for (const Identity& id : sim.own_identities) {
    args.push_back("--own-identity");
    args.push_back(std::string(IdentityKindName(id.kind)) + ":" + id.value);
  }
  // As the command's main does; Abseil's default again afterwards.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  for (auto _ : state) {
    if (cli::RunLink(args) != 0) state.SkipWithError("link failed");
  }
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kAbort);
  unlink(path);
  state.SetItemsProcessed(state.iterations() * sim.interactions.size());
  state.SetBytesProcessed(state.iterations() * data.size());
}
// Second argument: threads reading identities and text (--threads).
BENCHMARK(BM_LinkCommand)->Args({20000, 1})->Args({20000, 2})
    ->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace threadline
