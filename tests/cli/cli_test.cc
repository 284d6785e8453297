// End to end: the `threadline` subcommands on simulated journeys, as a user
// runs them.
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "cli/commands.h"
#include "cli/io.h"
#include "cli/score.h"
#include "cli_test_util.h"
#include "gtest/gtest.h"
#include "simdjson.h"

namespace threadline::cli {
namespace {

using testing_cli::ReadLines;

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "threadline-cli-" + std::to_string(getpid()) +
         "-" + name;
}

// SmsLine: a line of one valid interaction, `id`, an SMS from one number.
std::string SmsLine(const std::string& id) {
  return R"({"id": ")" + id +
         R"(", "occurred_at": "2026-01-05T10:00:00Z", "channel": "SMS", )"
         R"("direction": "INBOUND", "contact": {"kind": "PHONE", "value": "+14155550100"}})";
}

void WriteFile(const std::string& path, const std::string& data) {
  std::ofstream(path) << data;
}

std::string Get(simdjson::dom::element e, const char* key) {
  std::string_view v;
  if (e[key].get(v) != simdjson::SUCCESS) return "";
  return std::string(v);
}

struct Scores {
  ClusterScore customers, cases;
  size_t scored = 0;
};

Scores ScoreFiles(const std::string& truth_path, const std::string& linkage_path) {
  simdjson::dom::parser parser;
  absl::flat_hash_map<std::string, std::pair<std::string, std::string>> got;
  for (const std::string& line : ReadLines(linkage_path)) {
    simdjson::dom::element e = parser.parse(line);
    got[Get(e, "interaction_id")] = {Get(e, "customer_id"), Get(e, "case_id")};
  }
  std::vector<std::string> person, inquiry, customer, kase;
  for (const std::string& line : ReadLines(truth_path)) {
    simdjson::dom::element e = parser.parse(line);
    auto it = got.find(Get(e, "id"));
    EXPECT_NE(it, got.end()) << "no linkage for " << Get(e, "id");
    if (it == got.end()) continue;
    person.push_back(Get(e, "person"));
    inquiry.push_back(Get(e, "inquiry"));
    customer.push_back(it->second.first);
    kase.push_back(it->second.second);
  }
  return {Score(person, customer), Score(inquiry, kase), person.size()};
}

TEST(CliTest, SimulatedJourneysAreLinkedAccurately) {
  const std::string journeys = TempPath("journeys.jsonl");
  const std::string truth = TempPath("truth.jsonl");
  const std::string linkage = TempPath("linkage.jsonl");
  ASSERT_EQ(RunSimulate({"--customers", "1500", "--seed", "11", "--out",
                         journeys, "--truth", truth}),
            0);
  const size_t n = ReadLines(journeys).size();
  EXPECT_GT(n, 3000u);
  ASSERT_EQ(RunLink({"--in", journeys, "--out", linkage, "--quiet"}), 0);
  EXPECT_EQ(ReadLines(linkage).size(), n);
  Scores s = ScoreFiles(truth, linkage);
  EXPECT_EQ(s.scored, n);
  EXPECT_GE(s.customers.pair_precision, 0.98);
  EXPECT_GE(s.customers.pair_f1, 0.90);
  EXPECT_GE(s.cases.pair_f1, 0.80);
  std::remove(journeys.c_str());
  std::remove(truth.c_str());
  std::remove(linkage.c_str());
}

TEST(CliTest, OutputIsTheSameForAnyNumberOfThreads) {
  const std::string journeys = TempPath("threads-journeys.jsonl");
  const std::string one = TempPath("threads-1.jsonl");
  const std::string two = TempPath("threads-2.jsonl");
  ASSERT_EQ(RunSimulate({"--customers", "800", "--seed", "5", "--out", journeys,
                         "--quiet"}),
            0);
  ASSERT_EQ(RunLink({"--in", journeys, "--out", one, "--quiet", "--threads", "1"}), 0);
  ASSERT_EQ(RunLink({"--in", journeys, "--out", two, "--quiet", "--threads", "2"}), 0);
  const std::vector<std::string> a = ReadLines(one);
  EXPECT_GT(a.size(), 1000u);
  EXPECT_EQ(a, ReadLines(two));
  std::remove(journeys.c_str());
  std::remove(one.c_str());
  std::remove(two.c_str());
}

TEST(CliTest, BadLinesAreReportedWithTheirNumberAndSkipped) {
  const std::string in = TempPath("bad.jsonl");
  const std::string out = TempPath("bad-out.jsonl");
  const std::string good = SmsLine("a");
  WriteFile(in, good + "\n" +
                    "{not json\n" +
                    R"({"id": "b", "channel": "SMS", "direction": "INBOUND", "contact": {"kind": "PHONE", "value": "+14155550100"}})" "\n" +
                    R"({"id": "c", "occurred_at": "2026-01-05T10:00:00Z", "channel": "PIGEON", "direction": "INBOUND", "contact": {"kind": "PHONE", "value": "+14155550100"}})" "\n" +
                    R"({"id": "d", "occurred_at": "yesterday", "channel": "SMS", "direction": "INBOUND", "contact": {"kind": "PHONE", "value": "+14155550100"}})" "\n" +
                    "\n" +
                    R"({"id": "e", "occurred_at": "2026-01-05T11:00:00Z", "channel": "SMS", "direction": "INBOUND", "contact": {"kind": "PHONE", "value": "(415) 555-0100"}, "region": "US"})" "\n");
  ::testing::internal::CaptureStderr();
  const int code = RunLink({"--in", in, "--out", out, "--quiet"});
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(code, 0);
  EXPECT_NE(err.find("line 2:"), std::string::npos) << err;
  EXPECT_NE(err.find("line 3:"), std::string::npos) << err;
  EXPECT_NE(err.find("occurred_at"), std::string::npos) << err;
  EXPECT_NE(err.find("line 4:"), std::string::npos) << err;
  EXPECT_NE(err.find("PIGEON"), std::string::npos) << err;
  EXPECT_NE(err.find("line 5:"), std::string::npos) << err;
  EXPECT_EQ(err.find("line 6:"), std::string::npos) << err;
  std::vector<std::string> lines = ReadLines(out);
  ASSERT_EQ(lines.size(), 2u);
  simdjson::dom::parser parser;
  EXPECT_EQ(Get(parser.parse(lines[0]), "customer_id"),
            Get(parser.parse(lines[1]), "customer_id"));
  std::remove(in.c_str());
  std::remove(out.c_str());
}

// Lines whose identities name no one are linked all the same; the summary
// counts the values left out and shows the first few with their lines.
TEST(CliTest, SummaryNamesTheIdentityValuesLeftOut) {
  const std::string in = TempPath("left-out.jsonl");
  std::string data = SmsLine("a") + "\n";
  for (int i = 1; i <= 7; ++i) {
    data += R"({"id": "e)" + std::to_string(i) +
            R"(", "occurred_at": "2026-01-05T10:00:00Z", "channel": "EMAIL", )"
            R"("direction": "INBOUND", "contact": {"kind": "EMAIL", "value": "bad-)" +
            std::to_string(i) + R"("}})" "\n";
  }
  WriteFile(in, data);
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(RunLink({"--in", in, "--out", "/dev/null"}), 0);
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("8 linked, 0 skipped"), std::string::npos) << err;
  EXPECT_NE(err.find("left out         7 identity values naming no one"), std::string::npos)
      << err;
  EXPECT_NE(err.find("line 2: "), std::string::npos) << err;
  EXPECT_NE(err.find("\"bad-1\""), std::string::npos) << err;
  EXPECT_NE(err.find("line 6: "), std::string::npos) << err;
  EXPECT_EQ(err.find("line 7: "), std::string::npos) << err;
  std::remove(in.c_str());
}

// Files saved by Windows tools: a UTF-8 byte order mark and CRLF line ends
// lose no line; a UTF-16 file is named as such once, not as bad JSON on
// every line.
TEST(CliTest, ByteOrderMarksAndCrlfLineEnds) {
  const std::string in = TempPath("bom.jsonl");
  const std::string out = TempPath("bom-out.jsonl");
  WriteFile(in, "\xEF\xBB\xBF" + SmsLine("a") + "\r\n" + SmsLine("b") + "\r\n");
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(RunLink({"--in", in, "--out", out, "--quiet"}), 0);
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(err, "");
  EXPECT_EQ(ReadLines(out).size(), 2u);

  WriteFile(in, std::string("\xFF\xFE{\0}\0\n\0", 7));
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(RunLink({"--in", in, "--out", out, "--quiet"}), 1);
  const std::string utf16 = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(utf16.find("UTF-16"), std::string::npos) << utf16;
  EXPECT_EQ(utf16.find("line 1"), std::string::npos) << utf16;
  std::remove(in.c_str());
  std::remove(out.c_str());
}

TEST(CliTest, MissingInputFileIsAClearError) {
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(RunLink({"--in", "/nonexistent/journeys.jsonl", "--quiet"}), 1);
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("/nonexistent/journeys.jsonl"), std::string::npos) << err;
}

TEST(CliTest, HelpAndUsageErrors) {
  ::testing::internal::CaptureStdout();
  EXPECT_EQ(RunLink({"--help"}), 0);
  std::string help = ::testing::internal::GetCapturedStdout();
  EXPECT_NE(help.find("--own-identity"), std::string::npos);
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(RunLink({"--frobnicate"}), 2);
  EXPECT_NE(::testing::internal::GetCapturedStderr().find("--frobnicate"),
            std::string::npos);
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(RunLink({"--own-identity", "PIGEON:@x"}), 2);
  EXPECT_NE(::testing::internal::GetCapturedStderr().find("PIGEON"),
            std::string::npos);
  // A thread count out of range is named, not quietly changed.
  for (const char* threads : {"0", "257"}) {
    ::testing::internal::CaptureStderr();
    EXPECT_EQ(RunLink({"--threads", threads, "--in", "/dev/null"}), 2);
    const std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_NE(err.find(std::string("--threads takes 1 to 256, got ") + threads),
              std::string::npos)
        << err;
  }
}

TEST(CliTest, SimulateNamesAFlagOutOfRange) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> bad = {
      {{"--customers", "-5"}, "--customers"},
      {{"--threads", "0"}, "--threads takes 1 to 64, got 0"},
      {{"--days", "0"}, "--days"},
  };
  for (const auto& [args, named] : bad) {
    ::testing::internal::CaptureStderr();
    EXPECT_EQ(RunSimulate(args), 2) << named;
    const std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_NE(err.find(named), std::string::npos) << err;
  }
}

// Texts shown in summaries and handoff contexts stay on one line and are
// never cut inside a character (the terminal would show garbage).
TEST(ClipTest, OneLineCutBetweenCharacters) {
  EXPECT_EQ(Clip("Cordial saludo,\r\n\tOtra vez", 100), "Cordial saludo, Otra vez");
  EXPECT_EQ(Clip("  Estimados:\n\n  Ya les   escribí \n", 100),
            "Estimados: Ya les escribí");
  EXPECT_EQ(Clip("exactly", 7), "exactly");
  EXPECT_EQ(Clip("exactly!", 7), "exactly…");
  EXPECT_EQ(Clip("d\xC3\xAD" "a", 2), "d…");  // "día": not inside the í
  EXPECT_EQ(Clip("ok \xF0\x9F\x98\xA1 no", 5), "ok…");  // nor an emoji
  EXPECT_EQ(Clip("\xF0\x9F\x98\xA1", 2), "…");
  EXPECT_EQ(Clip("", 0), "");
  EXPECT_EQ(Clip(" \n\t ", 10), "");
  // Cut after the runs are gone, and no space before the "…".
  EXPECT_EQ(Clip("one\n\n\ntwo three", 7), "one two…");
  EXPECT_EQ(Clip("one   two", 4), "one…");
}

TEST(ClipTest, TerminalEscapesInACustomersTextNeverReachTheTerminal) {
  // ESC [2J clears a screen; ESC ] 0 ; … BEL retitles a window; C1's CSI
  // (U+009B) does what ESC [ does on some terminals.
  EXPECT_EQ(Clip("hi\x1b[2Jthere", 40), "hi [2Jthere");
  EXPECT_EQ(Clip("a\x1b]0;pwned\x07" "b", 40), "a ]0;pwned b");
  EXPECT_EQ(Clip("x\xC2\x9B" "31my", 40), "x 31my");
  EXPECT_EQ(Clip("del\x7F", 40), "del");
  // A letter of Latin-1 Supplement (C2 A0 and up) is text, kept.
  EXPECT_EQ(Clip("\xC2\xBFqu\xC3\xA9?", 40), "\xC2\xBFqu\xC3\xA9?");
}

TEST(ScoreTest, PairwiseAndBCubed) {
  ClusterScore perfect = Score({"a", "a", "b"}, {"x", "x", "y"});
  EXPECT_DOUBLE_EQ(perfect.pair_f1, 1.0);
  EXPECT_DOUBLE_EQ(perfect.b3_f1, 1.0);
  ClusterScore lumped = Score({"a", "a", "b"}, {"x", "x", "x"});
  EXPECT_DOUBLE_EQ(lumped.pair_precision, 1.0 / 3);
  EXPECT_DOUBLE_EQ(lumped.pair_recall, 1.0);
}

}  // namespace
}  // namespace threadline::cli
