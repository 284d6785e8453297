// DumpEngine: everything an engine answers through its public API, as text,
// so two engines can be compared whole (a restored one against the one it
// was saved from, a re-opened one against the one before the crash).
#ifndef THREADLINE_TESTS_ENGINE_ENGINE_DUMP_H_
#define THREADLINE_TESTS_ENGINE_ENGINE_DUMP_H_

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "threadline/engine.h"

namespace threadline::testing_dump {

inline std::string T(absl::Time t) { return absl::FormatTime(t); }

inline void DumpCustomer(const Customer& c, std::string* out) {
  absl::StrAppend(out, "customer ", c.id, " ", T(c.first_seen), " ",
                  T(c.last_seen), "\n");
  for (const CustomerIdentity& i : c.identities) {
    absl::StrAppend(out, "  id ", IdentityToString(i.identity), " ",
                    T(i.first_seen), " ", T(i.last_seen), " ",
                    i.evidence_interaction_id, " ", i.mentioned, "\n");
  }
  for (const std::string& n : c.display_names) absl::StrAppend(out, "  name ", n, "\n");
  for (const std::string& a : c.absorbed_ids) absl::StrAppend(out, "  absorbed ", a, "\n");
}

inline void DumpCase(const Case& c, std::string* out) {
  absl::StrAppend(out, "case ", c.id, " ", c.customer_id, " ",
                  std::string(CaseStatusName(c.status)), " ", T(c.opened_at), " ",
                  T(c.last_activity_at), " ", T(c.resolved_at), " ", c.topic);
  for (Channel ch : c.channels) absl::StrAppend(out, " ", std::string(ChannelName(ch)));
  for (const std::string& i : c.interaction_ids) absl::StrAppend(out, " ", i);
  for (const std::string& a : c.absorbed_ids) absl::StrAppend(out, " <", a);
  absl::StrAppend(out, "\n");
}

inline void DumpMerge(const MergeRecord& m, std::string* out) {
  absl::StrAppend(out, "merge ", m.id, " ", m.survivor_id, " ", m.absorbed_id,
                  " ", m.evidence_interaction_id, " ",
                  IdentityToString(m.evidence_identity), " ", T(m.at), " ",
                  m.undone, "\n");
}

// DumpEngine: customers c-1.., cases k-1.. (until `gap` ids in a row are
// unknown), their cases, timelines, merges and handoff contexts, the
// linkage of every id in `interaction_ids`, and the statistics.
inline std::string DumpEngine(const Engine& engine,
                              const std::vector<std::string>& interaction_ids,
                              int gap = 50) {
  std::string out;
  for (int n = 1, missing = 0; missing < gap; ++n) {
    const std::string id = absl::StrCat("c-", n);
    absl::StatusOr<Customer> c = engine.GetCustomer(id);
    if (!c.ok()) {
      ++missing;
      absl::StrAppend(&out, id, " ", c.status().ToString(), "\n");
      continue;
    }
    missing = 0;
    absl::StrAppend(&out, id, " -> ");
    DumpCustomer(*c, &out);
    if (c->id != id) continue;  // absorbed: the survivor is dumped once
    const absl::StatusOr<std::vector<Case>> cases = engine.CasesOf(id);
    const absl::StatusOr<std::vector<TimelineEntry>> timeline =
        engine.Timeline(id);
    const absl::StatusOr<std::vector<MergeRecord>> merges = engine.Merges(id);
    if (!cases.ok() || !timeline.ok() || !merges.ok()) {
      absl::StrAppend(&out, "  lookup failed\n");
      continue;
    }
    for (const Case& k : *cases) DumpCase(k, &out);
    for (const TimelineEntry& e : *timeline) {
      absl::StrAppend(&out, "  t ", e.interaction_id, " ", e.case_id, " ",
                      T(e.occurred_at), " ", std::string(ChannelName(e.channel)), " ",
                      e.text, "\n");
    }
    for (const MergeRecord& m : *merges) DumpMerge(m, &out);
  }
  for (int n = 1, missing = 0; missing < gap; ++n) {
    const std::string id = absl::StrCat("k-", n);
    absl::StatusOr<HandoffContext> ctx = engine.Context(id);
    if (!ctx.ok()) {
      ++missing;
      absl::StrAppend(&out, id, " ", ctx.status().ToString(), "\n");
      continue;
    }
    missing = 0;
    absl::StrAppend(&out, id, " -> ");
    DumpCase(ctx->case_info, &out);
    absl::StrAppend(&out, "  ", ctx->customer.id, " ", T(ctx->started_at), " ",
                    std::string(ChannelName(ctx->started_on)), " ",
                    absl::FormatDuration(ctx->waiting));
    for (const ContextMessage& m : ctx->last_messages) {
      absl::StrAppend(&out, " [", m.interaction_id, " ", m.agent_id, " ",
                      m.text, "]");
    }
    for (const std::string& o : ctx->other_open_cases) absl::StrAppend(&out, " ", o);
    absl::StrAppend(&out, "\n");
  }
  for (const std::string& id : interaction_ids) {
    absl::StatusOr<Linkage> l = engine.LinkageOf(id);
    if (!l.ok()) {
      absl::StrAppend(&out, "L ", id, " ", l.status().ToString(), "\n");
    } else {
      absl::StrAppend(&out, "L ", id, " ", l->customer_id, " ", l->case_id,
                      " ", std::string(LinkReasonName(l->reason)), " ", l->continued, "\n");
    }
  }
  const EngineStats s = engine.Stats();
  absl::StrAppend(&out, "stats ", s.interactions, " ", s.customers, " ",
                  s.cases, " ", s.identities, " ", s.merges, " ",
                  s.shared_identities, "\n");
  return out;
}

}  // namespace threadline::testing_dump

#endif  // THREADLINE_TESTS_ENGINE_ENGINE_DUMP_H_
