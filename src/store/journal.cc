// File: journal.cc
// The journal's writing side: open, append, group commit, snapshots and
// compaction. Load is in journal_load.cc.
#include "store/journal.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "store/framing.h"
#include "store/sequence_check.h"
#include "threadline/status_macros.h"

namespace threadline::store {
namespace {

constexpr char kEventsName[] = "events";

absl::Status ValidateOptions(const JournalOptions& options) {
  if (options.sync != SyncPolicy::kEveryIngest &&
      options.sync != SyncPolicy::kInterval) {
    return absl::InvalidArgumentError(
        absl::StrCat("JournalOptions.sync is ", static_cast<int>(options.sync),
                     ", not a SyncPolicy"));
  }
  if (options.sync_interval <= absl::ZeroDuration() ||
      options.sync_interval == absl::InfiniteDuration()) {
    return absl::InvalidArgumentError(
        absl::StrCat("JournalOptions.sync_interval must be positive and "
                     "finite, got ",
                     absl::FormatDuration(options.sync_interval)));
  }
  return absl::OkStatus();
}

// CheckJournalIsThere: OK when `dir` holds a journal (its events file, or a
// snapshot, whose missing events file Open reports as data loss); NotFound
// naming the directory otherwise. Reads only.
absl::Status CheckJournalIsThere(const std::string& dir) {
  absl::StatusOr<std::vector<std::string>> names = ListDirectory(dir);
  if (!names.ok()) {
    if (absl::IsNotFound(names.status())) {  // ENOENT or ENOTDIR
      return absl::NotFoundError(
          absl::StrCat("journal ", dir, ": no such directory"));
    }
    return names.status();
  }
  for (const std::string& name : *names) {
    uint64_t sequence;
    if (name == kEventsName || ParseSnapshotFileName(name, &sequence)) {
      return absl::OkStatus();
    }
  }
  return absl::NotFoundError(absl::StrCat(
      "journal ", dir, ": no journal there (no events file, no snapshot)"));
}

}  // namespace

absl::StatusOr<std::shared_ptr<Journal>> Journal::Open(
    const std::string& dir, const JournalOptions& options) {
  THREADLINE_RETURN_IF_ERROR(ValidateOptions(options));
  if (dir.empty()) {
    return absl::InvalidArgumentError("journal directory must not be empty");
  }
  if (!options.create_if_missing) {
    THREADLINE_RETURN_IF_ERROR(CheckJournalIsThere(dir));
  }
  THREADLINE_RETURN_IF_ERROR(CreateDirectories(dir));
  THREADLINE_ASSIGN_OR_RETURN(
      FileLock lock,
      FileLock::Acquire(absl::StrCat(dir, "/LOCK"), absl::StrCat("journal ", dir)));

  // A file being replaced when the last process died is never the real one.
  THREADLINE_ASSIGN_OR_RETURN(std::vector<std::string> names,
                              ListDirectory(dir));
  bool has_events = false;
  std::string snapshot;
  for (const std::string& name : names) {
    uint64_t sequence;
    if (absl::EndsWith(name, kTempSuffix)) {
      THREADLINE_RETURN_IF_ERROR(RemoveFile(absl::StrCat(dir, "/", name)));
    } else if (name == kEventsName) {
      has_events = true;
    } else if (ParseSnapshotFileName(name, &sequence)) {
      snapshot = name;
    }
  }

  const std::string events_path = absl::StrCat(dir, "/", kEventsName);
  FileDescriptor events;
  if (has_events) {
    THREADLINE_ASSIGN_OR_RETURN(events, OpenFile(events_path, O_RDWR));
  } else if (!snapshot.empty()) {
    // The events file is only ever replaced by rename, never removed.
    return absl::DataLossError(absl::StrCat(
        "journal ", dir, ": the events file is missing but ", snapshot,
        " is there; events after it may be lost"));
  } else {
    THREADLINE_ASSIGN_OR_RETURN(
        events, ReplaceFileDurably(dir, kEventsName,
                                   [](int fd, const std::string& path) {
                                     return WriteAt(fd, path,
                                                    EncodeEventsHeader(0), 0);
                                   }));
  }
  return std::shared_ptr<Journal>(
      new Journal(dir, options, std::move(lock), std::move(events)));
}

Journal::Journal(std::string dir, JournalOptions options, FileLock lock,
                 FileDescriptor events)
    : dir_(std::move(dir)),
      events_path_(absl::StrCat(dir_, "/", kEventsName)),
      options_(options),
      lock_(std::move(lock)),
      events_(std::make_shared<FileDescriptor>(std::move(events))) {
  if (options_.sync == SyncPolicy::kInterval) {
    interval_thread_ = std::thread([this] { IntervalLoop(); });
  }
}

Journal::~Journal() {
  if (interval_thread_.joinable()) {
    {
      absl::MutexLock lock(&sync_mu_);
      stop_ = true;
      sync_done_.SignalAll();
    }
    interval_thread_.join();
  }
  uint64_t last;
  {
    absl::MutexLock lock(&mu_);
    last = last_;
  }
  (void)SyncTo(last, /*gather=*/false);  // a failure here has no one left to tell
  // A journal closed cleanly ends with its last record.
  absl::MutexLock lock(&mu_);
  if (loaded_ && allocated_ > end_ &&
      ::ftruncate(events_->get(), static_cast<off_t>(end_)) == 0) {
    (void)::fdatasync(events_->get());
  }
}

std::string Journal::Describe() const { return absl::StrCat("journal ", dir_); }

absl::Status Journal::CheckUsable() const {
  if (!loaded_) {
    return absl::FailedPreconditionError(
        absl::StrCat(Describe(), ": call Load before writing"));
  }
  return broken_;
}

absl::StatusOr<uint64_t> Journal::Append(
    const std::vector<StoredEvent>& events) {
  absl::MutexLock lock(&mu_);
  THREADLINE_RETURN_IF_ERROR(CheckUsable());
  THREADLINE_RETURN_IF_ERROR(
      CheckFollowOn(events, last_, kMaxPayload, Describe()));
  if (events.empty()) return last_;

  scratch_.clear();
  for (size_t i = 0; i < events.size(); ++i) {
    AppendRecord(events[i].sequence, events[i].data, i + 1 < events.size(),
                 &scratch_);
  }
  const int fd = events_->get();
  absl::Status written = WriteAt(fd, events_path_, scratch_, end_);
  if (!written.ok()) {
    std::string what =
        absl::StrCat(Describe(), ": append of events ", events.front().sequence,
                     "..", events.back().sequence, " failed");
    // Cutting at end_ also drops the space written ahead, which the
    // partial write may have filled with records that were never stored.
    allocated_ = end_;
    if (::ftruncate(fd, static_cast<off_t>(end_)) != 0) {
      broken_ = absl::InternalError(absl::StrCat(
          what, " (", written.message(), ") and cutting the partial record "
          "off again failed too (", PosixError("ftruncate", events_path_, errno)
          .message(), "); open the journal again to recover"));
      return broken_;
    }
    return absl::Status(written.code(),
                        absl::StrCat(what, ", nothing of them is stored: ",
                                     written.message()));
  }
  uint64_t offset = end_;
  for (const StoredEvent& event : events) {
    AddIndex(event.sequence, offset);
    offset += kRecordHeaderSize + event.data.size();
  }
  end_ += scratch_.size();
  allocated_ = std::max(allocated_, end_);
  last_ = events.back().sequence;
  ++appends_;
  if (allocated_ - end_ < kWriteAheadLow) WriteAhead();
  // A one-off huge batch should not pin its buffer for the journal's life.
  if (scratch_.capacity() > (4u << 20)) std::string().swap(scratch_);
  return last_;
}

void Journal::WriteAhead() {
  static const char kZeros[64 << 10] = {};
  const uint64_t target = allocated_ + kWriteAhead;
  while (allocated_ < target) {
    const std::string_view zeros(
        kZeros, std::min<uint64_t>(sizeof kZeros, target - allocated_));
    // A full disk only costs the speed-up: appends go on without the space.
    if (!WriteAt(events_->get(), events_path_, zeros, allocated_).ok()) return;
    allocated_ += zeros.size();
  }
}

void Journal::AddIndex(uint64_t sequence, uint64_t offset) {
  if (index_.empty() || offset >= index_.back().offset + kIndexStride) {
    index_.push_back({sequence, offset});
  }
}

absl::Status Journal::Sync(uint64_t ticket) {
  {
    absl::MutexLock lock(&mu_);
    THREADLINE_RETURN_IF_ERROR(CheckTicket(ticket, last_, Describe()));
  }
  if (options_.sync == SyncPolicy::kInterval) {
    // The background thread syncs; report its failure, if any.
    absl::MutexLock lock(&sync_mu_);
    return sync_error_;
  }
  return SyncTo(ticket);
}

void Journal::AwaitCompany() {
  uint64_t released, since;
  int64_t half_sync;
  {
    absl::MutexLock lock(&sync_mu_);
    released = released_;
    since = appends_at_sync_end_;
    half_sync = sync_nanos_ / 2;
  }
  // One writer alone (or the first sync) has no one to wait for.
  if (released <= 1 || half_sync <= 0) return;
  absl::MutexLock lock(&mu_);
  auto back = [this, released, since]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return appends_ - since >= released || !broken_.ok();
  };
  mu_.AwaitWithTimeout(absl::Condition(&back),
                       absl::Nanoseconds(std::min<int64_t>(half_sync, 1'000'000)));
}

absl::Status Journal::SyncTo(uint64_t ticket, bool gather) {
  sync_mu_.Lock();
  for (;;) {
    if (!sync_error_.ok()) {
      absl::Status error = sync_error_;
      sync_mu_.Unlock();
      return error;
    }
    if (synced_ >= ticket) {
      sync_mu_.Unlock();
      return absl::OkStatus();
    }
    if (!sync_running_) break;
    sync_done_.Wait(&sync_mu_);
  }
  // This caller leads: one fdatasync covers everything written so far,
  // including what others appended while the previous sync ran.
  sync_running_ = true;
  sync_mu_.Unlock();
  if (gather) AwaitCompany();

  std::shared_ptr<FileDescriptor> file;
  uint64_t target, appends;
  {
    absl::MutexLock lock(&mu_);
    file = events_;
    target = last_;
    appends = appends_;
  }
  const absl::Time start = absl::Now();
  int rc;
  do {
    rc = ::fdatasync(file->get());
  } while (rc != 0 && errno == EINTR);
  const int err = errno;
  const int64_t took = absl::ToInt64Nanoseconds(absl::Now() - start);
  fdatasync_calls_.fetch_add(1, std::memory_order_relaxed);
  uint64_t appends_now;
  {
    absl::MutexLock lock(&mu_);
    appends_now = appends_;
  }

  absl::MutexLock lock(&sync_mu_);
  sync_running_ = false;
  released_ = appends - appends_synced_;
  appends_synced_ = appends;
  appends_at_sync_end_ = appends_now;
  sync_nanos_ += (took - sync_nanos_) / 8;
  if (rc != 0) {
    absl::Status error = PosixError("fdatasync", events_path_, err);
    sync_error_ = absl::Status(
        error.code(),
        absl::StrCat(Describe(), ": events after ", synced_,
                     " may not be durable, open the journal again: ",
                     error.message()));
  } else {
    synced_ = std::max(synced_, target);
  }
  sync_done_.SignalAll();
  return sync_error_;
}

void Journal::MarkDurable(uint64_t sequence) {
  absl::MutexLock lock(&sync_mu_);
  synced_ = std::max(synced_, sequence);
  sync_done_.SignalAll();
}

bool Journal::WaitDurable(uint64_t ticket, absl::Duration timeout) {
  absl::MutexLock lock(&sync_mu_);
  const absl::Time deadline = absl::Now() + timeout;
  while (synced_ < ticket) {
    if (sync_done_.WaitWithDeadline(&sync_mu_, deadline)) {
      return synced_ >= ticket;
    }
  }
  return true;
}

void Journal::IntervalLoop() {
  for (;;) {
    {
      absl::MutexLock lock(&sync_mu_);
      const absl::Time deadline = absl::Now() + options_.sync_interval;
      while (!stop_ && !sync_done_.WaitWithDeadline(&sync_mu_, deadline)) {
      }
      if (stop_) return;
    }
    uint64_t last;
    {
      absl::MutexLock lock(&mu_);
      last = last_;
    }
    (void)SyncTo(last, /*gather=*/false);  // a failure is sticky and Sync reports it
  }
}

absl::Status Journal::WriteSnapshot(const StoredSnapshot& snapshot) {
  absl::MutexLock snapshot_lock(&snapshot_mu_);
  {
    absl::MutexLock lock(&mu_);
    THREADLINE_RETURN_IF_ERROR(CheckUsable());
    THREADLINE_RETURN_IF_ERROR(
        CheckSnapshot(snapshot, snapshot_sequence_, last_, Describe()));
  }
  // Appends go on while the snapshot is written; only compaction stops them.
  const std::string header = EncodeSnapshotHeader(snapshot);
  THREADLINE_RETURN_IF_ERROR(ReplaceFileDurably(
      dir_, SnapshotFileName(snapshot.sequence), {header, snapshot.data}));
  {
    absl::MutexLock lock(&mu_);
    snapshot_sequence_ = snapshot.sequence;
    absl::StatusOr<uint64_t> from = FindOffset(snapshot.sequence + 1);
    absl::Status compacted = from.ok() ? Compact(snapshot.sequence, *from)
                                       : from.status();
    if (!compacted.ok()) {
      // The snapshot stands; the next Load compacts again.
      return absl::Status(
          compacted.code(),
          absl::StrCat(Describe(), ": snapshot ", snapshot.sequence,
                       " is stored but the events it covers are still in ",
                       events_path_, ": ", compacted.message()));
    }
  }
  return RemoveOlderSnapshots(snapshot.sequence);
}

absl::StatusOr<uint64_t> Journal::FindOffset(uint64_t sequence) {
  if (sequence > last_) return end_;
  uint64_t at = kEventsHeaderSize;
  uint64_t current = base_ + 1;
  auto entry = std::upper_bound(
      index_.begin(), index_.end(), sequence,
      [](uint64_t s, const IndexEntry& e) { return s < e.sequence; });
  if (entry != index_.begin()) {
    --entry;
    at = entry->offset;
    current = entry->sequence;
  }
  std::string header;
  while (current < sequence) {
    THREADLINE_RETURN_IF_ERROR(
        ReadAt(events_->get(), events_path_, at, kRecordHeaderSize, &header));
    uint64_t found, length;
    PeekRecordHeader(header.data(), &found, &length);
    if (found != current) {
      return absl::InternalError(absl::StrCat(
          events_path_, " at byte ", at, ": expected record ", current,
          ", found ", found, "; the file changed behind the journal"));
    }
    at += kRecordHeaderSize + length;
    ++current;
  }
  return at;
}

absl::Status Journal::Compact(uint64_t snapshot_sequence, uint64_t from) {
  const std::shared_ptr<FileDescriptor> old = events_;
  const uint64_t kept = end_ - from;
  THREADLINE_ASSIGN_OR_RETURN(
      FileDescriptor fresh,
      ReplaceFileDurably(
          dir_, kEventsName,
          [&](int fd, const std::string& path) -> absl::Status {
            THREADLINE_RETURN_IF_ERROR(
                WriteAt(fd, path, EncodeEventsHeader(snapshot_sequence), 0));
            return CopyRange(old->get(), events_path_, from, kept, fd, path,
                             kEventsHeaderSize);
          }));
  events_ = std::make_shared<FileDescriptor>(std::move(fresh));
  base_ = snapshot_sequence;
  end_ = kEventsHeaderSize + kept;
  allocated_ = end_;
  std::vector<IndexEntry> index;
  for (const IndexEntry& entry : index_) {
    if (entry.sequence > snapshot_sequence) {
      index.push_back({entry.sequence, entry.offset - from + kEventsHeaderSize});
    }
  }
  index_ = std::move(index);
  // The new file was fsynced whole.
  MarkDurable(last_);
  return absl::OkStatus();
}

absl::Status Journal::RemoveOlderSnapshots(uint64_t sequence) {
  THREADLINE_ASSIGN_OR_RETURN(std::vector<std::string> names,
                              ListDirectory(dir_));
  bool removed = false;
  for (const std::string& name : names) {
    uint64_t found;
    if (ParseSnapshotFileName(name, &found) && found < sequence) {
      THREADLINE_RETURN_IF_ERROR(RemoveFile(absl::StrCat(dir_, "/", name)));
      removed = true;
    }
  }
  return removed ? SyncDirectory(dir_) : absl::OkStatus();
}

}  // namespace threadline::store

namespace threadline {

absl::StatusOr<std::shared_ptr<Store>> OpenJournal(const std::string& dir,
                                                   JournalOptions options) {
  THREADLINE_ASSIGN_OR_RETURN(std::shared_ptr<store::Journal> journal,
                              store::Journal::Open(dir, options));
  return std::shared_ptr<Store>(std::move(journal));
}

}  // namespace threadline
