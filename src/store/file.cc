// File: file.cc
// POSIX file operations with statuses that say what failed where.
#include "store/file.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "threadline/status_macros.h"

namespace threadline::store {

absl::Status PosixError(std::string_view call, const std::string& path,
                        int err) {
  std::string message = absl::StrCat(std::string(call), " ", path, ": ",
                                     std::strerror(err), " (errno ", err, ")");
  switch (err) {
    case ENOSPC:
    case EFBIG:
    case EDQUOT:
    case EMFILE:
    case ENFILE:
      return absl::ResourceExhaustedError(message);
    case ENOENT:
    case ENOTDIR:
      return absl::NotFoundError(message);
    case EACCES:
    case EPERM:
    case EROFS:
      return absl::PermissionDeniedError(message);
    case EIO:
    case EAGAIN:
      // The device or the kernel may recover; the caller may retry.
      return absl::UnavailableError(message);
    default:
      return absl::InternalError(message);
  }
}

FileDescriptor& FileDescriptor::operator=(FileDescriptor&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.Release();
  }
  return *this;
}

FileDescriptor::~FileDescriptor() {
  if (fd_ >= 0) ::close(fd_);
}

absl::StatusOr<FileDescriptor> OpenFile(const std::string& path, int flags,
                                        int mode) {
  int fd;
  do {
    fd = ::open(path.c_str(), flags | O_CLOEXEC, mode);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) return PosixError("open", path, errno);
  return FileDescriptor(fd);
}

absl::Status WriteAt(int fd, const std::string& path, std::string_view data,
                     uint64_t offset) {
  while (!data.empty()) {
    ssize_t n = ::pwrite(fd, data.data(), data.size(),
                         static_cast<off_t>(offset));
    if (n < 0) {
      if (errno == EINTR) continue;
      return PosixError("write", path, errno);
    }
    // A short write (a file size limit, a full disk) is retried for the rest,
    // which then fails with the reason.
    data.remove_prefix(static_cast<size_t>(n));
    offset += static_cast<uint64_t>(n);
  }
  return absl::OkStatus();
}

absl::Status ReadAt(int fd, const std::string& path, uint64_t offset,
                    size_t size, std::string* out) {
  out->resize(size);
  size_t done = 0;
  while (done < size) {
    ssize_t n = ::pread(fd, out->data() + done, size - done,
                        static_cast<off_t>(offset + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      return PosixError("read", path, errno);
    }
    if (n == 0) {
      return absl::DataLossError(absl::StrCat(
          "read ", path, ": file ends at byte ", offset + done, ", expected ",
          size, " bytes from byte ", offset));
    }
    done += static_cast<size_t>(n);
  }
  return absl::OkStatus();
}

absl::StatusOr<uint64_t> FileSize(int fd, const std::string& path) {
  struct stat st;
  if (::fstat(fd, &st) != 0) return PosixError("fstat", path, errno);
  return static_cast<uint64_t>(st.st_size);
}

absl::Status SyncFile(int fd, const std::string& path) {
  if (::fsync(fd) != 0) return PosixError("fsync", path, errno);
  return absl::OkStatus();
}

absl::Status SyncDirectory(const std::string& dir) {
  THREADLINE_ASSIGN_OR_RETURN(FileDescriptor fd,
                              OpenFile(dir, O_RDONLY | O_DIRECTORY));
  return SyncFile(fd.get(), dir);
}

absl::Status CreateDirectories(const std::string& dir) {
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) return PosixError("mkdir", dir, error.value());
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> ListDirectory(const std::string& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return PosixError("opendir", dir, errno);
  std::vector<std::string> names;
  errno = 0;
  while (struct dirent* entry = ::readdir(d)) {
    std::string_view name = entry->d_name;
    if (name != "." && name != "..") names.emplace_back(name);
  }
  int err = errno;
  ::closedir(d);
  if (err != 0) return PosixError("readdir", dir, err);
  return names;
}

absl::Status RemoveFile(const std::string& path) {
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
    return PosixError("unlink", path, errno);
  }
  return absl::OkStatus();
}

absl::StatusOr<FileDescriptor> ReplaceFileDurably(
    const std::string& dir, const std::string& name,
    const std::function<absl::Status(int fd, const std::string& path)>& write) {
  const std::string path = absl::StrCat(dir, "/", name);
  const std::string temp = absl::StrCat(path, kTempSuffix);
  absl::StatusOr<FileDescriptor> file = [&]() -> absl::StatusOr<FileDescriptor> {
    THREADLINE_ASSIGN_OR_RETURN(FileDescriptor fd,
                                OpenFile(temp, O_RDWR | O_CREAT | O_TRUNC));
    THREADLINE_RETURN_IF_ERROR(write(fd.get(), temp));
    THREADLINE_RETURN_IF_ERROR(SyncFile(fd.get(), temp));
    if (::rename(temp.c_str(), path.c_str()) != 0) {
      return PosixError("rename", absl::StrCat(temp, " to ", path), errno);
    }
    THREADLINE_RETURN_IF_ERROR(SyncDirectory(dir));
    return fd;
  }();
  if (!file.ok()) (void)RemoveFile(temp);  // best effort; reopen removes it
  return file;
}

absl::Status ReplaceFileDurably(const std::string& dir, const std::string& name,
                                const std::vector<std::string_view>& parts) {
  return ReplaceFileDurably(
             dir, name,
             [&](int fd, const std::string& path) -> absl::Status {
               uint64_t offset = 0;
               for (std::string_view part : parts) {
                 THREADLINE_RETURN_IF_ERROR(WriteAt(fd, path, part, offset));
                 offset += part.size();
               }
               return absl::OkStatus();
             })
      .status();
}

absl::Status CopyRange(int from_fd, const std::string& from_path,
                       uint64_t from_offset, uint64_t length, int to_fd,
                       const std::string& to_path, uint64_t to_offset) {
  constexpr uint64_t kChunk = 1 << 20;
  std::string buffer;
  for (uint64_t done = 0; done < length;) {
    size_t n = static_cast<size_t>(std::min(kChunk, length - done));
    THREADLINE_RETURN_IF_ERROR(
        ReadAt(from_fd, from_path, from_offset + done, n, &buffer));
    THREADLINE_RETURN_IF_ERROR(WriteAt(to_fd, to_path, buffer, to_offset + done));
    done += n;
  }
  return absl::OkStatus();
}

absl::StatusOr<MappedFile> MappedFile::Map(int fd, const std::string& path) {
  THREADLINE_ASSIGN_OR_RETURN(uint64_t size, FileSize(fd, path));
  if (size == 0) return MappedFile(nullptr, 0);
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
  if (data == MAP_FAILED) return PosixError("mmap", path, errno);
  // One sequential pass: let the kernel read ahead.
  ::madvise(data, size, MADV_SEQUENTIAL);
  return MappedFile(static_cast<const char*>(data), size);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(other.data_), size_(other.size_) {
  other.data_ = nullptr;
  other.size_ = 0;
}

MappedFile::~MappedFile() { Unmap(); }

void MappedFile::Unmap() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
  data_ = nullptr;
  size_ = 0;
}

absl::StatusOr<FileLock> FileLock::Acquire(const std::string& path,
                                           const std::string& what) {
  THREADLINE_ASSIGN_OR_RETURN(FileDescriptor fd,
                              OpenFile(path, O_RDWR | O_CREAT));
  if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK) {
      return absl::FailedPreconditionError(absl::StrCat(
          what, " is already open (", path,
          " is locked by this or another process); close it first"));
    }
    return PosixError("flock", path, errno);
  }
  return FileLock(std::move(fd));
}

}  // namespace threadline::store
