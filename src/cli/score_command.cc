// `threadline score`: how well a linkage matches ground truth.
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_format.h"
#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/io.h"
#include "cli/score.h"
#include "simdjson.h"

namespace threadline::cli {
namespace {

constexpr char kUsage[] =
    "Usage: threadline score --truth FILE --linkage FILE\n"
    "\n"
    "Compares a linkage (the output of 'threadline link') with ground truth\n"
    "(one {\"id\", \"person\", \"inquiry\"} object per line, as written by\n"
    "'threadline simulate --truth FILE') and prints pairwise and B-cubed\n"
    "precision, recall and F1 for customers and for cases.\n"
    "\n"
    "Example:\n"
    "  threadline simulate --customers 2000 --out j.jsonl --truth t.jsonl\n"
    "  threadline link --in j.jsonl --out l.jsonl\n"
    "  threadline score --truth t.jsonl --linkage l.jsonl\n";

// Reads one JSON object per line, calling `fn(line_no, object)`.
absl::Status ForEachObject(
    const std::string& path,
    const std::function<absl::Status(int64_t, simdjson::dom::object)>& fn) {
  absl::StatusOr<std::unique_ptr<LineReader>> reader = LineReader::Open(path);
  if (!reader.ok()) return reader.status();
  simdjson::dom::parser parser;
  std::string_view line;
  int64_t n = 0;
  while ((*reader)->Next(&line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    simdjson::dom::object obj;
    if (parser.parse(line.data(), line.size()).get(obj) != simdjson::SUCCESS) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%s line %d: not a JSON object", path, n));
    }
    if (absl::Status s = fn(n, obj); !s.ok()) return s;
  }
  return (*reader)->status();
}

std::string Field(simdjson::dom::object obj, const char* name) {
  std::string_view v;
  if (obj[name].get(v) != simdjson::SUCCESS) return "";
  return std::string(v);
}

}  // namespace

int RunScore(const std::vector<std::string>& args) {
  std::string truth_path, linkage_path;
  FlagSet flags(kUsage);
  flags.String("truth", "FILE", "ground truth JSON Lines", &truth_path);
  flags.String("linkage", "FILE", "linkage JSON Lines to score", &linkage_path);
  if (absl::Status s = flags.Parse(args); !s.ok()) {
    std::fprintf(stderr, "threadline score: %s\n", std::string(s.message()).c_str());
    return 2;
  }
  if (flags.help_requested()) {
    std::fputs(flags.Help().c_str(), stdout);
    return 0;
  }
  if (truth_path.empty() || linkage_path.empty()) {
    std::fprintf(stderr, "threadline score: --truth and --linkage are required\n");
    return 2;
  }
  absl::flat_hash_map<std::string, std::pair<std::string, std::string>> got;
  absl::Status s = ForEachObject(linkage_path, [&](int64_t, simdjson::dom::object o) {
    got[Field(o, "interaction_id")] = {Field(o, "customer_id"), Field(o, "case_id")};
    return absl::OkStatus();
  });
  std::vector<std::string> person, inquiry, customer, kase;
  int64_t missing = 0;
  if (s.ok()) {
    s = ForEachObject(truth_path, [&](int64_t, simdjson::dom::object o) {
      auto it = got.find(Field(o, "id"));
      if (it == got.end()) {
        ++missing;
        return absl::OkStatus();
      }
      person.push_back(Field(o, "person"));
      inquiry.push_back(Field(o, "inquiry"));
      customer.push_back(it->second.first);
      kase.push_back(it->second.second);
      return absl::OkStatus();
    });
  }
  if (!s.ok()) {
    std::fprintf(stderr, "threadline score: %s\n", std::string(s.message()).c_str());
    return 1;
  }
  const ClusterScore c = Score(person, customer);
  const ClusterScore k = Score(inquiry, kase);
  std::printf("%zu interactions scored, %lld missing from the linkage\n",
              person.size(), static_cast<long long>(missing));
  std::printf("            pairwise P    R      F1   | B-cubed P    R      F1\n");
  std::printf("customers   %.4f  %.4f  %.4f | %.4f  %.4f  %.4f\n",
              c.pair_precision, c.pair_recall, c.pair_f1, c.b3_precision,
              c.b3_recall, c.b3_f1);
  std::printf("cases       %.4f  %.4f  %.4f | %.4f  %.4f  %.4f\n",
              k.pair_precision, k.pair_recall, k.pair_f1, k.b3_precision,
              k.b3_recall, k.b3_f1);
  return missing > 0 ? 1 : 0;
}

}  // namespace threadline::cli
