// BatchReader: reads and parses Interaction JSON Lines on a thread of its
// own, a batch ahead of the caller, so that reading JSON and linking run at
// the same time. Internal to the command.
//
// Thread-compatible: one caller calls Next; the reading thread is private.
#ifndef THREADLINE_SRC_CLI_BATCH_READER_H_
#define THREADLINE_SRC_CLI_BATCH_READER_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "cli/io.h"
#include "threadline/types.h"

namespace threadline::cli {

// ParsedBatch: the next lines of the input, read.
struct ParsedBatch {
  std::vector<Interaction> interactions;
  std::vector<int64_t> lines;  // the 1-based line of each interaction
  // Lines that could not be read, in order, with why.
  std::vector<std::pair<int64_t, absl::Status>> errors;
  int64_t lines_read = 0;  // lines read so far, this batch's included
  int64_t position = 0;    // bytes read so far
};

class BatchReader {
 public:
  // Starts reading `reader` in batches of up to `batch_lines` interactions.
  BatchReader(std::unique_ptr<LineReader> reader, size_t batch_lines);
  // Stops the reading thread (it finishes the batch under way).
  ~BatchReader();
  BatchReader(const BatchReader&) = delete;
  BatchReader& operator=(const BatchReader&) = delete;

  // Next: the next batch, in input order; false once the input is done,
  // then status() says whether it ended in a read error.
  bool Next(ParsedBatch* batch);
  // Recycle: hands a batch the caller is done with back, so its
  // interactions' strings are parsed into again instead of allocated anew.
  void Recycle(ParsedBatch batch);
  absl::Status status() const;

 private:
  void Run();

  const std::unique_ptr<LineReader> reader_;
  const size_t batch_lines_;
  mutable absl::Mutex mu_;
  // Batches read and not yet taken; the reader stays at most this far ahead.
  static constexpr size_t kAhead = 2;
  std::deque<ParsedBatch> ready_ ABSL_GUARDED_BY(mu_);
  std::vector<ParsedBatch> spare_ ABSL_GUARDED_BY(mu_);
  bool done_ ABSL_GUARDED_BY(mu_) = false;
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  absl::Status status_ ABSL_GUARDED_BY(mu_);
  std::thread thread_;
};

}  // namespace threadline::cli

#endif  // THREADLINE_SRC_CLI_BATCH_READER_H_
