#include "threadline/engine.h"

#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace threadline {
namespace {

absl::Time At(int day, int hour = 9, int minute = 0) {
  return absl::FromCivil(absl::CivilMinute(2026, 1, 5 + day, hour, minute),
                         absl::UTCTimeZone());
}

Interaction Make(std::string id, absl::Time at, Channel channel,
                 IdentityKind kind, std::string contact, std::string text = "") {
  Interaction in;
  in.id = std::move(id);
  in.occurred_at = at;
  in.channel = channel;
  in.direction = Direction::kInbound;
  in.contact = {kind, std::move(contact)};
  in.text = std::move(text);
  return in;
}

Interaction Reply(std::string id, const Interaction& to, absl::Time at,
                  std::string text = "We are looking into it") {
  Interaction out = to;
  out.id = std::move(id);
  out.occurred_at = at;
  out.direction = Direction::kOutbound;
  out.identities.clear();
  out.reply_to = to.id;
  out.agent_id = "agent-1";
  out.text = std::move(text);
  return out;
}

class EngineTest : public ::testing::Test {
 protected:
  void SetUp() override { Open(EngineOptions{}); }
  void Open(EngineOptions options) {
    clock_ = std::make_shared<ManualClock>(At(0));
    options.clock = clock_;
    auto e = Engine::Open(std::move(options));
    ASSERT_TRUE(e.ok()) << e.status();
    engine_ = *std::move(e);
  }
  Linkage Ingest(const Interaction& in) {
    absl::StatusOr<Linkage> l = engine_->Ingest(in);
    EXPECT_TRUE(l.ok()) << l.status();
    return l.ok() ? *l : Linkage{};
  }
  Linkage Now(const std::string& id) {
    absl::StatusOr<Linkage> l = engine_->LinkageOf(id);
    EXPECT_TRUE(l.ok()) << l.status();
    return l.ok() ? *l : Linkage{};
  }

  std::shared_ptr<ManualClock> clock_;
  std::unique_ptr<Engine> engine_;
};

TEST_F(EngineTest, EveryPhoneFormResolvesToOneCustomer) {
  const char* forms[] = {"(646) 555-0134", "+1 646 555 0134", "646.555.0134",
                         "+1-646-555-0134", "16465550134", "011 1 646 555 0134"};
  std::string customer;
  int i = 0;
  for (const char* form : forms) {
    Interaction in = Make("v-" + std::to_string(i), At(0, 9, i), Channel::kVoice,
                          IdentityKind::kPhone, form);
    in.region = "US";
    Linkage l = Ingest(in);
    if (customer.empty()) customer = l.customer_id;
    EXPECT_EQ(l.customer_id, customer) << form;
    ++i;
  }
  absl::StatusOr<Customer> c =
      engine_->FindCustomer({IdentityKind::kPhone, "+16465550134"});
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->id, customer);
}

TEST_F(EngineTest, WhatsappIdWithoutPlusIsThePhoneNumber) {
  Linkage call = Ingest(Make("v-1", At(0), Channel::kVoice, IdentityKind::kPhone,
                             "+57 300 123 4567"));
  Linkage wa = Ingest(Make("w-1", At(1), Channel::kWhatsapp,
                           IdentityKind::kWhatsapp, "573001234567"));
  EXPECT_EQ(call.customer_id, wa.customer_id);
}

// A host whose connector garbles a field learns which one: the interaction
// is linked by what remains, and the answer names what was left out.
TEST_F(EngineTest, IngestNamesTheIdentitiesItLeftOut) {
  Interaction in = Make("e-1", At(0), Channel::kEmail, IdentityKind::kEmail,
                        "not-an-email", "Where is my refund?");
  in.identities = {{IdentityKind::kAccount, "unknown"},
                   {IdentityKind::kAccount, "AC-305510"},
                   {IdentityKind::kPhone, "+1 12"}};
  Linkage l = Ingest(in);
  // Each once, in the order read: accounts first (the primary identity).
  ASSERT_EQ(l.ignored_identities.size(), 3u);
  EXPECT_EQ(l.ignored_identities[0].identity,
            (Identity{IdentityKind::kAccount, "unknown"}));
  EXPECT_EQ(l.ignored_identities[1].identity,
            (Identity{IdentityKind::kEmail, "not-an-email"}));
  EXPECT_EQ(l.ignored_identities[2].identity,
            (Identity{IdentityKind::kPhone, "+1 12"}));
  for (const IgnoredIdentity& g : l.ignored_identities) {
    EXPECT_EQ(g.why.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(g.why.message().find(g.identity.value), absl::string_view::npos)
        << g.why;
  }
  absl::StatusOr<Customer> c =
      engine_->FindCustomer({IdentityKind::kAccount, "AC-305510"});
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->id, l.customer_id);
  // Only the ingest that links it reports them.
  EXPECT_TRUE(Ingest(in).ignored_identities.empty());
  EXPECT_TRUE(Now("e-1").ignored_identities.empty());
  EXPECT_TRUE(Ingest(Make("e-2", At(1), Channel::kEmail, IdentityKind::kEmail,
                          "grace@example.com"))
                  .ignored_identities.empty());
}

TEST_F(EngineTest, TweetThenCallGivingTheHandleJoinsTheCase) {
  Interaction tweet = Make("tw-1", At(0, 19), Channel::kTwitter,
                           IdentityKind::kTwitter, "@GraceC",
                           "@AcmeCare my internet is down since this morning");
  tweet.topic = "connectivity";
  Linkage t = Ingest(tweet);
  EXPECT_EQ(t.reason, LinkReason::kNewCase);
  EXPECT_FALSE(t.continued);
  Linkage r = Ingest(Reply("tw-2", tweet, At(0, 19, 20)));
  EXPECT_EQ(r.case_id, t.case_id);
  EXPECT_EQ(r.reason, LinkReason::kReplyTo);

  Interaction call = Make("vo-1", At(1, 10), Channel::kVoice, IdentityKind::kPhone,
                          "(646) 555-0134", "still no internet");
  call.region = "US";
  call.topic = "connectivity";
  call.identities = {{IdentityKind::kTwitter, "gracec"}};
  Linkage c = Ingest(call);
  EXPECT_EQ(c.customer_id, t.customer_id);
  EXPECT_EQ(c.case_id, t.case_id);
  EXPECT_EQ(c.reason, LinkReason::kSameMatter);
  EXPECT_TRUE(c.continued);

  clock_->Set(At(1, 10, 30));
  absl::StatusOr<HandoffContext> ctx = engine_->Context(t.case_id);
  ASSERT_TRUE(ctx.ok()) << ctx.status();
  EXPECT_EQ(ctx->channels,
            (std::vector<Channel>{Channel::kTwitter, Channel::kVoice}));
  EXPECT_EQ(ctx->started_on, Channel::kTwitter);
  EXPECT_EQ(ctx->started_at, At(0, 19));
  ASSERT_EQ(ctx->last_messages.size(), 3u);
  EXPECT_EQ(ctx->last_messages.back().interaction_id, "vo-1");
  EXPECT_EQ(ctx->waiting, absl::Minutes(30));
  EXPECT_EQ(ctx->case_info.status, CaseStatus::kOpen);
  bool has_phone = false, has_handle = false;
  for (const CustomerIdentity& id : ctx->customer.identities) {
    has_phone |= id.identity == Identity{IdentityKind::kPhone, "+16465550134"};
    has_handle |= id.identity == Identity{IdentityKind::kTwitter, "gracec"};
  }
  EXPECT_TRUE(has_phone);
  EXPECT_TRUE(has_handle);
}

TEST_F(EngineTest, MergeFoundLaterRewritesEarlierLinkagesAndCanBeUndone) {
  Interaction mail = Make("em-1", At(0), Channel::kEmail, IdentityKind::kEmail,
                          " Ava.King@Example.org ");
  mail.topic = "refund";
  Interaction fb = Make("fb-1", At(0, 12), Channel::kFacebook,
                        IdentityKind::kFacebook, "1234567890");
  fb.topic = "refund";
  Linkage m = Ingest(mail);
  Linkage f = Ingest(fb);
  ASSERT_NE(m.customer_id, f.customer_id);
  Interaction chat = Make("ch-1", At(1), Channel::kWebChat,
                          IdentityKind::kChatVisitor, "v-abc");
  chat.topic = "refund";
  chat.identities = {{IdentityKind::kEmail, "ava.king@example.org"},
                     {IdentityKind::kFacebook, "1234567890"}};
  Linkage c = Ingest(chat);
  // The oldest customer survives and every earlier line reports it; the two
  // open refund cases are one inquiry.
  EXPECT_EQ(c.customer_id, m.customer_id);
  EXPECT_EQ(Now("fb-1").customer_id, m.customer_id);
  EXPECT_EQ(Now("fb-1").case_id, Now("em-1").case_id);
  absl::StatusOr<Customer> absorbed = engine_->GetCustomer(f.customer_id);
  ASSERT_TRUE(absorbed.ok());
  EXPECT_EQ(absorbed->id, m.customer_id);

  absl::StatusOr<std::vector<MergeRecord>> merges =
      engine_->Merges(m.customer_id);
  ASSERT_TRUE(merges.ok());
  ASSERT_EQ(merges->size(), 1u);
  const MergeRecord record = merges->front();
  EXPECT_EQ(record.survivor_id, m.customer_id);
  EXPECT_EQ(record.absorbed_id, f.customer_id);
  EXPECT_EQ(record.evidence_interaction_id, "ch-1");
  EXPECT_EQ(record.evidence_identity,
            (Identity{IdentityKind::kFacebook, "1234567890"}));

  absl::StatusOr<std::vector<MergeRecord>> undone =
      engine_->Unmerge(record.id);
  ASSERT_TRUE(undone.ok()) << undone.status();
  EXPECT_EQ(Now("fb-1").customer_id, f.customer_id);
  EXPECT_EQ(Now("em-1").customer_id, m.customer_id);
  EXPECT_NE(Now("fb-1").case_id, Now("em-1").case_id);
  EXPECT_EQ(engine_->Unmerge(record.id).status().code(),
            absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(engine_->Unmerge("m-999").status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(EngineTest, ExplicitMergeAndUnmerge) {
  Linkage a = Ingest(Make("a", At(0), Channel::kSms, IdentityKind::kPhone,
                          "+34 612 345 678"));
  Linkage b = Ingest(Make("b", At(1), Channel::kEmail, IdentityKind::kEmail,
                          "b@example.es"));
  absl::StatusOr<MergeRecord> m = engine_->Merge(b.customer_id, a.customer_id);
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ(m->survivor_id, a.customer_id);
  EXPECT_EQ(Now("b").customer_id, a.customer_id);
  EXPECT_EQ(engine_->Merge(a.customer_id, b.customer_id).status().code(),
            absl::StatusCode::kFailedPrecondition);
  ASSERT_TRUE(engine_->Unmerge(m->id).ok());
  EXPECT_EQ(Now("b").customer_id, b.customer_id);
  EXPECT_EQ(engine_->Merge(a.customer_id, "c-12345").status().code(),
            absl::StatusCode::kNotFound);
}

TEST_F(EngineTest, FamilySharingALandlineStaysSeparatePeople) {
  Interaction mum = Make("v-1", At(0), Channel::kVoice, IdentityKind::kPhone,
                         "(312) 555-0100");
  mum.region = "US";
  mum.identities = {{IdentityKind::kAccount, "AC-100200"}};
  Interaction son = mum;
  son.id = "v-2";
  son.occurred_at = At(2);
  son.identities = {{IdentityKind::kAccount, "ac 300 400"}};
  Interaction mum_again = mum;
  mum_again.id = "v-3";
  mum_again.occurred_at = At(3);
  mum_again.identities = {{IdentityKind::kAccount, "AC100200"}};
  Linkage a = Ingest(mum), b = Ingest(son), c = Ingest(mum_again);
  EXPECT_NE(a.customer_id, b.customer_id);
  EXPECT_EQ(a.customer_id, c.customer_id);
}

TEST_F(EngineTest, BrandHandleAndHotlineNeverJoinCustomers) {
  std::vector<std::string> customers;
  for (int i = 0; i < 6; ++i) {
    Interaction tweet =
        Make("tw-" + std::to_string(i), At(i), Channel::kTwitter,
             IdentityKind::kTwitter, "user" + std::to_string(i),
             "@AcmeCare I already called +1 800 555 0199 twice, no answer");
    customers.push_back(Ingest(tweet).customer_id);
    Interaction post =
        Make("fb-" + std::to_string(i), At(i, 12), Channel::kFacebook,
             IdentityKind::kFacebook, "fbuser" + std::to_string(i),
             "Called +18005550199 and nobody answers");
    customers.push_back(Ingest(post).customer_id);
  }
  for (size_t i = 0; i < customers.size(); ++i) {
    for (size_t j = i + 1; j < customers.size(); ++j) {
      EXPECT_NE(Now(i % 2 ? "fb-" + std::to_string(i / 2)
                          : "tw-" + std::to_string(i / 2))
                    .customer_id,
                Now(j % 2 ? "fb-" + std::to_string(j / 2)
                          : "tw-" + std::to_string(j / 2))
                    .customer_id);
    }
  }
}

TEST_F(EngineTest, ConfiguredOwnIdentityNeverIdentifies) {
  EngineOptions o;
  o.own_identities = {{IdentityKind::kEmail, "care@acme.com"}};
  Open(o);
  Interaction a = Make("a", At(0), Channel::kEmail, IdentityKind::kEmail,
                       "ann@example.org", "cc care@acme.com about my bill");
  Interaction b = Make("b", At(1), Channel::kEmail, IdentityKind::kEmail,
                       "bob@example.org", "writing to care@acme.com");
  EXPECT_NE(Ingest(a).customer_id, Ingest(b).customer_id);
  EXPECT_EQ(engine_->FindCustomer({IdentityKind::kEmail, "care@acme.com"})
                .status()
                .code(),
            absl::StatusCode::kNotFound);
}

TEST_F(EngineTest, MentionedEmailLinksChannels) {
  Linkage mail = Ingest(Make("em-1", At(0), Channel::kEmail, IdentityKind::kEmail,
                             "noah.j@outlook.com"));
  Linkage fb = Ingest(Make("fb-1", At(1), Channel::kFacebook,
                           IdentityKind::kFacebook, "5481270918502118",
                           "Any update? My email is noah.j@outlook.com"));
  EXPECT_EQ(fb.customer_id, mail.customer_id);
}

TEST_F(EngineTest, ReopenInsideTheWindowNewCaseAfter) {
  Interaction first = Make("s-1", At(0), Channel::kSms, IdentityKind::kPhone,
                           "+34 612 345 678");
  first.topic = "billing";
  Linkage a = Ingest(first);
  Interaction fixed = Reply("s-2", first, At(0, 12));
  fixed.disposition = Disposition::kResolved;
  Ingest(fixed);
  absl::StatusOr<Case> k = engine_->GetCase(a.case_id);
  ASSERT_TRUE(k.ok());
  EXPECT_EQ(k->status, CaseStatus::kResolved);

  Interaction back = first;
  back.id = "s-3";
  back.occurred_at = At(3);
  back.text = "Following up: this is still not solved";
  Linkage b = Ingest(back);
  EXPECT_EQ(b.case_id, a.case_id);
  EXPECT_EQ(b.reason, LinkReason::kReopened);
  EXPECT_EQ(engine_->GetCase(a.case_id)->status, CaseStatus::kOpen);

  Interaction resolved_again = Reply("s-4", back, At(3, 12));
  resolved_again.disposition = Disposition::kResolved;
  Ingest(resolved_again);
  Interaction weeks_later = first;
  weeks_later.id = "s-5";
  weeks_later.occurred_at = At(30);
  Linkage c = Ingest(weeks_later);
  EXPECT_NE(c.case_id, a.case_id);
  EXPECT_EQ(c.reason, LinkReason::kNewCase);
  EXPECT_EQ(c.customer_id, a.customer_id);
}

TEST_F(EngineTest, TwoMattersAtOnceAreTwoCases) {
  Interaction bill = Make("e-1", At(0), Channel::kEmail, IdentityKind::kEmail,
                          "mia@example.com");
  bill.topic = "billing";
  Interaction parcel = bill;
  parcel.id = "e-2";
  parcel.occurred_at = At(0, 11);
  parcel.topic = "delivery";
  Linkage a = Ingest(bill), b = Ingest(parcel);
  EXPECT_EQ(a.customer_id, b.customer_id);
  EXPECT_NE(a.case_id, b.case_id);
  Interaction bill2 = bill;
  bill2.id = "e-3";
  bill2.occurred_at = At(1);
  EXPECT_EQ(Ingest(bill2).case_id, a.case_id);
  absl::StatusOr<std::vector<Case>> cases = engine_->CasesOf(a.customer_id);
  ASSERT_TRUE(cases.ok());
  EXPECT_EQ(cases->size(), 2u);
}

TEST_F(EngineTest, ThreadAndHostReferenceContinueTheCase) {
  Interaction a = Make("e-1", At(0), Channel::kEmail, IdentityKind::kEmail,
                       "liam@example.com");
  a.thread_id = "thr-1";
  a.external_ref = "TICKET-9";
  a.topic = "billing";
  Linkage first = Ingest(a);
  Interaction b = a;
  b.id = "e-2";
  b.occurred_at = At(1);
  b.topic = "delivery";
  Linkage second = Ingest(b);
  EXPECT_EQ(second.case_id, first.case_id);
  EXPECT_EQ(second.reason, LinkReason::kThread);
  Interaction c = Make("v-1", At(2), Channel::kVoice, IdentityKind::kPhone,
                       "+14155550100");
  c.external_ref = "TICKET-9";
  Linkage third = Ingest(c);
  EXPECT_EQ(third.case_id, first.case_id);
  EXPECT_EQ(third.reason, LinkReason::kExternalRef);
}

TEST_F(EngineTest, ThreadPastReopeningContinuesInItsFollowUpCase) {
  Interaction a = Make("e-1", At(0), Channel::kEmail, IdentityKind::kEmail,
                       "zoe@example.com");
  a.thread_id = "thr-9";
  a.topic = "billing";
  a.disposition = Disposition::kResolved;
  Linkage first = Ingest(a);
  Interaction late = a;
  late.id = "e-2";
  late.occurred_at = At(30);
  late.disposition = Disposition::kUnspecified;
  Linkage follow = Ingest(late);
  EXPECT_NE(follow.case_id, first.case_id);
  Interaction again = late;
  again.id = "e-3";
  again.occurred_at = At(30, 12);
  again.topic = "delivery";
  Linkage next = Ingest(again);
  EXPECT_EQ(next.case_id, follow.case_id);
  EXPECT_EQ(next.reason, LinkReason::kThread);
}

TEST_F(EngineTest, LateArrivalIsLinkedAsOfItsOwnTime) {
  Interaction first = Make("s-1", At(0), Channel::kSms, IdentityKind::kPhone,
                           "+14155550100");
  first.topic = "billing";
  Linkage a = Ingest(first);
  Interaction fixed = Reply("s-2", first, At(2));
  fixed.disposition = Disposition::kResolved;
  Ingest(fixed);
  // Sent on day 1, before the resolution, but arriving after it.
  Interaction late = first;
  late.id = "s-0";
  late.occurred_at = At(1);
  Linkage l = Ingest(late);
  EXPECT_EQ(l.case_id, a.case_id);
  EXPECT_EQ(engine_->GetCase(a.case_id)->status, CaseStatus::kResolved);
}

TEST_F(EngineTest, DuplicateIdIsANoOpAndConflictingContentAnError) {
  Interaction in = Make("x-1", At(0), Channel::kSms, IdentityKind::kPhone,
                        "+14155550100", "hello");
  Linkage a = Ingest(in);
  Linkage again = Ingest(in);
  EXPECT_EQ(again.case_id, a.case_id);
  EXPECT_EQ(engine_->Stats().interactions, 1u);
  in.text = "something else";
  absl::StatusOr<Linkage> conflict = engine_->Ingest(in);
  EXPECT_EQ(conflict.status().code(), absl::StatusCode::kAlreadyExists);
  EXPECT_NE(conflict.status().message().find("x-1"), absl::string_view::npos);
}

TEST_F(EngineTest, MissingFieldsAndBadContactAreClearErrors) {
  Interaction in = Make("", At(0), Channel::kSms, IdentityKind::kPhone, "+14155550100");
  EXPECT_EQ(engine_->Ingest(in).status().code(),
            absl::StatusCode::kInvalidArgument);
  in.id = "x";
  in.channel = Channel::kUnspecified;
  absl::Status s = engine_->Ingest(in).status();
  EXPECT_NE(s.message().find("channel"), absl::string_view::npos) << s;
  in.channel = Channel::kSms;
  in.contact.value = "";
  s = engine_->Ingest(in).status();
  EXPECT_NE(s.message().find("contact"), absl::string_view::npos) << s;
  in.contact.value = "+14155550100";
  in.occurred_at = absl::InfinitePast();
  EXPECT_EQ(engine_->Ingest(in).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(engine_->Stats().interactions, 0u);
}

TEST_F(EngineTest, WithheldCallerIsLinkedByItsReplyOrAsItsOwnCustomer) {
  Interaction call = Make("v-1", At(0), Channel::kVoice, IdentityKind::kPhone,
                          "anonymous", "router broken");
  Linkage a = Ingest(call);
  EXPECT_FALSE(a.customer_id.empty());
  Interaction other = Make("v-2", At(0, 10), Channel::kVoice,
                           IdentityKind::kPhone, "unknown", "router broken");
  EXPECT_NE(Ingest(other).customer_id, a.customer_id);
  // The agent's callback names no number either, but replies to the call.
  Interaction callback = Reply("v-3", call, At(0, 11));
  Linkage c = Ingest(callback);
  EXPECT_EQ(c.customer_id, a.customer_id);
  EXPECT_EQ(c.case_id, a.case_id);
  // A garbled email with the customer's account still finds them.
  Interaction known = Make("e-1", At(1), Channel::kEmail, IdentityKind::kEmail,
                           "ann@example.org");
  known.identities = {{IdentityKind::kAccount, "AC-1234567"}};
  Linkage k = Ingest(known);
  Interaction garbled = Make("e-2", At(2), Channel::kEmail, IdentityKind::kEmail,
                             "ann at example");
  garbled.identities = {{IdentityKind::kAccount, "ac1234567"}};
  EXPECT_EQ(Ingest(garbled).customer_id, k.customer_id);
}

TEST_F(EngineTest, InvalidUtf8AndHugeTextsAreLinked) {
  std::string broken = "caf\xc3 \xff\xfe no internet \x80";
  Linkage a = Ingest(Make("u-1", At(0), Channel::kEmail, IdentityKind::kEmail,
                          "x@example.com", broken));
  EXPECT_FALSE(a.case_id.empty());
  std::string huge(1 << 20, 'a');
  for (size_t i = 0; i < huge.size(); i += 50) huge[i] = ' ';
  huge += " my email is x@example.com";
  Linkage b = Ingest(Make("u-2", At(1), Channel::kWebChat,
                          IdentityKind::kChatVisitor, "v-1", huge));
  EXPECT_FALSE(b.case_id.empty());
}

TEST_F(EngineTest, OptionsAreValidatedByName) {
  EngineOptions o;
  o.default_region = "usa";
  absl::Status s = Engine::Open(o).status();
  EXPECT_NE(s.message().find("default_region"), absl::string_view::npos) << s;
  o = EngineOptions{};
  o.own_identities = {{IdentityKind::kPhone, "abc"}};
  s = Engine::Open(o).status();
  EXPECT_NE(s.message().find("own_identities"), absl::string_view::npos) << s;
  o = EngineOptions{};
  o.reopen_window = -absl::Hours(1);
  EXPECT_FALSE(Engine::Open(o).ok());
  o = EngineOptions{};
  o.batch_threads = 0;
  s = Engine::Open(o).status();
  EXPECT_NE(s.message().find("batch_threads"), absl::string_view::npos) << s;
}

TEST_F(EngineTest, ConcurrentIngestFromTwoThreads) {
  auto work = [this](int t) {
    for (int i = 0; i < 500; ++i) {
      Interaction in = Make("t" + std::to_string(t) + "-" + std::to_string(i),
                            At(0, 9, i % 60), Channel::kSms, IdentityKind::kPhone,
                            "+1415555" + std::to_string(1000 + i));
      ASSERT_TRUE(engine_->Ingest(in).ok());
    }
  };
  std::thread a(work, 0), b(work, 1);
  a.join();
  b.join();
  EngineStats s = engine_->Stats();
  EXPECT_EQ(s.interactions, 1000u);
  EXPECT_EQ(s.customers, 500u);
}

TEST_F(EngineTest, TimelineCrossesChannelsInTimeOrder) {
  Interaction tw = Make("tw-1", At(0), Channel::kTwitter, IdentityKind::kTwitter,
                        "@ann", "help");
  Interaction call = Make("vo-1", At(1), Channel::kVoice, IdentityKind::kPhone,
                          "+14155550100", "calling");
  call.identities = {{IdentityKind::kTwitter, "ann"}};
  Linkage t = Ingest(tw);
  Ingest(call);
  absl::StatusOr<std::vector<TimelineEntry>> tl = engine_->Timeline(t.customer_id);
  ASSERT_TRUE(tl.ok());
  ASSERT_EQ(tl->size(), 2u);
  EXPECT_EQ((*tl)[0].channel, Channel::kTwitter);
  EXPECT_EQ((*tl)[1].channel, Channel::kVoice);
}

}  // namespace
}  // namespace threadline
