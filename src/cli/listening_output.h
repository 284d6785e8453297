// What `threadline link` reports of social listening: alerts and incidents
// as JSON Lines, and their lines in the summary.
#ifndef THREADLINE_SRC_CLI_LISTENING_OUTPUT_H_
#define THREADLINE_SRC_CLI_LISTENING_OUTPUT_H_

#include <string>
#include <vector>

#include "threadline/listening.h"

namespace threadline::cli {

// {"alert_id": "a-1", "scope": "TOPIC", "topic": …, "channel": …,
//  "raised_at": …, "first_at": …, "window_minutes": 60, "count": 31,
//  "expected": 0.8, "per_hour": 31, "public_count": 24,
//  "channels": [{"channel": "TWITTER", "count": 12, "public": true}, …],
//  "samples": [{"interaction_id": …, "occurred_at": …, "channel": …,
//               "text": …}, …]}
void AppendAlertJson(const Alert& alert, std::string* out);

// {"incident_id": "i-1", "status": "OPEN", "topic": …, "first_at": …,
//  "last_at": …, "reports": 140, "cases": [...], "customers": [...],
//  "channels": [...], "sample_text": …, "interaction_ids": [...]}
// interaction_ids lists every interaction of every member case, so a
// scorer can compare pairs of interactions directly.
void AppendIncidentJson(const Incident& incident, std::string* out);

// The summary's lines: how many alerts and incidents, and each in brief.
std::string ListeningSummary(const std::vector<Alert>& alerts,
                             const std::vector<Incident>& incidents);

}  // namespace threadline::cli

#endif  // THREADLINE_SRC_CLI_LISTENING_OUTPUT_H_
