#include "identity/graph.h"

#include "gtest/gtest.h"

namespace threadline::identity {
namespace {

absl::Time T(int minute) { return absl::FromUnixSeconds(1767225600 + 60 * minute); }

KeyEvidence Given(IdentityKind kind, std::string value) {
  return KeyEvidence{Identity{kind, std::move(value)}, false};
}
KeyEvidence Mentioned(IdentityKind kind, std::string value) {
  return KeyEvidence{Identity{kind, std::move(value)}, true};
}

TEST(IdentityGraphTest, NewPrimaryIdentityCreatesACustomer) {
  IdentityGraph g;
  ResolveResult r = g.Resolve({Given(IdentityKind::kTwitter, "grace")}, 0, T(0));
  EXPECT_TRUE(r.created);
  ResolveResult again =
      g.Resolve({Given(IdentityKind::kTwitter, "grace")}, 1, T(1));
  EXPECT_FALSE(again.created);
  EXPECT_EQ(again.base, r.base);
}

TEST(IdentityGraphTest, WhatsappAndPhoneWithTheSameNumberAreOneIdentity) {
  IdentityGraph g;
  ResolveResult a = g.Resolve({Given(IdentityKind::kPhone, "+573001234567")}, 0, T(0));
  ResolveResult b = g.Resolve({Given(IdentityKind::kWhatsapp, "+573001234567")}, 1, T(1));
  EXPECT_EQ(g.CustomerOf(a.base), g.CustomerOf(b.base));
}

TEST(IdentityGraphTest, InteractionTyingTwoCustomersMergesThemOldestSurvives) {
  IdentityGraph g;
  ResolveResult tw = g.Resolve({Given(IdentityKind::kTwitter, "grace")}, 0, T(0));
  ResolveResult ph = g.Resolve({Given(IdentityKind::kPhone, "+16465550134")}, 1, T(1));
  ASSERT_NE(g.CustomerOf(tw.base), g.CustomerOf(ph.base));
  ResolveResult call = g.Resolve({Given(IdentityKind::kPhone, "+16465550134"),
                                  Given(IdentityKind::kTwitter, "grace")},
                                 2, T(2));
  ASSERT_EQ(call.merges.size(), 1u);
  EXPECT_EQ(g.CustomerOf(ph.base), tw.base);
  const MergeInfo* m = g.merge(call.merges[0]);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->survivor, tw.base);
  EXPECT_EQ(m->absorbed, ph.base);
  EXPECT_EQ(m->interaction, 2u);
  EXPECT_EQ(g.KeyIdentity(m->key).value, "grace");
}

TEST(IdentityGraphTest, FamilyLandlineWithTwoAccountsNeverMerges) {
  IdentityGraph g;
  ResolveResult mum = g.Resolve({Given(IdentityKind::kAccount, "AC1"),
                                 Given(IdentityKind::kPhone, "+13125550100")},
                                0, T(0));
  ResolveResult son = g.Resolve({Given(IdentityKind::kAccount, "AC2"),
                                 Given(IdentityKind::kPhone, "+13125550100")},
                                1, T(1));
  EXPECT_TRUE(son.created);
  EXPECT_NE(g.CustomerOf(mum.base), g.CustomerOf(son.base));
  EXPECT_EQ(son.rejected.size(), 1u);
  // Each keeps their own calls when they give their account.
  ResolveResult mum2 = g.Resolve({Given(IdentityKind::kAccount, "AC1"),
                                  Given(IdentityKind::kPhone, "+13125550100")},
                                 2, T(2));
  EXPECT_EQ(mum2.base, mum.base);
}

TEST(IdentityGraphTest, IdentityQuotedByManyCustomersBecomesSharedAndMergesAreUndone) {
  IdentityGraph g;
  // Three customers on Facebook quote the brand's hotline.
  ResolveResult a = g.Resolve({Given(IdentityKind::kFacebook, "ann"),
                               Mentioned(IdentityKind::kPhone, "+18005550199")},
                              0, T(0));
  ResolveResult b = g.Resolve({Given(IdentityKind::kFacebook, "bob"),
                               Mentioned(IdentityKind::kPhone, "+18005550199")},
                              1, T(1));
  ResolveResult c = g.Resolve({Given(IdentityKind::kFacebook, "cy"),
                               Mentioned(IdentityKind::kPhone, "+18005550199")},
                              2, T(2));
  ResolveResult d = g.Resolve({Given(IdentityKind::kFacebook, "di"),
                               Mentioned(IdentityKind::kPhone, "+18005550199")},
                              3, T(3));
  KeyId hotline = g.Find({IdentityKind::kPhone, "+18005550199"});
  ASSERT_NE(hotline, kNone);
  EXPECT_TRUE(g.key(hotline).shared);
  const BaseId ids[] = {a.base, b.base, c.base, d.base};
  for (BaseId x : ids) {
    for (BaseId y : ids) {
      if (x != y) {
        EXPECT_NE(g.CustomerOf(x), g.CustomerOf(y));
      }
    }
  }
}

TEST(IdentityGraphTest, MergeRestingOnOtherEvidenceSurvivesASharedIdentity) {
  IdentityGraph g;
  ResolveResult fb = g.Resolve({Given(IdentityKind::kFacebook, "ann"),
                                Mentioned(IdentityKind::kPhone, "+18005550199")},
                               0, T(0));
  ResolveResult mail = g.Resolve({Given(IdentityKind::kEmail, "ann@example.org"),
                                  Given(IdentityKind::kFacebook, "ann")},
                                 1, T(1));
  // Others quote the hotline until it is shared.
  g.Resolve({Given(IdentityKind::kFacebook, "bob"),
             Mentioned(IdentityKind::kPhone, "+18005550199")}, 2, T(2));
  g.Resolve({Given(IdentityKind::kFacebook, "cy"),
             Mentioned(IdentityKind::kPhone, "+18005550199")}, 3, T(3));
  g.Resolve({Given(IdentityKind::kFacebook, "di"),
             Mentioned(IdentityKind::kPhone, "+18005550199")}, 4, T(4));
  EXPECT_TRUE(g.key(g.Find({IdentityKind::kPhone, "+18005550199"})).shared);
  EXPECT_EQ(g.CustomerOf(fb.base), g.CustomerOf(mail.base));
}

TEST(IdentityGraphTest, UndoReturnsEachSideAndKeepsThemApart) {
  IdentityGraph g;
  ResolveResult tw = g.Resolve({Given(IdentityKind::kTwitter, "grace")}, 0, T(0));
  ResolveResult mail =
      g.Resolve({Given(IdentityKind::kEmail, "g@example.org")}, 1, T(1));
  ResolveResult chat = g.Resolve({Given(IdentityKind::kEmail, "g@example.org"),
                                  Given(IdentityKind::kTwitter, "grace")},
                                 2, T(2));
  ASSERT_EQ(chat.merges.size(), 1u);
  std::vector<LinkId> undone = g.Undo(chat.merges[0]);
  EXPECT_EQ(undone, std::vector<LinkId>{chat.merges[0]});
  EXPECT_NE(g.CustomerOf(tw.base), g.CustomerOf(mail.base));
  EXPECT_FALSE(g.merge(chat.merges[0])->active);
  // The same evidence again does not merge them back.
  g.Resolve({Given(IdentityKind::kEmail, "g@example.org"),
             Given(IdentityKind::kTwitter, "grace")},
            3, T(3));
  EXPECT_NE(g.CustomerOf(tw.base), g.CustomerOf(mail.base));
  EXPECT_TRUE(g.Undo(chat.merges[0]).empty());
}

TEST(IdentityGraphTest, ExplicitMergeIgnoresLimitsButNotUndoneMerges) {
  IdentityGraph g;
  ResolveResult a = g.Resolve({Given(IdentityKind::kAccount, "AC1")}, 0, T(0));
  ResolveResult b = g.Resolve({Given(IdentityKind::kAccount, "AC2")}, 1, T(1));
  LinkId l = g.MergeExplicit(a.base, b.base, T(2));
  ASSERT_NE(l, kNone);
  EXPECT_EQ(g.CustomerOf(b.base), a.base);
  EXPECT_TRUE(g.merge(l)->explicit_merge);
  g.Undo(l);
  EXPECT_NE(g.CustomerOf(b.base), g.CustomerOf(a.base));
  EXPECT_EQ(g.MergeExplicit(a.base, b.base, T(3)), kNone);
}

TEST(IdentityGraphTest, FurtherIdentityBeyondTheLimitIsLeftUnlinked) {
  IdentityGraph g;
  ResolveResult a = g.Resolve({Given(IdentityKind::kTwitter, "grace"),
                               Given(IdentityKind::kTwitter, "grace_alt")},
                              0, T(0));
  EXPECT_EQ(a.rejected.size(), 1u);
  EXPECT_EQ(g.Find({IdentityKind::kTwitter, "grace_alt"}) == kNone, false);
  EXPECT_EQ(g.key(g.Find({IdentityKind::kTwitter, "grace_alt"})).owner, kNone);
}

}  // namespace
}  // namespace threadline::identity
