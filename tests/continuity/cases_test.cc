#include "continuity/cases.h"

#include "gtest/gtest.h"

namespace threadline::continuity {
namespace {

constexpr TopicId kBilling = 1;
constexpr TopicId kDelivery = 2;

absl::Time Day(int d, int hour = 12) {
  return absl::FromUnixSeconds(1767225600) + absl::Hours(24 * d + hour);
}

class DecideTest : public ::testing::Test {
 protected:
  LinkRequest Request(absl::Time at, TopicId topic) {
    LinkRequest r;
    r.at = at;
    r.direction = Direction::kInbound;
    r.topic = topic;
    for (CaseId c = 0; c < book_.size(); ++c) {
      if (book_.Root(c) == c) r.customer_cases.push_back(c);
    }
    return r;
  }
  CaseBook book_;
  ContinuityOptions options_;
};

TEST_F(DecideTest, NothingKnownOpensANewCase) {
  LinkDecision d = Decide(book_, Request(Day(0), kBilling), options_);
  EXPECT_EQ(d.case_id, kNoCase);
  EXPECT_EQ(d.reason, LinkReason::kNewCase);
}

TEST_F(DecideTest, SameMatterWhileOpenContinues) {
  CaseId c = book_.Open(0, kBilling, Day(0));
  LinkDecision d = Decide(book_, Request(Day(1), kBilling), options_);
  EXPECT_EQ(d.case_id, c);
  EXPECT_EQ(d.reason, LinkReason::kSameMatter);
}

TEST_F(DecideTest, TwoMattersOpenAtOnceStayTwoCases) {
  book_.Open(0, kBilling, Day(0));
  LinkDecision d = Decide(book_, Request(Day(0, 14), kDelivery), options_);
  EXPECT_EQ(d.case_id, kNoCase);
  CaseId delivery = book_.Open(0, kDelivery, Day(0, 14));
  d = Decide(book_, Request(Day(1), kDelivery), options_);
  EXPECT_EQ(d.case_id, delivery);
}

TEST_F(DecideTest, ResolvedCaseReopensInsideTheWindow) {
  CaseId c = book_.Open(0, kBilling, Day(0));
  book_.SetStatus(c, CaseStatus::kResolved, Day(1));
  LinkRequest r = Request(Day(7), kBilling);
  r.follow_up = true;
  LinkDecision d = Decide(book_, r, options_);
  EXPECT_EQ(d.case_id, c);
  EXPECT_EQ(d.reason, LinkReason::kReopened);
  EXPECT_TRUE(d.reopen);
}

TEST_F(DecideTest, FreshComplaintAfterResolutionIsANewInquiry) {
  CaseId c = book_.Open(0, kBilling, Day(0));
  book_.SetStatus(c, CaseStatus::kResolved, Day(1));
  EXPECT_EQ(Decide(book_, Request(Day(2), kBilling), options_).case_id, kNoCase);
}

TEST_F(DecideTest, FollowUpWithAnotherWordingJoinsTheOnlyOpenCase) {
  CaseId c = book_.Open(0, kBilling, Day(0));
  book_.Open(0, kDelivery, Day(0));
  book_.SetStatus(1, CaseStatus::kResolved, Day(0, 13));
  LinkRequest r = Request(Day(1), 3);
  r.follow_up = true;
  LinkDecision d = Decide(book_, r, options_);
  EXPECT_EQ(d.case_id, c);
  EXPECT_EQ(d.reason, LinkReason::kOnlyOpenCase);
}

TEST_F(DecideTest, SameMatterAfterTheWindowIsANewCase) {
  CaseId c = book_.Open(0, kBilling, Day(0));
  book_.SetStatus(c, CaseStatus::kResolved, Day(1));
  LinkRequest r = Request(Day(9), kBilling);
  r.follow_up = true;
  LinkDecision d = Decide(book_, r, options_);
  EXPECT_EQ(d.case_id, kNoCase);
}

TEST_F(DecideTest, ReplyToAResolvedCaseAfterTheWindowOpensAFollowUp) {
  CaseId c = book_.Open(0, kBilling, Day(0));
  book_.SetStatus(c, CaseStatus::kResolved, Day(1));
  LinkRequest r = Request(Day(30), kBilling);
  r.reply_case = c;
  EXPECT_EQ(Decide(book_, r, options_).case_id, kNoCase);
  r.at = Day(3);
  LinkDecision d = Decide(book_, r, options_);
  EXPECT_EQ(d.case_id, c);
  EXPECT_EQ(d.reason, LinkReason::kReplyTo);
  EXPECT_TRUE(d.reopen);
}

TEST_F(DecideTest, ExplicitLinksWinOverTheMatter) {
  CaseId billing = book_.Open(0, kBilling, Day(0));
  CaseId delivery = book_.Open(0, kDelivery, Day(0));
  LinkRequest r = Request(Day(1), kBilling);
  r.thread_case = delivery;
  LinkDecision d = Decide(book_, r, options_);
  EXPECT_EQ(d.case_id, delivery);
  EXPECT_EQ(d.reason, LinkReason::kThread);
  r.thread_case = kNoCase;
  r.reference_case = delivery;
  EXPECT_EQ(Decide(book_, r, options_).reason, LinkReason::kExternalRef);
  r.reference_case = kNoCase;
  EXPECT_EQ(Decide(book_, r, options_).case_id, billing);
}

TEST_F(DecideTest, NoMatterStatedJoinsTheOpenConversation) {
  CaseId c = book_.Open(0, kBilling, Day(0));
  LinkDecision d = Decide(book_, Request(Day(0, 15), 0), options_);
  EXPECT_EQ(d.case_id, c);
  EXPECT_EQ(d.reason, LinkReason::kOnlyOpenCase);
}

TEST_F(DecideTest, ColdOpenCaseDoesNotTakeTheSameMatter) {
  book_.Open(0, kBilling, Day(0));
  LinkDecision d = Decide(book_, Request(Day(40), kBilling), options_);
  EXPECT_EQ(d.case_id, kNoCase);
}

TEST_F(DecideTest, LateArrivalBeforeResolutionJoinsWithoutReopening) {
  CaseId c = book_.Open(0, kBilling, Day(0));
  book_.SetStatus(c, CaseStatus::kResolved, Day(2));
  LinkDecision d = Decide(book_, Request(Day(1), kBilling), options_);
  EXPECT_EQ(d.case_id, c);
  EXPECT_FALSE(d.reopen);
}

TEST_F(DecideTest, OutboundWithoutReplyJoinsTheOpenCase) {
  CaseId c = book_.Open(0, kBilling, Day(0));
  LinkRequest r = Request(Day(0, 13), 0);
  r.direction = Direction::kOutbound;
  EXPECT_EQ(Decide(book_, r, options_).case_id, c);
}

TEST(CaseBookTest, MergeAndUndoByCause) {
  CaseBook book;
  CaseId a = book.Open(0, kBilling, Day(0));
  CaseId b = book.Open(1, kBilling, Day(1));
  book.Attach(a, 0, Channel::kTwitter, Day(0));
  book.Attach(b, 1, Channel::kVoice, Day(1));
  book.Merge(a, b, 7);
  EXPECT_EQ(book.Root(b), a);
  EXPECT_EQ(book.InteractionsOf(a), (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(book.get(a).channels(),
            (std::vector<Channel>{Channel::kTwitter, Channel::kVoice}));
  book.UndoMergesCausedBy(3);
  EXPECT_EQ(book.Root(b), a);
  book.UndoMergesCausedBy(7);
  EXPECT_EQ(book.Root(b), b);
  EXPECT_EQ(book.InteractionsOf(a), (std::vector<uint32_t>{0}));
}

TEST(CaseBookTest, ChannelsInOrderOfFirstUseEvenBeyondTwelve) {
  CaseBook book;
  CaseId c = book.Open(0, kBilling, Day(0));
  // Every channel, from the last to the first, each used twice.
  uint32_t i = 0;
  for (int round = 0; round < 2; ++round) {
    for (int ch = kChannelCount - 1; ch >= 1; --ch) {
      book.Attach(c, i++, static_cast<Channel>(ch), Day(0));
    }
  }
  std::vector<Channel> want;
  for (int ch = kChannelCount - 1; ch >= kChannelCount - 12; --ch) {
    want.push_back(static_cast<Channel>(ch));  // the first twelve as used
  }
  for (int ch = 1; ch < kChannelCount - 12; ++ch) {
    want.push_back(static_cast<Channel>(ch));  // then in channel order
  }
  EXPECT_EQ(book.get(c).channels(), want);
}

TEST(CaseBookTest, DetachKeepsTheOtherInteractionsInOrder) {
  CaseBook book;
  CaseId a = book.Open(0, kBilling, Day(0));
  CaseId b = book.Open(0, kDelivery, Day(0));
  for (uint32_t i = 0; i < 6; ++i) {
    book.Attach(i % 2 == 0 ? a : b, i, Channel::kEmail, Day(0));
  }
  book.Detach(a, 2);
  EXPECT_EQ(book.InteractionsOf(a), (std::vector<uint32_t>{0, 4}));
  book.Detach(a, 4);
  book.Attach(a, 6, Channel::kEmail, Day(1));
  EXPECT_EQ(book.InteractionsOf(a), (std::vector<uint32_t>{0, 6}));
  EXPECT_EQ(book.InteractionsOf(b), (std::vector<uint32_t>{1, 3, 5}));
  EXPECT_EQ(book.OpenedBy(0), (CaseList{a, b}));
  book.Erase(a);
  EXPECT_EQ(book.OpenedBy(0), (CaseList{b}));
}

}  // namespace
}  // namespace threadline::continuity
