// Crash test: a child process ingests simulated interactions into a journal
// and reports each one whose Ingest returned OK; the parent kills it with
// SIGKILL at a random moment, re-opens the journal and checks that every
// acknowledged interaction is there with the customer and case the child was
// told, and that the state is exactly what a fresh engine makes of the
// stored interactions. Many rounds on one journal, snapshots included.
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "engine/engine_dump.h"
#include "engine/sim_data.h"
#include "gtest/gtest.h"
#include "threadline/engine.h"

namespace threadline {
namespace {

constexpr int kRounds = 25;

EngineOptions Options(const std::string& dir) {
  EngineOptions options;
  options.own_identities = testing_sim::SimOwnIdentities(3);
  options.clock = std::make_shared<ManualClock>(
      absl::FromCivil(absl::CivilDay(2026, 4, 1), absl::UTCTimeZone()));
  options.journal_dir = dir;
  options.snapshot_every = 400;  // snapshots (and compactions) mid-round
  return options;
}

// The child: ingests every interaction not yet stored, in order, and writes
// "index customer case" for each acknowledged one. Never returns.
[[noreturn]] void Child(const std::vector<Interaction>& data,
                        const std::string& dir, int fd) {
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Open(Options(dir));
  if (!engine.ok()) _exit(2);
  for (size_t i = 0; i < data.size(); ++i) {
    if ((*engine)->LinkageOf(data[i].id).ok()) continue;
    absl::StatusOr<Linkage> l = (*engine)->Ingest(data[i]);
    if (!l.ok()) _exit(3);
    const std::string line =
        absl::StrCat(i, " ", l->customer_id, " ", l->case_id, "\n");
    if (write(fd, line.data(), line.size()) !=
        static_cast<ssize_t>(line.size())) {
      _exit(4);
    }
  }
  _exit(0);
}

TEST(CrashTest, EveryAcknowledgedIngestSurvivesSigkill) {
  const std::vector<Interaction> data = testing_sim::SimInteractions(500, 3);
  char tmp[] = "/tmp/threadline-crash-XXXXXX";
  ASSERT_NE(mkdtemp(tmp), nullptr);
  const std::string dir = tmp;
  std::mt19937 rng(20260401);

  // index -> (customer, case) as the child was told.
  std::map<size_t, std::pair<std::string, std::string>> acked;
  // A fresh engine fed the stored prefix, one interaction at a time.
  EngineOptions reference_options = Options("");
  std::unique_ptr<Engine> reference = *Engine::Open(reference_options);
  size_t reference_next = 0;
  int killed = 0, torn = 0;

  for (int round = 0; round < kRounds; ++round) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(fds[0]);
      Child(data, dir, fds[1]);
    }
    close(fds[1]);
    usleep(std::uniform_int_distribution<int>(2000, 120000)(rng));
    if (kill(pid, SIGKILL) == 0) ++killed;
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, n);
    close(fds[0]);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(status) || WEXITSTATUS(status) == 0)
        << "round " << round << ": child exited with " << WEXITSTATUS(status);
    // A line cut by the kill was never acknowledged in full: ignore it.
    for (absl::string_view line : absl::StrSplit(out, '\n')) {
      std::vector<std::string> f = absl::StrSplit(line, ' ');
      size_t i = 0;
      if (f.size() != 3 || !absl::SimpleAtoi(f[0], &i) || f[2].size() < 3) continue;
      if (&line.back() == &out.back() && out.back() != '\n') continue;
      acked[i] = {f[1], f[2]};
    }

    absl::StatusOr<std::unique_ptr<Engine>> opened = Engine::Open(Options(dir));
    ASSERT_TRUE(opened.ok()) << "round " << round << ": " << opened.status();
    Engine& engine = **opened;
    if (engine.Recovery().load.dropped_bytes > 0) ++torn;
    // What is stored is a prefix of the data (the child ingests in order)
    // holding every acknowledged interaction.
    size_t stored = 0;
    while (stored < data.size() && engine.LinkageOf(data[stored].id).ok()) {
      ++stored;
    }
    for (size_t i = stored; i < data.size(); ++i) {
      ASSERT_FALSE(engine.LinkageOf(data[i].id).ok())
          << "round " << round << ": " << data[i].id << " stored after a gap";
    }
    if (!acked.empty()) {
      ASSERT_GT(stored, acked.rbegin()->first)
          << "round " << round << ": an acknowledged interaction was lost";
    }
    // The reference, fed the same prefix, linked each one as the child was
    // told, and ends in the same state as the re-opened journal.
    for (; reference_next < stored; ++reference_next) {
      absl::StatusOr<Linkage> l = reference->Ingest(data[reference_next]);
      ASSERT_TRUE(l.ok());
      auto it = acked.find(reference_next);
      if (it == acked.end()) continue;
      EXPECT_EQ(l->customer_id, it->second.first) << data[reference_next].id;
      EXPECT_EQ(l->case_id, it->second.second) << data[reference_next].id;
    }
    std::vector<std::string> ids;
    for (size_t i = 0; i < stored; ++i) ids.push_back(data[i].id);
    for (const auto& [i, linkage] : acked) {
      absl::StatusOr<Linkage> now = engine.LinkageOf(data[i].id);
      ASSERT_TRUE(now.ok()) << data[i].id;
      absl::StatusOr<Linkage> expected = reference->LinkageOf(data[i].id);
      EXPECT_EQ(now->customer_id, expected->customer_id) << data[i].id;
      EXPECT_EQ(now->case_id, expected->case_id) << data[i].id;
    }
    if (round % 8 == 7 || round == kRounds - 1) {
      EXPECT_EQ(testing_dump::DumpEngine(engine, ids, 5),
                testing_dump::DumpEngine(*reference, ids, 5));
    }
    if (stored == data.size()) break;
  }
  EXPECT_GT(killed, kRounds / 2);
  EXPECT_GT(acked.size(), 100u);
  std::printf("rounds killed: %d, acknowledged: %zu, torn tails cut: %d\n",
              killed, acked.size(), torn);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace threadline
