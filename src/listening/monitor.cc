#include "listening/monitor.h"

#include <algorithm>
#include <utility>

namespace threadline::listening {

Monitor::Monitor(MonitorOptions options)
    : options_(std::move(options)),
      waves_(options_.listening),
      incidents_(options_.listening) {}

void Monitor::OnLinked(const Linked& in,
                       absl::FunctionRef<AlertSample(uint32_t)> sample,
                       absl::FunctionRef<CaseView(uint32_t)> view) {
  if (in.direction != Direction::kInbound) return;
  waves_.ObserveInbound(in.at);
  if (in.topic != 0) {
    waves_.OnNegative(WaveDetector::TopicVolumeKey(in.topic), in.index,
                      in.customer, in.at, in.channel, in.topic_name, sample,
                      &alerts_);
  }
  const bool negative = in.sentiment.has_value()
                            ? *in.sentiment <= kNegativeScore
                            : !options_.sentiment;
  if (negative) {
    if (in.topic != 0) {
      waves_.OnNegative(WaveDetector::TopicKey(in.topic), in.index,
                        in.customer, in.at,
                        in.channel, in.topic_name, sample, &alerts_);
    }
    waves_.OnNegative(WaveDetector::ChannelKey(in.channel), in.index,
                      in.customer, in.at,
                      in.channel, in.topic_name, sample, &alerts_);
  }
  if (!options_.listening.incidents || in.text.empty()) return;
  std::vector<uint64_t> words = ContentWords(in.text);
  if (words.empty()) return;
  if (in.topic != 0) {
    words.push_back(TopicTerm(in.topic_name));
    std::sort(words.begin(), words.end());
  }
  terms_.Add(words);
  Report r;
  r.index = in.index;
  r.case_id = in.case_id;
  r.customer = in.customer;
  r.at = in.at;
  r.channel = in.channel;
  r.topic = in.topic;
  r.terms = terms_.Weigh(words);
  r.signature = SignatureOf(r.terms);
  const absl::Duration window = options_.listening.incident_window;
  // While the usual levels are being learnt, nothing is far above them.
  if (waves_.Learning()) return;
  incidents_.OnReport(
      std::move(r), view,
      [this, window](uint32_t topic, absl::Time at) {
        return topic == 0 ? 0.0
                          : waves_.Expected(WaveDetector::TopicVolumeKey(topic),
                                            at, window);
      },
      [this](uint32_t topic) {
        return topic == 0 ? waves_.AnySurging()
                          : waves_.Surging(WaveDetector::TopicKey(topic));
      });
}

}  // namespace threadline::listening
