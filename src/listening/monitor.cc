#include "listening/monitor.h"

#include <utility>
#include <vector>

#include "absl/types/span.h"

namespace threadline::listening {

Monitor::Monitor(MonitorOptions options)
    : options_(std::move(options)),
      waves_(options_.listening),
      incidents_(options_.listening) {}

uint64_t Monitor::TopicTermOf(const Linked& in) {
  if (in.topic >= topic_terms_.size()) topic_terms_.resize(in.topic + 1, 0);
  uint64_t& term = topic_terms_[in.topic];
  // 0 marks "not yet": a name whose term is 0 is merely recomputed.
  if (term == 0) term = TopicTerm(in.topic_name);
  return term;
}

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
  std::vector<uint64_t> read;
  if (in.content_words == nullptr) read = ContentWords(in.text);
  const std::vector<uint64_t>& words =
      in.content_words != nullptr ? *in.content_words : read;
  if (words.empty()) return;
  // The message's terms: its words and, in order among them, its topic's.
  uint64_t terms[kMaxWords + 1];
  size_t n = 0;
  const uint64_t topic_term = in.topic != 0 ? TopicTermOf(in) : 0;
  bool topic_placed = in.topic == 0;
  for (uint64_t w : words) {
    if (!topic_placed && topic_term < w) {
      terms[n++] = topic_term;
      topic_placed = true;
    }
    terms[n++] = w;
  }
  if (!topic_placed) terms[n++] = topic_term;
  const absl::Span<const uint64_t> message(terms, n);
  // While the usual levels are being learnt, nothing is far above them:
  // the message only counts toward the words' frequencies.
  if (waves_.Learning()) {
    terms_.Add(message);
    return;
  }
  Report r;
  r.index = in.index;
  r.case_id = in.case_id;
  r.customer = in.customer;
  r.at = in.at;
  r.channel = in.channel;
  r.topic = in.topic;
  r.terms = terms_.AddAndWeigh(message);
  r.signature = SignatureOf(r.terms);
  const absl::Duration window = options_.listening.incident_window;
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
