// State: everything the engine knows, changed only by Apply(event).
//
// Replaying the same events in the same order gives the same state: the
// identity graph and the case book are deterministic, and every decision
// (which case, why) is carried by the events themselves.
//
// Thread-compatible: the engine guards it with its lock.
#ifndef THREADLINE_SRC_ENGINE_STATE_H_
#define THREADLINE_SRC_ENGINE_STATE_H_

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/time/time.h"
#include "continuity/cases.h"
#include "engine/interaction_log.h"
#include "identity/graph.h"
#include "listening/monitor.h"
#include "threadline/types.h"
#include "threadline/v1/event.pb.h"
#include "util/string_lists.h"
#include "util/string_map.h"

namespace threadline::v1 {
class Snapshot;
}  // namespace threadline::v1

namespace threadline::engine {

// LinkedEvent: an InteractionLinked event as State applies it, its strings
// viewed where they lie: in the stored event when replaying, in the host's
// Interaction when the engine links one live without a store (it then
// builds no protobuf message at all). Both carry the same fields, so both
// apply alike.
struct LinkedEvent {
  std::string_view id;
  int64_t at_nanos = 0;  // absl::ToUnixNanos of occurred_at
  Channel channel = Channel::kUnspecified;
  Direction direction = Direction::kUnspecified;
  bool resolves = false;  // disposition RESOLVED
  std::string_view text, agent_id, thread_id, external_ref, display_name;
  uint32_t customer_base = 0;
  uint32_t case_ordinal = 0;
  bool new_case = false;
  LinkReason reason = LinkReason::kUnspecified;
  bool reopen = false;
  std::string_view topic;
  bool has_digest = false;
  uint64_t digest = 0;       // InteractionLinked.digest
  uint64_t fingerprint = 0;  // InteractionLinked.fingerprint (older events)
  bool follow_up = false;
  std::optional<float> sentiment;
  std::string_view language;
};
LinkedEvent ViewOf(const v1::InteractionLinked& e);

// What applying a CustomerErased event removed.
struct ErasureResult {
  std::vector<uint32_t> bases;  // oldest first; the first is the customer
  uint64_t identities = 0;
  uint64_t interactions = 0;
  uint64_t cases = 0;
};

struct StateOptions {
  identity::GraphOptions graph;
  listening::MonitorOptions listening;
};

class State {
 public:
  explicit State(StateOptions options);

  // Apply: the only mutation. Events must come in sequence.
  void Apply(const v1::Event& event);
  // ApplyResolved: Apply of the next event, an IdentitiesResolved with this
  // evidence, time and fallback base (identity::kNone: none). What an
  // engine without a store applies, building no message.
  void ApplyResolved(const std::vector<identity::KeyEvidence>& keys,
                     absl::Time at, uint32_t fallback);
  // ApplyLinked: Apply of the next event, the InteractionLinked `e` views.
  void ApplyLinked(const LinkedEvent& e);

  // What the last IdentitiesResolved did (read by the linking stage).
  const identity::ResolveResult& last_resolve() const { return last_resolve_; }
  // What the last CustomerErased removed.
  const ErasureResult& last_erasure() const { return last_erasure_; }
  uint64_t erased_interactions() const { return erased_interactions_; }

  // Save: the whole state into `out` (sequence, graph, cases, interactions,
  // tables); the caller sets the version and time. Two states that answer
  // alike save to the same bytes.
  void Save(v1::Snapshot* out) const;
  // Restore: replaces the state with a saved one; indexes are rebuilt.
  // DataLoss naming the first bad ordinal; the state is empty then.
  [[nodiscard]] absl::Status Restore(const v1::Snapshot& in);

  const identity::IdentityGraph& graph() const { return graph_; }
  const continuity::CaseBook& cases() const { return cases_; }
  const InteractionLog& interactions() const { return interactions_; }
  // Index of an interaction by id, or -1.
  int64_t FindInteraction(std::string_view id) const;
  // Root case of a channel thread / host reference, or kNoCase.
  continuity::CaseId ThreadCase(Channel channel,
                                std::string_view thread_id) const;
  continuity::CaseId ReferenceCase(std::string_view external_ref) const;
  // Root cases of the customer of `base`, oldest first.
  continuity::CaseList CustomerCases(uint32_t base) const;

  continuity::TopicId FindTopic(std::string_view topic) const;
  std::string_view TopicName(continuity::TopicId id) const {
    return topics_[id];
  }
  std::vector<std::string_view> NamesOf(uint32_t base) const {
    return names_.Get(base);
  }
  uint64_t sequence() const { return sequence_; }
  // Early warning and incidents.
  const listening::Monitor& listening() const { return *listening_; }
  // set_content_words: the content words of the text of the next
  // InteractionLinked applied, read by the caller outside its lock (null:
  // Apply reads them itself, as on replay). The caller clears it after.
  void set_content_words(const std::vector<uint64_t>* words) {
    content_words_ = words;
  }

 private:
  continuity::TopicId InternTopic(std::string_view topic);
  void Link(const LinkedEvent& e);
  void Resolve(const std::vector<identity::KeyEvidence>& keys, absl::Time at,
               uint32_t fallback);
  void ApplyErased(const v1::CustomerErased& e);
  absl::Status RestoreInto(const v1::Snapshot& in);
  void ApplyIncident(const v1::Event& event);
  // Hands a linked interaction to the listening stage.
  void Listen(uint32_t index, continuity::TopicId topic);
  void ApplyIncidentToMonitor(const v1::Event& event);
  // RebuildListening: the listening stage anew from the interactions kept
  // (erased ones left out) and the host's decisions, in their order. Case
  // views are as they stand now, so a rebuilt stage may differ in detail
  // from the live one it replaces.
  void RebuildListening();

  identity::GraphOptions graph_options_;
  identity::IdentityGraph graph_;
  continuity::CaseBook cases_;
  InteractionLog interactions_;
  // The latest case of each channel thread (keyed by ThreadKey) and host
  // reference.
  util::StringMap<continuity::CaseId> threads_;
  util::StringMap<continuity::CaseId> references_;
  std::vector<std::string> topics_{""};
  absl::flat_hash_map<std::string, continuity::TopicId> topic_ids_;
  util::StringLists names_;  // per base: the display names it used
  identity::ResolveResult last_resolve_;
  std::vector<identity::KeyEvidence> evidence_scratch_;
  const std::vector<uint64_t>* content_words_ = nullptr;
  ErasureResult last_erasure_;
  uint64_t erased_interactions_ = 0;
  uint64_t sequence_ = 0;
  // The listening stage is derived from the interactions and the host's
  // incident decisions; a snapshot keeps those and rebuilds it.
  listening::MonitorOptions listening_options_;
  std::unique_ptr<listening::Monitor> listening_;
  // The host's incident decisions (serialized events), each with the number
  // of interactions linked before it.
  std::vector<std::pair<uint32_t, std::string>> listening_decisions_;
};

}  // namespace threadline::engine

#endif  // THREADLINE_SRC_ENGINE_STATE_H_
