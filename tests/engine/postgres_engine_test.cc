// File: postgres_engine_test.cc
// Engines on the PostgreSQL store, as a fleet uses them: another host that
// opens a tenant gets the same engine by replaying it, takes the tenant over,
// and the host it took over from can no longer write. Against the server of
// ctest's postgres_server fixture (see store/postgres_test_util.h).
#include <memory>
#include <string>
#include <vector>

#include <pqxx/pqxx>

#include "absl/strings/match.h"
#include "engine/engine_dump.h"
#include "engine/sim_data.h"
#include "gtest/gtest.h"
#include "store/postgres_test_util.h"
#include "threadline/engine.h"
#include "threadline/store.h"

namespace threadline {
namespace {

using testing_dump::DumpEngine;

const absl::Time kNow =
    absl::FromCivil(absl::CivilDay(2026, 4, 1), absl::UTCTimeZone());

class PostgresEngineTest : public testing_postgres::PostgresTest {
 protected:
  static void SetUpTestSuite() {
    data_ = new std::vector<Interaction>(testing_sim::SimInteractions(120));
  }
  static void TearDownTestSuite() { delete data_; }

  // Open: an engine on the tenant, as a new host would open it; or on no
  // store at all with `durable` false.
  std::unique_ptr<Engine> Open(bool durable = true) {
    EngineOptions options;
    options.own_identities = testing_sim::SimOwnIdentities();
    options.clock = std::make_shared<ManualClock>(kNow);
    options.snapshot_every = 0;
    if (durable) {
      PostgresOptions postgres;
      postgres.connection = connection_;
      postgres.tenant = tenant_;
      absl::StatusOr<std::shared_ptr<Store>> store =
          OpenPostgresStore(postgres);
      EXPECT_TRUE(store.ok()) << store.status();
      if (!store.ok()) return nullptr;
      options.store = *store;
    }
    absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Open(options);
    EXPECT_TRUE(engine.ok()) << engine.status();
    return engine.ok() ? *std::move(engine) : nullptr;
  }

  // Ingests data_[from, to) in batches of 40, every fourth batch one by one.
  static void Feed(Engine& engine, size_t from, size_t to) {
    testing_sim::FeedMixed(engine, *data_, from, to, 40, 4);
  }

  static void HostActions(Engine& engine) {
    testing_sim::HostActions(engine, kNow);
  }

  static std::vector<std::string> Ids() { return testing_sim::IdsOf(*data_); }

  // RowsHolding: the tenant's event and snapshot rows whose bytes contain
  // `text`.
  int RowsHolding(const std::string& text) {
    pqxx::connection c(connection_);
    pqxx::nontransaction txn(c);
    return txn
        .exec_params1(
            "SELECT (SELECT count(*) FROM threadline.events WHERE tenant = $1 "
            "AND position($2::bytea in data) > 0) + (SELECT count(*) FROM "
            "threadline.snapshots WHERE tenant = $1 AND "
            "position($2::bytea in data) > 0)",
            tenant_, pqxx::binarystring(text))[0]
        .as<int>();
  }

  static std::vector<Interaction>* data_;
};

std::vector<Interaction>* PostgresEngineTest::data_ = nullptr;

TEST_F(PostgresEngineTest, AnotherHostReplaysTheSameEngine) {
  std::unique_ptr<Engine> a = Open();
  ASSERT_NE(a, nullptr);
  Feed(*a, 0, data_->size() / 2);
  ASSERT_TRUE(a->Checkpoint().ok());
  HostActions(*a);
  Feed(*a, data_->size() / 2, data_->size());
  const std::string before = DumpEngine(*a, Ids());
  ASSERT_TRUE(absl::StrContains(before, "merge ")) << "merges are compared";

  std::unique_ptr<Engine> b = Open();
  ASSERT_NE(b, nullptr);
  const RecoveryReport r = b->Recovery();
  EXPECT_EQ(r.store, "postgresql tenant " + tenant_);
  EXPECT_GT(r.load.snapshot_sequence, 0u);
  EXPECT_GT(r.load.events, 0u);
  EXPECT_EQ(r.load.snapshot_sequence + r.load.events, r.load.last_sequence);
  EXPECT_EQ(DumpEngine(*b, Ids()), before);
}

TEST_F(PostgresEngineTest, AHostTakesOverAndTheOtherCannotWrite) {
  const size_t half = data_->size() / 2;
  std::unique_ptr<Engine> a = Open();
  ASSERT_NE(a, nullptr);
  Feed(*a, 0, half);

  // Host B takes the tenant over and carries on.
  std::unique_ptr<Engine> b = Open();
  ASSERT_NE(b, nullptr);
  HostActions(*b);
  Feed(*b, half, data_->size() - 1);

  // Host A's next write is Aborted, and every one after it is refused
  // until A opens the tenant again.
  absl::StatusOr<Linkage> late = a->Ingest(data_->back());
  EXPECT_EQ(late.status().code(), absl::StatusCode::kAborted) << late.status();
  EXPECT_TRUE(absl::StrContains(late.status().message(), "another host"))
      << late.status();
  for (const absl::Status& refused :
       {a->Ingest(data_->back()).status(), a->Checkpoint()}) {
    EXPECT_FALSE(refused.ok());
    EXPECT_TRUE(absl::StrContains(refused.message(), "another host"))
        << refused;
  }

  // B is what one engine fed everything would be.
  ASSERT_TRUE(b->Ingest(data_->back()).ok());
  std::unique_ptr<Engine> live = Open(/*durable=*/false);
  Feed(*live, 0, half);
  HostActions(*live);
  Feed(*live, half, data_->size());
  const std::string expected = DumpEngine(*live, Ids());
  EXPECT_EQ(DumpEngine(*b, Ids()), expected);
  EXPECT_EQ(DumpEngine(*Open(), Ids()), expected);
}

TEST_F(PostgresEngineTest, ErasureLeavesNoneOfTheCustomerInTheTables) {
  std::unique_ptr<Engine> engine = Open();
  ASSERT_NE(engine, nullptr);
  Feed(*engine, 0, data_->size());
  absl::StatusOr<Customer> customer = engine->GetCustomer("c-4");
  ASSERT_TRUE(customer.ok()) << customer.status();
  ASSERT_FALSE(customer->identities.empty());
  const std::string value = customer->identities[0].identity.value;
  ASSERT_GT(RowsHolding(value), 0) << value;

  ASSERT_TRUE(engine->Erase("c-4").ok());
  EXPECT_EQ(RowsHolding(value), 0) << value;
  EXPECT_EQ(Open()->GetCustomer("c-4").status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace threadline
