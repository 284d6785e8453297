#include <string>
#include <string_view>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "threadline/identity.h"
#include "threadline/types.h"

namespace threadline {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Identity Phone(std::string value) {
  return {IdentityKind::kPhone, std::move(value)};
}
Identity Email(std::string value) {
  return {IdentityKind::kEmail, std::move(value)};
}
Identity Twitter(std::string value) {
  return {IdentityKind::kTwitter, std::move(value)};
}
Identity Instagram(std::string value) {
  return {IdentityKind::kInstagram, std::move(value)};
}
Identity Facebook(std::string value) {
  return {IdentityKind::kFacebook, std::move(value)};
}

class MentionsTest : public ::testing::Test {
 protected:
  std::vector<Identity> Extract(std::string_view text,
                                std::string_view region = {},
                                Channel channel = Channel::kUnspecified) {
    return normalizer_.ExtractMentions(text, region, channel);
  }

  IdentityNormalizer normalizer_{NormalizerOptions{}};
};

TEST_F(MentionsTest, CustomerMessagesInEnglish) {
  EXPECT_THAT(Extract("Any update? I also wrote you on twitter as @AVABRO5651"),
              ElementsAre(Twitter("avabro5651")));
  EXPECT_THAT(Extract("My email is ava.smith29@yahoo.es"),
              ElementsAre(Email("ava.smith29@yahoo.es")));
  EXPECT_THAT(Extract("You can reach me at +12124565641"),
              ElementsAre(Phone("+12124565641")));
  EXPECT_THAT(Extract("call me back at (646) 555-0134 please", "US"),
              ElementsAre(Phone("+16465550134")));
  EXPECT_THAT(Extract("Your hotline +18005550199 keeps hanging up"),
              ElementsAre(Phone("+18005550199")));
  // The brand's own handle is returned too; the engine decides it is not
  // the customer's.
  EXPECT_THAT(Extract("@AcmeCare I was charged twice"),
              ElementsAre(Twitter("acmecare")));
}

TEST_F(MentionsTest, CustomerMessagesInSpanish) {
  EXPECT_THAT(Extract("Me pueden llamar al +573218374019", "CO"),
              ElementsAre(Phone("+573218374019")));
  EXPECT_THAT(Extract("Me pueden llamar al +573218374019"),
              ElementsAre(Phone("+573218374019")));
  EXPECT_THAT(Extract("Mi número es +57 321 703 2442, gracias", "CO"),
              ElementsAre(Phone("+573217032442")));
  EXPECT_THAT(Extract("llámenme al 300 123 4567 después de las 5", "CO"),
              ElementsAre(Phone("+573001234567")));
  EXPECT_THAT(Extract("Escríbanme a Santiago.Diaz627@Yahoo.Es por favor"),
              ElementsAre(Email("santiago.diaz627@yahoo.es")));
  EXPECT_THAT(Extract("Les escribí por tuiter como @SantiRod2288"),
              ElementsAre(Twitter("santirod2288")));
  EXPECT_THAT(Extract("mi instagram es @maria.lopez_22 también"),
              ElementsAre(Instagram("maria.lopez_22")));
}

TEST_F(MentionsTest, HandleKindFromChannelAndNearbyWords) {
  // Default: Twitter.
  EXPECT_THAT(Extract("thanks @Grace_C"), ElementsAre(Twitter("grace_c")));
  // On Instagram an @handle is an Instagram handle.
  EXPECT_THAT(Extract("thanks @Grace_C", "", Channel::kInstagram),
              ElementsAre(Instagram("grace_c")));
  // Nearby words override the channel.
  EXPECT_THAT(Extract("my ig is @grace.c"), ElementsAre(Instagram("grace.c")));
  EXPECT_THAT(Extract("@grace.c on Instagram"),
              ElementsAre(Instagram("grace.c")));
  EXPECT_THAT(Extract("I tweeted you as @grace_c", "", Channel::kInstagram),
              ElementsAre(Twitter("grace_c")));
  // Facebook and LinkedIn channels still default to Twitter...
  EXPECT_THAT(Extract("@AcmeCare help", "", Channel::kFacebook),
              ElementsAre(Twitter("acmecare")));
  EXPECT_THAT(Extract("@AcmeCare help", "", Channel::kLinkedin),
              ElementsAre(Twitter("acmecare")));
  // ...unless the words nearby say otherwise.
  EXPECT_THAT(
      Extract("find me on facebook as @Grace.Clark", "", Channel::kFacebook),
      ElementsAre(Facebook("grace.clark")));
  EXPECT_THAT(
      Extract("my LinkedIn is @grace-clark-4a5b"),
      ElementsAre(Identity{IdentityKind::kLinkedin, "grace-clark-4a5b"}));
  // The nearest word wins when several are near.
  EXPECT_THAT(Extract("my twitter is @gc_tw and my instagram is @gc.ig"),
              ElementsAre(Twitter("gc_tw"), Instagram("gc.ig")));
  // "ig" inside another word is no keyword.
  EXPECT_THAT(Extract("a big thanks @grace_c"),
              ElementsAre(Twitter("grace_c")));
}

TEST_F(MentionsTest, EmailDomainIsNotAHandle) {
  EXPECT_THAT(Extract("write to grace@example.org today"),
              ElementsAre(Email("grace@example.org")));
  EXPECT_THAT(Extract("my email is john @gmail.com"), IsEmpty());
  EXPECT_THAT(Extract("mailto:Grace@Example.org."),
              ElementsAre(Email("grace@example.org")));
  EXPECT_THAT(Extract("@@grace@example.org"),
              ElementsAre(Email("grace@example.org")));
  // Digits before "@" are the address, not a phone number.
  EXPECT_THAT(Extract("2125551234@example.org", "US"),
              ElementsAre(Email("2125551234@example.org")));
}

TEST_F(MentionsTest, OrderOfAppearanceEachOnce) {
  EXPECT_THAT(
      Extract("Email Ava@X.com or call +12124565641, again ava@x.com, "
              "(212) 456-5641 or @ava99 and @Ava99",
              "US"),
      ElementsAre(Email("ava@x.com"), Phone("+12124565641"), Twitter("ava99")));
  // The same handle on two networks is two identities.
  EXPECT_THAT(Extract("@grace_c on twitter ... and on instagram @grace_c"),
              ElementsAre(Twitter("grace_c"), Instagram("grace_c")));
}

TEST_F(MentionsTest, NotMentions) {
  EXPECT_THAT(Extract("Order #12345678 total $1234.56 on 2026-01-05 at 10:43"),
              IsEmpty());
  EXPECT_THAT(Extract("call 555-1234", "US"), IsEmpty());  // no area code
  EXPECT_THAT(Extract("too long @abcdefghijklmnopqrstu for twitter"),
              IsEmpty());
  EXPECT_THAT(Extract("x@y or a@b.c or @ alone or foo@bar"), IsEmpty());
  EXPECT_THAT(Extract("placeholders: @null and unknown"), IsEmpty());
  EXPECT_THAT(Extract("ab+5712345678c"), IsEmpty());
}

TEST_F(MentionsTest, PossibleNumberWrittenWithPlus) {
  // Valid-looking to a person, newer than libphonenumber's metadata: found,
  // as Normalize accepts it in an identity field.
  EXPECT_THAT(Extract("Me pueden llamar al +573263316431", "CO"),
              ElementsAre(Phone("+573263316431")));
  // Without "+" a national number must be valid.
  EXPECT_THAT(Extract("Me pueden llamar al 326 331 6431", "CO"), IsEmpty());
}

TEST_F(MentionsTest, NumbersInAnyLayout) {
  // No-break spaces and typographic dashes from copied text.
  EXPECT_THAT(Extract("Llámame al 300\u00A0123\u00A04567", "CO"),
              ElementsAre(Phone("+573001234567")));
  EXPECT_THAT(Extract("call 646 \u2013 555 \u2013 0134", "US"),
              ElementsAre(Phone("+16465550134")));
  // Two numbers side by side, and numbers among accented text.
  EXPECT_THAT(Extract("+1 212 456 5641/+1 646 555 0134"),
              ElementsAre(Phone("+12124565641"), Phone("+16465550134")));
  EXPECT_THAT(Extract("ñññññññññññññññññññññññññ+573218374019ñññ, "
                      "ó al 3001234567 ñ",
                      "CO"),
              ElementsAre(Phone("+573218374019"), Phone("+573001234567")));
  // A serial far longer than any number does not hide the number after it.
  EXPECT_THAT(
      Extract("Ref 12345678901234567890123456789012345678901234567890 call "
              "+12124565641"),
      ElementsAre(Phone("+12124565641")));
  // Mexico's old mobile prefix, as in Normalize.
  EXPECT_THAT(Extract("mi cel es +52 1 55 1234 5678"),
              ElementsAre(Phone("+525512345678")));
}

TEST_F(MentionsTest, EmptyAndBlankText) {
  EXPECT_THAT(Extract(""), IsEmpty());
  EXPECT_THAT(Extract("   \n\t"), IsEmpty());
  EXPECT_THAT(Extract("@"), IsEmpty());
  EXPECT_THAT(Extract("+"), IsEmpty());
}

TEST_F(MentionsTest, InvalidUtf8DoesNotHideMentions) {
  const std::string text =
      "Ll\xC3\x28"
      "amame al +573218374019 o escr\xFF"
      "ibe a ava@x.com "
      "\xED\xA0\x80 @ava_x \xF0\x9F";
  EXPECT_THAT(Extract(text, "CO"),
              ElementsAre(Phone("+573218374019"), Email("ava@x.com"),
                          Twitter("ava_x")));
  // Every byte value, in every position.
  std::string noise;
  for (int i = 0; i < 256 * 4; ++i) noise.push_back(static_cast<char>(i * 7));
  EXPECT_LE(Extract(noise).size(), 64u);
}

TEST_F(MentionsTest, MegabyteText) {
  std::string text = "Hi, call me at +12124565641. ";
  const std::string filler = "The router keeps dropping the line again. ";
  while (text.size() < 500 * 1024) text += filler;
  text += " Or email late.reply@example.org. ";
  // A number deep in the text is beyond the phone scan; the email is not.
  text += " Old number +13125550000. ";
  while (text.size() < 1024 * 1024) text += filler;
  EXPECT_THAT(
      Extract(text, "US"),
      ElementsAre(Phone("+12124565641"), Email("late.reply@example.org")));
}

TEST_F(MentionsTest, PathologicalMegabyteTexts) {
  // Bounded work and output whatever the bytes.
  EXPECT_THAT(Extract(std::string(1024 * 1024, '@')), IsEmpty());
  EXPECT_THAT(Extract(std::string(1024 * 1024, '1')), IsEmpty());
  std::string handles;
  for (int i = 0; handles.size() < 1024 * 1024; ++i) {
    handles += "@user" + std::to_string(i) + " ";
  }
  EXPECT_EQ(Extract(handles).size(), 64u);
  std::string numbers;
  for (int i = 0; numbers.size() < 1024 * 1024; ++i) {
    numbers += "+1 212 555 " + std::to_string(1000 + i % 9000) + ", ";
  }
  const std::vector<Identity> found = Extract(numbers, "US");
  EXPECT_GT(found.size(), 0u);
  EXPECT_LE(found.size(), 64u);
  std::string emails;
  for (int i = 0; emails.size() < 1024 * 1024; ++i) {
    emails += std::string(60, 'a') + "@" + std::string(200, 'b') + ".";
  }
  EXPECT_LE(Extract(emails).size(), 64u);
}

}  // namespace
}  // namespace threadline

namespace threadline {
namespace {

Identity Account(std::string value) {
  return {IdentityKind::kAccount, std::move(value)};
}

TEST(AccountMentionsTest, AccountNumbersAfterTheWordForOne) {
  IdentityNormalizer n;
  EXPECT_THAT(n.ExtractMentions("Still broken. My account is AC-305510."),
              ElementsAre(Account("AC305510")));
  EXPECT_THAT(n.ExtractMentions("acct# 8841 2231 please check"),
              ElementsAre(Account("88412231")));
  EXPECT_THAT(n.ExtractMentions("Account number AC 694 2490, thanks"),
              ElementsAre(Account("AC6942490")));
  EXPECT_THAT(n.ExtractMentions("no uso ni la mitad. Mi cuenta es la ac-8941119."),
              ElementsAre(Account("AC8941119")));
  EXPECT_THAT(n.ExtractMentions("Número de cuenta: 77120934"),
              ElementsAre(Account("77120934")));
}

TEST(AccountMentionsTest, OrderTicketAndShortNumbersAreNotAccounts) {
  IdentityNormalizer n;
  EXPECT_THAT(n.ExtractMentions("Order #95432500 never arrived, ticket TCK-7051516"),
              IsEmpty());
  EXPECT_THAT(n.ExtractMentions("I cannot log in to my account since 2026"),
              IsEmpty());
  EXPECT_THAT(n.ExtractMentions("No puedo entrar a mi cuenta, no llega el correo"),
              IsEmpty());
  EXPECT_THAT(n.ExtractMentions("the account shows $45.99 due on 12/03"),
              IsEmpty());
}

}  // namespace
}  // namespace threadline

namespace threadline {
namespace {

TEST(PhoneMentionsTest, IdentifiersGluedToLettersAreNotPhoneNumbers) {
  IdentityNormalizer n;
  EXPECT_THAT(n.ExtractMentions("Ticket TCK-7051516, order #95432500, ref "
                                "A9835480, code 3105268174x",
                                "US"),
              IsEmpty());
  EXPECT_THAT(n.ExtractMentions("Tel:3105268174 please", "US"),
              ElementsAre(Identity{IdentityKind::kPhone, "+13105268174"}));
}

}  // namespace
}  // namespace threadline
