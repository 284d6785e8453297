// Journeys: the inquiries of one person and the contacts of each, planned
// without any text (times, channels, who answers, which addresses appear,
// what links what). Text is written later, only for the inquiry being
// emitted (see texts.h), which keeps planning cheap enough to redo.
//
// A person's plan is a pure function of (options, person index), so the
// simulator can plan the same person again when each of their inquiries
// comes due instead of keeping a million plans in memory.
#ifndef THREADLINE_SRC_SIM_JOURNEY_H_
#define THREADLINE_SRC_SIM_JOURNEY_H_

#include <cstdint>
#include <vector>

#include "sim/people.h"
#include "threadline/types.h"

namespace threadline::sim {

enum class Matter : uint8_t {
  kBilling,
  kRefund,
  kDelivery,
  kOutage,  // connectivity: no service, slow, dropping
  kCancellation,
  kPlanChange,
  kLogin,
  kDevice,
  kAppointment,
  kPayment,
};
inline constexpr int kMatterCount = 10;
// "billing", "refund", "delivery", "outage", "cancellation", "plan_change",
// "login", "device", "appointment", "payment".
const char* MatterName(Matter matter);

// Msg: what a contact says, which decides its text.
enum class Msg : uint8_t {
  // From the customer.
  kOpen,       // states the problem
  kMore,       // a second message before anyone answered
  kFollowUp,   // chases on the same channel
  kSwitch,     // continues on another channel, saying so
  kDetails,    // private message with the details an agent asked for
  kChatLine,   // a line inside a chat session after the first
  kCall,       // an answered call: agent notes or transcript
  kVoicemail,  // a call nobody answered
  kThanks,     // confirms it works after the resolution
  kReopen,     // it broke again after being resolved
  // From the brand.
  kAck,             // acknowledges, looks into it
  kAskDm,           // public reply asking for a private message
  kAskDetails,      // asks for account, email, order number
  kWorking,         // passed on, update promised
  kEscalated,       // sent to a specialist team
  kResolved,        // fixed; disposition RESOLVED
  kOutageAware,     // known outage, engineers on it
  kOutageRestored,  // service back; disposition RESOLVED
  kCallback,        // the brand calls back
  kPrivacy,         // asks to delete a public post with personal data
  kChatGreeting,    // the agent joining a chat
};

// Kinds of conversation key a host hands over as thread_id.
enum class ThreadKind : uint8_t { kNone, kEmail, kChat, kCall, kDm, kWhatsapp };

// ContactPlan: one interaction without its text. Times are seconds from the
// start of the window.
struct ContactPlan {
  int32_t at = 0;
  int32_t arrival = 0;  // when the host receives it; > at when late
  Channel channel = Channel::kUnspecified;
  Direction direction = Direction::kInbound;
  Msg msg = Msg::kOpen;
  uint8_t inquiry = 0;       // index into PersonPlan::inquiries
  uint8_t contact_slot = 0;  // the person's address it is sent from or to
  uint8_t prev_channel = 0;  // for kSwitch: the channel used before (Channel)
  Msg stage = Msg::kOpen;    // how the episode began: kOpen, kFollowUp,
                             // kSwitch or kReopen
  uint16_t captured = 0;     // slot bits handed over in "identities"
  uint16_t mentioned = 0;    // slot bits the customer writes into the text
  uint16_t garbled = 0;      // captured slots typed wrong (a digit lost):
                             // they tie nothing
  int16_t reply_to = -1;     // index into PersonPlan::contacts
  uint16_t thread = 0;       // per-person conversation number, 0 for none
  ThreadKind thread_kind = ThreadKind::kNone;
  uint16_t agent = 0;      // 1-based agent number, 0 for none
  bool is_public = false;  // a public post (tweet, comment), not a DM
  bool resolved = false;
  bool hotline = false;     // quotes the brand's hotline
  bool brand_lead = false;  // a public post opening with the brand's handle
  bool ticket = false;      // carries the host's ticket reference
  bool late = false;
  bool linkable = true;
};

enum class InquiryKind : uint8_t { kRegular, kRepeat, kConcurrent, kOutage };

struct InquiryPlan {
  int32_t start = 0;
  Matter matter = Matter::kBilling;
  InquiryKind kind = InquiryKind::kRegular;
  uint8_t incident = 0;  // 1-based outage wave, 0 for none
  int8_t partner =
      -1;  // the earlier inquiry a repeat/concurrent one pairs with
  int32_t hold_open_until = 0;  // stays open past this (a concurrent partner)
  bool must_resolve = false;    // resolved before its repeat comes
  Lang lang = Lang::kEn;
  bool resolved = false;  // planned outcome
  bool ticketed = false;  // the host opened a ticket with a reference
  std::vector<uint16_t>
      contacts;  // indices into PersonPlan::contacts, in time order
};

// Outage waves of a simulation: when each starts and ends.
struct Wave {
  int32_t start = 0;
  int32_t end = 0;
};

// JourneyConfig: what planning needs from the options.
struct JourneyConfig {
  uint64_t seed = 1;
  int64_t customers = 1000;
  int32_t window_seconds = 75 * 86400;
  int32_t start_phase = 0;  // seconds past UTC midnight at the window's start
  double siloed_share = 0.05;
  double outage_share = 0.04;
  double late_share = 0.012;
  bool traps = true;
  bool messy = true;
  bool withheld = false;  // some calls come without a caller id
  int agents = 40;
  std::vector<Wave> waves;  // empty when outages are off
};

inline constexpr int kMaxInquiries = 10;

// ScheduleEntry: what the simulator needs to know of an inquiry before
// planning its person in full.
struct ScheduleEntry {
  int32_t start = 0;
  Matter matter = Matter::kBilling;
  InquiryKind kind = InquiryKind::kRegular;
  uint8_t incident = 0;
  int8_t partner = -1;
  int32_t hold_open_until = 0;
  bool must_resolve = false;
};

// Schedule: the inquiries of person `index` in order of start, written into
// out[0..n); returns n (at most kMaxInquiries). Cheap: no profile, no
// contacts.
int Schedule(const JourneyConfig& config, uint32_t index, ScheduleEntry* out);
// The same, for a person whose region is known.
int Schedule(const JourneyConfig& config, uint32_t index, Region region,
             ScheduleEntry* out);

// PersonPlan: everything about one person except text. Reused between
// people to keep the vectors' memory.
struct PersonPlan {
  Profile profile;
  int32_t utc_offset_seconds = 0;  // where the person lives, for waking hours
  std::vector<InquiryPlan> inquiries;
  std::vector<ContactPlan> contacts;
  // Working memory of PlanPerson, kept to spare allocations.
  std::vector<int> scratch_parent, scratch_count;
};

// PlanPerson: the full plan of person `index`, including each contact's
// ground-truth `linkable` and `late` flags.
void PlanPerson(const JourneyConfig& config, uint32_t index, PersonPlan* plan);

// WavesFor: the outage waves of a window of `window_seconds`.
std::vector<Wave> WavesFor(uint64_t seed, int32_t window_seconds);

}  // namespace threadline::sim

#endif  // THREADLINE_SRC_SIM_JOURNEY_H_
