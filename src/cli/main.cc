// threadline: the command-line face of the library.
#include <cstdio>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "cli/commands.h"

namespace {

constexpr char kUsage[] =
    "threadline: one thread per customer inquiry across every channel.\n"
    "\n"
    "Usage: threadline COMMAND [flags]\n"
    "\n"
    "Commands:\n"
    "  link       read Interaction JSON Lines, write one linkage per line\n"
    "             (customer, case, reason) and a journey summary; with\n"
    "             --journal DIR the state is kept from run to run\n"
    "  inspect    what a journal holds: events, snapshot, customers, cases\n"
    "  simulate   write realistic simulated customer journeys as JSON Lines\n"
    "  score      compare a linkage with ground truth (precision, recall, F1)\n"
    "  sentiment  score the sentiment of one text per line (English, Spanish)\n"
    "  guard      check an agent's reply before it goes out on a channel\n"
    "\n"
    "Run 'threadline COMMAND --help' for the flags of a command.\n";

}  // namespace

int main(int argc, char** argv) {
  // Abseil as Debian builds it looks for lock-order cycles on every lock
  // of every mutex: a debugging aid, which a tool that has its locks from
  // the library alone does not need to pay for on each line.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  const std::string command = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "link") return threadline::cli::RunLink(args);
  if (command == "simulate") return threadline::cli::RunSimulate(args);
  if (command == "score") return threadline::cli::RunScore(args);
  if (command == "sentiment") return threadline::cli::RunSentiment(args);
  if (command == "guard") return threadline::cli::RunGuard(args);
  if (command == "inspect") return threadline::cli::RunInspect(args);
  if (command == "--help" || command == "-h" || command == "help") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  std::fprintf(stderr, "threadline: unknown command \"%s\"\n\n%s",
               command.c_str(), kUsage);
  return 2;
}
