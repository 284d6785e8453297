// Early warning, incident grouping and sentiment trends through the
// Engine's public API.
#include <algorithm>
#include <atomic>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "scenario.h"
#include "threadline/engine.h"
#include "threadline/listening.h"

namespace threadline {
namespace {

using testing::Day0;
using testing::Inbound;
using testing::OutageWave;
using testing::SteadyTraffic;

// An engine that judges waves from the first message, with no day of
// history to learn the usual levels from.
std::unique_ptr<Engine> OpenUntaught() {
  EngineOptions options;
  options.listening.learning_period = absl::ZeroDuration();
  auto engine = Engine::Open(std::move(options));
  EXPECT_TRUE(engine.ok()) << engine.status();
  return *std::move(engine);
}

std::unique_ptr<Engine> OpenEngine(EngineOptions options = {}) {
  auto engine = Engine::Open(std::move(options));
  EXPECT_TRUE(engine.ok()) << engine.status();
  return *std::move(engine);
}

void IngestAll(Engine& engine, const std::vector<Interaction>& items) {
  for (const Interaction& in : items) {
    ASSERT_TRUE(engine.Ingest(in).ok()) << in.id;
  }
}

TEST(EarlyWarningTest, SteadyTrafficRaisesNoAlertAndNoIncident) {
  auto engine = OpenEngine();
  IngestAll(*engine, SteadyTraffic(6));
  EXPECT_TRUE(engine->Alerts().empty());
  EXPECT_TRUE(engine->Incidents().empty());
}

TEST(EarlyWarningTest, OutageWaveRaisesAlertWithEvidenceWithinTheHour) {
  auto engine = OpenEngine();
  IngestAll(*engine, SteadyTraffic(5));
  const absl::Time start = Day0() + absl::Hours(24 * 5 + 3);
  IngestAll(*engine, OutageWave(start, 40, 60));
  std::vector<Alert> alerts = engine->Alerts();
  ASSERT_FALSE(alerts.empty());
  const Alert& a = alerts.front();
  EXPECT_EQ(a.id, "a-1");
  EXPECT_EQ(a.scope, AlertScope::kTopic);
  EXPECT_EQ(a.topic, "connectivity");
  EXPECT_GE(a.raised_at, start);
  EXPECT_LE(a.raised_at, start + absl::Hours(1));
  EXPECT_GE(a.count, 12);
  EXPECT_GT(a.count, 4 * a.expected);
  EXPECT_GT(a.public_count, a.count / 2);
  EXPECT_FALSE(a.channels.empty());
  EXPECT_EQ(a.samples.size(), 5u);
  EXPECT_GE(a.samples.front().occurred_at, start);
  // Topic alerts come once per wave, not once per message.
  int topic_alerts = 0;
  for (const Alert& x : alerts) topic_alerts += x.scope == AlertScope::kTopic;
  EXPECT_EQ(topic_alerts, 1);
}

// A big brand's first hours are busy, not a wave: the usual levels are
// learnt before anything is judged against them.
TEST(EarlyWarningTest, FirstBusyHoursRaiseNothing) {
  auto engine = OpenEngine();
  IngestAll(*engine, OutageWave(Day0(), 40, 60));
  EXPECT_TRUE(engine->Alerts().empty());
  EXPECT_TRUE(engine->Incidents().empty());

  auto untaught = OpenUntaught();
  IngestAll(*untaught, OutageWave(Day0(), 40, 60));
  EXPECT_FALSE(untaught->Alerts().empty());
}

// A level that rises and stays up becomes the usual level: an alert and an
// incident at first, not an alert period and an incident that never end.
TEST(EarlyWarningTest, ALevelThatStaysUpBecomesTheUsualLevel) {
  auto engine = OpenUntaught();
  // Thirty customers an hour report the outage, every hour, for four days.
  std::vector<Interaction> waves;
  for (int day = 0; day < 4; ++day) {
    for (int hour = 0; hour < 24; ++hour) {
      for (Interaction& in :
           OutageWave(Day0() + absl::Hours(24 * day + hour), 30, 60,
                      absl::StrCat("d", day, "h", hour))) {
        waves.push_back(std::move(in));
      }
    }
  }
  IngestAll(*engine, waves);
  ASSERT_FALSE(engine->Alerts().empty());
  for (const Alert& a : engine->Alerts()) {
    EXPECT_LT(a.raised_at, Day0() + absl::Hours(48)) << a.id;
  }
  ASSERT_FALSE(engine->Incidents().empty());
  // The first incident stopped taking cases once the level was usual.
  const Incident first = engine->Incidents().front();
  EXPECT_LT(first.case_ids.size(), waves.size() / 2);
  absl::StatusOr<Case> last = engine->GetCase(
      engine->LinkageOf(waves.back().id)->case_id);
  ASSERT_TRUE(last.ok());
  EXPECT_TRUE(last->incident_id.empty());
}

TEST(EarlyWarningTest, OffSwitchAndBadOptions) {
  EngineOptions options;
  options.listening.alerts = false;
  auto engine = OpenEngine(options);
  IngestAll(*engine, OutageWave(Day0(), 40, 30));
  EXPECT_TRUE(engine->Alerts().empty());

  EngineOptions bad;
  bad.listening.alert_min_ratio = 0.5;
  absl::StatusOr<std::unique_ptr<Engine>> refused = Engine::Open(bad);
  ASSERT_EQ(refused.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(refused.status().message().find("alert_min_ratio"),
            std::string::npos);
}

// Calls back into the engine from OnAlert: with a lock held this would
// deadlock (absl::Mutex is not reentrant).
class ReentrantListener : public AlertListener {
 public:
  void OnAlert(const Alert& alert) override {
    seen.push_back(alert.id);
    alerts_seen_inside = static_cast<int>(engine->Alerts().size());
    interactions_inside = engine->Stats().interactions;
  }
  Engine* engine = nullptr;
  std::vector<std::string> seen;
  int alerts_seen_inside = 0;
  uint64_t interactions_inside = 0;
};

TEST(EarlyWarningTest, ListenerIsCalledOutsideTheLockOncePerAlert) {
  auto listener = std::make_shared<ReentrantListener>();
  EngineOptions options;
  options.alert_listener = listener;
  auto engine = OpenEngine(options);
  listener->engine = engine.get();
  IngestAll(*engine, SteadyTraffic(2));
  std::vector<Interaction> wave =
      OutageWave(Day0() + absl::Hours(50), 40, 60);
  // Half one by one, half in a batch: both paths tell the listener.
  IngestAll(*engine, std::vector<Interaction>(wave.begin(), wave.begin() + 20));
  for (const auto& r : engine->IngestBatch(
           std::vector<Interaction>(wave.begin() + 20, wave.end()))) {
    ASSERT_TRUE(r.ok());
  }
  std::vector<Alert> alerts = engine->Alerts();
  ASSERT_FALSE(alerts.empty());
  ASSERT_EQ(listener->seen.size(), alerts.size());
  for (size_t i = 0; i < alerts.size(); ++i) {
    EXPECT_EQ(listener->seen[i], alerts[i].id);
  }
  EXPECT_GE(listener->alerts_seen_inside, 1);
  EXPECT_GT(listener->interactions_inside, 0u);
}

std::set<std::string> CasesOf(Engine& engine, const std::vector<Interaction>& items) {
  std::set<std::string> out;
  for (const Interaction& in : items) out.insert(engine.LinkageOf(in.id)->case_id);
  return out;
}

TEST(IncidentTest, GroupsEnglishAndSpanishReportsOfOneOutage) {
  auto engine = OpenEngine();
  std::vector<Interaction> steady = SteadyTraffic(4);
  IngestAll(*engine, steady);
  std::vector<Interaction> wave = OutageWave(Day0() + absl::Hours(98), 30, 90);
  IngestAll(*engine, wave);
  // An unrelated complaint during the wave stays out.
  Interaction billing = Inbound("b-1", Day0() + absl::Hours(98) + absl::Minutes(30),
                                Channel::kEmail, "payer",
                                "I was charged twice on my bill this month");
  IngestAll(*engine, {billing});

  std::vector<Incident> incidents = engine->Incidents();
  ASSERT_EQ(incidents.size(), 1u);
  const Incident& i = incidents[0];
  EXPECT_EQ(i.id, "i-1");
  EXPECT_EQ(i.status, IncidentStatus::kOpen);
  EXPECT_EQ(i.topic, "connectivity");
  const std::set<std::string> members(i.case_ids.begin(), i.case_ids.end());
  EXPECT_EQ(members, CasesOf(*engine, wave));
  EXPECT_EQ(i.customer_ids.size(), wave.size());
  EXPECT_EQ(members.count(engine->LinkageOf("b-1")->case_id), 0u);
  for (const std::string& c : CasesOf(*engine, steady)) {
    EXPECT_EQ(members.count(c), 0u);
  }
  // Cases and contexts name their incident.
  absl::StatusOr<Case> spanish = engine->GetCase(engine->LinkageOf("w-1")->case_id);
  ASSERT_TRUE(spanish.ok());
  EXPECT_EQ(spanish->incident_id, "i-1");
  absl::StatusOr<HandoffContext> ctx = engine->Context(spanish->id);
  ASSERT_TRUE(ctx.ok());
  EXPECT_EQ(ctx->incident_id, "i-1");
  EXPECT_EQ(ctx->incident_cases, static_cast<int>(wave.size()));
  EXPECT_EQ(engine->GetIncident("i-1")->case_ids, i.case_ids);
  EXPECT_EQ(engine->GetIncident("i-2").status().code(),
            absl::StatusCode::kNotFound);
}

// A few customers who happen to write alike, with nothing surging, are no
// incident: a big brand gets such coincidences every hour.
TEST(IncidentTest, AlikeWordingWithoutASurgeIsNoIncident) {
  auto engine = OpenUntaught();
  for (int i = 0; i < 8; ++i) {
    ASSERT_TRUE(engine
                    ->Ingest(Inbound(absl::StrCat("alike-", i),
                                     Day0() + absl::Minutes(10 * i),
                                     Channel::kTwitter,
                                     absl::StrCat("alike", i),
                                     "Buen dia, el seguimiento no se mueve "
                                     "hace una semana, alguien me ayuda?"))
                    .ok());
  }
  EXPECT_TRUE(engine->Alerts().empty());
  EXPECT_TRUE(engine->Incidents().empty());
}

TEST(IncidentTest, ManualAddAndRemoveAreKept) {
  auto engine = OpenUntaught();
  std::vector<Interaction> wave = OutageWave(Day0(), 30, 60);
  IngestAll(*engine, wave);
  ASSERT_EQ(engine->Incidents().size(), 1u);
  const std::string out_case = engine->LinkageOf("w-3")->case_id;
  const absl::Time at = Day0() + absl::Hours(2);
  ASSERT_TRUE(engine->RemoveFromIncident("i-1", out_case, at).ok());
  EXPECT_EQ(engine->GetCase(out_case)->incident_id, "");
  // A later report of the removed case does not bring it back.
  IngestAll(*engine, {[&] {
              Interaction in = wave[3];
              in.id = "w-3-again";
              in.occurred_at = wave.back().occurred_at + absl::Minutes(1);
              in.text = "Still no internet, is the outage fixed?";
              return in;
            }()});
  EXPECT_EQ(engine->GetCase(out_case)->incident_id, "");
  EXPECT_EQ(engine->RemoveFromIncident("i-1", out_case, at).code(),
            absl::StatusCode::kNotFound);

  // A case the grouping missed is added by hand.
  Interaction other = Inbound("x-1", Day0() + absl::Minutes(30),
                              Channel::kEmail, "quiet",
                              "My bill has a strange charge");
  IngestAll(*engine, {other});
  const std::string other_case = engine->LinkageOf("x-1")->case_id;
  EXPECT_EQ(engine->GetCase(other_case)->incident_id, "");
  ASSERT_TRUE(engine->AddToIncident("i-1", other_case, at).ok());
  EXPECT_EQ(engine->GetCase(other_case)->incident_id, "i-1");
  const std::vector<std::string> members = engine->GetIncident("i-1")->case_ids;
  EXPECT_NE(std::find(members.begin(), members.end(), other_case), members.end());
  EXPECT_EQ(std::find(members.begin(), members.end(), out_case), members.end());
  EXPECT_EQ(engine->AddToIncident("i-9", other_case, at).code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(engine->AddToIncident("i-1", "k-99999", at).code(),
            absl::StatusCode::kNotFound);
}

TEST(IncidentTest, ResolvingTheIncidentResolvesEveryMember) {
  auto engine = OpenUntaught();
  IngestAll(*engine, OutageWave(Day0(), 30, 60));
  const absl::Time at = Day0() + absl::Hours(5);
  ASSERT_TRUE(engine->ResolveIncident("i-1", at).ok());
  absl::StatusOr<Incident> i = engine->GetIncident("i-1");
  ASSERT_TRUE(i.ok());
  EXPECT_EQ(i->status, IncidentStatus::kResolved);
  ASSERT_FALSE(i->case_ids.empty());
  for (const std::string& c : i->case_ids) {
    absl::StatusOr<Case> k = engine->GetCase(c);
    EXPECT_EQ(k->status, CaseStatus::kResolved) << c;
    EXPECT_EQ(k->resolved_at, at);
  }
  EXPECT_EQ(engine->ResolveIncident("i-1", at).code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(engine->AddToIncident("i-1", i->case_ids[0], at).code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST(IncidentTest, TwoEnginesFedTheSameInteractionsAgree) {
  std::vector<Interaction> all = SteadyTraffic(3);
  for (const Interaction& in : OutageWave(Day0() + absl::Hours(60), 40, 120)) {
    all.push_back(in);
  }
  auto a = OpenEngine();
  auto b = OpenEngine();
  IngestAll(*a, all);
  // The other engine reads them in batches, on two threads.
  EngineOptions threaded;
  threaded.batch_threads = 2;
  auto c = OpenEngine(threaded);
  for (const auto& r : b->IngestBatch(all)) ASSERT_TRUE(r.ok());
  for (size_t i = 0; i < all.size(); i += 100) {
    std::vector<Interaction> chunk(all.begin() + i,
                                   all.begin() + std::min(all.size(), i + 100));
    for (const auto& r : c->IngestBatch(chunk)) ASSERT_TRUE(r.ok());
  }
  for (Engine* other : {b.get(), c.get()}) {
    std::vector<Incident> x = a->Incidents();
    std::vector<Incident> y = other->Incidents();
    ASSERT_EQ(x.size(), y.size());
    ASSERT_FALSE(x.empty());
    for (size_t i = 0; i < x.size(); ++i) {
      EXPECT_EQ(x[i].id, y[i].id);
      EXPECT_EQ(x[i].case_ids, y[i].case_ids);
      EXPECT_EQ(x[i].interaction_ids, y[i].interaction_ids);
      EXPECT_EQ(x[i].reports, y[i].reports);
    }
    std::vector<Alert> p = a->Alerts();
    std::vector<Alert> q = other->Alerts();
    ASSERT_EQ(p.size(), q.size());
    for (size_t i = 0; i < p.size(); ++i) {
      EXPECT_EQ(p[i].id, q[i].id);
      EXPECT_EQ(p[i].raised_at, q[i].raised_at);
      EXPECT_EQ(p[i].count, q[i].count);
    }
  }
}

TEST(SentimentTrendTest, CaseAndContextCarryFirstLastAndWorst) {
  auto engine = OpenEngine();
  const absl::Time t = Day0();
  Interaction first = Inbound("t-1", t, Channel::kTwitter, "moody",
                              "Thanks, the new plan looks great!");
  Interaction worse = Inbound("t-2", t + absl::Minutes(10), Channel::kTwitter,
                              "moody", "This is the worst service ever, I am furious");
  worse.reply_to = "t-1";
  Interaction last = Inbound("t-3", t + absl::Minutes(20), Channel::kTwitter,
                             "moody", "ok, it works now");
  last.reply_to = "t-2";
  IngestAll(*engine, {first, worse, last});
  const std::string case_id = engine->LinkageOf("t-3")->case_id;
  ASSERT_EQ(engine->LinkageOf("t-1")->case_id, case_id);
  absl::StatusOr<HandoffContext> ctx = engine->Context(case_id);
  ASSERT_TRUE(ctx.ok());
  const SentimentTrend& s = ctx->sentiment;
  EXPECT_EQ(s.scored, 3);
  EXPECT_GT(s.first, 0.3f);
  EXPECT_LT(s.worst, -0.3f);
  EXPECT_EQ(s.worst_interaction_id, "t-2");
  EXPECT_GT(s.last, s.worst);
  EXPECT_EQ(ctx->case_info.sentiment.worst_interaction_id, "t-2");

  // Scoring turned off: no trend, and nothing else changes.
  EngineOptions off;
  off.sentiment = nullptr;
  auto quiet = OpenEngine(off);
  IngestAll(*quiet, {first, worse, last});
  EXPECT_EQ(quiet->Context(case_id)->sentiment.scored, 0);
  EXPECT_EQ(quiet->LinkageOf("t-3")->case_id, case_id);
}

// A host's own analyzer is used instead of the built-in one.
class ConstantAnalyzer : public SentimentAnalyzer {
 public:
  Sentiment Analyze(std::string_view, std::string_view) const override {
    ++calls;
    return {-0.5f, SentimentLabel::kNegative, "en"};
  }
  mutable std::atomic<int> calls{0};
};

TEST(SentimentTrendTest, PluggedAnalyzerScoresInboundOnly) {
  auto analyzer = std::make_shared<ConstantAnalyzer>();
  EngineOptions options;
  options.sentiment = analyzer;
  auto engine = OpenEngine(options);
  Interaction in = Inbound("p-1", Day0(), Channel::kEmail, "plug", "hello");
  Interaction out = in;
  out.id = "p-2";
  out.direction = Direction::kOutbound;
  out.reply_to = "p-1";
  IngestAll(*engine, {in, out});
  EXPECT_EQ(analyzer->calls.load(), 1);
  EXPECT_FLOAT_EQ(
      engine->Context(engine->LinkageOf("p-1")->case_id)->sentiment.worst,
      -0.5f);
}

}  // namespace
}  // namespace threadline
