// The phrase banks the simulator composes its texts from, in English and
// Spanish. Phrases hold {slots} filled per inquiry ({amount}, {order},
// {device}, …) or per message ({v} for an address, {prev} for a channel).
// Spanish is written with its accents; what people type loses them later.
#ifndef THREADLINE_SRC_SIM_PHRASES_H_
#define THREADLINE_SRC_SIM_PHRASES_H_

#include <cstddef>
#include <string_view>

#include "sim/journey.h"
#include "sim/people.h"
#include "sim/rng.h"

namespace threadline::sim {

// Bank: a list of interchangeable phrasings.
struct Bank {
  const std::string_view* items = nullptr;
  size_t size = 0;
  std::string_view Pick(Rng& rng) const { return items[rng.Below(size)]; }
};

// MatterBanks: what is said about one matter.
struct MatterBanks {
  Bank open;         // the customer states the problem (first person)
  Bank detail;       // a further sentence of detail
  Bank note;         // the matter in an agent's call notes ("double billing")
  Bank ref;          // a noun phrase for follow-ups ("my refund")
  Bank fix;          // the agent's resolution
  const char* team;  // who handles it ("billing", "logistics")
};
const MatterBanks& MatterPhrases(Matter matter, Lang lang);

// Phrases: everything not tied to one matter.
struct Phrases {
  // The customer.
  Bank greet, feeling, ask, follow, switch_to, called_before, chaser, more,
      details_intro, details_plain, chat_line, thanks, reopen;
  Bank mention_email, mention_phone, mention_twitter, mention_instagram,
      mention_account, hotline, brand_email, brand_tag_end;
  Bank outage_open, outage_follow, outage_note;
  Bank voicemail, email_greeting, email_signoff, email_quote;
  // The agent.
  Bank ack, ask_dm, ask_details, ask_order, working, escalated, ticket, privacy,
      greeting, closing, outage_aware, outage_restored, agent_hotline,
      masked_confirmation, agent_email_open, agent_email_close;
  Bank caller, call_open, call_again, call_switch, call_action, call_fixed,
      call_pending, call_outage, callback, callback_fixed, callback_pending,
      transcript;
  // Slot values.
  Bank when, when_past, weekday, month, item, device, plan, count, nth, emoji;
  // How a channel is named in "I already wrote to you on …".
  const char* channel_name[kChannelCount];
};
const Phrases& GenericPhrases(Lang lang);

// Cities people name, by region.
const Bank& Cities(Region region);

}  // namespace threadline::sim

#endif  // THREADLINE_SRC_SIM_PHRASES_H_
