// The Planner's outage journeys: a complaint during an outage wave, mostly
// posted in public, the brand's word that it knows, a chase while the
// service is still down, and the news that it is back.
#include <algorithm>
#include <cstdint>

#include "sim/journey.h"
#include "sim/people.h"
#include "sim/planner.h"
#include "sim/rng.h"
#include "threadline/types.h"

namespace threadline::sim {

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

}  // namespace threadline::sim
