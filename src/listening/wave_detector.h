// WaveDetector: early warning of a negative wave. It counts the negative
// inbound messages of each topic and each channel over a sliding window and
// compares the count with the usual level of such a window at that hour of
// the day: the key's long-run hourly rate (alert periods left out, a prior
// so a young engine is not jumpy) times the day's shape, learned from all
// inbound traffic. A window far above it (enough messages, several times
// the usual level, and a Poisson tail below the configured probability)
// raises an alert.
//
// Time is the interactions' own (hour of day in UTC); messages may come
// somewhat out of order. The same messages in the same order give the same
// alerts.
//
// Thread-compatible.
#ifndef THREADLINE_SRC_LISTENING_WAVE_DETECTOR_H_
#define THREADLINE_SRC_LISTENING_WAVE_DETECTOR_H_

#include <array>
#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "absl/time/time.h"
#include "threadline/listening.h"

namespace threadline::listening {

// Upper tail of the Poisson distribution: P(X >= k) for mean `mean`.
double PoissonTail(int k, double mean);

class WaveDetector {
 public:
  explicit WaveDetector(const ListeningOptions& options);

  // The key of a topic's negative volume (by its ordinal), a channel's,
  // and a topic's whole volume (watched, never alerted on: the usual level
  // incidents are measured against).
  static uint32_t TopicKey(uint32_t topic) { return topic << 2; }
  static uint32_t ChannelKey(Channel channel) {
    return (static_cast<uint32_t>(channel) << 2) | 1;
  }
  static uint32_t TopicVolumeKey(uint32_t topic) { return (topic << 2) | 2; }

  // ObserveInbound: every inbound message, negative or not, shapes the day.
  void ObserveInbound(absl::Time at);

  // OnNegative: one (negative, but for volume keys any) inbound message (interaction ordinal `index`,
  // from `customer`) under `key`. Appends to *raised the alert it tips, if
  // any, with `topic_name` and samples filled by `sample(index)`. A window
  // counts customers, not messages: one customer's burst of chat lines is
  // not a wave.
  void OnNegative(uint32_t key, uint32_t index, uint32_t customer,
                  absl::Time at, Channel channel,
                  std::string_view topic_name,
                  absl::FunctionRef<AlertSample(uint32_t)> sample,
                  std::vector<Alert>* raised);

  // Expected: the usual count of negative messages under `key` in a window
  // of `window` around `at`.
  double Expected(uint32_t key, absl::Time at, absl::Duration window) const;

  // Learning: less traffic than ListeningOptions::learning_period seen so
  // far; no alert is raised (and no incident seeded) yet.
  bool Learning() const;

  // Surging: whether `key` is in an alert period now (its volume far above
  // the usual level, and not back to normal for alert_cooldown).
  bool Surging(uint32_t key) const;
  // AnySurging: whether any topic or channel is in an alert period now.
  bool AnySurging() const;

  // ApproximateBytes: the heap the detector holds (its windows), counted
  // from container capacities.
  size_t ApproximateBytes() const;

 private:
  struct Entry {
    absl::Time at;
    uint32_t index;
    uint32_t customer;
    Channel channel;
  };
  struct KeyState {
    std::deque<Entry> window;  // sorted by time
    // Entries in `window` per customer: the window's count of customers,
    // kept as messages come and go rather than recounted for each one.
    absl::flat_hash_map<uint32_t, uint32_t> customers;
    double baseline = 0;       // negatives outside alert periods
    bool alerting = false;
    absl::Time last_hot = absl::InfinitePast();
    absl::Time alert_started = absl::InfinitePast();
    double excluded = 0;  // counts kept out of the baseline by the alert
  };

  // A window's length in hours and its half, worked out once for the two
  // windows Expected is asked about (Duration arithmetic is a library call).
  struct WindowSpan {
    absl::Duration window;
    double hours;
    absl::Duration half;
  };
  static WindowSpan SpanOf(absl::Duration window) {
    return {window, absl::ToDoubleHours(window), window / 2};
  }

  double Shape(absl::Time at) const;
  void SetAlerting(uint32_t key, KeyState& k, bool alerting);

  const ListeningOptions options_;
  const WindowSpan alert_span_;
  const WindowSpan incident_span_;
  // By key. Keys are small and dense (topic and channel ordinals times
  // four), so a look-up is an index rather than a hash.
  std::vector<std::unique_ptr<KeyState>> keys_;
  const KeyState* Find(uint32_t key) const {
    return key < keys_.size() ? keys_[key].get() : nullptr;
  }
  std::array<double, 24> by_hour_{};  // inbound per hour of the day
  double inbound_ = 0;
  absl::Time first_ = absl::InfiniteFuture();
  absl::Time last_ = absl::InfinitePast();
  // Of first_ and last_, kept as they change rather than worked out for
  // every message: hours between them (0 before two messages), and whether
  // they span less than the learning period.
  double hours_observed_ = 0;
  bool learning_ = true;
  int alerts_ = 0;
  int surging_keys_ = 0;  // topic and channel keys in an alert period
};

}  // namespace threadline::listening

#endif  // THREADLINE_SRC_LISTENING_WAVE_DETECTOR_H_
