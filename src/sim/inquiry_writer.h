// The Writer behind the Simulator (simulator.cc), which plans people and
// writes their inquiries, one Writer per thread; and what the two share: the
// inquiries due, what is written of a batch, the digits of ids. Internal to
// src/sim.
#ifndef THREADLINE_SRC_SIM_INQUIRY_WRITER_H_
#define THREADLINE_SRC_SIM_INQUIRY_WRITER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/journey.h"
#include "sim/packed.h"
#include "sim/simulator.h"
#include "sim/texts.h"

namespace threadline::sim {

// Due: an inquiry and when its first contact happens.
struct Due {
  int32_t start;
  uint32_t person;
  uint32_t ordinal;  // global inquiry number, for its "Q" id and ticket
  uint8_t inquiry;   // index within the person
};

// AppendDecimal: `value` zero-padded to `width` digits (snprintf costs more
// than the rest of an id).
void AppendDecimal(uint64_t value, int width, std::string* out);

// Written: where and when a written interaction goes, before it has an id.
struct Written {
  int32_t arrival = 0;
  int32_t at = 0;
  uint32_t person = 0;
  uint16_t contact = 0;
  int16_t reply_to = -1;  // contact index of what it answers
};

// Part: what one writer wrote of a batch, in inquiry order. Its buffers are
// kept from batch to batch.
struct Part {
  std::vector<Packed> items;
  std::vector<Written> written;
  size_t used = 0;
  SimulationStats stats;
};

// Writer: plans people and writes their inquiries. Each thread has its own;
// everything it reads besides is immutable.
class Writer {
 public:
  Writer(const SimulatorOptions& options, const JourneyConfig& config,
         const Brand& brand, int64_t start_unix, uint64_t ticket_modulus,
         int ticket_digits)
      : options_(options),
        config_(config),
        ticket_modulus_(ticket_modulus),
        ticket_digits_(ticket_digits) {
    text_.plan = &plan_;
    text_.brand = &brand;
    text_.window_start_unix = start_unix;
    text_.messy = options.messy;
  }

  // WriteInquiry: appends the interactions of `due`'s inquiry to *part, in
  // the inquiry's order.
  void WriteInquiry(const Due& due, Part* part);

 private:
  void WriteContact(const Due& due, int contact, Written* w, Packed* packed,
                    SimulationStats* stats);

  const SimulatorOptions& options_;
  const JourneyConfig& config_;
  uint64_t ticket_modulus_;
  int ticket_digits_;
  PersonPlan plan_;
  TextContext text_;
  std::string person_id_, inquiry_id_, ticket_;
  SimulatedInteraction scratch_;  // written here, then packed
};

}  // namespace threadline::sim

#endif  // THREADLINE_SRC_SIM_INQUIRY_WRITER_H_
