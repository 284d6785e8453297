// Throughput of the public reply guard (checks/s): tweet-sized agent
// replies, clean and with personal data; a reply checked on every keystroke
// as it is typed; and long replies, to show the work stays bounded.
#include <memory>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "threadline/guard.h"
#include "threadline/types.h"

namespace {

using threadline::Channel;
using threadline::GuardOptions;
using threadline::GuardResult;
using threadline::IdentityKind;
using threadline::ReplyContext;
using threadline::ReplyGuard;

const ReplyGuard& Guard() {
  static const ReplyGuard* const kGuard = [] {
    GuardOptions options;
    options.own_identities = {{IdentityKind::kPhone, "1-800-555-0199"},
                              {IdentityKind::kEmail, "support@acme.com"}};
    options.banned_phrases = {"calm down", "no es mi culpa", "lol"};
    options.required_signoff = "^AB";
    options.regions = {"US", "MX", "ES"};
    return ReplyGuard::Create(options).value().release();
  }();
  return *kGuard;
}

ReplyContext Twitter() {
  ReplyContext context;
  context.channel = Channel::kTwitter;
  context.customer_identities = {{IdentityKind::kPhone, "+16465550134"},
                                 {IdentityKind::kEmail, "grace@example.org"}};
  return context;
}

// A reply of about 280 bytes (a full tweet) without numbers to look up.
const std::string& CleanTweet() {
  static const auto* const kReply = new std::string(
      "Hi Grace, we're so sorry about the double charge on your last bill! "
      "Our billing team has reversed it and you'll see the credit on your "
      "next statement. Order #12345 ships 2026-01-05; the refund of $40.00 "
      "takes 3-5 days. Anything else, call 1-800-555-0199 anytime. ^AB");
  return *kReply;
}

// Agent replies of 60 to 280 bytes in English and Spanish; some carry
// personal data, a phone number among them.
const std::vector<std::string>& Replies() {
  static const auto* const kReplies = new std::vector<std::string>{
      CleanTweet(),
      "Thanks for your patience! Your card 4111 1111 1111 1111 was declined "
      "by the bank; please DM us and we'll send a secure payment link. ^AB",
      "Hola Lucía, tu pedido 98765 llega el 05/01/2026. El reembolso de "
      "40.000 pesos ya fue aprobado. ¡Gracias por tu paciencia! ^AB",
      "We'll call you back at (646) 555-0134 within the hour, or write to "
      "grace@example.org if you prefer. ^AB",
      "Lo sentimos mucho, fue un error de nuestro sistema. Tu cuenta "
      "0123 4567 8901 2345 6789 ya está activa. ^AB",
      "PLEASE DO NOT share your PIN with anyone, calm down and DM us. ^AB",
  };
  return *kReplies;
}

void BM_GuardCheckCleanTweet(benchmark::State& state) {
  const ReplyGuard& guard = Guard();
  const ReplyContext context = Twitter();
  for (auto _ : state) {
    GuardResult r = guard.Check(CleanTweet(), context);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * CleanTweet().size());
}
BENCHMARK(BM_GuardCheckCleanTweet)->ThreadRange(1, 2);

void BM_GuardCheckReplies(benchmark::State& state) {
  const ReplyGuard& guard = Guard();
  const ReplyContext context = Twitter();
  const std::vector<std::string>& replies = Replies();
  size_t i = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    GuardResult r = guard.Check(replies[i], context);
    benchmark::DoNotOptimize(r);
    bytes += replies[i].size();
    if (++i == replies.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_GuardCheckReplies)->ThreadRange(1, 2);

// Every prefix of a reply, as an editor checks it on each keystroke: the
// phone number typed in it is parsed once per distinct prefix, then cached.
void BM_GuardKeystrokes(benchmark::State& state) {
  const ReplyGuard& guard = Guard();
  const ReplyContext context = Twitter();
  const std::string& reply = Replies()[3];
  size_t length = 1;
  for (auto _ : state) {
    GuardResult r =
        guard.Check(std::string_view(reply).substr(0, length), context);
    benchmark::DoNotOptimize(r);
    if (++length > reply.size()) length = 1;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GuardKeystrokes);

// A phone number the guard has not seen: one libphonenumber parse per
// region tried.
void BM_GuardCheckNewPhone(benchmark::State& state) {
  const ReplyGuard& guard = Guard();
  const ReplyContext context = Twitter();
  int64_t n = 0;
  std::string reply;
  for (auto _ : state) {
    state.PauseTiming();
    reply = "We'll call you at (212) 555-" + std::to_string(1000 + n % 9000) +
            " and at (415) 55" + std::to_string(10000 + n / 9000 % 90000) +
            " today. ^AB";
    ++n;
    state.ResumeTiming();
    GuardResult r = guard.Check(reply, context);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_GuardCheckNewPhone);

// Long replies: the work grows with the text up to the 64 KiB checked, and
// no further.
void BM_GuardCheckLong(benchmark::State& state) {
  const ReplyGuard& guard = Guard();
  const ReplyContext context = Twitter();
  std::string reply;
  while (reply.size() < static_cast<size_t>(state.range(0))) {
    for (const std::string& r : Replies()) reply += r + "\n";
  }
  reply.resize(state.range(0));
  for (auto _ : state) {
    GuardResult r = guard.Check(reply, context);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * reply.size());
}
BENCHMARK(BM_GuardCheckLong)->RangeMultiplier(4)->Range(1 << 10, 1 << 20);

}  // namespace
