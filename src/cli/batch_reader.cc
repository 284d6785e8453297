#include "cli/batch_reader.h"

#include <string_view>

#include "jsonl/jsonl.h"

namespace threadline::cli {

BatchReader::BatchReader(std::unique_ptr<LineReader> reader,
                         size_t batch_lines)
    : reader_(std::move(reader)), batch_lines_(batch_lines) {
  thread_ = std::thread([this] { Run(); });
}

BatchReader::~BatchReader() {
  {
    absl::MutexLock lock(&mu_);
    stop_ = true;
  }
  thread_.join();
}

void BatchReader::Run() {
  jsonl::InteractionParser parser;
  int64_t lines = 0;
  bool more = true;
  while (more) {
    ParsedBatch batch;
    {
      absl::MutexLock lock(&mu_);
      if (!spare_.empty()) {
        batch = std::move(spare_.back());
        spare_.pop_back();
      }
    }
    batch.lines.clear();
    batch.errors.clear();
    // Lines are parsed into the interactions already there (a recycled
    // batch's), whose strings keep their memory.
    size_t n = 0;
    std::string_view line;
    while (n < batch_lines_ && (more = reader_->Next(&line))) {
      ++lines;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      if (n == batch.interactions.size()) batch.interactions.emplace_back();
      if (absl::Status s = parser.Parse(line, &batch.interactions[n]); !s.ok()) {
        batch.errors.emplace_back(lines, std::move(s));
        continue;
      }
      ++n;
      batch.lines.push_back(lines);
    }
    batch.interactions.resize(n);
    batch.lines_read = lines;
    batch.position = reader_->position();
    absl::MutexLock lock(&mu_);
    auto room = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
      return stop_ || ready_.size() < kAhead;
    };
    mu_.Await(absl::Condition(&room));
    if (stop_) return;
    ready_.push_back(std::move(batch));
  }
  absl::MutexLock lock(&mu_);
  status_ = reader_->status();
  done_ = true;
}

bool BatchReader::Next(ParsedBatch* batch) {
  absl::MutexLock lock(&mu_);
  auto ready = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return !ready_.empty() || done_;
  };
  mu_.Await(absl::Condition(&ready));
  if (ready_.empty()) return false;
  *batch = std::move(ready_.front());
  ready_.pop_front();
  return true;
}

void BatchReader::Recycle(ParsedBatch batch) {
  absl::MutexLock lock(&mu_);
  if (spare_.size() < kAhead + 1) spare_.push_back(std::move(batch));
}

absl::Status BatchReader::status() const {
  absl::MutexLock lock(&mu_);
  return status_;
}

}  // namespace threadline::cli
