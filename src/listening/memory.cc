// How much the listening stage holds on the heap, counted from container
// capacities: for the engine's memory budget and its benchmarks. Allocator
// overhead (a few bytes per allocation) is left out; node-based containers
// count their nodes.
#include <cstddef>

#include "listening/incidents.h"
#include "listening/monitor.h"
#include "listening/terms.h"
#include "listening/wave_detector.h"

namespace threadline::listening {
namespace {

// A flat hash map or set: one slot and one control byte per bucket.
template <typename Container>
size_t FlatBytes(const Container& c) {
  return c.capacity() * (sizeof(typename Container::slot_type) + 1);
}

template <typename T>
size_t VectorBytes(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

// A deque holds its elements in 512-byte blocks (libstdc++), plus a map of
// block pointers.
template <typename T>
size_t DequeBytes(const std::deque<T>& d) {
  constexpr size_t kBlock = sizeof(T) < 512 ? 512 / sizeof(T) : 1;
  const size_t blocks = d.size() / kBlock + 1;
  return blocks * kBlock * sizeof(T) + (blocks + 8) * sizeof(T*);
}

size_t TermVectorBytes(const TermVector& v) { return VectorBytes(v); }

}  // namespace

size_t TermIndex::ApproximateBytes() const { return FlatBytes(df_); }

size_t WaveDetector::ApproximateBytes() const {
  size_t bytes = VectorBytes(keys_);
  for (const auto& k : keys_) {
    if (k == nullptr) continue;
    bytes += sizeof(*k) + DequeBytes(k->window) + FlatBytes(k->customers);
  }
  return bytes;
}

size_t IncidentBook::ApproximateBytes() const {
  size_t bytes = VectorBytes(incidents_) + FlatBytes(member_of_) +
                 ever_member_.capacity() / 8 +
                 FlatBytes(excluded_) + VectorBytes(active_) +
                 TermVectorBytes(scratch_);
  for (const IncidentRecord& i : incidents_) {
    bytes += VectorBytes(i.cases) + DequeBytes(i.joined) + FlatBytes(i.topics) +
             TermVectorBytes(i.sum) + TermVectorBytes(i.centroid) +
             VectorBytes(i.exemplars);
    for (const Exemplar& e : i.exemplars) bytes += TermVectorBytes(e.terms);
  }
  for (const auto& [topic, pool] : pools_) {
    // A std::map node: the pair and three pointers and a color.
    bytes += sizeof(pool) + sizeof(topic) + 4 * sizeof(void*);
    bytes += DequeBytes(pool);
    for (const Report& r : pool) bytes += TermVectorBytes(r.terms);
  }
  return bytes;
}

Monitor::Memory Monitor::ApproximateMemory() const {
  Memory m;
  m.waves = waves_.ApproximateBytes();
  m.terms = terms_.ApproximateBytes() + VectorBytes(topic_terms_);
  m.incidents = incidents_.ApproximateBytes();
  m.alerts = VectorBytes(alerts_);
  for (const Alert& a : alerts_) {
    m.alerts += a.id.capacity() + a.topic.capacity() + VectorBytes(a.channels) +
                VectorBytes(a.samples);
    for (const AlertSample& s : a.samples) {
      m.alerts += s.interaction_id.capacity() + s.text.capacity();
    }
  }
  return m;
}

}  // namespace threadline::listening
