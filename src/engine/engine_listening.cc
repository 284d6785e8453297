// The engine's social listening: the stage lives in the State
// (src/listening, fed by State::Apply); these turn it into the public view
// and record the host's incident decisions as stored events.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "engine/engine_impl.h"
#include "engine/listening_view.h"
#include "model/convert.h"
#include "threadline/status_macros.h"

namespace threadline::engine {

std::vector<Alert> EngineImpl::TakeNewAlerts() {
  const std::vector<Alert>& all = state_.listening().alerts();
  std::vector<Alert> fresh;
  if (options_.alert_listener && alerts_told_ < all.size()) {
    fresh.assign(all.begin() + static_cast<std::ptrdiff_t>(alerts_told_),
                 all.end());
  }
  alerts_told_ = all.size();
  return fresh;
}

void EngineImpl::Notify(const std::vector<Alert>& alerts) const {
  for (const Alert& a : alerts) options_.alert_listener->OnAlert(a);
}

std::vector<Alert> EngineImpl::Alerts() const {
  absl::ReaderMutexLock lock(&mu_);
  return state_.listening().alerts();
}

std::vector<Incident> EngineImpl::Incidents() const {
  absl::ReaderMutexLock lock(&mu_);
  std::vector<Incident> out;
  const size_t n = state_.listening().incidents().incidents().size();
  for (uint32_t i = 0; i < n; ++i) out.push_back(BuildIncident(state_, i));
  return out;
}

absl::StatusOr<uint32_t> EngineImpl::IncidentOf(
    std::string_view incident_id) const {
  std::optional<uint32_t> n = ParseIncidentId(incident_id);
  if (!n || *n >= state_.listening().incidents().incidents().size()) {
    return absl::NotFoundError(absl::StrCat("no incident with id \"",
                                            std::string(incident_id), "\""));
  }
  return *n;
}

absl::StatusOr<Incident> EngineImpl::GetIncident(std::string_view id) const {
  absl::ReaderMutexLock lock(&mu_);
  THREADLINE_ASSIGN_OR_RETURN(uint32_t n, IncidentOf(id));
  return BuildIncident(state_, n);
}

absl::Status EngineImpl::AddToIncident(std::string_view incident_id,
                                       std::string_view case_id,
                                       absl::Time at) {
  uint64_t ticket = 0;
  {
    absl::MutexLock lock(&mu_);
    THREADLINE_RETURN_IF_ERROR(WritableLocked());
    THREADLINE_ASSIGN_OR_RETURN(uint32_t n, IncidentOf(incident_id));
    THREADLINE_ASSIGN_OR_RETURN(continuity::CaseId c, CaseOf(case_id));
    if (state_.listening().incidents().incidents()[n].status !=
        IncidentStatus::kOpen) {
      return absl::FailedPreconditionError(absl::StrCat(
          "incident \"", std::string(incident_id), "\" is resolved"));
    }
    v1::Event event;
    auto* e = event.mutable_incident_member_added();
    e->set_incident(n);
    e->set_case_ordinal(c);
    model::ToProto(at, e->mutable_at());
    ApplyLocked(event);
    THREADLINE_ASSIGN_OR_RETURN(ticket, AppendLocked());
  }
  return AwaitDurable(ticket);
}

absl::Status EngineImpl::RemoveFromIncident(std::string_view incident_id,
                                            std::string_view case_id,
                                            absl::Time at) {
  uint64_t ticket = 0;
  {
    absl::MutexLock lock(&mu_);
    THREADLINE_RETURN_IF_ERROR(WritableLocked());
    THREADLINE_ASSIGN_OR_RETURN(uint32_t n, IncidentOf(incident_id));
    THREADLINE_ASSIGN_OR_RETURN(continuity::CaseId c, CaseOf(case_id));
    // The member may be the case itself or one it absorbed since it joined.
    std::vector<continuity::CaseId> members;
    for (continuity::CaseId m :
         state_.listening().incidents().incidents()[n].cases) {
      if (state_.cases().Root(m) == c) members.push_back(m);
    }
    if (members.empty()) {
      return absl::NotFoundError(absl::StrCat("case \"", std::string(case_id),
                                              "\" is not in incident \"",
                                              std::string(incident_id), "\""));
    }
    for (continuity::CaseId m : members) {
      v1::Event event;
      auto* e = event.mutable_incident_member_removed();
      e->set_incident(n);
      e->set_case_ordinal(m);
      model::ToProto(at, e->mutable_at());
      ApplyLocked(event);
    }
    THREADLINE_ASSIGN_OR_RETURN(ticket, AppendLocked());
  }
  return AwaitDurable(ticket);
}

absl::StatusOr<std::vector<Interaction>> EngineImpl::ReplyToIncident(
    std::string_view incident_id, const IncidentReply& reply) {
  bool has_text = false;
  for (const auto& [language, text] : reply.text) has_text |= !text.empty();
  if (!has_text) {
    return absl::InvalidArgumentError(
        "IncidentReply.text needs a reply in at least one language");
  }
  if (reply.at == absl::InfinitePast() || reply.at == absl::InfiniteFuture()) {
    return absl::InvalidArgumentError("IncidentReply.at is required");
  }
  std::vector<Interaction> replies;
  {
    absl::ReaderMutexLock lock(&mu_);
    THREADLINE_ASSIGN_OR_RETURN(uint32_t n, IncidentOf(incident_id));
    if (state_.listening().incidents().incidents()[n].status !=
        IncidentStatus::kOpen) {
      return absl::FailedPreconditionError(absl::StrCat(
          "incident \"", std::string(incident_id), "\" is resolved"));
    }
    const std::string prefix =
        reply.id_prefix.empty()
            ? absl::StrCat(std::string(incident_id), "-",
                           absl::ToUnixSeconds(reply.at), "-")
            : reply.id_prefix;
    replies = IncidentReplies(state_, n, reply, prefix);
  }
  // Through the normal path: each reply is validated, linked to the case it
  // answers and recorded like any interaction.
  for (const Interaction& in : replies) {
    THREADLINE_RETURN_IF_ERROR(Ingest(in).status());
  }
  if (reply.resolve) {
    THREADLINE_RETURN_IF_ERROR(ResolveIncident(incident_id, reply.at));
  }
  return replies;
}

absl::Status EngineImpl::ResolveIncident(std::string_view incident_id,
                                         absl::Time at) {
  uint64_t ticket = 0;
  {
    absl::MutexLock lock(&mu_);
    THREADLINE_RETURN_IF_ERROR(WritableLocked());
    THREADLINE_ASSIGN_OR_RETURN(uint32_t n, IncidentOf(incident_id));
    if (state_.listening().incidents().incidents()[n].status !=
        IncidentStatus::kOpen) {
      return absl::FailedPreconditionError(absl::StrCat(
          "incident \"", std::string(incident_id), "\" is already resolved"));
    }
    for (continuity::CaseId c : MemberRoots(state_, n)) {
      if (state_.cases().get(c).status != CaseStatus::kOpen) continue;
      v1::Event event;
      auto* e = event.mutable_case_status_changed();
      e->set_case_ordinal(c);
      e->set_status(v1::Case::RESOLVED);
      model::ToProto(at, e->mutable_at());
      ApplyLocked(event);
    }
    v1::Event event;
    auto* e = event.mutable_incident_resolved();
    e->set_incident(n);
    model::ToProto(at, e->mutable_at());
    ApplyLocked(event);
    THREADLINE_ASSIGN_OR_RETURN(ticket, AppendLocked());
  }
  return AwaitDurable(ticket);
}

}  // namespace threadline::engine
