// Cases and the continuity rule: which case an interaction continues, or
// that it opens a new one, and why.
//
// CaseBook holds the cases (thread-compatible). Decide() is a pure function
// of the book and a request: the engine asks it, records the answer as an
// event, and only State::Apply changes the book.
#ifndef THREADLINE_SRC_CONTINUITY_CASES_H_
#define THREADLINE_SRC_CONTINUITY_CASES_H_

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "threadline/types.h"

namespace threadline::v1 {
class CaseBookSnapshot;
}  // namespace threadline::v1

namespace threadline::continuity {

using CaseId = uint32_t;
using TopicId = uint16_t;  // 0: no matter known
// A matter named but not yet seen in any case: it matches none.
inline constexpr TopicId kUnseenTopic = 0xffff;
inline constexpr CaseId kNoCase = 0xffffffffu;
inline constexpr uint32_t kNoCause = 0xffffffffu;

struct CaseRecord {
  uint32_t opener_base = 0;  // the base customer that opened it
  CaseStatus status = CaseStatus::kOpen;
  TopicId topic = 0;
  absl::Time opened_at;
  absl::Time last_activity;
  absl::Time resolved_at = absl::InfinitePast();
  std::vector<Channel> channels;         // first-use order
  std::vector<uint32_t> interactions;    // arrival order
  CaseId parent;                         // itself while not absorbed
  uint32_t merge_cause = kNoCause;       // customer merge that absorbed it
  // Opened by a message saying it follows up an earlier contact that this
  // customer's known identities did not show (yet).
  bool continuation = false;
  // Its customer was erased: no interactions, found by no one.
  bool erased = false;
};

class CaseBook {
 public:
  CaseId Open(uint32_t opener_base, TopicId topic, absl::Time at,
              bool continuation = false);
  void Attach(CaseId c, uint32_t interaction, Channel channel, absl::Time at);
  void SetStatus(CaseId c, CaseStatus status, absl::Time at);
  void SetTopic(CaseId c, TopicId topic) { cases_[c].topic = topic; }
  // Absorbs case `absorbed` into `survivor` (both roots); `cause` is the
  // customer merge that showed they are one inquiry.
  void Merge(CaseId survivor, CaseId absorbed, uint32_t cause);
  // Undoes the case merges caused by customer merge `cause`.
  void UndoMergesCausedBy(uint32_t cause);

  CaseId Root(CaseId c) const;
  const CaseRecord& get(CaseId c) const { return cases_[c]; }
  size_t size() const { return cases_.size(); }
  // Cases opened by a base customer, oldest first.
  const std::vector<CaseId>& OpenedBy(uint32_t base) const;
  // Interactions of a case and of the cases it absorbed, in arrival order.
  std::vector<uint32_t> InteractionsOf(CaseId root) const;
  // Cases merged into `root` (directly or not).
  std::vector<CaseId> AbsorbedInto(CaseId root) const;

  // Erase: empties a case of an erased customer and hides it from
  // OpenedBy; its ordinal stays taken.
  void Erase(CaseId c);
  // Detach: takes an erased interaction out of a case that stays.
  void Detach(CaseId c, uint32_t interaction);

  // Save / Restore: the book as a snapshot message (the per-customer index
  // is rebuilt). Restore checks ordinals (DataLoss) and leaves the book
  // empty on error.
  void Save(v1::CaseBookSnapshot* out) const;
  [[nodiscard]] absl::Status Restore(const v1::CaseBookSnapshot& in);

 private:
  std::vector<CaseRecord> cases_;
  std::vector<std::vector<CaseId>> by_base_;
  std::vector<CaseId> merged_;  // absorbed cases, for undo and listings
};

struct ContinuityOptions {
  absl::Duration reopen_window = absl::Hours(24 * 7);
  absl::Duration idle_window = absl::Hours(24 * 7);
};

// What is known of the interaction being linked.
struct LinkRequest {
  absl::Time at;
  Direction direction = Direction::kUnspecified;
  TopicId topic = 0;
  bool follow_up = false;          // the text says it continues a contact
  // The matter was read from few or ambiguous words: enough to match a case
  // on it, not enough to open a new case beside an open conversation.
  bool weak_topic = false;
  CaseId reply_case = kNoCase;     // root case of the interaction replied to
  CaseId thread_case = kNoCase;    // root case of the same channel thread
  CaseId reference_case = kNoCase; // root case of the same host reference
  std::vector<CaseId> customer_cases;  // root cases of the customer
};

struct LinkDecision {
  CaseId case_id = kNoCase;  // kNoCase: open a new case
  LinkReason reason = LinkReason::kNewCase;
  bool reopen = false;       // the case was resolved and reopens
};

LinkDecision Decide(const CaseBook& book, const LinkRequest& request,
                    const ContinuityOptions& options);

}  // namespace threadline::continuity

#endif  // THREADLINE_SRC_CONTINUITY_CASES_H_
