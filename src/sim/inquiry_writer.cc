// Writing an inquiry: each of its contacts as the interaction a host hands
// over (the address as written, the identities captured, the text, thread
// and ticket references, topic, agent, language, region, display name),
// with its ground truth, packed, and counted in the statistics.
#include "sim/inquiry_writer.h"

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/time/time.h"
#include "sim/journey.h"
#include "sim/packed.h"
#include "sim/people.h"
#include "sim/rng.h"
#include "sim/simulator.h"
#include "sim/texts.h"
#include "threadline/types.h"

namespace threadline::sim {
namespace {

enum Stream : uint64_t {
  kTextStream = 401,
  kInquiryTextStream = 402,
  kFieldStream = 403,
  kThreadStream = 404,
  kTicketStream = 405,
  kNameStream = 406,
};

const char* ThreadPrefix(ThreadKind kind) {
  switch (kind) {
    case ThreadKind::kEmail:
      return "mail-";
    case ThreadKind::kChat:
      return "chat-";
    case ThreadKind::kCall:
      return "call-";
    case ThreadKind::kDm:
      return "dm-";
    case ThreadKind::kWhatsapp:
      return "wa-";
    case ThreadKind::kNone:
      break;
  }
  return "";
}

void AppendHex16(uint64_t value, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (int shift = 60; shift >= 0; shift -= 4) {
    out->push_back(kHex[(value >> shift) & 0xF]);
  }
}

}  // namespace

void AppendDecimal(uint64_t value, int width, std::string* out) {
  char buf[24];
  int n = 0;
  do {
    buf[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (n < width) buf[n++] = '0';
  while (n > 0) out->push_back(buf[--n]);
}

void Writer::WriteInquiry(const Due& due, Part* part) {
  PlanPerson(config_, due.person, &plan_);
  const InquiryPlan& q = plan_.inquiries[due.inquiry];
  person_id_.assign("P");
  AppendDecimal(due.person + 1, 0, &person_id_);
  inquiry_id_.assign("Q");
  AppendDecimal(due.ordinal + 1, 0, &inquiry_id_);
  ticket_.clear();
  if (q.ticketed) {
    // A bijection of the ordinal: references never collide.
    const uint64_t n = AffinePermutation(due.ordinal, 7919,
                                         HashOf(options_.seed, kTicketStream),
                                         ticket_modulus_);
    ticket_.assign("TCK-");
    AppendDecimal(n, ticket_digits_, &ticket_);
  }
  text_.inquiry = &q;
  text_.text_seed = HashOf(options_.seed, due.person, kTextStream);
  text_.inquiry_seed =
      HashOf(options_.seed, due.person, kInquiryTextStream, due.inquiry);
  text_.ticket = ticket_;

  for (uint16_t index : q.contacts) {
    if (part->used == part->items.size()) {
      part->items.emplace_back();
      part->written.emplace_back();
    }
    WriteContact(due, index, &part->written[part->used],
                 &part->items[part->used], &part->stats);
    ++part->used;
  }

  SimulationStats& st = part->stats;
  ++st.inquiries;
  if (q.resolved) ++st.resolved_inquiries;
  if (q.kind == InquiryKind::kOutage && q.incident >= 1 && q.incident <= 2) {
    ++st.outage_complaints[q.incident - 1];
  }
  if (q.kind == InquiryKind::kRepeat) ++st.repeat_inquiries;
  if (q.kind == InquiryKind::kConcurrent) ++st.concurrent_inquiries;
  if (due.inquiry == 0) {
    const Profile& p = plan_.profile;
    if (p.shares_landline) ++st.landline_sharers;
    if (p.namesake) ++st.namesakes;
    if (p.linker == Linker::kSiloed) ++st.siloed_people;
  }
}

void Writer::WriteContact(const Due& due, int contact, Written* w,
                          Packed* packed, SimulationStats* stats) {
  const PersonPlan& plan = plan_;
  const Profile& p = plan.profile;
  const InquiryPlan& q = plan.inquiries[due.inquiry];
  const ContactPlan& c = plan.contacts[contact];
  Rng r(HashOf(text_.text_seed, static_cast<uint64_t>(contact), kFieldStream));
  w->arrival = c.arrival;
  w->at = c.at;
  w->person = due.person;
  w->contact = static_cast<uint16_t>(contact);
  w->reply_to = c.reply_to;

  SimulatedInteraction* out = &scratch_;
  Interaction& in = out->interaction;
  in.occurred_at = options_.start + absl::Seconds(c.at);
  in.channel = c.channel;
  in.direction = c.direction;

  // The contact: a reply goes to the address, as written, of the message
  // it answers.
  bool national = false;
  const int format_of =
      c.reply_to >= 0 &&
              plan.contacts[c.reply_to].contact_slot == c.contact_slot
          ? c.reply_to
          : contact;
  {
    Rng fr(HashOf(text_.text_seed, static_cast<uint64_t>(format_of), 77));
    const Channel format_channel = plan.contacts[format_of].channel;
    in.contact =
        FormatAddress(p, c.contact_slot, format_channel, false, fr, &national);
    if (c.channel == Channel::kWhatsapp) {
      in.contact.kind = IdentityKind::kWhatsapp;
    }
    if (c.channel != Channel::kWhatsapp &&
        in.contact.kind == IdentityKind::kWhatsapp) {
      in.contact.kind = IdentityKind::kPhone;
    }
  }

  in.identities.clear();
  for (int s = 0; s < kSlotCount; ++s) {
    if (!(c.captured & SlotBit(s))) continue;
    bool n = false;
    in.identities.push_back(FormatAddress(p, s, c.channel, true, r, &n));
    national = national || n;
    if (c.garbled & SlotBit(s)) {
      // A digit lost on the way into the CRM.
      std::string& v = in.identities.back().value;
      size_t digit = v.find_last_of("0123456789");
      const size_t skip = r.Below(4);
      for (size_t k = 0; k < skip && digit != std::string::npos && digit > 0;
           ++k) {
        digit = v.find_last_of("0123456789", digit - 1);
      }
      if (digit != std::string::npos) v.erase(digit, 1);
    }
  }
  if (!in.identities.empty() && options_.messy && r.Chance(0.04)) {
    // Hosts repeat what they know: the same identity twice, or the contact.
    in.identities.push_back(r.Chance(0.5) ? in.identities.front() : in.contact);
  }

  in.text.clear();
  if (WriteText(text_, contact, &in.text)) national = true;

  in.thread_id.clear();
  if (c.thread != 0) {
    // Unique: a bijection of (person, thread number).
    const uint64_t key =
        Mix64((static_cast<uint64_t>(due.person) << 16 | c.thread) ^
              HashOf(options_.seed, kThreadStream));
    in.thread_id.append(ThreadPrefix(c.thread_kind));
    AppendHex16(key, &in.thread_id);
  }
  in.external_ref.clear();
  if (c.ticket) in.external_ref = ticket_;
  in.topic.clear();
  if (c.channel == Channel::kVoice && c.direction == Direction::kInbound &&
      c.msg == Msg::kCall && r.Chance(0.08)) {
    // The IVR menu the caller chose.
    in.topic = MatterName(q.matter);
  }
  in.agent_id.clear();
  if (c.agent != 0) {
    in.agent_id.assign("agent-");
    AppendDecimal(c.agent, 0, &in.agent_id);
  }
  in.language.clear();
  if ((c.channel == Channel::kEmail || c.channel == Channel::kWebChat ||
       c.channel == Channel::kWebForm) &&
      r.Chance(0.25)) {
    in.language = LangCode(q.lang);
  }
  const bool phone_channel = c.channel == Channel::kVoice ||
                             c.channel == Channel::kSms ||
                             c.channel == Channel::kWhatsapp;
  in.region.clear();
  if (national || r.Chance(phone_channel ? 0.85 : 0.08)) {
    in.region = RegionCode(p.region);
  }
  in.display_name.clear();
  if (c.direction == Direction::kInbound) {
    // A profile name stays the same on one channel and address.
    double share = 0;
    switch (c.channel) {
      case Channel::kTwitter:
      case Channel::kFacebook:
      case Channel::kInstagram:
        share = 0.95;
        break;
      case Channel::kEmail:
      case Channel::kWebForm:
        share = 0.7;
        break;
      case Channel::kWebChat:
      case Channel::kWhatsapp:
        share = 0.5;
        break;
      default:
        share = 0.04;
        break;
    }
    if (r.Chance(share)) {
      Rng nr(HashOf(text_.text_seed, static_cast<uint64_t>(c.channel),
                    c.contact_slot, kNameStream));
      in.display_name = DisplayName(p, nr, options_.messy);
    }
  }
  in.disposition =
      c.resolved ? Disposition::kResolved : Disposition::kUnspecified;

  out->person = person_id_;
  out->inquiry = inquiry_id_;
  out->incident.clear();
  if (q.incident != 0) {
    out->incident.assign("INC");
    AppendDecimal(q.incident, 0, &out->incident);
  }
  out->linkable = c.linkable;
  out->matter = MatterName(q.matter);
  out->language = LangCode(q.lang);

  SimulationStats& st = *stats;
  ++st.interactions;
  ++st.by_channel[static_cast<int>(c.channel)];
  if (c.direction == Direction::kInbound) ++st.inbound;
  if (q.lang == Lang::kEn) {
    ++st.english;
  } else {
    ++st.spanish;
  }
  if (!c.linkable) ++st.unlinkable;
  if (c.late) ++st.late;
  if (c.brand_lead) ++st.brand_handle_posts;
  if (c.hotline) ++st.hotline_quotes;
  if (c.contact_slot == kWithheld) ++st.withheld_calls;
  Pack(scratch_, packed);
}

}  // namespace threadline::sim
