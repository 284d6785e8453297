// The Planner behind PlanPerson (journey.h), which plans one person's
// contacts inquiry by inquiry: its core and the course of an inquiry are in
// journey.cc, the evidence that ties a person's addresses together in
// planner_evidence.cc, an episode on each kind of channel in
// planner_episodes.cc, outage journeys in planner_outage.cc. Also what it
// shares with Schedule (schedule.cc): the random streams, units of time,
// response times, local time and waking hours. Internal to src/sim.
#ifndef THREADLINE_SRC_SIM_PLANNER_H_
#define THREADLINE_SRC_SIM_PLANNER_H_

#include <cstdint>

#include "sim/journey.h"
#include "sim/people.h"
#include "sim/rng.h"
#include "threadline/types.h"

namespace threadline::sim {

enum Stream : uint64_t {
  kScheduleStream = 201,
  kPlanStream = 202,
  kLateStream = 203,
  kWaveStream = 204,
  kOutageStream = 300,
};

constexpr int32_t kMinute = 60;
constexpr int32_t kHour = 3600;
constexpr int32_t kDay = 86400;

// Response times.
constexpr Span kSocialReply[] = {{30, 2 * kMinute, 20 * kMinute},
                                 {35, 20 * kMinute, 90 * kMinute},
                                 {25, 90 * kMinute, 5 * kHour},
                                 {10, 5 * kHour, 20 * kHour}};
constexpr Span kMessagingReply[] = {{40, 1 * kMinute, 15 * kMinute},
                                    {35, 15 * kMinute, 90 * kMinute},
                                    {20, 90 * kMinute, 6 * kHour},
                                    {5, 6 * kHour, 24 * kHour}};
constexpr Span kEmailReply[] = {{20, 20 * kMinute, 2 * kHour},
                                {40, 2 * kHour, 8 * kHour},
                                {30, 8 * kHour, 24 * kHour},
                                {10, 24 * kHour, 60 * kHour}};
constexpr Span kChatPause[] = {{60, 15, 90}, {35, 90, 240}, {5, 240, 600}};
constexpr Span kCustomerReact[] = {{50, 2 * kMinute, 20 * kMinute},
                                   {30, 20 * kMinute, 3 * kHour},
                                   {20, 3 * kHour, 20 * kHour}};
constexpr Span kChase[] = {{30, 1 * kHour, 5 * kHour},
                           {35, 5 * kHour, 24 * kHour},
                           {27, 1 * kDay, 3 * kDay},
                           {8, 3 * kDay, 6 * kDay}};
constexpr Span kCallback[] = {{40, 30 * kMinute, 3 * kHour},
                              {45, 3 * kHour, 12 * kHour},
                              {15, 12 * kHour, 26 * kHour}};
constexpr Span kOutageDelay[] = {{45, 0, 40 * kMinute},
                                 {35, 40 * kMinute, 2 * kHour},
                                 {15, 2 * kHour, 5 * kHour},
                                 {5, 5 * kHour, 10 * kHour}};
constexpr Span kLateBy[] = {{60, 5 * kMinute, 30 * kMinute},
                            {30, 30 * kMinute, 3 * kHour},
                            {10, 3 * kHour, 10 * kHour}};

// Wake: people rarely write in the small hours; most wait until morning.
int32_t Wake(Rng& r, int32_t t, int32_t phase);

// Phase: window time + phase = the person's local time (mod a day).
int32_t PhaseOf(const JourneyConfig& config, int32_t utc_offset);

// Planner: plans one person's contacts, inquiry by inquiry.
class Planner {
 public:
  Planner(const JourneyConfig& config, uint32_t index, PersonPlan* plan)
      : config_(config),
        plan_(*plan),
        person_(plan->profile),
        rng_(HashOf(config.seed, index, kPlanStream)) {
    phase_ = PhaseOf(config, plan->utc_offset_seconds);
  }

  void Inquiry(int qi);
  void Finish();

 private:
  struct EpisodeResult {
    int32_t end = 0;
    bool resolved = false;
    bool any = false;  // at least one contact was added
  };

  int Add(ContactPlan c);
  ContactPlan Customer(Channel ch, int slot, Msg msg, int32_t at);
  ContactPlan Agent(const ContactPlan& to, int to_index, Msg msg, int32_t at);
  bool CanResolve(int32_t at) const;
  double ResolveChance(int episode) const;

  Channel PickChannel(Channel avoid, bool escalate);
  Channel PickOutageChannel();
  int SlotFor(Channel ch);
  void Evidence(ContactPlan& c, bool allow_capture, bool asked = false);
  // The customer sends the details `asked_by` (an agent's contact) asked
  // for, in the same thread, after a while from `*at`, which becomes its
  // time. Returns its index, or -1 when it could not be added.
  int SendDetails(Channel ch, int slot, const ContactPlan& asked_by,
                  int32_t* at);
  // The agent's answer in round `round` of a conversation at `at`: resolved
  // when it can be, else (first round only, with chance `ask`) a request for
  // details, else work in progress (chance `working`) or an escalation.
  Msg AgentReply(int32_t at, int episode, int round, double ask,
                 double working);
  int PickSlot(uint16_t bits);
  int PickCore(uint16_t bits);
  void NoteHotline(ContactPlan& c);
  bool Ticket(Channel ch);

  EpisodeResult Episode(int32_t t, Channel ch, Msg first, Channel prev,
                        int episode);
  EpisodeResult Social(int32_t t, Channel ch, Msg first, Channel prev,
                       int episode);
  EpisodeResult Messaging(int32_t t, Channel ch, Msg first, Channel prev,
                          int episode);
  EpisodeResult Email(int32_t t, Channel ch, Msg first, Channel prev,
                      int episode);
  EpisodeResult Chat(int32_t t, Msg first, Channel prev, int episode);
  EpisodeResult Voice(int32_t t, Msg first, Channel prev, int episode);
  void OutageJourney(int32_t t);

  const JourneyConfig& config_;
  PersonPlan& plan_;
  const Profile& person_;
  Rng rng_;
  int32_t phase_ = 0;

  // Current inquiry.
  int qi_ = 0;
  InquiryPlan* inquiry_ = nullptr;
  uint16_t agent_ = 0;
  Msg stage_ = Msg::kOpen;  // how the current episode began
  bool ticket_open_ = false;
  int email_thread_ = 0;  // this inquiry's open email thread
  int last_email_ = -1;   // its latest message
  int last_agent_ = -1;   // latest brand contact of this inquiry
  int last_inbound_ = -1;

  uint16_t known_ = 0;  // slots tied to the person's first contact so far
  uint16_t threads_ = 0;
};

}  // namespace threadline::sim

#endif  // THREADLINE_SRC_SIM_PLANNER_H_
