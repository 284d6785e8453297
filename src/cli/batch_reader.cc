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
    batch.interactions.reserve(batch_lines_);
    std::string_view line;
    while (batch.interactions.size() < batch_lines_ &&
           (more = reader_->Next(&line))) {
      ++lines;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      Interaction in;
      if (absl::Status s = parser.Parse(line, &in); !s.ok()) {
        batch.errors.emplace_back(lines, std::move(s));
        continue;
      }
      batch.interactions.push_back(std::move(in));
      batch.lines.push_back(lines);
    }
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

absl::Status BatchReader::status() const {
  absl::MutexLock lock(&mu_);
  return status_;
}

}  // namespace threadline::cli
