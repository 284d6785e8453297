// EngineImpl's look-ups: linkages, customers, cases, timelines, handoff
// contexts, merge records and statistics, all under the reader lock.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "engine/engine_impl.h"
#include "engine/ids.h"
#include "engine/listening_view.h"
#include "threadline/status_macros.h"

namespace threadline::engine {

Linkage EngineImpl::CurrentLinkage(uint32_t index) const {
  const InteractionRecord& r = state_.interactions()[index];
  Linkage l;
  l.interaction_id = std::string(state_.interactions().id(index));
  l.customer_id = CustomerId(state_.graph().CustomerOf(r.base));
  l.case_id = CaseIdString(state_.cases().Root(r.case_id));
  l.reason = r.reason;
  l.continued = r.continued;
  return l;
}

absl::StatusOr<Linkage> EngineImpl::LinkageOf(std::string_view id) const {
  absl::ReaderMutexLock lock(&mu_);
  int64_t i = state_.FindInteraction(id);
  if (i < 0) {
    return absl::NotFoundError(
        absl::StrCat("no interaction with id \"", std::string(id), "\""));
  }
  return CurrentLinkage(static_cast<uint32_t>(i));
}

absl::StatusOr<uint32_t> EngineImpl::BaseOf(std::string_view customer_id) const {
  std::optional<uint32_t> base = ParseCustomerId(customer_id);
  if (!base || *base >= state_.graph().base_count() ||
      state_.graph().IsErased(*base)) {
    return absl::NotFoundError(
        absl::StrCat("no customer with id \"", std::string(customer_id), "\""));
  }
  return *base;
}

absl::StatusOr<continuity::CaseId> EngineImpl::CaseOf(
    std::string_view case_id) const {
  std::optional<uint32_t> c = ParseCaseId(case_id);
  if (!c || *c >= state_.cases().size() || state_.cases().get(*c).erased) {
    return absl::NotFoundError(
        absl::StrCat("no case with id \"", std::string(case_id), "\""));
  }
  return state_.cases().Root(*c);
}

Customer EngineImpl::BuildCustomer(uint32_t base) const {
  const identity::IdentityGraph& g = state_.graph();
  Customer c;
  c.id = CustomerId(g.CustomerOf(base));
  c.first_seen = absl::InfiniteFuture();
  c.last_seen = absl::InfinitePast();
  for (uint32_t member : g.Members(base)) {
    if (member != g.CustomerOf(base)) c.absorbed_ids.push_back(CustomerId(member));
    for (identity::KeyId k : g.KeysOf(member)) {
      const identity::KeyInfo& info = g.key(k);
      if (info.shared) continue;
      CustomerIdentity ci;
      ci.identity = g.KeyIdentity(k);
      ci.first_seen = info.first_seen();
      ci.last_seen = info.last_seen();
      ci.mentioned = info.mentioned;
      if (info.evidence != identity::kNone &&
          info.evidence < state_.interactions().size() &&
          !state_.interactions()[info.evidence].erased) {
        ci.evidence_interaction_id =
            std::string(state_.interactions().id(info.evidence));
      }
      c.first_seen = std::min(c.first_seen, info.first_seen());
      c.last_seen = std::max(c.last_seen, info.last_seen());
      c.identities.push_back(std::move(ci));
    }
    for (std::string_view n : state_.NamesOf(member)) {
      if (std::find(c.display_names.begin(), c.display_names.end(), n) ==
          c.display_names.end()) {
        c.display_names.emplace_back(n);
      }
    }
  }
  return c;
}

Case EngineImpl::BuildCase(continuity::CaseId root) const {
  const continuity::CaseRecord& r = state_.cases().get(root);
  Case c;
  c.id = CaseIdString(root);
  c.customer_id = CustomerId(state_.graph().CustomerOf(r.opener_base));
  c.status = r.status;
  c.channels = r.channels();
  for (uint32_t i : state_.cases().InteractionsOf(root)) {
    c.interaction_ids.emplace_back(state_.interactions().id(i));
  }
  c.opened_at = r.opened_at();
  c.last_activity_at = r.last_activity();
  c.resolved_at = r.resolved_at();
  c.topic = std::string(state_.TopicName(r.topic));
  for (continuity::CaseId a : state_.cases().AbsorbedInto(root)) {
    c.absorbed_ids.push_back(CaseIdString(a));
  }
  c.sentiment = TrendOf(state_, root);
  if (uint32_t n = IncidentOfCase(state_, root); n != listening::kNoIncident) {
    c.incident_id = IncidentIdString(n);
  }
  return c;
}

MergeRecord EngineImpl::BuildMerge(identity::LinkId link) const {
  const identity::MergeInfo* m = state_.graph().merge(link);
  MergeRecord r;
  r.id = MergeId(link);
  r.survivor_id = CustomerId(m->survivor);
  r.absorbed_id = CustomerId(m->absorbed);
  if (m->interaction != identity::kNone &&
      m->interaction < state_.interactions().size() &&
      !state_.interactions()[m->interaction].erased) {
    r.evidence_interaction_id =
        std::string(state_.interactions().id(m->interaction));
  }
  if (m->key != identity::kNone) {
    r.evidence_identity = state_.graph().KeyIdentity(m->key);
  }
  r.at = m->at();
  r.undone = !m->active;
  return r;
}

absl::StatusOr<Customer> EngineImpl::GetCustomer(std::string_view id) const {
  absl::ReaderMutexLock lock(&mu_);
  THREADLINE_ASSIGN_OR_RETURN(uint32_t base, BaseOf(id));
  return BuildCustomer(base);
}

absl::StatusOr<Customer> EngineImpl::FindCustomer(
    const Identity& identity, std::string_view region) const {
  THREADLINE_ASSIGN_OR_RETURN(Identity canonical,
                              normalizer_.Normalize(identity, region));
  absl::ReaderMutexLock lock(&mu_);
  identity::KeyId k = state_.graph().Find(canonical);
  if (k == identity::kNone || state_.graph().key(k).shared ||
      state_.graph().key(k).owner == identity::kNone) {
    return absl::NotFoundError(absl::StrCat(
        "no customer has identity ", IdentityToString(canonical)));
  }
  return BuildCustomer(state_.graph().key(k).owner);
}

absl::StatusOr<Case> EngineImpl::GetCase(std::string_view id) const {
  absl::ReaderMutexLock lock(&mu_);
  THREADLINE_ASSIGN_OR_RETURN(continuity::CaseId c, CaseOf(id));
  return BuildCase(c);
}

absl::StatusOr<std::vector<Case>> EngineImpl::CasesOf(
    std::string_view customer_id) const {
  absl::ReaderMutexLock lock(&mu_);
  THREADLINE_ASSIGN_OR_RETURN(uint32_t base, BaseOf(customer_id));
  std::vector<Case> out;
  for (continuity::CaseId c : state_.CustomerCases(base)) {
    out.push_back(BuildCase(c));
  }
  return out;
}

absl::StatusOr<std::vector<TimelineEntry>> EngineImpl::Timeline(
    std::string_view customer_id) const {
  absl::ReaderMutexLock lock(&mu_);
  THREADLINE_ASSIGN_OR_RETURN(uint32_t base, BaseOf(customer_id));
  std::vector<TimelineEntry> out;
  for (continuity::CaseId c : state_.CustomerCases(base)) {
    for (uint32_t i : state_.cases().InteractionsOf(c)) {
      const InteractionLog& log = state_.interactions();
      const InteractionRecord& r = log[i];
      out.push_back({std::string(log.id(i)), CaseIdString(c), r.at(),
                     r.channel, r.direction, std::string(log.text(i))});
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const TimelineEntry& a, const TimelineEntry& b) {
                     return a.occurred_at < b.occurred_at;
                   });
  return out;
}

absl::StatusOr<HandoffContext> EngineImpl::Context(
    std::string_view case_id) const {
  const absl::Time now = options_.clock->Now();
  absl::ReaderMutexLock lock(&mu_);
  THREADLINE_ASSIGN_OR_RETURN(continuity::CaseId c, CaseOf(case_id));
  HandoffContext ctx;
  ctx.case_info = BuildCase(c);
  const continuity::CaseRecord& r = state_.cases().get(c);
  ctx.customer = BuildCustomer(r.opener_base);
  ctx.channels = ctx.case_info.channels;
  ctx.started_at = r.opened_at();

  std::vector<uint32_t> items = state_.cases().InteractionsOf(c);
  std::stable_sort(items.begin(), items.end(), [this](uint32_t a, uint32_t b) {
    return state_.interactions()[a].at_nanos < state_.interactions()[b].at_nanos;
  });
  if (!items.empty()) ctx.started_on = state_.interactions()[items[0]].channel;
  const size_t n = static_cast<size_t>(std::max(0, options_.context_messages));
  for (size_t k = items.size() > n ? items.size() - n : 0; k < items.size();
       ++k) {
    const InteractionLog& log = state_.interactions();
    const InteractionRecord& m = log[items[k]];
    ctx.last_messages.push_back(
        {std::string(log.id(items[k])), m.at(), m.channel, m.direction,
         std::string(log.agent_id(items[k])), std::string(log.text(items[k]))});
  }
  // Waiting: since the first inbound message after the brand last spoke.
  absl::Time waiting_since = absl::InfiniteFuture();
  for (uint32_t i : items) {
    const InteractionRecord& m = state_.interactions()[i];
    if (m.direction == Direction::kOutbound) {
      waiting_since = absl::InfiniteFuture();
    } else if (waiting_since == absl::InfiniteFuture()) {
      waiting_since = m.at();
    }
  }
  if (r.status == CaseStatus::kOpen && waiting_since != absl::InfiniteFuture() &&
      now > waiting_since) {
    ctx.waiting = now - waiting_since;
  }
  for (continuity::CaseId other : state_.CustomerCases(r.opener_base)) {
    if (other != c && state_.cases().get(other).status == CaseStatus::kOpen) {
      ctx.other_open_cases.push_back(CaseIdString(other));
    }
  }
  ctx.sentiment = ctx.case_info.sentiment;
  if (uint32_t n = IncidentOfCase(state_, c); n != listening::kNoIncident) {
    ctx.incident_id = IncidentIdString(n);
    ctx.incident_cases = static_cast<int>(MemberRoots(state_, n).size());
  }
  return ctx;
}


absl::StatusOr<std::vector<MergeRecord>> EngineImpl::Merges(
    std::string_view customer_id) const {
  absl::ReaderMutexLock lock(&mu_);
  THREADLINE_ASSIGN_OR_RETURN(uint32_t base, BaseOf(customer_id));
  std::vector<MergeRecord> out;
  for (identity::LinkId l : state_.graph().MergesOf(base)) {
    out.push_back(BuildMerge(l));
  }
  return out;
}

EngineStats EngineImpl::Stats() const {
  absl::ReaderMutexLock lock(&mu_);
  EngineStats s;
  const identity::IdentityGraph& g = state_.graph();
  s.interactions =
      state_.interactions().size() - state_.erased_interactions();
  for (uint32_t b = 0; b < g.base_count(); ++b) {
    if (g.CustomerOf(b) == b && !g.IsErased(b)) ++s.customers;
  }
  for (continuity::CaseId c = 0; c < state_.cases().size(); ++c) {
    const continuity::CaseRecord& r = state_.cases().get(c);
    if (r.parent == c && !r.erased) ++s.cases;
  }
  for (identity::KeyId k = 0; k < g.key_count(); ++k) {
    if (g.key(k).shared) {
      ++s.shared_identities;
    } else if (g.key(k).owner != identity::kNone) {
      ++s.identities;
    }
  }
  s.merges = g.active_merges();
  return s;
}

}  // namespace threadline::engine
