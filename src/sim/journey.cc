// Journeys: the names of the matters, and the Planner's core: the contacts
// it adds (the customer's side, the agent's, the channel and address each
// uses, tickets, the hotline quoted, details sent when asked), the course of
// an inquiry over episodes until it is resolved or dropped, and the ground
// truth of a finished plan (linkable, late).
#include "sim/journey.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/people.h"
#include "sim/planner.h"
#include "sim/rng.h"
#include "threadline/types.h"

namespace threadline::sim {
namespace {

// No journey goes on longer than this.
constexpr int32_t kMaxJourney = 12 * kDay;

// Channel affinity of each matter, in kPersonChannels order (voice sms
// whatsapp email chat twitter facebook instagram form): people write about a
// parcel and phone to cancel.
constexpr double kMatterAffinity[kMatterCount][kPersonChannelCount] = {
    {1.2, 0.8, 1.0, 1.3, 1.0, 0.9, 0.9, 0.6, 1.0},  // billing
    {0.9, 0.7, 1.0, 1.4, 1.2, 1.1, 1.0, 0.9, 1.2},  // refund
    {0.8, 0.8, 1.2, 1.2, 1.3, 1.3, 1.0, 1.0, 1.0},  // delivery
    {1.5, 1.0, 1.2, 0.6, 0.8, 1.5, 1.0, 0.8, 0.4},  // outage
    {1.6, 0.6, 0.9, 1.3, 1.0, 0.6, 0.7, 0.5, 1.3},  // cancellation
    {1.3, 0.7, 1.0, 1.0, 1.4, 0.7, 0.8, 0.6, 1.0},  // plan change
    {0.9, 0.8, 0.9, 1.2, 1.5, 1.0, 0.9, 1.0, 1.2},  // login
    {1.4, 0.8, 1.1, 0.9, 1.2, 1.0, 0.8, 0.8, 0.8},  // device
    {1.4, 1.2, 1.2, 0.9, 1.0, 0.9, 0.8, 0.5, 0.8},  // appointment
    {1.2, 0.9, 1.0, 1.2, 1.1, 0.8, 0.8, 0.5, 1.0},  // payment
};

}  // namespace

const char* MatterName(Matter matter) {
  static constexpr const char* kNames[kMatterCount] = {
      "billing",     "refund", "delivery", "outage",      "cancellation",
      "plan_change", "login",  "device",   "appointment", "payment"};
  return kNames[static_cast<int>(matter)];
}

int Planner::Add(ContactPlan c) {
  if (c.at >= config_.window_seconds || c.at < 0) return -1;
  c.arrival = c.at;
  c.inquiry = static_cast<uint8_t>(qi_);
  plan_.contacts.push_back(c);
  const int index = static_cast<int>(plan_.contacts.size()) - 1;
  inquiry_->contacts.push_back(static_cast<uint16_t>(index));
  if (c.direction == Direction::kOutbound) {
    last_agent_ = index;
  } else {
    last_inbound_ = index;
  }
  return index;
}

ContactPlan Planner::Customer(Channel ch, int slot, Msg msg, int32_t at) {
  ContactPlan c;
  c.at = at;
  c.channel = ch;
  c.direction = Direction::kInbound;
  c.msg = msg;
  c.contact_slot = static_cast<uint8_t>(slot);
  c.stage = stage_;
  c.ticket = ticket_open_ && Ticket(ch);
  return c;
}

ContactPlan Planner::Agent(const ContactPlan& to, int to_index, Msg msg,
                           int32_t at) {
  ContactPlan c;
  c.at = at;
  c.channel = to.channel == Channel::kWebForm ? Channel::kEmail : to.channel;
  c.direction = Direction::kOutbound;
  c.msg = msg;
  c.contact_slot = to.contact_slot;
  c.reply_to = static_cast<int16_t>(to_index);
  c.is_public = to.is_public;
  c.thread = to.thread;
  c.thread_kind = to.thread_kind;
  c.agent = agent_;
  if (inquiry_->ticketed) ticket_open_ = true;
  c.ticket = ticket_open_ && Ticket(c.channel);
  if (msg == Msg::kResolved || msg == Msg::kOutageRestored) c.resolved = true;
  return c;
}

bool Planner::Ticket(Channel ch) {
  switch (ch) {
    case Channel::kEmail:
    case Channel::kWebForm:
    case Channel::kVoice:
      return rng_.Chance(0.85);
    case Channel::kWebChat:
      return rng_.Chance(0.6);
    default:
      return rng_.Chance(0.25);
  }
}

bool Planner::CanResolve(int32_t at) const {
  return at >= inquiry_->hold_open_until;
}

double Planner::ResolveChance(int episode) const {
  if (inquiry_->must_resolve && episode >= 1) return 1.0;
  return episode == 0 ? 0.42 : 0.5;
}

Channel Planner::PickChannel(Channel avoid, bool escalate) {
  double w[kPersonChannelCount];
  const int m = static_cast<int>(inquiry_->matter);
  for (int c = 0; c < kPersonChannelCount; ++c) {
    w[c] = person_.channel_weight[c] * kMatterAffinity[m][c];
    if (kPersonChannels[c] == avoid) w[c] = 0;
    // Web forms open an inquiry; nobody follows up through one.
    if (escalate && kPersonChannels[c] == Channel::kWebForm) w[c] = 0;
    if (escalate && kPersonChannels[c] == Channel::kVoice) w[c] *= 1.8;
  }
  double total = 0;
  for (double x : w) total += x;
  if (total <= 0) {
    // Nothing else: stay where they are, else the phone or the web chat
    // everyone can reach.
    if (avoid != Channel::kUnspecified && avoid != Channel::kWebForm) {
      return avoid;
    }
    return person_.mobile != 0 || person_.landline != 0 ? Channel::kVoice
                                                        : Channel::kWebChat;
  }
  return kPersonChannels[rng_.Weighted(w)];
}

Channel Planner::PickOutageChannel() {
  // Outages are reported where everyone can see: whoever has a social
  // account mostly posts there; the others phone or message.
  static constexpr double kOutage[kPersonChannelCount] = {3,  1,  6,  1, 1,
                                                          80, 40, 20, 0};
  double w[kPersonChannelCount];
  for (int c = 0; c < kPersonChannelCount; ++c) {
    w[c] = person_.channel_weight[c] > 0 ? kOutage[c] : 0;
  }
  double total = 0;
  for (double x : w) total += x;
  if (total <= 0) return Channel::kVoice;
  return kPersonChannels[rng_.Weighted(w)];
}

int Planner::SlotFor(Channel ch) {
  switch (ch) {
    case Channel::kVoice: {
      if (config_.withheld && rng_.Chance(0.015)) return kWithheld;
      if (person_.landline != 0 &&
          (person_.mobile == 0 ||
           rng_.Chance(person_.shares_landline ? 0.75 : 0.35))) {
        return kLandline;
      }
      return person_.mobile != 0 ? kMobile : kLandline;
    }
    case Channel::kSms:
    case Channel::kWhatsapp:
      return kMobile;
    case Channel::kEmail:
    case Channel::kWebForm:
      return !person_.work_email.empty() && rng_.Chance(0.25) ? kWorkEmail
                                                              : kEmail;
    case Channel::kTwitter:
      return kTwitter;
    case Channel::kFacebook:
      return kFacebook;
    case Channel::kInstagram:
      return kInstagram;
    case Channel::kWebChat:
    default:
      // Most chats come from the usual browser.
      return kFirstVisitor +
             (rng_.Chance(0.7) ? 0
                               : static_cast<int>(rng_.Below(
                                     static_cast<uint64_t>(person_.visitors))));
  }
}

void Planner::NoteHotline(ContactPlan& c) {
  if (!config_.traps || c.channel == Channel::kVoice) return;
  double p = 0.06;
  if (c.msg == Msg::kFollowUp || c.msg == Msg::kSwitch) p = 0.14;
  c.hotline = rng_.Chance(p);
}

Msg Planner::AgentReply(int32_t at, int episode, int round, double ask,
                        double working) {
  if (CanResolve(at) && rng_.Chance(ResolveChance(episode) + 0.1 * round)) {
    return Msg::kResolved;
  }
  if (round == 0 && rng_.Chance(ask)) return Msg::kAskDetails;
  return rng_.Chance(working) ? Msg::kWorking : Msg::kEscalated;
}

int Planner::SendDetails(Channel ch, int slot, const ContactPlan& asked_by,
                         int32_t* at) {
  *at += static_cast<int32_t>(DrawSpan(rng_, kCustomerReact));
  *at = Wake(rng_, *at, phase_);
  ContactPlan d = Customer(ch, slot, Msg::kDetails, *at);
  d.thread = asked_by.thread;
  d.thread_kind = asked_by.thread_kind;
  d.reply_to = rng_.Chance(0.4) ? static_cast<int16_t>(last_agent_) : -1;
  Evidence(d, false, /*asked=*/true);
  return Add(d);
}

void Planner::Inquiry(int qi) {
  qi_ = qi;
  inquiry_ = &plan_.inquiries[qi];
  ticket_open_ = false;
  email_thread_ = 0;
  last_email_ = -1;
  last_agent_ = -1;
  last_inbound_ = -1;
  inquiry_->lang =
      person_.bilingual && rng_.Chance(0.3) ? Lang::kEn : person_.lang;
  inquiry_->ticketed = rng_.Chance(0.22);
  const int32_t start = inquiry_->start;
  if (inquiry_->kind == InquiryKind::kOutage) {
    OutageJourney(start);
    return;
  }
  const int32_t limit =
      std::min(config_.window_seconds - 1, start + kMaxJourney);
  Channel ch = PickChannel(Channel::kUnspecified, false);
  Channel prev = Channel::kUnspecified;
  Msg first = Msg::kOpen;
  int32_t t = start;
  bool reopened = false;
  for (int episode = 0; episode < 5; ++episode) {
    EpisodeResult res = Episode(t, ch, first, prev, episode);
    if (!res.any) break;
    t = res.end;
    if (res.resolved) {
      inquiry_->resolved = true;
      const ContactPlan fix =
          plan_
              .contacts[last_agent_ >= 0 && plan_.contacts[last_agent_].resolved
                            ? last_agent_
                            : last_inbound_];
      if (fix.channel != Channel::kVoice && rng_.Chance(0.13)) {
        const int32_t at =
            t + static_cast<int32_t>(rng_.Range(2 * kMinute, 8 * kHour));
        ContactPlan thanks =
            Customer(fix.channel, fix.contact_slot, Msg::kThanks, at);
        thanks.is_public = fix.is_public;
        thanks.thread = fix.thread;
        thanks.thread_kind = fix.thread_kind;
        if (fix.direction == Direction::kOutbound) {
          thanks.reply_to = static_cast<int16_t>(last_agent_);
        }
        if (Add(thanks) >= 0) t = at;
      }
      // Now and then it breaks again within days: the same inquiry.
      if (!reopened && !inquiry_->must_resolve &&
          inquiry_->kind == InquiryKind::kRegular && rng_.Chance(0.05)) {
        reopened = true;
        inquiry_->resolved = false;
        t = Wake(rng_, t + static_cast<int32_t>(rng_.Range(1 * kDay, 5 * kDay)),
                 phase_);
        if (t >= limit) break;
        prev = ch;
        if (ch == Channel::kWebForm || !rng_.Chance(0.6)) {
          ch = PickChannel(ch, true);
        }
        first = Msg::kReopen;
        continue;
      }
      break;
    }
    const bool hold = inquiry_->hold_open_until > t;
    const bool must = inquiry_->must_resolve;
    if (!hold && !must && !rng_.Chance(0.38)) break;  // gives up or goes quiet
    t += static_cast<int32_t>(DrawSpan(rng_, kChase));
    if (inquiry_->hold_open_until > t) {
      t = inquiry_->hold_open_until +
          static_cast<int32_t>(rng_.Range(0, 6 * kHour));
    }
    t = Wake(rng_, t, phase_);
    if (t >= limit) break;
    prev = ch;
    if (ch == Channel::kWebForm || !rng_.Chance(0.45)) {
      ch = PickChannel(ch, true);
    }
    first = ch == prev ? Msg::kFollowUp : Msg::kSwitch;
  }
}

void Planner::Finish() {
  // Ground truth "linkable": union the contacts with the addresses they
  // carry, their replies and their threads; the person's main component is
  // the one with the most contacts (the earliest on a tie). What is outside
  // it, nothing in the data ties to the rest of the person.
  std::vector<ContactPlan>& cs = plan_.contacts;
  const int n = static_cast<int>(cs.size());
  std::vector<int>& parent = plan_.scratch_parent;
  parent.resize(static_cast<size_t>(n + kSlotCount + threads_ + 1));
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = static_cast<int>(i);
  auto find = [&parent](int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  auto unite = [&](int a, int b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  };
  for (int i = 0; i < n; ++i) {
    const ContactPlan& c = cs[i];
    if (c.contact_slot != kWithheld) unite(i, n + c.contact_slot);
    const uint16_t extra =
        (c.captured | c.mentioned) & static_cast<uint16_t>(~c.garbled);
    for (int s = 0; s < kSlotCount; ++s) {
      if (extra & SlotBit(s)) unite(i, n + s);
    }
    if (c.reply_to >= 0) unite(i, c.reply_to);
    if (c.thread != 0) unite(i, n + kSlotCount + c.thread);
  }
  std::vector<int>& count = plan_.scratch_count;
  count.assign(parent.size(), 0);
  for (int i = 0; i < n; ++i) ++count[find(i)];
  int best = -1;
  for (int i = 0; i < n; ++i) {
    const int root = find(i);
    if (best < 0 || count[root] > count[best]) best = root;
  }
  for (int i = 0; i < n; ++i) cs[i].linkable = find(i) == best;

  // Late arrivals: never a message something else answers, so every
  // reply still follows what it answers.
  std::vector<int>& target = plan_.scratch_count;
  target.assign(static_cast<size_t>(n), 0);
  for (const ContactPlan& c : cs) {
    if (c.reply_to >= 0) target[c.reply_to] = 1;
  }
  Rng late(HashOf(config_.seed, person_.index, kLateStream));
  for (int i = 0; i < n; ++i) {
    if (!target[i] && late.Chance(config_.late_share)) {
      cs[i].late = true;
      cs[i].arrival = cs[i].at + static_cast<int32_t>(DrawSpan(late, kLateBy));
    }
  }
}

void PlanPerson(const JourneyConfig& config, uint32_t index, PersonPlan* plan) {
  BuildProfile(config.seed, index, config.customers, config.siloed_share,
               &plan->profile);
  plan->utc_offset_seconds =
      UtcOffsetSeconds(config.seed, index, plan->profile.region);
  plan->contacts.clear();
  ScheduleEntry entries[kMaxInquiries];
  const int n = Schedule(config, index, plan->profile.region, entries);
  plan->inquiries.resize(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    InquiryPlan& q = plan->inquiries[i];
    q.start = entries[i].start;
    q.matter = entries[i].matter;
    q.kind = entries[i].kind;
    q.incident = entries[i].incident;
    q.partner = entries[i].partner;
    q.hold_open_until = entries[i].hold_open_until;
    q.must_resolve = entries[i].must_resolve;
    q.resolved = false;
    q.ticketed = false;
    q.contacts.clear();
  }
  Planner planner(config, index, plan);
  for (int i = 0; i < n; ++i) planner.Inquiry(i);
  planner.Finish();
}

}  // namespace threadline::sim
