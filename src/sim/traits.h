// Traits: who a person is before their addresses (region, language, sex,
// name), and how households and namesakes change it: a household's members
// take the head's region and mostly their surname, a namesake takes the
// name of the person before them. Internal to src/sim.
#ifndef THREADLINE_SRC_SIM_TRAITS_H_
#define THREADLINE_SRC_SIM_TRAITS_H_

#include <cstdint>

#include "sim/people.h"

namespace threadline::sim {
namespace people_internal {

// Streams: every attribute family draws from its own hash of (seed, person),
// so a household or a namesake can read another person's attribute without
// generating the rest of them.
enum Stream : uint64_t {
  kTraitsStream = 101,
  kHouseholdStream = 102,
  kNamesakeStream = 103,
  kProfileStream = 104,
  kFamilyNameStream = 105,
  kSocialStream = 107,
};

struct Traits {
  Region region = Region::kUs;
  Lang lang = Lang::kEn;
  bool bilingual = false;
  bool female = false;
  const char* first = "";
  const char* last = "";
  const char* second_last = "";
};

// Joins(i): person i lives with person i - 1. Households stop at three
// people: a join is refused after two in a row, which keeps Joins a
// function of three neighbours.
bool Joins(uint64_t seed, int64_t i, int64_t customers);

// ResolvedTraits: traits after households and namesakes; sets *head and
// *namesake.
Traits ResolvedTraits(uint64_t seed, uint32_t index, int64_t customers,
                      uint32_t* head, bool* namesake);

}  // namespace people_internal
}  // namespace threadline::sim

#endif  // THREADLINE_SRC_SIM_TRAITS_H_
