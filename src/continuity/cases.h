// Cases and the continuity rule: which case an interaction continues, or
// that it opens a new one, and why.
//
// CaseBook holds the cases (thread-compatible). Decide() is a pure function
// of the book and a request: the engine asks it, records the answer as an
// event, and only State::Apply changes the book.
#ifndef THREADLINE_SRC_CONTINUITY_CASES_H_
#define THREADLINE_SRC_CONTINUITY_CASES_H_

#include <cstdint>
#include <limits>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/status/status.h"
#include "absl/time/time.h"
#include "model/snapshot_time.h"
#include "threadline/types.h"
#include "util/chunked_vector.h"

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
// A few cases (a customer's): on the stack for the usual handful, since
// every ingest lists the customer's cases.
using CaseList = absl::InlinedVector<CaseId, 6>;

// The channels a case went through, in order of first use, in 12 bytes:
// the first 12 in order of use, any further ones (a case that went through
// more than 12 of the 17 channels) after them in channel order.
class ChannelOrder {
 public:
  // Add: notes a use of `channel`; false if it was used before.
  bool Add(Channel channel);
  bool Contains(Channel channel) const {
    return (mask_ >> static_cast<int>(channel)) & 1;
  }
  std::vector<Channel> ToVector() const;

 private:
  static constexpr int kBits = 5;
  static constexpr int kSlots = 12;
  // kBits per channel, first used lowest; two halves of a 64-bit word, so
  // that a CaseRecord needs no padding.
  uint32_t order_[2] = {0, 0};
  uint32_t mask_ = 0;  // every channel used
};

struct CaseRecord {
  uint32_t opener_base = 0;  // the base customer that opened it
  CaseId parent = 0;         // itself while not absorbed
  uint32_t merge_cause = kNoCause;  // customer merge that absorbed it
  // Its interactions in arrival order: a chain through CaseBook's links.
  uint32_t first_interaction = kNoCase;
  uint32_t last_interaction = kNoCase;
  CaseId next_of_opener = kNoCase;  // the next case its opener opened
  int64_t opened_nanos = 0;         // times as events carry them
  int64_t last_activity_nanos = 0;
  int64_t resolved_nanos = std::numeric_limits<int64_t>::min();
  ChannelOrder channel_order;
  TopicId topic = 0;
  CaseStatus status = CaseStatus::kOpen;
  // Opened by a message saying it follows up an earlier contact that this
  // customer's known identities did not show (yet).
  bool continuation : 1;
  // Its customer was erased: no interactions, found by no one.
  bool erased : 1;

  CaseRecord() : continuation(false), erased(false) {}
  static_assert(kChannelCount <= 32, "ChannelOrder's mask holds 32");
  absl::Time opened_at() const { return model::NanosToTime(opened_nanos); }
  absl::Time last_activity() const {
    return model::NanosToTime(last_activity_nanos);
  }
  absl::Time resolved_at() const { return model::NanosToTime(resolved_nanos); }
  std::vector<Channel> channels() const { return channel_order.ToVector(); }
};

// CaseBook: every case, the cases each base customer opened and the
// interactions of each case, in a few bytes per case and interaction.
static_assert(sizeof(CaseRecord) == 64, "a record per case: keep it small");

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
  CaseList OpenedBy(uint32_t base) const;
  // Interactions attached to case `c` itself, in arrival order.
  std::vector<uint32_t> OwnInteractions(CaseId c) const;
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
  // `interactions` is how many interactions the state holds.
  [[nodiscard]] absl::Status Restore(const v1::CaseBookSnapshot& in,
                                     size_t interactions);

 private:
  void Link(CaseId c, uint32_t interaction);
  // Rebuilds a case's chain from a list of its interactions.
  void Relink(CaseId c, const std::vector<uint32_t>& interactions);
  void AddToOpener(CaseId c);
  // The interactions case `c` itself holds, in order, appended to *out.
  void AppendOwnInteractions(CaseId c, std::vector<uint32_t>* out) const;

  util::ChunkedVector<CaseRecord> cases_;
  // Per interaction: the next interaction of its case (kNoCase: none).
  util::ChunkedVector<uint32_t, 16384> next_interaction_;
  // Per base: the newest case it opened (kNoCase: none).
  util::ChunkedVector<CaseId, 16384> newest_of_base_;
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
  CaseList customer_cases;  // root cases of the customer
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
