// The journey simulator: realistic customer journeys across channels, with
// ground truth, so linkage can be scored end to end without outside data.
// It powers `threadline simulate`, the tests and the benchmarks.
//
// People (English and Spanish speakers in the US, Colombia, Mexico and
// Spain) raise inquiries on matters (billing, refunds, deliveries,
// connectivity, cancellation, plan changes, account access, faulty devices,
// technician visits, payments) and follow them up over hours to days on
// whatever channels they use; agents answer, ask for details, resolve. The
// data carries the traps of real contact centres: the brand's own handle and
// hotline in customers' messages, families sharing a landline, namesakes,
// the same matter again weeks after it was resolved, two inquiries open at
// once, two outage waves, people who never link their channels, values
// written in every format, late arrivals.
//
// Output is a pure function of the options: the same options give the same
// interactions, bit for bit, on every platform.
//
// Example:
//   sim::SimulatorOptions options;
//   options.customers = 2000;
//   sim::Simulator simulator(options);
//   while (const sim::SimulatedInteraction* item = simulator.Next()) {
//     Use(item->interaction, item->person);
//   }
#ifndef THREADLINE_SRC_SIM_SIMULATOR_H_
#define THREADLINE_SRC_SIM_SIMULATOR_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "threadline/types.h"

namespace threadline::sim {

struct SimulatorOptions {
  // People to simulate; each raises one inquiry or more. Default: 1000.
  int64_t customers = 1000;
  // Same seed, same output. Default: 1.
  uint64_t seed = 1;
  // Start of the simulated window. Default: 2026-01-05 00:00 UTC.
  absl::Time start =
      absl::FromCivil(absl::CivilDay(2026, 1, 5), absl::UTCTimeZone());
  // Length of the window in days; every interaction happens inside it.
  // Values below 1 count as 1. Default: 75.
  int days = 75;
  // Two outage waves in which outage_share of the customers complain within
  // hours, mostly on public channels. Default: true.
  bool outages = true;
  // Share of customers complaining in each outage wave. Default: 0.04.
  double outage_share = 0.04;
  // Share of people who never link their channels: nothing they send ties
  // one address to another. Default: 0.05.
  double siloed_share = 0.05;
  // Share of interactions that reach the host late (their line comes after
  // later ones). Default: 0.012.
  double late_share = 0.012;
  // The traps of real data: the brand's handle and hotline in messages,
  // shared family landlines, namesakes, a matter raised again weeks after it
  // was resolved, two inquiries open at once. Default: true.
  bool traps = true;
  // Messy values: typos, phone numbers captured with a digit missing,
  // garbled characters, missing call notes. Default: true.
  bool messy = true;
  // Calls with the caller id withheld, whose contact is a placeholder
  // ("anonymous", "Unknown"): real, but engines that refuse placeholder
  // contacts skip those lines. Default: false.
  bool withheld_calls = false;
  // Threads writing interactions. 1: everything happens in the thread
  // calling Next(). More: one thread (helped by threads - 2 others) writes
  // ahead while Next() hands out what is written; they run for the
  // Simulator's lifetime and end with it. The output is the same for any
  // number. Default: 1.
  int threads = 1;
  // The brand customers write to: handle "@<brand>Care", hotlines,
  // "support@<brand>.com". Letters and digits. Default: "Acme".
  std::string brand = "Acme";
};

// SimulatedInteraction: one interaction and its ground truth.
struct SimulatedInteraction {
  Interaction interaction;
  std::string person;    // the person ("P17")
  std::string inquiry;   // the inquiry ("Q42")
  std::string incident;  // the outage it reports ("INC1", "INC2"), or empty
  // Whether anything in the data (an address, a captured or mentioned
  // identity, a reply, a thread) ties it to the rest of the person's
  // contacts; false for the channels of people who never link them.
  bool linkable = true;
  std::string matter;    // "billing", "refund", … (see journey.h)
  std::string language;  // "en" or "es", the language of the text
};

// SimulationStats: what a simulation contains, counted as it is written.
// The shares behind them are the options' (siloed_share, outage_share,
// late_share) and the simulator's own, per person over 75 days: about 5%
// raise the same matter again weeks after it was resolved, 5% open a second
// matter while the first is open, 5% share a household landline with
// another customer, 1% have exactly the name of another (besides the
// namesakes common names make anyway).
struct SimulationStats {
  int64_t people = 0;
  int64_t inquiries = 0;
  int64_t interactions = 0;
  int64_t inbound = 0;
  int64_t resolved_inquiries = 0;
  int64_t by_channel[kChannelCount] = {};
  int64_t english = 0;  // interactions in English
  int64_t spanish = 0;
  int64_t unlinkable = 0;             // interactions with linkable false
  int64_t late = 0;                   // interactions arriving after later ones
  int64_t outage_complaints[2] = {};  // inquiries per outage wave
  int64_t repeat_inquiries = 0;       // same matter weeks after resolution
  int64_t concurrent_inquiries = 0;   // opened while another was open
  int64_t landline_sharers = 0;       // people sharing a household landline
  int64_t namesakes = 0;              // people named as the person before
  int64_t siloed_people = 0;          // people who never link channels
  int64_t brand_handle_posts = 0;     // public posts opening with the handle
  int64_t hotline_quotes = 0;         // messages quoting the hotline
  int64_t withheld_calls = 0;         // calls without a caller id
};

// Simulator: writes a simulation one interaction at a time, in arrival
// order, in bounded memory (only the inquiries under way are held), so a
// million customers stream straight to a file. Thread-compatible.
class Simulator {
 public:
  explicit Simulator(const SimulatorOptions& options);
  ~Simulator();
  Simulator(const Simulator&) = delete;
  Simulator& operator=(const Simulator&) = delete;

  // Next: the next interaction in arrival order, or nullptr when there are
  // no more. Arrival order is time order except for the few late arrivals.
  // The interaction stays valid until the next call (it is lent, not
  // copied).
  const SimulatedInteraction* Next();

  // The brand's own handles and hotlines, raw as customers write them.
  const std::vector<Identity>& own_identities() const;
  // Counts of what was written so far (inquiries are written a batch ahead
  // of what Next() hands out); complete once Next() returned nullptr.
  const SimulationStats& stats() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// Simulation: a whole simulation in memory.
struct Simulation {
  // In arrival order: by time, a few arriving somewhat late.
  std::vector<SimulatedInteraction> interactions;
  // The brand's own handle(s) and hotline(s) (raw form).
  std::vector<Identity> own_identities;
  SimulationStats stats;
};

// Simulate: the whole simulation of `options` (for tests and small runs; use
// Simulator to stream large ones).
Simulation Simulate(const SimulatorOptions& options);

// OwnIdentities: the brand's own identities for `options`, without
// simulating.
std::vector<Identity> OwnIdentities(const SimulatorOptions& options);

}  // namespace threadline::sim

#endif  // THREADLINE_SRC_SIM_SIMULATOR_H_
