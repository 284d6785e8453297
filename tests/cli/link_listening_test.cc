// `threadline link --alerts-out --incidents-out` on simulated journeys with
// two outage waves: the files a scorer reads.
#include <unistd.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "cli/commands.h"
#include "cli_test_util.h"
#include "gtest/gtest.h"
#include "simdjson.h"

namespace threadline::cli {
namespace {

using testing_cli::ReadLines;

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "threadline-listening-" +
         std::to_string(getpid()) + "-" + name;
}

TEST(LinkListeningTest, OutageWavesBecomeAlertsAndIncidents) {
  const std::string journeys = TempPath("journeys.jsonl");
  const std::string truth = TempPath("truth.jsonl");
  const std::string alerts = TempPath("alerts.jsonl");
  const std::string incidents = TempPath("incidents.jsonl");
  ASSERT_EQ(RunSimulate({"--customers", "2000", "--seed", "7", "--out",
                         journeys, "--truth", truth, "--quiet"}),
            0);
  ASSERT_EQ(RunLink({"--in", journeys, "--out", "/dev/null", "--quiet",
                     "--alerts-out", alerts, "--incidents-out", incidents}),
            0);
  simdjson::dom::parser parser;
  // The outage of each interaction, from the truth.
  absl::flat_hash_map<std::string, std::string> outage;
  for (const std::string& line : ReadLines(truth)) {
    simdjson::dom::element e = parser.parse(line);
    std::string_view id, incident;
    ASSERT_EQ(e["id"].get(id), simdjson::SUCCESS);
    if (e["incident"].get(incident) == simdjson::SUCCESS) {
      outage[std::string(id)] = std::string(incident);
    }
  }
  ASSERT_FALSE(outage.empty());

  const std::vector<std::string> alert_lines = ReadLines(alerts);
  ASSERT_GE(alert_lines.size(), 2u);
  std::set<std::string> alerted;  // outages named by an alert's samples
  for (const std::string& line : alert_lines) {
    simdjson::dom::element e = parser.parse(line);
    int64_t count = 0;
    ASSERT_EQ(e["count"].get(count), simdjson::SUCCESS);
    EXPECT_GE(count, 12);
    simdjson::dom::array samples;
    ASSERT_EQ(e["samples"].get(samples), simdjson::SUCCESS);
    // The evidence is the wave's (an ordinary complaint may share its hour).
    int ordinary = 0, shown = 0;
    for (simdjson::dom::element s : samples) {
      std::string_view id;
      ASSERT_EQ(s["interaction_id"].get(id), simdjson::SUCCESS);
      auto it = outage.find(std::string(id));
      ++shown;
      if (it == outage.end()) {
        ++ordinary;
      } else {
        alerted.insert(it->second);
      }
    }
    EXPECT_GT(shown, 0);
    EXPECT_LE(2 * ordinary, shown) << line;
  }
  EXPECT_EQ(alerted.size(), 2u);

  // Each incident is mostly one outage, and each outage has one.
  std::set<std::string> found;
  for (const std::string& line : ReadLines(incidents)) {
    simdjson::dom::element e = parser.parse(line);
    simdjson::dom::array ids;
    ASSERT_EQ(e["interaction_ids"].get(ids), simdjson::SUCCESS);
    absl::flat_hash_map<std::string, int> votes;
    int total = 0;
    for (simdjson::dom::element id : ids) {
      std::string_view v;
      ASSERT_EQ(id.get(v), simdjson::SUCCESS);
      auto it = outage.find(std::string(v));
      ++votes[it == outage.end() ? "" : it->second];
      ++total;
    }
    std::string best;
    for (const auto& [name, n] : votes) {
      if (best.empty() || n > votes[best]) best = name;
    }
    EXPECT_FALSE(best.empty());
    EXPECT_GE(votes[best], 0.85 * total);
    found.insert(best);
  }
  EXPECT_EQ(found, (std::set<std::string>{"INC1", "INC2"}));
  for (const std::string& p : {journeys, truth, alerts, incidents}) {
    std::remove(p.c_str());
  }
}

}  // namespace
}  // namespace threadline::cli
