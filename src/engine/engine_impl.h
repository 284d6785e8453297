// EngineImpl: the Engine behind Engine::Open. Its linking and look-ups are
// in engine.cc; what makes it durable (the store, snapshots, erasure) in
// engine_store.cc.
//
// Thread-safe: one mutex guards the state; normalization and the store's
// syncs run outside it.
#ifndef THREADLINE_SRC_ENGINE_ENGINE_IMPL_H_
#define THREADLINE_SRC_ENGINE_ENGINE_IMPL_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/synchronization/mutex.h"
#include "continuity/cases.h"
#include "engine/state.h"
#include "text/topic.h"
#include "threadline/engine.h"
#include "threadline/identity.h"
#include "threadline/store.h"
#include "util/sync.h"

namespace threadline::engine {

// The snapshot layout written by this engine (v1::Snapshot.version).
inline constexpr uint32_t kSnapshotVersion = 1;

// OwnKey: how the brand's own identities are kept (canonical; WhatsApp and
// phone meet as in the identity graph), which identify no one.
std::string OwnKey(const Identity& id);

class EngineImpl final : public Engine {
 public:
  EngineImpl(EngineOptions options, absl::flat_hash_set<std::string> own,
             std::shared_ptr<Store> store)
      : options_(std::move(options)),
        own_(std::move(own)),
        normalizer_(NormalizerOptions{options_.default_region}),
        state_(MakeStateOptions(options_)),
        store_(std::move(store)) {
    continuity_.reopen_window = options_.reopen_window;
    continuity_.idle_window = options_.idle_window;
  }

  absl::StatusOr<Linkage> Ingest(const Interaction& in) override;
  std::vector<absl::StatusOr<Linkage>> IngestBatch(
      const std::vector<Interaction>& interactions) override;
  absl::StatusOr<Linkage> LinkageOf(std::string_view id) const override;
  absl::StatusOr<Customer> GetCustomer(std::string_view id) const override;
  absl::StatusOr<Customer> FindCustomer(const Identity& identity,
                                        std::string_view region) const override;
  absl::StatusOr<Case> GetCase(std::string_view id) const override;
  absl::StatusOr<std::vector<Case>> CasesOf(
      std::string_view customer_id) const override;
  absl::StatusOr<std::vector<TimelineEntry>> Timeline(
      std::string_view customer_id) const override;
  absl::StatusOr<HandoffContext> Context(
      std::string_view case_id) const override;
  absl::StatusOr<MergeRecord> Merge(std::string_view a,
                                    std::string_view b) override;
  absl::StatusOr<std::vector<MergeRecord>> Unmerge(
      std::string_view merge_id) override;
  absl::StatusOr<std::vector<MergeRecord>> Merges(
      std::string_view customer_id) const override;
  absl::Status SetCaseStatus(std::string_view case_id, CaseStatus status,
                             absl::Time at) override;
  EngineStats Stats() const override;
  RecoveryReport Recovery() const override;
  absl::Status Checkpoint() override;
  absl::StatusOr<ErasureReport> Erase(std::string_view customer_id) override;

  // Social listening (engine_listening.cc).
  std::vector<Alert> Alerts() const override;
  std::vector<Incident> Incidents() const override;
  absl::StatusOr<Incident> GetIncident(std::string_view id) const override;
  absl::Status AddToIncident(std::string_view incident_id,
                             std::string_view case_id, absl::Time at) override;
  absl::Status RemoveFromIncident(std::string_view incident_id,
                                  std::string_view case_id,
                                  absl::Time at) override;
  absl::StatusOr<std::vector<Interaction>> ReplyToIncident(
      std::string_view incident_id, const IncidentReply& reply) override;
  absl::Status ResolveIncident(std::string_view incident_id,
                               absl::Time at) override;

  // Load: restores the state from the store (Engine::Open, before any other
  // call).
  absl::Status Load();

 private:
  // One identity of the interaction, normalized.
  struct Evidence {
    Identity identity;         // canonical; empty when `status` is not OK
    absl::Status status;       // why the value did not normalize
    bool mentioned = false;
    // The digits of a phone number written the national way with no region
    // given; resolved against known numbers under the lock.
    std::string national;
  };
  // The normalized form of one interaction, computed outside the lock.
  struct Prepared {
    // The interaction with its text and display name repaired, when either
    // was not UTF-8 (as the JSON reader repairs them): what is linked and
    // stored then. Null when nothing needed repair.
    std::shared_ptr<const Interaction> repaired;
    std::vector<Evidence> evidence;  // the primary identity first
    std::vector<IgnoredIdentity> ignored;  // Linkage::ignored_identities
    std::string topic;
    bool weak_topic = false;
    bool follow_up = false;
    uint64_t digest = 0;  // engine/fingerprint.h
    std::optional<float> sentiment;  // inbound text, when scoring is on
    std::string language;            // given, else detected
    // The listening stage's content words of an inbound text, read here
    // outside the lock (State::Apply reads them itself on replay).
    std::vector<uint64_t> content_words;
  };

  static StateOptions MakeStateOptions(const EngineOptions& o) {
    StateOptions s;
    s.listening.listening = o.listening;
    s.listening.sentiment = o.sentiment != nullptr;
    s.graph.max_per_kind = o.max_identities_per_kind;
    s.graph.shared_after_conflicts = o.shared_after_conflicts;
    return s;
  }

  absl::StatusOr<Prepared> Prepare(const Interaction& in) const;
  // ResolveEvidence: the evidence of the IdentitiesResolved event of `in`
  // into `*keys` (overwritten in place, keeping the strings' memory).
  void ResolveEvidence(std::vector<Evidence>& evidence,
                       std::vector<identity::KeyEvidence>* keys) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);
  absl::StatusOr<Linkage> IngestLocked(const Interaction& in,
                                       Prepared prepared)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // ApplyLocked: applies `event`, the next, and records it (RecordLocked).
  void ApplyLocked(v1::Event& event) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // RecordLocked: with a store, numbers `event`, which the state has just
  // applied as its latest, and queues it for AppendLocked.
  void RecordLocked(v1::Event& event) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::StatusOr<MergeRecord> MergeLocked(std::string_view a,
                                          std::string_view b, absl::Time now)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::StatusOr<std::vector<MergeRecord>> UnmergeLocked(
      std::string_view merge_id) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  // Durability (engine_store.cc). A write is: check WritableLocked, apply
  // under mu_, AppendLocked (one Append of everything applied), release mu_,
  // then AwaitDurable(ticket).
  absl::Status WritableLocked() const ABSL_SHARED_LOCKS_REQUIRED(mu_);
  // The ticket to wait for (0: nothing to wait for). On a failed Append the
  // state is reloaded from the store and the error returned.
  absl::StatusOr<uint64_t> AppendLocked() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Syncs up to `ticket`; on failure reloads the state from the store and
  // returns the error. Then takes an automatic snapshot when one is due.
  absl::Status AwaitDurable(uint64_t ticket) ABSL_LOCKS_EXCLUDED(mu_);
  // The end of a write of many linkages (a batch, a round of single
  // ingests), which went on as far as `*stored` let it. EndWriteLocked
  // takes the alerts raised and, when `*stored` is OK, appends everything
  // applied with one Append: the ticket, or the failure in `*stored`.
  // AwaitWrite then waits for that ticket; when it, or anything before,
  // failed, nothing of the write is known to be stored and the state was
  // rebuilt from the store: no linkage of it holds, and the alerts are
  // taken again. Returns the write's status.
  uint64_t EndWriteLocked(absl::Status* stored, std::vector<Alert>* alerts)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::Status AwaitWrite(absl::Status stored, uint64_t ticket,
                          std::vector<Alert>* alerts) ABSL_LOCKS_EXCLUDED(mu_);

  // Group commit of single ingests with a store (engine_commit.cc). An
  // ingest, once read, joins a queue; the first to find no one leading
  // leads a round: it waits briefly for the writers its last round served
  // to come back, links everything queued, in queue order, under one lock,
  // appends it with one write, waits for the sync, wakes each writer it
  // served and hands the lead to one that queued meanwhile. A writer that
  // does not lead sleeps once and is woken once.
  struct CommitRequest;
  absl::StatusOr<Linkage> IngestDurable(const Interaction& in,
                                        Prepared prepared)
      ABSL_LOCKS_EXCLUDED(mu_, commit_mu_);
  // Commit: the round led by `mine`'s writer.
  void Commit(CommitRequest* mine) ABSL_LOCKS_EXCLUDED(mu_, commit_mu_);
  // Rebuilds the state from the store's snapshot and events; when that
  // fails too, further writes are refused with the reason.
  void ReloadLocked(const absl::Status& cause) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  absl::StatusOr<LoadReport> LoadInto(State& state, absl::Time* snapshot_at)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Writes a snapshot of the current state through the store.
  absl::Status WriteSnapshotHeld() ABSL_EXCLUSIVE_LOCKS_REQUIRED(snapshot_mu_)
      ABSL_LOCKS_EXCLUDED(mu_);
  void MergeCasesAfterMerge(uint32_t base) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  Linkage CurrentLinkage(uint32_t index) const ABSL_SHARED_LOCKS_REQUIRED(mu_);
  Customer BuildCustomer(uint32_t base) const ABSL_SHARED_LOCKS_REQUIRED(mu_);
  Case BuildCase(continuity::CaseId root) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);
  MergeRecord BuildMerge(identity::LinkId link) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);
  absl::StatusOr<uint32_t> BaseOf(std::string_view customer_id) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);
  absl::StatusOr<continuity::CaseId> CaseOf(std::string_view case_id) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);
  absl::StatusOr<uint32_t> IncidentOf(std::string_view incident_id) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);
  // Alerts raised since the last call, to hand the listener once the lock
  // is released.
  std::vector<Alert> TakeNewAlerts() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void Notify(const std::vector<Alert>& alerts) const ABSL_LOCKS_EXCLUDED(mu_);

  const EngineOptions options_;
  const absl::flat_hash_set<std::string> own_;
  const IdentityNormalizer normalizer_;
  const text::TopicClassifier topics_;
  continuity::ContinuityOptions continuity_;

  mutable absl::Mutex mu_;
  State state_ ABSL_GUARDED_BY(mu_);
  // The two events of every ingest, kept between ingests so that their
  // strings and lists keep their memory: building them anew each time
  // allocated and freed a dozen blocks per interaction.
  v1::Event resolved_event_ ABSL_GUARDED_BY(mu_);
  std::vector<identity::KeyEvidence> resolved_keys_ ABSL_GUARDED_BY(mu_);
  v1::Event linked_event_ ABSL_GUARDED_BY(mu_);
  // Alerts already handed to the listener (those loaded from the store
  // count as told).
  size_t alerts_told_ ABSL_GUARDED_BY(mu_) = 0;

  // Durability; store_ is null for an engine in memory only.
  const std::shared_ptr<Store> store_;
  std::vector<StoredEvent> pending_ ABSL_GUARDED_BY(mu_);
  uint64_t last_ticket_ ABSL_GUARDED_BY(mu_) = 0;
  // Set when the state could not be rebuilt after a store error.
  absl::Status broken_ ABSL_GUARDED_BY(mu_);
  // Times the state was rebuilt from the store, and why last: a writer that
  // lets mu_ go between parts of its write learns that what it applied
  // before was dropped.
  uint64_t reloads_ ABSL_GUARDED_BY(mu_) = 0;
  absl::Status reload_cause_ ABSL_GUARDED_BY(mu_);
  RecoveryReport recovery_ ABSL_GUARDED_BY(mu_);
  // The sequence of the newest snapshot written or loaded, and the last
  // sequence applied: read without mu_ to decide whether a snapshot is due.
  std::atomic<uint64_t> snapshot_sequence_{0};
  std::atomic<uint64_t> applied_sequence_{0};
  // One snapshot at a time; taken before mu_.
  absl::Mutex snapshot_mu_ ABSL_ACQUIRED_BEFORE(mu_);
  // The group commit's queue; taken before mu_.
  util::Mutex commit_mu_ ABSL_ACQUIRED_BEFORE(mu_);
  std::vector<CommitRequest*> commit_queue_ ABSL_GUARDED_BY(commit_mu_);
  bool leading_ ABSL_GUARDED_BY(commit_mu_) = false;
  // A leader waiting for company, and how much it waits for: as many
  // writers as the last round served.
  bool gathering_ ABSL_GUARDED_BY(commit_mu_) = false;
  size_t expected_ ABSL_GUARDED_BY(commit_mu_) = 1;
  util::CondVar arrivals_;
  // A moving average of the store's Sync (AwaitDurable), which bounds the
  // gathering; a snapshot taken after a sync is not counted.
  std::atomic<int64_t> sync_nanos_{0};
};


}  // namespace threadline::engine

#endif  // THREADLINE_SRC_ENGINE_ENGINE_IMPL_H_
