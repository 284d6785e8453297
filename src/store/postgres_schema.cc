// File: postgres_schema.cc
// The PostgreSQL store's schema: created or migrated on open, in order, once,
// however many hosts open at the same moment.
#include "store/postgres_schema.h"

#include <cstdint>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace threadline {
namespace store_internal {
namespace {

// The advisory lock keys. The schema lock uses PostgreSQL's one-key space
// and the tenant locks its two-key space, so they never collide. Both are
// "threadln"/"thln" in ASCII, to make them recognisable in pg_locks.
constexpr int64_t kSchemaLockKey = 0x7468726561646c6eLL;
constexpr int32_t kTenantLockClass = 0x74686c6e;

struct Migration {
  int version;
  const char* description;
  const char* sql;
};

// The migrations, oldest first. Never edit one that has shipped: add the
// next. Each runs inside the open transaction, so a failure leaves nothing.
constexpr Migration kMigrations[] = {
    {1, "tenants, events and snapshots, partitioned by tenant",
     R"sql(
CREATE TABLE threadline.tenants (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE threadline.events (
  tenant text NOT NULL,
  sequence bigint NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (tenant, sequence)) PARTITION BY LIST (tenant);
CREATE TABLE threadline.snapshots (
  tenant text NOT NULL,
  sequence bigint NOT NULL,
  data bytea NOT NULL,
  taken_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, sequence)) PARTITION BY LIST (tenant);
)sql"},
};
static_assert(sizeof(kMigrations) / sizeof(kMigrations[0]) == kSchemaVersion,
              "kSchemaVersion is the number of migrations");

// CreatePartition: `table`'s partition for `tenant`, named `name`, unless it
// exists.
void CreatePartition(pqxx::work& txn, const std::string& table,
                     const std::string& name, const std::string& tenant) {
  const bool missing =
      txn.exec_params1("SELECT to_regclass($1) IS NULL", name)[0].as<bool>();
  if (!missing) return;
  txn.exec(absl::StrCat("CREATE TABLE ", name, " PARTITION OF ", table,
                        " FOR VALUES IN (", txn.quote(tenant), ")"));
}

}  // namespace

std::string LockParentsSql(std::string_view mode) {
  return absl::StrCat(
      "LOCK TABLE ONLY threadline.snapshots, ONLY threadline.events IN ",
      std::string(mode), " MODE");
}

namespace {

absl::StatusOr<TenantTables> Prepare(pqxx::work& txn,
                                     const std::string& tenant) {
  txn.exec_params("SELECT pg_advisory_xact_lock($1)", kSchemaLockKey);
  txn.exec("CREATE SCHEMA IF NOT EXISTS threadline");
  txn.exec(
      "CREATE TABLE IF NOT EXISTS threadline.schema_version ("
      " version integer PRIMARY KEY,"
      " description text NOT NULL,"
      " applied_at timestamptz NOT NULL DEFAULT now())");
  const int current =
      txn.exec1("SELECT coalesce(max(version), 0) FROM "
                "threadline.schema_version")[0]
          .as<int>();
  if (current > kSchemaVersion) {
    return absl::FailedPreconditionError(absl::StrCat(
        "PostgreSQL schema threadline is at version ", current,
        ", newer than this threadline knows (", kSchemaVersion,
        "): upgrade threadline"));
  }
  for (const Migration& m : kMigrations) {
    if (m.version <= current) continue;
    txn.exec(m.sql);
    txn.exec_params(
        "INSERT INTO threadline.schema_version (version, description) "
        "VALUES ($1, $2)",
        m.version, std::string(m.description));
  }

  pqxx::result found = txn.exec_params(
      "SELECT id FROM threadline.tenants WHERE tenant = $1", tenant);
  const int64_t id =
      found.empty()
          ? txn.exec_params1("INSERT INTO threadline.tenants (tenant) "
                             "VALUES ($1) RETURNING id",
                             tenant)[0]
                .as<int64_t>()
          : found[0][0].as<int64_t>();
  TenantTables tables;
  tables.events = absl::StrCat("threadline.events_", id);
  tables.snapshots = absl::StrCat("threadline.snapshots_", id);
  const bool missing =
      txn.exec_params1("SELECT to_regclass($1) IS NULL OR to_regclass($2) IS NULL",
                       tables.snapshots, tables.events)[0]
          .as<bool>();
  if (missing) {
    // Partitioning locks the parents exclusively: take both at once, in
    // the order every other transaction takes them.
    txn.exec(LockParentsSql("ACCESS EXCLUSIVE"));
    CreatePartition(txn, "threadline.snapshots", tables.snapshots, tenant);
    CreatePartition(txn, "threadline.events", tables.events, tenant);
  }
  txn.commit();
  return tables;
}

}  // namespace

absl::StatusOr<TenantTables> PrepareTenant(pqxx::connection& connection,
                                           const std::string& tenant) {
  try {
    pqxx::work txn(connection, "threadline_open");
    return Prepare(txn, tenant);
  } catch (const std::exception& e) {
    return PostgresError(
        e, absl::StrCat("creating or migrating the schema for tenant ",
                        tenant));
  }
}

std::string LockTenantSql(pqxx::transaction_base& txn,
                          const std::string& tenant) {
  return absl::StrCat("SELECT pg_advisory_xact_lock(", kTenantLockClass,
                      ", hashtext(", txn.quote(tenant), "))");
}

absl::Status PostgresError(const std::exception& e, const std::string& what) {
  const std::string message = absl::StrCat(
      "PostgreSQL error ", what, ": ",
      absl::StripAsciiWhitespace(absl::string_view(e.what())));
  if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr) {
    return absl::UnavailableError(message);
  }
  if (dynamic_cast<const pqxx::in_doubt_error*>(&e) != nullptr) {
    return absl::UnavailableError(
        absl::StrCat(message, " (the commit's outcome is unknown)"));
  }
  const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e);
  if (sql == nullptr) return absl::InternalError(message);
  const std::string& state = sql->sqlstate();
  const std::string state_class = state.substr(0, 2);
  if (state_class == "08" || state_class == "57") {
    return absl::UnavailableError(message);
  }
  if (state_class == "40") return absl::AbortedError(message);
  if (state_class == "53") return absl::ResourceExhaustedError(message);
  if (state == "42501" || state_class == "28") {
    return absl::PermissionDeniedError(message);
  }
  return absl::InternalError(
      absl::StrCat(message, " (SQLSTATE ", state, ")"));
}

}  // namespace store_internal
}  // namespace threadline
