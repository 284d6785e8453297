// Monitor::OnLinked ends in the same state whether it reads a message's
// content words itself (as on replay) or is handed them, read outside the
// engine's lock by ReadInboundText; Monitor::ApproximateMemory follows what
// the monitor keeps.
#include "listening/monitor.h"

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "listening/inbound_text.h"
#include "text/topic.h"

namespace threadline::listening {
namespace {

struct Message {
  Linked linked;
  std::string text;
  std::vector<uint64_t> words;
};

constexpr size_t kWaveCustomers = 80;

// Three quiet days of mixed traffic, then an outage wave of kWaveCustomers
// customers in an hour, in English and Spanish.
std::vector<Message> Traffic() {
  static const char* const kQuiet[] = {
      "I was billed twice this month",
      "Where is my refund? Returned the boots weeks ago",
      "How do I change my plan",
      "Me cobraron dos veces la factura",
      "Quiero cambiar mi plan por uno con mas datos",
      "thanks, all sorted now!",
  };
  static const char* const kWave[] = {
      "No internet since this morning, router lights all red",
      "Internet down again in my area!!",
      "Sin internet desde la mañana, el módem no conecta",
      "Se cayó el internet en todo el barrio",
      "no signal, no internet, nothing works",
  };
  const text::TopicClassifier classifier;
  std::mt19937 rng(7);
  std::vector<Message> out;
  const absl::Time day0 = absl::FromUnixSeconds(1767225600);
  uint32_t customer = 1;
  auto add = [&](absl::Time at, const char* text, float sentiment) {
    Message m;
    m.text = text;
    const text::TopicGuess g = classifier.Classify(m.text, "");
    const auto& topics = text::TopicClassifier::Topics();
    uint32_t topic = 0;
    for (size_t t = 0; t < topics.size(); ++t) {
      if (topics[t] == g.topic) topic = static_cast<uint32_t>(t + 1);
    }
    m.linked.index = static_cast<uint32_t>(out.size());
    m.linked.at = at;
    m.linked.channel = (customer % 2) ? Channel::kTwitter : Channel::kWhatsapp;
    m.linked.direction = Direction::kInbound;
    m.linked.topic = topic;
    m.linked.topic_name = g.topic;
    m.linked.sentiment = sentiment;
    m.linked.case_id = customer;
    m.linked.customer = customer;
    ++customer;
    out.push_back(std::move(m));
  };
  for (int minute = 0; minute < 3 * 24 * 60; minute += 7) {
    add(day0 + absl::Minutes(minute), kQuiet[rng() % 6],
        (rng() % 3) == 0 ? -0.6f : 0.3f);
  }
  const absl::Time wave = day0 + absl::Hours(3 * 24 + 2);
  for (size_t i = 0; i < kWaveCustomers; ++i) {
    add(wave + absl::Seconds(45 * i), kWave[rng() % 5], -0.7f);
  }
  return out;
}

// Feeds messages[from, to) to `monitor`.
void Feed(Monitor& monitor, std::vector<Message>& messages, bool precomputed,
          size_t from, size_t to) {
  const text::TopicClassifier classifier;
  for (size_t i = from; i < to; ++i) {
    Message& m = messages[i];
    m.linked.text = m.text;
    m.linked.content_words = nullptr;
    if (precomputed) {
      InboundTextOptions o;
      o.content_words = true;
      m.words = ReadInboundText(m.text, "", classifier, o).content_words;
      m.linked.content_words = &m.words;
    }
    monitor.OnLinked(
        m.linked,
        [&](uint32_t i) {
          AlertSample s;
          s.interaction_id = std::to_string(i);
          s.text = messages[i].text;
          return s;
        },
        [&](uint32_t c) {
          // Every customer opens one case with their one message.
          return CaseView{true, messages[c - 1].linked.at};
        });
  }
}

TEST(MonitorTest, PrecomputedContentWordsLeaveTheSameState) {
  std::vector<Message> messages = Traffic();
  MonitorOptions options;
  Monitor read(options), handed(options);
  Feed(read, messages, false, 0, messages.size());
  Feed(handed, messages, true, 0, messages.size());

  ASSERT_EQ(read.alerts().size(), handed.alerts().size());
  EXPECT_FALSE(read.alerts().empty());
  for (size_t i = 0; i < read.alerts().size(); ++i) {
    const Alert& a = read.alerts()[i];
    const Alert& b = handed.alerts()[i];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.topic, b.topic);
    EXPECT_EQ(a.raised_at, b.raised_at);
    EXPECT_EQ(a.count, b.count);
    EXPECT_EQ(a.expected, b.expected);
  }
  const auto& x = read.incidents().incidents();
  const auto& y = handed.incidents().incidents();
  ASSERT_EQ(x.size(), y.size());
  EXPECT_FALSE(x.empty());
  for (size_t i = 0; i < x.size(); ++i) {
    EXPECT_EQ(x[i].cases, y[i].cases);
    EXPECT_EQ(x[i].reports, y[i].reports);
    EXPECT_EQ(x[i].first_at, y[i].first_at);
    EXPECT_EQ(x[i].seed_index, y[i].seed_index);
    EXPECT_EQ(x[i].centroid, y[i].centroid);
  }
}

// ApproximateMemory: the monitor's heap grows as it takes messages in,
// and more with the wave's alert and incident, but what it keeps per
// message is a window entry or a waiting report's few terms, not the
// message: past the first blocks of its windows and tables, a few hundred
// bytes a message at most (the windows and pools are bounded by time, so
// on a longer run it grows still less).
TEST(MonitorTest, ApproximateMemoryGrowsWithinABoundPerMessage) {
  constexpr size_t kFirstBlocksBytes = 16 * 1024;
  constexpr size_t kBytesPerMessage = 256;
  std::vector<Message> messages = Traffic();
  const size_t wave_start = messages.size() - kWaveCustomers;
  Monitor monitor(MonitorOptions{});
  const size_t empty = monitor.ApproximateMemory().total();
  size_t before_wave = 0;
  for (size_t n = 1; n <= messages.size(); ++n) {
    Feed(monitor, messages, false, n - 1, n);
    const size_t bytes = monitor.ApproximateMemory().total();
    ASSERT_LE(bytes, kFirstBlocksBytes + kBytesPerMessage * n)
        << "after " << n << " messages";
    if (n == 1) {
      EXPECT_GT(bytes, empty);
    }
    if (n == wave_start) before_wave = bytes;
  }
  const Monitor::Memory after_wave = monitor.ApproximateMemory();
  EXPECT_GT(before_wave, empty);
  EXPECT_GT(after_wave.total(), before_wave);
  EXPECT_GT(after_wave.alerts, 0u);
  EXPECT_GT(after_wave.incidents, 0u);
}

}  // namespace
}  // namespace threadline::listening
