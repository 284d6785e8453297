// Benchmarks of the JSON Lines codec (src/jsonl). `threadline link` must
// process 200,000 lines/s end to end, so Parse of a typical line should cost
// well under 1 µs.
//
//   build/benchmarks/jsonl_benchmark --benchmark_min_time=0.05
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "benchmark/benchmark.h"
#include "google/protobuf/util/json_util.h"
#include "jsonl/jsonl.h"
#include "model/convert.h"
#include "threadline/types.h"
#include "threadline/v1/interaction.pb.h"

namespace threadline::jsonl {
namespace {

// A typical line, as hosts send it (about 300 bytes).
constexpr char kTypicalLine[] =
    R"({"id": "tw-0001128", "occurred_at": "2026-01-05T19:43:00Z", )"
    R"("channel": "TWITTER", "direction": "INBOUND", )"
    R"("contact": {"kind": "TWITTER", "value": "@GraceCla9596"}, )"
    R"("identities": [{"kind": "EMAIL", "value": " Grace.Clark@Example.org "}], )"
    R"("text": "@AcmeCare I returned the item two weeks ago and still no refund", )"
    R"("reply_to": "tw-0001100", "region": "CO", "display_name": "Grace Clark"})";

std::string LineWithText(size_t text_bytes) {
  std::string text;
  while (text.size() < text_bytes) text += "no refund yet, ";
  text.resize(text_bytes);
  return absl::StrCat(
      R"({"id": "em-1", "occurred_at": "2026-01-05T19:43:00.250+01:00", )"
      R"("channel": "EMAIL", "direction": "INBOUND", )"
      R"("contact": {"kind": "EMAIL", "value": "grace@example.org"}, "text": ")",
      text, "\"}");
}

void BM_ParseTypicalLine(benchmark::State& state) {
  InteractionParser parser;  // one per thread
  Interaction in;
  const std::string line = kTypicalLine;
  for (auto _ : state) {
    benchmark::DoNotOptimize(parser.Parse(line, &in));
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * line.size());
}
BENCHMARK(BM_ParseTypicalLine)->ThreadRange(1, 2);

// Hands each parse a fresh Interaction, as `threadline link` does when it
// moves every parsed line into its batch.
void BM_ParseTypicalLineFreshOutput(benchmark::State& state) {
  InteractionParser parser;
  const std::string line = kTypicalLine;
  for (auto _ : state) {
    Interaction in;
    benchmark::DoNotOptimize(parser.Parse(line, &in));
    benchmark::DoNotOptimize(in);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * line.size());
}
BENCHMARK(BM_ParseTypicalLineFreshOutput);

void BM_ParseTextSize(benchmark::State& state) {
  InteractionParser parser;
  Interaction in;
  const std::string line = LineWithText(state.range(0));
  for (auto _ : state) {
    benchmark::DoNotOptimize(parser.Parse(line, &in));
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * line.size());
}
BENCHMARK(BM_ParseTextSize)->RangeMultiplier(8)->Range(64, 1 << 18);

// A text with Latin-1 bytes takes the repair path: a second pass over a
// repaired copy.
void BM_ParseInvalidUtf8Text(benchmark::State& state) {
  InteractionParser parser;
  Interaction in;
  std::string line = kTypicalLine;
  line.replace(line.find("returned"), 1, "\xE9");
  for (auto _ : state) {
    benchmark::DoNotOptimize(parser.Parse(line, &in));
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * line.size());
}
BENCHMARK(BM_ParseInvalidUtf8Text);

// For comparison: protobuf's own JSON parser and the conversion to the
// public type, the reference the parity test holds Parse to.
void BM_ProtobufJsonStringToMessage(benchmark::State& state) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  const std::string line = kTypicalLine;
  v1::Interaction message;
  for (auto _ : state) {
    message.Clear();
    benchmark::DoNotOptimize(
        google::protobuf::util::JsonStringToMessage(line, &message, options));
    Interaction in = model::FromProto(message);
    benchmark::DoNotOptimize(in);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * line.size());
}
BENCHMARK(BM_ProtobufJsonStringToMessage);

void BM_AppendInteractionJson(benchmark::State& state) {
  InteractionParser parser;
  Interaction in;
  if (!parser.Parse(kTypicalLine, &in).ok()) {
    state.SkipWithError("the typical line does not parse");
    return;
  }
  std::string out;
  for (auto _ : state) {
    out.clear();
    AppendInteractionJson(in, &out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * out.size());
}
BENCHMARK(BM_AppendInteractionJson);

void BM_AppendLinkageJson(benchmark::State& state) {
  const Linkage linkage{"tw-0001128", "c-1042", "k-2210", LinkReason::kReplyTo,
                        true, {}};
  std::string out;
  size_t bytes = 0;
  for (auto _ : state) {
    out.clear();
    AppendLinkageJson(linkage, &out);
    out.push_back('\n');
    bytes += out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_AppendLinkageJson);

}  // namespace
}  // namespace threadline::jsonl
