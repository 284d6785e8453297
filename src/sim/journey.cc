#include "sim/journey.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <utility>

#include "sim/rng.h"

namespace threadline::sim {
namespace {

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

// Regular inquiries of one person start at least this far apart, so two of
// them are never one inquiry by accident.
constexpr int32_t kRegularGapDays = 14;
// No journey goes on longer than this.
constexpr int32_t kMaxJourney = 12 * kDay;

// How often each matter comes up.
constexpr double kMatterWeight[kMatterCount] = {17, 9,  11, 11, 7,
                                                9,  10, 10, 7,  9};

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

// When people write, by local hour.
constexpr double kHourWeight[24] = {1.0, 0.5, 0.3, 0.2, 0.2, 0.4, 1.2, 3.0,
                                    5.0, 7.0, 8.0, 8.0, 7.5, 7.0, 7.0, 7.0,
                                    7.0, 7.0, 7.5, 8.0, 7.0, 5.5, 3.5, 2.0};

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

int32_t LocalHour(int32_t t, int32_t phase) {
  int64_t local = (static_cast<int64_t>(t) + phase) % kDay;
  if (local < 0) local += kDay;
  return static_cast<int32_t>(local / kHour);
}

// Daytime(day): a time on window day `day` at an hour people write, for a
// person whose local clock is `phase` seconds ahead of the window's.
int32_t Daytime(Rng& r, int32_t day, int32_t phase) {
  int64_t local_midnight = static_cast<int64_t>(day) * kDay;
  int64_t p = phase % kDay;
  if (p < 0) p += kDay;
  local_midnight -= p;
  // Cumulative weights, once: this runs for every inquiry.
  static const std::array<double, 24> kCumulative = [] {
    std::array<double, 24> c{};
    double sum = 0;
    for (int h = 0; h < 24; ++h) c[h] = sum += kHourWeight[h];
    return c;
  }();
  const double x = r.Unit() * kCumulative[23];
  int hour = 0;
  while (hour < 23 && x >= kCumulative[hour]) ++hour;
  int64_t t = local_midnight + hour * kHour + r.Range(0, kHour - 1);
  if (t < static_cast<int64_t>(day) * kDay) t += kDay;
  return static_cast<int32_t>(t);
}

// Wake: people rarely write in the small hours; most wait until morning.
int32_t Wake(Rng& r, int32_t t, int32_t phase) {
  const int32_t hour = LocalHour(t, phase);
  if (hour >= 1 && hour < 7 && r.Chance(0.85)) {
    return t + (7 - hour) * kHour + static_cast<int32_t>(r.Range(0, 2 * kHour));
  }
  return t;
}

Matter DrawMatter(Rng& r, const bool* used) {
  double w[kMatterCount];
  for (int m = 0; m < kMatterCount; ++m) w[m] = used[m] ? 0 : kMatterWeight[m];
  return static_cast<Matter>(r.Weighted(w));
}

// Phase: window time + phase = the person's local time (mod a day).
int32_t PhaseOf(const JourneyConfig& config, int32_t utc_offset) {
  return static_cast<int32_t>((config.start_phase + utc_offset) % kDay);
}

}  // namespace

const char* MatterName(Matter matter) {
  static constexpr const char* kNames[kMatterCount] = {
      "billing",     "refund", "delivery", "outage",      "cancellation",
      "plan_change", "login",  "device",   "appointment", "payment"};
  return kNames[static_cast<int>(matter)];
}

std::vector<Wave> WavesFor(uint64_t seed, int32_t window_seconds) {
  Rng r(HashOf(seed, kWaveStream));
  std::vector<Wave> waves;
  const int64_t w = window_seconds;
  const int64_t firsts[2] = {w * 18 / 100 + r.Range(0, w * 6 / 100),
                             w * 55 / 100 + r.Range(0, w * 8 / 100)};
  for (int64_t start : firsts) {
    Wave wave;
    wave.start = static_cast<int32_t>(start);
    wave.end = static_cast<int32_t>(
        std::min<int64_t>(w - 1, start + r.Range(3 * kHour, 9 * kHour)));
    waves.push_back(wave);
  }
  return waves;
}

int Schedule(const JourneyConfig& config, uint32_t index, ScheduleEntry* out) {
  return Schedule(config, index, RegionOf(config.seed, index, config.customers),
                  out);
}

int Schedule(const JourneyConfig& config, uint32_t index, Region region,
             ScheduleEntry* out) {
  Rng r(HashOf(config.seed, index, kScheduleStream));
  const int32_t phase =
      PhaseOf(config, UtcOffsetSeconds(config.seed, index, region));
  const int32_t window = config.window_seconds;
  const int32_t days = std::max(1, window / kDay);

  struct Item {
    ScheduleEntry e;
    int order;
  };
  Item items[kMaxInquiries];
  int n = 0;
  bool used[kMatterCount] = {};

  static constexpr double kCountWeight[] = {72, 21, 6, 1};
  int regular = 1 + static_cast<int>(r.Weighted(kCountWeight));
  regular =
      std::max(1, std::min({regular, 1 + (days - 1) / kRegularGapDays, 4}));
  int day[kMaxInquiries];
  const int span = days - (regular - 1) * kRegularGapDays;
  for (int i = 0; i < regular; ++i) day[i] = static_cast<int>(r.Below(span));
  std::sort(day, day + regular);
  auto clamp = [window](int32_t t) {
    return std::max<int32_t>(0, std::min<int32_t>(t, window - 5 * kMinute));
  };
  for (int i = 0; i < regular; ++i) {
    ScheduleEntry e;
    e.start = clamp(Daytime(r, day[i] + i * kRegularGapDays, phase));
    e.matter = DrawMatter(r, used);
    used[static_cast<int>(e.matter)] = true;
    items[n] = {e, n};
    ++n;
  }

  if (config.traps) {
    // The same matter again weeks after the first was resolved: a new
    // inquiry, not a reopening.
    if (r.Chance(0.07)) {
      const int repeat_day =
          items[0].e.start / kDay + static_cast<int>(r.Range(20, 40));
      if (repeat_day < days && n < kMaxInquiries) {
        ScheduleEntry e;
        e.start = clamp(Daytime(r, repeat_day, phase));
        e.matter = items[0].e.matter;
        e.kind = InquiryKind::kRepeat;
        e.partner = 0;
        items[0].e.must_resolve = true;
        items[n] = {e, n};
        ++n;
      }
    }
    // A second matter raised while the first is still open.
    if (r.Chance(0.05) && n < kMaxInquiries) {
      const int a = static_cast<int>(r.Below(static_cast<uint64_t>(regular)));
      const int32_t start = items[a].e.start + static_cast<int32_t>(r.Range(
                                                   1 * kHour, 20 * kHour));
      if (start < window - 6 * kHour) {
        ScheduleEntry e;
        e.start = start;
        e.matter = DrawMatter(r, used);
        used[static_cast<int>(e.matter)] = true;
        e.kind = InquiryKind::kConcurrent;
        e.partner = static_cast<int8_t>(a);
        items[a].e.hold_open_until =
            start + static_cast<int32_t>(r.Range(1 * kHour, 10 * kHour));
        items[n] = {e, n};
        ++n;
      }
    }
  }

  // People on social networks complain about outages most; the rest less,
  // so that about outage_share of everyone does (seven in ten post).
  const Social social = SocialOf(config.seed, index, region);
  const bool posts = social.twitter || social.facebook || social.instagram;
  const double complain = config.outage_share * (posts ? 1.3 : 0.3);
  for (size_t w = 0; w < config.waves.size() && n < kMaxInquiries; ++w) {
    Rng wr(HashOf(config.seed, index, kOutageStream + w));
    if (!wr.Chance(complain)) continue;
    const int32_t start = config.waves[w].start +
                          static_cast<int32_t>(DrawSpan(wr, kOutageDelay));
    if (start >= window) continue;
    ScheduleEntry e;
    e.start = start;
    e.matter = Matter::kOutage;
    e.kind = InquiryKind::kOutage;
    e.incident = static_cast<uint8_t>(w + 1);
    // A connectivity complaint of this person near the wave would be the
    // same inquiry in all but name: give it another matter.
    for (int i = 0; i < n; ++i) {
      if (items[i].e.matter == Matter::kOutage &&
          items[i].e.kind != InquiryKind::kOutage &&
          std::abs(items[i].e.start - start) < 6 * kDay) {
        items[i].e.matter = DrawMatter(wr, used);
        used[static_cast<int>(items[i].e.matter)] = true;
        // Its repeat, if any, follows the new matter.
        for (int k = 0; k < n; ++k) {
          if (items[k].e.kind == InquiryKind::kRepeat &&
              items[k].e.partner == i) {
            items[k].e.matter = items[i].e.matter;
          }
        }
      }
    }
    items[n] = {e, n};
    ++n;
  }

  // Order by start; partners are renumbered to the new positions.
  std::stable_sort(items, items + n, [](const Item& a, const Item& b) {
    return a.e.start < b.e.start;
  });
  int position[kMaxInquiries];
  for (int i = 0; i < n; ++i) position[items[i].order] = i;
  for (int i = 0; i < n; ++i) {
    out[i] = items[i].e;
    if (out[i].partner >= 0) {
      out[i].partner = static_cast<int8_t>(position[out[i].partner]);
    }
  }
  return n;
}

namespace {

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

// Evidence: what in this contact ties its address to the person's other
// addresses: an identity the agent captured on a call, the chat's pre-chat
// form, an address or account number the customer typed into the message.
// People reveal one now and then, more readily when an agent has just asked
// (`asked`) or verifies them on a call; which one, they pick among what the
// channel can carry, preferring one the brand has seen (so the reveal links)
// and else an account number, email or phone (which may link later
// contacts). Siloed people reveal nothing.
void Planner::Evidence(ContactPlan& c, bool allow_capture, bool asked) {
  const int slot = c.contact_slot;
  const uint16_t own = slot == kWithheld ? 0 : SlotBit(slot);
  // A shared landline is only told apart by the account the agent checks.
  if (c.channel == Channel::kVoice && slot == kLandline &&
      person_.shares_landline && c.msg != Msg::kVoicemail) {
    c.captured |= SlotBit(kAccount);
    if (known_ == 0 || (known_ & (own | SlotBit(kAccount)))) {
      known_ |= own | SlotBit(kAccount);
    }
    return;
  }
  if (person_.linker == Linker::kSiloed) {
    if (known_ == 0) known_ = own;
    return;
  }

  // What this channel can carry, and how likely a reveal is on it.
  uint16_t capturable = 0, mentionable = 0;
  const uint16_t phones = SlotBit(kMobile) | SlotBit(kLandline);
  const uint16_t emails = SlotBit(kEmail) | SlotBit(kWorkEmail);
  const uint16_t handles = SlotBit(kTwitter) | SlotBit(kInstagram);
  double factor = 0.3;
  switch (c.channel) {
    case Channel::kVoice:
      if (c.msg == Msg::kVoicemail) {
        mentionable = phones;  // "call me back on …"
        factor = 0.4;
      } else {
        // Agents verify callers.
        capturable = SlotBit(kAccount) | emails | phones | SlotBit(kTwitter);
        factor = 1.0;
      }
      break;
    case Channel::kWebChat:
      capturable = allow_capture ? (emails | SlotBit(kAccount)) : 0;
      mentionable = phones | emails | SlotBit(kAccount) | handles;
      factor = allow_capture ? 0.5 : 0.2;
      break;
    case Channel::kEmail:
    case Channel::kWebForm:
      capturable = allow_capture ? SlotBit(kAccount) : 0;
      mentionable = phones | SlotBit(kAccount) | handles | emails;
      factor = 0.6;
      break;
    default:
      if (c.is_public) {
        // In public only the careless post their email address.
        mentionable = SlotBit(kEmail);
        factor = 0.06;
      } else {
        mentionable = phones | emails | SlotBit(kAccount) | handles;
      }
      break;
  }
  if (asked) factor = 1.0;
  mentionable &= static_cast<uint16_t>(~own);
  capturable &= static_cast<uint16_t>(~own);
  const uint16_t has = person_.has & static_cast<uint16_t>(~SlotBit(kWithheld));
  capturable &= has;
  mentionable &= has;

  const bool linked =
      own != 0 ? (known_ & own) != 0 : (known_ & c.captured) != 0;
  const uint16_t carriable = capturable | mentionable;
  int chosen = -1;
  static constexpr double kLink[] = {0, 0.55, 0.85, 0.96};
  static constexpr double kReveal[] = {0, 0.45, 0.75, 0.92};
  if (!linked && known_ != 0 &&
      rng_.Chance(kLink[static_cast<int>(person_.linker)])) {
    // Tie this address to one the brand has seen, if the channel can carry
    // one; else give what may tie later contacts.
    chosen = PickSlot(carriable & known_);
    if (chosen < 0) chosen = PickCore(carriable);
  } else if (rng_.Chance(kReveal[static_cast<int>(person_.linker)] * factor *
                         (linked ? 0.5 : 1.0))) {
    chosen = rng_.Chance(0.6) ? PickCore(carriable) : PickSlot(carriable);
  }
  if (chosen >= 0) {
    const bool capture_first =
        c.channel == Channel::kVoice ||
        (c.channel == Channel::kWebChat && rng_.Chance(0.5)) ||
        (c.channel == Channel::kEmail && rng_.Chance(0.3));
    if ((capturable & SlotBit(chosen)) &&
        (capture_first || !(mentionable & SlotBit(chosen)))) {
      c.captured |= SlotBit(chosen);
      // Agents mistype a number now and then; it then ties nothing.
      if (config_.messy && (chosen == kMobile || chosen == kLandline) &&
          rng_.Chance(0.04)) {
        c.garbled |= SlotBit(chosen);
      }
    } else {
      c.mentioned |= SlotBit(chosen);
    }
  }
  const uint16_t carried =
      (c.captured | c.mentioned) & static_cast<uint16_t>(~c.garbled);
  if (known_ == 0 || (known_ & (own | carried)) != 0) {
    known_ |= own | carried;
  }
}

// PickSlot: one of `bits` at random, -1 when none.
int Planner::PickSlot(uint16_t bits) {
  int candidates[kSlotCount];
  int k = 0;
  for (int s = 0; s < kSlotCount; ++s) {
    if (bits & SlotBit(s)) candidates[k++] = s;
  }
  return k == 0 ? -1 : candidates[rng_.Below(static_cast<uint64_t>(k))];
}

// PickCore: what people give most, in `bits`: the account number, then the
// email, then the mobile; -1 when none.
int Planner::PickCore(uint16_t bits) {
  const double w[3] = {(bits & SlotBit(kAccount)) ? 5.0 : 0.0,
                       (bits & SlotBit(kEmail)) ? 3.0 : 0.0,
                       (bits & SlotBit(kMobile)) ? 2.0 : 0.0};
  if (w[0] + w[1] + w[2] <= 0) return PickSlot(bits);
  static constexpr int kCore[] = {kAccount, kEmail, kMobile};
  return kCore[rng_.Weighted(w)];
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

Planner::EpisodeResult Planner::Episode(int32_t t, Channel ch, Msg first,
                                        Channel prev, int episode) {
  agent_ = static_cast<uint16_t>(
      1 + rng_.Below(static_cast<uint64_t>(config_.agents)));
  stage_ = first;
  switch (ch) {
    case Channel::kTwitter:
    case Channel::kFacebook:
    case Channel::kInstagram:
      return Social(t, ch, first, prev, episode);
    case Channel::kWhatsapp:
    case Channel::kSms:
      return Messaging(t, ch, first, prev, episode);
    case Channel::kEmail:
    case Channel::kWebForm:
      return Email(t, ch, first, prev, episode);
    case Channel::kWebChat:
      return Chat(t, first, prev, episode);
    case Channel::kVoice:
    default:
      return Voice(t, first, prev, episode);
  }
}

Planner::EpisodeResult Planner::Social(int32_t t, Channel ch, Msg first,
                                       Channel prev, int episode) {
  EpisodeResult res;
  double public_share = ch == Channel::kTwitter ? 0.8 : 0.3;
  if (episode > 0) public_share = ch == Channel::kTwitter ? 0.35 : 0.1;
  ContactPlan c = Customer(ch, SlotFor(ch), first, t);
  c.prev_channel = static_cast<uint8_t>(prev);
  c.is_public = rng_.Chance(public_share);
  c.brand_lead = c.is_public && config_.traps &&
                 rng_.Chance(ch == Channel::kTwitter ? 0.9 : 0.3);
  if (!c.is_public && rng_.Chance(0.35)) {
    c.thread = ++threads_;
    c.thread_kind = ThreadKind::kDm;
  }
  // Answering the brand's last public reply.
  if (first == Msg::kFollowUp && last_agent_ >= 0 &&
      plan_.contacts[last_agent_].channel == ch &&
      plan_.contacts[last_agent_].is_public == c.is_public &&
      rng_.Chance(0.6)) {
    c.reply_to = static_cast<int16_t>(last_agent_);
    c.thread = plan_.contacts[last_agent_].thread;
    c.thread_kind = plan_.contacts[last_agent_].thread_kind;
  }
  Evidence(c, false);
  NoteHotline(c);
  int last = Add(c);
  if (last < 0) return res;
  res.any = true;
  res.end = c.at;
  const bool leaked_email = c.is_public && (c.mentioned & SlotBit(kEmail));
  if (rng_.Chance(0.2)) {
    ContactPlan more = c;
    more.msg = Msg::kMore;
    more.at =
        c.at + static_cast<int32_t>(rng_.Range(2 * kMinute, 60 * kMinute));
    more.mentioned = 0;
    more.captured = 0;
    more.reply_to =
        c.is_public && rng_.Chance(0.5) ? static_cast<int16_t>(last) : -1;
    NoteHotline(more);
    const int m = Add(more);
    if (m >= 0) {
      last = m;
      res.end = more.at;
    }
  }
  if (rng_.Chance(0.06)) return res;  // never answered

  int32_t at = res.end + static_cast<int32_t>(DrawSpan(rng_, kSocialReply));
  const ContactPlan to = plan_.contacts[last];
  if (to.is_public) {
    Msg reply = Msg::kAskDm;
    if (leaked_email) {
      reply = Msg::kPrivacy;
    } else if (CanResolve(at) && rng_.Chance(0.12 + (episode > 0 ? 0.2 : 0))) {
      reply = Msg::kResolved;
    } else if (rng_.Chance(0.25)) {
      reply = Msg::kAck;
    }
    ContactPlan a = Agent(to, last, reply, at);
    if (Add(a) < 0) return res;
    res.end = at;
    if (reply == Msg::kResolved) {
      res.resolved = true;
      return res;
    }
    if (reply == Msg::kAck || !rng_.Chance(0.85)) return res;
    // The conversation moves to private messages.
    at += static_cast<int32_t>(DrawSpan(rng_, kCustomerReact));
    at = Wake(rng_, at, phase_);
    ContactPlan dm = Customer(ch, c.contact_slot, Msg::kDetails, at);
    dm.is_public = false;
    if (rng_.Chance(0.35)) {
      dm.thread = ++threads_;
      dm.thread_kind = ThreadKind::kDm;
    }
    Evidence(dm, false, /*asked=*/true);
    last = Add(dm);
    if (last < 0) return res;
    res.end = at;
  }
  // A private conversation.
  for (int round = 0; round < 2; ++round) {
    at = res.end + static_cast<int32_t>(DrawSpan(rng_, kSocialReply));
    const ContactPlan in = plan_.contacts[last];
    Msg reply = AgentReply(at, episode, round, 0.3, 0.7);
    ContactPlan a = Agent(in, last, reply, at);
    a.is_public = false;
    if (Add(a) < 0) return res;
    res.end = at;
    if (reply == Msg::kResolved) {
      res.resolved = true;
      return res;
    }
    if (reply != Msg::kAskDetails) return res;
    last = SendDetails(ch, c.contact_slot, a, &at);
    if (last < 0) return res;
    res.end = at;
  }
  return res;
}

Planner::EpisodeResult Planner::Messaging(int32_t t, Channel ch, Msg first,
                                          Channel prev, int episode) {
  EpisodeResult res;
  ContactPlan c = Customer(ch, kMobile, first, t);
  c.prev_channel = static_cast<uint8_t>(prev);
  if (ch == Channel::kWhatsapp && rng_.Chance(0.25)) {
    c.thread = ++threads_;
    c.thread_kind = ThreadKind::kWhatsapp;
  }
  Evidence(c, false);
  NoteHotline(c);
  int last = Add(c);
  if (last < 0) return res;
  res.any = true;
  res.end = t;
  if (rng_.Chance(0.15)) {
    ContactPlan more = c;
    more.msg = Msg::kMore;
    more.at = t + static_cast<int32_t>(rng_.Range(1 * kMinute, 40 * kMinute));
    more.mentioned = 0;
    NoteHotline(more);
    const int m = Add(more);
    if (m >= 0) {
      last = m;
      res.end = more.at;
    }
  }
  if (rng_.Chance(0.04)) return res;
  for (int round = 0; round < 2; ++round) {
    const int32_t at =
        res.end + static_cast<int32_t>(DrawSpan(rng_, kMessagingReply));
    Msg reply = AgentReply(at, episode, round, 0.3, 0.65);
    if (round == 0 && reply != Msg::kResolved && reply != Msg::kAskDetails &&
        rng_.Chance(0.3)) {
      reply = Msg::kAck;
    }
    const ContactPlan in = plan_.contacts[last];
    ContactPlan a = Agent(in, last, reply, at);
    if (Add(a) < 0) return res;
    res.end = at;
    if (reply == Msg::kResolved) {
      res.resolved = true;
      return res;
    }
    if (reply != Msg::kAskDetails) return res;
    int32_t back = at;
    last = SendDetails(ch, kMobile, a, &back);
    if (last < 0) return res;
    res.end = back;
  }
  return res;
}

Planner::EpisodeResult Planner::Email(int32_t t, Channel ch, Msg first,
                                      Channel prev, int episode) {
  EpisodeResult res;
  ContactPlan c = Customer(ch, SlotFor(ch), first, t);
  c.prev_channel = static_cast<uint8_t>(prev);
  if (ch == Channel::kEmail) {
    // A follow-up usually answers the thread; some start a new email.
    if (email_thread_ != 0 && last_email_ >= 0 && rng_.Chance(0.7)) {
      c.thread = static_cast<uint16_t>(email_thread_);
      c.reply_to = static_cast<int16_t>(last_email_);
      c.contact_slot = plan_.contacts[last_email_].contact_slot;
    } else {
      c.thread = ++threads_;
      email_thread_ = c.thread;
    }
    c.thread_kind = ThreadKind::kEmail;
  }
  Evidence(c, true);
  NoteHotline(c);
  int last = Add(c);
  if (last < 0) return res;
  if (ch == Channel::kEmail) last_email_ = last;
  res.any = true;
  res.end = t;
  if (rng_.Chance(0.04)) return res;
  for (int round = 0; round < 2; ++round) {
    const int32_t at =
        res.end + static_cast<int32_t>(DrawSpan(rng_, kEmailReply));
    Msg reply = AgentReply(at, episode, round, 0.25, 0.6);
    const ContactPlan in = plan_.contacts[last];
    ContactPlan a = Agent(in, last, reply, at);
    if (in.channel == Channel::kWebForm) {
      // The answer to a web form comes by email and starts a thread.
      a.thread = ++threads_;
      a.thread_kind = ThreadKind::kEmail;
      email_thread_ = a.thread;
    }
    const int ai = Add(a);
    if (ai < 0) return res;
    last_email_ = ai;
    res.end = at;
    if (reply == Msg::kResolved) {
      res.resolved = true;
      return res;
    }
    if (reply != Msg::kAskDetails) return res;
    int32_t back = at + static_cast<int32_t>(DrawSpan(rng_, kCustomerReact)) +
                   static_cast<int32_t>(rng_.Range(0, 6 * kHour));
    back = Wake(rng_, back, phase_);
    ContactPlan d =
        Customer(Channel::kEmail, a.contact_slot, Msg::kDetails, back);
    d.thread = a.thread;
    d.thread_kind = ThreadKind::kEmail;
    d.reply_to = static_cast<int16_t>(ai);
    Evidence(d, true, /*asked=*/true);
    last = Add(d);
    if (last < 0) return res;
    last_email_ = last;
    res.end = back;
  }
  return res;
}

Planner::EpisodeResult Planner::Chat(int32_t t, Msg first, Channel prev,
                                     int episode) {
  EpisodeResult res;
  const uint16_t session = ++threads_;
  ContactPlan c =
      Customer(Channel::kWebChat, SlotFor(Channel::kWebChat), first, t);
  c.prev_channel = static_cast<uint8_t>(prev);
  c.thread = session;
  c.thread_kind = ThreadKind::kChat;
  // The pre-chat form asks for an email; many fill it in.
  if (person_.linker != Linker::kSiloed && !person_.email.empty() &&
      rng_.Chance(0.5)) {
    c.captured |= SlotBit(kEmail);
    if (known_ & SlotBit(kEmail)) known_ |= SlotBit(c.contact_slot);
  }
  Evidence(c, true);
  NoteHotline(c);
  int last = Add(c);
  if (last < 0) return res;
  res.any = true;
  res.end = t;
  if (rng_.Chance(0.05)) return res;  // left the queue
  int32_t at = t + static_cast<int32_t>(DrawSpan(rng_, kChatPause));
  if (rng_.Chance(0.55)) {
    // The agent joins, asks or greets, and the customer answers.
    ContactPlan greet = Agent(
        c, last, rng_.Chance(0.5) ? Msg::kChatGreeting : Msg::kAskDetails, at);
    if (rng_.Chance(0.5)) {
      greet.reply_to = -1;  // chat tools often link by session only
    }
    if (Add(greet) < 0) return res;
    res.end = at;
    const int lines = rng_.Chance(0.25) ? 2 : 1;
    for (int i = 0; i < lines; ++i) {
      at += static_cast<int32_t>(DrawSpan(rng_, kChatPause));
      ContactPlan line =
          Customer(Channel::kWebChat, c.contact_slot,
                   i == 0 && greet.msg == Msg::kAskDetails ? Msg::kDetails
                                                           : Msg::kChatLine,
                   at);
      line.thread = session;
      line.thread_kind = ThreadKind::kChat;
      Evidence(line, false, line.msg == Msg::kDetails);
      last = Add(line);
      if (last < 0) return res;
      res.end = at;
    }
    at += static_cast<int32_t>(DrawSpan(rng_, kChatPause));
  }
  Msg reply;
  if (CanResolve(at) && rng_.Chance(ResolveChance(episode) + 0.05)) {
    reply = Msg::kResolved;
  } else {
    reply = rng_.Chance(0.6) ? Msg::kWorking : Msg::kEscalated;
  }
  ContactPlan a = Agent(plan_.contacts[last], last, reply, at);
  if (rng_.Chance(0.5)) a.reply_to = -1;
  if (Add(a) < 0) return res;
  res.end = at;
  res.resolved = reply == Msg::kResolved;
  return res;
}

Planner::EpisodeResult Planner::Voice(int32_t t, Msg first, Channel prev,
                                      int episode) {
  EpisodeResult res;
  const int slot = SlotFor(Channel::kVoice);
  const bool answered = slot == kWithheld || rng_.Chance(0.88);
  ContactPlan c = Customer(Channel::kVoice, slot,
                           answered ? Msg::kCall : Msg::kVoicemail, t);
  c.prev_channel = static_cast<uint8_t>(prev);
  (void)first;
  if (rng_.Chance(0.4)) {
    c.thread = ++threads_;
    c.thread_kind = ThreadKind::kCall;
  }
  if (answered) {
    c.agent = agent_;
    if (inquiry_->ticketed) ticket_open_ = true;
    c.ticket = ticket_open_ && Ticket(Channel::kVoice);
    // A withheld number: the agent takes an address to find the customer.
    if (slot == kWithheld && person_.linker != Linker::kSiloed &&
        rng_.Chance(0.6)) {
      c.captured |= SlotBit(person_.email.empty()
                                ? kAccount
                                : (rng_.Chance(0.5) ? kAccount : kEmail));
    }
    Evidence(c, true);
    const double fcr = episode == 0 ? 0.45 : 0.5;
    c.resolved =
        CanResolve(t) &&
        rng_.Chance(inquiry_->must_resolve && episode >= 1 ? 1.0 : fcr);
    if (Add(c) < 0) return res;
    res.any = true;
    res.end = t;
    res.resolved = c.resolved;
    return res;
  }
  Evidence(c, false);
  const int vm = Add(c);
  if (vm < 0) return res;
  res.any = true;
  res.end = t;
  if (!rng_.Chance(0.8)) return res;
  const int32_t at = t + static_cast<int32_t>(DrawSpan(rng_, kCallback));
  ContactPlan back = Agent(c, vm, Msg::kCallback, at);
  back.resolved = CanResolve(at) && rng_.Chance(ResolveChance(episode));
  back.thread = 0;
  back.thread_kind = ThreadKind::kNone;
  if (Add(back) < 0) return res;
  res.end = at;
  res.resolved = back.resolved;
  return res;
}

void Planner::OutageJourney(int32_t t) {
  const Wave& wave = config_.waves[inquiry_->incident - 1];
  Channel ch = PickOutageChannel();
  agent_ = static_cast<uint16_t>(
      1 + rng_.Below(static_cast<uint64_t>(config_.agents)));
  stage_ = Msg::kOpen;
  int slot = SlotFor(ch);
  ContactPlan c = Customer(ch, slot, Msg::kOpen, t);
  const bool social = ch == Channel::kTwitter || ch == Channel::kFacebook ||
                      ch == Channel::kInstagram;
  c.is_public = social && rng_.Chance(ch == Channel::kTwitter ? 0.92 : 0.6);
  c.brand_lead = c.is_public && config_.traps &&
                 rng_.Chance(ch == Channel::kTwitter ? 0.9 : 0.3);
  if (ch == Channel::kWebChat || ch == Channel::kEmail) {
    c.thread = ++threads_;
    c.thread_kind =
        ch == Channel::kEmail ? ThreadKind::kEmail : ThreadKind::kChat;
  }
  if (ch == Channel::kVoice) {
    c.msg = Msg::kCall;
    c.agent = agent_;
  }
  Evidence(c, ch == Channel::kVoice);
  NoteHotline(c);
  int last = Add(c);
  if (last < 0) return;
  int32_t end = t;
  if (ch != Channel::kVoice && rng_.Chance(0.15)) {
    ContactPlan more = c;
    more.msg = Msg::kMore;
    more.at = t + static_cast<int32_t>(rng_.Range(3 * kMinute, 50 * kMinute));
    more.mentioned = 0;
    more.captured = 0;
    const int m = Add(more);
    if (m >= 0) {
      last = m;
      end = more.at;
    }
  }
  bool answered = false;
  if (ch != Channel::kVoice && rng_.Chance(0.7)) {
    static constexpr Span kAware[] = {{40, 3 * kMinute, 30 * kMinute},
                                      {40, 30 * kMinute, 2 * kHour},
                                      {20, 2 * kHour, 5 * kHour}};
    const int32_t at = end + static_cast<int32_t>(DrawSpan(rng_, kAware));
    if (at < wave.end) {
      ContactPlan a = Agent(plan_.contacts[last], last, Msg::kOutageAware, at);
      if (Add(a) >= 0) {
        end = at;
        answered = true;
      }
    }
  }
  // Some chase while it is still down.
  if (rng_.Chance(0.3)) {
    const int32_t at =
        end + static_cast<int32_t>(rng_.Range(1 * kHour, 4 * kHour));
    if (at < wave.end + 2 * kHour) {
      Channel next = rng_.Chance(0.7) ? ch : PickChannel(ch, true);
      stage_ = next == ch ? Msg::kFollowUp : Msg::kSwitch;
      ContactPlan f = Customer(next, next == ch ? slot : SlotFor(next),
                               next == ch ? Msg::kFollowUp : Msg::kSwitch, at);
      f.prev_channel = static_cast<uint8_t>(ch);
      f.is_public = next == ch && c.is_public;
      f.brand_lead = f.is_public && c.brand_lead;
      if (next == Channel::kVoice) {
        f.msg = Msg::kCall;
        f.agent = agent_;
      }
      if (next == Channel::kEmail || next == Channel::kWebChat) {
        f.thread = ++threads_;
        f.thread_kind =
            next == Channel::kEmail ? ThreadKind::kEmail : ThreadKind::kChat;
      }
      if (next == ch && answered && rng_.Chance(0.5)) {
        f.reply_to = static_cast<int16_t>(last_agent_);
        f.thread = plan_.contacts[last_agent_].thread;
        f.thread_kind = plan_.contacts[last_agent_].thread_kind;
      }
      Evidence(f, next == Channel::kVoice);
      NoteHotline(f);
      const int fi = Add(f);
      if (fi >= 0) {
        last = fi;
        end = at;
      }
    }
  }
  // Service comes back; many get told so.
  const ContactPlan to = plan_.contacts[last];
  if (to.channel != Channel::kVoice && rng_.Chance(0.55)) {
    const int32_t at =
        std::max(end + 5 * kMinute,
                 wave.end + static_cast<int32_t>(rng_.Range(0, 3 * kHour)));
    ContactPlan a = Agent(to, last, Msg::kOutageRestored, at);
    const int ai = Add(a);
    if (ai >= 0) {
      inquiry_->resolved = true;
      if (rng_.Chance(0.12)) {
        const int32_t th =
            at + static_cast<int32_t>(rng_.Range(5 * kMinute, 4 * kHour));
        ContactPlan thanks =
            Customer(a.channel, a.contact_slot, Msg::kThanks, th);
        thanks.is_public = a.is_public;
        thanks.reply_to = static_cast<int16_t>(ai);
        thanks.thread = a.thread;
        thanks.thread_kind = a.thread_kind;
        Add(thanks);
      }
    }
  } else if (to.channel == Channel::kVoice) {
    inquiry_->resolved = false;
  }
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

}  // namespace

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
