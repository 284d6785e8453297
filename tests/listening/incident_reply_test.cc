// One answer to many: the bulk reply of an incident, worded per channel and
// language and recorded on every member case.
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "scenario.h"
#include "threadline/engine.h"
#include "threadline/guard.h"
#include "threadline/listening.h"

namespace threadline {
namespace {

using testing::Day0;
using testing::OutageWave;

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

IncidentReply LongReply() {
  IncidentReply reply;
  std::string en = "We know about the internet outage in your area and our "
                   "engineers are working on it right now.";
  std::string es = "Sabemos de la falla de internet en tu zona y nuestros "
                   "técnicos ya están trabajando en ella.";
  // Long enough that Twitter must cut it.
  for (int i = 0; i < 4; ++i) {
    en += " We will post every update here as soon as we have news.";
    es += " Publicaremos cada novedad aquí en cuanto la tengamos.";
  }
  reply.text = {{"en", en}, {"es", es}};
  reply.private_text = {
      {"en", "Your line is affected by the outage; credit for the downtime "
             "will appear on your next bill."},
      {"es", "Tu línea está afectada por la falla; verás el crédito en tu "
             "próxima factura."}};
  reply.agent_id = "agent-1";
  reply.at = Day0() + absl::Hours(3);
  return reply;
}

TEST(RenderReplyTest, PublicPrivateLanguageAndLimit) {
  const IncidentReply reply = LongReply();
  const std::string tweet =
      RenderReply(reply, Channel::kTwitter, "es", "@ana");
  EXPECT_EQ(tweet.rfind("@ana Sabemos", 0), 0u);
  EXPECT_LE(CodePoints(tweet), 280u);
  EXPECT_EQ(tweet.substr(tweet.size() - 3), "…");
  EXPECT_NE(tweet[tweet.size() - 4], ' ');  // cut at a word, not inside one

  const std::string email = RenderReply(reply, Channel::kEmail, "en", "@ana");
  EXPECT_EQ(email, reply.private_text.at("en"));  // private wording, no mention
  EXPECT_EQ(RenderReply(reply, Channel::kWhatsapp, "es-CO", ""),
            reply.private_text.at("es"));
  // An unknown language falls back to English; a short text is not cut.
  IncidentReply short_reply;
  short_reply.text = {{"en", "We are on it."}};
  EXPECT_EQ(RenderReply(short_reply, Channel::kSms, "pt", ""), "We are on it.");
  EXPECT_EQ(RenderReply(short_reply, Channel::kEmail, "es", ""), "We are on it.");
  EXPECT_EQ(ChannelLengthLimit(Channel::kTwitter), 280);
  EXPECT_EQ(ChannelLengthLimit(Channel::kEmail), 0);
}

class IncidentReplyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // A wave at once, with no day of history to learn from first.
    EngineOptions options;
    options.listening.learning_period = absl::ZeroDuration();
    auto engine = Engine::Open(options);
    ASSERT_TRUE(engine.ok());
    engine_ = *std::move(engine);
    wave_ = OutageWave(Day0(), 24, 60);
    for (const Interaction& in : wave_) ASSERT_TRUE(engine_->Ingest(in).ok());
    ASSERT_EQ(engine_->Incidents().size(), 1u);
  }
  std::unique_ptr<Engine> engine_;
  std::vector<Interaction> wave_;
};

TEST_F(IncidentReplyTest, EveryMemberGetsOneReplyOnItsChannel) {
  const IncidentReply reply = LongReply();
  absl::StatusOr<std::vector<Interaction>> sent =
      engine_->ReplyToIncident("i-1", reply);
  ASSERT_TRUE(sent.ok()) << sent.status();
  const Incident incident = *engine_->GetIncident("i-1");
  ASSERT_EQ(sent->size(), incident.case_ids.size());
  for (const Interaction& out : *sent) {
    EXPECT_EQ(out.direction, Direction::kOutbound);
    EXPECT_EQ(out.agent_id, "agent-1");
    // It answers the customer's message, on that channel.
    const Interaction* asked = nullptr;
    for (const Interaction& in : wave_) {
      if (in.id == out.reply_to) asked = &in;
    }
    ASSERT_NE(asked, nullptr) << out.reply_to;
    EXPECT_EQ(out.channel, asked->channel);
    const bool spanish = asked->text.find("internet,") != std::string::npos ||
                         asked->text.find("Sin ") == 0 ||
                         asked->text.find("¿") == 0;
    EXPECT_EQ(out.language, spanish ? "es" : "en") << asked->text;
    const std::string mention =
        out.contact.value[0] == '@' ? out.contact.value : "@" + out.contact.value;
    if (IsPublicChannel(out.channel)) {
      EXPECT_EQ(out.text.find(spanish ? "Sabemos" : "We know"),
                out.channel == Channel::kTwitter ? mention.size() + 1 : 0u)
          << out.text;
    } else {
      EXPECT_EQ(out.text, reply.private_text.at(out.language));
    }
    if (out.channel == Channel::kTwitter) {
      EXPECT_LE(CodePoints(out.text), 280u);
      EXPECT_EQ(out.text.rfind(mention + " ", 0), 0u);
    }
    // Recorded through the normal path, on the member's case.
    absl::StatusOr<Linkage> link = engine_->LinkageOf(out.id);
    ASSERT_TRUE(link.ok());
    EXPECT_EQ(link->case_id, engine_->LinkageOf(asked->id)->case_id);
    EXPECT_EQ(link->reason, LinkReason::kReplyTo);
  }
  // A retry sends nothing twice.
  const uint64_t before = engine_->Stats().interactions;
  ASSERT_TRUE(engine_->ReplyToIncident("i-1", reply).ok());
  EXPECT_EQ(engine_->Stats().interactions, before);
}

TEST_F(IncidentReplyTest, ResolvingReplyClosesTheIncidentAndItsCases) {
  IncidentReply reply = LongReply();
  reply.resolve = true;
  reply.at = Day0() + absl::Hours(6);
  ASSERT_TRUE(engine_->ReplyToIncident("i-1", reply).ok());
  const Incident incident = *engine_->GetIncident("i-1");
  EXPECT_EQ(incident.status, IncidentStatus::kResolved);
  for (const std::string& c : incident.case_ids) {
    EXPECT_EQ(engine_->GetCase(c)->status, CaseStatus::kResolved) << c;
  }
  EXPECT_EQ(engine_->ReplyToIncident("i-1", reply).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST_F(IncidentReplyTest, BadRepliesAreRefused) {
  IncidentReply empty;
  empty.at = Day0();
  EXPECT_EQ(engine_->ReplyToIncident("i-1", empty).status().code(),
            absl::StatusCode::kInvalidArgument);
  IncidentReply untimed;
  untimed.text = {{"en", "On it."}};
  EXPECT_EQ(engine_->ReplyToIncident("i-1", untimed).status().code(),
            absl::StatusCode::kInvalidArgument);
  untimed.at = Day0();
  EXPECT_EQ(engine_->ReplyToIncident("i-7", untimed).status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace threadline
