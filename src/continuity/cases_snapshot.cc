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
  r.first_interaction = kNoCase;
  r.last_interaction = kNoCase;
  r.channel_order = ChannelOrder();
  r.topic = 0;
  // Out of its opener's chain.
  const uint32_t base = r.opener_base;
  if (base < newest_of_base_.size()) {
    CaseId* link = &newest_of_base_[base];
    while (*link != kNoCase && *link != c) link = &cases_[*link].next_of_opener;
    if (*link == c) *link = r.next_of_opener;
  }
  r.next_of_opener = kNoCase;
  merged_.erase(std::remove(merged_.begin(), merged_.end(), c), merged_.end());
}

void CaseBook::Detach(CaseId c, uint32_t interaction) {
  std::vector<uint32_t> kept = OwnInteractions(c);
  kept.erase(std::remove(kept.begin(), kept.end(), interaction), kept.end());
  Relink(c, kept);
}

void CaseBook::Save(v1::CaseBookSnapshot* out) const {
  out->mutable_cases()->Reserve(static_cast<int>(cases_.size()));
  for (CaseId id = 0; id < cases_.size(); ++id) {
    const CaseRecord& r = cases_[id];
    v1::CaseBookSnapshot::Case* c = out->add_cases();
    c->set_opener_base(r.opener_base);
    c->set_status(static_cast<int>(r.status));
    c->set_topic(r.topic);
    c->set_opened_at(r.opened_nanos);
    c->set_last_activity(r.last_activity_nanos);
    c->set_resolved_at(r.resolved_nanos);
    for (Channel ch : r.channels()) c->add_channels(static_cast<int>(ch));
    const std::vector<uint32_t> interactions = OwnInteractions(id);
    c->mutable_interactions()->Add(interactions.begin(), interactions.end());
    c->set_parent(r.parent);
    c->set_merge_cause(r.merge_cause);
    c->set_continuation(r.continuation);
    c->set_erased(r.erased);
  }
  out->mutable_merged()->Add(merged_.begin(), merged_.end());
}

absl::Status CaseBook::Restore(const v1::CaseBookSnapshot& in,
                               size_t interactions) {
  *this = CaseBook();
  const size_t n = static_cast<size_t>(in.cases_size());
  auto bad = [this](std::string what) {
    *this = CaseBook();
    return absl::DataLossError(
        absl::StrCat("snapshot: case book: ", what, " out of range"));
  };
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
    r.opened_nanos = c.opened_at();
    r.last_activity_nanos = c.last_activity();
    r.resolved_nanos = c.resolved_at();
    for (int ch : c.channels()) {
      if (ch <= 0 || ch >= kChannelCount) return bad(which + " channel");
      r.channel_order.Add(static_cast<Channel>(ch));
    }
    const CaseId id = static_cast<CaseId>(cases_.size() - 1);
    for (uint32_t i : c.interactions()) {
      // A chain needs them in arrival order, each once.
      if (i >= interactions) return bad(which + " interaction");
      if (r.first_interaction != kNoCase && i <= r.last_interaction) {
        return bad(which + " interaction order");
      }
      Link(id, i);
    }
    r.parent = c.parent();
    r.merge_cause = c.merge_cause();
    r.continuation = c.continuation();
    r.erased = c.erased();
    if (!r.erased) AddToOpener(id);
  }
  for (uint32_t c : in.merged()) {
    if (c >= n) return bad("merged case");
    merged_.push_back(c);
  }
  return absl::OkStatus();
}

}  // namespace threadline::continuity
