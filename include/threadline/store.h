// File: store.h
// Where an engine's events live. The engine is event-sourced: every change
// is an event (proto/threadline/v1/event.proto), and replaying the stored
// events, after the newest snapshot, rebuilds the same state. A Store keeps
// those records; it never interprets them.
//
// Three stores come with threadline: memory (tests, throw-away engines), the
// journal (an append-only file, the embedded default) and PostgreSQL (one
// tenant's events shared by a fleet of hosts, any of which can take over by
// replaying them).
//
// Example:
//   threadline::JournalOptions journal;
//   journal.sync = threadline::SyncPolicy::kEveryIngest;
//   absl::StatusOr<std::shared_ptr<threadline::Store>> store =
//       threadline::OpenJournal("/var/lib/acme/threadline", journal);
//   if (!store.ok()) return store.status();
//   threadline::EngineOptions options;
//   options.store = *store;
//   auto engine = threadline::Engine::Open(options);  // replays what is there
#ifndef THREADLINE_STORE_H_
#define THREADLINE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "threadline/export.h"

namespace threadline {

// StoredEvent: one event record. `data` is a serialized threadline.v1.Event;
// `sequence` is its Event.sequence (1, 2, 3, … with no gaps).
struct StoredEvent {
  uint64_t sequence = 0;
  std::string data;
};

// StoredSnapshot: the whole engine state as of event `sequence`, serialized
// by the engine (opaque to the store).
struct StoredSnapshot {
  uint64_t sequence = 0;
  std::string data;
};

// LoadReport: what Store::Load found.
struct LoadReport {
  uint64_t snapshot_sequence = 0;  // 0: no snapshot
  uint64_t events = 0;             // events replayed after the snapshot
  uint64_t last_sequence = 0;
  // A torn or corrupt tail (a crash mid-write) cut off: how many bytes, and
  // what was wrong. Zero and empty when nothing was dropped.
  uint64_t dropped_bytes = 0;
  std::string dropped;
};

// Store: keeps an engine's event records and snapshots. Implementations are
// thread-safe: the engine calls Append under its own lock and Sync from many
// threads at once outside it.
class THREADLINE_EXPORT Store {
 public:
  virtual ~Store();

  // Load: calls `on_snapshot` with the newest snapshot, if there is one,
  // then `on_event` with every event after it, in sequence order. Called once
  // by Engine::Open before any Append. A callback's error stops the load and
  // is returned. A torn or corrupt record at the very end (a crash mid-write)
  // is cut off and reported in the LoadReport; damage before the end is
  // DataLoss naming where it is. The journal refuses Append and
  // WriteSnapshot until Load has succeeded (FailedPrecondition): only Load
  // learns where the journal ends.
  [[nodiscard]] virtual absl::StatusOr<LoadReport> Load(
      const std::function<absl::Status(const StoredSnapshot&)>& on_snapshot,
      const std::function<absl::Status(const StoredEvent&)>& on_event) = 0;

  // Append: adds records after the last one, their sequences following on.
  // Quick (the engine holds its lock): it writes, it does not wait for the
  // disk. Returns a ticket for Sync. On error nothing of these records is
  // stored (a write error, a full disk: ResourceExhausted) and the status
  // says why; a record whose sequence another writer already took is
  // Aborted; a gap in the sequences is InvalidArgument. An empty `events`
  // stores nothing and returns the ticket of the last record.
  [[nodiscard]] virtual absl::StatusOr<uint64_t> Append(
      const std::vector<StoredEvent>& events) = 0;

  // Sync: returns once everything appended up to `ticket` is durable, as the
  // store's sync policy defines it. Concurrent callers share one sync (group
  // commit). With SyncPolicy::kInterval it returns at once (durability is
  // the background sync's), reporting a background sync that failed. An
  // error means those records may not be durable; a ticket never issued is
  // InvalidArgument.
  [[nodiscard]] virtual absl::Status Sync(uint64_t ticket) = 0;

  // WriteSnapshot: stores a snapshot, durably, and drops the events it
  // covers (compaction): no byte of them remains in the store's files or
  // tables afterwards, which is what erasure relies on. InvalidArgument for
  // sequence 0, a sequence after the last event or one older than the
  // stored snapshot.
  [[nodiscard]] virtual absl::Status WriteSnapshot(
      const StoredSnapshot& snapshot) = 0;

  // Describe: where the store is ("journal /var/lib/x", "memory"), for
  // messages.
  virtual std::string Describe() const = 0;

 protected:
  Store() = default;
};

// OpenMemoryStore: a store that keeps records in memory only, for as long as
// the returned object lives. Sync has nothing to wait for; WriteSnapshot
// drops the covered events as the other stores do.
[[nodiscard]] THREADLINE_EXPORT std::shared_ptr<Store> OpenMemoryStore();

// SyncPolicy: when an acknowledged ingest is on disk.
enum class SyncPolicy {
  // Every Ingest (and every IngestBatch, as a whole) returns only after its
  // events are synced; concurrent ingests share one sync. Survives a power
  // cut.
  kEveryIngest,
  // Syncs at most every JournalOptions::sync_interval in the background:
  // Ingest returns once written to the operating system (Store::Sync returns
  // at once). Survives a crash of the process, may lose the last interval on
  // a power cut. Closing the journal syncs what is left.
  kInterval,
};

// JournalOptions: validated by OpenJournal, which names a bad field.
struct JournalOptions {
  // Default: kEveryIngest.
  SyncPolicy sync = SyncPolicy::kEveryIngest;
  // With SyncPolicy::kInterval, the longest a written event waits for its
  // sync. Default: 10 ms.
  absl::Duration sync_interval = absl::Milliseconds(10);
  // Whether OpenJournal makes a new journal where `dir` holds none. When
  // false it fails with NotFound instead and creates nothing (no directory,
  // no file): for tools that only look, such as `threadline inspect`.
  // Default: true.
  bool create_if_missing = true;
};

// OpenJournal: the journal in directory `dir` (created when missing, unless
// options.create_if_missing is false). One process at a time: while it is
// open, another OpenJournal of the same directory fails with
// FailedPrecondition naming it. InvalidArgument for a bad option; the
// failing system call and path for a file error.
[[nodiscard]] THREADLINE_EXPORT absl::StatusOr<std::shared_ptr<Store>>
OpenJournal(const std::string& dir, JournalOptions options = {});

// PostgresOptions: validated by OpenPostgresStore.
struct PostgresOptions {
  // A libpq connection string ("host=/run/pg port=5432 dbname=crm").
  // Required.
  std::string connection;
  // The tenant whose events these are: one engine, one tenant. Required.
  std::string tenant;
};

// OpenPostgresStore: the events of one tenant in PostgreSQL, in the schema
// `threadline` (tables events and snapshots, one partition per tenant),
// created or migrated on open; hosts opening at once take turns. Describe()
// is "postgresql tenant <tenant>". Unavailable with the server's message
// when it cannot be reached (the message never holds the password),
// InvalidArgument for an empty connection or tenant. Like the journal it
// refuses writes until Load has succeeded. Sync sends everything appended
// in one transaction for all its waiting callers. Two hosts that both
// append to one tenant cannot both succeed: the one that lost gets Aborted
// from Sync (or WriteSnapshot), saying another host wrote the tenant; the
// store then refuses every write and a second Load with that error, and
// must be opened again (replaying what the other wrote) to take the tenant
// over. After any failed Sync the store is done likewise. WriteSnapshot
// rewrites the tenant's partitions (VACUUM FULL) so the dropped events'
// bytes leave the table files; PostgreSQL's write-ahead log, its archives
// and replicas keep them until they are recycled.
[[nodiscard]] THREADLINE_EXPORT absl::StatusOr<std::shared_ptr<Store>>
OpenPostgresStore(PostgresOptions options);

}  // namespace threadline

#endif  // THREADLINE_STORE_H_
