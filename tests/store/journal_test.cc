// File: journal_test.cc
// The journal's own promises: it survives closing and opening, one process
// at a time, erasure by snapshot leaves no byte behind, a real write error
// leaves no partial record, and group commit shares fdatasync calls.
#include "store/journal.h"

#include <signal.h>
#include <sys/resource.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "gtest/gtest.h"
#include "journal_test_util.h"
#include "threadline/store.h"

namespace threadline {
namespace {

using testing_util::Equal;
using testing_util::Event;
using testing_util::Events;
using testing_util::LoadAll;
using testing_util::Loaded;
using testing_util::ScratchDir;

std::shared_ptr<Store> OpenOrDie(const std::string& dir,
                                 JournalOptions options = {}) {
  absl::StatusOr<std::shared_ptr<Store>> store = OpenJournal(dir, options);
  EXPECT_TRUE(store.ok()) << store.status();
  return store.ok() ? *store : nullptr;
}

store::Journal& AsJournal(Store& store) {
  return dynamic_cast<store::Journal&>(store);
}

TEST(JournalTest, RoundTripAndReopen) {
  ScratchDir dir;
  const std::string path = dir.Sub("journal");  // created when missing
  std::vector<StoredEvent> all = Events(1, 3);
  {
    std::shared_ptr<Store> store = OpenOrDie(path);
    ASSERT_NE(store, nullptr);
    EXPECT_EQ(store->Describe(), "journal " + path);
    ASSERT_TRUE(LoadAll(*store).report.ok());
    absl::StatusOr<uint64_t> ticket = store->Append(all);
    ASSERT_TRUE(ticket.ok()) << ticket.status();
    ASSERT_TRUE(store->Sync(*ticket).ok());
    // An empty payload and a large one frame like any other.
    std::vector<StoredEvent> more = {{4, ""}, Event(5, "big", 300000)};
    ticket = store->Append(more);
    ASSERT_TRUE(ticket.ok()) << ticket.status();
    EXPECT_EQ(*ticket, 5u);
    ASSERT_TRUE(store->Sync(*ticket).ok());
    all.insert(all.end(), more.begin(), more.end());
  }
  for (int round = 0; round < 2; ++round) {
    std::shared_ptr<Store> store = OpenOrDie(path);
    ASSERT_NE(store, nullptr);
    Loaded loaded = LoadAll(*store);
    ASSERT_TRUE(loaded.report.ok()) << loaded.report.status();
    EXPECT_TRUE(Equal(loaded.events, all));
    EXPECT_EQ(loaded.report->events, all.size());
    EXPECT_EQ(loaded.report->last_sequence, all.size());
    EXPECT_EQ(loaded.report->dropped_bytes, 0u);
    EXPECT_EQ(loaded.report->dropped, "");
    // Appending after a reopen follows on.
    StoredEvent next = Event(all.size() + 1);
    absl::StatusOr<uint64_t> ticket = store->Append({next});
    ASSERT_TRUE(ticket.ok()) << ticket.status();
    all.push_back(next);
  }
}

TEST(JournalTest, AppendBeforeLoadIsFailedPrecondition) {
  ScratchDir dir;
  std::shared_ptr<Store> store = OpenOrDie(dir.path());
  ASSERT_NE(store, nullptr);
  absl::StatusOr<uint64_t> ticket = store->Append({Event(1)});
  EXPECT_EQ(ticket.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(store->WriteSnapshot({1, "x"}).code(),
            absl::StatusCode::kFailedPrecondition);
  ASSERT_TRUE(LoadAll(*store).report.ok());
  EXPECT_EQ(LoadAll(*store).report.status().code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST(JournalTest, SecondOpenOfTheSameDirectoryFails) {
  ScratchDir dir;
  std::shared_ptr<Store> first = OpenOrDie(dir.path());
  ASSERT_NE(first, nullptr);
  absl::StatusOr<std::shared_ptr<Store>> second = OpenJournal(dir.path());
  EXPECT_EQ(second.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(second.status().message().find(dir.path()), std::string::npos)
      << second.status();
  first.reset();  // closing releases the lock
  EXPECT_TRUE(OpenJournal(dir.path()).ok());
}

// A tool that only looks (threadline inspect) opens with create_if_missing
// false: where there is no journal it is told so, and nothing is made.
TEST(JournalTest, WithoutCreateIfMissingOnlyAJournalThatIsThereOpens) {
  ScratchDir dir;
  JournalOptions look;
  look.create_if_missing = false;
  const std::string missing = dir.Sub("missing");
  absl::StatusOr<std::shared_ptr<Store>> store = OpenJournal(missing, look);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(store.status().message().find(missing), std::string::npos)
      << store.status();
  EXPECT_FALSE(std::filesystem::exists(missing));

  const std::string empty = dir.Sub("empty");
  std::filesystem::create_directory(empty);
  store = OpenJournal(empty, look);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(store.status().message().find("no journal"), std::string::npos)
      << store.status();
  EXPECT_TRUE(std::filesystem::is_empty(empty));  // no LOCK, no events

  const std::string file = dir.Sub("file");
  std::ofstream(file) << "not a journal";
  EXPECT_EQ(OpenJournal(file, look).status().code(),
            absl::StatusCode::kNotFound);

  // A journal that is there opens and holds what was written.
  const std::string journal = dir.Sub("journal");
  {
    std::shared_ptr<Store> made = OpenOrDie(journal);
    ASSERT_NE(made, nullptr);
    ASSERT_TRUE(LoadAll(*made).report.ok());
    absl::StatusOr<uint64_t> ticket = made->Append(Events(1, 2));
    ASSERT_TRUE(ticket.ok()) << ticket.status();
    ASSERT_TRUE(made->Sync(*ticket).ok());
  }
  std::shared_ptr<Store> opened = OpenOrDie(journal, look);
  ASSERT_NE(opened, nullptr);
  Loaded loaded = LoadAll(*opened);
  ASSERT_TRUE(loaded.report.ok()) << loaded.report.status();
  EXPECT_TRUE(Equal(loaded.events, Events(1, 2)));
}

TEST(JournalTest, BadOptionsNameTheField) {
  ScratchDir dir;
  JournalOptions options;
  options.sync = SyncPolicy::kInterval;
  options.sync_interval = absl::ZeroDuration();
  absl::StatusOr<std::shared_ptr<Store>> store = OpenJournal(dir.path(), options);
  EXPECT_EQ(store.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(store.status().message().find("sync_interval"), std::string::npos);
  EXPECT_EQ(OpenJournal("").status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(JournalTest, SnapshotLeavesNoByteOfCoveredEvents) {
  ScratchDir dir;
  const std::string kCovered = "ERASE-ME-7f3a";  // only in covered events
  {
    std::shared_ptr<Store> store = OpenOrDie(dir.path());
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(LoadAll(*store).report.ok());
    ASSERT_TRUE(store->Append(Events(1, 40, kCovered)).ok());
    ASSERT_TRUE(store->Append(Events(41, 5, "kept")).ok());
    ASSERT_TRUE(store->WriteSnapshot({30, "snapshot through 30"}).ok());
    ASSERT_TRUE(store->Append(Events(46, 5, "later")).ok());
    // The snapshot at 40 covers the rest of the marked events.
    ASSERT_TRUE(store->WriteSnapshot({40, "snapshot through 40"}).ok());
    for (const std::string& file : testing_util::FilesIn(dir.path())) {
      EXPECT_EQ(testing_util::ReadFileOrDie(file).find(kCovered),
                std::string::npos)
          << file << " still holds a covered event";
    }
    ASSERT_TRUE(store->Append(Events(51, 2, "after")).ok());
  }
  int snapshots = 0;
  for (const std::string& file : testing_util::FilesIn(dir.path())) {
    EXPECT_EQ(testing_util::ReadFileOrDie(file).find(kCovered),
              std::string::npos)
        << file;
    if (file.find("snapshot-") != std::string::npos) ++snapshots;
  }
  EXPECT_EQ(snapshots, 1);  // the older one is gone

  std::shared_ptr<Store> store = OpenOrDie(dir.path());
  ASSERT_NE(store, nullptr);
  Loaded loaded = LoadAll(*store);
  ASSERT_TRUE(loaded.report.ok()) << loaded.report.status();
  ASSERT_TRUE(loaded.snapshot.has_value());
  EXPECT_EQ(loaded.snapshot->sequence, 40u);
  EXPECT_EQ(loaded.snapshot->data, "snapshot through 40");
  std::vector<StoredEvent> expected = Events(41, 5, "kept");
  for (const StoredEvent& e : Events(46, 5, "later")) expected.push_back(e);
  for (const StoredEvent& e : Events(51, 2, "after")) expected.push_back(e);
  EXPECT_TRUE(Equal(loaded.events, expected));
  EXPECT_EQ(loaded.report->last_sequence, 52u);
}

TEST(JournalTest, SnapshotOfEverythingLeavesAnEmptyLogThatAppendsFollowOn) {
  ScratchDir dir;
  {
    std::shared_ptr<Store> store = OpenOrDie(dir.path());
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(LoadAll(*store).report.ok());
    ASSERT_TRUE(store->Append(Events(1, 5)).ok());
    ASSERT_TRUE(store->WriteSnapshot({5, "all"}).ok());
  }
  {
    std::shared_ptr<Store> store = OpenOrDie(dir.path());
    ASSERT_NE(store, nullptr);
    Loaded loaded = LoadAll(*store);
    ASSERT_TRUE(loaded.report.ok()) << loaded.report.status();
    EXPECT_EQ(loaded.report->last_sequence, 5u);
    EXPECT_TRUE(loaded.events.empty());
    ASSERT_TRUE(store->Append({Event(6)}).ok());
  }
  std::shared_ptr<Store> store = OpenOrDie(dir.path());
  ASSERT_NE(store, nullptr);
  Loaded loaded = LoadAll(*store);
  ASSERT_TRUE(loaded.report.ok()) << loaded.report.status();
  EXPECT_TRUE(Equal(loaded.events, {Event(6)}));
}

TEST(JournalTest, SnapshotFarIntoALargeJournalKeepsExactlyTheLaterEvents) {
  // Over 1 MiB of records, so compaction starts from the sparse index.
  ScratchDir dir;
  {
    std::shared_ptr<Store> store = OpenOrDie(dir.path());
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(LoadAll(*store).report.ok());
    for (uint64_t first = 1; first <= 6000; first += 500) {
      ASSERT_TRUE(store->Append(Events(first, 500, "bulk", 300)).ok());
    }
    ASSERT_TRUE(store->WriteSnapshot({4321, "far in"}).ok());
  }
  std::shared_ptr<Store> store = OpenOrDie(dir.path());
  ASSERT_NE(store, nullptr);
  Loaded loaded = LoadAll(*store);
  ASSERT_TRUE(loaded.report.ok()) << loaded.report.status();
  EXPECT_EQ(loaded.report->snapshot_sequence, 4321u);
  EXPECT_TRUE(Equal(loaded.events, Events(4322, 6000 - 4321, "bulk", 300)));
}

TEST(JournalTest, SnapshotsWhileOthersAppend) {
  ScratchDir dir;
  constexpr uint64_t kEvents = 3000;
  {
    std::shared_ptr<Store> store = OpenOrDie(dir.path());
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(LoadAll(*store).report.ok());
    absl::Mutex mu;
    uint64_t appended = 0;  // guarded by mu
    std::thread writer([&] {
      for (uint64_t sequence = 1; sequence <= kEvents; ++sequence) {
        absl::MutexLock lock(&mu);
        ASSERT_TRUE(store->Append({Event(sequence)}).ok());
        appended = sequence;
      }
    });
    uint64_t last_snapshot = 0;
    for (;;) {
      uint64_t upto;
      {
        absl::MutexLock lock(&mu);
        upto = appended;
      }
      if (upto > last_snapshot) {
        ASSERT_TRUE(store->WriteSnapshot({upto, std::to_string(upto)}).ok());
        last_snapshot = upto;
      }
      if (upto == kEvents) break;
    }
    writer.join();
    ASSERT_TRUE(store->Append({Event(kEvents + 1)}).ok());
  }
  std::shared_ptr<Store> store = OpenOrDie(dir.path());
  ASSERT_NE(store, nullptr);
  Loaded loaded = LoadAll(*store);
  ASSERT_TRUE(loaded.report.ok()) << loaded.report.status();
  ASSERT_TRUE(loaded.snapshot.has_value());
  EXPECT_EQ(loaded.snapshot->sequence, kEvents);
  EXPECT_TRUE(Equal(loaded.events, {Event(kEvents + 1)}));
}

// RLIMIT_FSIZE makes the kernel refuse writes past a size: a real write
// error (EFBIG) and a real short write, without a full disk.
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    old_handler_ = ::signal(SIGXFSZ, SIG_IGN);
    ::getrlimit(RLIMIT_FSIZE, &old_);
    rlimit limited = old_;
    limited.rlim_cur = bytes;
    ::setrlimit(RLIMIT_FSIZE, &limited);
  }
  ~FileSizeLimit() {
    ::setrlimit(RLIMIT_FSIZE, &old_);
    ::signal(SIGXFSZ, old_handler_);
  }

 private:
  rlimit old_;
  sighandler_t old_handler_;
};

// ExpectReopensHolding: the journal in `dir`, opened again, holds exactly
// `events` and cuts nothing.
void ExpectReopensHolding(const std::string& dir,
                          const std::vector<StoredEvent>& events) {
  std::shared_ptr<Store> store = OpenOrDie(dir);
  ASSERT_NE(store, nullptr);
  Loaded loaded = LoadAll(*store);
  ASSERT_TRUE(loaded.report.ok()) << loaded.report.status();
  EXPECT_TRUE(Equal(loaded.events, events));
  EXPECT_EQ(loaded.report->dropped_bytes, 0u);
}

TEST(JournalTest, WriteErrorLeavesNoPartialRecordAndTheJournalUsable) {
  ScratchDir dir;
  std::shared_ptr<Store> store = OpenOrDie(dir.path());
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(LoadAll(*store).report.ok());
  ASSERT_TRUE(store->Append(Events(1, 10)).ok());
  const std::string events_path = AsJournal(*store).events_path();
  // Closed and opened again, the file ends with its last record, so the
  // next Append writes past its end rather than into space written ahead.
  store.reset();
  store = OpenOrDie(dir.path());
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(LoadAll(*store).report.ok());
  const uintmax_t before = std::filesystem::file_size(events_path);

  absl::StatusOr<uint64_t> failed;
  {
    // Room for part of the batch only: the first write is short, the next
    // fails.
    FileSizeLimit limit(before + 500);
    failed = store->Append(Events(11, 10));
  }
  EXPECT_EQ(failed.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_NE(failed.status().message().find(events_path), std::string::npos)
      << failed.status();
  EXPECT_NE(failed.status().message().find("events 11..20"), std::string::npos)
      << failed.status();
  EXPECT_NE(failed.status().message().find("File too large"), std::string::npos)
      << failed.status();
  EXPECT_EQ(std::filesystem::file_size(events_path), before);

  // The limit is lifted: the same records go in.
  absl::StatusOr<uint64_t> ticket = store->Append(Events(11, 10));
  ASSERT_TRUE(ticket.ok()) << ticket.status();
  ASSERT_TRUE(store->Sync(*ticket).ok());
  store.reset();
  ExpectReopensHolding(dir.path(), Events(1, 20));
}

// The zeros written ahead of the records only speed syncs up: a disk with
// room for the records but not for them loses no write.
TEST(JournalTest, NoRoomToWriteAheadIsNoError) {
  ScratchDir dir;
  std::shared_ptr<Store> store = OpenOrDie(dir.path());
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(LoadAll(*store).report.ok());
  const std::string events_path = AsJournal(*store).events_path();
  const uintmax_t before = std::filesystem::file_size(events_path);

  absl::StatusOr<uint64_t> ticket;
  {
    FileSizeLimit limit(before + 4096);
    ticket = store->Append(Events(1, 10));
    ASSERT_TRUE(ticket.ok()) << ticket.status();
    EXPECT_TRUE(store->Sync(*ticket).ok());
    EXPECT_LE(std::filesystem::file_size(events_path), before + 4096);
  }
  ticket = store->Append(Events(11, 10));
  ASSERT_TRUE(ticket.ok()) << ticket.status();
  ASSERT_TRUE(store->Sync(*ticket).ok());
  store.reset();
  ExpectReopensHolding(dir.path(), Events(1, 20));
}

TEST(JournalTest, GroupCommitSharesFdatasync) {
  ScratchDir dir;
  std::shared_ptr<Store> store = OpenOrDie(dir.path());
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(LoadAll(*store).report.ok());
  constexpr int kThreads = 8;
  constexpr int kPerThread = 60;
  absl::Mutex mu;  // the engine's lock: sequences are taken under it
  uint64_t next = 1;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kPerThread; ++i) {
        absl::StatusOr<uint64_t> ticket;
        {
          absl::MutexLock lock(&mu);
          ticket = store->Append({Event(next, "group", 300)});
          if (ticket.ok()) ++next;
        }
        ASSERT_TRUE(ticket.ok()) << ticket.status();
        ASSERT_TRUE(store->Sync(*ticket).ok());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  const uint64_t syncs = AsJournal(*store).fdatasync_calls();
  EXPECT_GT(syncs, 0u);
  // Each sync's leader waits for the writers the last one released, so a
  // sync carries most of the threads (about 8 appends here) instead of
  // alternately seven and one (about 4).
  EXPECT_LE(syncs, uint64_t{kThreads * kPerThread / 5}) << syncs;
  store.reset();

  store = OpenOrDie(dir.path());
  ASSERT_NE(store, nullptr);
  Loaded loaded = LoadAll(*store);
  ASSERT_TRUE(loaded.report.ok()) << loaded.report.status();
  EXPECT_TRUE(Equal(loaded.events, Events(1, kThreads * kPerThread, "group", 300)));
}

TEST(JournalTest, IntervalPolicySyncsInTheBackground) {
  ScratchDir dir;
  JournalOptions options;
  options.sync = SyncPolicy::kInterval;
  options.sync_interval = absl::Milliseconds(2);
  std::shared_ptr<Store> store = OpenOrDie(dir.path(), options);
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(LoadAll(*store).report.ok());
  store::Journal& journal = AsJournal(*store);
  const uint64_t syncs_before = journal.fdatasync_calls();
  uint64_t ticket = 0;
  for (int i = 0; i < 20; ++i) {
    absl::StatusOr<uint64_t> appended = store->Append({Event(i + 1)});
    ASSERT_TRUE(appended.ok()) << appended.status();
    ticket = *appended;
    EXPECT_TRUE(store->Sync(ticket).ok());  // returns at once
  }
  EXPECT_TRUE(journal.WaitDurable(ticket, absl::Seconds(30)));
  EXPECT_GT(journal.fdatasync_calls(), syncs_before);
  EXPECT_LT(journal.fdatasync_calls() - syncs_before, 20u + 1);
  store.reset();

  store = OpenOrDie(dir.path(), options);
  ASSERT_NE(store, nullptr);
  Loaded loaded = LoadAll(*store);
  ASSERT_TRUE(loaded.report.ok()) << loaded.report.status();
  EXPECT_TRUE(Equal(loaded.events, Events(1, 20)));
}

}  // namespace
}  // namespace threadline
