// What customers write and say: an inbound message by what it is for
// (stating the problem, chasing, switching channel, the details asked for,
// thanks), dressed as an email or written casually with the odd typo, and
// the notes or transcript of a call.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "absl/strings/str_cat.h"
#include "sim/journey.h"
#include "sim/phrases.h"
#include "sim/text_util.h"
#include "sim/text_writer.h"
#include "threadline/types.h"

namespace threadline::sim {
namespace texts_internal {

void Writer::Customer(std::string* out) {
  std::string body;
  const bool email_like = contact_.channel == Channel::kEmail ||
                          contact_.channel == Channel::kWebForm;
  uint16_t mentions = contact_.mentioned;
  switch (contact_.msg) {
    case Msg::kOpen:
      // An email has its own greeting line.
      if (!email_like && rng_.Chance(0.3)) {
        Expand(phrases_.greet.Pick(rng_), &body);
        const bool comma = rng_.Chance(0.5);
        body.append(comma ? ", " : ". ");
        const size_t at = body.size();
        Problem(&body);
        if (comma) LowerFirstWord(&body, at);
      } else {
        Problem(&body);
      }
      EndSentence(&body, rng_.Chance(0.85) ? '.' : '!');
      if (!Wave() && rng_.Chance(email_like ? 0.7 : 0.4)) {
        Sentence(banks_.detail.Pick(rng_), &body);
      }
      if (rng_.Chance(0.3)) Sentence(phrases_.feeling.Pick(rng_), &body);
      if (rng_.Chance(0.4)) Sentence(phrases_.ask.Pick(rng_), &body);
      break;
    case Msg::kReopen:
      Sentence(phrases_.reopen.Pick(rng_), &body);
      if (rng_.Chance(0.6)) ProblemSentence(&body);
      if (rng_.Chance(0.4)) Sentence(phrases_.feeling.Pick(rng_), &body);
      break;
    case Msg::kFollowUp:
      if (Wave()) {
        Sentence(phrases_.outage_follow.Pick(rng_), &body);
        break;
      }
      Sentence(phrases_.follow.Pick(rng_), &body);
      {
        const double u = rng_.Unit();
        if (u < 0.35) {
          ProblemSentence(&body);
        } else if (u < 0.8) {
          Sentence(phrases_.chaser.Pick(rng_), &body);
        } else {
          Sentence(banks_.detail.Pick(rng_), &body);
        }
      }
      if (rng_.Chance(0.25)) Sentence(phrases_.feeling.Pick(rng_), &body);
      break;
    case Msg::kSwitch: {
      const Channel prev = static_cast<Channel>(contact_.prev_channel);
      if (prev == Channel::kVoice) {
        Sentence(phrases_.called_before.Pick(rng_), &body);
      } else if (prev != Channel::kUnspecified) {
        Sentence(phrases_.switch_to.Pick(rng_), &body);
      } else {
        Sentence(phrases_.follow.Pick(rng_), &body);
      }
      if (Wave()) {
        Sentence(phrases_.outage_follow.Pick(rng_), &body);
      } else if (rng_.Chance(0.55)) {
        ProblemSentence(&body);
      } else {
        Sentence(phrases_.chaser.Pick(rng_), &body);
      }
      if (rng_.Chance(0.2)) Sentence(phrases_.feeling.Pick(rng_), &body);
      break;
    }
    case Msg::kMore:
      Sentence(
          Wave() ? phrases_.outage_follow.Pick(rng_) : phrases_.more.Pick(rng_),
          &body);
      break;
    case Msg::kDetails: {
      // "As requested:" announces data; without any, it is left out.
      const std::string_view intro = phrases_.details_intro.Pick(rng_);
      if (mentions != 0 || intro.empty() || intro.back() != ':') {
        Sentence(intro, &body);
      }
      if (mentions != 0) {
        Mentions(mentions, &body);
        mentions = 0;
      } else if ((inquiry_.matter == Matter::kDelivery ||
                  inquiry_.matter == Matter::kRefund) &&
                 rng_.Chance(0.6)) {
        Sentence(lang_ == Lang::kEs ? "El pedido es {order}."
                                    : "The order is {order}.",
                 &body);
      } else {
        Sentence(phrases_.details_plain.Pick(rng_), &body);
      }
      break;
    }
    case Msg::kChatLine:
      Sentence(phrases_.chat_line.Pick(rng_), &body);
      break;
    case Msg::kVoicemail:
      Sentence(phrases_.voicemail.Pick(rng_), &body);
      break;
    case Msg::kThanks:
      Sentence(phrases_.thanks.Pick(rng_), &body);
      break;
    default:
      Problem(&body);
      break;
  }
  Mentions(mentions, &body);
  if (contact_.hotline) Sentence(phrases_.hotline.Pick(rng_), &body);
  if (ctx_.messy && email_like && rng_.Chance(0.015)) {
    Sentence(phrases_.brand_email.Pick(rng_), &body);
  }

  Tidy(&body);
  const bool spanish = lang_ == Lang::kEs;
  if (email_like) {
    std::string email;
    Expand(phrases_.email_greeting.Pick(rng_), &email);
    email.append("\n\n");
    email.append(body);
    if (rng_.Chance(0.75)) {
      email.append("\n\n");
      Expand(phrases_.email_signoff.Pick(rng_), &email);
    }
    // Replies carry the message they answer, quoted.
    if (contact_.reply_to >= 0 &&
        plan_.contacts[contact_.reply_to].direction == Direction::kOutbound &&
        rng_.Chance(0.5)) {
      std::string quoted;
      // Only customers quote, and only agents are quoted: no recursion.
      Writer(ctx_, contact_.reply_to).Write(&quoted);
      email.append("\n\n");
      Expand(phrases_.email_quote.Pick(rng_), &email);
      email.append("\n> ");
      for (char ch : quoted) {
        email.push_back(ch);
        if (ch == '\n') email.append("> ");
      }
    }
    body.swap(email);
  } else if (contact_.channel != Channel::kVoice) {
    Casual(&body);
  }
  if (spanish && rng_.Chance(0.65)) {
    // Phone keyboards: no accents, often no ñ or ¿¡ either.
    StripAccentsInPlace(&body, rng_.Chance(0.3), rng_.Chance(0.8));
  }
  if (contact_.is_public) {
    if (contact_.brand_lead) {
      const std::string& handle = contact_.channel == Channel::kInstagram
                                      ? ctx_.brand->instagram
                                      : ctx_.brand->twitter;
      body = absl::StrCat("@", handle, " ", body);
    } else if (rng_.Chance(0.08)) {
      Sentence(phrases_.brand_tag_end.Pick(rng_), &body);
    }
    if (contact_.channel == Channel::kTwitter && body.size() > 280) {
      size_t cut = body.rfind(' ', 276);
      if (cut == std::string::npos) cut = 276;
      body.resize(cut);
    }
  }
  out->append(body);
}

void Writer::CallNotes(std::string* out) {
  if (ctx_.messy && rng_.Chance(0.004)) return;  // no notes were taken
  std::string body;
  const double style = rng_.Unit();
  if (style < 0.15) {
    Expand(phrases_.transcript.Pick(rng_), &body);
  } else {
    const Bank* bank = &phrases_.call_open;
    if (contact_.stage == Msg::kFollowUp || contact_.stage == Msg::kReopen) {
      bank = &phrases_.call_again;
    } else if (contact_.stage == Msg::kSwitch) {
      bank = &phrases_.call_switch;
    }
    std::string_view templ = bank->Pick(rng_);
    // Expand {outcome} and {action} and {caller} here: they are not slots.
    size_t i = 0;
    while (i < templ.size()) {
      const size_t open = templ.find('{', i);
      if (open == std::string_view::npos) {
        body.append(templ.substr(i));
        break;
      }
      body.append(templ.substr(i, open - i));
      const size_t close = templ.find('}', open);
      const std::string_view name = templ.substr(open + 1, close - open - 1);
      if (name == "outcome") {
        const Bank& b = contact_.resolved ? phrases_.call_fixed
                        : Wave()          ? phrases_.call_outage
                                          : phrases_.call_pending;
        Expand(b.Pick(rng_), &body);
      } else if (name == "action") {
        Expand(phrases_.call_action.Pick(rng_), &body);
      } else if (name == "caller") {
        Expand(phrases_.caller.Pick(rng_), &body);
      } else {
        Slot(name, &body);
      }
      i = close + 1;
    }
  }
  // Empty actions leave double spaces and a trailing space behind.
  std::string clean;
  for (char ch : body) {
    if (ch == ' ' && !clean.empty() && clean.back() == ' ') continue;
    clean.push_back(ch);
  }
  while (!clean.empty() && clean.back() == ' ') clean.pop_back();
  Tidy(&clean);
  Mentions(contact_.mentioned, &clean);
  if (lang_ == Lang::kEs && rng_.Chance(0.2)) {
    StripAccentsInPlace(&clean, false, true);
  }
  out->append(clean);
}

void Writer::Casual(std::string* text) {
  if (text->empty()) return;
  if (rng_.Chance(0.12)) LowerAscii(text);
  if (text->back() == '.' && rng_.Chance(0.5)) text->pop_back();
  if (rng_.Chance(0.08) && text->back() != '?' && text->back() != '!') {
    if (text->back() == '.') text->pop_back();
    text->append(rng_.Chance(0.5) ? "!!" : "??");
  }
  if (rng_.Chance(0.1)) {
    text->push_back(' ');
    const std::string_view emoji = phrases_.emoji.Pick(rng_);
    text->append(emoji.data(), emoji.size());
  }
  if (lang_ == Lang::kEn && rng_.Chance(0.1)) {
    const size_t at = text->find("please");
    if (at != std::string::npos) text->replace(at, 6, "pls");
  }
  if (lang_ == Lang::kEs && rng_.Chance(0.1)) {
    const size_t at = text->find(" que ");
    if (at != std::string::npos) text->replace(at, 5, " q ");
  }
  if (ctx_.messy && rng_.Chance(0.03)) Typo(text);
}

// Typo: two neighbouring ASCII letters swapped somewhere in the text.
void Writer::Typo(std::string* text) {
  if (text->size() < 8) return;
  for (int tries = 0; tries < 5; ++tries) {
    const size_t i = 2 + rng_.Below(text->size() - 4);
    char& a = (*text)[i];
    char& b = (*text)[i + 1];
    if (a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z' && a != b) {
      std::swap(a, b);
      return;
    }
  }
}

}  // namespace texts_internal
}  // namespace threadline::sim
