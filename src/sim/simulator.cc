// The Simulator: schedules every inquiry, has its writers write them in
// batches (ahead, on other threads, when asked), gives the interactions
// their ids and hands them out in arrival order; and the brand, with its
// own identities.
#include "sim/simulator.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <queue>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "sim/inquiry_writer.h"
#include "sim/journey.h"
#include "sim/packed.h"
#include "sim/texts.h"
#include "threadline/types.h"

namespace threadline::sim {
namespace {

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

// Inquiries written per batch. The output does not depend on it (ids follow
// the inquiries' order, and the heap's order is total); it only sets how
// much work one helper thread gets at a time.
constexpr size_t kBatch = 1024;

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
