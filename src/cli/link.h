// The pipeline behind `threadline link`, shared by the command and the Python
// package's link_jsonl: Interaction JSON Lines in, one linkage per accepted
// line out (ids as they stand after the whole input), and a summary of the
// journeys it saw.
#ifndef THREADLINE_SRC_CLI_LINK_H_
#define THREADLINE_SRC_CLI_LINK_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "threadline/engine.h"
#include "threadline/types.h"

namespace threadline::cli {

struct LinkOptions {
  // Interaction JSON Lines to read; empty or "-": stdin.
  std::string in_path;
  // Where linkages go; empty or "-": stdout.
  std::string out_path;
  // The engine's options (own identities, region, windows, batch threads).
  EngineOptions engine;
  // Draw a progress bar on stderr. Default: false.
  bool progress = false;
};

// ChannelSwitch: how many times a case went from one channel to the next.
struct ChannelSwitch {
  Channel from = Channel::kUnspecified;
  Channel to = Channel::kUnspecified;
  int64_t count = 0;
};

// LinkSummary: what one run read and decided.
struct LinkSummary {
  int64_t lines = 0;    // lines read, blank ones included
  int64_t linked = 0;   // linkages written
  int64_t skipped = 0;  // lines that could not be read or ingested
  int64_t cross_channel_cases = 0;  // cases that switched channel
  // Identities linked lines carried that name no one (the lines were
  // linked without them), and the first few, by line number.
  int64_t ignored_identities = 0;
  std::vector<std::pair<int64_t, IgnoredIdentity>> first_ignored;
  // Every switch seen, commonest first (ties in channel order).
  std::vector<ChannelSwitch> switches;
  EngineStats stats;
  double seconds = 0;  // wall time of the run
};

// LinkRun: the summary, and the engine and linkages for a caller that wants
// to look further (handoff contexts of the journeys).
struct LinkRun {
  LinkSummary summary;
  std::unique_ptr<Engine> engine;
  std::vector<Linkage> linkages;  // in input order, one per accepted line
};

// LinkJsonl: runs the pipeline. Each line that cannot be read or ingested is
// passed to `on_bad_line` with its 1-based number and the error (which names
// the field, the value and the rule), skipped and counted; the other lines
// are still linked. Returns InvalidArgument naming the field for bad engine
// options, NotFound / PermissionDenied naming the path when a file cannot be
// opened, or the error of a failed read or write.
[[nodiscard]] absl::StatusOr<LinkRun> LinkJsonl(
    const LinkOptions& options,
    const std::function<void(int64_t line, const absl::Status& error)>&
        on_bad_line);

}  // namespace threadline::cli

#endif  // THREADLINE_SRC_CLI_LINK_H_
