// File: file.h
// The few POSIX file operations the journal needs, each returning an
// absl::Status that names the system call, the path and the OS error, with
// the most specific code (a full disk is ResourceExhausted, a missing file
// NotFound). Durable replacement of a file (temp, fsync, rename, directory
// fsync) lives here so every writer of the journal's directory does it the
// same way.
//
// Thread-compatible: a FileDescriptor or MappedFile is used by one thread at
// a time, or shared read-only.
#ifndef THREADLINE_SRC_STORE_FILE_H_
#define THREADLINE_SRC_STORE_FILE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace threadline::store {

// PosixError: the status for system call `call` failing on `path` with
// errno `err`: "write /x/events: No space left on device (errno 28)".
absl::Status PosixError(std::string_view call, const std::string& path,
                        int err);

// FileDescriptor: owns an open file descriptor and closes it. Move-only: two
// owners would close it twice.
class FileDescriptor {
 public:
  FileDescriptor() = default;
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(FileDescriptor&& other) noexcept : fd_(other.Release()) {}
  FileDescriptor& operator=(FileDescriptor&& other) noexcept;
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor();

  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }
  int Release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_ = -1;
};

// OpenFile: open(2) with O_CLOEXEC added.
[[nodiscard]] absl::StatusOr<FileDescriptor> OpenFile(const std::string& path,
                                                      int flags,
                                                      int mode = 0644);

// WriteAt: writes all of `data` at `offset`, retrying short writes and
// EINTR; the first error is returned (so a short write caused by a full disk
// or a file size limit reports that error).
[[nodiscard]] absl::Status WriteAt(int fd, const std::string& path,
                                   std::string_view data, uint64_t offset);

// ReadAt: reads exactly `size` bytes at `offset` into `out`; DataLoss when
// the file ends first.
[[nodiscard]] absl::Status ReadAt(int fd, const std::string& path,
                                  uint64_t offset, size_t size,
                                  std::string* out);

// FileSize: fstat(2)'s size.
[[nodiscard]] absl::StatusOr<uint64_t> FileSize(int fd,
                                                const std::string& path);

// SyncFile: fsync(2) (data and metadata).
[[nodiscard]] absl::Status SyncFile(int fd, const std::string& path);

// SyncDirectory: fsyncs directory `dir`, making created, renamed and removed
// names in it durable.
[[nodiscard]] absl::Status SyncDirectory(const std::string& dir);

// CreateDirectories: mkdir -p.
[[nodiscard]] absl::Status CreateDirectories(const std::string& dir);

// ListDirectory: the names in `dir` (no "." or "..").
[[nodiscard]] absl::StatusOr<std::vector<std::string>> ListDirectory(
    const std::string& dir);

// RemoveFile: unlink(2); a file already gone is not an error.
[[nodiscard]] absl::Status RemoveFile(const std::string& path);

// kTempSuffix: ends the name a file is written under before its rename; such names
// are never read and are removed when the directory is next opened.
inline constexpr char kTempSuffix[] = ".tmp";

// ReplaceFileDurably: creates `dir`/`name`.tmp, lets `write` fill it (given
// the descriptor and the temp path), fsyncs it, renames it over `dir`/`name`
// and fsyncs `dir`. A crash leaves either the old file or the new one under
// `name`, never a mix. Returns the new file, open for reading and writing;
// the temp file is removed on error.
[[nodiscard]] absl::StatusOr<FileDescriptor> ReplaceFileDurably(
    const std::string& dir, const std::string& name,
    const std::function<absl::Status(int fd, const std::string& path)>& write);

// ReplaceFileDurably: the same, writing `parts` one after the other.
[[nodiscard]] absl::Status ReplaceFileDurably(
    const std::string& dir, const std::string& name,
    const std::vector<std::string_view>& parts);

// CopyRange: copies `length` bytes at `from_offset` of one file to
// `to_offset` of another, a chunk at a time.
[[nodiscard]] absl::Status CopyRange(int from_fd, const std::string& from_path,
                                     uint64_t from_offset, uint64_t length,
                                     int to_fd, const std::string& to_path,
                                     uint64_t to_offset);

// MappedFile: a whole file mapped read-only, for reading it in one pass
// without a copy. Empty files map to an empty view.
class MappedFile {
 public:
  [[nodiscard]] static absl::StatusOr<MappedFile> Map(int fd,
                                                      const std::string& path);
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&&) = delete;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  std::string_view data() const { return {data_, size_}; }
  // Unmap: unmaps early; data() is empty afterwards.
  void Unmap();

 private:
  MappedFile(const char* data, size_t size) : data_(data), size_(size) {}
  const char* data_ = nullptr;
  size_t size_ = 0;
};

// FileLock: an exclusive flock(2) on a lock file, held until destroyed.
// flock locks belong to the open file description, so a second FileLock of
// the same file fails even within one process.
class FileLock {
 public:
  // Acquire: FailedPrecondition naming `what` when someone else holds it.
  [[nodiscard]] static absl::StatusOr<FileLock> Acquire(
      const std::string& path, const std::string& what);
  FileLock(FileLock&&) = default;
  FileLock& operator=(FileLock&&) = default;

 private:
  explicit FileLock(FileDescriptor fd) : fd_(std::move(fd)) {}
  FileDescriptor fd_;  // closing it releases the lock
};

}  // namespace threadline::store

#endif  // THREADLINE_SRC_STORE_FILE_H_
