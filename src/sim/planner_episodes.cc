// The Planner's episodes: one stretch of an inquiry on one channel, from
// the customer's first message there to the brand's last answer: a post
// (public, then private messages), an SMS or WhatsApp exchange, an email
// thread or web form, a chat session, a call or a voicemail and its
// callback.
#include <cstdint>

#include "sim/journey.h"
#include "sim/people.h"
#include "sim/planner.h"
#include "sim/rng.h"
#include "threadline/types.h"

namespace threadline::sim {

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

}  // namespace threadline::sim
