// Bulk work for the threadline package: link_jsonl runs the very pipeline of
// `threadline link`; run_command runs a subcommand of the `threadline`
// command for `python3 -m threadline`; time_cpp_ingest times the C++
// engine alone, as the yardstick of benchmarks/python_ingest.py.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "cli/commands.h"
#include "cli/link.h"
#include "convert.h"
#include "jsonl/jsonl.h"

namespace threadline::python {
namespace {

// Bad lines link_jsonl keeps with their messages; the rest are only counted,
// so a file of garbage does not fill memory with messages.
constexpr size_t kMaxBadLines = 1000;

py::tuple LinkJsonl(const std::string& in_path, const std::string& out_path,
                    const py::dict& options, bool progress) {
  cli::LinkOptions o;
  o.in_path = in_path;
  o.out_path = out_path;
  o.engine = EngineOptionsFrom(options);
  o.progress = progress;
  std::vector<std::pair<int64_t, std::string>> bad;
  absl::StatusOr<cli::LinkRun> run;
  {
    py::gil_scoped_release release;
    run = cli::LinkJsonl(o, [&bad](int64_t line, const absl::Status& s) {
      if (bad.size() < kMaxBadLines) {
        bad.emplace_back(line, std::string(s.message()));
      }
    });
  }
  const cli::LinkRun r = Unwrap(std::move(run));
  const cli::LinkSummary& s = r.summary;
  py::list switches(s.switches.size());
  for (size_t i = 0; i < s.switches.size(); ++i) {
    switches[i] = py::make_tuple(static_cast<int>(s.switches[i].from),
                                 static_cast<int>(s.switches[i].to),
                                 s.switches[i].count);
  }
  py::list bad_lines(bad.size());
  for (size_t i = 0; i < bad.size(); ++i) {
    bad_lines[i] = py::make_tuple(bad[i].first, Str(bad[i].second));
  }
  py::list first_ignored(s.first_ignored.size());
  for (size_t i = 0; i < s.first_ignored.size(); ++i) {
    const auto& [line, g] = s.first_ignored[i];
    first_ignored[i] = py::make_tuple(line, ToTuple(g.identity),
                                      Str(std::string(g.why.message())));
  }
  return py::make_tuple(s.lines, s.linked, s.skipped, s.cross_channel_cases,
                        switches, ToTuple(s.stats), s.seconds, bad_lines,
                        s.ignored_identities, first_ignored);
}

int RunCommand(const std::string& command,
               const std::vector<std::string>& args) {
  int code = 2;
  py::gil_scoped_release release;
  if (command == "link") {
    code = cli::RunLink(args);
  } else if (command == "simulate") {
    code = cli::RunSimulate(args);
  } else if (command == "score") {
    code = cli::RunScore(args);
  } else if (command == "sentiment") {
    code = cli::RunSentiment(args);
  } else if (command == "guard") {
    code = cli::RunGuard(args);
  } else {
    std::fprintf(stderr, "threadline: unknown command \"%s\"\n",
                 command.c_str());
  }
  // Python writes through its own buffers; ours must be out before it
  // writes again.
  std::fflush(stdout);
  std::fflush(stderr);
  return code;
}

// TimeCppIngest: parses every line of `path` in C++ (untimed), then ingests
// them with IngestBatch in batches of `batch_size` into a new engine and
// returns (interactions ingested, seconds spent in IngestBatch).
py::tuple TimeCppIngest(const std::string& path, const py::dict& options,
                        size_t batch_size) {
  EngineOptions engine_options = EngineOptionsFrom(options);
  int64_t ingested = 0;
  absl::Duration spent;
  absl::Status error;
  {
    py::gil_scoped_release release;
    std::ifstream in(path);
    if (!in) {
      error = absl::NotFoundError(absl::StrCat(path, ": cannot open"));
    } else {
      std::vector<Interaction> all;
      jsonl::InteractionParser parser;
      std::string line;
      while (std::getline(in, line)) {
        Interaction i;
        if (parser.Parse(line, &i).ok()) all.push_back(std::move(i));
      }
      absl::StatusOr<std::unique_ptr<Engine>> engine =
          Engine::Open(std::move(engine_options));
      if (!engine.ok()) {
        error = engine.status();
      } else {
        if (batch_size == 0) batch_size = 1;
        std::vector<Interaction> batch;
        for (size_t i = 0; i < all.size(); i += batch_size) {
          batch.assign(std::make_move_iterator(all.begin() + i),
                       std::make_move_iterator(
                           all.begin() + std::min(all.size(), i + batch_size)));
          const absl::Time start = absl::Now();
          std::vector<absl::StatusOr<Linkage>> r = (*engine)->IngestBatch(batch);
          spent += absl::Now() - start;
          for (const auto& l : r) ingested += l.ok() ? 1 : 0;
        }
      }
    }
  }
  Check(error);
  return py::make_tuple(ingested, absl::ToDoubleSeconds(spent));
}

}  // namespace

void BindBulk(py::module_& m) {
  m.def("link_jsonl", &LinkJsonl, py::arg("in_path"), py::arg("out_path"),
        py::arg("options"), py::arg("progress"));
  m.def("run_command", &RunCommand, py::arg("command"), py::arg("args"));
  m.def("time_cpp_ingest", &TimeCppIngest, py::arg("path"), py::arg("options"),
        py::arg("batch_size"));
}

}  // namespace threadline::python
