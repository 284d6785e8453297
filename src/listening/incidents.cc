#include "listening/incidents.h"

#include <algorithm>
#include <utility>

namespace threadline::listening {
namespace {

// Reports kept waiting for company; older ones leave by time anyway.
constexpr size_t kMaxPool = 4096;
// Distinct reports kept per incident to compare newcomers with.
constexpr size_t kMaxExemplars = 32;
// A report this close to a kept exemplar adds nothing new to compare with.
constexpr float kSameExemplar = 0.9f;
// A new group this close to an active incident on its topic is the same wave
// in other words: one grievance rarely has two unrelated waves at once.
constexpr float kSameWave = 0.2f;

}  // namespace

IncidentBook::IncidentBook(const ListeningOptions& options)
    : options_(options) {}

uint32_t IncidentBook::IncidentOf(uint32_t case_id) const {
  auto it = member_of_.find(case_id);
  return it == member_of_.end() ? kNoIncident : it->second;
}

float IncidentBook::Resemblance(const IncidentRecord& incident,
                                const TermVector& v) const {
  float best = Cosine(incident.centroid, v);
  // Close to one exemplar counts as much as a seed pair would: a wave
  // often speaks in a few phrasings, each far from the blend of all.
  for (const TermVector& e : incident.exemplars) {
    const float s = Cosine(e, v);
    if (s >= options_.seed_similarity) {
      best = std::max(best, static_cast<float>(options_.join_similarity));
      break;
    }
  }
  return best;
}

bool IncidentBook::Active(const IncidentRecord& i, absl::Time at) const {
  return i.status == IncidentStatus::kOpen && !i.centroid.empty() &&
         at - i.last_new_at <= options_.incident_idle &&
         i.first_at - at <= options_.incident_window;
}

bool IncidentBook::Fresh(const CaseView& c, absl::Time wave_start) const {
  return c.open && c.opened_at >= wave_start - options_.incident_window;
}

uint32_t IncidentBook::DominantTopic(const IncidentRecord& i) const {
  uint32_t topic = 0;
  int best = 0;
  for (const auto& [t, count] : i.topics) {
    if (count > best || (count == best && t < topic)) {
      topic = t;
      best = count;
    }
  }
  return topic;
}

void IncidentBook::Join(uint32_t incident, const Report& r) {
  IncidentRecord& i = incidents_[incident];
  if (member_of_.emplace(r.case_id, incident).second) {
    i.cases.push_back(r.case_id);
    i.last_new_at = std::max(i.last_new_at, r.at);
  }
  i.first_at = std::min(i.first_at, r.at);
  i.last_at = std::max(i.last_at, r.at);
  ++i.reports;
  ++i.per_channel[static_cast<size_t>(r.channel)];
  if (r.topic != 0) ++i.topics[r.topic];
  if (r.terms.empty()) return;
  AddInto(r.terms, 1.0f, &i.sum);
  i.centroid = i.sum;
  Normalize(&i.centroid);
  if (i.exemplars.size() < kMaxExemplars) {
    bool known = false;
    for (const TermVector& e : i.exemplars) {
      if (Cosine(e, r.terms) >= kSameExemplar) {
        known = true;
        break;
      }
    }
    if (!known) i.exemplars.push_back(r.terms);
  }
}

void IncidentBook::OnReport(
    Report r, absl::FunctionRef<CaseView(uint32_t)> view,
    absl::FunctionRef<double(uint32_t, absl::Time)> usual) {
  if (excluded_.contains(r.case_id)) return;
  if (uint32_t known = IncidentOf(r.case_id); known != kNoIncident) {
    // More from a member case: the incident is still alive.
    if (incidents_[known].status == IncidentStatus::kOpen) Join(known, r);
    return;
  }
  const CaseView self = view(r.case_id);
  if (r.terms.empty() || !self.open) return;

  // 1 Join the active incident it resembles most.
  uint32_t best = kNoIncident;
  float best_score = 0;
  for (uint32_t n = 0; n < incidents_.size(); ++n) {
    const IncidentRecord& i = incidents_[n];
    if (!Active(i, r.at) || !Fresh(self, i.first_at)) continue;
    const float s = Resemblance(i, r.terms);
    if (s >= options_.join_similarity && s > best_score) {
      best = n;
      best_score = s;
    }
  }
  if (best != kNoIncident) {
    Join(best, r);
    return;
  }

  // 2 Seed a new incident with the recent reports that resemble it.
  while (!pool_.empty() &&
         (pool_.size() >= kMaxPool ||
          r.at - pool_.front().at > options_.incident_window)) {
    pool_.pop_front();
  }
  std::vector<size_t> group;
  absl::flat_hash_set<uint32_t> customers = {r.customer};
  for (size_t k = 0; k < pool_.size(); ++k) {
    const Report& p = pool_[k];
    if (p.at - r.at > options_.incident_window ||
        r.at - p.at > options_.incident_window ||
        IncidentOf(p.case_id) != kNoIncident || excluded_.contains(p.case_id) ||
        !Fresh(view(p.case_id), r.at) ||
        Cosine(p.terms, r.terms) < options_.seed_similarity) {
      continue;
    }
    group.push_back(k);
    customers.insert(p.customer);
  }
  const int size = static_cast<int>(customers.size());
  if (size < options_.incident_min_cases ||
      size < options_.alert_min_ratio * usual(r.topic, r.at)) {
    pool_.push_back(std::move(r));
    return;
  }
  // The group's centroid, to compare with active incidents on its topic.
  TermVector centroid = r.terms;
  for (size_t k : group) AddInto(pool_[k].terms, 1.0f, &centroid);
  Normalize(&centroid);
  uint32_t n = kNoIncident;
  float closest = kSameWave;
  for (uint32_t m = 0; m < incidents_.size(); ++m) {
    const IncidentRecord& i = incidents_[m];
    if (!Active(i, r.at) || r.topic == 0 || DominantTopic(i) != r.topic) {
      continue;
    }
    const float s = Cosine(i.centroid, centroid);
    if (s >= closest) {
      n = m;
      closest = s;
    }
  }
  if (n == kNoIncident) {
    n = static_cast<uint32_t>(incidents_.size());
    incidents_.emplace_back();
    incidents_[n].seed_index =
        group.empty() ? r.index : pool_[group.front()].index;
  }
  for (size_t k : group) Join(n, pool_[k]);
  Join(n, r);
  // Earlier reports that missed the seed but fit the incident join it too
  // (another phrasing, the other language).
  std::deque<Report> rest;
  for (size_t k = 0; k < pool_.size(); ++k) {
    Report& p = pool_[k];
    if (IncidentOf(p.case_id) == n) continue;
    if (IncidentOf(p.case_id) == kNoIncident &&
        Fresh(view(p.case_id), incidents_[n].first_at) &&
        !excluded_.contains(p.case_id) &&
        incidents_[n].first_at - p.at <= options_.incident_window &&
        Resemblance(incidents_[n], p.terms) >= options_.join_similarity) {
      Join(n, p);
      continue;
    }
    rest.push_back(std::move(p));
  }
  pool_ = std::move(rest);
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
  if (member_of_.emplace(case_id, incident).second) i.cases.push_back(case_id);
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
