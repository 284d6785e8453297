// The engine with a store: snapshots restore the state exactly, replay
// rebuilds it, writes are one Append and one Sync, and a failing store never
// leaves memory ahead of what is stored.
#include <stdlib.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "engine/engine_dump.h"
#include "engine/fingerprint.h"
#include "engine/fault_store.h"
#include "engine/sim_data.h"
#include "gtest/gtest.h"
#include "threadline/engine.h"
#include "threadline/store.h"
#include "threadline/v1/event.pb.h"

namespace threadline {
namespace {

using testing_dump::DumpEngine;
using testing_store::FaultStore;

const absl::Time kNow =
    absl::FromCivil(absl::CivilDay(2026, 4, 1), absl::UTCTimeZone());

class DurableTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = new std::vector<Interaction>(testing_sim::SimInteractions(250));
  }
  static void TearDownTestSuite() { delete data_; }

  std::unique_ptr<Engine> Open(std::shared_ptr<Store> store,
                               uint64_t snapshot_every = 0,
                               int batch_threads = 1) {
    EngineOptions options;
    options.batch_threads = batch_threads;
    options.own_identities = testing_sim::SimOwnIdentities();
    options.clock = clock_;
    options.store = std::move(store);
    options.snapshot_every = snapshot_every;
    absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Open(options);
    EXPECT_TRUE(engine.ok()) << engine.status();
    return engine.ok() ? *std::move(engine) : nullptr;
  }

  // Ingests data_[from, to) in batches of 50, every fifth batch one by one.
  static void Feed(Engine& engine, size_t from, size_t to) {
    testing_sim::FeedMixed(engine, *data_, from, to, 50, 5);
  }

  static void HostActions(Engine& engine) {
    testing_sim::HostActions(engine, kNow);
  }

  static std::vector<std::string> Ids() { return testing_sim::IdsOf(*data_); }

  static std::string SnapshotBytes(Store& store, uint64_t* events) {
    std::string bytes;
    *events = 0;
    absl::StatusOr<LoadReport> r = store.Load(
        [&](const StoredSnapshot& s) {
          bytes = s.data;
          return absl::OkStatus();
        },
        [&](const StoredEvent&) {
          ++*events;
          return absl::OkStatus();
        });
    EXPECT_TRUE(r.ok()) << r.status();
    return bytes;
  }

  static std::vector<Interaction>* data_;
  std::shared_ptr<ManualClock> clock_ = std::make_shared<ManualClock>(kNow);
};

std::vector<Interaction>* DurableTest::data_ = nullptr;

TEST_F(DurableTest, SnapshotRestoresTheWholeStateAndGoesOnAlike) {
  const size_t half = data_->size() * 2 / 3;
  std::shared_ptr<Store> store = OpenMemoryStore();
  std::unique_ptr<Engine> a = Open(store);
  Feed(*a, 0, half);
  HostActions(*a);
  ASSERT_TRUE(a->Checkpoint().ok());
  const std::string before = DumpEngine(*a, Ids());
  ASSERT_GT(data_->size(), 1000u);
  ASSERT_GT(before.size(), 100000u) << "the dump shows the whole state";
  ASSERT_GE(a->Stats().merges, 3u);
  uint64_t events = 0;
  const std::string bytes = SnapshotBytes(*store, &events);
  ASSERT_FALSE(bytes.empty());
  EXPECT_EQ(events, 0u) << "the snapshot covers every event";
  a.reset();

  std::unique_ptr<Engine> b = Open(store);
  EXPECT_GT(b->Recovery().load.snapshot_sequence, 0u);
  EXPECT_EQ(b->Recovery().load.events, 0u);
  EXPECT_EQ(b->Recovery().snapshot_taken_at, kNow);
  EXPECT_EQ(DumpEngine(*b, Ids()), before);
  // Saved again, the restored state gives the same bytes.
  ASSERT_TRUE(b->Checkpoint().ok());
  EXPECT_EQ(SnapshotBytes(*store, &events), bytes);

  // And it goes on exactly as the live engine would have.
  Feed(*b, half, data_->size());
  std::unique_ptr<Engine> live = Open(nullptr);
  Feed(*live, 0, half);
  HostActions(*live);
  Feed(*live, half, data_->size());
  EXPECT_EQ(DumpEngine(*b, Ids()), DumpEngine(*live, Ids()));
}

TEST_F(DurableTest, ReopenReplaysEventsAfterTheSnapshot) {
  std::shared_ptr<Store> store = OpenMemoryStore();
  std::unique_ptr<Engine> a = Open(store);
  Feed(*a, 0, data_->size() / 2);
  ASSERT_TRUE(a->Checkpoint().ok());
  HostActions(*a);
  Feed(*a, data_->size() / 2, data_->size());
  const std::string before = DumpEngine(*a, Ids());
  a.reset();

  std::unique_ptr<Engine> b = Open(store);
  const RecoveryReport r = b->Recovery();
  EXPECT_EQ(r.store, "memory");
  EXPECT_GT(r.load.snapshot_sequence, 0u);
  EXPECT_GT(r.load.events, 0u);
  EXPECT_EQ(r.load.snapshot_sequence + r.load.events, r.load.last_sequence);
  EXPECT_EQ(DumpEngine(*b, Ids()), before);
}

TEST_F(DurableTest, ReplayWithoutSnapshotEqualsTheLiveEngine) {
  std::shared_ptr<Store> store = OpenMemoryStore();
  std::unique_ptr<Engine> a = Open(store);
  Feed(*a, 0, data_->size());
  HostActions(*a);
  const std::string before = DumpEngine(*a, Ids());
  a.reset();
  std::unique_ptr<Engine> b = Open(store);
  EXPECT_EQ(b->Recovery().load.snapshot_sequence, 0u);
  EXPECT_EQ(DumpEngine(*b, Ids()), before);
}

TEST_F(DurableTest, SnapshotsAreTakenEverySoManyEvents) {
  auto store = std::make_shared<FaultStore>(OpenMemoryStore());
  std::unique_ptr<Engine> a = Open(store, /*snapshot_every=*/500);
  Feed(*a, 0, data_->size());
  EXPECT_GE(store->snapshots.load(), 2);
  const std::string before = DumpEngine(*a, Ids());
  a.reset();
  std::unique_ptr<Engine> b = Open(store);
  EXPECT_GT(b->Recovery().load.snapshot_sequence, 0u);
  EXPECT_LT(b->Recovery().load.events, 500u + 50u * 2);
  EXPECT_EQ(DumpEngine(*b, Ids()), before);
}

TEST_F(DurableTest, ABatchIsOneAppendAndOneSync) {
  auto store = std::make_shared<FaultStore>(OpenMemoryStore());
  std::unique_ptr<Engine> a = Open(store);
  std::vector<Interaction> batch(data_->begin(), data_->begin() + 200);
  for (const auto& r : a->IngestBatch(batch)) ASSERT_TRUE(r.ok());
  EXPECT_EQ(store->appends.load(), 1);
  EXPECT_EQ(store->syncs.load(), 1);
  ASSERT_TRUE(a->Ingest((*data_)[200]).ok());
  EXPECT_EQ(store->appends.load(), 2);
  EXPECT_EQ(store->syncs.load(), 2);
  // A retry adds nothing but still waits for what it acknowledges.
  ASSERT_TRUE(a->Ingest((*data_)[200]).ok());
  EXPECT_EQ(store->appends.load(), 2);
}

TEST_F(DurableTest, AFailedAppendLeavesTheStateAsStored) {
  auto store = std::make_shared<FaultStore>(OpenMemoryStore());
  std::unique_ptr<Engine> a = Open(store);
  Feed(*a, 0, 400);
  const std::string before = DumpEngine(*a, Ids());

  store->fail_appends = 1;
  absl::StatusOr<Linkage> l = a->Ingest((*data_)[400]);
  EXPECT_EQ(l.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(a->LinkageOf((*data_)[400].id).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(DumpEngine(*a, Ids()), before);

  store->fail_appends = 1;
  std::vector<Interaction> batch(data_->begin() + 400, data_->begin() + 450);
  for (const auto& r : a->IngestBatch(batch)) {
    EXPECT_EQ(r.status().code(), absl::StatusCode::kResourceExhausted);
  }
  EXPECT_EQ(DumpEngine(*a, Ids()), before);

  store->fail_appends = 1;
  EXPECT_FALSE(a->Merge("c-3", "c-11").ok());
  store->fail_appends = 1;
  EXPECT_FALSE(a->SetCaseStatus("k-2", CaseStatus::kResolved, kNow).ok());
  EXPECT_EQ(DumpEngine(*a, Ids()), before);

  // The store works again: so does the engine, and what it says is stored.
  Feed(*a, 400, data_->size());
  HostActions(*a);
  const std::string after = DumpEngine(*a, Ids());
  a.reset();
  EXPECT_EQ(DumpEngine(*Open(store), Ids()), after);
}

TEST_F(DurableTest, AFailedSyncBelievesTheStore) {
  std::shared_ptr<Store> inner = OpenMemoryStore();
  auto store = std::make_shared<FaultStore>(inner);
  std::unique_ptr<Engine> a = Open(store);
  Feed(*a, 0, 400);
  store->fail_syncs = 1;
  EXPECT_EQ(a->Ingest((*data_)[400]).status().code(),
            absl::StatusCode::kInternal);
  // The memory store kept what was appended: the engine shows what a fresh
  // open of the store shows, and a retry of the same interaction is a no-op.
  EXPECT_EQ(DumpEngine(*a, Ids()), DumpEngine(*Open(inner), Ids()));
  EXPECT_TRUE(a->Ingest((*data_)[400]).ok());
  Feed(*a, 401, data_->size());
  const std::string after = DumpEngine(*a, Ids());
  a.reset();
  EXPECT_EQ(DumpEngine(*Open(inner), Ids()), after);
}

TEST_F(DurableTest, AStoreThatCannotReloadStopsWrites) {
  auto store = std::make_shared<FaultStore>(OpenMemoryStore());
  store->refuse_reload = true;
  std::unique_ptr<Engine> a = Open(store);
  Feed(*a, 0, 100);
  store->fail_appends = 1;
  EXPECT_EQ(a->Ingest((*data_)[100]).status().code(),
            absl::StatusCode::kResourceExhausted);
  absl::StatusOr<Linkage> refused = a->Ingest((*data_)[101]);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(refused.status().message().find("no space left"),
            std::string::npos)
      << refused.status();
  EXPECT_EQ(a->Merge("c-1", "c-2").status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(a->LinkageOf((*data_)[0].id).ok()) << "reads keep working";
}

TEST_F(DurableTest, AJournalReopensToTheSameState) {
  char tmp[] = "/tmp/threadline-durable-XXXXXX";
  ASSERT_NE(mkdtemp(tmp), nullptr);
  const std::string dir = tmp;
  auto open_journal = [&](uint64_t snapshot_every) {
    EngineOptions options;
    options.own_identities = testing_sim::SimOwnIdentities();
    options.clock = clock_;
    options.journal_dir = dir;
    options.snapshot_every = snapshot_every;
    absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Open(options);
    EXPECT_TRUE(engine.ok()) << engine.status();
    return engine.ok() ? *std::move(engine) : nullptr;
  };
  std::string before;
  {
    std::unique_ptr<Engine> a = open_journal(0);
    ASSERT_NE(a, nullptr);
    Feed(*a, 0, data_->size() / 2);
    HostActions(*a);
    before = DumpEngine(*a, Ids());
  }
  {
    // Events only: every one replayed.
    std::unique_ptr<Engine> b = open_journal(700);
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->Recovery().load.snapshot_sequence, 0u);
    EXPECT_EQ(DumpEngine(*b, Ids()), before);
    Feed(*b, data_->size() / 2, data_->size());  // snapshots on the way
    before = DumpEngine(*b, Ids());
  }
  std::unique_ptr<Engine> c = open_journal(0);
  ASSERT_NE(c, nullptr);
  EXPECT_GT(c->Recovery().load.snapshot_sequence, 0u);
  EXPECT_EQ(c->Recovery().load.dropped_bytes, 0u);
  EXPECT_EQ(DumpEngine(*c, Ids()), before);
  c.reset();
  std::filesystem::remove_all(dir);
}

// Whatever bytes a host hands the C++ API, the journal it writes opens
// again: a text or display name that is not UTF-8 is kept repaired (as the
// JSON reader repairs it), an id or address that is not is refused naming
// the field, and a language tag is kept only as the code it begins with.
TEST_F(DurableTest, AJournalOfAnyBytesReopens) {
  char tmp[] = "/tmp/threadline-durable-XXXXXX";
  ASSERT_NE(mkdtemp(tmp), nullptr);
  const std::string dir = tmp;
  auto open_journal = [&] {
    EngineOptions options;
    options.clock = clock_;
    options.journal_dir = dir;
    absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Open(options);
    EXPECT_TRUE(engine.ok()) << engine.status();
    return engine.ok() ? *std::move(engine) : nullptr;
  };
  const std::string bad = "e\xff\xfe";
  std::vector<Interaction> ins;
  ins.reserve(16);  // the fields below are pointed at while it grows
  auto make = [&](const std::string& id) {
    Interaction in;
    in.id = id;
    in.occurred_at = kNow + absl::Minutes(ins.size());
    in.channel = Channel::kSms;
    in.direction = Direction::kInbound;
    in.contact = {IdentityKind::kPhone, "+14155550100"};
    in.text = "mi internet no funciona " + bad;
    return in;
  };
  ins.push_back(make("lang-cut"));
  ins.back().language = "\xed\x9f\xbf";  // U+D7FF: two bytes are not UTF-8
  for (std::string* field :
       {&ins.emplace_back(make("topic")).topic,
        &ins.emplace_back(make("agent")).agent_id,
        &ins.emplace_back(make("thread")).thread_id,
        &ins.emplace_back(make("ref")).external_ref,
        &ins.emplace_back(make("name")).display_name,
        &ins.emplace_back(make("region")).region,
        &ins.emplace_back(make("language")).language,
        &ins.emplace_back(make("reply")).reply_to}) {
    *field = bad;
  }
  ins.push_back(make("id-" + bad));
  ins.push_back(make("handle"));
  ins.back().identities = {{IdentityKind::kTwitter, "@grace" + bad},
                           {IdentityKind::kAccount, "AC-1" + bad}};
  std::string before;
  std::vector<std::string> ids;
  {
    std::unique_ptr<Engine> a = open_journal();
    ASSERT_NE(a, nullptr);
    for (const Interaction& in : ins) {
      absl::StatusOr<Linkage> l = a->Ingest(in);
      if (l.ok()) {
        ids.push_back(in.id);
        continue;
      }
      EXPECT_EQ(l.status().code(), absl::StatusCode::kInvalidArgument);
      EXPECT_NE(l.status().message().find("invalid UTF-8"),
                absl::string_view::npos)
          << l.status();
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"lang-cut", "name"}));
    absl::StatusOr<Linkage> name = a->LinkageOf("name");
    ASSERT_TRUE(name.ok()) << name.status();
    absl::StatusOr<HandoffContext> context = a->Context(name->case_id);
    ASSERT_TRUE(context.ok()) << context.status();
    ASSERT_FALSE(context->last_messages.empty());
    EXPECT_EQ(context->last_messages.back().text,
              "mi internet no funciona e\xEF\xBF\xBD\xEF\xBF\xBD");
    EXPECT_EQ(context->customer.display_names,
              (std::vector<std::string>{"e\xEF\xBF\xBD\xEF\xBF\xBD"}));
    // A retry of the same bytes is the same interaction.
    EXPECT_TRUE(a->Ingest(ins[5]).ok());
    before = DumpEngine(*a, ids);
  }
  {
    std::unique_ptr<Engine> b = open_journal();  // the events replayed
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(DumpEngine(*b, ids), before);
    ASSERT_TRUE(b->Checkpoint().ok());
  }
  std::unique_ptr<Engine> c = open_journal();  // from the snapshot
  ASSERT_NE(c, nullptr);
  EXPECT_GT(c->Recovery().load.snapshot_sequence, 0u);
  EXPECT_EQ(DumpEngine(*c, ids), before);
  c.reset();
  std::filesystem::remove_all(dir);
}

// A run whose every interaction was refused still ends cleanly.
TEST_F(DurableTest, ACheckpointOfNothingStoredWritesNothing) {
  char tmp[] = "/tmp/threadline-durable-XXXXXX";
  ASSERT_NE(mkdtemp(tmp), nullptr);
  {
    absl::StatusOr<std::shared_ptr<Store>> store = OpenJournal(tmp);
    ASSERT_TRUE(store.ok()) << store.status();
    std::unique_ptr<Engine> engine = Open(*store);
    ASSERT_NE(engine, nullptr);
    Interaction refused;
    refused.id = "no-time";
    EXPECT_FALSE(engine->Ingest(refused).ok());
    EXPECT_TRUE(engine->Checkpoint().ok());
  }
  absl::StatusOr<std::shared_ptr<Store>> again = OpenJournal(tmp);
  ASSERT_TRUE(again.ok()) << again.status();
  std::unique_ptr<Engine> reopened = Open(*again);
  ASSERT_NE(reopened, nullptr);
  EXPECT_EQ(reopened->Recovery().load.snapshot_sequence, 0u);
  EXPECT_EQ(reopened->Stats().interactions, 0);
  std::filesystem::remove_all(tmp);
}

TEST_F(DurableTest, CheckpointNeedsAStore) {
  std::unique_ptr<Engine> a = Open(nullptr);
  EXPECT_EQ(a->Checkpoint().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_TRUE(a->Recovery().store.empty());
}

TEST_F(DurableTest, AnUnreadableSnapshotIsDataLoss) {
  std::shared_ptr<Store> store = OpenMemoryStore();
  std::unique_ptr<Engine> a = Open(store);
  Feed(*a, 0, 100);
  a.reset();
  ASSERT_TRUE(store->WriteSnapshot({10, "not a snapshot"}).ok());
  EngineOptions options;
  options.store = store;
  absl::StatusOr<std::unique_ptr<Engine>> b = Engine::Open(options);
  EXPECT_EQ(b.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(b.status().message().find("snapshot at sequence 10"),
            std::string::npos)
      << b.status();
}

// Events stored before digests carry an FNV-1a fingerprint: a retry of such
// an interaction is still a no-op, and other content under its id an error.
TEST_F(DurableTest, RetriesOfInteractionsStoredWithTheOldFingerprint) {
  std::shared_ptr<Store> store = OpenMemoryStore();
  const Interaction& in = (*data_)[0];
  Linkage first;
  {
    std::unique_ptr<Engine> engine = Open(store);
    ASSERT_NE(engine, nullptr);
    absl::StatusOr<Linkage> l = engine->Ingest(in);
    ASSERT_TRUE(l.ok()) << l.status();
    first = *l;
  }
  // The same events as an older version wrote them.
  std::vector<StoredEvent> events;
  ASSERT_TRUE(store->Load([](const StoredSnapshot&) { return absl::OkStatus(); },
                          [&](const StoredEvent& e) {
                            events.push_back(e);
                            return absl::OkStatus();
                          })
                  .ok());
  int rewritten = 0;
  for (StoredEvent& e : events) {
    v1::Event event;
    ASSERT_TRUE(event.ParseFromString(e.data));
    if (!event.has_interaction_linked()) continue;
    v1::InteractionLinked* linked = event.mutable_interaction_linked();
    ASSERT_TRUE(linked->has_digest());
    linked->clear_digest();
    linked->set_fingerprint(engine::LegacyFingerprint(in));
    e.data = event.SerializeAsString();
    ++rewritten;
  }
  ASSERT_EQ(rewritten, 1);
  std::shared_ptr<Store> old = OpenMemoryStore();
  ASSERT_TRUE(old->Load([](const StoredSnapshot&) { return absl::OkStatus(); },
                        [](const StoredEvent&) { return absl::OkStatus(); })
                  .ok());
  ASSERT_TRUE(old->Append(events).ok());

  std::unique_ptr<Engine> engine = Open(old);
  ASSERT_NE(engine, nullptr);
  absl::StatusOr<Linkage> retry = engine->Ingest(in);
  ASSERT_TRUE(retry.ok()) << retry.status();
  EXPECT_EQ(retry->case_id, first.case_id);
  EXPECT_EQ(engine->Stats().interactions, 1u);
  Interaction changed = in;
  changed.text += " (edited)";
  EXPECT_EQ(engine->Ingest(changed).status().code(),
            absl::StatusCode::kAlreadyExists);
  // And the same after a snapshot, which keeps which kind each one is.
  ASSERT_TRUE(engine->Checkpoint().ok());
  engine = Open(old);
  ASSERT_NE(engine, nullptr);
  EXPECT_TRUE(engine->Ingest(in).ok());
  EXPECT_EQ(engine->Ingest(changed).status().code(),
            absl::StatusCode::kAlreadyExists);
}

// Writers ingesting one at a time from many threads are linked in rounds
// (one lock, one append per round): every ingest is answered, each answer
// holds after the whole run, and replay rebuilds what the live engine has.
TEST_F(DurableTest, ConcurrentSingleIngestsAreCommittedTogether) {
  auto store = std::make_shared<FaultStore>(OpenMemoryStore());
  std::unique_ptr<Engine> a = Open(store);
  ASSERT_NE(a, nullptr);
  store->append_micros = 200;
  const int appends_before = store->appends.load();
  constexpr size_t kThreads = 8;
  std::vector<std::vector<Linkage>> answers(kThreads);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = t; i < data_->size(); i += kThreads) {
        absl::StatusOr<Linkage> l = a->Ingest((*data_)[i]);
        ASSERT_TRUE(l.ok()) << l.status();
        answers[t].push_back(*l);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(a->Stats().interactions, data_->size());
  // Together: a round holds the writers that queued during the last one.
  EXPECT_LE(2 * static_cast<size_t>(store->appends.load() - appends_before),
            data_->size());
  for (size_t t = 0; t < kThreads; ++t) {
    for (const Linkage& l : answers[t]) {
      absl::StatusOr<Linkage> now = a->LinkageOf(l.interaction_id);
      ASSERT_TRUE(now.ok());
      EXPECT_EQ(now->interaction_id, l.interaction_id);
    }
  }
  const std::string before = DumpEngine(*a, Ids());
  a.reset();
  std::unique_ptr<Engine> b = Open(store);
  EXPECT_EQ(DumpEngine(*b, Ids()), before);
}

// Writers on threads that come and go: each waits for its round through
// its thread's semaphore, which outlives the thread and serves the next.
TEST_F(DurableTest, WritersOnShortLivedThreadsAreAllServed) {
  auto store = std::make_shared<FaultStore>(OpenMemoryStore());
  std::unique_ptr<Engine> a = Open(store);
  ASSERT_NE(a, nullptr);
  store->append_micros = 100;
  constexpr size_t kThreads = 4;
  constexpr size_t kEach = 3;
  std::atomic<int> failed{0};
  size_t next = 0;
  while (next + kThreads * kEach <= data_->size() && next < 600) {
    std::vector<std::thread> threads;
    for (size_t t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, first = next + t * kEach] {
        for (size_t i = first; i < first + kEach; ++i) {
          if (!a->Ingest((*data_)[i]).ok()) ++failed;
        }
      });
    }
    for (std::thread& t : threads) t.join();
    next += kThreads * kEach;
  }
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(a->Stats().interactions, next);
}

// A round whose append fails fails every writer in it, and the engine goes
// on with what the store holds.
TEST_F(DurableTest, AFailedRoundFailsItsWritersAndTheEngineGoesOn) {
  auto store = std::make_shared<FaultStore>(OpenMemoryStore());
  std::unique_ptr<Engine> a = Open(store);
  ASSERT_NE(a, nullptr);
  store->fail_appends = 3;
  std::atomic<int> failed{0};
  std::vector<std::thread> threads;
  for (size_t t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = t; i < 200; i += 4) {
        if (!a->Ingest((*data_)[i]).ok()) ++failed;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_GE(failed.load(), 3);
  const EngineStats stats = a->Stats();
  EXPECT_EQ(stats.interactions, 200u - static_cast<uint64_t>(failed.load()));
  const std::string before = DumpEngine(*a, Ids());
  a.reset();
  std::unique_ptr<Engine> b = Open(store);
  EXPECT_EQ(DumpEngine(*b, Ids()), before) << "memory never ran ahead";
}

// A batch read by several threads is linked part by part, letting the lock
// go between parts; a round of single ingests that fails to store meanwhile
// takes the parts linked so far with it, and the batch must fail too rather
// than report them linked.
TEST_F(DurableTest, ABatchFailsWhenARoundFailsBetweenItsParts) {
  auto store = std::make_shared<FaultStore>(OpenMemoryStore());
  std::unique_ptr<Engine> a = Open(store, 0, /*batch_threads=*/2);
  ASSERT_NE(a, nullptr);
  store->fail_appends = 6;
  std::atomic<size_t> linked{0};
  std::vector<std::thread> threads;
  for (size_t t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = t; i < 200; i += 2) {
        if (a->Ingest((*data_)[i]).ok()) ++linked;
      }
    });
  }
  threads.emplace_back([&] {
    for (size_t from = 200; from < data_->size(); from += 40) {
      const size_t to = std::min(data_->size(), from + 40);
      std::vector<Interaction> batch(data_->begin() + from,
                                     data_->begin() + to);
      for (const absl::StatusOr<Linkage>& r : a->IngestBatch(batch)) {
        if (r.ok()) ++linked;
      }
    }
  });
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(a->Stats().interactions, linked.load())
      << "every ingest said linked is linked, and no other";
  const std::string before = DumpEngine(*a, Ids());
  a.reset();
  EXPECT_EQ(DumpEngine(*Open(store), Ids()), before) << "and stored";
}

}  // namespace
}  // namespace threadline
