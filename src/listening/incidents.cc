#include "listening/incidents.h"

#include <algorithm>
#include <utility>

#include "listening/wave_detector.h"

namespace threadline::listening {
namespace {

// Reports kept waiting for company; older ones leave by time anyway.
constexpr size_t kMaxPool = 2048;  // per topic
// Distinct reports kept per incident to compare newcomers with.
constexpr size_t kMaxExemplars = 32;
static_assert(kMaxExemplars <= 255, "Report::compared_exemplars is a byte");
// A report this close to a kept exemplar adds nothing new to compare with.
constexpr float kSameExemplar = 0.9f;
// A wave is over when new cases come at most this many times as fast as
// the usual volume of its matter.
constexpr double kWaveOver = 2.0;
// A new group this close to an active incident is more of the same wave,
// read as another matter: one wave seldom has an unrelated twin at once.
constexpr float kSameWave = 0.15f;
// Of CosineBound: a bound this much below a threshold rules the cosine out
// (rounding moves a cosine of unit vectors by far less).
constexpr double kBoundMargin = 1e-3;
// Case ordinals are dense, so IncidentBook::ever_member_ takes a bit per
// case; an ordinal past this many (none, in practice) is looked up in the
// map alone, rather than grow the bits without bound.
constexpr uint32_t kMaxMemberBits = uint32_t{1} << 26;
// Times of new cases joining, kept per incident for Active().
constexpr size_t kMaxJoined = 4096;

}  // namespace

IncidentBook::IncidentBook(const ListeningOptions& options)
    : options_(options) {}

uint32_t IncidentBook::IncidentOf(uint32_t case_id) const {
  if (case_id < kMaxMemberBits &&
      (case_id >= ever_member_.size() || !ever_member_[case_id])) {
    return kNoIncident;
  }
  auto it = member_of_.find(case_id);
  return it == member_of_.end() ? kNoIncident : it->second;
}

bool IncidentBook::AddMember(uint32_t case_id, uint32_t incident) {
  if (!member_of_.emplace(case_id, incident).second) return false;
  if (case_id < kMaxMemberBits) {
    if (case_id >= ever_member_.size()) ever_member_.resize(case_id + 1);
    ever_member_[case_id] = true;
  }
  return true;
}

float IncidentBook::Resemblance(const IncidentRecord& incident,
                                const Report& r, size_t from) const {
  float best = Cosine(incident.centroid, r.terms);
  if (best >= options_.join_similarity) return best;
  // Close to one exemplar counts as much as a seed pair would: a wave
  // often speaks in a few phrasings, each far from the blend of all. An
  // exemplar sharing no term with the report has cosine 0.
  for (size_t k = from; k < incident.exemplars.size(); ++k) {
    if (Reaches(incident.exemplars[k], r, options_.seed_similarity)) {
      return static_cast<float>(options_.join_similarity);
    }
  }
  return best;
}

bool IncidentBook::Reaches(const TermVector& v, const TermSignature& signature,
                           float max_weight, const Report& r, double least) {
  // Far more vectors are told apart by the bound than reach `least`; the
  // margin covers the rounding of the cosine as computed. (The engine
  // takes only a positive `least`; any other is left to the cosine.)
  if (least > 0 && (!MayShareTerms(signature, r.signature) ||
                    CosineBound(signature, max_weight, r.terms) <
                        least * (1 - kBoundMargin))) {
    return false;
  }
  return Cosine(v, r.terms) >= least;
}

bool IncidentBook::Active(
    const IncidentRecord& i, absl::Time at,
    absl::FunctionRef<double(uint32_t, absl::Time)> usual) const {
  if (i.status != IncidentStatus::kOpen || i.centroid.empty() ||
      at - i.last_new_at > options_.incident_idle ||
      i.first_at - at > options_.incident_window) {
    return false;
  }
  // The wave is over when new cases no longer come faster than usual for
  // the incident's matter: ordinary complaints must not keep it alive.
  // (`joined` is in time order: the recent joins are its tail.)
  const absl::Time since = at - options_.incident_window;
  const auto recent = static_cast<int>(
      i.joined.end() -
      std::lower_bound(i.joined.begin(), i.joined.end(), since));
  return recent > kWaveOver * usual(DominantTopic(i), at);
}

float IncidentBook::Fit(const IncidentRecord& i, const Report& r,
                        const CaseView& c) const {
  if (!Fresh(c, i.first_at)) return 0;
  // The same matter as the incident, during its wave, is the same grievance
  // in other words; so is a close enough wording of another matter.
  if (SameMatter(i, r)) return 1 + Resemblance(i, r);
  return WordFit(i, r, 0);
}

bool IncidentBook::SameMatter(const IncidentRecord& i, const Report& r) {
  return r.topic != 0 && r.topic == DominantTopic(i);
}

float IncidentBook::WordFit(const IncidentRecord& i, const Report& r,
                            size_t from) const {
  const float resemblance = Resemblance(i, r, from);
  return resemblance >= options_.join_similarity ? resemblance : 0;
}

bool IncidentBook::TakesWaiting(uint32_t n, Report* r, const CaseView& c) {
  const IncidentRecord& i = incidents_[n];
  if (!Fresh(c, i.first_at)) return false;
  // Fit gives 1 + resemblance here, and a resemblance is never negative
  // (weights are not): no need to weigh it.
  if (SameMatter(i, *r)) return true;
  const size_t from = r->compared_with == n ? r->compared_exemplars : 0;
  if (WordFit(i, *r, from) > 0) return true;
  // Not taken: none of the exemplars so far can take it later either. (One
  // close enough gives join_similarity as a float, which takes it, unless
  // rounding puts that below the option: then no exemplar ever does.)
  r->compared_with = n;
  r->compared_exemplars = static_cast<uint8_t>(i.exemplars.size());
  return false;
}

bool IncidentBook::Fresh(const CaseView& c, absl::Time wave_start) const {
  return c.open && c.opened_at >= wave_start - options_.incident_window;
}

void IncidentBook::CountTopic(uint32_t topic, IncidentRecord* i) {
  const int count = ++i->topics[topic];
  // Only this topic's count grew: it alone may overtake the dominant one.
  if (count > i->dominant_count ||
      (count == i->dominant_count && topic < i->dominant_topic)) {
    i->dominant_topic = topic;
    i->dominant_count = count;
  }
}

void IncidentBook::Join(uint32_t incident, const Report& r) {
  IncidentRecord& i = incidents_[incident];
  if (AddMember(r.case_id, incident)) {
    i.cases.push_back(r.case_id);
    i.last_new_at = std::max(i.last_new_at, r.at);
    // Kept in time order: a sweep of the pool joins older reports late.
    i.joined.insert(std::upper_bound(i.joined.begin(), i.joined.end(), r.at),
                    r.at);
    if (i.joined.size() > kMaxJoined) i.joined.pop_front();
  }
  i.first_at = std::min(i.first_at, r.at);
  i.last_at = std::max(i.last_at, r.at);
  ++i.reports;
  ++i.per_channel[static_cast<size_t>(r.channel)];
  if (r.topic != 0) CountTopic(r.topic, &i);
  if (r.terms.empty()) return;
  AddInto(r.terms, 1.0f, &i.sum, &scratch_);
  i.centroid.assign(i.sum.begin(), i.sum.end());
  Normalize(&i.centroid);
  if (i.exemplars.size() < kMaxExemplars) {
    bool known = false;
    for (size_t k = 0; k < i.exemplars.size() && !known; ++k) {
      known = Reaches(i.exemplars[k], r, kSameExemplar);
    }
    if (!known) {
      i.exemplars.push_back({r.terms, r.signature, MaxWeight(r.terms)});
    }
  }
}

void IncidentBook::OnReport(
    Report r, absl::FunctionRef<CaseView(uint32_t)> view,
    absl::FunctionRef<double(uint32_t, absl::Time)> usual,
    absl::FunctionRef<bool(uint32_t)> surging) {
  if (excluded_.contains(r.case_id)) return;
  if (uint32_t known = IncidentOf(r.case_id); known != kNoIncident) {
    // More from a member case: its words still describe the incident.
    if (incidents_[known].status == IncidentStatus::kOpen) Join(known, r);
    return;
  }
  const CaseView self = view(r.case_id);
  if (r.terms.empty() || !self.open) return;

  // 1 Join the active incident it fits best.
  active_.erase(std::remove_if(active_.begin(), active_.end(),
                               [&](uint32_t n) {
                                 const IncidentRecord& i = incidents_[n];
                                 return !Active(i, r.at, usual);
                               }),
                active_.end());
  uint32_t best = kNoIncident;
  float best_score = 0;
  for (uint32_t n : active_) {
    const float s = Fit(incidents_[n], r, self);
    if (s > best_score) {
      best = n;
      best_score = s;
    }
  }
  if (best != kNoIncident) {
    Join(best, r);
    return;
  }

  // 2 Seed a new incident with the recent reports on its topic that
  // resemble it (any report on its topic, when it has one: the matter
  // classifier already read past the wording).
  std::deque<Report>& pool = pools_[r.topic];
  const absl::Time window_start = r.at - options_.incident_window;
  while (!pool.empty() &&
         (pool.size() >= kMaxPool || pool.front().at < window_start)) {
    pool.pop_front();
  }
  // Only a surge of the matter (for a report that states none, of any
  // topic or channel) seeds an incident; until then the report just waits,
  // and its group need not be gathered.
  if (!surging(r.topic)) {
    pool.push_back(std::move(r));
    return;
  }
  // Every customer of a group is the report's or a waiting report's: a
  // pool too small to hold enough of them need not be gathered. (Most
  // reports of a surge that fit no incident end here.)
  const double expected = usual(r.topic, r.at);
  const int most = static_cast<int>(pool.size()) + 1;
  if (most < options_.incident_min_cases ||
      most < options_.alert_min_ratio * expected) {
    pool.push_back(std::move(r));
    return;
  }
  std::vector<size_t> group;
  absl::flat_hash_set<uint32_t> customers = {r.customer};
  for (size_t k = 0; k < pool.size(); ++k) {
    if (!Groups(pool[k], r, view)) continue;
    group.push_back(k);
    customers.insert(pool[k].customer);
  }
  // Enough customers, and far more than the topic's usual volume: one
  // grievance, at one time. (A matter's busy hours are not a grievance of
  // many, nor are a few customers who happen to write alike: hence the
  // surge, above.)
  const int size = static_cast<int>(customers.size());
  if (size < options_.incident_min_cases ||
      size < options_.alert_min_ratio * expected ||
      PoissonTail(size, expected) > options_.alert_max_probability) {
    pool.push_back(std::move(r));
    return;
  }
  // A group much like an active incident is that wave read as another
  // matter: it joins the incident.
  TermVector centroid = r.terms;
  for (size_t k : group) AddInto(pool[k].terms, 1.0f, &centroid);
  Normalize(&centroid);
  uint32_t n = kNoIncident;
  // A group that states no matter has only its wording to tell it from an
  // active wave, and short angry posts ("down again?!") share few words:
  // any resemblance makes it part of the wave.
  float closest = r.topic == 0 ? 1e-6f : kSameWave;
  for (uint32_t m : active_) {
    const float s = Cosine(incidents_[m].centroid, centroid);
    if (s >= closest) {
      n = m;
      closest = s;
    }
  }
  if (n == kNoIncident) {
    n = static_cast<uint32_t>(incidents_.size());
    incidents_.emplace_back();
    incidents_[n].seed_index =
        group.empty() ? r.index : pool[group.front()].index;
    active_.push_back(n);
  }
  for (size_t k : group) Join(n, pool[k]);
  Join(n, r);
  // Reports waiting on other topics that fit the incident join it too
  // (another phrasing the classifier read as another matter).
  TakeWaiting(n, view);
}

bool IncidentBook::Groups(const Report& p, const Report& r,
                          absl::FunctionRef<CaseView(uint32_t)> view) const {
  // The tests are pure, so their order is free: the cheaper and the more
  // often failed come first (most waiting reports' cases are no longer
  // fresh), the resemblance of words last.
  return p.at - r.at <= options_.incident_window &&
         r.at - p.at <= options_.incident_window &&
         Fresh(view(p.case_id), r.at) && IncidentOf(p.case_id) == kNoIncident &&
         !excluded_.contains(p.case_id) &&
         (r.topic != 0 ||
          // No weight of a unit vector is above 1.
          Reaches(p.terms, p.signature, 1.0f, r, options_.seed_similarity));
}

void IncidentBook::TakeWaiting(uint32_t n,
                               absl::FunctionRef<CaseView(uint32_t)> view) {
  for (auto& [topic, waiting] : pools_) {
    // Kept reports move forward in place, in their order.
    size_t kept = 0;
    for (size_t k = 0; k < waiting.size(); ++k) {
      Report& p = waiting[k];
      const uint32_t of = IncidentOf(p.case_id);
      if (of == n) continue;
      if (of == kNoIncident && !excluded_.contains(p.case_id) &&
          incidents_[n].first_at - p.at <= options_.incident_window &&
          TakesWaiting(n, &p, view(p.case_id))) {
        Join(n, p);
        continue;
      }
      if (kept != k) waiting[kept] = std::move(waiting[k]);
      ++kept;
    }
    waiting.erase(waiting.begin() + kept, waiting.end());
  }
}

void IncidentBook::Add(uint32_t incident, uint32_t case_id, absl::Time at) {
  if (incident > incidents_.size()) return;
  if (incident == incidents_.size()) {
    incidents_.emplace_back();
    incidents_.back().by_hand = true;
  }
  IncidentRecord& i = incidents_[incident];
  excluded_.erase(case_id);
  if (uint32_t old = IncidentOf(case_id);
      old != kNoIncident && old != incident) {
    Remove(old, case_id);
    excluded_.erase(case_id);
  }
  if (AddMember(case_id, incident)) i.cases.push_back(case_id);
  i.first_at = std::min(i.first_at, at);
  i.last_at = std::max(i.last_at, at);
}

void IncidentBook::Remove(uint32_t incident, uint32_t case_id) {
  if (incident >= incidents_.size()) return;
  auto it = member_of_.find(case_id);
  if (it != member_of_.end() && it->second == incident) member_of_.erase(it);
  std::vector<uint32_t>& cases = incidents_[incident].cases;
  cases.erase(std::remove(cases.begin(), cases.end(), case_id), cases.end());
  excluded_.insert(case_id);
}

void IncidentBook::Resolve(uint32_t incident, absl::Time at) {
  if (incident >= incidents_.size()) return;
  incidents_[incident].status = IncidentStatus::kResolved;
  incidents_[incident].resolved_at = at;
}

}  // namespace threadline::listening
