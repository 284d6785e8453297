// The `threadline link` pipeline: read in batches, ingest with IngestBatch,
// then write each accepted line's linkage as it stands after the whole input.
#include "cli/link.h"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/time/clock.h"
#include "cli/batch_reader.h"
#include "cli/io.h"
#include "jsonl/jsonl.h"
#include "threadline/status_macros.h"

namespace threadline::cli {
namespace {

// Lines handed to IngestBatch at once: large enough for batch threads to
// share, small enough to keep the progress bar moving.
constexpr size_t kBatchLines = 1024;

// Identities left out that a summary shows one by one; the rest are counted.
constexpr size_t kIgnoredShown = 5;

struct Accepted {
  std::string id;
  absl::Time at;
  Channel channel;
};

// Lines whose linkages are looked up and written out at once.
constexpr size_t kOutputBlock = 16384;

// The linkages of some accepted lines, and their JSON Lines.
struct LinkagePart {
  std::vector<Linkage> linkages;
  std::string json;
};

// FillLinkages: the linkages of accepted[from, to) into *part (its
// previous contents dropped, their memory kept).
void FillLinkages(const Engine& engine, const std::vector<Accepted>& accepted,
                  size_t from, size_t to, LinkagePart* part) {
  part->linkages.clear();
  part->json.clear();
  for (size_t i = from; i < to; ++i) {
    absl::StatusOr<Linkage> l = engine.LinkageOf(accepted[i].id);
    if (!l.ok()) continue;  // cannot happen: every accepted id is known
    jsonl::AppendLinkageJson(*l, &part->json);
    part->json.push_back('\n');
    part->linkages.push_back(*std::move(l));
  }
}

// Counts the cases that crossed channels and the switches between them,
// following each case's interactions in time order.
void SummarizeJourneys(const std::vector<Accepted>& accepted,
                       const std::vector<Linkage>& linkages,
                       LinkSummary* summary) {
  absl::flat_hash_map<std::string, std::vector<size_t>> by_case;
  for (size_t i = 0; i < linkages.size(); ++i) {
    by_case[linkages[i].case_id].push_back(i);
  }
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
    summary->cross_channel_cases += multi ? 1 : 0;
  }
  for (const auto& [k, n] : switches) {
    summary->switches.push_back({k.first, k.second, n});
  }
  std::stable_sort(summary->switches.begin(), summary->switches.end(),
                   [](const ChannelSwitch& a, const ChannelSwitch& b) {
                     return a.count > b.count;
                   });
}

}  // namespace

absl::StatusOr<LinkRun> LinkJsonl(
    const LinkOptions& options,
    const std::function<void(int64_t line, const absl::Status& error)>&
        on_bad_line) {
  LinkRun run;
  THREADLINE_ASSIGN_OR_RETURN(run.engine, Engine::Open(options.engine));
  THREADLINE_ASSIGN_OR_RETURN(std::unique_ptr<LineReader> reader,
                              LineReader::Open(options.in_path));
  THREADLINE_ASSIGN_OR_RETURN(std::unique_ptr<OutputFile> writer,
                              OutputFile::Open(options.out_path));
  Progress progress(options.progress, reader->size());
  LinkSummary& summary = run.summary;

  const absl::Time start = absl::Now();
  std::vector<Accepted> accepted;
  auto report = [&](int64_t line, const absl::Status& s) {
    ++summary.skipped;
    on_bad_line(line, s);
  };
  BatchReader batches(std::move(reader), kBatchLines);
  ParsedBatch batch;
  while (batches.Next(&batch)) {
    std::vector<absl::StatusOr<Linkage>> results =
        run.engine->IngestBatch(batch.interactions);
    // Bad lines are told in line order, those the parser refused among
    // those the engine refused.
    size_t e = 0;
    for (size_t i = 0; i < results.size(); ++i) {
      for (; e < batch.errors.size() && batch.errors[e].first < batch.lines[i];
           ++e) {
        report(batch.errors[e].first, batch.errors[e].second);
      }
      if (!results[i].ok()) {
        report(batch.lines[i], results[i].status());
        continue;
      }
      for (IgnoredIdentity& g : results[i]->ignored_identities) {
        if (summary.first_ignored.size() < kIgnoredShown) {
          summary.first_ignored.emplace_back(batch.lines[i], std::move(g));
        }
        ++summary.ignored_identities;
      }
      Interaction& in = batch.interactions[i];
      accepted.push_back({std::move(in.id), in.occurred_at, in.channel});
    }
    for (; e < batch.errors.size(); ++e) {
      report(batch.errors[e].first, batch.errors[e].second);
    }
    summary.lines = batch.lines_read;
    progress.Update(batch.position, summary.lines);
    batches.Recycle(std::move(batch));
  }
  THREADLINE_RETURN_IF_ERROR(batches.status());
  progress.Done();

  // The linkages as they stand now, a block of lines at a time, each block
  // shared by the batch threads (look-ups take the engine's lock shared):
  // on one thread this phase was a sixth of a run's time.
  run.linkages.reserve(accepted.size());
  const size_t threads =
      static_cast<size_t>(std::max(1, options.engine.batch_threads));
  std::vector<LinkagePart> parts(threads);
  for (size_t begin = 0; begin < accepted.size(); begin += kOutputBlock) {
    const size_t end = std::min(accepted.size(), begin + kOutputBlock);
    const size_t share = (end - begin + threads - 1) / threads;
    std::vector<std::thread> helpers;
    for (size_t t = 0; t < threads; ++t) {
      const size_t from = std::min(end, begin + t * share);
      const size_t to = std::min(end, from + share);
      auto fill = [&, t, from, to] {
        FillLinkages(*run.engine, accepted, from, to, &parts[t]);
      };
      if (t + 1 < threads) {
        helpers.emplace_back(fill);
      } else {
        fill();
      }
    }
    for (std::thread& h : helpers) h.join();
    for (LinkagePart& part : parts) {
      THREADLINE_RETURN_IF_ERROR(writer->Write(part.json));
      for (Linkage& l : part.linkages) run.linkages.push_back(std::move(l));
    }
  }
  THREADLINE_RETURN_IF_ERROR(writer->Close());
  summary.linked = static_cast<int64_t>(run.linkages.size());
  summary.stats = run.engine->Stats();
  SummarizeJourneys(accepted, run.linkages, &summary);
  summary.seconds = absl::ToDoubleSeconds(absl::Now() - start);
  return run;
}

}  // namespace threadline::cli
