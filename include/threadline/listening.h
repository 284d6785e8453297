// File: listening.h
// Social listening: early warning of a negative wave, and one answer to many
// customers with the same grievance.
//
// The engine scores the sentiment of every inbound interaction and watches
// the negative volume (customers with negative messages) of each topic and
// each channel over a sliding window.
// When a window holds far more than its usual level for that hour of the day
// it raises an Alert with its evidence. Open cases that report the same
// grievance at the same time (similar text in English or Spanish, the same
// topic, close in time) are grouped under an Incident, a problem case agents
// answer once (Engine::ReplyToIncident) and resolve once
// (Engine::ResolveIncident).
//
// Everything here is driven by the interactions' own times, never the wall
// clock, and rebuilt identically when the engine's events are replayed.
//
// Example:
//   class Pager : public threadline::AlertListener {
//     void OnAlert(const threadline::Alert& a) override { Page(a); }
//   };
//   threadline::EngineOptions options;
//   options.alert_listener = std::make_shared<Pager>();
//   ... ingest ...
//   for (const threadline::Incident& i : engine->Incidents()) {
//     threadline::IncidentReply reply;
//     reply.text = {{"en", "We know about the outage; engineers are on it."},
//                   {"es", "Sabemos de la falla; ya estamos trabajando."}};
//     reply.at = absl::Now();
//     auto sent = engine->ReplyToIncident(i.id, reply);
//   }
#ifndef THREADLINE_LISTENING_H_
#define THREADLINE_LISTENING_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/time.h"
#include "threadline/export.h"
#include "threadline/types.h"

namespace threadline {

// ListeningOptions: how sensitive the early warning and the grouping are.
// Validated by Engine::Open, which names a bad field.
struct ListeningOptions {
  // Raise alerts at all. Default: true.
  bool alerts = true;
  // The sliding window whose negative volume is compared with its usual
  // level. Default: 1 hour.
  absl::Duration alert_window = absl::Hours(1);
  // Fewest customers with negative messages in a window that may raise an
  // alert (a window counts customers, not messages: one customer's burst of
  // chat lines is no wave; nor is a handful of complaints). Default: 12.
  int alert_min_volume = 12;
  // The window must hold at least this many times its usual level.
  // Default: 4.
  double alert_min_ratio = 4.0;
  // ...and be this unlikely under the usual level (Poisson upper tail); the
  // smaller, the fewer alerts. Default: 1e-6.
  double alert_max_probability = 1e-6;
  // After an alert, the same topic or channel raises no other one until its
  // volume has been back to normal for this long. Default: 12 hours.
  absl::Duration alert_cooldown = absl::Hours(12);
  // The usual level assumed before any history, per hour, for one topic or
  // channel; it weighs as `prior_hours` of history, so the first day does
  // not cry wolf. Default: 2 per hour over 24 hours.
  double prior_per_hour = 2.0;
  double prior_hours = 24.0;
  // No alert and no incident until this much traffic has been seen: the
  // first hours teach the usual level (a big brand's first busy hour is no
  // wave). Default: 24 hours.
  absl::Duration learning_period = absl::Hours(24);
  // A surge that lasts longer than this is the new usual level, not a wave:
  // its counts join the usual level and the alert period ends (otherwise a
  // level that stays up would keep itself out of the usual level for ever).
  // Default: 24 hours.
  absl::Duration max_wave = absl::Hours(24);

  // Group cases into incidents automatically. Default: true.
  bool incidents = true;
  // Reports that state no matter seed an incident together when this
  // similar (0..1, cosine of their words weighted by rarity, English and
  // Spanish care words meeting on one concept); reports on one matter need
  // only share it. Default: 0.5.
  double seed_similarity = 0.5;
  // A report joins an active incident on its matter, or one whose reports
  // it resembles this much. Default: 0.25.
  double join_similarity = 0.25;
  // Fewest customers reporting within `incident_window` that make an
  // incident; they must also be far above the usual volume of their matter
  // (alert_min_ratio times it, and no likelier than alert_max_probability
  // under it). Default: 6.
  int incident_min_cases = 6;
  // How close in time the seeding reports must be. Default: 2 hours.
  absl::Duration incident_window = absl::Hours(2);
  // An incident takes new cases while the last case that joined it is at
  // most this old (follow-ups of its members keep coming for days; new
  // reporters stop when the wave is over). Default: 2 hours.
  absl::Duration incident_idle = absl::Hours(2);
};

// AlertScope: what an alert watches.
enum class AlertScope : uint8_t { kTopic = 0, kChannel = 1 };
THREADLINE_EXPORT std::string_view AlertScopeName(AlertScope scope);

// AlertSample: one of the messages behind an alert.
struct AlertSample {
  std::string interaction_id;
  absl::Time occurred_at;
  Channel channel = Channel::kUnspecified;
  std::string text;
};

// AlertChannel: how many of an alert's messages came on one channel.
struct AlertChannel {
  Channel channel = Channel::kUnspecified;
  int count = 0;
  bool is_public = false;
};

// Alert: negative volume well above its usual level. A plain value.
struct Alert {
  std::string id;  // "a-N", in the order raised
  AlertScope scope = AlertScope::kTopic;
  std::string topic;                        // kTopic: the topic watched
  Channel channel = Channel::kUnspecified;  // kChannel: the channel watched
  absl::Time raised_at;  // the time of the message that tipped it
  absl::Time first_at;   // the first negative message in the window
  absl::Duration window;
  int count = 0;          // customers with negative messages in the window
  double expected = 0;    // the usual level of such a window at that hour
  double per_hour = 0;    // the window's rate
  int public_count = 0;   // of `count`, on public channels
  std::vector<AlertChannel> channels;  // most first
  std::vector<AlertSample> samples;    // the first few, oldest first
};

// AlertListener: the host's receiver of alerts. OnAlert is called once per
// alert, after the ingest that raised it, on the ingesting thread and never
// while an engine lock is held (so it may call back into the engine).
// Implementations must be thread-safe when several threads ingest.
class THREADLINE_EXPORT AlertListener {
 public:
  virtual ~AlertListener();
  virtual void OnAlert(const Alert& alert) = 0;
};

enum class IncidentStatus : uint8_t { kOpen = 0, kResolved = 1 };
THREADLINE_EXPORT std::string_view IncidentStatusName(IncidentStatus status);

// Incident: open cases of many customers reporting one grievance at one
// time, answered and resolved once. A plain value.
struct Incident {
  std::string id;  // "i-N", in the order found
  IncidentStatus status = IncidentStatus::kOpen;
  std::string topic;                   // the commonest topic of its reports
  std::vector<std::string> case_ids;   // member cases (surviving ids), in order joined
  std::vector<std::string> customer_ids;
  absl::Time first_at;                 // its first report
  absl::Time last_at;                  // its latest report
  int reports = 0;                     // inbound reports that joined it
  std::vector<AlertChannel> channels;  // reports per channel, most first
  std::string sample_text;             // the report that seeded it
  std::vector<std::string> interaction_ids;  // of all member cases
};

// IncidentReply: one answer to every member of an incident.
struct IncidentReply {
  // The reply by language ("en", "es", ...); "" holds the fallback used for
  // a customer whose language has no entry. Required: at least one entry.
  std::map<std::string, std::string> text;
  // Wording for private channels (email, WhatsApp, chat, SMS, voice notes),
  // by language; falls back to `text`. A public post should not say what
  // only the customer should read.
  std::map<std::string, std::string> private_text;
  std::string agent_id;
  absl::Time at = absl::InfinitePast();  // required
  // Mark each reply RESOLVED, resolving every member case, and the incident.
  bool resolve = false;
  // Prefix of the reply interactions' ids; each is prefix + case id. A
  // retry with the same prefix is a no-op. Default: "<incident id>-<unix
  // seconds of at>-".
  std::string id_prefix;
};

// RenderReply: the text of `reply` for one customer on `channel`, in
// `language` (else the fallback, else English, else any), in public or
// private wording (public as IsPublicChannel in guard.h tells), cut at a word to the channel's length limit (Twitter 280,
// SMS 160, Instagram 1000; others none) including `mention` ("@handle "),
// which leads a public reply. Thread-safe.
THREADLINE_EXPORT std::string RenderReply(const IncidentReply& reply,
                                          Channel channel,
                                          std::string_view language,
                                          std::string_view mention);

// ChannelLengthLimit: the longest message `channel` takes, in characters;
// 0 for no limit.
THREADLINE_EXPORT int ChannelLengthLimit(Channel channel);

}  // namespace threadline

#endif  // THREADLINE_LISTENING_H_
