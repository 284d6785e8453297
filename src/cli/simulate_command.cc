// `threadline simulate`: realistic simulated customer journeys as
// Interaction JSON Lines, with their ground truth on the side.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/io.h"
#include "jsonl/jsonl.h"
#include "sim/simulator.h"

namespace threadline::cli {
namespace {

constexpr char kUsageHead[] =
    "Usage: threadline simulate [--customers N] [--seed S] [--days D]\n"
    "                           [--out FILE] [--truth FILE]\n"
    "\n"
    "Writes realistic customer journeys as Interaction JSON Lines (the input\n"
    "of `threadline link`, see FORMAT.md), in arrival order: people in the\n"
    "US, Colombia, Mexico and Spain, writing in English and Spanish, raise\n"
    "inquiries (billing, refunds, deliveries, outages, cancellations, plan\n"
    "changes, account access, faulty devices, technician visits, payments)\n"
    "and follow them up across phone, SMS, WhatsApp, email, web chat, web\n"
    "forms, Twitter, Facebook and Instagram; agents answer and resolve.\n"
    "About four interactions per customer. The data holds the traps of real\n"
    "contact centres: the brand's own handle and hotline in messages, a\n"
    "family sharing one landline, namesakes, a matter raised again weeks\n"
    "after it was resolved, two inquiries open at once, two outage waves,\n"
    "people who never link their channels, addresses in every format, late\n"
    "arrivals.\n"
    "\n"
    "--truth writes the ground truth, one JSON object per interaction:\n"
    "  {\"id\": …, \"person\": \"P17\", \"inquiry\": \"Q42\", \"linkable\": "
    "true,\n"
    "   \"incident\": null, \"matter\": \"billing\"}\n"
    "\"linkable\" says whether anything in the data (an address, an identity\n"
    "captured or written into a message, a reply, a thread) ties the\n"
    "interaction to the rest of that person's contacts; \"incident\" names "
    "the\n"
    "outage it reports. The same flags give the same output, byte for byte.\n"
    "\n"
    "Examples:\n"
    "  threadline simulate --customers 2000 | threadline link\n"
    "  threadline simulate --customers 2000 --seed 7 --out journeys.jsonl \\\n"
    "      --truth truth.jsonl\n"
    "  threadline link --in journeys.jsonl --out linkage.jsonl \\\n";
// Then the brand's own identities, so link never takes them for a customer.
constexpr char kUsageTail[] =
    "  threadline score --truth truth.jsonl --linkage linkage.jsonl\n";

// Output is written in chunks of about this size.
constexpr size_t kFlushBytes = size_t{1} << 20;

std::string Usage() {
  std::string usage = kUsageHead;
  for (const Identity& id : sim::OwnIdentities(sim::SimulatorOptions())) {
    absl::StrAppend(&usage, "      --own-identity '",
                    std::string(IdentityKindName(id.kind)), ":", id.value,
                    "' \\\n");
  }
  // The last line of the command ends without a continuation.
  usage.resize(usage.size() - 3);
  usage.push_back('\n');
  usage.append(kUsageTail);
  return usage;
}

void AppendTruthJson(const sim::SimulatedInteraction& item, std::string* out) {
  // Ids, person and inquiry ids and matters are plain ASCII the simulator
  // made: no escaping needed.
  absl::StrAppend(out, "{\"id\": \"", item.interaction.id, "\", \"person\": \"",
                  item.person, "\", \"inquiry\": \"", item.inquiry,
                  "\", \"linkable\": ", item.linkable ? "true" : "false",
                  ", \"incident\": ");
  if (item.incident.empty()) {
    out->append("null");
  } else {
    absl::StrAppend(out, "\"", item.incident, "\"");
  }
  absl::StrAppend(out, ", \"matter\": \"", item.matter, "\"}\n");
}

bool ParseDate(const std::string& text, absl::Time* out) {
  absl::CivilDay day;
  if (!absl::ParseCivilTime(text, &day)) return false;
  *out = absl::FromCivil(day, absl::UTCTimeZone());
  return true;
}

}  // namespace

int RunSimulate(const std::vector<std::string>& args) {
  long long customers = 1000, seed = 1, days = 75, threads = 2;
  std::string out_path, truth_path, start = "2026-01-05";
  bool no_outages = false, quiet = false;
  FlagSet flags(Usage());
  flags.Int("customers", "N", "people to simulate (default: 1000)", &customers,
            0, 100000000);
  flags.Int("seed", "S",
            "random seed; the same seed gives the same output (default: 1)",
            &seed);
  flags.Int("days", "D", "length of the simulated window (default: 75)", &days,
            1, 3650);
  flags.String("start", "YYYY-MM-DD",
               "first day of the window, UTC (default: 2026-01-05)", &start);
  flags.String("out", "FILE",
               "where to write the interactions (default: stdout)", &out_path);
  flags.String("truth", "FILE",
               "where to write the ground truth (default: not written)",
               &truth_path);
  flags.Bool("no-outages", "leave out the two outage waves", &no_outages);
  flags.Int("threads", "N",
            "threads writing interactions; the output is the same for any "
            "number (default: 2)",
            &threads, 1, 64);
  flags.Bool("quiet", "no summary on stderr", &quiet);
  if (absl::Status s = flags.Parse(args); !s.ok()) {
    std::fprintf(stderr, "threadline simulate: %s\n",
                 std::string(s.message()).c_str());
    return 2;
  }
  if (flags.help_requested()) {
    std::fputs(flags.Help().c_str(), stdout);
    return 0;
  }

  sim::SimulatorOptions options;
  options.customers = customers;
  options.seed = static_cast<uint64_t>(seed);
  options.outages = !no_outages;
  options.threads = static_cast<int>(threads);
  options.days = static_cast<int>(days);
  if (!ParseDate(start, &options.start)) {
    std::fprintf(stderr,
                 "threadline simulate: --start takes a date as YYYY-MM-DD, "
                 "got \"%s\"\n",
                 start.c_str());
    return 2;
  }

  absl::StatusOr<std::unique_ptr<OutputFile>> out = OutputFile::Open(out_path);
  if (!out.ok()) {
    std::fprintf(stderr, "threadline simulate: %s\n",
                 std::string(out.status().message()).c_str());
    return 1;
  }
  std::unique_ptr<OutputFile> truth;
  if (!truth_path.empty()) {
    absl::StatusOr<std::unique_ptr<OutputFile>> t =
        OutputFile::Open(truth_path);
    if (!t.ok()) {
      std::fprintf(stderr, "threadline simulate: %s\n",
                   std::string(t.status().message()).c_str());
      return 1;
    }
    truth = std::move(*t);
  }

  const absl::Time began = absl::Now();
  sim::Simulator simulator(options);
  std::string buffer, truth_buffer;
  buffer.reserve(kFlushBytes + (64 << 10));
  auto fail = [](const absl::Status& s) {
    std::fprintf(stderr, "threadline simulate: %s\n",
                 std::string(s.message()).c_str());
    return 1;
  };
  while (const sim::SimulatedInteraction* item = simulator.Next()) {
    jsonl::AppendInteractionJson(item->interaction, &buffer);
    buffer.push_back('\n');
    if (truth != nullptr) AppendTruthJson(*item, &truth_buffer);
    if (buffer.size() >= kFlushBytes) {
      if (absl::Status s = (*out)->Write(buffer); !s.ok()) return fail(s);
      buffer.clear();
    }
    if (truth_buffer.size() >= kFlushBytes) {
      if (absl::Status s = truth->Write(truth_buffer); !s.ok()) return fail(s);
      truth_buffer.clear();
    }
  }
  if (absl::Status s = (*out)->Write(buffer); !s.ok()) return fail(s);
  if (absl::Status s = (*out)->Close(); !s.ok()) return fail(s);
  if (truth != nullptr) {
    if (absl::Status s = truth->Write(truth_buffer); !s.ok()) return fail(s);
    if (absl::Status s = truth->Close(); !s.ok()) return fail(s);
  }

  if (!quiet) {
    const sim::SimulationStats& st = simulator.stats();
    const double seconds = absl::ToDoubleSeconds(absl::Now() - began);
    const double n =
        st.interactions > 0 ? static_cast<double>(st.interactions) : 1;
    std::string summary = absl::StrFormat(
        "threadline simulate: %d interactions of %d people, %d inquiries "
        "(%d resolved), in %.2f s\n"
        "  English %.0f%%, Spanish %.0f%%; %d not linkable (%.1f%%); %d late\n"
        "  outage complaints %d + %d; repeat inquiries %d; concurrent %d\n"
        "  sharing a landline %d; namesakes %d; never linking %d\n"
        "  posts opening with the brand's handle %d; hotline quoted %d\n",
        st.interactions, st.people, st.inquiries, st.resolved_inquiries,
        seconds, 100.0 * st.english / n, 100.0 * st.spanish / n, st.unlinkable,
        100.0 * st.unlinkable / n, st.late, st.outage_complaints[0],
        st.outage_complaints[1], st.repeat_inquiries, st.concurrent_inquiries,
        st.landline_sharers, st.namesakes, st.siloed_people,
        st.brand_handle_posts, st.hotline_quotes);
    absl::StrAppend(&summary, "  own identities (for link):");
    for (const Identity& id : simulator.own_identities()) {
      absl::StrAppend(&summary, " ", std::string(IdentityKindName(id.kind)),
                      ":", id.value);
    }
    summary.push_back('\n');
    std::fputs(summary.c_str(), stderr);
  }
  return 0;
}

}  // namespace threadline::cli
