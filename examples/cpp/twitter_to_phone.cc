// File: twitter_to_phone.cc
// A customer tweets about an outage, an agent answers on Twitter, and the
// next morning the customer phones from a number threadline has never seen,
// saying "this is @jdoe from Twitter". The call joins the Twitter case, and
// the agent who picks up sees the whole story: who is calling, by which
// identities, through which channels, the last messages and how long the
// customer has been waiting.
//
// Run: build/examples/cpp/twitter_to_phone

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
  return absl::FromCivil(absl::CivilMinute(2026, 1, 5 + day, hour, minute),
                         absl::UTCTimeZone());
}

std::string When(absl::Time t) {
  return absl::FormatTime("%a %e %b %H:%M", t, absl::UTCTimeZone());
}

// Why an interaction joined its case, in words an agent reads.
const char* Explain(threadline::LinkReason reason) {
  switch (reason) {
    case threadline::LinkReason::kNewCase:
      return "nothing it continues: a new case";
    case threadline::LinkReason::kReplyTo:
      return "it answers a message of the case";
    case threadline::LinkReason::kThread:
      return "the same conversation thread";
    case threadline::LinkReason::kExternalRef:
      return "the same ticket reference";
    case threadline::LinkReason::kSameMatter:
      return "the same customer back on the same matter";
    case threadline::LinkReason::kReopened:
      return "the same matter soon after the case was resolved";
    case threadline::LinkReason::kOnlyOpenCase:
      return "the customer's one open case";
    case threadline::LinkReason::kUnspecified:
      break;
  }
  return "unknown";
}

void PrintLinkage(const threadline::Linkage& link) {
  std::printf("  -> %s case %s of customer %s\n     reason %s: %s\n",
              link.continued ? "joins" : "opens", link.case_id.c_str(),
              link.customer_id.c_str(),
              std::string(threadline::LinkReasonName(link.reason)).c_str(),
              Explain(link.reason));
  // What named no one was left out, and the host is told why.
  for (const threadline::IgnoredIdentity& g : link.ignored_identities) {
    std::printf("     left out %s: %s\n",
                threadline::IdentityToString(g.identity).c_str(),
                std::string(g.why.message()).c_str());
  }
}

void PrintContext(const threadline::HandoffContext& ctx, absl::Time now) {
  std::printf("\nOn the screen of the agent who picks up the call (%s):\n",
              When(now).c_str());
  const threadline::Customer& customer = ctx.customer;
  std::printf("  Customer %s", customer.id.c_str());
  if (!customer.display_names.empty()) {
    std::printf(" (%s)", customer.display_names.front().c_str());
  }
  std::printf("\n  Identities:\n");
  for (const threadline::CustomerIdentity& id : customer.identities) {
    std::printf("    %-22s since %s, from %s%s\n",
                threadline::IdentityToString(id.identity).c_str(),
                When(id.first_seen).c_str(),
                id.evidence_interaction_id.c_str(),
                id.mentioned ? " (said in the message)" : "");
  }
  std::printf("  Case %s, %s", ctx.case_info.id.c_str(),
              std::string(threadline::CaseStatusName(ctx.case_info.status))
                  .c_str());
  if (!ctx.case_info.topic.empty()) {
    std::printf(", about %s", ctx.case_info.topic.c_str());
  }
  std::printf("\n  Started:    on %s, %s\n",
              std::string(threadline::ChannelName(ctx.started_on)).c_str(),
              When(ctx.started_at).c_str());
  std::printf("  Channels:   ");
  for (size_t i = 0; i < ctx.channels.size(); ++i) {
    std::printf("%s%s", i == 0 ? "" : " -> ",
                std::string(threadline::ChannelName(ctx.channels[i])).c_str());
  }
  std::printf("\n  Last messages:\n");
  for (const threadline::ContextMessage& m : ctx.last_messages) {
    std::string who = m.direction == Direction::kInbound
                          ? "customer"
                          : "agent " + m.agent_id;
    std::printf("    %s  %-7s %-14s %s\n", When(m.occurred_at).c_str(),
                std::string(threadline::ChannelName(m.channel)).c_str(),
                who.c_str(), m.text.c_str());
  }
  std::printf("  Waiting:    %s\n",
              absl::FormatDuration(ctx.waiting).c_str());
  std::printf("  Other open cases: %zu\n", ctx.other_open_cases.size());
}

absl::Status Run() {
  // A manual clock: the example says when "now" is, so the waiting time it
  // prints is the same on every run.
  auto clock = std::make_shared<threadline::ManualClock>(At(0, 19, 0));
  threadline::EngineOptions options;
  options.own_identities = {{IdentityKind::kTwitter, "@AcmeCare"},
                            {IdentityKind::kPhone, "+1 800 555 0199"}};
  options.clock = clock;
  THREADLINE_ASSIGN_OR_RETURN(std::unique_ptr<threadline::Engine> engine,
                              threadline::Engine::Open(std::move(options)));

  // Monday evening: the customer tweets at the brand.
  threadline::Interaction tweet;
  tweet.id = "tw-1";
  tweet.occurred_at = At(0, 19, 0);
  tweet.channel = Channel::kTwitter;
  tweet.direction = Direction::kInbound;
  tweet.contact = {IdentityKind::kTwitter, "@jdoe"};
  tweet.display_name = "Jane Doe";
  tweet.thread_id = "tw-1";
  tweet.text = "@AcmeCare my internet has been down since this morning";
  std::printf("%s  Tweet from @jdoe\n  \"%s\"\n", When(tweet.occurred_at).c_str(),
              tweet.text.c_str());
  THREADLINE_ASSIGN_OR_RETURN(threadline::Linkage first, engine->Ingest(tweet));
  PrintLinkage(first);

  // Twenty minutes later an agent answers on Twitter.
  threadline::Interaction reply;
  reply.id = "tw-2";
  reply.occurred_at = At(0, 19, 20);
  reply.channel = Channel::kTwitter;
  reply.direction = Direction::kOutbound;
  reply.contact = {IdentityKind::kTwitter, "@jdoe"};
  reply.reply_to = tweet.id;
  reply.agent_id = "maria";
  reply.text = "@jdoe Sorry about that! We are checking the line in your area.";
  std::printf("\n%s  Reply on Twitter by agent maria\n  \"%s\"\n",
              When(reply.occurred_at).c_str(), reply.text.c_str());
  THREADLINE_ASSIGN_OR_RETURN(threadline::Linkage answered,
                              engine->Ingest(reply));
  PrintLinkage(answered);

  // Tuesday morning: a call from a number never seen before. The customer
  // says who they are; threadline finds the handle in what they said.
  threadline::Interaction call;
  call.id = "call-1";
  call.occurred_at = At(1, 10, 0);
  call.channel = Channel::kVoice;
  call.direction = Direction::kInbound;
  call.contact = {IdentityKind::kPhone, "(646) 555-0134"};
  call.region = "US";
  // The phone system had no account to pass on and wrote a placeholder.
  call.identities = {{IdentityKind::kAccount, "unknown"}};
  call.text = "Hi, this is @jdoe from Twitter, my internet is still down";
  std::printf("\n%s  Phone call from %s\n  \"%s\"\n",
              When(call.occurred_at).c_str(), call.contact.value.c_str(),
              call.text.c_str());
  THREADLINE_ASSIGN_OR_RETURN(threadline::Linkage joined, engine->Ingest(call));
  PrintLinkage(joined);
  THREADLINE_ASSIGN_OR_RETURN(
      threadline::Customer caller,
      engine->FindCustomer(call.contact, call.region));
  std::printf("     the number now belongs to customer %s, "
              "found by the handle the caller gave\n",
              caller.id.c_str());
  if (joined.case_id != first.case_id) {
    return absl::InternalError("the call opened case " + joined.case_id +
                               " instead of joining " + first.case_id);
  }

  // Five minutes into the call, the agent looks at the case.
  clock->Advance(absl::Hours(15) + absl::Minutes(5));
  THREADLINE_ASSIGN_OR_RETURN(threadline::HandoffContext ctx,
                              engine->Context(joined.case_id));
  PrintContext(ctx, clock->Now());
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
