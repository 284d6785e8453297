// `threadline link`: Interaction JSON Lines in, one linkage per line out, and
// a journey summary on stderr.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/io.h"
#include "cli/listening_output.h"
#include "jsonl/jsonl.h"
#include "threadline/engine.h"

namespace threadline::cli {
namespace {

constexpr char kUsage[] =
    "Usage: threadline link [--in FILE] [--out FILE] [--own-identity KIND:VALUE]...\n"
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
    "Example:\n"
    "  threadline simulate --customers 2000 > journeys.jsonl\n"
    "  threadline link --in journeys.jsonl --out linkage.jsonl \\\n"
    "      --own-identity TWITTER:@AcmeCare --own-identity PHONE:+18005550199\n";

struct Accepted {
  std::string id;
  absl::Time at;
  Channel channel;
};

void PrintSummary(const std::vector<Accepted>& accepted,
                  const std::vector<Linkage>& linkages, int64_t lines,
                  int64_t bad, const EngineStats& stats, double seconds) {
  // Channel path of each case, in time order.
  absl::flat_hash_map<std::string, std::vector<size_t>> by_case;
  for (size_t i = 0; i < linkages.size(); ++i) {
    by_case[linkages[i].case_id].push_back(i);
  }
  int64_t crossed = 0;
  std::map<std::pair<Channel, Channel>, int64_t> switches;
  for (auto& [id, items] : by_case) {
    std::stable_sort(items.begin(), items.end(), [&](size_t a, size_t b) {
      return accepted[a].at < accepted[b].at;
    });
    bool multi = false;
    for (size_t k = 1; k < items.size(); ++k) {
      Channel from = accepted[items[k - 1]].channel;
      Channel to = accepted[items[k]].channel;
      if (from != to) {
        ++switches[{from, to}];
        multi = true;
      }
    }
    crossed += multi ? 1 : 0;
  }
  std::vector<std::pair<int64_t, std::pair<Channel, Channel>>> top;
  for (const auto& [k, n] : switches) top.push_back({n, k});
  std::sort(top.begin(), top.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });

  std::string out = absl::StrFormat(
      "threadline link: %d lines, %d linked, %d skipped in %.2f s (%.0f lines/s)\n"
      "  customers        %d\n"
      "  cases            %d\n"
      "  cross-channel    %d cases (%.1f%%)\n"
      "  identities       %d (%d shared, %d merges)\n",
      lines, linkages.size(), bad, seconds,
      seconds > 0 ? lines / seconds : 0.0, stats.customers, stats.cases,
      crossed, stats.cases ? 100.0 * crossed / stats.cases : 0.0,
      stats.identities, stats.shared_identities, stats.merges);
  if (!top.empty()) {
    absl::StrAppend(&out, "  top channel switches:\n");
    for (size_t i = 0; i < top.size() && i < 8; ++i) {
      absl::StrAppend(&out, absl::StrFormat(
                                "    %-22s %d\n",
                                std::string(ChannelName(top[i].second.first)) +
                                    "→" +
                                    std::string(ChannelName(top[i].second.second)),
                                top[i].first));
    }
  }
  std::fputs(out.c_str(), stderr);
}

std::string Clip(std::string_view text, size_t max) {
  std::string out;
  for (char c : text) {
    if (out.size() >= max) {
      out += "…";
      break;
    }
    out.push_back(c == '\n' || c == '\r' ? ' ' : c);
  }
  return out;
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
      absl::StrAppend(&names, names.empty() ? "" : ", ", name);
    }
    absl::StrAppend(
        &out, "\ncase ", ctx->case_info.id, " (", std::string(CaseStatusName(ctx->case_info.status)),
        ctx->case_info.topic.empty() ? "" : ", " + ctx->case_info.topic, "): ", path, "\n",
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

}  // namespace

int RunLink(const std::vector<std::string>& args) {
  std::string in_path, out_path, region = "US";
  std::vector<std::string> own;
  long long reopen_days = 7;
  bool quiet = false;
  FlagSet flags(kUsage);
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
            &threads);
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
  options.batch_threads = static_cast<int>(std::clamp(threads, 1LL, 256LL));
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
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Open(options);
  if (!engine.ok()) {
    std::fprintf(stderr, "threadline link: %s\n",
                 std::string(engine.status().message()).c_str());
    return 2;
  }

  absl::StatusOr<std::unique_ptr<LineReader>> reader = LineReader::Open(in_path);
  if (!reader.ok()) {
    std::fprintf(stderr, "threadline link: %s\n",
                 std::string(reader.status().message()).c_str());
    return 1;
  }
  absl::StatusOr<std::unique_ptr<OutputFile>> writer = OutputFile::Open(out_path);
  if (!writer.ok()) {
    std::fprintf(stderr, "threadline link: %s\n",
                 std::string(writer.status().message()).c_str());
    return 1;
  }
  Progress progress(!quiet && isatty(STDERR_FILENO), (*reader)->size());

  const absl::Time start = absl::Now();
  jsonl::InteractionParser parser;
  std::vector<Accepted> accepted;
  std::vector<Interaction> batch;
  std::vector<int64_t> batch_lines;
  int64_t line_no = 0, bad = 0;
  auto report = [&bad](int64_t line, const absl::Status& s) {
    ++bad;
    std::fprintf(stderr, "line %lld: %s\n", static_cast<long long>(line),
                 std::string(s.message()).c_str());
  };
  auto flush = [&]() {
    std::vector<absl::StatusOr<Linkage>> results = (*engine)->IngestBatch(batch);
    for (size_t i = 0; i < results.size(); ++i) {
      if (!results[i].ok()) {
        report(batch_lines[i], results[i].status());
        continue;
      }
      accepted.push_back(
          {std::move(batch[i].id), batch[i].occurred_at, batch[i].channel});
    }
    batch.clear();
    batch_lines.clear();
  };
  std::string_view line;
  while ((*reader)->Next(&line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    Interaction in;
    if (absl::Status s = parser.Parse(line, &in); !s.ok()) {
      report(line_no, s);
      continue;
    }
    batch.push_back(std::move(in));
    batch_lines.push_back(line_no);
    if (batch.size() == 1024) {
      flush();
      progress.Update((*reader)->position(), line_no);
    }
  }
  flush();
  if (!(*reader)->status().ok()) {
    std::fprintf(stderr, "threadline link: %s\n",
                 std::string((*reader)->status().message()).c_str());
    return 1;
  }
  progress.Done();

  std::vector<Linkage> linkages;
  linkages.reserve(accepted.size());
  std::string out;
  for (const Accepted& a : accepted) {
    absl::StatusOr<Linkage> l = (*engine)->LinkageOf(a.id);
    if (!l.ok()) continue;  // cannot happen: every accepted id is known
    jsonl::AppendLinkageJson(*l, &out);
    out.push_back('\n');
    if (out.size() > (1 << 20)) {
      if (absl::Status s = (*writer)->Write(out); !s.ok()) {
        std::fprintf(stderr, "threadline link: %s\n",
                     std::string(s.message()).c_str());
        return 1;
      }
      out.clear();
    }
    linkages.push_back(*std::move(l));
  }
  if (absl::Status s = (*writer)->Write(out); !s.ok()) {
    std::fprintf(stderr, "threadline link: %s\n", std::string(s.message()).c_str());
    return 1;
  }
  if (absl::Status s = (*writer)->Close(); !s.ok()) {
    std::fprintf(stderr, "threadline link: %s\n", std::string(s.message()).c_str());
    return 1;
  }
  const std::vector<Alert> alerts = (*engine)->Alerts();
  const std::vector<Incident> incidents = (*engine)->Incidents();
  if (!quiet) {
    PrintSummary(accepted, linkages, line_no, bad, (*engine)->Stats(),
                 absl::ToDoubleSeconds(absl::Now() - start));
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
  if (journeys > 0) PrintJourneys(**engine, linkages, journeys);
  return 0;
}

}  // namespace threadline::cli
