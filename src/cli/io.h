// Line-oriented input, checked output and a progress bar for the commands.
#ifndef THREADLINE_SRC_CLI_IO_H_
#define THREADLINE_SRC_CLI_IO_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace threadline::cli {

// LineReader: reads a file (or stdin for an empty path or "-") line by line
// through a large buffer. Thread-compatible.
class LineReader {
 public:
  // NotFound / PermissionDenied naming the path when it cannot be opened.
  static absl::StatusOr<std::unique_ptr<LineReader>> Open(
      const std::string& path);
  ~LineReader();

  // Next: the next line without its newline (and the first without a
  // UTF-8 byte order mark); false at the end or on a read error (then
  // status() says which). The view lives until the next call.
  bool Next(std::string_view* line);
  absl::Status status() const { return status_; }
  // Bytes consumed so far, and the file's size (0 when unknown, e.g. a pipe).
  int64_t position() const { return position_; }
  int64_t size() const { return size_; }

 private:
  LineReader(std::FILE* file, bool owned, int64_t size, std::string path);
  bool Fill();
  bool NextRaw(std::string_view* line);

  std::FILE* file_;
  bool owned_;
  int64_t size_;
  std::string path_;
  std::string buffer_;
  size_t begin_ = 0, end_ = 0;
  bool eof_ = false;
  int64_t position_ = 0;
  absl::Status status_;
};

// OutputFile: a file (or stdout for an empty path or "-") whose write errors
// are reported, not lost.
class OutputFile {
 public:
  static absl::StatusOr<std::unique_ptr<OutputFile>> Open(
      const std::string& path);
  ~OutputFile();
  absl::Status Write(std::string_view data);
  absl::Status Close();

 private:
  OutputFile(std::FILE* file, bool owned, std::string path)
      : file_(file), owned_(owned), path_(std::move(path)) {}
  std::FILE* file_;
  bool owned_;
  std::string path_;
};

// Clip: `text` (untrusted bytes) on one line of a terminal: each run of
// spaces, line breaks, tabs and other control characters (C0, DEL, C1:
// terminal escapes among them) becomes one space, none at either end, and
// a text still longer than `max` bytes is cut (between characters, never
// inside one) and ends with "…".
std::string Clip(std::string_view text, size_t max);

// Progress: a one-line bar on stderr, redrawn at most ten times a second;
// does nothing when disabled (stderr is not a terminal).
class Progress {
 public:
  Progress(bool enabled, int64_t total_bytes)
      : enabled_(enabled), total_(total_bytes) {}
  void Update(int64_t bytes, int64_t lines);
  void Done();

 private:
  bool enabled_;
  int64_t total_;
  absl::Time last_ = absl::InfinitePast();
  bool drawn_ = false;
};

}  // namespace threadline::cli

#endif  // THREADLINE_SRC_CLI_IO_H_
