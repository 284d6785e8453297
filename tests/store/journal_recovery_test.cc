// File: journal_recovery_test.cc
// Opening a journal after a crash or a bad disk: a torn tail is cut off and
// reported, damage anywhere else is DataLoss naming the file and byte, and
// nothing is ever skipped silently. Copies of one journal are cut and
// damaged the way crashes and disks do.
#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "journal_test_util.h"
#include "store/framing.h"
#include "threadline/store.h"

namespace threadline {
namespace {

using testing_util::CopyDir;
using testing_util::Equal;
using testing_util::Event;
using testing_util::Events;
using testing_util::LoadAll;
using testing_util::Loaded;
using testing_util::ReadFileOrDie;
using testing_util::WriteFileOrDie;

// Every record below is 20 bytes of header and 100 of payload.
constexpr uint64_t kRecord = store::kRecordHeaderSize + 100;
constexpr uint64_t kHeader = store::kEventsHeaderSize;
// Where record `sequence` starts in the golden journal.
constexpr uint64_t RecordAt(uint64_t sequence) {
  return kHeader + (sequence - 1) * kRecord;
}

class JournalRecoveryTest : public ::testing::Test {
 protected:
  // The golden journal: Appends of 1..3, 4..5, 6 and 7..8.
  void SetUp() override {
    absl::StatusOr<std::shared_ptr<Store>> store = OpenJournal(golden_dir());
    ASSERT_TRUE(store.ok()) << store.status();
    ASSERT_TRUE(LoadAll(**store).report.ok());
    for (const auto& batch :
         {Events(1, 3), Events(4, 2), Events(6, 1), Events(7, 2)}) {
      absl::StatusOr<uint64_t> ticket = (*store)->Append(batch);
      ASSERT_TRUE(ticket.ok()) << ticket.status();
      ASSERT_TRUE((*store)->Sync(*ticket).ok());
    }
    // Open, the file runs on in zeros written ahead; closed, it ends with
    // its last record.
    ASSERT_GT(std::filesystem::file_size(golden_dir() + "/events"),
              RecordAt(9));
    open_bytes_ = ReadFileOrDie(golden_dir() + "/events");
    store->reset();
    ASSERT_EQ(std::filesystem::file_size(golden_dir() + "/events"),
              RecordAt(9));
  }

  std::string golden_dir() const { return scratch_.Sub("golden"); }
  std::string work_dir() const { return scratch_.Sub("work"); }
  std::string work_events() const { return work_dir() + "/events"; }

  // Work: a fresh copy of the golden journal, its events file changed by
  // `edit`.
  void Work(const std::function<void(std::string&)>& edit) {
    CopyDir(golden_dir(), work_dir());
    std::string bytes = ReadFileOrDie(work_events());
    edit(bytes);
    WriteFileOrDie(work_events(), bytes);
  }

  Loaded OpenAndLoad() {
    absl::StatusOr<std::shared_ptr<Store>> store = OpenJournal(work_dir());
    if (!store.ok()) return Loaded{store.status(), {}, {}};
    return LoadAll(**store);
  }

  testing_util::ScratchDir scratch_;
  // The events file as it was while the golden journal was open: what a
  // crash leaves.
  std::string open_bytes_;
};

TEST_F(JournalRecoveryTest, TornTailAtEveryCutIsCutOffAndReported) {
  // The last Append (7..8) starts here; a cut anywhere in it drops all of it.
  const uint64_t start = RecordAt(7);
  for (uint64_t cut = start; cut < RecordAt(9); ++cut) {
    SCOPED_TRACE(cut);
    Work([&](std::string& bytes) { bytes.resize(cut); });
    Loaded loaded = OpenAndLoad();
    ASSERT_TRUE(loaded.report.ok()) << loaded.report.status();
    EXPECT_TRUE(Equal(loaded.events, Events(1, 6)));
    EXPECT_EQ(loaded.report->last_sequence, 6u);
    EXPECT_EQ(loaded.report->dropped_bytes, cut - start);
    if (cut > start) {
      EXPECT_NE(loaded.report->dropped.find(work_events()), std::string::npos);
      EXPECT_NE(loaded.report->dropped.find("from byte " + std::to_string(start)),
                std::string::npos)
          << loaded.report->dropped;
    } else {
      EXPECT_EQ(loaded.report->dropped, "");
    }
    EXPECT_EQ(std::filesystem::file_size(work_events()), start);
  }
}

TEST_F(JournalRecoveryTest, AfterACutTheJournalAppendsAndReopens) {
  Work([&](std::string& bytes) { bytes.resize(RecordAt(8) + 7); });
  {
    absl::StatusOr<std::shared_ptr<Store>> store = OpenJournal(work_dir());
    ASSERT_TRUE(store.ok()) << store.status();
    Loaded loaded = LoadAll(**store);
    ASSERT_TRUE(loaded.report.ok()) << loaded.report.status();
    EXPECT_NE(loaded.report->dropped.find("records 7..7"), std::string::npos)
        << loaded.report->dropped;
    ASSERT_TRUE((*store)->Append(Events(7, 3, "again")).ok());
  }
  Loaded loaded = OpenAndLoad();
  ASSERT_TRUE(loaded.report.ok()) << loaded.report.status();
  std::vector<StoredEvent> expected = Events(1, 6);
  for (const StoredEvent& e : Events(7, 3, "again")) expected.push_back(e);
  EXPECT_TRUE(Equal(loaded.events, expected));
  EXPECT_EQ(loaded.report->dropped_bytes, 0u);
}

TEST_F(JournalRecoveryTest, ZerosWrittenAheadAreNoDamage) {
  // As a crash leaves it: the records, then the space written ahead.
  Work([&](std::string& bytes) { bytes = open_bytes_; });
  {
    absl::StatusOr<std::shared_ptr<Store>> store = OpenJournal(work_dir());
    ASSERT_TRUE(store.ok()) << store.status();
    Loaded loaded = LoadAll(**store);
    ASSERT_TRUE(loaded.report.ok()) << loaded.report.status();
    EXPECT_TRUE(Equal(loaded.events, Events(1, 8)));
    EXPECT_EQ(loaded.report->dropped_bytes, 0u);
    EXPECT_EQ(loaded.report->dropped, "");
    // The next records go where the zeros began.
    ASSERT_TRUE((*store)->Append(Events(9, 2, "after")).ok());
  }
  EXPECT_EQ(std::filesystem::file_size(work_events()), RecordAt(11));
  Loaded loaded = OpenAndLoad();
  ASSERT_TRUE(loaded.report.ok()) << loaded.report.status();
  std::vector<StoredEvent> expected = Events(1, 8);
  for (const StoredEvent& e : Events(9, 2, "after")) expected.push_back(e);
  EXPECT_TRUE(Equal(loaded.events, expected));
}

TEST_F(JournalRecoveryTest, TornAppendBeforeZerosWrittenAheadIsCutOff) {
  // The second record of the last Append (7..8) never reached the disk.
  Work([&](std::string& bytes) {
    bytes = open_bytes_;
    std::fill(bytes.begin() + RecordAt(8), bytes.begin() + RecordAt(9), '\0');
  });
  Loaded loaded = OpenAndLoad();
  ASSERT_TRUE(loaded.report.ok()) << loaded.report.status();
  EXPECT_TRUE(Equal(loaded.events, Events(1, 6)));
  EXPECT_EQ(loaded.report->dropped_bytes, open_bytes_.size() - RecordAt(7));
  EXPECT_NE(loaded.report->dropped.find("records 7..7"), std::string::npos)
      << loaded.report->dropped;
  EXPECT_EQ(std::filesystem::file_size(work_events()), RecordAt(7));
}

TEST_F(JournalRecoveryTest, FlippedByteInTheMiddleIsDataLossAtItsOffset) {
  // Payload, length word and sequence of record 2, with valid records after.
  for (uint64_t at : {RecordAt(2) + 20 + 50, RecordAt(2), RecordAt(2) + 5,
                      RecordAt(2) + 13}) {
    SCOPED_TRACE(at);
    Work([&](std::string& bytes) { bytes[at] ^= 0x10; });
    Loaded loaded = OpenAndLoad();
    EXPECT_EQ(loaded.report.status().code(), absl::StatusCode::kDataLoss);
    const std::string message(loaded.report.status().message());
    EXPECT_NE(message.find(work_events() + " at byte " +
                           std::to_string(RecordAt(2))),
              std::string::npos)
        << message;
    // The file is left as it was, for someone to look at.
    EXPECT_EQ(std::filesystem::file_size(work_events()), RecordAt(9));
  }
}

TEST_F(JournalRecoveryTest, FlippedByteInTheLastRecordIsCutOffAndReported) {
  Work([&](std::string& bytes) { bytes[RecordAt(8) + 60] ^= 0x01; });
  Loaded loaded = OpenAndLoad();
  ASSERT_TRUE(loaded.report.ok()) << loaded.report.status();
  EXPECT_TRUE(Equal(loaded.events, Events(1, 6)));
  EXPECT_EQ(loaded.report->dropped_bytes, 2 * kRecord);
  EXPECT_NE(loaded.report->dropped.find("fails its checksum"), std::string::npos)
      << loaded.report->dropped;
  EXPECT_EQ(std::filesystem::file_size(work_events()), RecordAt(7));
}

TEST_F(JournalRecoveryTest, BadHeaderIsDataLoss) {
  Work([&](std::string& bytes) { bytes[2] = 'X'; });
  Loaded loaded = OpenAndLoad();
  EXPECT_EQ(loaded.report.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(loaded.report.status().message().find(work_events() + " at byte 0"),
            std::string::npos)
      << loaded.report.status();

  Work([&](std::string& bytes) { bytes[17] ^= 0x01; });  // base sequence
  EXPECT_EQ(OpenAndLoad().report.status().code(), absl::StatusCode::kDataLoss);
}

TEST_F(JournalRecoveryTest, SequenceGapIsDataLoss) {
  Work([&](std::string& bytes) {
    bytes = store::EncodeEventsHeader(0);
    for (uint64_t sequence : {1, 2, 4, 5}) {
      store::AppendRecord(sequence, Event(sequence).data, false, &bytes);
    }
  });
  Loaded loaded = OpenAndLoad();
  EXPECT_EQ(loaded.report.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(loaded.report.status().message().find(
                "at byte " + std::to_string(RecordAt(3)) +
                ": record has sequence 4, expected 3"),
            std::string::npos)
      << loaded.report.status();
}

TEST_F(JournalRecoveryTest, CrashBetweenSnapshotAndCompactionIsFinishedOnLoad) {
  CopyDir(golden_dir(), work_dir());
  StoredSnapshot snapshot{6, "state through 6"};
  WriteFileOrDie(work_dir() + "/" + store::SnapshotFileName(6),
                 store::EncodeSnapshotHeader(snapshot) + snapshot.data);
  WriteFileOrDie(work_dir() + "/events.tmp", "half a compaction");
  Loaded loaded = OpenAndLoad();
  ASSERT_TRUE(loaded.report.ok()) << loaded.report.status();
  ASSERT_TRUE(loaded.snapshot.has_value());
  EXPECT_EQ(loaded.snapshot->data, snapshot.data);
  EXPECT_TRUE(Equal(loaded.events, Events(7, 2)));
  EXPECT_EQ(loaded.report->last_sequence, 8u);
  EXPECT_FALSE(std::filesystem::exists(work_dir() + "/events.tmp"));
  for (const std::string& file : testing_util::FilesIn(work_dir())) {
    for (uint64_t covered = 1; covered <= 6; ++covered) {
      EXPECT_EQ(ReadFileOrDie(file).find(Event(covered).data), std::string::npos)
          << file << " holds event " << covered;
    }
  }
}

TEST_F(JournalRecoveryTest, DamagedSnapshotIsDataLoss) {
  CopyDir(golden_dir(), work_dir());
  StoredSnapshot snapshot{6, "state through 6"};
  std::string bytes = store::EncodeSnapshotHeader(snapshot) + snapshot.data;
  bytes.back() ^= 0x01;
  const std::string path = work_dir() + "/" + store::SnapshotFileName(6);
  WriteFileOrDie(path, bytes);
  Loaded loaded = OpenAndLoad();
  EXPECT_EQ(loaded.report.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(loaded.report.status().message().find(path), std::string::npos)
      << loaded.report.status();
}

TEST_F(JournalRecoveryTest, EventsStartingAfterTheSnapshotIsDataLoss) {
  Work([&](std::string& bytes) {
    bytes = store::EncodeEventsHeader(4);  // events 1..4 are nowhere
    store::AppendRecord(5, Event(5).data, false, &bytes);
  });
  Loaded loaded = OpenAndLoad();
  EXPECT_EQ(loaded.report.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_NE(loaded.report.status().message().find("events 1..4 are missing"),
            std::string::npos)
      << loaded.report.status();
}

TEST_F(JournalRecoveryTest, MissingEventsFileBesideASnapshotIsDataLoss) {
  CopyDir(golden_dir(), work_dir());
  StoredSnapshot snapshot{6, "state through 6"};
  WriteFileOrDie(work_dir() + "/" + store::SnapshotFileName(6),
                 store::EncodeSnapshotHeader(snapshot) + snapshot.data);
  std::filesystem::remove(work_events());
  absl::StatusOr<std::shared_ptr<Store>> store = OpenJournal(work_dir());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kDataLoss);
}

}  // namespace
}  // namespace threadline
