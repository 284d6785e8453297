// Packed: a written interaction while it waits in the simulator's heap,
// with Pack and Unpack to put one in and take it out. Internal to src/sim.
#ifndef THREADLINE_SRC_SIM_PACKED_H_
#define THREADLINE_SRC_SIM_PACKED_H_

#include <cstdint>
#include <string>

#include "absl/time/time.h"
#include "sim/people.h"
#include "sim/simulator.h"
#include "threadline/types.h"

namespace threadline::sim {

// Packed: a written interaction waiting in the heap, its strings back to
// back in one buffer. Tens of thousands wait at once; one contiguous buffer
// each keeps them in cache, where whole SimulatedInteractions would not fit.
struct Packed {
  std::string blob;
  absl::Time occurred_at;
  // Its id and that of what it answers, given when the batch is merged.
  uint32_t id = 0;
  uint32_t reply_to = 0;
  Channel reply_channel = Channel::kUnspecified;  // kUnspecified for none
  Channel channel = Channel::kUnspecified;
  Direction direction = Direction::kUnspecified;
  IdentityKind contact_kind = IdentityKind::kUnspecified;
  Disposition disposition = Disposition::kUnspecified;
  bool linkable = true;
  uint8_t identities = 0;
  IdentityKind identity_kind[kSlotCount + 2] = {};
};

// Pack: `s` into *p, all but the ids, which are given when the batch is
// merged.
void Pack(const SimulatedInteraction& s, Packed* p);

// Unpack: what Pack put into `p`, back into *s.
void Unpack(const Packed& p, SimulatedInteraction* s);

}  // namespace threadline::sim

#endif  // THREADLINE_SRC_SIM_PACKED_H_
