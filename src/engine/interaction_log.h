// InteractionLog: what the engine keeps of every linked interaction, packed
// for millions of them, and the index by the host's id.
//
// The full Interaction is in the event log; a record holds what look-ups,
// handoff contexts and the listening stage need. Ids and texts live in a
// StringArena (a record points at them), agent ids in a small table, times
// as the Unix nanoseconds events carry, so a record is 56 bytes and the id
// index 4 bytes a slot.
//
// Thread-compatible.
#ifndef THREADLINE_SRC_ENGINE_INTERACTION_LOG_H_
#define THREADLINE_SRC_ENGINE_INTERACTION_LOG_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/time/time.h"
#include "continuity/cases.h"
#include "model/snapshot_time.h"
#include "threadline/types.h"
#include "util/chunked_vector.h"
#include "util/ordinal_index.h"
#include "util/string_arena.h"

namespace threadline::engine {

struct InteractionRecord {
  int64_t at_nanos = 0;      // occurred_at
  uint64_t fingerprint = 0;  // of the whole interaction, for idempotency
                             // (engine/fingerprint.h)
  uint32_t base = 0;         // base customer
  continuity::CaseId case_id = 0;  // the case it joined (may be absorbed)
  uint32_t agent = 0;        // InteractionLog::agent_id ordinal; 0: none
  float sentiment = 0;       // -1..1, inbound messages only
  continuity::TopicId topic = 0;   // the matter its own text states
  std::array<char, 2> language{};  // ISO 639-1 the text was read in
  Channel channel = Channel::kUnspecified;
  Direction direction = Direction::kUnspecified;
  LinkReason reason = LinkReason::kUnspecified;
  bool continued : 1;
  bool erased : 1;  // its customer was erased: id and text are gone
  bool scored : 1;  // sentiment holds the text's score
  bool digest : 1;  // fingerprint is a Digest, not a LegacyFingerprint
  uint32_t id_size = 0;
  uint32_t text_size = 0;
  util::StringArena::Ref strings;  // the id, then the text

  InteractionRecord()
      : continued(false), erased(false), scored(false), digest(false) {}
  absl::Time at() const { return absl::FromUnixNanos(at_nanos); }
};
static_assert(sizeof(InteractionRecord) == 56,
              "an interaction record is kept per interaction: keep it small");

class InteractionLog {
 public:
  InteractionLog();
  InteractionLog(InteractionLog&&) noexcept = default;
  InteractionLog& operator=(InteractionLog&&) noexcept = default;

  size_t size() const { return records_.size(); }
  const InteractionRecord& operator[](size_t i) const {
    return records_[i];
  }

  // Add: a new record with the given id, text and agent id, indexed by the
  // id; the caller fills in the rest. The id must not be indexed yet.
  InteractionRecord& Add(std::string_view id, std::string_view text,
                         std::string_view agent_id);

  std::string_view id(size_t i) const {
    const InteractionRecord& r = records_[i];
    return strings_.Get(r.strings, r.id_size);
  }
  std::string_view text(size_t i) const {
    const InteractionRecord& r = records_[i];
    return strings_.Get(r.strings, size_t{r.id_size} + r.text_size)
        .substr(r.id_size);
  }
  std::string_view agent_id(size_t i) const {
    return agents_[records_[i].agent];
  }

  // AddErased: a record for an interaction whose customer was erased (from
  // a snapshot): no id, no text, not indexed.
  InteractionRecord& AddErased();

  // Index of the interaction with `id`, or -1.
  int64_t Find(std::string_view id) const;

  // Erase: forgets interaction i's id, text and agent and drops it from the
  // index; its bytes are overwritten. The record stays (marked erased) so
  // ordinals hold.
  void Erase(size_t i);

 private:
  util::ChunkedVector<InteractionRecord> records_;
  util::StringArena strings_;  // each record's id, then its text
  util::OrdinalIndex by_id_;  // record ordinals by id
  std::vector<std::string> agents_{""};
  absl::flat_hash_map<std::string, uint32_t> agent_ordinals_;
};

}  // namespace threadline::engine

#endif  // THREADLINE_SRC_ENGINE_INTERACTION_LOG_H_
