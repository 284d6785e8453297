// File: postgres_schema_test.cc
// The PostgreSQL store's schema and compaction against a real server: opening
// at once from many hosts, and snapshots that leave no byte of the events
// they cover in the tables or their files.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <pqxx/pqxx>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "postgres_test_util.h"
#include "threadline/store.h"

namespace threadline {
namespace {


class PostgresSchemaTest : public testing_postgres::PostgresTest {
 protected:
  absl::StatusOr<std::shared_ptr<Store>> Open(const std::string& connection,
                                              const std::string& tenant) {
    PostgresOptions options;
    options.connection = connection;
    options.tenant = tenant;
    return OpenPostgresStore(options);
  }

  // FilesHolding: the server's files of the current database that contain
  // `needle`, after a checkpoint wrote every page out. Sets `readable` to
  // false when the files are not on this machine.
  std::vector<std::string> FilesHolding(const std::string& needle,
                                        bool* readable) {
    pqxx::connection c(connection_);
    pqxx::nontransaction txn(c);
    txn.exec("CHECKPOINT");
    const std::string dir = absl::StrCat(
        txn.exec1("SHOW data_directory")[0].as<std::string>(), "/base/",
        txn.exec1("SELECT oid FROM pg_database "
                  "WHERE datname = current_database()")[0]
            .as<std::string>());
    std::vector<std::string> found;
    std::error_code error;
    *readable = std::filesystem::is_directory(dir, error);
    if (!*readable) return found;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::string bytes((std::istreambuf_iterator<char>(in)),
                        std::istreambuf_iterator<char>());
      if (absl::StrContains(bytes, needle)) found.push_back(entry.path());
    }
    return found;
  }

};

TEST_F(PostgresSchemaTest, CreatesTheSchemaOnceWhenHostsOpenAtOnce) {
  // A database of its own, so the schema is created here, by these opens.
  const std::string database =
      absl::StrCat("threadline_schema_", std::hash<std::string>()(tenant_));
  {
    pqxx::connection c(connection_);
    pqxx::nontransaction(c).exec("CREATE DATABASE " + database);
  }
  const std::string connection = connection_ + " dbname=" + database;
  constexpr int kHosts = 6;
  std::vector<absl::Status> opened(kHosts);
  {
    std::vector<std::shared_ptr<Store>> stores(kHosts);
    std::vector<std::thread> hosts;
    for (int i = 0; i < kHosts; ++i) {
      hosts.emplace_back([&, i] {
        // Two hosts per tenant.
        auto store = Open(connection, absl::StrCat(tenant_, "-", i / 2));
        opened[i] = store.status();
        if (store.ok()) stores[i] = *store;
      });
    }
    for (std::thread& host : hosts) host.join();
    for (const absl::Status& status : opened) {
      EXPECT_TRUE(status.ok()) << status;
    }
    // And again, now that it exists: migrating is idempotent.
    EXPECT_TRUE(Open(connection, tenant_ + "-0").ok());
  }
  {
    pqxx::connection c(connection);
    pqxx::nontransaction txn(c);
    pqxx::row versions = txn.exec1(
        "SELECT count(*), max(version) FROM threadline.schema_version");
    EXPECT_EQ(versions[0].as<int>(), 1);
    EXPECT_EQ(versions[1].as<int>(), 1);
    EXPECT_EQ(txn.exec1("SELECT count(*) FROM threadline.tenants")[0].as<int>(),
              kHosts / 2);
  }
  pqxx::connection c(connection_);
  pqxx::nontransaction(c).exec("DROP DATABASE " + database + " WITH (FORCE)");
}

TEST_F(PostgresSchemaTest, SnapshotLeavesNoByteOfTheEventsItCovers) {
  absl::StatusOr<std::shared_ptr<Store>> store = Open(connection_, tenant_);
  ASSERT_TRUE(store.ok()) << store.status();
  ASSERT_TRUE((*store)
                  ->Load([](const StoredSnapshot&) { return absl::OkStatus(); },
                         [](const StoredEvent&) { return absl::OkStatus(); })
                  .ok());
  const std::string marker = "erase me " + tenant_;
  const std::string old_snapshot = "old snapshot " + tenant_;
  // Large covered events and small kept ones: when a page is compacted the
  // kept rows cannot cover the bytes the dropped ones leave behind.
  std::vector<StoredEvent> events;
  for (uint64_t s = 1; s <= 6; ++s) {
    std::string data = absl::StrCat("kept ", s);
    if (s == 2 || s == 3) {
      data.clear();
      while (data.size() < 1500) absl::StrAppend(&data, marker, " ", s, " ");
    }
    events.push_back({s, data});
  }
  absl::StatusOr<uint64_t> ticket = (*store)->Append(events);
  ASSERT_TRUE(ticket.ok()) << ticket.status();
  ASSERT_TRUE((*store)->Sync(*ticket).ok());
  ASSERT_TRUE((*store)->WriteSnapshot({1, old_snapshot}).ok());
  bool readable = false;
  // The check below can see bytes on disk: before compaction it finds them.
  const bool on_disk = !FilesHolding(marker, &readable).empty();
  if (readable) {
    ASSERT_TRUE(on_disk);
  }

  ASSERT_TRUE((*store)->WriteSnapshot({3, "snapshot at 3"}).ok());

  pqxx::connection c(connection_);
  pqxx::nontransaction txn(c);
  EXPECT_EQ(txn.exec_params1("SELECT count(*) FROM threadline.events "
                             "WHERE tenant = $1 AND sequence <= 3",
                             tenant_)[0]
                .as<int>(),
            0);
  EXPECT_EQ(txn.exec_params1("SELECT count(*) FROM threadline.events "
                             "WHERE position($1::bytea in data) > 0",
                             pqxx::binarystring(marker))[0]
                .as<int>(),
            0);
  EXPECT_EQ(txn.exec_params1(
                   "SELECT count(*) FROM threadline.snapshots WHERE tenant = $1",
                   tenant_)[0]
                .as<int>(),
            1);
  if (readable) {
    EXPECT_TRUE(FilesHolding(marker, &readable).empty());
    EXPECT_TRUE(FilesHolding(old_snapshot, &readable).empty());
  }

  absl::StatusOr<std::shared_ptr<Store>> reopened = Open(connection_, tenant_);
  ASSERT_TRUE(reopened.ok()) << reopened.status();
  StoredSnapshot snapshot;
  std::vector<uint64_t> replayed;
  absl::StatusOr<LoadReport> report = (*reopened)->Load(
      [&](const StoredSnapshot& s) {
        snapshot = s;
        return absl::OkStatus();
      },
      [&](const StoredEvent& e) {
        replayed.push_back(e.sequence);
        return absl::OkStatus();
      });
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(snapshot.sequence, 3u);
  EXPECT_EQ(snapshot.data, "snapshot at 3");
  EXPECT_EQ(replayed, (std::vector<uint64_t>{4, 5, 6}));
  EXPECT_EQ(report->snapshot_sequence, 3u);
  EXPECT_EQ(report->last_sequence, 6u);
  if (!readable) {
    GTEST_SKIP() << "the server's files are not on this machine: checked the "
                    "tables only";
  }
}

}  // namespace
}  // namespace threadline
