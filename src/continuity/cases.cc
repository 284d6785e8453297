#include "continuity/cases.h"

#include <algorithm>

namespace threadline::continuity {

CaseId CaseBook::Open(uint32_t opener_base, TopicId topic, absl::Time at,
                      bool continuation) {
  const CaseId id = static_cast<CaseId>(cases_.size());
  CaseRecord& r = cases_.emplace_back();
  r.opener_base = opener_base;
  r.topic = topic;
  r.opened_at = at;
  r.last_activity = at;
  r.parent = id;
  r.continuation = continuation;
  if (by_base_.size() <= opener_base) by_base_.resize(opener_base + 1);
  by_base_[opener_base].push_back(id);
  return id;
}

void CaseBook::Attach(CaseId c, uint32_t interaction, Channel channel,
                      absl::Time at) {
  CaseRecord& r = cases_[c];
  r.interactions.push_back(interaction);
  r.opened_at = std::min(r.opened_at, at);
  r.last_activity = std::max(r.last_activity, at);
  if (std::find(r.channels.begin(), r.channels.end(), channel) ==
      r.channels.end()) {
    r.channels.push_back(channel);
  }
}

void CaseBook::SetStatus(CaseId c, CaseStatus status, absl::Time at) {
  CaseRecord& r = cases_[c];
  r.status = status;
  r.resolved_at = status == CaseStatus::kResolved ? at : absl::InfinitePast();
}

void CaseBook::Merge(CaseId survivor, CaseId absorbed, uint32_t cause) {
  CaseRecord& s = cases_[survivor];
  CaseRecord& a = cases_[absorbed];
  a.parent = survivor;
  a.merge_cause = cause;
  merged_.push_back(absorbed);
  s.opened_at = std::min(s.opened_at, a.opened_at);
  s.last_activity = std::max(s.last_activity, a.last_activity);
  for (Channel ch : a.channels) {
    if (std::find(s.channels.begin(), s.channels.end(), ch) ==
        s.channels.end()) {
      s.channels.push_back(ch);
    }
  }
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

const std::vector<CaseId>& CaseBook::OpenedBy(uint32_t base) const {
  static const std::vector<CaseId> kEmpty;
  return base < by_base_.size() ? by_base_[base] : kEmpty;
}

std::vector<CaseId> CaseBook::AbsorbedInto(CaseId root) const {
  std::vector<CaseId> out;
  for (CaseId c : merged_) {
    if (c != root && Root(c) == root) out.push_back(c);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<uint32_t> CaseBook::InteractionsOf(CaseId root) const {
  std::vector<uint32_t> out = cases_[root].interactions;
  for (CaseId c : AbsorbedInto(root)) {
    out.insert(out.end(), cases_[c].interactions.begin(),
               cases_[c].interactions.end());
  }
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
  if (r.status == CaseStatus::kResolved && req.at > r.resolved_at) {
    if (req.at - r.resolved_at > options.reopen_window) return false;
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
    return b == kNoCase || book.get(a).last_activity > book.get(b).last_activity;
  };
  for (CaseId c : req.customer_cases) {
    const CaseRecord& r = book.get(c);
    bool open_now;
    if (r.status == CaseStatus::kOpen) {
      if (req.at - r.last_activity > options.idle_window) continue;
      open_now = true;
    } else {
      if (req.at <= r.resolved_at) {
        open_now = true;
      } else if (req.at - r.resolved_at <= options.reopen_window) {
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
