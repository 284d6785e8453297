// File: postgres_schema.h
// The PostgreSQL store's tables, their migrations, and how libpqxx's
// exceptions become statuses. Internal to src/store.
//
// Everything lives in the schema `threadline`:
//   schema_version(version, description, applied_at): migrations applied.
//   tenants(id, tenant, created_at): one row per tenant ever opened; `id`
//     names the tenant's partitions.
//   events(tenant, sequence, data), primary key (tenant, sequence).
//   snapshots(tenant, sequence, data, taken_at), primary key (tenant,
//     sequence); at most one row per tenant once a snapshot is written.
// events and snapshots are partitioned by tenant (one partition per tenant,
// events_<id> and snapshots_<id>): compaction rewrites only that tenant's
// partitions (VACUUM FULL), so erased bytes leave the files without locking
// other tenants out.
#ifndef THREADLINE_STORE_POSTGRES_SCHEMA_H_
#define THREADLINE_STORE_POSTGRES_SCHEMA_H_

#include <cstdint>
#include <exception>
#include <string>
#include <string_view>

#include <pqxx/pqxx>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace threadline {
namespace store_internal {

// TenantTables: where one tenant's rows live.
struct TenantTables {
  std::string events;     // "threadline.events_12": the tenant's partitions
  std::string snapshots;  // "threadline.snapshots_12"
};

// kSchemaVersion: the newest migration this code knows.
inline constexpr int kSchemaVersion = 1;

// PrepareTenant: in one transaction that holds a transaction-level advisory
// lock (so hosts opening at once take turns), creates the schema or applies
// the migrations it lacks in order, and creates the tenant's partitions when
// missing. Idempotent. FailedPrecondition when the database's schema is newer
// than this code; a libpqxx error as PostgresError describes.
[[nodiscard]] absl::StatusOr<TenantTables> PrepareTenant(
    pqxx::connection& connection, const std::string& tenant);

// LockParentsSql: a statement that locks the events' and snapshots' parent
// tables (not their partitions) in `mode`, snapshots first. Every
// transaction that uses both takes this first, so their locks are always
// taken in one order: a new tenant's partitions (which lock the parents
// exclusively) cannot deadlock with another tenant's load or write.
std::string LockParentsSql(std::string_view mode);

// LockTenantSql: a statement that takes the tenant's transaction-level
// advisory lock, which every transaction that writes the tenant's rows holds,
// so a write checks and changes the rows with no other host in between.
std::string LockTenantSql(pqxx::transaction_base& txn,
                          const std::string& tenant);

// PostgresError: `e`, thrown by libpqxx while doing `what`, as a status:
// Unavailable for a lost connection, a commit whose outcome is unknown or a
// server shutting down; Aborted for a serialization failure or a deadlock;
// PermissionDenied; ResourceExhausted; Internal otherwise. The message holds
// the server's, which never contains the password.
absl::Status PostgresError(const std::exception& e, const std::string& what);

}  // namespace store_internal
}  // namespace threadline

#endif  // THREADLINE_STORE_POSTGRES_SCHEMA_H_
