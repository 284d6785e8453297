// Throughput of the journal (events/s) on the real disk: one ~300-byte
// event per Append+Sync from 1, 2 and 8 threads (group commit shares each
// fdatasync among the threads waiting for it), a batch of 1000 events per
// Append+Sync, and Append alone (what the engine pays under its lock).
// fdatasync_per_sync shows how many fdatasync calls each Sync cost.
#include <stdlib.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "benchmark/benchmark.h"
#include "store/journal.h"
#include "store_loops.h"
#include "threadline/store.h"

namespace {

using threadline::JournalOptions;
using threadline::store::Journal;

// BenchDir: a fresh directory under the working directory (the build tree,
// on the real disk: /dev/shm would make fdatasync free).
class BenchDir {
 public:
  BenchDir() {
    path_ = (std::filesystem::current_path() / "store_benchmark.XXXXXX").string();
    if (::mkdtemp(path_.data()) == nullptr) std::abort();
  }
  ~BenchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Shared by the threads of one run; set up and torn down by thread 0 (the
// benchmark library starts and ends the timed loop of all threads together).
struct Shared {
  std::unique_ptr<BenchDir> dir;
  std::shared_ptr<Journal> journal;
  absl::Mutex mu;  // stands for the engine's lock
  uint64_t next = 1;
  std::atomic<uint64_t> syncs{0};
};
Shared& shared() {
  static Shared* const kShared = new Shared;
  return *kShared;
}

void Open(benchmark::State& state) {
  Shared& s = shared();
  s.dir = std::make_unique<BenchDir>();
  auto journal = Journal::Open(s.dir->path(), JournalOptions{});
  if (!journal.ok()) {
    state.SkipWithError(std::string(journal.status().message()).c_str());
    return;
  }
  s.journal = *journal;
  (void)s.journal->Load([](const auto&) { return absl::OkStatus(); },
                        [](const auto&) { return absl::OkStatus(); });
  s.next = 1;
  s.syncs = 0;
}

void Close(benchmark::State& state) {
  Shared& s = shared();
  if (s.journal != nullptr && s.syncs > 0) {
    state.counters["fdatasync_per_sync"] =
        static_cast<double>(s.journal->fdatasync_calls()) /
        static_cast<double>(s.syncs);
  }
  s.journal.reset();
  s.dir.reset();
}

void BM_JournalAppendSync(benchmark::State& state) {
  if (state.thread_index() == 0) Open(state);
  Shared& s = shared();
  threadline::bench::AppendSyncOneAtATime(state, s.journal, &s.mu, &s.next,
                                          &s.syncs);
  if (state.thread_index() == 0) Close(state);
}
BENCHMARK(BM_JournalAppendSync)->Threads(1)->Threads(2)->Threads(8)->UseRealTime();

void BM_JournalAppendSyncBatch(benchmark::State& state) {
  Open(state);
  Shared& s = shared();
  threadline::bench::AppendSyncBatches(state, *s.journal, &s.next);
  s.syncs += state.iterations();
  Close(state);
}
BENCHMARK(BM_JournalAppendSyncBatch)->Arg(1000)->UseRealTime();

// Append alone: the part the engine's lock covers.
void BM_JournalAppend(benchmark::State& state) {
  Open(state);
  Shared& s = shared();
  threadline::bench::AppendOnly(state, *s.journal, &s.next);
  Close(state);
}
BENCHMARK(BM_JournalAppend);

}  // namespace
