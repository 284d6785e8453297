// File: journal_load.cc
// Journal::Load: reads the newest snapshot and the events after it, cuts off
// a torn tail and refuses damage anywhere else.
//
// Telling a torn tail from damage: a crash mid-write can only leave garbage
// after the last complete Append, so a bad record is a torn tail exactly when
// no valid record follows it. Any valid record after a bad one means bytes
// in the middle were damaged, and cutting there would silently lose
// acknowledged events: that is DataLoss. Zeros alone after the last
// complete Append are the space the journal writes ahead of its records
// (journal.h): the journal ends there and nothing is cut.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <optional>

#include "absl/strings/str_cat.h"
#include "store/framing.h"
#include "store/journal.h"
#include "threadline/status_macros.h"

namespace threadline::store {
namespace {

// ReadNewestSnapshot: the snapshot with the highest sequence in `dir`, if
// any. A damaged one is DataLoss, not a reason to fall back: the events it
// covers may already be compacted away.
absl::StatusOr<std::optional<StoredSnapshot>> ReadNewestSnapshot(
    const std::string& dir) {
  THREADLINE_ASSIGN_OR_RETURN(std::vector<std::string> names,
                              ListDirectory(dir));
  std::optional<uint64_t> newest;
  for (const std::string& name : names) {
    uint64_t sequence;
    if (ParseSnapshotFileName(name, &sequence) &&
        (!newest || sequence > *newest)) {
      newest = sequence;
    }
  }
  if (!newest) return std::nullopt;
  const std::string path = absl::StrCat(dir, "/", SnapshotFileName(*newest));
  THREADLINE_ASSIGN_OR_RETURN(FileDescriptor fd, OpenFile(path, O_RDONLY));
  THREADLINE_ASSIGN_OR_RETURN(uint64_t size, FileSize(fd.get(), path));
  std::string bytes;
  THREADLINE_RETURN_IF_ERROR(ReadAt(fd.get(), path, 0, size, &bytes));
  THREADLINE_ASSIGN_OR_RETURN(StoredSnapshot snapshot,
                              DecodeSnapshot(bytes, path));
  if (snapshot.sequence != *newest) {
    return absl::DataLossError(absl::StrCat(
        path, " at byte 16: holds the snapshot of sequence ", snapshot.sequence,
        ", its name says ", *newest));
  }
  return snapshot;
}

// HasValidRecordAfter: whether a record with a good checksum and a sequence
// after `last_good` starts anywhere in `data` from byte `from` on. The
// sequence and length are checked before the checksum, so a scan over
// garbage hashes almost nothing.
bool HasValidRecordAfter(std::string_view data, uint64_t from,
                         uint64_t last_good) {
  for (uint64_t at = from; at + kRecordHeaderSize <= data.size(); ++at) {
    uint64_t sequence, length;
    PeekRecordHeader(data.data() + at, &sequence, &length);
    const uint64_t room = data.size() - at - kRecordHeaderSize;
    if (sequence <= last_good || length > room ||
        sequence - last_good > room / kRecordHeaderSize + 1) {
      continue;
    }
    Frame frame;
    if (DecodeFrame(data.substr(at), &frame) == FrameResult::kOk) return true;
  }
  return false;
}

// ContentEnd: where the zeros that end `data` begin (the space the journal
// writes ahead of its records), but not before `from`.
uint64_t ContentEnd(std::string_view data, uint64_t from) {
  uint64_t end = data.size();
  while (end > from && data[end - 1] == '\0') --end;
  return end;
}

}  // namespace

absl::StatusOr<LoadReport> Journal::Load(
    const std::function<absl::Status(const StoredSnapshot&)>& on_snapshot,
    const std::function<absl::Status(const StoredEvent&)>& on_event) {
  std::shared_ptr<FileDescriptor> file;
  {
    absl::MutexLock lock(&mu_);
    if (loaded_ || loading_) {
      return absl::FailedPreconditionError(
          absl::StrCat(Describe(), ": Load was already called"));
    }
    loading_ = true;
    file = events_;
  }
  // No lock is held while the host's callbacks run.
  absl::StatusOr<LoadReport> report =
      LoadFile(file->get(), on_snapshot, on_event);
  absl::MutexLock lock(&mu_);
  loading_ = false;
  return report;
}

absl::StatusOr<LoadReport> Journal::LoadFile(
    int events,
    const std::function<absl::Status(const StoredSnapshot&)>& on_snapshot,
    const std::function<absl::Status(const StoredEvent&)>& on_event) {
  LoadReport report;
  THREADLINE_ASSIGN_OR_RETURN(std::optional<StoredSnapshot> snapshot,
                              ReadNewestSnapshot(dir_));
  const uint64_t covered = snapshot ? snapshot->sequence : 0;

  THREADLINE_ASSIGN_OR_RETURN(MappedFile mapped,
                              MappedFile::Map(events, events_path_));
  const std::string_view data = mapped.data();
  THREADLINE_ASSIGN_OR_RETURN(uint64_t base,
                              DecodeEventsHeader(data, events_path_));
  if (base > covered) {
    return absl::DataLossError(absl::StrCat(
        events_path_, " at byte 16: the events file starts after sequence ",
        base, " but the newest snapshot covers only up to ", covered,
        "; events ", covered + 1, "..", base, " are missing"));
  }
  if (snapshot) {
    report.snapshot_sequence = covered;
    THREADLINE_RETURN_IF_ERROR(on_snapshot(*snapshot));
    snapshot.reset();  // may be large; the engine has it now
  }

  // Records are handed out an Append at a time: an Append cut short by a
  // crash is dropped as a whole.
  std::vector<IndexEntry> index;
  std::vector<std::pair<Frame, uint64_t>> pending;  // the open Append
  uint64_t at = kEventsHeaderSize;
  uint64_t group_start = at;
  uint64_t expected = base + 1;
  uint64_t first_kept = 0;  // offset of the first record after the snapshot
  std::string reason;
  StoredEvent event;
  // Bytes from here on are zeros written ahead (set when a record fails).
  uint64_t content_end = data.size();
  while (at < data.size()) {
    Frame frame;
    const FrameResult result = DecodeFrame(data.substr(at), &frame);
    if (result != FrameResult::kOk) {
      content_end = ContentEnd(data, group_start);
      // Nothing but written-ahead space after the last Append: the journal
      // simply ends there.
      if (content_end == group_start) break;
      const uint64_t remain = data.size() - at;
      if (result == FrameResult::kBadChecksum) {
        reason = absl::StrCat("the record at byte ", at, " fails its checksum");
      } else if (remain < kRecordHeaderSize) {
        reason = absl::StrCat("the record header at byte ", at,
                              " is incomplete (", remain, " of ",
                              kRecordHeaderSize, " bytes)");
      } else {
        reason = absl::StrCat("the record at byte ", at, " is incomplete (",
                              FramedLength(data.substr(at)), " bytes framed, ",
                              remain, " there)");
      }
      if (HasValidRecordAfter(data.substr(0, content_end), at + 1,
                              expected - 1)) {
        return absl::DataLossError(absl::StrCat(
            events_path_, " at byte ", at, ": ", reason,
            " and valid records follow it: the file is damaged, not torn"));
      }
      break;
    }
    if (frame.sequence != expected) {
      return absl::DataLossError(absl::StrCat(
          events_path_, " at byte ", at, ": record has sequence ",
          frame.sequence, ", expected ", expected,
          frame.sequence > expected ? " (a gap)" : " (out of order)"));
    }
    pending.emplace_back(frame, at);
    at += frame.size;
    ++expected;
    if (frame.more) continue;
    for (const auto& [record, offset] : pending) {
      if (index.empty() || offset >= index.back().offset + kIndexStride) {
        index.push_back({record.sequence, offset});
      }
      if (record.sequence <= covered) continue;
      if (first_kept == 0) first_kept = offset;
      event.sequence = record.sequence;
      event.data.assign(record.payload.data(), record.payload.size());
      THREADLINE_RETURN_IF_ERROR(on_event(event));
      ++report.events;
    }
    pending.clear();
    group_start = at;
  }

  const uint64_t last_record = expected - 1 - pending.size();
  if (group_start < content_end) {
    if (reason.empty()) {
      reason = "the file ends";
    }
    if (!pending.empty()) {
      absl::StrAppend(&reason, "; records ", pending.front().first.sequence,
                      "..", pending.back().first.sequence,
                      " before it belong to the same unfinished Append");
    }
    report.dropped_bytes = data.size() - group_start;
    report.dropped = absl::StrCat(events_path_, ": cut ", report.dropped_bytes,
                                  " bytes from byte ", group_start, ": ",
                                  reason);
  }
  const uint64_t end = group_start;
  if (first_kept == 0) first_kept = end;
  // Without a cut, zeros written ahead stay for the next appends.
  const uint64_t allocated = report.dropped_bytes > 0 ? end : data.size();
  mapped.Unmap();  // before the file is cut or replaced

  if (report.dropped_bytes > 0 &&
      ::ftruncate(events, static_cast<off_t>(end)) != 0) {
    return PosixError("ftruncate", events_path_, errno);
  }
  // What was read is made durable (a crash of the process leaves its writes
  // in the page cache only), and so is a cut.
  THREADLINE_RETURN_IF_ERROR(SyncFile(events, events_path_));

  {
    absl::MutexLock lock(&mu_);
    base_ = base;
    end_ = end;
    allocated_ = allocated;
    last_ = std::max(covered, last_record);
    snapshot_sequence_ = covered;
    index_ = std::move(index);
    if (base < covered) {
      // A crash came between writing the snapshot and compacting.
      THREADLINE_RETURN_IF_ERROR(Compact(covered, first_kept));
    }
    report.last_sequence = last_;
    loaded_ = true;
  }
  MarkDurable(report.last_sequence);
  THREADLINE_RETURN_IF_ERROR(RemoveOlderSnapshots(covered));
  return report;
}

}  // namespace threadline::store
