#include "gtest/gtest.h"
#include "model/convert.h"
#include "threadline/types.h"

namespace threadline {
namespace {

TEST(NamesTest, EveryChannelNameRoundTripsAsFormatWritesIt) {
  for (int i = 1; i < kChannelCount; ++i) {
    const Channel c = static_cast<Channel>(i);
    std::optional<Channel> back = ParseChannel(ChannelName(c));
    ASSERT_TRUE(back.has_value()) << ChannelName(c);
    EXPECT_EQ(*back, c);
  }
  EXPECT_EQ(ChannelName(Channel::kWebChat), "WEB_CHAT");
  EXPECT_EQ(ChannelName(Channel::kPostalMail), "POSTAL_MAIL");
  EXPECT_FALSE(ParseChannel("CHANNEL_UNSPECIFIED").has_value());
  EXPECT_FALSE(ParseChannel("twitter").has_value());
  EXPECT_FALSE(ParseChannel("PIGEON").has_value());
}

TEST(NamesTest, IdentityKindsDirectionsAndDispositions) {
  EXPECT_EQ(ParseIdentityKind("CHAT_VISITOR"), IdentityKind::kChatVisitor);
  EXPECT_EQ(ParseIdentityKind("WHATSAPP"), IdentityKind::kWhatsapp);
  EXPECT_EQ(ParseDirection("OUTBOUND"), Direction::kOutbound);
  EXPECT_EQ(ParseDisposition("RESOLVED"), Disposition::kResolved);
  EXPECT_EQ(LinkReasonName(LinkReason::kReplyTo), "REPLY_TO");
  EXPECT_EQ(IdentityToString({IdentityKind::kEmail, "a@b.co"}), "EMAIL:a@b.co");
}

TEST(ConvertTest, InteractionRoundTripsThroughItsMessage) {
  Interaction in;
  in.id = "tw-1";
  in.occurred_at = absl::FromUnixSeconds(1767642180) + absl::Milliseconds(250);
  in.channel = Channel::kTwitter;
  in.direction = Direction::kInbound;
  in.contact = {IdentityKind::kTwitter, "@GraceC"};
  in.identities = {{IdentityKind::kEmail, " Grace@Example.org "}};
  in.text = "hello";
  in.reply_to = "tw-0";
  in.thread_id = "t";
  in.external_ref = "r";
  in.topic = "refund";
  in.agent_id = "agent-7";
  in.language = "en";
  in.region = "CO";
  in.display_name = "Grace";
  in.disposition = Disposition::kResolved;
  v1::Interaction message;
  model::ToProto(in, &message);
  EXPECT_EQ(message.channel(), v1::Interaction::TWITTER);
  EXPECT_EQ(model::FromProto(message), in);
}

}  // namespace
}  // namespace threadline
