// File: app.cc
// The host program of the packaging tests: an email, then a web chat where
// the customer gives the same address; both must be one customer. Exits 0
// when they are.
#include <cstdio>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "threadline/engine.h"

int main() {
  absl::StatusOr<std::unique_ptr<threadline::Engine>> engine =
      threadline::Engine::Open({});
  if (!engine.ok()) {
    std::fprintf(stderr, "error: %s\n", engine.status().ToString().c_str());
    return 1;
  }

  threadline::Interaction email;
  email.id = "em-1";
  email.occurred_at = absl::FromUnixSeconds(1767600000);
  email.channel = threadline::Channel::kEmail;
  email.direction = threadline::Direction::kInbound;
  email.contact = {threadline::IdentityKind::kEmail, "Lee.Park@example.org"};
  email.text = "My order never arrived";

  threadline::Interaction chat;
  chat.id = "ch-1";
  chat.occurred_at = email.occurred_at + absl::Hours(2);
  chat.channel = threadline::Channel::kWebChat;
  chat.direction = threadline::Direction::kInbound;
  chat.contact = {threadline::IdentityKind::kChatVisitor, "visitor-7"};
  chat.identities = {{threadline::IdentityKind::kEmail, "lee.park@example.org"}};
  chat.text = "Still waiting for my order";

  absl::StatusOr<threadline::Linkage> first = (*engine)->Ingest(email);
  absl::StatusOr<threadline::Linkage> second = (*engine)->Ingest(chat);
  if (!first.ok() || !second.ok()) {
    std::fprintf(stderr, "error: %s\n",
                 (first.ok() ? second : first).status().ToString().c_str());
    return 1;
  }
  std::printf("%s -> customer %s, case %s\n%s -> customer %s, case %s (%s)\n",
              first->interaction_id.c_str(), first->customer_id.c_str(),
              first->case_id.c_str(), second->interaction_id.c_str(),
              second->customer_id.c_str(), second->case_id.c_str(),
              std::string(threadline::LinkReasonName(second->reason)).c_str());
  if (first->customer_id != second->customer_id) {
    std::fprintf(stderr, "error: two customers for one email address\n");
    return 1;
  }
  std::printf("one customer\n");
  return 0;
}
