// SimInteractions: realistic interactions from the journey simulator, for
// tests that need an engine with many customers, merges and cases; and the
// ways those tests feed and act on an engine.
#ifndef THREADLINE_TESTS_ENGINE_SIM_DATA_H_
#define THREADLINE_TESTS_ENGINE_SIM_DATA_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "sim/simulator.h"
#include "threadline/engine.h"
#include "threadline/types.h"

namespace threadline::testing_sim {

inline std::vector<Interaction> SimInteractions(int64_t customers,
                                                uint64_t seed = 7) {
  sim::SimulatorOptions options;
  options.customers = customers;
  options.seed = seed;
  sim::Simulator simulator(options);
  std::vector<Interaction> out;
  while (const sim::SimulatedInteraction* item = simulator.Next()) {
    out.push_back(item->interaction);
  }
  return out;
}

// The brand's own identities as the simulator writes them.
inline std::vector<Identity> SimOwnIdentities(uint64_t seed = 7) {
  sim::SimulatorOptions options;
  options.customers = 1;
  options.seed = seed;
  return sim::Simulator(options).own_identities();
}

// Ingests items[from, to) in batches of `batch`, every `singles_every`-th
// batch one interaction at a time, so both write paths are exercised.
inline void FeedMixed(Engine& engine, const std::vector<Interaction>& items,
                      size_t from, size_t to, size_t batch,
                      size_t singles_every) {
  for (size_t i = from; i < to;) {
    if ((i / batch) % singles_every == singles_every - 1) {
      ASSERT_TRUE(engine.Ingest(items[i]).ok()) << items[i].id;
      ++i;
      continue;
    }
    const size_t end = std::min(to, i + batch);
    std::vector<Interaction> part(items.begin() + i, items.begin() + end);
    for (const auto& r : engine.IngestBatch(part)) {
      ASSERT_TRUE(r.ok()) << r.status();
    }
    i = end;
  }
}

// Host actions that leave their own events: a merge, an undone merge, a
// resolved case.
inline void HostActions(Engine& engine, absl::Time at) {
  ASSERT_TRUE(engine.Merge("c-3", "c-11").ok());
  absl::StatusOr<MergeRecord> m = engine.Merge("c-5", "c-12");
  ASSERT_TRUE(m.ok()) << m.status();
  ASSERT_TRUE(engine.Unmerge(m->id).ok());
  ASSERT_TRUE(engine.SetCaseStatus("k-2", CaseStatus::kResolved, at).ok());
}

inline std::vector<std::string> IdsOf(const std::vector<Interaction>& items) {
  std::vector<std::string> ids;
  for (const Interaction& in : items) ids.push_back(in.id);
  return ids;
}

}  // namespace threadline::testing_sim

#endif  // THREADLINE_TESTS_ENGINE_SIM_DATA_H_
