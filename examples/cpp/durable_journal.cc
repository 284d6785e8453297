// durable_journal: a CRM that keeps threadline's state in a journal, so a
// restart loses nothing, and forgets a customer when the law asks.
//
// Monday a customer writes on WhatsApp and the process stops; Tuesday the
// engine opens the same journal, the customer calls, and the call joins
// Monday's case. Then the customer asks to be forgotten: Erase removes them
// from memory and from every file of the journal, and their number seen
// again is a new customer.
//
//   build/examples/cpp/durable_journal [DIR]   (default: a new temporary dir)
#include <dirent.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "absl/time/time.h"
#include "threadline/engine.h"

namespace {

using threadline::Channel;
using threadline::Direction;
using threadline::IdentityKind;

threadline::Interaction Message(std::string id, absl::Time at, Channel channel,
                                IdentityKind kind, std::string contact,
                                std::string text) {
  threadline::Interaction in;
  in.id = std::move(id);
  in.occurred_at = at;
  in.channel = channel;
  in.direction = Direction::kInbound;
  in.contact = {kind, std::move(contact)};
  in.region = "US";
  in.text = std::move(text);
  return in;
}

absl::StatusOr<std::unique_ptr<threadline::Engine>> OpenAt(
    const std::string& dir) {
  threadline::EngineOptions options;
  options.journal_dir = dir;  // the embedded default: a journal in `dir`
  return threadline::Engine::Open(options);
}

// How many files of `dir` still hold `needle`.
int FilesHolding(const std::string& dir, const std::string& needle) {
  int holding = 0;
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return -1;
  while (dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    std::ifstream f(dir + "/" + name, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(f)),
                            std::istreambuf_iterator<char>());
    if (bytes.find(needle) != std::string::npos) ++holding;
  }
  closedir(d);
  return holding;
}

// Removes a directory of plain files that this program made.
void RemoveDir(const std::string& dir) {
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      const std::string name = e->d_name;
      if (name != "." && name != "..") unlink((dir + "/" + name).c_str());
    }
    closedir(d);
  }
  rmdir(dir.c_str());
}

int Fail(const absl::Status& s) {
  std::printf("error: %s\n", std::string(s.message()).c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir;
  const bool own_dir = argc <= 1;
  if (!own_dir) {
    dir = argv[1];
  } else {
    char tmpl[] = "/tmp/threadline-journal-XXXXXX";
    if (mkdtemp(tmpl) == nullptr) return 1;
    dir = tmpl;
  }
  const absl::Time monday = absl::FromCivil(
      absl::CivilMinute(2026, 3, 2, 9, 30), absl::UTCTimeZone());

  std::string customer, case_id;
  {
    auto engine = OpenAt(dir);
    if (!engine.ok()) return Fail(engine.status());
    auto link = (*engine)->Ingest(Message(
        "wa-1", monday, Channel::kWhatsapp, IdentityKind::kWhatsapp,
        "+16465550134", "Hi, my router keeps rebooting since the update"));
    if (!link.ok()) return Fail(link.status());
    customer = link->customer_id;
    case_id = link->case_id;
    std::printf("Monday   WhatsApp  -> customer %s, case %s (on disk when "
                "Ingest returns)\n",
                customer.c_str(), case_id.c_str());
  }  // the process stops here; nothing is kept in memory

  auto engine = OpenAt(dir);
  if (!engine.ok()) return Fail(engine.status());
  const threadline::RecoveryReport recovery = (*engine)->Recovery();
  std::printf("Tuesday  reopened %s: %llu events replayed\n",
              recovery.store.c_str(),
              static_cast<unsigned long long>(recovery.load.events));
  auto call = (*engine)->Ingest(Message(
      "call-1", monday + absl::Hours(24), Channel::kVoice, IdentityKind::kPhone,
      "(646) 555-0134", "the router is still rebooting"));
  if (!call.ok()) return Fail(call.status());
  std::printf("Tuesday  phone     -> customer %s, case %s (%s)\n",
              call->customer_id.c_str(), call->case_id.c_str(),
              std::string(threadline::LinkReasonName(call->reason)).c_str());
  if (call->case_id != case_id) return Fail(absl::InternalError("case lost"));

  std::printf("\nThe customer asks to be forgotten.\n");
  auto erased = (*engine)->Erase(customer);
  if (!erased.ok()) return Fail(erased.status());
  std::printf("Erased   %zu customer(s), %llu identities, %llu interactions, "
              "%llu case(s)\n",
              erased->customer_ids.size(),
              static_cast<unsigned long long>(erased->identities),
              static_cast<unsigned long long>(erased->interactions),
              static_cast<unsigned long long>(erased->cases));
  std::printf("Files of %s still holding the number: %d, the message: %d\n",
              dir.c_str(), FilesHolding(dir, "6465550134"),
              FilesHolding(dir, "router keeps rebooting"));
  auto again = (*engine)->Ingest(Message(
      "wa-2", monday + absl::Hours(48), Channel::kWhatsapp,
      IdentityKind::kWhatsapp, "+16465550134", "hello?"));
  if (!again.ok()) return Fail(again.status());
  std::printf("The same number again -> a new customer %s\n",
              again->customer_id.c_str());
  engine->reset();  // closes the journal
  if (own_dir) RemoveDir(dir);
  return 0;
}
