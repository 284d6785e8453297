#include "listening/wave_detector.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "threadline/guard.h"

namespace threadline::listening {
namespace {

// Pseudo-counts per hour-of-day bin: the day's shape needs several days of
// traffic before it departs from flat.
constexpr double kShapePrior = 24.0;
// A quiet hour is not infinitely quiet: the shape never scales the usual
// level below this share of the mean, so night does not make the detector
// jumpy.
constexpr double kMinShape = 0.3;
constexpr double kMaxShape = 4.0;
constexpr size_t kSamples = 5;
constexpr size_t kSampleChars = 280;

int HourOfDay(absl::Time t) {
  const int64_t s = absl::ToUnixSeconds(t);
  return static_cast<int>(((s % 86400) + 86400) % 86400 / 3600);
}

std::string Clip(std::string text) {
  if (text.size() <= kSampleChars) return text;
  size_t cut = kSampleChars;
  // Never cut inside a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  text.resize(cut);
  return text + "…";
}

}  // namespace

double PoissonTail(int k, double mean) {
  if (k <= 0) return 1.0;
  if (mean <= 0) return 0.0;
  // Sum the pmf from k upward in log space; terms fall fast past the mean.
  double sum = 0;
  const double log_mean = std::log(mean);
  for (int j = k; j < k + 400; ++j) {
    const double term = std::exp(j * log_mean - mean - std::lgamma(j + 1.0));
    sum += term;
    if (j > mean && term < sum * 1e-12) break;
  }
  return std::min(1.0, sum);
}

WaveDetector::WaveDetector(const ListeningOptions& options)
    : options_(options),
      alert_span_(SpanOf(options.alert_window)),
      incident_span_(SpanOf(options.incident_window)),
      learning_(last_ - first_ < options.learning_period) {}

void WaveDetector::ObserveInbound(absl::Time at) {
  by_hour_[HourOfDay(at)] += 1;
  inbound_ += 1;
  if (at >= first_ && at <= last_) return;
  first_ = std::min(first_, at);
  last_ = std::max(last_, at);
  const absl::Duration span = last_ - first_;
  hours_observed_ = last_ <= first_ ? 0 : absl::ToDoubleHours(span);
  learning_ = span < options_.learning_period;
}

bool WaveDetector::Learning() const { return learning_; }

bool WaveDetector::Surging(uint32_t key) const {
  const KeyState* k = Find(key);
  return k != nullptr && k->alerting;
}

void WaveDetector::SetAlerting(uint32_t key, KeyState& k, bool alerting) {
  if (k.alerting == alerting) return;
  k.alerting = alerting;
  // Volume keys are yardsticks, never surges of complaints.
  if ((key & 3) != 2) surging_keys_ += alerting ? 1 : -1;
}

bool WaveDetector::AnySurging() const { return surging_keys_ > 0; }

double WaveDetector::Shape(absl::Time at) const {
  const double mean_bin = inbound_ / 24.0;
  const double shape =
      (by_hour_[HourOfDay(at)] + kShapePrior) / (mean_bin + kShapePrior);
  return std::clamp(shape, kMinShape, kMaxShape);
}

double WaveDetector::Expected(uint32_t key, absl::Time at,
                              absl::Duration window) const {
  const KeyState* k = Find(key);
  const double baseline = k == nullptr ? 0 : k->baseline;
  const double rate =
      (baseline + options_.prior_per_hour * options_.prior_hours) /
      (hours_observed_ + options_.prior_hours);
  const WindowSpan span = window == alert_span_.window      ? alert_span_
                          : window == incident_span_.window ? incident_span_
                                                            : SpanOf(window);
  // The shape at the middle of the window.
  return rate * span.hours * Shape(at - span.half);
}

void WaveDetector::OnNegative(uint32_t key, uint32_t index, uint32_t customer,
                              absl::Time at,
                              Channel channel, std::string_view topic_name,
                              absl::FunctionRef<AlertSample(uint32_t)> sample,
                              std::vector<Alert>* raised) {
  if (key >= keys_.size()) keys_.resize(key + 1);
  if (keys_[key] == nullptr) keys_[key] = std::make_unique<KeyState>();
  KeyState& k = *keys_[key];
  const absl::Duration window = options_.alert_window;
  // Insert in time order (late messages are rare and near the end).
  const Entry entry{at, index, customer, channel};
  if (k.window.empty() || !(k.window.back().at > at)) {
    k.window.push_back(entry);
  } else {
    auto pos = k.window.end();
    while (pos != k.window.begin() && std::prev(pos)->at > at) --pos;
    k.window.insert(pos, entry);
  }
  // The message adds to the usual level only when its customer is new to
  // the window.
  const bool repeat = k.customers[customer]++ > 0;
  const absl::Time newest = k.window.back().at;
  const absl::Time oldest_kept = newest - window;  // exclusive
  while (!k.window.empty() && k.window.front().at <= oldest_kept) {
    auto it = k.customers.find(k.window.front().customer);
    if (--it->second == 0) k.customers.erase(it);
    k.window.pop_front();
  }
  const int count = static_cast<int>(k.customers.size());
  // The window ends at the newest message: a late one is judged by the
  // window as it stands now, against the usual level of now. Only a key in
  // an alert period, or with customers enough to tip one, reads it: below
  // alert_min_volume the window is not hot whatever the usual level.
  const double expected = k.alerting || count >= options_.alert_min_volume
                              ? Expected(key, newest, window)
                              : 0.0;
  const bool hot = count >= options_.alert_min_volume &&
                   count >= options_.alert_min_ratio * expected;
  if (k.alerting) {
    // Counts of a wave stay out of the usual level, as long as it is a
    // wave: a level that stays up for max_wave is the new usual one.
    if (count >= options_.alert_min_ratio * expected) k.last_hot = at;
    if (at - k.alert_started >= options_.max_wave) {
      k.baseline += k.excluded;
      k.excluded = 0;
      SetAlerting(key, k, false);
      // Hot again at once would be the same surge: it needs a cooldown.
      k.last_hot = at;
    } else if (at - k.last_hot >= options_.alert_cooldown) {
      SetAlerting(key, k, false);
    }
    if (k.alerting) {
      if (!repeat) k.excluded += 1;
      return;
    }
  }
  if (!repeat) k.baseline += 1;
  if (!hot || Learning() || at - k.last_hot < options_.alert_cooldown ||
      PoissonTail(count, expected) > options_.alert_max_probability) {
    return;
  }
  SetAlerting(key, k, true);
  k.last_hot = at;
  k.alert_started = at;
  // The wave's own messages leave the usual level too.
  const double taken = std::min(k.baseline, static_cast<double>(count));
  k.baseline -= taken;
  k.excluded = taken;
  if (!options_.alerts || (key & 3) == 2) return;

  Alert a;
  a.id = absl::StrCat("a-", ++alerts_);
  a.scope = (key & 3) == 1 ? AlertScope::kChannel : AlertScope::kTopic;
  if (a.scope == AlertScope::kTopic) {
    a.topic = std::string(topic_name);
  } else {
    a.channel = static_cast<Channel>(key >> 2);
  }
  a.raised_at = at;
  a.window = window;
  a.count = count;
  a.expected = expected;
  a.per_hour = count / absl::ToDoubleHours(window);
  a.first_at = absl::InfiniteFuture();
  std::array<int, kChannelCount> per_channel{};
  absl::flat_hash_set<uint32_t> described;
  for (const Entry& e : k.window) {
    if (e.at <= at - window || e.at > at || !described.insert(e.customer).second) {
      continue;
    }
    a.first_at = std::min(a.first_at, e.at);
    ++per_channel[static_cast<size_t>(e.channel)];
    if (IsPublicChannel(e.channel)) ++a.public_count;
    if (a.samples.size() < kSamples) {
      AlertSample s = sample(e.index);
      s.text = Clip(std::move(s.text));
      a.samples.push_back(std::move(s));
    }
  }
  for (int c = 0; c < kChannelCount; ++c) {
    if (per_channel[c] > 0) {
      const Channel ch = static_cast<Channel>(c);
      a.channels.push_back({ch, per_channel[c], IsPublicChannel(ch)});
    }
  }
  std::stable_sort(a.channels.begin(), a.channels.end(),
                   [](const AlertChannel& x, const AlertChannel& y) {
                     return x.count > y.count;
                   });
  raised->push_back(std::move(a));
}

}  // namespace threadline::listening
