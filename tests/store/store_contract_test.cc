// File: store_contract_test.cc
// The Store contract (threadline/store.h), run against the memory store and
// the journal alike: what an engine relies on must not depend on which store
// it was given.
#include <functional>
#include <memory>
#include <string>

#include "gtest/gtest.h"
#include "journal_test_util.h"
#include "threadline/store.h"

namespace threadline {
namespace {

using testing_util::Event;
using testing_util::Events;
using testing_util::LoadAll;
using testing_util::LoadCancelledAt;
using testing_util::Loaded;

struct Kind {
  std::string name;
  std::function<std::shared_ptr<Store>(const std::string& dir)> open;
};

class StoreContractTest : public ::testing::TestWithParam<Kind> {
 protected:
  void SetUp() override {
    store_ = GetParam().open(dir_.Sub("store"));
    ASSERT_NE(store_, nullptr);
    Loaded loaded = LoadAll(*store_);
    ASSERT_TRUE(loaded.report.ok()) << loaded.report.status();
    EXPECT_EQ(loaded.report->last_sequence, 0u);
    EXPECT_FALSE(loaded.snapshot.has_value());
    EXPECT_TRUE(loaded.events.empty());
  }

  // Reopen: the journal closed and opened again; the memory store as it is
  // (it lives only as long as the object).
  std::shared_ptr<Store> Reopen() {
    if (GetParam().name == "memory") return std::move(store_);
    store_.reset();
    return GetParam().open(dir_.Sub("store"));
  }

  testing_util::ScratchDir dir_;
  std::shared_ptr<Store> store_;
};

TEST_P(StoreContractTest, AppendReturnsTicketsThatSync) {
  absl::StatusOr<uint64_t> ticket = store_->Append(Events(1, 3));
  ASSERT_TRUE(ticket.ok()) << ticket.status();
  EXPECT_EQ(*ticket, 3u);
  EXPECT_TRUE(store_->Sync(*ticket).ok());
  ticket = store_->Append({Event(4)});
  ASSERT_TRUE(ticket.ok()) << ticket.status();
  EXPECT_EQ(*ticket, 4u);
  EXPECT_TRUE(store_->Sync(*ticket).ok());
  EXPECT_TRUE(store_->Sync(2).ok());  // an older ticket is already covered
}

TEST_P(StoreContractTest, SequenceAlreadyTakenIsAborted) {
  ASSERT_TRUE(store_->Append(Events(1, 2)).ok());
  absl::StatusOr<uint64_t> again = store_->Append({Event(2)});
  EXPECT_EQ(again.status().code(), absl::StatusCode::kAborted);
  EXPECT_NE(again.status().message().find("sequence 2"), std::string::npos)
      << again.status();
}

TEST_P(StoreContractTest, GapIsInvalidArgumentAndStoresNothing) {
  ASSERT_TRUE(store_->Append(Events(1, 2)).ok());
  absl::StatusOr<uint64_t> gap = store_->Append({Event(3), Event(5)});
  EXPECT_EQ(gap.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(gap.status().message().find("events[1].sequence is 5"),
            std::string::npos)
      << gap.status();
  // Nothing of the rejected batch went in: 3 is still free.
  absl::StatusOr<uint64_t> next = store_->Append({Event(3)});
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_EQ(*next, 3u);
}

TEST_P(StoreContractTest, TicketNeverIssuedIsInvalidArgument) {
  ASSERT_TRUE(store_->Append(Events(1, 2)).ok());
  EXPECT_EQ(store_->Sync(3).code(), absl::StatusCode::kInvalidArgument);
}

TEST_P(StoreContractTest, SnapshotDropsCoveredEvents) {
  ASSERT_TRUE(store_->Append(Events(1, 10)).ok());
  StoredSnapshot snapshot{6, "state as of 6"};
  ASSERT_TRUE(store_->WriteSnapshot(snapshot).ok());
  ASSERT_TRUE(store_->Append(Events(11, 2)).ok());

  // The store answers with the snapshot and what follows it.
  std::shared_ptr<Store> reopened = Reopen();
  ASSERT_NE(reopened, nullptr);
  Loaded loaded = LoadAll(*reopened);
  ASSERT_TRUE(loaded.report.ok()) << loaded.report.status();
  ASSERT_TRUE(loaded.snapshot.has_value());
  EXPECT_EQ(loaded.snapshot->sequence, 6u);
  EXPECT_EQ(loaded.snapshot->data, "state as of 6");
  EXPECT_TRUE(testing_util::Equal(loaded.events, Events(7, 6)));
  EXPECT_EQ(loaded.report->snapshot_sequence, 6u);
  EXPECT_EQ(loaded.report->events, 6u);
  EXPECT_EQ(loaded.report->last_sequence, 12u);
  EXPECT_EQ(loaded.report->dropped_bytes, 0u);
}

TEST_P(StoreContractTest, SnapshotRules) {
  ASSERT_TRUE(store_->Append(Events(1, 5)).ok());
  EXPECT_EQ(store_->WriteSnapshot({0, "x"}).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->WriteSnapshot({6, "x"}).code(),
            absl::StatusCode::kInvalidArgument);
  ASSERT_TRUE(store_->WriteSnapshot({4, "x"}).ok());
  absl::Status older = store_->WriteSnapshot({3, "x"});
  EXPECT_EQ(older.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(older.message().find("older than the stored snapshot at 4"),
            std::string::npos)
      << older;
  // Appends follow on from the last event, not from the snapshot.
  absl::StatusOr<uint64_t> next = store_->Append({Event(6)});
  ASSERT_TRUE(next.ok()) << next.status();
}

TEST_P(StoreContractTest, CallbackErrorStopsLoad) {
  ASSERT_TRUE(store_->Append(Events(1, 5)).ok());
  std::shared_ptr<Store> store = Reopen();
  ASSERT_NE(store, nullptr);
  int seen = 0;
  absl::StatusOr<LoadReport> report = LoadCancelledAt(*store, 3, &seen);
  EXPECT_EQ(report.status().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(seen, 3);
}

INSTANTIATE_TEST_SUITE_P(
    Stores, StoreContractTest,
    ::testing::Values(
        Kind{"memory", [](const std::string&) { return OpenMemoryStore(); }},
        Kind{"journal",
             [](const std::string& dir) -> std::shared_ptr<Store> {
               absl::StatusOr<std::shared_ptr<Store>> store = OpenJournal(dir);
               return store.ok() ? *store : nullptr;
             }}),
    [](const ::testing::TestParamInfo<Kind>& info) { return info.param.name; });

}  // namespace
}  // namespace threadline
