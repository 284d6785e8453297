// File: identity_merge_undo.cc
// Two profiles, one from a web chat where the visitor gave an email and one
// from a phone call, look like one person to the host's CRM: its billing
// records list the same email for both. The host merges them. A supervisor
// later finds the phone belongs to the customer's brother, who shares the
// family email for billing, and undoes the merge: every interaction goes
// back to the customer it came from, and the two stay apart from then on.
//
// Run: build/examples/cpp/identity_merge_undo

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "threadline/clock.h"
#include "threadline/engine.h"
#include "threadline/status_macros.h"
#include "threadline/types.h"

namespace {

using threadline::Channel;
using threadline::Direction;
using threadline::IdentityKind;

absl::Time At(int day, int hour, int minute) {
  return absl::FromCivil(absl::CivilMinute(2026, 3, 2 + day, hour, minute),
                         absl::UTCTimeZone());
}

std::string When(absl::Time t) {
  return absl::FormatTime("%a %e %b %H:%M", t, absl::UTCTimeZone());
}

// Prints the customers `ids` name, once each: after a merge both ids give
// the survivor.
absl::Status PrintCustomers(const threadline::Engine& engine,
                            const std::vector<std::string>& ids) {
  std::vector<threadline::Customer> customers;
  for (const std::string& id : ids) {
    THREADLINE_ASSIGN_OR_RETURN(threadline::Customer c, engine.GetCustomer(id));
    bool seen = false;
    for (const threadline::Customer& other : customers) seen |= other.id == c.id;
    if (!seen) customers.push_back(std::move(c));
  }
  std::printf("  %zu %s\n", customers.size(),
              customers.size() == 1 ? "customer" : "customers");
  for (const threadline::Customer& c : customers) {
    std::printf("  %s", c.id.c_str());
    if (!c.display_names.empty()) {
      std::printf(" (%s)", c.display_names.front().c_str());
    }
    if (!c.absorbed_ids.empty()) {
      std::printf(", absorbed:");
      for (const std::string& a : c.absorbed_ids) std::printf(" %s", a.c_str());
    }
    std::printf("\n    identities:");
    for (const threadline::CustomerIdentity& id : c.identities) {
      std::printf(" %s", threadline::IdentityToString(id.identity).c_str());
    }
    THREADLINE_ASSIGN_OR_RETURN(std::vector<threadline::TimelineEntry> timeline,
                                engine.Timeline(c.id));
    std::printf("\n    interactions:");
    for (const threadline::TimelineEntry& e : timeline) {
      std::printf(" %s (%s, case %s)", e.interaction_id.c_str(),
                  std::string(threadline::ChannelName(e.channel)).c_str(),
                  e.case_id.c_str());
    }
    std::printf("\n");
  }
  return absl::OkStatus();
}

void PrintMerge(const threadline::MergeRecord& m) {
  std::printf("  Merge %s: %s into %s at %s%s\n", m.id.c_str(),
              m.absorbed_id.c_str(), m.survivor_id.c_str(), When(m.at).c_str(),
              m.undone ? ", undone" : ", in force");
  if (m.evidence_interaction_id.empty()) {
    std::printf("    evidence: the host's word (an explicit merge)\n");
  } else {
    std::printf("    evidence: %s in %s\n",
                threadline::IdentityToString(m.evidence_identity).c_str(),
                m.evidence_interaction_id.c_str());
  }
}

absl::Status Run() {
  // A manual clock: merges are stamped with the engine's "now", and the
  // example says when that is.
  auto clock = std::make_shared<threadline::ManualClock>(At(1, 11, 0));
  threadline::EngineOptions options;
  options.clock = clock;
  THREADLINE_ASSIGN_OR_RETURN(std::unique_ptr<threadline::Engine> engine,
                              threadline::Engine::Open(std::move(options)));

  // A web chat whose visitor leaves an email.
  threadline::Interaction chat;
  chat.id = "chat-1";
  chat.occurred_at = At(0, 9, 0);
  chat.channel = Channel::kWebChat;
  chat.direction = Direction::kInbound;
  chat.contact = {IdentityKind::kChatVisitor, "visitor-88"};
  chat.identities = {{IdentityKind::kEmail, "Ana.Ruiz@example.com"}};
  chat.display_name = "Ana Ruiz";
  chat.text = "Hello, my last invoice charges me twice";
  THREADLINE_ASSIGN_OR_RETURN(threadline::Linkage by_email,
                              engine->Ingest(chat));

  // A phone call from a number threadline has not seen.
  threadline::Interaction call;
  call.id = "call-1";
  call.occurred_at = At(0, 15, 30);
  call.channel = Channel::kVoice;
  call.direction = Direction::kInbound;
  call.contact = {IdentityKind::kPhone, "612 34 56 78"};
  call.region = "ES";
  call.text = "I would like to move to the fibre plan";
  THREADLINE_ASSIGN_OR_RETURN(threadline::Linkage by_phone,
                              engine->Ingest(call));

  const std::vector<std::string> ids = {by_email.customer_id,
                                        by_phone.customer_id};
  std::printf("Before the merge:\n");
  THREADLINE_RETURN_IF_ERROR(PrintCustomers(*engine, ids));

  // The host's billing records list ana.ruiz@example.com for the phone's
  // contract too, so the host says the two are one person.
  std::printf("\nThe host merges %s and %s: both have ana.ruiz@example.com "
              "on file.\n",
              by_email.customer_id.c_str(), by_phone.customer_id.c_str());
  THREADLINE_ASSIGN_OR_RETURN(
      threadline::MergeRecord merge,
      engine->Merge(by_email.customer_id, by_phone.customer_id));
  PrintMerge(merge);
  std::printf("After the merge:\n");
  THREADLINE_RETURN_IF_ERROR(PrintCustomers(*engine, ids));

  // A supervisor finds the phone is the customer's brother's: the family
  // shares the email for billing. The merge is undone by its record.
  clock->Advance(absl::Hours(24 + 5));
  std::printf("\nA supervisor finds the phone belongs to Ana's brother; "
              "the merge is undone.\n");
  THREADLINE_ASSIGN_OR_RETURN(std::vector<threadline::MergeRecord> undone,
                              engine->Unmerge(merge.id));
  for (const threadline::MergeRecord& m : undone) PrintMerge(m);
  std::printf("After the undo:\n");
  THREADLINE_RETURN_IF_ERROR(PrintCustomers(*engine, ids));

  std::printf("\nMerge records of %s:\n", by_email.customer_id.c_str());
  THREADLINE_ASSIGN_OR_RETURN(std::vector<threadline::MergeRecord> records,
                              engine->Merges(by_email.customer_id));
  for (const threadline::MergeRecord& m : records) PrintMerge(m);

  // An undone merge is a decision: the two are kept apart.
  absl::StatusOr<threadline::MergeRecord> again =
      engine->Merge(by_email.customer_id, by_phone.customer_id);
  if (again.ok()) {
    return absl::InternalError("an undone merge was allowed again");
  }
  std::printf("\nMerging them again is refused: %s\n",
              again.status().ToString().c_str());
  return absl::OkStatus();
}

}  // namespace

int main() {
  absl::Status status = Run();
  if (!status.ok()) {
    std::fprintf(stderr, "error: %s\n", status.ToString().c_str());
    return 1;
  }
  return 0;
}
