// What social listening costs at ingest: throughput with sentiment scoring
// on and off, and with the early warning and incident grouping off, on
// simulated journeys (with their two outage waves). BM_MonitorOnLinked
// measures the listening stage alone (what the engine runs under its lock)
// on the same journeys' inbound messages, with content words read from the
// text or handed over already read, and reports the heap it holds.
//
//   build/benchmarks/listening_benchmark --benchmark_min_time=0.05
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "benchmark/benchmark.h"
#include "listening/inbound_text.h"
#include "listening/monitor.h"
#include "sim_journeys.h"
#include "text/topic.h"
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

// The simulated journeys' inbound messages as the monitor sees them, with
// their topics, sentiment and content words read once, up front. Each
// customer's messages form one case (the engine's continuity is not run).
struct Inbound {
  listening::Linked linked;
  std::string text;
  std::vector<uint64_t> words;
};

const std::vector<Inbound>& InboundMessages(int64_t customers) {
  static auto* cache =
      new std::vector<std::pair<int64_t, std::vector<Inbound>>>();
  for (const auto& [n, m] : *cache) {
    if (n == customers) return m;
  }
  const sim::Simulation& sim = Journeys(customers);
  const text::TopicClassifier classifier;
  const auto& topics = text::TopicClassifier::Topics();
  const std::shared_ptr<const SentimentAnalyzer> analyzer =
      NewLexiconSentimentAnalyzer();
  listening::InboundTextOptions options;
  options.sentiment = analyzer.get();
  options.content_words = true;
  std::vector<Inbound> out;
  absl::flat_hash_map<std::string, uint32_t> customer_ids;
  for (const auto& s : sim.interactions) {
    const Interaction& in = s.interaction;
    if (in.direction != Direction::kInbound) continue;
    Inbound m;
    m.text = in.text;
    listening::InboundText read =
        listening::ReadInboundText(in.text, in.language, classifier, options);
    m.words = std::move(read.content_words);
    for (size_t t = 0; t < topics.size(); ++t) {
      if (topics[t] == read.topic.topic) {
        m.linked.topic = static_cast<uint32_t>(t + 1);
        m.linked.topic_name = topics[t];
      }
    }
    if (read.sentiment) m.linked.sentiment = read.sentiment->score;
    m.linked.index = static_cast<uint32_t>(out.size());
    m.linked.at = in.occurred_at;
    m.linked.channel = in.channel;
    m.linked.direction = in.direction;
    const auto it = customer_ids
                        .emplace(in.contact.value,
                                 static_cast<uint32_t>(customer_ids.size()) + 1)
                        .first;
    m.linked.customer = m.linked.case_id = it->second;
    out.push_back(std::move(m));
  }
  cache->emplace_back(customers, std::move(out));
  return cache->back().second;
}

// range(1): 0 content words read by the monitor (as on replay); 1 handed
// over, as the engine reads them outside its lock.
void BM_MonitorOnLinked(benchmark::State& state) {
  const std::vector<Inbound>& messages = InboundMessages(state.range(0));
  const bool handed = state.range(1) == 1;
  for (auto _ : state) {
    state.PauseTiming();
    auto monitor =
        std::make_unique<listening::Monitor>(listening::MonitorOptions{});
    state.ResumeTiming();
    for (const Inbound& m : messages) {
      listening::Linked in = m.linked;
      in.text = m.text;
      if (handed) in.content_words = &m.words;
      monitor->OnLinked(
          in,
          [&](uint32_t i) {
            AlertSample s;
            s.text = messages[i].text;
            return s;
          },
          [&](uint32_t) {
            return listening::CaseView{true, messages.front().linked.at};
          });
    }
    state.PauseTiming();
    const listening::Monitor::Memory memory = monitor->ApproximateMemory();
    state.counters["bytes_per_message"] =
        static_cast<double>(memory.total()) / messages.size();
    state.counters["heap_kb"] = memory.total() / 1024.0;
    state.counters["alerts"] = static_cast<double>(monitor->alerts().size());
    monitor.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * messages.size());
}
BENCHMARK(BM_MonitorOnLinked)
    ->ArgsProduct({{20000}, {0, 1}})
    ->ArgNames({"customers", "handed"})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

}  // namespace
}  // namespace threadline
