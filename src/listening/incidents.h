// IncidentBook: open cases of many customers reporting one grievance at one
// time, grouped under an incident.
//
// Reports (inbound messages with words) come in the order they are linked.
// A report joins the active incident it fits best: one on the same matter,
// or whose words it resembles (the incident's centroid, or one of its
// exemplar reports), in English or Spanish. An incident is active while new
// cases keep joining it within the idle time, and takes only cases that
// began with its wave, not long before. A report that fits none waits in a
// pool of recent reports on its topic; when enough reports of different
// customers within the incident window share that topic (or, with no topic,
// resemble each other), and they are far above the topic's usual volume
// (several times it, and unlikely under it), they seed a new incident.
// Cases a host took out of an incident never join one automatically again.
// The same reports in the same order give the same incidents.
//
// Thread-compatible.
#ifndef THREADLINE_SRC_LISTENING_INCIDENTS_H_
#define THREADLINE_SRC_LISTENING_INCIDENTS_H_

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/functional/function_ref.h"
#include "absl/time/time.h"
#include "listening/terms.h"
#include "threadline/listening.h"

namespace threadline::listening {

inline constexpr uint32_t kNoIncident = ~uint32_t{0};

struct Report {
  uint32_t index = 0;     // interaction ordinal
  uint32_t case_id = 0;   // root case ordinal when linked
  uint32_t customer = 0;  // customer (base ordinal) when linked
  // While the report waits: the first `compared_exemplars` exemplars of
  // incident `compared_with` did not bring it in. Exemplars are only ever
  // added, so the next sweep for that incident need not weigh them again.
  uint32_t compared_with = ~uint32_t{0};
  absl::Time at;
  Channel channel = Channel::kUnspecified;
  uint8_t compared_exemplars = 0;
  uint32_t topic = 0;     // topic ordinal, 0 for none
  TermVector terms;
  TermSignature signature;  // of terms
};

// What the book needs to know of a case when a report comes.
struct CaseView {
  bool open = false;
  absl::Time opened_at;
};

// A distinct member report kept to compare newcomers with, and what rules
// most of them out without a cosine.
struct Exemplar {
  TermVector terms;
  TermSignature signature;  // of terms
  float max_weight = 0;     // of terms
};

struct IncidentRecord {
  IncidentStatus status = IncidentStatus::kOpen;
  std::vector<uint32_t> cases;  // case ordinals, in order joined
  absl::Time first_at = absl::InfiniteFuture();
  absl::Time last_at = absl::InfinitePast();
  absl::Time last_new_at = absl::InfinitePast();  // a new case last joined
  std::deque<absl::Time> joined;  // when new cases joined, latest last
  absl::Time resolved_at = absl::InfinitePast();
  int reports = 0;
  std::array<int, kChannelCount> per_channel{};
  absl::flat_hash_map<uint32_t, int> topics;  // reports per topic ordinal
  // The topic most reports name (the lowest ordinal on a tie), 0 for none,
  // and its count: kept as reports join (counts only grow) rather than
  // found in `topics` for every report compared with the incident.
  uint32_t dominant_topic = 0;
  int dominant_count = 0;
  uint32_t seed_index = ~uint32_t{0};         // interaction that seeded it
  bool by_hand = false;                       // opened by a host
  TermVector sum;       // of member reports' vectors
  TermVector centroid;  // sum, normalized
  std::vector<Exemplar> exemplars;
};

class IncidentBook {
 public:
  explicit IncidentBook(const ListeningOptions& options);

  // OnReport: one report. `view(c)` describes root case c;
  // `usual(topic, at)` is the usual negative volume of the topic in an
  // incident window around `at`; `surging(topic)` says whether the early
  // warning sees the topic's negative volume far above its usual level now
  // (for topic 0, any topic's or channel's): a group seeds an incident only
  // then.
  void OnReport(Report report, absl::FunctionRef<CaseView(uint32_t)> view,
                absl::FunctionRef<double(uint32_t, absl::Time)> usual,
                absl::FunctionRef<bool(uint32_t)> surging);

  // By hand: adds a case to an incident (incident == size() opens one);
  // removes one (it then never joins automatically); resolves one.
  void Add(uint32_t incident, uint32_t case_id, absl::Time at);
  void Remove(uint32_t incident, uint32_t case_id);
  void Resolve(uint32_t incident, absl::Time at);

  const std::vector<IncidentRecord>& incidents() const { return incidents_; }
  // The incident a case ordinal was put in, or kNoIncident.
  uint32_t IncidentOf(uint32_t case_id) const;

  // DominantTopic: the topic most of an incident's reports name (the
  // lowest ordinal on a tie), 0 for none.
  static uint32_t DominantTopic(const IncidentRecord& incident) {
    return incident.dominant_topic;
  }

  // ApproximateBytes: the heap the book holds (incidents, waiting
  // reports, memberships), counted from container capacities.
  size_t ApproximateBytes() const;

 private:
  void Join(uint32_t incident, const Report& r);
  // Counts one more report on `topic` (not 0) in *i, and its dominant one.
  static void CountTopic(uint32_t topic, IncidentRecord* i);
  // Whether an incident still takes new cases at `at`; `usual(topic, at)`
  // is the usual volume of a matter in an incident window, asked only of
  // an incident that passes the cheaper tests.
  bool Active(const IncidentRecord& incident, absl::Time at,
              absl::FunctionRef<double(uint32_t, absl::Time)> usual) const;
  // Whether the case of `r` began recently enough to report a wave that
  // began at `wave_start` (a case opened long before is another matter).
  bool Fresh(const CaseView& c, absl::Time wave_start) const;
  // How well report `r` of case `c` fits an active incident; 0: not at all.
  float Fit(const IncidentRecord& incident, const Report& r,
            const CaseView& c) const;
  // Fit's parts: whether `r` names the incident's matter (then it fits
  // whatever its words), and else how well its words fit, comparing it
  // with the incident's exemplars from `from` on.
  static bool SameMatter(const IncidentRecord& incident, const Report& r);
  float WordFit(const IncidentRecord& incident, const Report& r,
                size_t from) const;
  // TakesWaiting: whether Fit(incidents_[n], *r, c) > 0 for a waiting
  // report, weighing its words only when that depends on them, and against
  // only the exemplars it was not weighed against yet.
  bool TakesWaiting(uint32_t n, Report* r, const CaseView& c);
  // Reaches: whether exemplar `e` has a cosine of at least `least` (above
  // 0) with report `r`, its bound telling most exemplars apart without
  // their cosine.
  static bool Reaches(const Exemplar& e, const Report& r, double least) {
    return Reaches(e.terms, e.signature, e.max_weight, r, least);
  }
  // Reaches: the same for a vector `v` of that signature and largest
  // weight (or more).
  static bool Reaches(const TermVector& v, const TermSignature& signature,
                      float max_weight, const Report& r, double least);
  // Resemblance: how close report `r` is to an incident, comparing it with
  // the incident's exemplars from `from` on.
  float Resemblance(const IncidentRecord& incident, const Report& r,
                    size_t from = 0) const;

  // Groups: whether waiting report `p` belongs in the group that report
  // `r`, on p's topic, would seed.
  bool Groups(const Report& p, const Report& r,
              absl::FunctionRef<CaseView(uint32_t)> view) const;
  // TakeWaiting: the waiting reports, of any topic, that fit incident `n`
  // join it and leave their pools.
  void TakeWaiting(uint32_t n, absl::FunctionRef<CaseView(uint32_t)> view);

  const ListeningOptions options_;
  std::vector<IncidentRecord> incidents_;
  // Puts a case in an incident, unless it is in one: whether it was not.
  bool AddMember(uint32_t case_id, uint32_t incident);

  absl::flat_hash_map<uint32_t, uint32_t> member_of_;  // case → incident
  // By case ordinal: whether member_of_ ever held the case (up to a bound,
  // see incidents.cc). Most reports come from cases in no incident, which
  // one bit tells at once, where the map of many cases would be probed.
  std::vector<bool> ever_member_;
  absl::flat_hash_set<uint32_t> excluded_;             // removed by hand
  // Recent reports in no incident, per topic, in the order linked. Ordered
  // by topic: sweeping the pools joins reports in this order, which must
  // not depend on a hash seed for replay to rebuild the same incidents.
  std::map<uint32_t, std::deque<Report>> pools_;
  std::vector<uint32_t> active_;  // incidents that may still take cases
  TermVector scratch_;            // for AddInto, kept to keep its capacity
};

}  // namespace threadline::listening

#endif  // THREADLINE_SRC_LISTENING_INCIDENTS_H_
