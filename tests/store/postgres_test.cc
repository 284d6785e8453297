// File: postgres_test.cc
// The PostgreSQL store against a real server (see postgres_test_util.h).
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <pqxx/pqxx>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "gtest/gtest.h"
#include "journal_test_util.h"
#include "postgres_test_util.h"
#include "threadline/store.h"

namespace threadline {
namespace {

using testing_util::LoadCancelledAt;

class PostgresStoreTest : public testing_postgres::PostgresTest {
 protected:
  std::shared_ptr<Store> Open(const std::string& tenant) {
    PostgresOptions options;
    options.connection = connection_;
    options.tenant = tenant;
    absl::StatusOr<std::shared_ptr<Store>> store = OpenPostgresStore(options);
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? *store : nullptr;
  }

  // OpenLoaded: opened and loaded, ready to write.
  std::shared_ptr<Store> OpenLoaded(const std::string& tenant) {
    std::shared_ptr<Store> store = Open(tenant);
    if (store != nullptr) LoadAll(*store);
    return store;
  }

  // Loaded: what a Load of `store` delivered.
  struct Loaded {
    LoadReport report;
    StoredSnapshot snapshot;
    std::vector<StoredEvent> events;
  };
  static Loaded LoadAll(Store& store) {
    Loaded loaded;
    absl::StatusOr<LoadReport> report = store.Load(
        [&](const StoredSnapshot& s) {
          loaded.snapshot = s;
          return absl::OkStatus();
        },
        [&](const StoredEvent& e) {
          loaded.events.push_back(e);
          return absl::OkStatus();
        });
    EXPECT_TRUE(report.ok()) << report.status();
    if (report.ok()) loaded.report = *report;
    return loaded;
  }

  static std::vector<StoredEvent> Events(uint64_t first, uint64_t last,
                                         const std::string& text = "event") {
    std::vector<StoredEvent> events;
    for (uint64_t s = first; s <= last; ++s) {
      // Binary data: a NUL and bytes that are not UTF-8 must survive.
      events.push_back({s, absl::StrCat(text, " ", s, std::string("\0\xff", 2))});
    }
    return events;
  }

  static absl::Status AppendAndSync(Store& store,
                                    const std::vector<StoredEvent>& events) {
    absl::StatusOr<uint64_t> ticket = store.Append(events);
    if (!ticket.ok()) return ticket.status();
    return store.Sync(*ticket);
  }

  int64_t Count(const std::string& sql) {
    pqxx::connection c(connection_);
    pqxx::nontransaction txn(c);
    return txn.exec_params1(sql, tenant_)[0].as<int64_t>();
  }

};

TEST_F(PostgresStoreTest, RoundTripsAndReopens) {
  std::shared_ptr<Store> store = Open(tenant_);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->Describe(), "postgresql tenant " + tenant_);
  Loaded empty = LoadAll(*store);
  EXPECT_EQ(empty.report.last_sequence, 0u);
  EXPECT_TRUE(empty.events.empty());
  // More rows than one INSERT and one load page carry.
  const std::vector<StoredEvent> events = Events(1, 5000);
  ASSERT_TRUE(AppendAndSync(*store, events).ok());

  std::shared_ptr<Store> reopened = Open(tenant_);
  ASSERT_NE(reopened, nullptr);
  Loaded loaded = LoadAll(*reopened);
  EXPECT_EQ(loaded.report.snapshot_sequence, 0u);
  EXPECT_EQ(loaded.report.events, 5000u);
  EXPECT_EQ(loaded.report.last_sequence, 5000u);
  ASSERT_EQ(loaded.events.size(), events.size());
  for (size_t i = 0; i < events.size(); ++i) {
    ASSERT_EQ(loaded.events[i].sequence, events[i].sequence);
    ASSERT_EQ(loaded.events[i].data, events[i].data);
  }
  EXPECT_TRUE(AppendAndSync(*reopened, Events(5001, 5001)).ok());
}

TEST_F(PostgresStoreTest, ClosingStoresWhatWasAppended) {
  std::shared_ptr<Store> store = OpenLoaded(tenant_);
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Append(Events(1, 3)).ok());
  store.reset();
  Loaded loaded = LoadAll(*Open(tenant_));
  EXPECT_EQ(loaded.report.last_sequence, 3u);
}

TEST_F(PostgresStoreTest, CallbackErrorStopsLoad) {
  ASSERT_TRUE(AppendAndSync(*OpenLoaded(tenant_), Events(1, 5)).ok());
  int seen = 0;
  absl::StatusOr<LoadReport> report = LoadCancelledAt(*Open(tenant_), 3, &seen);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(seen, 3);
}

TEST_F(PostgresStoreTest, KeepsTenantsApart) {
  std::shared_ptr<Store> a = OpenLoaded(tenant_ + "-a");
  std::shared_ptr<Store> b = OpenLoaded(tenant_ + "-b");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  ASSERT_TRUE(AppendAndSync(*a, Events(1, 3, "of a")).ok());
  ASSERT_TRUE(AppendAndSync(*b, Events(1, 2, "of b")).ok());
  Loaded loaded = LoadAll(*Open(tenant_ + "-b"));
  ASSERT_EQ(loaded.events.size(), 2u);
  for (const StoredEvent& e : loaded.events) {
    EXPECT_TRUE(absl::StartsWith(e.data, "of b")) << e.data;
  }
}

TEST_F(PostgresStoreTest, RejectsWhatBreaksTheContract) {
  std::shared_ptr<Store> store = Open(tenant_);
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->Append(Events(1, 1)).status().code(),
            absl::StatusCode::kFailedPrecondition);
  LoadAll(*store);
  EXPECT_EQ(store->Load([](const StoredSnapshot&) { return absl::OkStatus(); },
                        [](const StoredEvent&) { return absl::OkStatus(); })
                .status()
                .code(),
            absl::StatusCode::kFailedPrecondition);
  ASSERT_TRUE(AppendAndSync(*store, Events(1, 2)).ok());
  absl::StatusOr<uint64_t> gap = store->Append(Events(4, 4));
  EXPECT_EQ(gap.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(gap.status().message(), "4")) << gap.status();
  absl::StatusOr<uint64_t> taken = store->Append(Events(2, 2));
  EXPECT_EQ(taken.status().code(), absl::StatusCode::kAborted);
  EXPECT_EQ(store->Sync(3).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store->WriteSnapshot({9, "ahead"}).code(),
            absl::StatusCode::kInvalidArgument);
  ASSERT_TRUE(store->WriteSnapshot({2, "at 2"}).ok());
  EXPECT_EQ(store->WriteSnapshot({1, "older"}).code(),
            absl::StatusCode::kInvalidArgument);
  // None of the refusals broke the store.
  EXPECT_TRUE(AppendAndSync(*store, Events(3, 3)).ok());
}

TEST_F(PostgresStoreTest, ReportsAMissingEventAsDataLoss) {
  std::shared_ptr<Store> store = OpenLoaded(tenant_);
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(AppendAndSync(*store, Events(1, 5)).ok());
  pqxx::connection c(connection_);
  pqxx::nontransaction(c).exec_params(
      "DELETE FROM threadline.events WHERE tenant = $1 AND sequence = 3",
      tenant_);
  std::shared_ptr<Store> reopened = Open(tenant_);
  ASSERT_NE(reopened, nullptr);
  absl::StatusOr<LoadReport> report =
      reopened->Load([](const StoredSnapshot&) { return absl::OkStatus(); },
                     [](const StoredEvent&) { return absl::OkStatus(); });
  EXPECT_EQ(report.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_TRUE(absl::StrContains(report.status().message(), "3 to 3"))
      << report.status();
}

TEST_F(PostgresStoreTest, SecondWriterIsAbortedUntilItReopens) {
  std::shared_ptr<Store> first = Open(tenant_);
  std::shared_ptr<Store> second = Open(tenant_);
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  LoadAll(*first);
  LoadAll(*second);
  ASSERT_TRUE(AppendAndSync(*first, Events(1, 2, "first")).ok());

  absl::Status lost = AppendAndSync(*second, Events(1, 1, "second"));
  EXPECT_EQ(lost.code(), absl::StatusCode::kAborted) << lost;
  EXPECT_TRUE(absl::StrContains(lost.message(), "another host")) << lost;
  EXPECT_TRUE(absl::StrContains(lost.message(), "open the store again"))
      << lost;
  // It stays refused, and will not reload: its view of the tenant is stale.
  EXPECT_EQ(second->Append(Events(2, 2)).status().code(),
            absl::StatusCode::kAborted);
  absl::Status reload =
      second->Load([](const StoredSnapshot&) { return absl::OkStatus(); },
                   [](const StoredEvent&) { return absl::OkStatus(); })
          .status();
  EXPECT_EQ(reload.code(), absl::StatusCode::kAborted) << reload;

  // Opening again takes over, with the first host's events.
  std::shared_ptr<Store> takeover = Open(tenant_);
  ASSERT_NE(takeover, nullptr);
  Loaded loaded = LoadAll(*takeover);
  ASSERT_EQ(loaded.events.size(), 2u);
  EXPECT_TRUE(absl::StartsWith(loaded.events[1].data, "first 2"));
  ASSERT_TRUE(AppendAndSync(*takeover, Events(3, 3, "takeover")).ok());
  // Now the first host is the stale one, for events and snapshots alike.
  EXPECT_EQ(AppendAndSync(*first, Events(3, 3)).code(),
            absl::StatusCode::kAborted);
  EXPECT_EQ(Count("SELECT count(*) FROM threadline.events WHERE tenant = $1"),
            3);
}

TEST_F(PostgresStoreTest, StaleHostCannotSnapshot) {
  std::shared_ptr<Store> first = OpenLoaded(tenant_);
  ASSERT_NE(first, nullptr);
  ASSERT_TRUE(AppendAndSync(*first, Events(1, 2)).ok());
  std::shared_ptr<Store> second = Open(tenant_);
  ASSERT_NE(second, nullptr);
  LoadAll(*second);
  ASSERT_TRUE(AppendAndSync(*second, Events(3, 3)).ok());
  EXPECT_EQ(first->WriteSnapshot({2, "stale"}).code(),
            absl::StatusCode::kAborted);
  EXPECT_EQ(first->Append(Events(3, 3)).status().code(),
            absl::StatusCode::kAborted);
  EXPECT_EQ(Count("SELECT count(*) FROM threadline.events WHERE tenant = $1"),
            3);
}

TEST_F(PostgresStoreTest, SyncsManyThreadsInOrder) {
  std::shared_ptr<Store> store = Open(tenant_);
  ASSERT_NE(store, nullptr);
  LoadAll(*store);
  // As the engine does: sequence and Append under one lock, Sync outside it.
  absl::Mutex engine_mu;
  uint64_t next = 1;
  constexpr int kThreads = 8;
  constexpr int kPerThread = 40;
  std::vector<std::thread> threads;
  std::vector<absl::Status> errors(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        absl::StatusOr<uint64_t> ticket;
        {
          absl::MutexLock lock(&engine_mu);
          ticket = store->Append({{next, absl::StrCat("event ", next)}});
          if (ticket.ok()) ++next;
        }
        absl::Status status = ticket.ok() ? store->Sync(*ticket)
                                          : ticket.status();
        if (!status.ok() && errors[t].ok()) errors[t] = status;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const absl::Status& error : errors) EXPECT_TRUE(error.ok()) << error;

  Loaded loaded = LoadAll(*Open(tenant_));
  ASSERT_EQ(loaded.events.size(), static_cast<size_t>(kThreads * kPerThread));
  for (size_t i = 0; i < loaded.events.size(); ++i) {
    ASSERT_EQ(loaded.events[i].sequence, i + 1);
    ASSERT_EQ(loaded.events[i].data, absl::StrCat("event ", i + 1));
  }
}

TEST_F(PostgresStoreTest, NamesWhatIsWrongWithTheOptions) {
  PostgresOptions options;
  options.tenant = "t";
  EXPECT_TRUE(absl::StrContains(OpenPostgresStore(options).status().message(),
                                "connection"));
  options.connection = connection_;
  options.tenant = "";
  absl::Status no_tenant = OpenPostgresStore(options).status();
  EXPECT_EQ(no_tenant.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(no_tenant.message(), "tenant")) << no_tenant;

  options.tenant = tenant_;
  options.connection =
      "host=/nonexistent-threadline-dir port=5 user=u password=hunter2";
  absl::Status unreachable = OpenPostgresStore(options).status();
  EXPECT_EQ(unreachable.code(), absl::StatusCode::kUnavailable) << unreachable;
  EXPECT_TRUE(absl::StrContains(unreachable.message(),
                                "/nonexistent-threadline-dir"))
      << unreachable;
  EXPECT_FALSE(absl::StrContains(unreachable.message(), "hunter2"));

  options.connection = "hostess=localhost";
  absl::Status garbled = OpenPostgresStore(options).status();
  EXPECT_EQ(garbled.code(), absl::StatusCode::kUnavailable) << garbled;
  EXPECT_TRUE(absl::StrContains(garbled.message(), "hostess")) << garbled;
}

}  // namespace
}  // namespace threadline
