// `threadline guard` end to end: the reply on stdin, the report on stdout,
// the exit status.
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "gtest/gtest.h"

namespace threadline::cli {
namespace {

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "threadline-guard-" + std::to_string(getpid()) +
         "-" + name;
}

struct Outcome {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs `threadline guard args...` with `input` on stdin, capturing stdout
// and stderr through files.
Outcome RunWithInput(const std::vector<std::string>& args,
                     const std::string& input) {
  const std::string in_path = TempPath("in");
  const std::string out_path = TempPath("out");
  const std::string err_path = TempPath("err");
  std::ofstream(in_path, std::ios::binary) << input;
  std::fflush(stdout);
  std::fflush(stderr);
  const int saved_in = dup(0), saved_out = dup(1), saved_err = dup(2);
  const int in_fd = open(in_path.c_str(), O_RDONLY);
  const int out_fd = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const int err_fd = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  dup2(in_fd, 0);
  dup2(out_fd, 1);
  dup2(err_fd, 2);
  clearerr(stdin);
  Outcome run;
  run.status = RunGuard(args);
  std::fflush(stdout);
  std::fflush(stderr);
  dup2(saved_in, 0);
  dup2(saved_out, 1);
  dup2(saved_err, 2);
  for (int fd : {saved_in, saved_out, saved_err, in_fd, out_fd, err_fd}) {
    close(fd);
  }
  clearerr(stdin);
  std::stringstream out, err;
  out << std::ifstream(out_path).rdbuf();
  err << std::ifstream(err_path).rdbuf();
  run.out = out.str();
  run.err = err.str();
  for (const std::string* path : {&in_path, &out_path, &err_path}) {
    std::remove(path->c_str());
  }
  return run;
}

TEST(GuardCommandTest, CleanReplyExitsZero) {
  const Outcome run = RunWithInput(
      {"--channel", "TWITTER", "--own-identity", "PHONE:+18005550199",
       "--signoff", "^AB"},
      "Sorry! Call us at 1-800-555-0199, order #12345 ships 2026-01-05. ^AB\n");
  EXPECT_EQ(run.status, 0) << run.out << run.err;
  EXPECT_NE(run.out.find("clean"), std::string::npos) << run.out;
}

TEST(GuardCommandTest, FindingsAreReportedWithSpansAndExitOne) {
  const Outcome run = RunWithInput(
      {"--channel", "twitter", "--ban", "calm down"},
      "Calm down, card 4111 1111 1111 1111 is fine. Write grace@example.org\n");
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_NE(run.out.find("3 findings in this TWITTER reply (public)"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("16-35"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("CARD_NUMBER"), std::string::npos);
  EXPECT_NE(run.out.find("\"4111 1111 1111 1111\""), std::string::npos);
  EXPECT_NE(run.out.find("BANNED_PHRASE"), std::string::npos);
  EXPECT_NE(run.out.find("EMAIL"), std::string::npos);
  EXPECT_NE(run.out.find("continue in a direct message on TWITTER"),
            std::string::npos)
      << run.out;
}

TEST(GuardCommandTest, JsonIsOneObject) {
  const Outcome run =
      RunWithInput({"--channel", "FORUM", "--json", "--customer-identity",
                    "EMAIL:Grace@Example.org"},
                   "Hi, we wrote to grace@example.org \xFF");
  EXPECT_EQ(run.status, 1) << run.err;
  EXPECT_EQ(run.out.front(), '{');
  EXPECT_EQ(run.out.back(), '\n');
  EXPECT_EQ(run.out.find('\n'), run.out.size() - 1);
  EXPECT_NE(run.out.find("\"ok\":false"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("{\"kind\":\"CUSTOMER_IDENTITY\",\"begin\":16,"
                         "\"end\":33,\"text\":\"grace@example.org\""),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("\"kind\":\"INVALID_UTF8\""), std::string::npos);
  EXPECT_NE(run.out.find("\"move_to\":{\"channel\":\"EMAIL\","
                         "\"private_message\":false}"),
            std::string::npos)
      << run.out;
  // Invalid UTF-8 never reaches the JSON.
  EXPECT_EQ(run.out.find('\xFF'), std::string::npos);

  const Outcome clean = RunWithInput({"--channel", "EMAIL", "--json"},
                                     "Your account 12345678 is ready.");
  EXPECT_EQ(clean.status, 0);
  EXPECT_EQ(clean.out,
            "{\"ok\":true,\"channel\":\"EMAIL\",\"public\":false,"
            "\"findings\":[],\"move_to\":null}\n");
}

TEST(GuardCommandTest, PrivateFlagMakesADirectMessage) {
  const Outcome run = RunWithInput({"--channel", "INSTAGRAM", "--private"},
                                   "Your account 12345678 is ready.");
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_NE(run.out.find("INSTAGRAM direct message"), std::string::npos);
}

TEST(GuardCommandTest, UsageErrorsExitTwo) {
  EXPECT_EQ(RunWithInput({}, "hi").status, 2);
  const Outcome bad_channel = RunWithInput({"--channel", "PIGEON"}, "hi");
  EXPECT_EQ(bad_channel.status, 2);
  EXPECT_NE(bad_channel.err.find("WHATSAPP"), std::string::npos)
      << bad_channel.err;
  EXPECT_EQ(RunWithInput({"--channel", "SMS", "--bogus"}, "hi").status, 2);
  const Outcome bad_identity =
      RunWithInput({"--channel", "SMS", "--own-identity", "PHONE"}, "hi");
  EXPECT_EQ(bad_identity.status, 2);
  EXPECT_NE(bad_identity.err.find("KIND:VALUE"), std::string::npos);
  const Outcome bad_region =
      RunWithInput({"--channel", "SMS", "--region", "QQ"}, "hi");
  EXPECT_EQ(bad_region.status, 2);
  EXPECT_NE(bad_region.err.find("regions[0]"), std::string::npos)
      << bad_region.err;
}

TEST(GuardCommandTest, HelpTeaches) {
  const Outcome run = RunWithInput({"--help"}, "");
  EXPECT_EQ(run.status, 0);
  EXPECT_NE(run.out.find("Usage: threadline guard"), std::string::npos);
  EXPECT_NE(run.out.find("Exit status"), std::string::npos);
  EXPECT_NE(run.out.find("Example"), std::string::npos);
  EXPECT_NE(run.out.find("--own-identity"), std::string::npos);
}

}  // namespace
}  // namespace threadline::cli
