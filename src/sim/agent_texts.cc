// What agents answer: an acknowledgement, a request for details, progress,
// an escalation, the fix, outage notices, a callback; with the ticket
// reference, and dressed as an email or signed on a social network.
#include <cstddef>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "sim/journey.h"
#include "sim/phrases.h"
#include "sim/text_util.h"
#include "sim/text_writer.h"
#include "sim/texts.h"
#include "threadline/types.h"

namespace threadline::sim {
namespace texts_internal {
namespace {

bool IsSocial(Channel ch) {
  return ch == Channel::kTwitter || ch == Channel::kFacebook ||
         ch == Channel::kInstagram;
}

}  // namespace

void Writer::Agent(std::string* out) {
  std::string body;
  bool with_ticket = false;
  switch (contact_.msg) {
    case Msg::kAck:
      Expand(phrases_.ack.Pick(rng_), &body);
      with_ticket = contact_.ticket;
      break;
    case Msg::kAskDm:
      Expand(phrases_.ask_dm.Pick(rng_), &body);
      break;
    case Msg::kAskDetails:
      if ((inquiry_.matter == Matter::kDelivery ||
           inquiry_.matter == Matter::kRefund) &&
          rng_.Chance(0.6)) {
        Expand(phrases_.ask_order.Pick(rng_), &body);
      } else {
        Expand(phrases_.ask_details.Pick(rng_), &body);
      }
      break;
    case Msg::kWorking:
      Expand(phrases_.working.Pick(rng_), &body);
      with_ticket = contact_.ticket;
      break;
    case Msg::kEscalated:
      Expand(phrases_.escalated.Pick(rng_), &body);
      with_ticket = contact_.ticket;
      break;
    case Msg::kResolved:
      if (rng_.Chance(0.3)) {
        Expand(phrases_.ack.Pick(rng_), &body);
        body.push_back(' ');
      }
      Expand(banks_.fix.Pick(rng_), &body);
      if ((inquiry_.matter == Matter::kBilling ||
           inquiry_.matter == Matter::kRefund ||
           inquiry_.matter == Matter::kLogin ||
           inquiry_.matter == Matter::kPayment) &&
          rng_.Chance(0.12)) {
        Sentence(phrases_.masked_confirmation.Pick(rng_), &body);
      }
      Sentence(phrases_.closing.Pick(rng_), &body);
      with_ticket = contact_.ticket && rng_.Chance(0.3);
      break;
    case Msg::kOutageAware:
      Expand(phrases_.outage_aware.Pick(rng_), &body);
      break;
    case Msg::kOutageRestored:
      Expand(phrases_.outage_restored.Pick(rng_), &body);
      break;
    case Msg::kPrivacy:
      Expand(phrases_.privacy.Pick(rng_), &body);
      break;
    case Msg::kChatGreeting:
      Expand(phrases_.greeting.Pick(rng_), &body);
      break;
    case Msg::kCallback: {
      std::string_view templ = phrases_.callback.Pick(rng_);
      const size_t at = templ.find("{outcome}");
      Expand(templ.substr(0, at), &body);
      Expand((contact_.resolved ? phrases_.callback_fixed
                                : phrases_.callback_pending)
                 .Pick(rng_),
             &body);
      if (at != std::string_view::npos) Expand(templ.substr(at + 9), &body);
      break;
    }
    default:
      Expand(phrases_.ack.Pick(rng_), &body);
      break;
  }
  if (with_ticket && !ctx_.ticket.empty()) {
    Sentence(phrases_.ticket.Pick(rng_), &body);
  }
  if (contact_.msg != Msg::kCallback && rng_.Chance(0.05)) {
    Sentence(phrases_.agent_hotline.Pick(rng_), &body);
  }
  if (contact_.channel == Channel::kEmail) {
    std::string email;
    Expand(phrases_.agent_email_open.Pick(rng_), &email);
    email.append("\n\n");
    email.append(body);
    email.append("\n\n");
    Expand(phrases_.agent_email_close.Pick(rng_), &email);
    body.swap(email);
  } else if (IsSocial(contact_.channel)) {
    if (contact_.is_public && contact_.channel == Channel::kTwitter) {
      body = absl::StrCat("@", person_.twitter, " ", body);
    }
    if (rng_.Chance(0.35)) {
      const std::string name = AgentName(contact_.agent);
      absl::StrAppend(&body, " ^", name.substr(0, 1),
                      name.substr(name.size() - 2, 1));
    }
  }
  Tidy(&body);
  // Agents in a hurry skip accents too.
  if (lang_ == Lang::kEs && rng_.Chance(0.1)) {
    StripAccentsInPlace(&body, false, true);
  }
  out->append(body);
}

}  // namespace texts_internal
}  // namespace threadline::sim
