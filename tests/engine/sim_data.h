// SimInteractions: realistic interactions from the journey simulator, for
// tests that need an engine with many customers, merges and cases.
#ifndef THREADLINE_TESTS_ENGINE_SIM_DATA_H_
#define THREADLINE_TESTS_ENGINE_SIM_DATA_H_

#include <cstdint>
#include <vector>

#include "sim/simulator.h"
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

}  // namespace threadline::testing_sim

#endif  // THREADLINE_TESTS_ENGINE_SIM_DATA_H_
