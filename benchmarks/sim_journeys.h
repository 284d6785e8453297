// Simulated journeys for the benchmarks, made once per size and kept for
// the life of the program (a million customers take seconds to simulate).
#ifndef THREADLINE_BENCHMARKS_SIM_JOURNEYS_H_
#define THREADLINE_BENCHMARKS_SIM_JOURNEYS_H_

#include <cstdint>
#include <deque>
#include <mutex>
#include <utility>
#include <vector>

#include "sim/simulator.h"

namespace threadline::bench {

// Journeys: `customers` customers' simulated journeys (seed 42). Safe to
// call from a multi-threaded benchmark's threads at once.
inline const sim::Simulation& Journeys(int64_t customers) {
  static std::mutex mu;
  static auto* cache = new std::deque<std::pair<int64_t, sim::Simulation>>();
  std::lock_guard<std::mutex> lock(mu);
  for (const auto& [n, s] : *cache) {
    if (n == customers) return s;
  }
  sim::SimulatorOptions o;
  o.customers = customers;
  o.seed = 42;
  cache->emplace_back(customers, sim::Simulate(o));
  return cache->back().second;
}

}  // namespace threadline::bench

#endif  // THREADLINE_BENCHMARKS_SIM_JOURNEYS_H_
