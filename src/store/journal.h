// File: journal.h
// The journal: a Store in one directory of the local disk.
//
//   LOCK                           flock'ed while a Journal has it open
//   events                         header, then framed records (framing.h)
//   snapshot-<20-digit sequence>   the newest snapshot
//   *.tmp                          a file being replaced; removed on open
//
// Append writes all its records with one pwrite at the end of `events`;
// a failed write is cut off again with ftruncate, so no partial record
// stays. The file is kept ahead of its records by zeros, written a
// megabyte at a time: an fdatasync of records that overwrite written space
// has no file size or block allocation to store, which halves its time
// (a sync of a 5 KB append took 257 µs here, of the same overwrite 128 µs;
// the sync that carries a megabyte of new zeros took about 2 ms, once per
// thousand or so ingests).
// Load reads zeros after the last record as that space; closing cuts it
// off.
//
// Sync is a group commit: the first caller whose records are not yet
// durable runs fdatasync for everything written so far while later callers
// wait, and all of them are released together. With SyncPolicy::kInterval a
// background thread runs that fdatasync every sync_interval and Sync returns
// at once (with the background sync's error, if one failed).
//
// WriteSnapshot writes the snapshot durably (temp, fsync, rename, directory
// fsync), then rewrites `events` with only the records after it the same way
// and removes older snapshots: no byte of a covered event stays in any file
// of the directory. A crash between those steps is finished by the next
// Load, which compacts again when it finds covered records.
//
// Load maps `events` and checks every record. A torn tail (a record or an
// Append cut short, or a bad checksum with nothing valid after it) is cut
// off and reported; damage with valid records after it, a bad header or a
// sequence gap is DataLoss naming the file and byte offset. Load must come
// before Append and WriteSnapshot (FailedPrecondition otherwise): only it
// learns where the journal ends.
//
// After a failed fdatasync the journal cannot know which writes reached the
// disk (Linux may drop the dirty pages), so every later Sync fails with the
// same status until the journal is opened again.
//
// Thread-safe. Lock order: snapshot_mu_, then mu_, then sync_mu_.
#ifndef THREADLINE_SRC_STORE_JOURNAL_H_
#define THREADLINE_SRC_STORE_JOURNAL_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "store/file.h"
#include "threadline/store.h"

namespace threadline::store {

// Journal: the journal store (see the file comment). Thread-safe.
// Neither copyable nor movable: its background thread points at it.
class Journal final : public Store {
 public:
  // Open: see OpenJournal in threadline/store.h.
  [[nodiscard]] static absl::StatusOr<std::shared_ptr<Journal>> Open(
      const std::string& dir, const JournalOptions& options);

  // Closing syncs what was written and not yet synced (a clean shutdown
  // loses nothing under either policy) and releases the lock.
  ~Journal() override;
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  absl::StatusOr<LoadReport> Load(
      const std::function<absl::Status(const StoredSnapshot&)>& on_snapshot,
      const std::function<absl::Status(const StoredEvent&)>& on_event)
      override;
  absl::StatusOr<uint64_t> Append(
      const std::vector<StoredEvent>& events) override;
  absl::Status Sync(uint64_t ticket) override;
  absl::Status WriteSnapshot(const StoredSnapshot& snapshot) override;
  std::string Describe() const override;

  // fdatasync_calls: how many fdatasync calls Sync and the background thread
  // made (to show group commit at work in tests and benchmarks).
  uint64_t fdatasync_calls() const { return fdatasync_calls_.load(); }

  // WaitDurable: blocks until everything up to `ticket` is durable or
  // `timeout` passes; true when durable. Lets tests of SyncPolicy::kInterval
  // wait for the background sync without sleeping.
  bool WaitDurable(uint64_t ticket, absl::Duration timeout);

  // events_path: the events file.
  const std::string& events_path() const { return events_path_; }

 private:
  // IndexEntry: where one record starts. Kept about every kIndexStride
  // bytes so compaction finds the first record after a snapshot without
  // reading the whole file.
  struct IndexEntry {
    uint64_t sequence;
    uint64_t offset;
  };
  static constexpr uint64_t kIndexStride = 1 << 20;

  Journal(std::string dir, JournalOptions options, FileLock lock,
          FileDescriptor events);

  // LoadFile: Load's work; `events` is the events file, which nothing else
  // touches until loaded_ is set.
  absl::StatusOr<LoadReport> LoadFile(
      int events,
      const std::function<absl::Status(const StoredSnapshot&)>& on_snapshot,
      const std::function<absl::Status(const StoredEvent&)>& on_event);

  // SyncTo: the group commit (see the file comment). `gather`: a leader
  // first waits for the writers the last sync released (see AwaitCompany).
  absl::Status SyncTo(uint64_t ticket, bool gather = true);
  // AwaitCompany: the writers the last sync released append again within
  // microseconds of being released, while a sync takes a hundred or more:
  // a leader that starts at once leaves them all for the sync after, and
  // the syncs alternate between a large group and a small one. So a leader
  // waits until as many appends as the last sync released have come since
  // it ended, or half a sync's time.
  void AwaitCompany() ABSL_LOCKS_EXCLUDED(mu_, sync_mu_);
  void IntervalLoop();

  absl::Status CheckUsable() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void AddIndex(uint64_t sequence, uint64_t offset)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // WriteAhead: writes kWriteAhead zero bytes at allocated_.
  void WriteAhead() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  static constexpr uint64_t kWriteAhead = 1 << 20;
  static constexpr uint64_t kWriteAheadLow = 64 << 10;
  // FindOffset: where record `sequence` starts (end_ when past the last).
  absl::StatusOr<uint64_t> FindOffset(uint64_t sequence)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Compact: replaces the events file by one holding only the records from
  // byte `from` on, which follow `snapshot_sequence`.
  absl::Status Compact(uint64_t snapshot_sequence, uint64_t from)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // RemoveOlderSnapshots: removes snapshot files before `sequence` and any
  // leftover temp files.
  absl::Status RemoveOlderSnapshots(uint64_t sequence);
  // MarkDurable: everything up to `sequence` is on disk.
  void MarkDurable(uint64_t sequence);

  const std::string dir_;
  const std::string events_path_;
  const JournalOptions options_;
  FileLock lock_;

  // Serialises WriteSnapshot (and Load) without blocking Append while a
  // snapshot file is written.
  absl::Mutex snapshot_mu_ ABSL_ACQUIRED_BEFORE(mu_);

  absl::Mutex mu_ ABSL_ACQUIRED_BEFORE(sync_mu_);
  // Shared so a sync in flight keeps the descriptor open while compaction
  // swaps in a new file.
  std::shared_ptr<FileDescriptor> events_ ABSL_GUARDED_BY(mu_);
  bool loaded_ ABSL_GUARDED_BY(mu_) = false;
  bool loading_ ABSL_GUARDED_BY(mu_) = false;
  uint64_t base_ ABSL_GUARDED_BY(mu_) = 0;  // the events file's base sequence
  uint64_t end_ ABSL_GUARDED_BY(mu_) = 0;   // byte offset of its end
  // The file's size: zeros from end_ to here (see WriteAhead).
  uint64_t allocated_ ABSL_GUARDED_BY(mu_) = 0;
  uint64_t last_ ABSL_GUARDED_BY(mu_) = 0;  // last sequence stored
  uint64_t snapshot_sequence_ ABSL_GUARDED_BY(mu_) = 0;
  // Set when a failed write could not be cut off again: appending after a
  // partial record would make the file unreadable.
  absl::Status broken_ ABSL_GUARDED_BY(mu_);
  std::string scratch_ ABSL_GUARDED_BY(mu_);  // reused framing buffer
  uint64_t appends_ ABSL_GUARDED_BY(mu_) = 0;  // Append calls that stored
  std::vector<IndexEntry> index_ ABSL_GUARDED_BY(mu_);

  absl::Mutex sync_mu_;
  absl::CondVar sync_done_;  // a sync finished (or the thread must stop)
  uint64_t synced_ ABSL_GUARDED_BY(sync_mu_) = 0;  // durable up to here
  bool sync_running_ ABSL_GUARDED_BY(sync_mu_) = false;
  absl::Status sync_error_ ABSL_GUARDED_BY(sync_mu_);  // sticky
  bool stop_ ABSL_GUARDED_BY(sync_mu_) = false;
  // Group commit: appends_ when the last sync's target was taken and when
  // that sync ended; how many appends it covered (the writers it released);
  // how long an fdatasync takes (a moving average, nanoseconds).
  uint64_t appends_synced_ ABSL_GUARDED_BY(sync_mu_) = 0;
  uint64_t appends_at_sync_end_ ABSL_GUARDED_BY(sync_mu_) = 0;
  uint64_t released_ ABSL_GUARDED_BY(sync_mu_) = 0;
  int64_t sync_nanos_ ABSL_GUARDED_BY(sync_mu_) = 0;
  std::atomic<uint64_t> fdatasync_calls_{0};
  std::thread interval_thread_;
};

}  // namespace threadline::store

#endif  // THREADLINE_SRC_STORE_JOURNAL_H_
