// `threadline link`: Interaction JSON Lines in, one linkage per line out, and
// a journey summary on stderr.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/io.h"
#include "cli/link.h"
#include "cli/listening_output.h"
#include "threadline/engine.h"

namespace threadline::cli {
namespace {

constexpr char kUsage[] =
    "Usage: threadline link [--in FILE] [--out FILE] [--journal DIR]\n"
    "                       [--own-identity KIND:VALUE]...\n"
    "\n"
    "Reads Interaction JSON Lines (one interaction per line, as host systems\n"
    "export them) and writes one linkage per input line:\n"
    "  {\"interaction_id\": …, \"customer_id\": \"c-…\", \"case_id\": \"k-…\",\n"
    "   \"reason\": \"REPLY_TO\", \"continued\": true}\n"
    "Ids are those after the whole input was read: when a later line shows two\n"
    "customers are one person, earlier lines report the surviving id.\n"
    "Lines that cannot be read are reported on stderr with their number and\n"
    "skipped; everything else is still linked. A summary (customers, cases,\n"
    "cases that crossed channels, the commonest channel switches) goes to\n"
    "stderr, with a progress bar when stderr is a terminal.\n"
    "The summary also lists the alerts raised (negative volume of a topic\n"
    "or channel far above its usual level) and the incidents found (open\n"
    "cases of many customers reporting one grievance at once);\n"
    "--alerts-out and --incidents-out write them as JSON Lines, an incident\n"
    "line listing every interaction of its member cases.\n"
    "\n"
    "With --journal DIR the engine's state is kept in a journal in DIR (made\n"
    "when missing) and every line written out is on disk: a second run with\n"
    "the same DIR continues where the first stopped, so customers and cases\n"
    "carry over from one file to the next, and lines already linked (the\n"
    "same id and content) are not linked twice. Give the same --region and\n"
    "--own-identity flags on every run. At the end a snapshot is written so\n"
    "the next run opens quickly; 'threadline inspect DIR' shows what is there.\n"
    "\n"
    "Example:\n"
    "  threadline simulate --customers 2000 > journeys.jsonl\n"
    "  threadline link --in journeys.jsonl --out linkage.jsonl \\\n"
    "      --own-identity TWITTER:@AcmeCare --own-identity PHONE:+18005550199\n"
    "  threadline link --in monday.jsonl --journal state/ > monday-links.jsonl\n"
    "  threadline link --in tuesday.jsonl --journal state/ > tuesday-links.jsonl\n";

void PrintSummary(const LinkSummary& summary) {
  const EngineStats& stats = summary.stats;
  std::string out = absl::StrFormat(
      "threadline link: %d lines, %d linked, %d skipped in %.2f s (%.0f lines/s)\n"
      "  customers        %d\n"
      "  cases            %d\n"
      "  cross-channel    %d cases (%.1f%%)\n"
      "  identities       %d (%d shared, %d merges)\n",
      summary.lines, summary.linked, summary.skipped, summary.seconds,
      summary.seconds > 0 ? summary.lines / summary.seconds : 0.0,
      stats.customers, stats.cases, summary.cross_channel_cases,
      stats.cases ? 100.0 * summary.cross_channel_cases / stats.cases : 0.0,
      stats.identities, stats.shared_identities, stats.merges);
  if (summary.ignored_identities > 0) {
    absl::StrAppend(
        &out, absl::StrFormat(
                  "  left out         %d identity value%s naming no one "
                  "(lines linked without them)\n",
                  summary.ignored_identities,
                  summary.ignored_identities == 1 ? "" : "s"));
    for (const auto& [line, g] : summary.first_ignored) {
      absl::StrAppend(&out, "    line ", line, ": ",
                      Clip(std::string(g.why.message()), 100), "\n");
    }
  }
  if (!summary.switches.empty()) {
    absl::StrAppend(&out, "  top channel switches:\n");
    for (size_t i = 0; i < summary.switches.size() && i < 8; ++i) {
      const ChannelSwitch& s = summary.switches[i];
      absl::StrAppend(&out, absl::StrFormat(
                                "    %-22s %d\n",
                                std::string(ChannelName(s.from)) + "→" +
                                    std::string(ChannelName(s.to)),
                                s.count));
    }
  }
  std::fputs(out.c_str(), stderr);
}

// The handoff contexts of the `n` cases that went through the most
// channels, as the next agent would see them.
void PrintJourneys(const Engine& engine, const std::vector<Linkage>& linkages,
                   int64_t n) {
  std::vector<std::string> case_ids;
  for (const Linkage& l : linkages) case_ids.push_back(l.case_id);
  std::sort(case_ids.begin(), case_ids.end());
  case_ids.erase(std::unique(case_ids.begin(), case_ids.end()), case_ids.end());
  std::vector<Case> cases;
  for (const std::string& id : case_ids) {
    absl::StatusOr<Case> c = engine.GetCase(id);
    if (c.ok() && c->channels.size() > 1) cases.push_back(*std::move(c));
  }
  std::stable_sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) {
    return a.channels.size() > b.channels.size();
  });
  std::string out;
  for (size_t i = 0; i < cases.size() && static_cast<int64_t>(i) < n; ++i) {
    absl::StatusOr<HandoffContext> ctx = engine.Context(cases[i].id);
    if (!ctx.ok()) continue;
    std::string path, ids, names;
    for (Channel c : ctx->channels) {
      absl::StrAppend(&path, path.empty() ? "" : " → ", std::string(ChannelName(c)));
    }
    for (const CustomerIdentity& id : ctx->customer.identities) {
      absl::StrAppend(&ids, ids.empty() ? "" : ", ", IdentityToString(id.identity));
    }
    for (const std::string& name : ctx->customer.display_names) {
      absl::StrAppend(&names, names.empty() ? "" : ", ", Clip(name, 60));
    }
    absl::StrAppend(
        &out, "\ncase ", ctx->case_info.id, " (", std::string(CaseStatusName(ctx->case_info.status)),
        ctx->case_info.topic.empty() ? ""
                                     : ", " + Clip(ctx->case_info.topic, 40),
        "): ", path, "\n",
        "  customer ", ctx->customer.id, names.empty() ? "" : " " + names, ": ", ids, "\n",
        "  started ", absl::FormatTime("%Y-%m-%d %H:%M", ctx->started_at, absl::UTCTimeZone()),
        " on ", std::string(ChannelName(ctx->started_on)), ", ",
        ctx->case_info.interaction_ids.size(), " interactions\n");
    for (const ContextMessage& m : ctx->last_messages) {
      absl::StrAppend(
          &out, "  ", absl::FormatTime("%m-%d %H:%M", m.occurred_at, absl::UTCTimeZone()), "  ",
          absl::StrFormat("%-9s", std::string(ChannelName(m.channel))),
          m.direction == Direction::kInbound ? " customer: " : " agent:    ",
          Clip(m.text, 90), "\n");
    }
  }
  std::fputs(out.c_str(), stderr);
}

// What opening the journal found, so a user sees the run continues.
void PrintRecovery(const RecoveryReport& r) {
  std::string out = absl::StrFormat(
      "threadline link: %s: %d events after snapshot %d, opened in %.2f s\n",
      r.store, r.load.events, r.load.snapshot_sequence,
      absl::ToDoubleSeconds(r.took));
  if (r.load.dropped_bytes > 0) {
    absl::StrAppend(&out, absl::StrFormat(
                              "  a crash left an unfinished write: %d bytes "
                              "cut off (%s)\n",
                              r.load.dropped_bytes, r.load.dropped));
  }
  std::fputs(out.c_str(), stderr);
}

}  // namespace

int RunLink(const std::vector<std::string>& args) {
  std::string in_path, out_path, region = "US";
  std::vector<std::string> own;
  long long reopen_days = 7;
  bool quiet = false;
  std::string journal;
  FlagSet flags(kUsage);
  flags.String("journal", "DIR",
               "keep the state in a journal in DIR and continue from what "
               "it holds (default: none, state in memory only)",
               &journal);
  flags.String("in", "FILE", "Interaction JSON Lines to read (default: stdin)",
               &in_path);
  flags.String("out", "FILE", "where to write linkages (default: stdout)",
               &out_path);
  flags.Repeated("own-identity", "KIND:VALUE",
                 "the brand's own handle or number; never identifies a "
                 "customer (repeatable)",
                 &own);
  flags.String("region", "CC",
               "region for national phone numbers when a line has none "
               "(default: US)",
               &region);
  flags.Int("reopen-days", "N",
            "days a resolved case reopens on a follow-up (default: 7)",
            &reopen_days);
  flags.Bool("quiet", "no summary and no progress bar", &quiet);
  long long threads = std::max(1u, std::thread::hardware_concurrency());
  flags.Int("threads", "N",
            "threads reading identities and text; linking stays in input "
            "order and the output is the same for any N (default: the "
            "machine's cores)",
            &threads, 1, 256);
  long long journeys = 0;
  flags.Int("journeys", "N",
            "also show the handoff context of N cases that crossed the most "
            "channels, as the next agent would see it (default: 0)",
            &journeys);
  std::string alerts_path, incidents_path;
  flags.String("alerts-out", "FILE",
               "write the alerts raised, one JSON object per line", &alerts_path);
  flags.String("incidents-out", "FILE",
               "write the incidents found, one JSON object per line",
               &incidents_path);
  bool no_sentiment = false;
  flags.Bool("no-sentiment",
             "do not score sentiment (alerts then watch all inbound volume)",
             &no_sentiment);
  if (absl::Status s = flags.Parse(args); !s.ok()) {
    std::fprintf(stderr, "threadline link: %s\n", std::string(s.message()).c_str());
    return 2;
  }
  if (flags.help_requested()) {
    std::fputs(flags.Help().c_str(), stdout);
    return 0;
  }

  EngineOptions options;
  options.default_region = region;
  options.reopen_window = absl::Hours(24 * reopen_days);
  options.batch_threads = static_cast<int>(threads);
  if (no_sentiment) options.sentiment = nullptr;
  for (const std::string& f : own) {
    Identity id;
    if (absl::Status s = ParseIdentityFlag("own-identity", f, &id); !s.ok()) {
      std::fprintf(stderr, "threadline link: %s\n",
                   std::string(s.message()).c_str());
      return 2;
    }
    options.own_identities.push_back(std::move(id));
  }
  LinkOptions link;
  link.in_path = in_path;
  link.out_path = out_path;
  options.journal_dir = journal;
  link.engine = std::move(options);
  link.progress = !quiet && isatty(STDERR_FILENO);
  absl::StatusOr<LinkRun> run =
      LinkJsonl(link, [](int64_t line, const absl::Status& s) {
        std::fprintf(stderr, "line %lld: %s\n", static_cast<long long>(line),
                     std::string(s.message()).c_str());
      });
  if (!run.ok()) {
    std::fprintf(stderr, "threadline link: %s\n",
                 std::string(run.status().message()).c_str());
    // Bad options are a usage error; a file that cannot be read or written
    // is a failure of the work.
    return run.status().code() == absl::StatusCode::kInvalidArgument ? 2 : 1;
  }
  if (!journal.empty()) {
    // The next run opens from this snapshot instead of replaying the events.
    if (absl::Status s = run->engine->Checkpoint(); !s.ok()) {
      std::fprintf(stderr, "threadline link: %s\n",
                   std::string(s.message()).c_str());
      return 1;
    }
    if (!quiet) PrintRecovery(run->engine->Recovery());
  }
  const std::vector<Alert> alerts = run->engine->Alerts();
  const std::vector<Incident> incidents = run->engine->Incidents();
  if (!quiet) {
    PrintSummary(run->summary);
    std::fputs(ListeningSummary(alerts, incidents).c_str(), stderr);
  }
  auto write_lines = [](const std::string& path, const std::string& text) {
    if (path.empty()) return true;
    absl::StatusOr<std::unique_ptr<OutputFile>> file = OutputFile::Open(path);
    absl::Status s = file.ok() ? (*file)->Write(text) : file.status();
    if (s.ok()) s = (*file)->Close();
    if (!s.ok()) {
      std::fprintf(stderr, "threadline link: %s\n",
                   std::string(s.message()).c_str());
    }
    return s.ok();
  };
  std::string alert_lines, incident_lines;
  for (const Alert& a : alerts) {
    AppendAlertJson(a, &alert_lines);
    alert_lines.push_back('\n');
  }
  for (const Incident& i : incidents) {
    AppendIncidentJson(i, &incident_lines);
    incident_lines.push_back('\n');
  }
  if (!write_lines(alerts_path, alert_lines) ||
      !write_lines(incidents_path, incident_lines)) {
    return 1;
  }
  if (journeys > 0) PrintJourneys(*run->engine, run->linkages, journeys);
  return 0;
}

}  // namespace threadline::cli
