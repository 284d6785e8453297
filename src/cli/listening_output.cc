#include "cli/listening_output.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/time.h"
#include "cli/io.h"
#include "jsonl/jsonl.h"

namespace threadline::cli {
namespace {

// This Abseil keeps absl::string_view apart from std::string_view.
absl::string_view Sv(std::string_view s) { return {s.data(), s.size()}; }

std::string Rfc3339(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", t, absl::UTCTimeZone());
}

void AppendChannels(const std::vector<AlertChannel>& channels,
                    std::string* out) {
  out->append("[");
  for (size_t i = 0; i < channels.size(); ++i) {
    absl::StrAppend(out, i ? ", " : "", "{\"channel\": \"",
                    Sv(ChannelName(channels[i].channel)), "\", \"count\": ",
                    channels[i].count, ", \"public\": ",
                    channels[i].is_public ? "true" : "false", "}");
  }
  out->append("]");
}

void AppendStrings(const std::vector<std::string>& items, std::string* out) {
  out->append("[");
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out->append(", ");
    jsonl::AppendJsonString(items[i], out);
  }
  out->append("]");
}

}  // namespace

void AppendAlertJson(const Alert& a, std::string* out) {
  absl::StrAppend(out, "{\"alert_id\": \"", a.id, "\", \"scope\": \"",
                  Sv(AlertScopeName(a.scope)), "\", \"topic\": ");
  jsonl::AppendJsonString(a.topic, out);
  absl::StrAppend(
      out, ", \"channel\": \"",
      a.scope == AlertScope::kChannel ? Sv(ChannelName(a.channel)) : "",
      "\", \"raised_at\": \"", Rfc3339(a.raised_at), "\", \"first_at\": \"",
      Rfc3339(a.first_at), "\", \"window_minutes\": ",
      absl::ToInt64Minutes(a.window), ", \"count\": ", a.count,
      absl::StrFormat(", \"expected\": %.3f, \"per_hour\": %.1f", a.expected,
                      a.per_hour),
      ", \"public_count\": ", a.public_count, ", \"channels\": ");
  AppendChannels(a.channels, out);
  out->append(", \"samples\": [");
  for (size_t i = 0; i < a.samples.size(); ++i) {
    const AlertSample& s = a.samples[i];
    absl::StrAppend(out, i ? ", " : "", "{\"interaction_id\": ");
    jsonl::AppendJsonString(s.interaction_id, out);
    absl::StrAppend(out, ", \"occurred_at\": \"", Rfc3339(s.occurred_at),
                    "\", \"channel\": \"", Sv(ChannelName(s.channel)),
                    "\", \"text\": ");
    jsonl::AppendJsonString(s.text, out);
    out->append("}");
  }
  out->append("]}");
}

void AppendIncidentJson(const Incident& i, std::string* out) {
  absl::StrAppend(out, "{\"incident_id\": \"", i.id, "\", \"status\": \"",
                  Sv(IncidentStatusName(i.status)), "\", \"topic\": ");
  jsonl::AppendJsonString(i.topic, out);
  absl::StrAppend(out, ", \"first_at\": \"", Rfc3339(i.first_at),
                  "\", \"last_at\": \"", Rfc3339(i.last_at),
                  "\", \"reports\": ", i.reports, ", \"cases\": ");
  AppendStrings(i.case_ids, out);
  out->append(", \"customers\": ");
  AppendStrings(i.customer_ids, out);
  out->append(", \"channels\": ");
  AppendChannels(i.channels, out);
  out->append(", \"sample_text\": ");
  jsonl::AppendJsonString(i.sample_text, out);
  out->append(", \"interaction_ids\": ");
  AppendStrings(i.interaction_ids, out);
  out->append("}");
}

std::string ListeningSummary(const std::vector<Alert>& alerts,
                             const std::vector<Incident>& incidents) {
  std::string out = absl::StrFormat("  alerts           %d\n", alerts.size());
  for (const Alert& a : alerts) {
    absl::StrAppend(
        &out,
        absl::StrFormat(
            "    %-5s %s %-8s %-18s %3d customers negative in %dm (usual %.1f), %d on "
            "public channels\n",
            a.id, absl::FormatTime("%Y-%m-%d %H:%M", a.raised_at,
                                   absl::UTCTimeZone()),
            std::string(Sv(AlertScopeName(a.scope))),
            a.scope == AlertScope::kTopic ? Clip(a.topic, 40)
                                          : std::string(ChannelName(a.channel)),
            a.count, absl::ToInt64Minutes(a.window), a.expected,
            a.public_count));
  }
  absl::StrAppend(&out, absl::StrFormat("  incidents        %d\n",
                                        incidents.size()));
  for (const Incident& i : incidents) {
    const std::string sample = Clip(i.sample_text, 60);
    absl::StrAppend(
        &out, absl::StrFormat(
                  "    %-5s %s %-8s %-14s %4d cases, %4d reports: \"%s\"\n",
                  i.id,
                  absl::FormatTime("%Y-%m-%d %H:%M", i.first_at,
                                   absl::UTCTimeZone()),
                  std::string(Sv(IncidentStatusName(i.status))),
                  Clip(i.topic, 40),
                  i.case_ids.size(), i.reports, sample));
  }
  return out;
}

}  // namespace threadline::cli
