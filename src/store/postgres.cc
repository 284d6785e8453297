// File: postgres.cc
// The PostgreSQL store: one tenant's events in shared tables, so any host can
// take the tenant over by replaying them.
//
// Append only queues records in memory (the engine holds its lock); Sync
// sends the queue in one transaction for every waiting caller (group
// commit). Hosts do not lock a tenant: each store remembers the last
// sequence it loaded or wrote and checks, under the tenant's advisory lock,
// that the table still ends there before it writes. A host that finds
// otherwise was overtaken and stops.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <pqxx/pqxx>

#include "absl/base/thread_annotations.h"
#include "absl/cleanup/cleanup.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "store/postgres_schema.h"
#include "store/sequence_check.h"
#include "threadline/status_macros.h"
#include "threadline/store.h"

namespace threadline {
namespace {

using store_internal::LockParentsSql;
using store_internal::LockTenantSql;
using store_internal::PostgresError;
using store_internal::TenantTables;

// The longest record: PostgreSQL's limit for one bytea value is 1 GiB.
constexpr uint64_t kMaxPayload = (uint64_t{1} << 30) - 1;
// Rows per INSERT statement: PostgreSQL takes at most 65535 parameters.
constexpr size_t kRowsPerInsert = 1000;
// Rows per page while loading, so a long history never sits in memory twice.
constexpr int kRowsPerPage = 4096;

// PostgresStore: thread-safe. `mu_` guards the queue and the sync state and
// is never held while talking to the server; `connection_mu_` serialises use
// of the one connection. Order: connection_mu_ before mu_.
class PostgresStore final : public Store {
 public:
  PostgresStore(std::string tenant, std::unique_ptr<pqxx::connection> conn,
                TenantTables tables)
      : tenant_(std::move(tenant)),
        connection_(std::move(conn)),
        tables_(std::move(tables)) {}

  // Stores what was appended and not yet synced, as the journal does; a
  // failure has no one left to tell.
  ~PostgresStore() override {
    uint64_t last;
    {
      absl::MutexLock lock(&mu_);
      if (!loaded_ || !failed_.ok()) return;
      last = appended_last_;
    }
    (void)Sync(last);
  }

  absl::StatusOr<LoadReport> Load(
      const std::function<absl::Status(const StoredSnapshot&)>& on_snapshot,
      const std::function<absl::Status(const StoredEvent&)>& on_event)
      override;
  absl::StatusOr<uint64_t> Append(
      const std::vector<StoredEvent>& events) override;
  absl::Status Sync(uint64_t ticket) override;
  absl::Status WriteSnapshot(const StoredSnapshot& snapshot) override;
  std::string Describe() const override {
    return absl::StrCat("postgresql tenant ", tenant_);
  }

 private:
  // Overtaken: the error for a tenant another host wrote to; `found` says
  // what showed it.
  absl::Status Overtaken(const std::string& found) const {
    return absl::AbortedError(absl::StrCat(
        "PostgreSQL tenant ", tenant_,
        " was written by another host since this store opened (", found,
        "): open the store again to take the tenant over"));
  }
  // CheckNotOvertaken: in `txn`, takes the tenant's lock and checks that the
  // tenant's newest event or snapshot is the one this store knows of.
  absl::Status CheckNotOvertaken(pqxx::work& txn)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(connection_mu_);
  // Insert: stores `batch` in one transaction.
  absl::Status Insert(const std::vector<StoredEvent>& batch)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(connection_mu_);
  void InsertRows(pqxx::work& txn, const std::vector<StoredEvent>& batch)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(connection_mu_);
  // Read: the tenant's newest snapshot and the events after it, handed to
  // the callbacks; throws libpqxx's exceptions.
  absl::StatusOr<LoadReport> Read(
      const std::function<absl::Status(const StoredSnapshot&)>& on_snapshot,
      const std::function<absl::Status(const StoredEvent&)>& on_event)
      ABSL_LOCKS_EXCLUDED(connection_mu_);
  // StoreSnapshot: in one transaction, stores `snapshot` and deletes the
  // snapshots and events it covers. Sets `overtaken` when another host wrote.
  absl::Status StoreSnapshot(const StoredSnapshot& snapshot, bool* overtaken)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(connection_mu_);
  // Reclaim: rewrites the tenant's partitions so deleted rows leave no bytes.
  absl::Status Reclaim(uint64_t sequence)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(connection_mu_);

  // CheckUsable: why the store cannot write now, if it cannot.
  absl::Status CheckUsable() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (!loaded_) {
      return absl::FailedPreconditionError(
          absl::StrCat(Describe(), ": call Load before writing"));
    }
    return failed_;
  }

  const std::string tenant_;

  absl::Mutex connection_mu_ ABSL_ACQUIRED_BEFORE(mu_);
  std::unique_ptr<pqxx::connection> connection_
      ABSL_GUARDED_BY(connection_mu_);
  const TenantTables tables_;
  // The newest sequence this store knows the tables hold.
  uint64_t stored_last_ ABSL_GUARDED_BY(connection_mu_) = 0;

  absl::Mutex mu_;
  absl::CondVar synced_cv_;
  std::vector<StoredEvent> queue_ ABSL_GUARDED_BY(mu_);
  uint64_t appended_last_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t synced_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t snapshot_sequence_ ABSL_GUARDED_BY(mu_) = 0;
  bool syncing_ ABSL_GUARDED_BY(mu_) = false;
  bool loading_ ABSL_GUARDED_BY(mu_) = false;
  bool loaded_ ABSL_GUARDED_BY(mu_) = false;
  // Set by the first failed write, for good: the queued events that went
  // with it are lost, so later ones would leave a gap; and after another
  // host's write this store's view is stale.
  absl::Status failed_ ABSL_GUARDED_BY(mu_);
};

absl::StatusOr<LoadReport> PostgresStore::Load(
    const std::function<absl::Status(const StoredSnapshot&)>& on_snapshot,
    const std::function<absl::Status(const StoredEvent&)>& on_event) {
  {
    absl::MutexLock lock(&mu_);
    // After a failed write the store is done: an engine that reloads to
    // recover learns why, and that it must open the store again.
    if (!failed_.ok()) return failed_;
    if (loaded_ || loading_) {
      return absl::FailedPreconditionError(
          absl::StrCat(Describe(), ": Load was already called"));
    }
    loading_ = true;
  }
  absl::StatusOr<LoadReport> report;
  try {
    report = Read(on_snapshot, on_event);
  } catch (const std::exception& e) {
    report = PostgresError(e, absl::StrCat("loading tenant ", tenant_));
  }
  absl::MutexLock lock(&mu_);
  loading_ = false;
  if (!report.ok()) return report;
  loaded_ = true;
  appended_last_ = synced_ = report->last_sequence;
  snapshot_sequence_ = report->snapshot_sequence;
  return report;
}

absl::StatusOr<LoadReport> PostgresStore::Read(
    const std::function<absl::Status(const StoredSnapshot&)>& on_snapshot,
    const std::function<absl::Status(const StoredEvent&)>& on_event) {
  // One snapshot of the database for the snapshot row and every event page.
  // Writes are refused until Load returns, so the connection is this read's;
  // its lock is held for each query only, never while the host's callbacks
  // run.
  using ReadTransaction = pqxx::transaction<pqxx::repeatable_read>;
  std::unique_ptr<ReadTransaction> txn;
  auto end = absl::MakeCleanup([&] {
    absl::MutexLock lock(&connection_mu_);
    txn.reset();  // rolls back unless committed
  });
  LoadReport report;
  pqxx::result snapshot;
  {
    absl::MutexLock lock(&connection_mu_);
    txn = std::make_unique<ReadTransaction>(*connection_, "threadline_load");
    txn->exec(LockParentsSql("ACCESS SHARE"));
    snapshot = txn->exec_params(
        "SELECT sequence, data FROM threadline.snapshots WHERE tenant = $1 "
        "ORDER BY sequence DESC LIMIT 1",
        tenant_);
  }
  if (!snapshot.empty()) {
    StoredSnapshot stored;
    stored.sequence = snapshot[0][0].as<uint64_t>();
    stored.data = pqxx::binarystring(snapshot[0][1]).str();
    snapshot.clear();
    report.snapshot_sequence = report.last_sequence = stored.sequence;
    THREADLINE_RETURN_IF_ERROR(on_snapshot(stored));
  }
  for (;;) {
    pqxx::result page;
    {
      absl::MutexLock lock(&connection_mu_);
      page = txn->exec_params(
          "SELECT sequence, data FROM threadline.events "
          "WHERE tenant = $1 AND sequence > $2 ORDER BY sequence LIMIT $3",
          tenant_, report.last_sequence, kRowsPerPage);
    }
    StoredEvent event;
    for (const pqxx::row& row : page) {
      event.sequence = row[0].as<uint64_t>();
      if (event.sequence != report.last_sequence + 1) {
        return absl::DataLossError(absl::StrCat(
            Describe(), ": event ", event.sequence, " follows ",
            report.last_sequence, ": events ", report.last_sequence + 1,
            " to ", event.sequence - 1, " are missing from ", tables_.events));
      }
      event.data = pqxx::binarystring(row[1]).str();
      THREADLINE_RETURN_IF_ERROR(on_event(event));
      report.last_sequence = event.sequence;
      ++report.events;
    }
    if (page.size() < static_cast<size_t>(kRowsPerPage)) break;
  }
  absl::MutexLock lock(&connection_mu_);
  txn->commit();
  stored_last_ = report.last_sequence;
  return report;
}

absl::StatusOr<uint64_t> PostgresStore::Append(
    const std::vector<StoredEvent>& events) {
  absl::MutexLock lock(&mu_);
  THREADLINE_RETURN_IF_ERROR(CheckUsable());
  THREADLINE_RETURN_IF_ERROR(
      store::CheckFollowOn(events, appended_last_, kMaxPayload, Describe()));
  if (events.empty()) return appended_last_;
  queue_.insert(queue_.end(), events.begin(), events.end());
  appended_last_ = events.back().sequence;
  return appended_last_;
}

absl::Status PostgresStore::Sync(uint64_t ticket) {
  std::vector<StoredEvent> batch;
  {
    absl::MutexLock lock(&mu_);
    // Wait while another caller's transaction may carry our events.
    while (synced_ < ticket && failed_.ok() && syncing_) {
      synced_cv_.Wait(&mu_);
    }
    if (synced_ >= ticket) return absl::OkStatus();
    if (!failed_.ok()) return failed_;
    THREADLINE_RETURN_IF_ERROR(
        store::CheckTicket(ticket, appended_last_, Describe()));
    // This caller sends everything queued, for all who wait.
    syncing_ = true;
    batch.swap(queue_);
    if (batch.empty()) {  // synced_ < ticket <= appended_last_: cannot be
      syncing_ = false;
      return absl::InternalError(
          absl::StrCat(Describe(), ": nothing queued for ticket ", ticket));
    }
  }
  absl::Status status;
  {
    absl::MutexLock connection_lock(&connection_mu_);
    status = Insert(batch);
    if (status.ok()) stored_last_ = batch.back().sequence;
  }
  absl::MutexLock lock(&mu_);
  syncing_ = false;
  if (status.ok()) {
    synced_ = batch.back().sequence;
  } else {
    failed_ = status;
  }
  synced_cv_.SignalAll();
  return status;
}

absl::Status PostgresStore::CheckNotOvertaken(pqxx::work& txn) {
  // Both statements in one round trip; each sees what committed before it
  // ran, so the check sees every write made before the lock was granted.
  const uint64_t found =
      txn.exec(absl::StrCat(
                   LockParentsSql("ROW EXCLUSIVE"), "; ",
                   LockTenantSql(txn, tenant_),
                   "; SELECT coalesce(greatest("
                   "(SELECT max(sequence) FROM threadline.events "
                   "WHERE tenant = ",
                   txn.quote(tenant_),
                   "), (SELECT max(sequence) FROM threadline.snapshots "
                   "WHERE tenant = ",
                   txn.quote(tenant_), ")), 0)"))[0][0]
          .as<uint64_t>();
  if (found != stored_last_) {
    return Overtaken(absl::StrCat("the tenant ends at sequence ", found,
                                  ", this store at ", stored_last_));
  }
  return absl::OkStatus();
}

absl::Status PostgresStore::Insert(const std::vector<StoredEvent>& batch) {
  const std::string what =
      absl::StrCat("storing events ", batch.front().sequence, " to ",
                   batch.back().sequence, " of tenant ", tenant_);
  try {
    pqxx::work txn(*connection_, "threadline_append");
    THREADLINE_RETURN_IF_ERROR(CheckNotOvertaken(txn));
    InsertRows(txn, batch);
    txn.commit();
    return absl::OkStatus();
  } catch (const pqxx::unique_violation&) {
    // Only a writer that bypasses the tenant lock gets here.
    return Overtaken(absl::StrCat("event ", batch.front().sequence,
                                  " or a later one is already stored"));
  } catch (const std::exception& e) {
    return PostgresError(e, what);
  }
}

void PostgresStore::InsertRows(pqxx::work& txn,
                               const std::vector<StoredEvent>& batch) {
  std::vector<std::string> sequences;
  std::vector<pqxx::binarystring> data;
  for (size_t begin = 0; begin < batch.size(); begin += kRowsPerInsert) {
    const size_t end = std::min(batch.size(), begin + kRowsPerInsert);
    const size_t rows = end - begin;
    // $1 the tenant, $2.. the sequences, then the data (sent in binary).
    std::string sql = absl::StrCat("INSERT INTO ", tables_.events,
                                   " (tenant, sequence, data) VALUES ");
    sequences.clear();
    data.clear();
    for (size_t i = 0; i < rows; ++i) {
      const StoredEvent& event = batch[begin + i];
      absl::StrAppend(&sql, i == 0 ? "" : ",", "($1,$", 2 + i, ",$",
                      2 + rows + i, ")");
      sequences.push_back(absl::StrCat(event.sequence));
      data.emplace_back(event.data);
    }
    txn.exec_params(sql, tenant_, pqxx::prepare::make_dynamic_params(sequences),
                    pqxx::prepare::make_dynamic_params(data));
  }
}

absl::Status PostgresStore::WriteSnapshot(const StoredSnapshot& snapshot) {
  {
    absl::MutexLock lock(&mu_);
    THREADLINE_RETURN_IF_ERROR(CheckUsable());
    THREADLINE_RETURN_IF_ERROR(store::CheckSnapshot(
        snapshot, snapshot_sequence_, appended_last_, Describe()));
  }
  // The events it covers must be stored before they can be dropped.
  THREADLINE_RETURN_IF_ERROR(Sync(snapshot.sequence));
  absl::MutexLock connection_lock(&connection_mu_);
  bool overtaken = false;
  absl::Status stored = StoreSnapshot(snapshot, &overtaken);
  {
    absl::MutexLock lock(&mu_);
    if (overtaken && failed_.ok()) failed_ = stored;
    if (stored.ok()) {
      snapshot_sequence_ = std::max(snapshot_sequence_, snapshot.sequence);
    }
  }
  if (!stored.ok()) return stored;
  stored_last_ = std::max(stored_last_, snapshot.sequence);
  return Reclaim(snapshot.sequence);
}

absl::Status PostgresStore::StoreSnapshot(const StoredSnapshot& snapshot,
                                          bool* overtaken) {
  try {
    pqxx::work txn(*connection_, "threadline_snapshot");
    absl::Status current = CheckNotOvertaken(txn);
    if (!current.ok()) {
      *overtaken = true;
      return current;
    }
    txn.exec_params(
        "INSERT INTO threadline.snapshots (tenant, sequence, data) "
        "VALUES ($1, $2, $3) ON CONFLICT (tenant, sequence) "
        "DO UPDATE SET data = excluded.data, taken_at = now()",
        tenant_, snapshot.sequence, pqxx::binarystring(snapshot.data));
    txn.exec_params(
        "DELETE FROM threadline.snapshots WHERE tenant = $1 AND sequence < $2",
        tenant_, snapshot.sequence);
    txn.exec_params(
        "DELETE FROM threadline.events WHERE tenant = $1 AND sequence <= $2",
        tenant_, snapshot.sequence);
    txn.commit();
    return absl::OkStatus();
  } catch (const std::exception& e) {
    return PostgresError(e, absl::StrCat("writing the snapshot at sequence ",
                                         snapshot.sequence, " of tenant ",
                                         tenant_));
  }
}

absl::Status PostgresStore::Reclaim(uint64_t sequence) {
  // Deleted rows stay in the table's pages, bytes and all, until the pages
  // are rewritten: plain VACUUM only marks their space free. VACUUM FULL of
  // the tenant's own partitions writes new files with the live rows only and
  // removes the old ones; it locks no other tenant.
  try {
    pqxx::nontransaction vacuum(*connection_, "threadline_vacuum");
    vacuum.exec(absl::StrCat("VACUUM FULL ", tables_.events, ", ",
                             tables_.snapshots));
    return absl::OkStatus();
  } catch (const std::exception& e) {
    return PostgresError(
        e, absl::StrCat("rewriting ", tables_.events, " after the snapshot at ",
                        sequence, " of tenant ", tenant_,
                        " (the snapshot is stored; the dropped events' bytes "
                        "may remain in the files until the next snapshot)"));
  }
}

}  // namespace

absl::StatusOr<std::shared_ptr<Store>> OpenPostgresStore(
    PostgresOptions options) {
  if (options.connection.empty()) {
    return absl::InvalidArgumentError(
        "PostgresOptions.connection is empty: a libpq connection string is "
        "required (\"host=/run/postgresql dbname=crm\")");
  }
  if (options.tenant.empty()) {
    return absl::InvalidArgumentError(
        "PostgresOptions.tenant is empty: every store holds one tenant");
  }
  std::unique_ptr<pqxx::connection> connection;
  try {
    connection = std::make_unique<pqxx::connection>(options.connection);
    // Keep "already exists, skipping" notices off the host's stderr.
    pqxx::nontransaction session(*connection, "threadline_session");
    session.exec("SET client_min_messages = warning");
  } catch (const std::exception& e) {
    return PostgresError(
        e, absl::StrCat("connecting for tenant ", options.tenant));
  }
  THREADLINE_ASSIGN_OR_RETURN(
      TenantTables tables,
      store_internal::PrepareTenant(*connection, options.tenant));
  return std::make_shared<PostgresStore>(std::move(options.tenant),
                                         std::move(connection),
                                         std::move(tables));
}

}  // namespace threadline
