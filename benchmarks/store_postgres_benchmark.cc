// File: store_postgres_benchmark.cc
// Throughput of the PostgreSQL store (events/s): one ~300-byte event per
// Append+Sync from 1, 2 and 8 threads (group commit: one transaction carries
// what every waiting thread appended), a batch of 1000 events per
// Append+Sync, and Append alone (what the engine pays under its lock).
//
// The server: THREADLINE_BENCH_POSTGRES (a libpq connection string), or else
// a private one that this program starts with scripts/pg-test-server in a
// directory under the working directory and removes at exit. Each run writes
// a tenant of its own.
#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/mutex.h"
#include "benchmark/benchmark.h"
#include "store_loops.h"
#include "threadline/store.h"

namespace {

using threadline::Store;

// Server: the connection string, starting a private server on first use.
class Server {
 public:
  ~Server() {
    if (!dir_.empty()) {
      const std::string stop =
          absl::StrCat(THREADLINE_PG_TEST_SERVER, " stop '", dir_, "'");
      (void)std::system(stop.c_str());
    }
  }

  // Connection: "" with `error` set when there is no server.
  const std::string& Connection(std::string* error) {
    absl::MutexLock lock(&mu_);
    if (!connection_.empty()) return connection_;
    if (const char* c = std::getenv("THREADLINE_BENCH_POSTGRES"); c && *c) {
      connection_ = c;
      return connection_;
    }
    dir_ = (std::filesystem::current_path() /
            absl::StrCat("pg-bench-", getpid()))
               .string();
    const std::string start = absl::StrCat(THREADLINE_PG_TEST_SERVER,
                                           " start '", dir_, "' >/dev/null");
    if (std::system(start.c_str()) != 0) {
      *error = "scripts/pg-test-server could not start a server (or set "
               "THREADLINE_BENCH_POSTGRES)";
      return connection_;
    }
    std::ifstream in(dir_ + "/conninfo");
    std::stringstream text;
    text << in.rdbuf();
    connection_ = std::string(absl::StripAsciiWhitespace(text.str()));
    return connection_;
  }

 private:
  absl::Mutex mu_;
  std::string connection_;
  std::string dir_;
};
Server server;

// Shared by the threads of one run; set up and torn down by thread 0 (the
// benchmark library starts and ends the timed loop of all threads together).
struct Shared {
  std::shared_ptr<Store> store;
  absl::Mutex mu;  // stands for the engine's lock
  uint64_t next = 1;
  int runs = 0;
};
Shared& shared() {
  static Shared* const kShared = new Shared;
  return *kShared;
}

void Open(benchmark::State& state) {
  Shared& s = shared();
  std::string error;
  threadline::PostgresOptions options;
  options.connection = server.Connection(&error);
  if (options.connection.empty()) {
    state.SkipWithError(error.c_str());
    return;
  }
  options.tenant = absl::StrCat("bench-", getpid(), "-", ++s.runs);
  auto store = threadline::OpenPostgresStore(options);
  if (!store.ok() ||
      !(*store)
           ->Load([](const auto&) { return absl::OkStatus(); },
                  [](const auto&) { return absl::OkStatus(); })
           .ok()) {
    state.SkipWithError("could not open and load the store");
    return;
  }
  s.store = *store;
  s.next = 1;
}

void BM_PostgresAppendSync(benchmark::State& state) {
  if (state.thread_index() == 0) Open(state);
  Shared& s = shared();
  threadline::bench::AppendSyncOneAtATime(state, s.store, &s.mu, &s.next,
                                          /*syncs=*/nullptr);
  if (state.thread_index() == 0) s.store.reset();
}
BENCHMARK(BM_PostgresAppendSync)->Threads(1)->Threads(2)->Threads(8)->UseRealTime();

void BM_PostgresAppendSyncBatch(benchmark::State& state) {
  Open(state);
  Shared& s = shared();
  threadline::bench::AppendSyncBatches(state, *s.store, &s.next);
  s.store.reset();
}
BENCHMARK(BM_PostgresAppendSyncBatch)->Arg(1000)->UseRealTime();

// Append alone: the part the engine's lock covers (it only queues).
void BM_PostgresAppend(benchmark::State& state) {
  Open(state);
  Shared& s = shared();
  threadline::bench::AppendOnly(state, *s.store, &s.next);
  s.store.reset();  // stores the queue, after the timed loop
}
// A fixed count: closing the store writes every queued event.
BENCHMARK(BM_PostgresAppend)->Iterations(20000);

}  // namespace
