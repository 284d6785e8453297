// What social listening costs at ingest: throughput with sentiment scoring
// on and off, and with the early warning and incident grouping off, on
// simulated journeys (with their two outage waves).
//
//   build/benchmarks/listening_benchmark --benchmark_min_time=0.05
#include <memory>
#include <vector>

#include "benchmark/benchmark.h"
#include "sim_journeys.h"
#include "threadline/engine.h"

namespace threadline {
namespace {

using bench::Journeys;

// range(1): 0 sentiment off; 1 sentiment on (the default); 2 sentiment on,
// alerts and incidents off.
void BM_IngestListening(benchmark::State& state) {
  const sim::Simulation& sim = Journeys(state.range(0));
  std::vector<Interaction> batch;
  batch.reserve(sim.interactions.size());
  for (const auto& s : sim.interactions) batch.push_back(s.interaction);
  for (auto _ : state) {
    state.PauseTiming();
    EngineOptions options;
    options.own_identities = sim.own_identities;
    if (state.range(1) == 0) options.sentiment = nullptr;
    if (state.range(1) == 2) {
      options.listening.alerts = false;
      options.listening.incidents = false;
    }
    std::unique_ptr<Engine> engine = *Engine::Open(options);
    state.ResumeTiming();
    for (const Interaction& in : batch) {
      benchmark::DoNotOptimize(engine->Ingest(in));
    }
    state.PauseTiming();
    state.counters["alerts"] = static_cast<double>(engine->Alerts().size());
    state.counters["incidents"] =
        static_cast<double>(engine->Incidents().size());
    engine.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * batch.size());
}
BENCHMARK(BM_IngestListening)
    ->ArgsProduct({{20000}, {0, 1, 2}})
    ->ArgNames({"customers", "mode"})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

}  // namespace
}  // namespace threadline
