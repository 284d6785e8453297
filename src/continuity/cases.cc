#include "continuity/cases.h"

#include <algorithm>

namespace threadline::continuity {

bool ChannelOrder::Add(Channel channel) {
  if (Contains(channel)) return false;
  const int used = __builtin_popcount(mask_);
  mask_ |= uint32_t{1} << static_cast<int>(channel);
  if (used < kSlots) {
    uint64_t order = (uint64_t{order_[1]} << 32) | order_[0];
    order |= static_cast<uint64_t>(channel) << (used * kBits);
    order_[0] = static_cast<uint32_t>(order);
    order_[1] = static_cast<uint32_t>(order >> 32);
  }
  return true;
}

std::vector<Channel> ChannelOrder::ToVector() const {
  std::vector<Channel> out;
  const int used = __builtin_popcount(mask_);
  const uint64_t order = (uint64_t{order_[1]} << 32) | order_[0];
  for (int i = 0; i < used && i < kSlots; ++i) {
    out.push_back(static_cast<Channel>((order >> (i * kBits)) & 0x1f));
  }
  if (used > kSlots) {
    for (int ch = 0; ch < 32; ++ch) {
      const Channel c = static_cast<Channel>(ch);
      if (Contains(c) && std::find(out.begin(), out.end(), c) == out.end()) {
        out.push_back(c);
      }
    }
  }
  return out;
}

CaseId CaseBook::Open(uint32_t opener_base, TopicId topic, absl::Time at,
                      bool continuation) {
  const CaseId id = static_cast<CaseId>(cases_.size());
  CaseRecord& r = cases_.emplace_back();
  r.opener_base = opener_base;
  r.topic = topic;
  r.opened_nanos = model::TimeToNanos(at);
  r.last_activity_nanos = r.opened_nanos;
  r.parent = id;
  r.continuation = continuation;
  AddToOpener(id);
  return id;
}

void CaseBook::AddToOpener(CaseId c) {
  const uint32_t base = cases_[c].opener_base;
  newest_of_base_.GrowTo(size_t{base} + 1, kNoCase);
  cases_[c].next_of_opener = newest_of_base_[base];
  newest_of_base_[base] = c;
}

void CaseBook::Link(CaseId c, uint32_t interaction) {
  next_interaction_.GrowTo(size_t{interaction} + 1, kNoCase);
  next_interaction_[interaction] = kNoCase;
  CaseRecord& r = cases_[c];
  if (r.first_interaction == kNoCase) {
    r.first_interaction = interaction;
  } else {
    next_interaction_[r.last_interaction] = interaction;
  }
  r.last_interaction = interaction;
}

void CaseBook::Relink(CaseId c, const std::vector<uint32_t>& interactions) {
  cases_[c].first_interaction = kNoCase;
  cases_[c].last_interaction = kNoCase;
  for (uint32_t i : interactions) Link(c, i);
}

void CaseBook::Attach(CaseId c, uint32_t interaction, Channel channel,
                      absl::Time at) {
  Link(c, interaction);
  CaseRecord& r = cases_[c];
  const int64_t nanos = model::TimeToNanos(at);
  r.opened_nanos = std::min(r.opened_nanos, nanos);
  r.last_activity_nanos = std::max(r.last_activity_nanos, nanos);
  r.channel_order.Add(channel);
}

void CaseBook::SetStatus(CaseId c, CaseStatus status, absl::Time at) {
  CaseRecord& r = cases_[c];
  r.status = status;
  r.resolved_nanos = status == CaseStatus::kResolved
                         ? model::TimeToNanos(at)
                         : std::numeric_limits<int64_t>::min();
}

void CaseBook::Merge(CaseId survivor, CaseId absorbed, uint32_t cause) {
  CaseRecord& s = cases_[survivor];
  CaseRecord& a = cases_[absorbed];
  a.parent = survivor;
  a.merge_cause = cause;
  merged_.push_back(absorbed);
  s.opened_nanos = std::min(s.opened_nanos, a.opened_nanos);
  s.last_activity_nanos = std::max(s.last_activity_nanos, a.last_activity_nanos);
  for (Channel ch : a.channels()) s.channel_order.Add(ch);
  if (s.topic == 0) s.topic = a.topic;
  // One open part keeps the whole inquiry open.
  if (a.status == CaseStatus::kOpen) s.status = CaseStatus::kOpen;
}

void CaseBook::UndoMergesCausedBy(uint32_t cause) {
  for (CaseId c : merged_) {
    if (cases_[c].parent != c && cases_[c].merge_cause == cause) {
      cases_[c].parent = c;
      cases_[c].merge_cause = kNoCause;
    }
  }
  merged_.erase(std::remove_if(merged_.begin(), merged_.end(),
                               [this](CaseId c) {
                                 return cases_[c].parent == c;
                               }),
                merged_.end());
}

CaseId CaseBook::Root(CaseId c) const {
  while (cases_[c].parent != c) c = cases_[c].parent;
  return c;
}

CaseList CaseBook::OpenedBy(uint32_t base) const {
  CaseList out;
  if (base >= newest_of_base_.size()) return out;
  for (CaseId c = newest_of_base_[base]; c != kNoCase;
       c = cases_[c].next_of_opener) {
    out.push_back(c);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::vector<CaseId> CaseBook::AbsorbedInto(CaseId root) const {
  std::vector<CaseId> out;
  for (CaseId c : merged_) {
    if (c != root && Root(c) == root) out.push_back(c);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void CaseBook::AppendOwnInteractions(CaseId c,
                                     std::vector<uint32_t>* out) const {
  for (uint32_t i = cases_[c].first_interaction; i != kNoCase;
       i = next_interaction_[i]) {
    out->push_back(i);
  }
}

std::vector<uint32_t> CaseBook::OwnInteractions(CaseId c) const {
  std::vector<uint32_t> out;
  AppendOwnInteractions(c, &out);
  return out;
}

std::vector<uint32_t> CaseBook::InteractionsOf(CaseId root) const {
  std::vector<uint32_t> out = OwnInteractions(root);
  const std::vector<CaseId> absorbed = AbsorbedInto(root);
  if (absorbed.empty()) return out;
  for (CaseId c : absorbed) AppendOwnInteractions(c, &out);
  std::sort(out.begin(), out.end());
  return out;
}

namespace {

// Joining a case named by an explicit link (a reply, a thread, a host
// reference): a resolved case reopens inside the window; after it, as
// Zendesk does with closed tickets, the contact opens a follow-up case.
bool JoinExplicit(const CaseBook& book, CaseId c, LinkReason reason,
                  const LinkRequest& req, const ContinuityOptions& options,
                  LinkDecision* out) {
  const CaseRecord& r = book.get(c);
  if (r.status == CaseStatus::kResolved && req.at > r.resolved_at()) {
    if (req.at - r.resolved_at() > options.reopen_window) return false;
    out->reopen = req.direction == Direction::kInbound;
  }
  out->case_id = c;
  out->reason = reason;
  return true;
}

}  // namespace

LinkDecision Decide(const CaseBook& book, const LinkRequest& req,
                    const ContinuityOptions& options) {
  LinkDecision d;
  if (req.reply_case != kNoCase &&
      JoinExplicit(book, req.reply_case, LinkReason::kReplyTo, req, options,
                   &d)) {
    return d;
  }
  if (req.thread_case != kNoCase &&
      JoinExplicit(book, req.thread_case, LinkReason::kThread, req, options,
                   &d)) {
    return d;
  }
  if (req.reference_case != kNoCase &&
      JoinExplicit(book, req.reference_case, LinkReason::kExternalRef, req,
                   options, &d)) {
    return d;
  }

  // The customer's cases that can still take a return without an explicit
  // link: open and not gone cold, or resolved within the reopen window. A
  // late arrival older than the resolution belongs before it.
  CaseId best_same_open = kNoCase, best_same_resolved = kNoCase;
  CaseId best_open = kNoCase, best_resolved = kNoCase;
  int open_count = 0;
  auto newer = [&book](CaseId a, CaseId b) {
    return b == kNoCase || book.get(a).last_activity_nanos >
                              book.get(b).last_activity_nanos;
  };
  for (CaseId c : req.customer_cases) {
    const CaseRecord& r = book.get(c);
    bool open_now;
    if (r.status == CaseStatus::kOpen) {
      if (req.at - r.last_activity() > options.idle_window) continue;
      open_now = true;
    } else {
      if (req.at <= r.resolved_at()) {
        open_now = true;
      } else if (req.at - r.resolved_at() <= options.reopen_window) {
        open_now = false;
      } else {
        continue;
      }
    }
    const bool same = req.topic != 0 && r.topic == req.topic;
    if (open_now) {
      ++open_count;
      if (newer(c, best_open)) best_open = c;
      if (same && newer(c, best_same_open)) best_same_open = c;
    } else {
      if (newer(c, best_resolved)) best_resolved = c;
      if (same && newer(c, best_same_resolved)) best_same_resolved = c;
    }
  }

  if (best_same_open != kNoCase) {
    d.case_id = best_same_open;
    d.reason = LinkReason::kSameMatter;
    return d;
  }
  if (req.direction == Direction::kOutbound) {
    // The brand reaching out without naming a contact: the conversation in
    // progress, if there is one.
    if (best_open != kNoCase) {
      d.case_id = best_open;
      d.reason = LinkReason::kOnlyOpenCase;
    }
    return d;
  }
  if (req.follow_up) {
    // The customer says they are following up: a resolved case on the same
    // matter reopens; failing that, the one conversation they can mean.
    if (best_same_resolved != kNoCase) {
      d.case_id = best_same_resolved;
      d.reason = LinkReason::kReopened;
      d.reopen = true;
      return d;
    }
    if (best_open != kNoCase && (open_count == 1 || req.topic == 0)) {
      d.case_id = best_open;
      d.reason = LinkReason::kOnlyOpenCase;
      return d;
    }
    if (best_open == kNoCase && best_resolved != kNoCase) {
      d.case_id = best_resolved;
      d.reason = LinkReason::kReopened;
      d.reopen = true;
      return d;
    }
    return d;
  }
  // No follow-up stated. A message that names no matter ("hello?"), or
  // names one only faintly ("here are my details"), belongs to the open
  // conversation; a case with no matter yet takes the first one named. Otherwise this is a new inquiry, even on a matter resolved
  // recently: a resolved case reopens on a follow-up, not on a fresh
  // complaint.
  if (best_open != kNoCase &&
      (req.topic == 0 || req.weak_topic ||
       (open_count == 1 && book.get(best_open).topic == 0))) {
    d.case_id = best_open;
    d.reason = LinkReason::kOnlyOpenCase;
    return d;
  }
  return d;  // a new matter: a new case
}

}  // namespace threadline::continuity
