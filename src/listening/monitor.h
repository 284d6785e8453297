// Monitor: the listening stage as the engine's state sees it. Fed every
// linked interaction in order, it keeps the early warning (WaveDetector),
// the alerts raised and the incidents (IncidentBook). Everything it knows
// follows from the linked interactions and the hand-made incident changes,
// so replaying the engine's events rebuilds it.
//
// Thread-compatible: the engine guards it with its lock.
#ifndef THREADLINE_SRC_LISTENING_MONITOR_H_
#define THREADLINE_SRC_LISTENING_MONITOR_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/time/time.h"
#include "listening/incidents.h"
#include "listening/terms.h"
#include "listening/wave_detector.h"
#include "threadline/listening.h"

namespace threadline::listening {

// A score at or below this is negative (the analyzer's own label bound).
inline constexpr float kNegativeScore = -0.05f;

struct MonitorOptions {
  ListeningOptions listening;
  // Whether inbound messages are scored. When not, every inbound message
  // counts toward the negative volume: the early warning watches volume.
  bool sentiment = true;
};

// One linked interaction as the monitor needs it.
struct Linked {
  uint32_t index = 0;  // interaction ordinal
  absl::Time at;
  Channel channel = Channel::kUnspecified;
  Direction direction = Direction::kUnspecified;
  // Topic ordinal, 0 for none; one ordinal always names one topic.
  uint32_t topic = 0;
  std::string_view topic_name;
  std::string_view text;
  std::optional<float> sentiment;
  uint32_t case_id = 0;   // root case ordinal
  uint32_t customer = 0;  // base ordinal
  // ContentWords(text), when already read (ReadInboundText, outside the
  // engine's lock); null: OnLinked reads them from `text`, as on replay.
  // Either way the monitor ends in the same state.
  const std::vector<uint64_t>* content_words = nullptr;
};

class Monitor {
 public:
  explicit Monitor(MonitorOptions options);

  // OnLinked: one linked interaction. `sample(i)` describes interaction i
  // for an alert's evidence; `view(c)` describes root case c. Reads the
  // text's content words unless `in.content_words` holds them.
  void OnLinked(const Linked& in,
                absl::FunctionRef<AlertSample(uint32_t)> sample,
                absl::FunctionRef<CaseView(uint32_t)> view);

  IncidentBook& incidents() { return incidents_; }
  const IncidentBook& incidents() const { return incidents_; }
  // Alerts in the order raised.
  const std::vector<Alert>& alerts() const { return alerts_; }

  // Memory: what the monitor holds on the heap, by part, counted from
  // container capacities (allocator overhead aside). None of it grows with
  // every interaction: windows and waiting reports are bounded by time,
  // the term index by the vocabulary, incidents by the incidents found.
  struct Memory {
    size_t waves = 0;      // sliding windows of negative volume
    size_t terms = 0;      // document frequencies of words
    size_t incidents = 0;  // incidents, waiting reports, memberships
    size_t alerts = 0;     // alerts raised, with their samples
    size_t total() const { return waves + terms + incidents + alerts; }
  };
  Memory ApproximateMemory() const;

 private:
  // TopicTerm of the topic with ordinal in.topic (the same name for the
  // same ordinal), worked out once per topic.
  uint64_t TopicTermOf(const Linked& in);

  const MonitorOptions options_;
  std::vector<uint64_t> topic_terms_;  // by topic ordinal; 0: not yet
  WaveDetector waves_;
  TermIndex terms_;
  IncidentBook incidents_;
  std::vector<Alert> alerts_;
};

}  // namespace threadline::listening

#endif  // THREADLINE_SRC_LISTENING_MONITOR_H_
