// `threadline link --journal DIR` keeps the state from run to run, and
// `threadline inspect DIR` tells what a journal holds.
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "cli/commands.h"
#include "cli_test_util.h"
#include "gtest/gtest.h"

namespace threadline::cli {
namespace {

using testing_cli::ReadLines;

void WriteLines(const std::string& path, const std::vector<std::string>& lines,
                size_t from, size_t to) {
  std::ofstream out(path);
  for (size_t i = from; i < to; ++i) out << lines[i] << "\n";
}

class JournalCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char dir[] = "/tmp/threadline-cli-journal-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    tmp_ = dir;
  }
  void TearDown() override { std::filesystem::remove_all(tmp_); }
  std::string Path(const std::string& name) const { return tmp_ + "/" + name; }

  std::string Inspect(const std::string& dir, int* code) {
    ::testing::internal::CaptureStdout();
    *code = RunInspect({dir});
    return ::testing::internal::GetCapturedStdout();
  }

  std::string tmp_;
};

TEST_F(JournalCliTest, ASecondRunContinuesWhereTheFirstStopped) {
  const std::string all = Path("all.jsonl");
  ASSERT_EQ(RunSimulate({"--customers", "600", "--seed", "5", "--out", all}), 0);
  const std::vector<std::string> lines = ReadLines(all);
  ASSERT_GT(lines.size(), 2000u);
  const size_t half = lines.size() / 2;
  WriteLines(Path("first.jsonl"), lines, 0, half);
  WriteLines(Path("second.jsonl"), lines, half, lines.size());
  const std::string journal = Path("state");
  const std::vector<std::string> own = {"--own-identity", "TWITTER:@AcmeCare"};

  auto link = [&](const std::string& in, const std::string& out,
                  const std::string& dir) {
    std::vector<std::string> args = {"--in", in, "--out", out, "--quiet"};
    if (!dir.empty()) {
      args.push_back("--journal");
      args.push_back(dir);
    }
    args.insert(args.end(), own.begin(), own.end());
    return RunLink(args);
  };
  ASSERT_EQ(link(Path("first.jsonl"), Path("first.out"), journal), 0);
  ASSERT_EQ(link(Path("second.jsonl"), Path("second.out"), journal), 0);
  ASSERT_EQ(link(all, Path("all.out"), ""), 0);

  // The second run knew the first run's customers and cases: its lines are
  // exactly those of one run over both files.
  const std::vector<std::string> whole = ReadLines(Path("all.out"));
  const std::vector<std::string> second = ReadLines(Path("second.out"));
  ASSERT_EQ(second.size(), lines.size() - half);
  for (size_t i = 0; i < second.size(); ++i) {
    ASSERT_EQ(second[i], whole[half + i]) << "line " << i;
  }
  // Running a file again links nothing twice.
  ASSERT_EQ(link(Path("second.jsonl"), Path("again.out"), journal), 0);
  EXPECT_EQ(ReadLines(Path("again.out")), second);

  int code = 0;
  const std::string report = Inspect(journal, &code);
  EXPECT_EQ(code, 0) << report;
  EXPECT_NE(report.find("journal"), std::string::npos) << report;
  EXPECT_NE(report.find("snapshot        at sequence"), std::string::npos)
      << report;
  EXPECT_NE(report.find("events          0 after the snapshot"),
            std::string::npos)
      << report;
  EXPECT_NE(report.find(absl::StrCat("interactions    ", lines.size())),
            std::string::npos)
      << report;
  EXPECT_NE(report.find("nothing cut off"), std::string::npos) << report;
}

TEST_F(JournalCliTest, InspectTellsWhatACrashCutOff) {
  const std::string in = Path("in.jsonl");
  ASSERT_EQ(RunSimulate({"--customers", "50", "--out", in}), 0);
  const std::string journal = Path("state");
  ASSERT_EQ(RunLink({"--in", in, "--out", Path("out"), "--quiet", "--journal",
                     journal}),
            0);
  // A write cut short by a crash: half a record at the end of the events.
  bool found = false;
  for (const auto& f : std::filesystem::directory_iterator(journal)) {
    if (f.path().filename() == "events") {
      std::ofstream(f.path(), std::ios::app | std::ios::binary)
          << std::string("\x30\x00\x00\x00\x11\x22", 6);
      found = true;
    }
  }
  ASSERT_TRUE(found) << "the journal keeps its events in DIR/events";
  int code = 0;
  const std::string report = Inspect(journal, &code);
  EXPECT_EQ(code, 0) << report;
  EXPECT_NE(report.find("6 bytes cut off"), std::string::npos) << report;
}

// Looking makes nothing: a directory without a journal is reported as
// such, not shown as an empty journal, and no journal is left behind.
TEST_F(JournalCliTest, InspectOfADirectoryWithoutAJournalFailsAndMakesNone) {
  for (const std::string& dir : {Path("missing"), tmp_}) {
    ::testing::internal::CaptureStderr();
    const int code = RunInspect({dir});
    const std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(code, 1) << dir;
    EXPECT_NE(err.find(dir), std::string::npos) << err;
    EXPECT_NE(err.find("no "), std::string::npos) << err;
  }
  EXPECT_FALSE(std::filesystem::exists(Path("missing")));
  EXPECT_TRUE(std::filesystem::is_empty(tmp_));
}

TEST_F(JournalCliTest, InspectNeedsADirectory) {
  int code = 0;
  ::testing::internal::CaptureStderr();
  code = RunInspect({});
  ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(code, 2);
}

}  // namespace
}  // namespace threadline::cli
