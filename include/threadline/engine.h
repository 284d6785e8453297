// File: engine.h
// The Engine: the one entry point of threadline. A host hands it each
// interaction as it happens; it answers at once who the customer is across
// all their identities, which case the interaction continues and why, and
// what the next agent needs to know.
//
// Example:
//   threadline::EngineOptions options;
//   options.own_identities = {{threadline::IdentityKind::kTwitter, "@AcmeCare"}};
//   absl::StatusOr<std::unique_ptr<threadline::Engine>> engine =
//       threadline::Engine::Open(options);
//   if (!engine.ok()) return engine.status();
//   absl::StatusOr<threadline::Linkage> link = (*engine)->Ingest(interaction);
//   // link->customer_id, link->case_id, link->reason
//   absl::StatusOr<threadline::HandoffContext> ctx =
//       (*engine)->Context(link->case_id);
#ifndef THREADLINE_ENGINE_H_
#define THREADLINE_ENGINE_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "threadline/clock.h"
#include "threadline/export.h"
#include "threadline/store.h"
#include "threadline/listening.h"
#include "threadline/sentiment.h"
#include "threadline/types.h"

namespace threadline {

// EngineOptions: validated once by Engine::Open, which names a bad field.
struct EngineOptions {
  // ISO 3166 region used to read national phone numbers when an interaction
  // names none. Default: "US".
  std::string default_region = "US";
  // The brand's own handles, numbers and addresses. They never identify a
  // customer, even when customers quote them. Default: none (shared
  // identities are also found on their own; see shared_after_conflicts).
  std::vector<Identity> own_identities;
  // A resolved case reopens when the customer follows up on it within this
  // window (a reply, the same thread or host reference, or a message saying
  // it follows up); after it, the same matter opens a new case. A fresh
  // complaint without a follow-up is a new case even inside the window.
  // Default: 7 days.
  absl::Duration reopen_window = absl::Hours(24 * 7);
  // An open case with no activity for this long no longer takes the
  // customer's return on the same matter (it went cold); explicit replies,
  // threads and host references still reach it. Default: 7 days.
  absl::Duration idle_window = absl::Hours(24 * 7);
  // Most identities of each kind one customer may have, indexed by
  // IdentityKind; a merge that would exceed a limit does not happen and the
  // weaker identity is left unlinked. 0: no limit. Default: one ACCOUNT and
  // one handle per social network, three phones, three emails.
  std::array<uint8_t, kIdentityKindCount> max_identities_per_kind =
      DefaultIdentityLimits();
  // Refused merges after which an identity counts as shared by several
  // people (a family landline, the hotline quoted by customers): it stops
  // identifying anyone and merges that rested on it alone are undone.
  // Default: 2.
  int shared_after_conflicts = 2;
  // Find identities customers write into messages ("my email is …").
  // Default: true.
  bool use_mentioned_identities = true;
  // Messages shown in a handoff context. Default: 5.
  int context_messages = 5;
  // Threads IngestBatch may use to read a batch's identities and text
  // (phone numbers, mentions, matter) before linking it in order; results
  // are the same for any number. The threads live only during the call.
  // Default: 1 (no threads of the engine's own).
  int batch_threads = 1;
  // Source of "now" for waiting times, merges and snapshot times. Default:
  // the system clock.
  std::shared_ptr<Clock> clock;
  // Where every change is kept (see store.h). Open loads it (the newest
  // snapshot, then the events after it) before returning, and every write
  // returns only once its events are stored as the store's sync policy
  // says. Default: none: the state lives in memory only.
  std::shared_ptr<Store> store;
  // With no `store`: the directory of a journal that Open opens (creating
  // it when missing) with default JournalOptions, the embedded default.
  // Default: empty (no journal).
  std::string journal_dir;
  // With a store: events between automatic snapshots. A snapshot bounds
  // what the next Open replays and lets the store drop older events; taking
  // one serializes the whole state while ingests wait (about a second per
  // million interactions), so it is not taken often. 0: only by
  // Engine::Checkpoint and Engine::Erase. Default: 1,000,000.
  uint64_t snapshot_every = 1000000;

  // Scores each inbound message's sentiment when it is ingested, outside
  // the engine's lock; the score is kept with the interaction, so replay
  // does not score again. The language is the interaction's, else the
  // analyzer detects it. nullptr turns scoring off (the early warning then
  // watches all inbound volume). Default: the built-in lexicon analyzer.
  std::shared_ptr<const SentimentAnalyzer> sentiment =
      NewLexiconSentimentAnalyzer();
  // Early warning and incident grouping (listening.h).
  ListeningOptions listening;
  // Told of each alert, outside any engine lock. Default: none (alerts are
  // still kept; see Engine::Alerts).
  std::shared_ptr<AlertListener> alert_listener;

  // Exported: every EngineOptions a host makes calls it.
  THREADLINE_EXPORT static std::array<uint8_t, kIdentityKindCount>
  DefaultIdentityLimits();
};

// A message as the next agent sees it.
struct ContextMessage {
  std::string interaction_id;
  absl::Time occurred_at;
  Channel channel = Channel::kUnspecified;
  Direction direction = Direction::kUnspecified;
  std::string agent_id;
  std::string text;
};

// HandoffContext: what the next agent needs, on any channel.
struct HandoffContext {
  Customer customer;
  Case case_info;
  std::vector<Channel> channels;          // the case's channels, first use order
  absl::Time started_at;
  Channel started_on = Channel::kUnspecified;
  std::vector<ContextMessage> last_messages;  // oldest first
  // How long the customer has been waiting for the brand: since their first
  // inbound message not yet answered, as of the engine's clock; zero when
  // nothing is waiting.
  absl::Duration waiting = absl::ZeroDuration();
  // Other open cases of the same customer.
  std::vector<std::string> other_open_cases;
  // How the customer's mood went over the case (also case_info.sentiment).
  SentimentTrend sentiment;
  // The incident the case belongs to, with its size, when it is in one.
  std::string incident_id;
  int incident_cases = 0;
};

// One entry of a customer's timeline across channels.
struct TimelineEntry {
  std::string interaction_id;
  std::string case_id;
  absl::Time occurred_at;
  Channel channel = Channel::kUnspecified;
  Direction direction = Direction::kUnspecified;
  std::string text;
};

// RecoveryReport: what Engine::Open found in its store.
struct RecoveryReport {
  // Store::Describe() of the store; empty for an engine without one.
  std::string store;
  LoadReport load;  // snapshot sequence, events replayed, what was cut off
  // When the restored snapshot was taken (engine clock); InfinitePast when
  // there was none.
  absl::Time snapshot_taken_at = absl::InfinitePast();
  absl::Duration took = absl::ZeroDuration();  // time to load
};

// ErasureReport: what Engine::Erase removed.
struct ErasureReport {
  // The customer's id, then the ids of the customers merged into it.
  std::vector<std::string> customer_ids;
  uint64_t identities = 0;
  uint64_t interactions = 0;  // theirs, and the brand's replies in their cases
  uint64_t cases = 0;
};

struct EngineStats {
  uint64_t interactions = 0;
  uint64_t customers = 0;  // current customers, after merges
  uint64_t cases = 0;      // current cases, after merges
  uint64_t identities = 0;
  uint64_t merges = 0;     // merge records in force
  uint64_t shared_identities = 0;
};

// Engine: thread-safe. All methods may be called concurrently; Ingest calls
// are serialized internally (normalization runs outside the lock). No
// callback into host code is made while a lock is held.
//
// Durability, with a store: each write (Ingest, IngestBatch as a whole,
// Merge, Unmerge, SetCaseStatus, Erase) hands its events to Store::Append
// under the engine's lock, then waits for Store::Sync outside it, so
// concurrent writers share one sync; a write that returns OK is stored. When
// Append or Sync fails the write returns that error and the engine rebuilds
// its state from what the store holds (snapshot and events), so memory never
// runs ahead of the store: an ingest that failed may or may not be stored
// (after a failed Sync) and can be retried with the same id. Reads keep
// working throughout. A store that cannot be loaded twice (the journal loads
// once per OpenJournal) or whose second load fails leaves the engine unable
// to rebuild: reads then answer from memory, which may include the failed
// write, and every later write returns FailedPrecondition naming the store
// error until the engine (and its store) is opened again.
class THREADLINE_EXPORT Engine {
 public:
  // Open: a new engine with `options`. InvalidArgument naming the field for
  // a bad option (an unknown default_region, a negative window, an own
  // identity that does not normalize). With a store (or journal_dir) it
  // loads the newest snapshot and replays the events after it before
  // returning: the store's error when it cannot be read, DataLoss when a
  // snapshot or event does not parse or does not follow on, and
  // FailedPrecondition for a snapshot of an unknown layout.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<Engine>> Open(
      EngineOptions options);

  virtual ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Ingest: links one interaction and returns its customer, case and why.
  // Ingesting an id again with the same content returns the current linkage
  // (a retry is a no-op); with different content AlreadyExists. An
  // interaction lacking a required field (id, occurred_at, channel,
  // direction, contact kind and value) is InvalidArgument naming the field;
  // nothing changes then. A contact or identity that does not normalize (a
  // withheld caller id, a garbled address) identifies no one but does not
  // lose the interaction: its other identities, or the case its reply or
  // thread continues, decide the customer; else it is a customer of its own.
  [[nodiscard]] virtual absl::StatusOr<Linkage> Ingest(
      const Interaction& interaction) = 0;

  // IngestBatch: Ingest of each interaction in order; one result each.
  // With EngineOptions::batch_threads > 1 the reading of the batch is
  // shared among that many threads; linking stays in order.
  [[nodiscard]] virtual std::vector<absl::StatusOr<Linkage>> IngestBatch(
      const std::vector<Interaction>& interactions) = 0;

  // LinkageOf: the current linkage of an ingested interaction (ids of
  // surviving customers and cases). NotFound for an unknown id.
  [[nodiscard]] virtual absl::StatusOr<Linkage> LinkageOf(
      std::string_view interaction_id) const = 0;

  // GetCustomer: a customer by id; an absorbed id gives the survivor.
  // NotFound for an unknown id.
  [[nodiscard]] virtual absl::StatusOr<Customer> GetCustomer(
      std::string_view customer_id) const = 0;
  // FindCustomer: the customer an identity (raw form) belongs to. NotFound
  // when it belongs to no one (or is shared); InvalidArgument when it does
  // not normalize.
  [[nodiscard]] virtual absl::StatusOr<Customer> FindCustomer(
      const Identity& identity, std::string_view region = {}) const = 0;
  // GetCase: a case by id; an absorbed id gives the survivor.
  [[nodiscard]] virtual absl::StatusOr<Case> GetCase(
      std::string_view case_id) const = 0;
  // CasesOf: a customer's cases, oldest first.
  [[nodiscard]] virtual absl::StatusOr<std::vector<Case>> CasesOf(
      std::string_view customer_id) const = 0;
  // Timeline: a customer's interactions across channels, in time order.
  [[nodiscard]] virtual absl::StatusOr<std::vector<TimelineEntry>> Timeline(
      std::string_view customer_id) const = 0;
  // Context: the handoff context of a case.
  [[nodiscard]] virtual absl::StatusOr<HandoffContext> Context(
      std::string_view case_id) const = 0;

  // Merge: the host says two customers are one person. Returns the merge
  // record (the older id survives). NotFound for an unknown id;
  // FailedPrecondition when they are already one customer or a merge
  // between them was undone.
  [[nodiscard]] virtual absl::StatusOr<MergeRecord> Merge(
      std::string_view customer_a, std::string_view customer_b) = 0;
  // Unmerge: undoes a merge by its record id, returning each interaction to
  // the customer it came from; the two are kept apart from then on. Returns
  // the records undone. NotFound for an unknown id; FailedPrecondition when
  // already undone.
  [[nodiscard]] virtual absl::StatusOr<std::vector<MergeRecord>> Unmerge(
      std::string_view merge_id) = 0;
  // Merges: the merge records touching a customer, in force or undone.
  [[nodiscard]] virtual absl::StatusOr<std::vector<MergeRecord>> Merges(
      std::string_view customer_id) const = 0;

  // SetCaseStatus: opens or resolves a case as of `at`. NotFound for an
  // unknown id; InvalidArgument for kUnspecified.
  [[nodiscard]] virtual absl::Status SetCaseStatus(std::string_view case_id,
                                                   CaseStatus status,
                                                   absl::Time at) = 0;

  virtual EngineStats Stats() const = 0;

  // Recovery: what Open loaded from the store (what a crash cut off, how
  // many events were replayed after which snapshot).
  virtual RecoveryReport Recovery() const = 0;

  // Checkpoint: writes a snapshot of the whole state through
  // Store::WriteSnapshot, after which the store drops the events it covers
  // and Open replays only later ones. Writes wait while the state is
  // serialized. An engine that has stored nothing yet writes nothing (OK).
  // FailedPrecondition without a store; the store's error otherwise.
  [[nodiscard]] virtual absl::Status Checkpoint() = 0;

  // Erase: forgets a customer (the right to be forgotten): the customer, the
  // customers merged into it, their identities, their interactions (and the
  // brand's replies in their cases) and their cases. Afterwards nothing of
  // them is found through this API, their ids are NotFound, and the same
  // identity seen again makes a new customer; other customers are untouched.
  // With a store the erasure is stored, then a Checkpoint drops the older
  // events that held their data. NotFound for an unknown (or already
  // erased) customer; the store's error when the checkpoint fails, in which
  // case the erasure holds in memory and in the store but older events may
  // still hold the data until the next successful Checkpoint.
  [[nodiscard]] virtual absl::StatusOr<ErasureReport> Erase(
      std::string_view customer_id) = 0;

  // Social listening (listening.h).

  // Alerts: every alert raised so far, in order.
  virtual std::vector<Alert> Alerts() const = 0;
  // Incidents: every incident found or made, in order, open and resolved.
  virtual std::vector<Incident> Incidents() const = 0;
  // GetIncident: an incident by id. NotFound for an unknown id.
  [[nodiscard]] virtual absl::StatusOr<Incident> GetIncident(
      std::string_view incident_id) const = 0;
  // AddToIncident: puts a case in an incident by hand (taking it out of
  // another), as of `at`. NotFound for an unknown incident or case;
  // FailedPrecondition when the incident is resolved.
  [[nodiscard]] virtual absl::Status AddToIncident(
      std::string_view incident_id, std::string_view case_id,
      absl::Time at) = 0;
  // RemoveFromIncident: takes a case out by hand; automatic grouping leaves
  // it out from then on. NotFound for an unknown incident or case, or a
  // case that is not a member.
  [[nodiscard]] virtual absl::Status RemoveFromIncident(
      std::string_view incident_id, std::string_view case_id,
      absl::Time at) = 0;
  // ReplyToIncident: answers every open member case once, on the channel of
  // the customer's latest inbound message there, in their language, in
  // public or private wording cut to the channel's limit (RenderReply). Each
  // reply is ingested as an OUTBOUND interaction answering that message, so
  // it is linked and kept like any other; they are returned for the host to
  // send. With reply.resolve, the replies resolve their cases and the
  // incident. A retry with the same id_prefix sends nothing twice.
  // NotFound for an unknown incident; InvalidArgument for a reply with no
  // text or no time; FailedPrecondition for a resolved incident.
  [[nodiscard]] virtual absl::StatusOr<std::vector<Interaction>>
  ReplyToIncident(std::string_view incident_id,
                  const IncidentReply& reply) = 0;
  // ResolveIncident: resolves the incident and every open member case as
  // of `at`. NotFound for an unknown id; FailedPrecondition when already
  // resolved.
  [[nodiscard]] virtual absl::Status ResolveIncident(
      std::string_view incident_id, absl::Time at) = 0;

 protected:
  Engine() = default;
};

}  // namespace threadline

#endif  // THREADLINE_ENGINE_H_
