// What the engine shows of the listening stage: incidents, sentiment
// trends and incident replies, built from the State. Read-only helpers; the
// caller holds the engine's lock.
#ifndef THREADLINE_SRC_ENGINE_LISTENING_VIEW_H_
#define THREADLINE_SRC_ENGINE_LISTENING_VIEW_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "engine/ids.h"
#include "engine/state.h"
#include "threadline/listening.h"
#include "threadline/types.h"

namespace threadline::engine {

inline std::string IncidentIdString(uint32_t n) { return OrdinalId('i', n); }
inline std::optional<uint32_t> ParseIncidentId(std::string_view id) {
  return ParseOrdinalId('i', id);
}

// ValidateListening: InvalidArgument naming the bad field of `options`.
absl::Status ValidateListening(const ListeningOptions& options);

// The sentiment trend of a case's inbound messages, in time order.
SentimentTrend TrendOf(const State& state, continuity::CaseId root);

// The incident of a case (itself or any case it absorbed), or
// listening::kNoIncident.
uint32_t IncidentOfCase(const State& state, continuity::CaseId root);

// The surviving member cases of incident n, in order joined, once each.
std::vector<continuity::CaseId> MemberRoots(const State& state, uint32_t n);

Incident BuildIncident(const State& state, uint32_t n);

// One reply per open member case that can be reached: on the channel of the
// customer's latest inbound message there, answering it, to the customer's
// identity for that channel, worded by RenderReply. Ids are `prefix` + the
// case id.
std::vector<Interaction> IncidentReplies(const State& state, uint32_t n,
                                         const IncidentReply& reply,
                                         std::string_view prefix);

}  // namespace threadline::engine

#endif  // THREADLINE_SRC_ENGINE_LISTENING_VIEW_H_
