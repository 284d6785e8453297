// `threadline inspect DIR`: what a journal holds: its events and snapshot,
// the customers and cases they make, and what the last crash cut off.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "cli/commands.h"
#include "cli/flags.h"
#include "threadline/engine.h"
#include "threadline/store.h"

namespace threadline::cli {
namespace {

constexpr char kUsage[] =
    "Usage: threadline inspect DIR\n"
    "\n"
    "Opens the journal in DIR (as 'threadline link --journal DIR' keeps it)\n"
    "and tells what it holds: the events stored after the newest snapshot,\n"
    "the last event's sequence, the snapshot's sequence and age, the\n"
    "customers, cases and interactions they make, and what a crash cut off\n"
    "(an unfinished write at the end is dropped on open, as any open does).\n"
    "Fails when DIR holds no journal (it makes none) or another process\n"
    "has the journal open.\n"
    "\n"
    "Example:\n"
    "  threadline link --in journeys.jsonl --journal state/ > /dev/null\n"
    "  threadline inspect state/\n";

std::string Age(absl::Duration d) {
  if (d < absl::Minutes(1)) return absl::StrFormat("%.0f s", absl::ToDoubleSeconds(d));
  if (d < absl::Hours(1)) return absl::StrFormat("%.0f min", absl::ToDoubleMinutes(d));
  if (d < absl::Hours(48)) return absl::StrFormat("%.1f h", absl::ToDoubleHours(d));
  return absl::StrFormat("%.1f days", absl::ToDoubleHours(d) / 24);
}

}  // namespace

int RunInspect(const std::vector<std::string>& args) {
  FlagSet flags(kUsage);
  std::vector<std::string> rest;
  std::vector<std::string> flag_args;
  for (const std::string& a : args) {
    (a.rfind("-", 0) == 0 ? flag_args : rest).push_back(a);
  }
  if (absl::Status s = flags.Parse(flag_args); !s.ok()) {
    std::fprintf(stderr, "threadline inspect: %s\n",
                 std::string(s.message()).c_str());
    return 2;
  }
  if (flags.help_requested()) {
    std::fputs(flags.Help().c_str(), stdout);
    return 0;
  }
  if (rest.size() != 1) {
    std::fprintf(stderr, "threadline inspect: give one journal directory\n\n%s",
                 kUsage);
    return 2;
  }
  // Looking must not write: no journal made where there is none, and no
  // snapshot taken.
  JournalOptions journal_options;
  journal_options.create_if_missing = false;
  absl::StatusOr<std::shared_ptr<Store>> journal =
      OpenJournal(rest[0], journal_options);
  if (!journal.ok()) {
    std::fprintf(stderr, "threadline inspect: %s\n",
                 std::string(journal.status().message()).c_str());
    return 1;
  }
  EngineOptions options;
  options.store = *std::move(journal);
  options.snapshot_every = 0;
  absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Open(options);
  if (!engine.ok()) {
    std::fprintf(stderr, "threadline inspect: %s\n",
                 std::string(engine.status().message()).c_str());
    return 1;
  }
  const RecoveryReport r = (*engine)->Recovery();
  const EngineStats s = (*engine)->Stats();
  std::string out = absl::StrFormat("%s\n", r.store);
  absl::StrAppend(&out, absl::StrFormat("  last sequence   %d\n",
                                        r.load.last_sequence));
  if (r.load.snapshot_sequence == 0) {
    absl::StrAppend(&out, "  snapshot        none\n");
  } else {
    absl::StrAppend(
        &out, absl::StrFormat(
                  "  snapshot        at sequence %d, taken %s (%s ago)\n",
                  r.load.snapshot_sequence,
                  absl::FormatTime("%Y-%m-%d %H:%M:%S UTC",
                                   r.snapshot_taken_at, absl::UTCTimeZone()),
                  Age(absl::Now() - r.snapshot_taken_at)));
  }
  absl::StrAppend(
      &out,
      absl::StrFormat("  events          %d after the snapshot\n"
                      "  interactions    %d\n"
                      "  customers       %d\n"
                      "  cases           %d\n"
                      "  identities      %d (%d shared, %d merges)\n"
                      "  opened in       %.2f s\n",
                      r.load.events, s.interactions, s.customers, s.cases,
                      s.identities, s.shared_identities, s.merges,
                      absl::ToDoubleSeconds(r.took)));
  if (r.load.dropped_bytes == 0) {
    absl::StrAppend(&out, "  crash           nothing cut off\n");
  } else {
    absl::StrAppend(&out, absl::StrFormat(
                              "  crash           %d bytes cut off: %s\n",
                              r.load.dropped_bytes, r.load.dropped));
  }
  std::fputs(out.c_str(), stdout);
  return 0;
}

}  // namespace threadline::cli
