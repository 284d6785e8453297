// Social listening with a journal: alerts, incidents and the host's incident
// decisions come back after a re-open (from events and from a snapshot), old
// alerts are not told again, and an erased customer's words leave the
// alerts' evidence.
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "scenario.h"
#include "threadline/engine.h"
#include "threadline/listening.h"

namespace threadline {
namespace {

using testing::Day0;
using testing::OutageWave;
using testing::SteadyTraffic;

class CountingListener : public AlertListener {
 public:
  void OnAlert(const Alert& alert) override { told.push_back(alert.id); }
  std::vector<std::string> told;
};

std::string Summary(Engine& engine) {
  std::string out;
  for (const Alert& a : engine.Alerts()) {
    out += a.id + " " + a.topic + " " + std::to_string(a.count) + "\n";
  }
  for (const Incident& i : engine.Incidents()) {
    out += i.id + " " + std::string(IncidentStatusName(i.status)) + ":";
    for (const std::string& c : i.case_ids) out += " " + c;
    out += "\n";
  }
  return out;
}

class ListeningDurableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char dir[] = "/tmp/threadline-listening-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    dir_ = dir;
    traffic_ = SteadyTraffic(5);
    wave_ = OutageWave(Day0() + absl::Hours(24 * 5 + 3), 40, 60);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<Engine> Open(std::shared_ptr<AlertListener> listener) {
    EngineOptions options;
    options.journal_dir = dir_;
    options.snapshot_every = 0;
    options.alert_listener = std::move(listener);
    absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Open(options);
    EXPECT_TRUE(engine.ok()) << engine.status();
    return engine.ok() ? *std::move(engine) : nullptr;
  }

  // Feeds the traffic and the wave, then takes one case out of the
  // incident by hand.
  std::string FeedAndDecide(Engine& engine, std::string* removed_case) {
    for (const auto& r : engine.IngestBatch(traffic_)) EXPECT_TRUE(r.ok());
    for (const auto& r : engine.IngestBatch(wave_)) EXPECT_TRUE(r.ok());
    std::vector<Incident> incidents = engine.Incidents();
    EXPECT_FALSE(incidents.empty());
    if (incidents.empty() || incidents[0].case_ids.size() < 2) return "";
    *removed_case = incidents[0].case_ids.back();
    EXPECT_TRUE(engine
                    .RemoveFromIncident(incidents[0].id, *removed_case,
                                        Day0() + absl::Hours(24 * 6))
                    .ok());
    return Summary(engine);
  }

  std::string dir_;
  std::vector<Interaction> traffic_;
  std::vector<Interaction> wave_;
};

TEST_F(ListeningDurableTest, AlertsAndIncidentDecisionsSurviveReopening) {
  auto first = std::make_shared<CountingListener>();
  std::string removed;
  std::string before;
  {
    std::unique_ptr<Engine> engine = Open(first);
    ASSERT_NE(engine, nullptr);
    before = FeedAndDecide(*engine, &removed);
    ASSERT_FALSE(removed.empty());
  }
  ASSERT_FALSE(first->told.empty());
  EXPECT_NE(before.find("i-1"), std::string::npos);

  // From the events alone.
  auto second = std::make_shared<CountingListener>();
  {
    std::unique_ptr<Engine> engine = Open(second);
    ASSERT_NE(engine, nullptr);
    EXPECT_EQ(Summary(*engine), before);
    absl::StatusOr<Case> out_case = engine->GetCase(removed);
    ASSERT_TRUE(out_case.ok());
    EXPECT_TRUE(out_case->incident_id.empty()) << "the removal was kept";
    // Past alerts were told when raised; a new ingest tells nothing again.
    Interaction calm = traffic_.front();
    calm.id = "calm-after-reopen";
    calm.occurred_at = Day0() + absl::Hours(24 * 7);
    ASSERT_TRUE(engine->Ingest(calm).ok());
    EXPECT_TRUE(second->told.empty());
    ASSERT_TRUE(engine->Checkpoint().ok());
  }
  // From the snapshot.
  std::unique_ptr<Engine> engine = Open(nullptr);
  ASSERT_NE(engine, nullptr);
  EXPECT_EQ(engine->Recovery().load.events, 0u);
  EXPECT_EQ(Summary(*engine), before);
  absl::StatusOr<Case> out_case = engine->GetCase(removed);
  ASSERT_TRUE(out_case.ok());
  EXPECT_TRUE(out_case->incident_id.empty());
}

TEST_F(ListeningDurableTest, ErasureTakesTheCustomersWordsOutOfAlerts) {
  std::unique_ptr<Engine> engine = Open(nullptr);
  ASSERT_NE(engine, nullptr);
  for (const auto& r : engine->IngestBatch(traffic_)) ASSERT_TRUE(r.ok());
  for (const auto& r : engine->IngestBatch(wave_)) ASSERT_TRUE(r.ok());
  std::vector<Alert> alerts = engine->Alerts();
  ASSERT_FALSE(alerts.empty());
  ASSERT_FALSE(alerts[0].samples.empty());
  const AlertSample sample = alerts[0].samples[0];
  absl::StatusOr<Linkage> link = engine->LinkageOf(sample.interaction_id);
  ASSERT_TRUE(link.ok());
  ASSERT_TRUE(engine->Erase(link->customer_id).ok());
  for (const Alert& a : engine->Alerts()) {
    for (const AlertSample& s : a.samples) {
      EXPECT_NE(s.interaction_id, sample.interaction_id);
    }
  }
  for (const Incident& i : engine->Incidents()) {
    for (const std::string& c : i.case_ids) EXPECT_NE(c, link->case_id);
  }
}

}  // namespace
}  // namespace threadline
