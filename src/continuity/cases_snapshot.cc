// CaseBook erasure and snapshots. Case ordinals are ids hosts hold ("k-3"),
// so an erased case keeps its slot, empty.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "continuity/cases.h"
#include "model/snapshot_time.h"
#include "threadline/v1/snapshot.pb.h"

namespace threadline::continuity {

void CaseBook::Erase(CaseId c) {
  CaseRecord& r = cases_[c];
  r.erased = true;
  std::vector<uint32_t>().swap(r.interactions);
  std::vector<Channel>().swap(r.channels);
  r.topic = 0;
  if (r.opener_base < by_base_.size()) {
    auto& opened = by_base_[r.opener_base];
    opened.erase(std::remove(opened.begin(), opened.end(), c), opened.end());
  }
  merged_.erase(std::remove(merged_.begin(), merged_.end(), c), merged_.end());
}

void CaseBook::Detach(CaseId c, uint32_t interaction) {
  auto& v = cases_[c].interactions;
  v.erase(std::remove(v.begin(), v.end(), interaction), v.end());
}

void CaseBook::Save(v1::CaseBookSnapshot* out) const {
  out->mutable_cases()->Reserve(static_cast<int>(cases_.size()));
  for (const CaseRecord& r : cases_) {
    v1::CaseBookSnapshot::Case* c = out->add_cases();
    c->set_opener_base(r.opener_base);
    c->set_status(static_cast<int>(r.status));
    c->set_topic(r.topic);
    c->set_opened_at(model::TimeToNanos(r.opened_at));
    c->set_last_activity(model::TimeToNanos(r.last_activity));
    c->set_resolved_at(model::TimeToNanos(r.resolved_at));
    for (Channel ch : r.channels) c->add_channels(static_cast<int>(ch));
    c->mutable_interactions()->Add(r.interactions.begin(),
                                   r.interactions.end());
    c->set_parent(r.parent);
    c->set_merge_cause(r.merge_cause);
    c->set_continuation(r.continuation);
    c->set_erased(r.erased);
  }
  out->mutable_merged()->Add(merged_.begin(), merged_.end());
}

absl::Status CaseBook::Restore(const v1::CaseBookSnapshot& in) {
  *this = CaseBook();
  const size_t n = static_cast<size_t>(in.cases_size());
  auto bad = [this](std::string what) {
    *this = CaseBook();
    return absl::DataLossError(
        absl::StrCat("snapshot: case book: ", what, " out of range"));
  };
  cases_.reserve(n);
  for (const v1::CaseBookSnapshot::Case& c : in.cases()) {
    const std::string which = absl::StrCat("case ", cases_.size());
    if (c.parent() >= n || c.topic() > 0xffff ||
        (c.status() != static_cast<int>(CaseStatus::kOpen) &&
         c.status() != static_cast<int>(CaseStatus::kResolved))) {
      return bad(which);
    }
    CaseRecord& r = cases_.emplace_back();
    r.opener_base = c.opener_base();
    r.status = static_cast<CaseStatus>(c.status());
    r.topic = static_cast<TopicId>(c.topic());
    r.opened_at = model::NanosToTime(c.opened_at());
    r.last_activity = model::NanosToTime(c.last_activity());
    r.resolved_at = model::NanosToTime(c.resolved_at());
    for (int ch : c.channels()) {
      if (ch <= 0 || ch >= kChannelCount) return bad(which + " channel");
      r.channels.push_back(static_cast<Channel>(ch));
    }
    r.interactions.assign(c.interactions().begin(), c.interactions().end());
    r.parent = c.parent();
    r.merge_cause = c.merge_cause();
    r.continuation = c.continuation();
    r.erased = c.erased();
    // Open() sized the per-customer index for every case, erased or not.
    if (by_base_.size() <= r.opener_base) by_base_.resize(r.opener_base + 1);
    if (!r.erased) {
      by_base_[r.opener_base].push_back(static_cast<CaseId>(cases_.size() - 1));
    }
  }
  for (uint32_t c : in.merged()) {
    if (c >= n) return bad("merged case");
    merged_.push_back(c);
  }
  return absl::OkStatus();
}

}  // namespace threadline::continuity
