// The words of the simulation: what customers write and say, and what
// agents answer, in English and Spanish, composed at random from many
// phrasings per matter so no two journeys read alike.
#ifndef THREADLINE_SRC_SIM_TEXTS_H_
#define THREADLINE_SRC_SIM_TEXTS_H_

#include <cstdint>
#include <string>

#include "sim/journey.h"
#include "sim/people.h"
#include "sim/rng.h"

namespace threadline::sim {

// Brand: who the customers write to.
struct Brand {
  std::string name;       // "Acme"
  std::string twitter;    // "AcmeCare" (no "@")
  std::string instagram;  // "acme.care"
  std::string email;      // "support@acme.com"
};

// TextContext: what writing one contact's text needs.
struct TextContext {
  const PersonPlan* plan = nullptr;
  const InquiryPlan* inquiry = nullptr;
  const Brand* brand = nullptr;
  uint64_t text_seed = 0;         // the person's text stream: contact i draws
                                  // from HashOf(text_seed, i), so a reply can
                                  // quote the message it answers
  uint64_t inquiry_seed = 0;      // keeps amounts, order numbers and the like
                                  // the same across one inquiry's messages
  std::string ticket;             // the host's reference, when ticketed
  int64_t window_start_unix = 0;  // to date quoted emails
  bool messy = true;              // typos, garbled characters now and then
};

// WriteText: the text of contact `index` of ctx.plan, appended to *out.
// Returns true when the text holds a phone number written in national form,
// which the interaction's region must then say how to read.
bool WriteText(const TextContext& ctx, int index, std::string* out);

// AgentName: the first name and initial an agent signs with.
std::string AgentName(int agent);

}  // namespace threadline::sim

#endif  // THREADLINE_SRC_SIM_TEXTS_H_
