#include "sim/simulator.h"

#include <algorithm>
#include <queue>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "sim/journey.h"
#include "sim/people.h"
#include "sim/rng.h"
#include "sim/texts.h"

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

constexpr int32_t kDay = 86400;

const char* IdPrefix(Channel channel) {
  switch (channel) {
    case Channel::kVoice:
      return "vo";
    case Channel::kSms:
      return "sm";
    case Channel::kEmail:
      return "em";
    case Channel::kWebChat:
      return "ch";
    case Channel::kTwitter:
      return "tw";
    case Channel::kFacebook:
      return "fb";
    case Channel::kInstagram:
      return "ig";
    case Channel::kWhatsapp:
      return "wa";
    case Channel::kWebForm:
      return "wf";
    default:
      return "ot";
  }
}

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

Brand MakeBrand(const std::string& name) {
  std::string clean;
  for (char c : name) {
    if (absl::ascii_isalnum(static_cast<unsigned char>(c))) clean += c;
  }
  if (clean.empty()) clean = "Acme";
  Brand brand;
  brand.name = clean;
  brand.twitter = absl::StrCat(clean, "Care");
  brand.instagram = absl::StrCat(absl::AsciiStrToLower(clean), ".care");
  brand.email = absl::StrCat("support@", absl::AsciiStrToLower(clean), ".com");
  return brand;
}

std::vector<Identity> OwnIdentitiesOf(const Brand& brand) {
  return {
      {IdentityKind::kTwitter, absl::StrCat("@", brand.twitter)},
      {IdentityKind::kInstagram, absl::StrCat("@", brand.instagram)},
      {IdentityKind::kEmail, brand.email},
      {IdentityKind::kPhone, "+1 800 555 0199"},
      {IdentityKind::kPhone, "+57 1 8000 555019"},
      {IdentityKind::kPhone, "+52 800 555 0199"},
      {IdentityKind::kPhone, "+34 900 550 199"},
  };
}

// Due: an inquiry and when its first contact happens.
struct Due {
  int32_t start;
  uint32_t person;
  uint32_t ordinal;  // global inquiry number, for its "Q" id and ticket
  uint8_t inquiry;   // index within the person
};

// Inquiries written per batch. The output does not depend on it (ids follow
// the inquiries' order, and the heap's order is total); it only sets how
// much work one helper thread gets at a time.
constexpr size_t kBatch = 1024;

// AppendDecimal: `value` zero-padded to `width` digits (snprintf costs more
// than the rest of an id).
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

void AppendHex16(uint64_t value, std::string* out) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (int shift = 60; shift >= 0; shift -= 4) {
    out->push_back(kHex[(value >> shift) & 0xF]);
  }
}

void AddStats(const SimulationStats& from, SimulationStats* to) {
  to->inquiries += from.inquiries;
  to->interactions += from.interactions;
  to->inbound += from.inbound;
  to->resolved_inquiries += from.resolved_inquiries;
  for (int c = 0; c < kChannelCount; ++c) {
    to->by_channel[c] += from.by_channel[c];
  }
  to->english += from.english;
  to->spanish += from.spanish;
  to->unlinkable += from.unlinkable;
  to->late += from.late;
  to->outage_complaints[0] += from.outage_complaints[0];
  to->outage_complaints[1] += from.outage_complaints[1];
  to->repeat_inquiries += from.repeat_inquiries;
  to->concurrent_inquiries += from.concurrent_inquiries;
  to->landline_sharers += from.landline_sharers;
  to->namesakes += from.namesakes;
  to->siloed_people += from.siloed_people;
  to->brand_handle_posts += from.brand_handle_posts;
  to->hotline_quotes += from.hotline_quotes;
  to->withheld_calls += from.withheld_calls;
}

// Packed: a written interaction waiting in the heap, its strings back to
// back in one buffer. Tens of thousands wait at once; one contiguous buffer
// each keeps them in cache, where whole SimulatedInteractions would not fit.
struct Packed {
  std::string blob;
  absl::Time occurred_at;
  // Its id and that of what it answers, given when the batch is merged.
  uint32_t id = 0;
  uint32_t reply_to = 0;
  Channel reply_channel = Channel::kUnspecified;  // kUnspecified for none
  Channel channel = Channel::kUnspecified;
  Direction direction = Direction::kUnspecified;
  IdentityKind contact_kind = IdentityKind::kUnspecified;
  Disposition disposition = Disposition::kUnspecified;
  bool linkable = true;
  uint8_t identities = 0;
  IdentityKind identity_kind[kSlotCount + 2] = {};
};

// The strings of an interaction, in the order they are packed (ids are
// given later, outside).
template <typename S, typename F>
void ForEachString(S& s, F f) {
  auto& in = s.interaction;
  f(in.contact.value);
  f(in.text);
  f(in.thread_id);
  f(in.external_ref);
  f(in.topic);
  f(in.agent_id);
  f(in.language);
  f(in.region);
  f(in.display_name);
  f(s.person);
  f(s.inquiry);
  f(s.incident);
  f(s.matter);
  f(s.language);
}

void AppendLength(size_t n, std::string* out) {
  // Little-endian, 4 bytes: texts may be long.
  for (int i = 0; i < 4; ++i) {
    out->push_back(static_cast<char>((n >> (8 * i)) & 0xFF));
  }
}

size_t ReadLength(const std::string& blob, size_t* pos) {
  size_t n = 0;
  for (int i = 0; i < 4; ++i) {
    n |= static_cast<size_t>(static_cast<unsigned char>(blob[*pos + i]))
         << (8 * i);
  }
  *pos += 4;
  return n;
}

void Pack(const SimulatedInteraction& s, Packed* p) {
  p->blob.clear();
  ForEachString(s, [p](const std::string& field) {
    AppendLength(field.size(), &p->blob);
    p->blob.append(field);
  });
  const Interaction& in = s.interaction;
  p->identities = static_cast<uint8_t>(
      std::min<size_t>(in.identities.size(), kSlotCount + 2));
  for (size_t i = 0; i < p->identities; ++i) {
    p->identity_kind[i] = in.identities[i].kind;
    AppendLength(in.identities[i].value.size(), &p->blob);
    p->blob.append(in.identities[i].value);
  }
  p->occurred_at = in.occurred_at;
  p->channel = in.channel;
  p->direction = in.direction;
  p->contact_kind = in.contact.kind;
  p->disposition = in.disposition;
  p->linkable = s.linkable;
}

void Unpack(const Packed& p, SimulatedInteraction* s) {
  size_t pos = 0;
  ForEachString(*s, [&p, &pos](std::string& field) {
    const size_t n = ReadLength(p.blob, &pos);
    field.assign(p.blob, pos, n);
    pos += n;
  });
  Interaction& in = s->interaction;
  in.identities.resize(p.identities);
  for (size_t i = 0; i < p.identities; ++i) {
    in.identities[i].kind = p.identity_kind[i];
    const size_t n = ReadLength(p.blob, &pos);
    in.identities[i].value.assign(p.blob, pos, n);
    pos += n;
  }
  in.occurred_at = p.occurred_at;
  in.channel = p.channel;
  in.direction = p.direction;
  in.contact.kind = p.contact_kind;
  in.disposition = p.disposition;
  s->linkable = p.linkable;
}

// Written: where and when a written interaction goes, before it has an id.
struct Written {
  int32_t arrival = 0;
  int32_t at = 0;
  uint32_t person = 0;
  uint16_t contact = 0;
  int16_t reply_to = -1;  // contact index of what it answers
};

// Part: what one writer wrote of a batch, in inquiry order. Its buffers are
// kept from batch to batch.
struct Part {
  std::vector<Packed> items;
  std::vector<Written> written;
  size_t used = 0;
  SimulationStats stats;
};

// Writer: plans people and writes their inquiries. Each thread has its own;
// everything it reads besides is immutable.
class Writer {
 public:
  Writer(const SimulatorOptions& options, const JourneyConfig& config,
         const Brand& brand, int64_t start_unix, uint64_t ticket_modulus,
         int ticket_digits)
      : options_(options),
        config_(config),
        ticket_modulus_(ticket_modulus),
        ticket_digits_(ticket_digits) {
    text_.plan = &plan_;
    text_.brand = &brand;
    text_.window_start_unix = start_unix;
    text_.messy = options.messy;
  }

  // WriteInquiry: appends the interactions of `due`'s inquiry to *part, in
  // the inquiry's order.
  void WriteInquiry(const Due& due, Part* part);

 private:
  void WriteContact(const Due& due, int contact, Written* w, Packed* packed,
                    SimulationStats* stats);

  const SimulatorOptions& options_;
  const JourneyConfig& config_;
  uint64_t ticket_modulus_;
  int ticket_digits_;
  PersonPlan plan_;
  TextContext text_;
  std::string person_id_, inquiry_id_, ticket_;
  SimulatedInteraction scratch_;  // written here, then packed
};

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

}  // namespace

class Simulator::Impl {
 public:
  explicit Impl(const SimulatorOptions& options);
  ~Impl();
  const SimulatedInteraction* Next();

  std::vector<Identity> own;
  SimulationStats stats;

 private:
  // Pending: a written interaction waiting for its turn.
  struct Pending {
    int32_t arrival;
    int32_t at;
    uint32_t person;
    uint16_t contact;
    uint32_t slot;  // in pool_
  };
  // Later: the heap order. Arrival, then time, then person and position: a
  // total order, so the output never depends on the heap's implementation.
  struct Later {
    bool operator()(const Pending& a, const Pending& b) const {
      if (a.arrival != b.arrival) return a.arrival > b.arrival;
      if (a.at != b.at) return a.at > b.at;
      if (a.person != b.person) return a.person > b.person;
      return a.contact > b.contact;
    }
  };
  // Batch: the output of writing one batch of inquiries, one part per
  // writer.
  struct Batch {
    std::vector<Part> parts;
  };

  // Produce: writes batch `b` (the inquiries due_[b * kBatch, …)) into
  // *out, split among the writers, the first share on the calling thread.
  void Produce(size_t b, Batch* out);
  // Merge: gives a written batch its ids, in inquiry order, and queues its
  // interactions. Writing an inquiry early is harmless: the heap still
  // releases its interactions at their arrival time.
  void Merge(Batch* batch);
  // ProducerLoop: with threads > 1, writes batches ahead of Next().
  void ProducerLoop();
  static void AppendId(Channel channel, uint32_t number, std::string* out);

  SimulatorOptions options_;
  JourneyConfig config_;
  Brand brand_;
  int64_t start_unix_ = 0;
  std::vector<Due> due_;
  size_t batches_ = 0;
  size_t next_batch_ = 0;  // the next batch Next() merges

  std::vector<std::unique_ptr<Writer>> writers_;
  // Ids by contact index, one inquiry at a time.
  std::vector<std::pair<Channel, uint32_t>> ids_;
  std::vector<Packed> pool_;
  std::vector<uint32_t> free_;
  std::priority_queue<Pending, std::vector<Pending>, Later> heap_;
  int64_t counters_[kChannelCount] = {};
  SimulatedInteraction current_;  // what Next() lends out

  // Pipelining (threads > 1): a producer thread writes batches into a ring
  // while Next() merges them in order.
  static constexpr size_t kRing = 3;
  Batch ring_[kRing];
  absl::Mutex mu_;
  size_t produced_ ABSL_GUARDED_BY(mu_) = 0;  // batches written so far
  size_t merged_ ABSL_GUARDED_BY(mu_) = 0;    // batches merged so far
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  std::thread producer_;
  Batch inline_;  // the batch buffer without a producer thread
};

Simulator::Impl::Impl(const SimulatorOptions& options) : options_(options) {
  brand_ = MakeBrand(options.brand);
  own = OwnIdentitiesOf(brand_);
  const int days = std::max(1, std::min(options.days, 20000));
  const int64_t customers =
      std::max<int64_t>(0, std::min<int64_t>(options.customers, 2000000000));
  config_.seed = options.seed;
  config_.customers = customers;
  config_.window_seconds = days * kDay;
  start_unix_ = absl::ToUnixSeconds(options.start);
  int64_t phase = start_unix_ % kDay;
  if (phase < 0) phase += kDay;
  config_.start_phase = static_cast<int32_t>(phase);
  config_.siloed_share = std::clamp(options.siloed_share, 0.0, 1.0);
  config_.outage_share = std::clamp(options.outage_share, 0.0, 1.0);
  config_.late_share = std::clamp(options.late_share, 0.0, 1.0);
  config_.traps = options.traps;
  config_.messy = options.messy;
  config_.withheld = options.withheld_calls;
  // A contact centre grows with its customers.
  config_.agents =
      static_cast<int>(std::min<int64_t>(400, 12 + customers / 50));
  if (options.outages) {
    config_.waves = WavesFor(options.seed, config_.window_seconds);
  }

  // Pass 1: when each inquiry starts. Cheap: no profiles, no contacts.
  ScheduleEntry entries[kMaxInquiries];
  due_.reserve(static_cast<size_t>(customers) * 7 / 4);
  uint32_t ordinal = 0;
  for (int64_t i = 0; i < customers; ++i) {
    const int n = Schedule(config_, static_cast<uint32_t>(i), entries);
    for (int k = 0; k < n; ++k) {
      due_.push_back(Due{entries[k].start, static_cast<uint32_t>(i), ordinal++,
                         static_cast<uint8_t>(k)});
    }
  }
  std::sort(due_.begin(), due_.end(), [](const Due& a, const Due& b) {
    if (a.start != b.start) return a.start < b.start;
    return a.ordinal < b.ordinal;
  });
  batches_ = (due_.size() + kBatch - 1) / kBatch;
  uint64_t ticket_modulus = 10000000;
  int ticket_digits = 7;
  while (ticket_modulus < ordinal) {
    ticket_modulus *= 10;
    ++ticket_digits;
  }
  stats.people = customers;

  // With threads > 1, one thread produces batches (helped by threads - 2
  // more) while the caller's thread merges and hands them out.
  const int threads = std::max(1, std::min(options.threads, 64));
  const int writers = threads == 1 ? 1 : threads - 1;
  for (int i = 0; i < writers; ++i) {
    writers_.push_back(std::make_unique<Writer>(
        options_, config_, brand_, start_unix_, ticket_modulus, ticket_digits));
  }
  if (threads > 1 && batches_ > 0) {
    producer_ = std::thread([this] { ProducerLoop(); });
  }
}

Simulator::Impl::~Impl() {
  if (producer_.joinable()) {
    {
      absl::MutexLock lock(&mu_);
      stop_ = true;
    }
    producer_.join();
  }
}

void Simulator::Impl::AppendId(Channel channel, uint32_t number,
                               std::string* out) {
  out->append(IdPrefix(channel));
  out->push_back('-');
  AppendDecimal(number, 7, out);
}

void Simulator::Impl::Produce(size_t b, Batch* out) {
  const size_t begin = b * kBatch;
  const size_t end = std::min(due_.size(), begin + kBatch);
  const size_t n = writers_.size();
  out->parts.resize(n);
  // Writer k takes the k-th contiguous share, so reading the parts in turn
  // reads the inquiries in order.
  auto work = [this, begin, end, n, out](size_t k) {
    Part& part = out->parts[k];
    part.used = 0;
    part.stats = SimulationStats();
    const size_t lo = begin + (end - begin) * k / n;
    const size_t hi = begin + (end - begin) * (k + 1) / n;
    for (size_t i = lo; i < hi; ++i) writers_[k]->WriteInquiry(due_[i], &part);
  };
  if (n == 1) {
    work(0);
    return;
  }
  std::vector<std::thread> helpers;
  for (size_t k = 1; k < n; ++k) helpers.emplace_back(work, k);
  work(0);
  for (std::thread& t : helpers) t.join();
}

void Simulator::Impl::ProducerLoop() {
  for (size_t b = 0; b < batches_; ++b) {
    {
      // Wait for a free place in the ring (or the end).
      absl::MutexLock lock(&mu_);
      auto room = [this, b]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
        return stop_ || b < merged_ + kRing;
      };
      mu_.Await(absl::Condition(&room));
      if (stop_) return;
    }
    Produce(b, &ring_[b % kRing]);
    absl::MutexLock lock(&mu_);
    produced_ = b + 1;
  }
}

void Simulator::Impl::Merge(Batch* batch) {
  for (Part& part : batch->parts) {
    for (size_t i = 0; i < part.used; ++i) {
      const Written& x = part.written[i];
      Packed& item = part.items[i];
      // Ids in inquiry order; a reply always comes after what it answers.
      if (x.contact >= ids_.size()) ids_.resize(x.contact + 1u);
      const Channel channel = item.channel;
      const uint32_t number =
          static_cast<uint32_t>(++counters_[static_cast<int>(channel)]);
      ids_[x.contact] = {channel, number};
      uint32_t slot;
      if (!free_.empty()) {
        slot = free_.back();
        free_.pop_back();
      } else {
        slot = static_cast<uint32_t>(pool_.size());
        pool_.emplace_back();
      }
      item.id = number;
      item.reply_channel = Channel::kUnspecified;
      if (x.reply_to >= 0) {
        item.reply_channel = ids_[x.reply_to].first;
        item.reply_to = ids_[x.reply_to].second;
      }
      // Moved, not swapped: a slot's old buffer is cold by now, and the
      // writer would pay for it on its next use.
      pool_[slot] = std::move(item);
      heap_.push(Pending{x.arrival, x.at, x.person, x.contact, slot});
    }
    AddStats(part.stats, &stats);
  }
}

const SimulatedInteraction* Simulator::Impl::Next() {
  // An inquiry is written before any interaction that could follow its
  // first one leaves the heap.
  while (next_batch_ < batches_ &&
         (heap_.empty() ||
          due_[next_batch_ * kBatch].start <= heap_.top().arrival)) {
    if (producer_.joinable()) {
      const size_t b = next_batch_;
      {
        absl::MutexLock lock(&mu_);
        auto ready = [this, b]() ABSL_SHARED_LOCKS_REQUIRED(mu_) {
          return produced_ > b;
        };
        mu_.Await(absl::Condition(&ready));
      }
      Merge(&ring_[b % kRing]);
      absl::MutexLock lock(&mu_);
      merged_ = b + 1;
    } else {
      Produce(next_batch_, &inline_);
      Merge(&inline_);
    }
    ++next_batch_;
  }
  if (heap_.empty()) return nullptr;
  const Pending top = heap_.top();
  heap_.pop();
  const Packed& item = pool_[top.slot];
  Unpack(item, &current_);
  Interaction& in = current_.interaction;
  in.id.clear();
  AppendId(item.channel, item.id, &in.id);
  in.reply_to.clear();
  if (item.reply_channel != Channel::kUnspecified) {
    AppendId(item.reply_channel, item.reply_to, &in.reply_to);
  }
  free_.push_back(top.slot);
  return &current_;
}

Simulator::Simulator(const SimulatorOptions& options)
    : impl_(std::make_unique<Impl>(options)) {}
Simulator::~Simulator() = default;

const SimulatedInteraction* Simulator::Next() { return impl_->Next(); }

const std::vector<Identity>& Simulator::own_identities() const {
  return impl_->own;
}

const SimulationStats& Simulator::stats() const { return impl_->stats; }

Simulation Simulate(const SimulatorOptions& options) {
  Simulator simulator(options);
  Simulation simulation;
  while (const SimulatedInteraction* item = simulator.Next()) {
    simulation.interactions.push_back(*item);
  }
  simulation.own_identities = simulator.own_identities();
  simulation.stats = simulator.stats();
  return simulation;
}

std::vector<Identity> OwnIdentities(const SimulatorOptions& options) {
  return OwnIdentitiesOf(MakeBrand(options.brand));
}

}  // namespace threadline::sim
