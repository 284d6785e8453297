// The host's corrections: explicit merges of customers and their undoing,
// case status changes, and the merge of two customers' cases that one
// inquiry seen from two sides calls for.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "engine/engine_impl.h"
#include "engine/ids.h"
#include "model/convert.h"
#include "threadline/status_macros.h"

namespace threadline::engine {

void EngineImpl::MergeCasesAfterMerge(uint32_t base) {
  // Two customers just became one: their open cases on the same matter are
  // one inquiry seen from two sides, and so is a case that began by saying
  // it follows up, when the other side has the one conversation it can
  // mean. The oldest case survives.
  const continuity::CaseBook& book = state_.cases();
  const uint32_t cause = state_.last_resolve().merges.front();
  auto live = [&](continuity::CaseId c) {
    const continuity::CaseRecord& r = book.get(c);
    return r.parent == c && r.status == CaseStatus::kOpen;
  };
  auto close_in_time = [&](continuity::CaseId a, continuity::CaseId b) {
    const continuity::CaseRecord& x = book.get(a);
    const continuity::CaseRecord& y = book.get(b);
    absl::Duration gap = y.opened_at() > x.last_activity()
                             ? y.opened_at() - x.last_activity()
                             : x.opened_at() - y.last_activity();
    return gap <= options_.idle_window;
  };
  auto merge = [&](continuity::CaseId survivor, continuity::CaseId absorbed) {
    v1::Event event;
    auto* m = event.mutable_cases_merged();
    m->set_survivor(survivor);
    m->set_absorbed(absorbed);
    m->set_cause(cause);
    ApplyLocked(event);
  };
  const continuity::CaseList cases = state_.CustomerCases(base);
  for (size_t i = 0; i < cases.size(); ++i) {
    if (!live(cases[i]) || book.get(cases[i]).topic == 0) continue;
    for (size_t j = i + 1; j < cases.size(); ++j) {
      if (live(cases[j]) && book.get(cases[j]).topic == book.get(cases[i]).topic &&
          close_in_time(cases[i], cases[j])) {
        merge(cases[i], cases[j]);
      }
    }
  }
  for (continuity::CaseId c : cases) {
    if (!live(c) || !book.get(c).continuation) continue;
    continuity::CaseId only = continuity::kNoCase;
    int candidates = 0;
    for (continuity::CaseId o : cases) {
      if (o == c || !live(o) ||
          book.get(o).opener_base == book.get(c).opener_base ||
          book.get(o).opened_nanos > book.get(c).opened_nanos ||
          !close_in_time(o, c)) {
        continue;
      }
      only = o;
      ++candidates;
    }
    if (candidates == 1) merge(std::min(only, c), std::max(only, c));
  }
}

absl::StatusOr<MergeRecord> EngineImpl::Merge(std::string_view a,
                                              std::string_view b) {
  const absl::Time now = options_.clock->Now();
  absl::StatusOr<MergeRecord> out;
  uint64_t ticket = 0;
  {
    absl::MutexLock lock(&mu_);
    THREADLINE_RETURN_IF_ERROR(WritableLocked());
    out = MergeLocked(a, b, now);
    // Even a refused merge may have applied (and must store) its event.
    THREADLINE_ASSIGN_OR_RETURN(ticket, AppendLocked());
  }
  THREADLINE_RETURN_IF_ERROR(AwaitDurable(ticket));
  return out;
}

absl::StatusOr<MergeRecord> EngineImpl::MergeLocked(std::string_view a,
                                                    std::string_view b,
                                                    absl::Time now) {
  THREADLINE_ASSIGN_OR_RETURN(uint32_t base_a, BaseOf(a));
  THREADLINE_ASSIGN_OR_RETURN(uint32_t base_b, BaseOf(b));
  const identity::IdentityGraph& g = state_.graph();
  if (g.CustomerOf(base_a) == g.CustomerOf(base_b)) {
    return absl::FailedPreconditionError(
        absl::StrCat("customers \"", std::string(a), "\" and \"",
                     std::string(b), "\" are already one customer"));
  }
  v1::Event event;
  auto* m = event.mutable_customers_merged();
  m->set_base_a(base_a);
  m->set_base_b(base_b);
  model::ToProto(now, m->mutable_at());
  ApplyLocked(event);
  if (g.CustomerOf(base_a) != g.CustomerOf(base_b)) {
    return absl::FailedPreconditionError(
        absl::StrCat("customers \"", std::string(a), "\" and \"",
                     std::string(b), "\" were unmerged and are kept apart"));
  }
  std::vector<identity::LinkId> merges = g.MergesOf(base_a);
  return BuildMerge(merges.back());
}

absl::StatusOr<std::vector<MergeRecord>> EngineImpl::Unmerge(
    std::string_view merge_id) {
  absl::StatusOr<std::vector<MergeRecord>> out;
  uint64_t ticket = 0;
  {
    absl::MutexLock lock(&mu_);
    THREADLINE_RETURN_IF_ERROR(WritableLocked());
    out = UnmergeLocked(merge_id);
    THREADLINE_ASSIGN_OR_RETURN(ticket, AppendLocked());
  }
  THREADLINE_RETURN_IF_ERROR(AwaitDurable(ticket));
  return out;
}

absl::StatusOr<std::vector<MergeRecord>> EngineImpl::UnmergeLocked(
    std::string_view merge_id) {
  std::optional<uint32_t> link = ParseMergeId(merge_id);
  const identity::MergeInfo* info =
      link ? state_.graph().merge(*link) : nullptr;
  if (info == nullptr) {
    return absl::NotFoundError(
        absl::StrCat("no merge with id \"", std::string(merge_id), "\""));
  }
  if (!info->active) {
    return absl::FailedPreconditionError(absl::StrCat(
        "merge \"", std::string(merge_id), "\" is already undone"));
  }
  // The records undone are those active before and not after.
  std::vector<identity::LinkId> before = state_.graph().MergesOf(info->survivor);
  std::vector<identity::LinkId> active_before;
  for (identity::LinkId l : before) {
    if (state_.graph().merge(l)->active) active_before.push_back(l);
  }
  v1::Event event;
  event.mutable_merge_undone()->set_merge(*link);
  ApplyLocked(event);
  std::vector<MergeRecord> out;
  for (identity::LinkId l : active_before) {
    if (!state_.graph().merge(l)->active) out.push_back(BuildMerge(l));
  }
  return out;
}


absl::Status EngineImpl::SetCaseStatus(std::string_view case_id,
                                       CaseStatus status, absl::Time at) {
  if (status != CaseStatus::kOpen && status != CaseStatus::kResolved) {
    return absl::InvalidArgumentError(
        "case status must be kOpen or kResolved");
  }
  uint64_t ticket = 0;
  {
    absl::MutexLock lock(&mu_);
    THREADLINE_RETURN_IF_ERROR(WritableLocked());
    THREADLINE_ASSIGN_OR_RETURN(continuity::CaseId c, CaseOf(case_id));
    v1::Event event;
    auto* e = event.mutable_case_status_changed();
    e->set_case_ordinal(c);
    e->set_status(static_cast<v1::Case::Status>(status));
    model::ToProto(at, e->mutable_at());
    ApplyLocked(event);
    THREADLINE_ASSIGN_OR_RETURN(ticket, AppendLocked());
  }
  return AwaitDurable(ticket);
}

}  // namespace threadline::engine
