#include "cli/io.h"

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"

namespace threadline::cli {
namespace {

constexpr size_t kChunk = size_t{1} << 20;

absl::Status ErrnoStatus(const std::string& what, const std::string& path) {
  const int e = errno;
  std::string msg = absl::StrCat(what, " \"", path, "\": ", std::strerror(e));
  if (e == ENOENT) return absl::NotFoundError(msg);
  if (e == EACCES) return absl::PermissionDeniedError(msg);
  return absl::UnavailableError(msg);
}

bool IsStd(const std::string& path) { return path.empty() || path == "-"; }

// ControlAt: the width in bytes of the control character at `text[i]`, C0
// (and DEL) or C1 (U+0080 to U+009F, C2 80 to C2 9F in UTF-8); 0 for none.
size_t ControlAt(std::string_view text, size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x20 || c == 0x7F) return 1;
  if (c == 0xC2 && i + 1 < text.size()) {
    const auto next = static_cast<unsigned char>(text[i + 1]);
    if (next >= 0x80 && next <= 0x9F) return 2;
  }
  return 0;
}

}  // namespace

absl::StatusOr<std::unique_ptr<LineReader>> LineReader::Open(
    const std::string& path) {
  if (IsStd(path)) {
    return std::unique_ptr<LineReader>(new LineReader(stdin, false, 0, "stdin"));
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return ErrnoStatus("cannot open", path);
  int64_t size = 0;
  if (std::fseek(f, 0, SEEK_END) == 0) {
    size = std::ftell(f);
    std::fseek(f, 0, SEEK_SET);
  }
  return std::unique_ptr<LineReader>(new LineReader(f, true, size, path));
}

LineReader::LineReader(std::FILE* file, bool owned, int64_t size,
                       std::string path)
    : file_(file), owned_(owned), size_(size), path_(std::move(path)) {}

LineReader::~LineReader() {
  if (owned_) std::fclose(file_);
}

bool LineReader::Fill() {
  if (eof_) return false;
  // Keep the unread tail, then append a chunk.
  if (begin_ > 0) {
    buffer_.erase(0, begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  buffer_.resize(end_ + kChunk);
  const size_t n = std::fread(&buffer_[end_], 1, kChunk, file_);
  end_ += n;
  buffer_.resize(end_);
  if (n < kChunk) {
    eof_ = true;
    if (std::ferror(file_)) {
      status_ = ErrnoStatus("cannot read", path_);
      return false;
    }
  }
  return n > 0;
}

bool LineReader::Next(std::string_view* line) {
  const bool first = position_ == 0;
  if (!NextRaw(line)) return false;
  if (!first) return true;
  // Some Windows tools start a UTF-8 file with a byte order mark; JSON
  // (RFC 8259) lets a reader ignore it, and the first line must not be
  // lost to it. A file saved as UTF-16 would fail line by line as bad
  // JSON: it is named once instead (a failure of the input, not of the
  // command's use: FailedPrecondition).
  if (line->substr(0, 3) == "\xEF\xBB\xBF") {
    line->remove_prefix(3);
  } else if (line->substr(0, 2) == "\xFF\xFE" ||
             line->substr(0, 2) == "\xFE\xFF") {
    status_ = absl::FailedPreconditionError(absl::StrCat(
        "cannot read \"", path_,
        "\": it is UTF-16 (it starts with a UTF-16 byte order mark); save "
        "it as UTF-8"));
    return false;
  }
  return true;
}

bool LineReader::NextRaw(std::string_view* line) {
  while (true) {
    const char* data = buffer_.data();
    const void* nl = begin_ < end_ ? std::memchr(data + begin_, '\n', end_ - begin_)
                                   : nullptr;
    if (nl != nullptr) {
      const size_t at = static_cast<const char*>(nl) - data;
      *line = std::string_view(data + begin_, at - begin_);
      position_ += at + 1 - begin_;
      begin_ = at + 1;
      return true;
    }
    if (!Fill()) {
      if (!status_.ok()) return false;
      if (begin_ < end_) {  // a last line without a newline
        *line = std::string_view(buffer_.data() + begin_, end_ - begin_);
        position_ += end_ - begin_;
        begin_ = end_;
        return true;
      }
      return false;
    }
  }
}

std::string Clip(std::string_view text, size_t max) {
  // A message's layout is not the terminal's: every run of spaces and
  // control characters (line breaks, and escapes that would move the
  // cursor or recolour the screen) becomes one space.
  std::string out;
  bool gap = false;
  bool cut = false;
  for (size_t i = 0; i < text.size();) {
    if (const size_t control = ControlAt(text, i);
        control > 0 || text[i] == ' ') {
      gap = !out.empty();
      i += control > 0 ? control : 1;
      continue;
    }
    if (gap) {
      out += ' ';
      gap = false;
    }
    out += text[i++];
    if (out.size() > max) {
      cut = true;
      break;
    }
  }
  if (cut) {
    size_t at = max;
    // Back to the start of the character the cut falls in: a continuation
    // byte is 10xxxxxx.
    while (at > 0 && (static_cast<unsigned char>(out[at]) & 0xC0) == 0x80) {
      --at;
    }
    out.resize(at);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    out += "…";
  }
  return out;
}

absl::StatusOr<std::unique_ptr<OutputFile>> OutputFile::Open(
    const std::string& path) {
  if (IsStd(path)) {
    return std::unique_ptr<OutputFile>(new OutputFile(stdout, false, "stdout"));
  }
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return ErrnoStatus("cannot create", path);
  return std::unique_ptr<OutputFile>(new OutputFile(f, true, path));
}

OutputFile::~OutputFile() {
  if (owned_ && file_ != nullptr) std::fclose(file_);
}

absl::Status OutputFile::Write(std::string_view data) {
  if (data.empty()) return absl::OkStatus();
  if (std::fwrite(data.data(), 1, data.size(), file_) != data.size()) {
    return ErrnoStatus("cannot write", path_);
  }
  return absl::OkStatus();
}

absl::Status OutputFile::Close() {
  if (std::fflush(file_) != 0) return ErrnoStatus("cannot write", path_);
  if (owned_) {
    std::FILE* f = file_;
    file_ = nullptr;
    if (std::fclose(f) != 0) return ErrnoStatus("cannot close", path_);
  }
  return absl::OkStatus();
}

void Progress::Update(int64_t bytes, int64_t lines) {
  if (!enabled_) return;
  const absl::Time now = absl::Now();
  if (now - last_ < absl::Milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  if (total_ > 0) {
    const double f = std::min(1.0, static_cast<double>(bytes) / total_);
    const int width = 30, filled = static_cast<int>(f * width);
    std::fprintf(stderr, "\r[%s%s] %3.0f%%  %lld lines",
                 std::string(filled, '#').c_str(),
                 std::string(width - filled, ' ').c_str(), f * 100,
                 static_cast<long long>(lines));
  } else {
    std::fprintf(stderr, "\r%lld lines", static_cast<long long>(lines));
  }
  std::fflush(stderr);
}

void Progress::Done() {
  if (enabled_ && drawn_) std::fputs("\r\033[K", stderr);
}

}  // namespace threadline::cli
