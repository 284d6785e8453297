// The Planner's evidence: what in a contact ties its address to the
// person's other addresses (an identity an agent captures, an address or
// account number the customer writes in), and which of their addresses a
// person gives.
#include <cstdint>

#include "sim/journey.h"
#include "sim/people.h"
#include "sim/planner.h"
#include "threadline/types.h"

namespace threadline::sim {

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

}  // namespace threadline::sim
