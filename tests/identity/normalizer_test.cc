#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "threadline/identity.h"
#include "threadline/types.h"

namespace threadline {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

// The canonical value of (kind, raw) read with `region`, or the error text.
std::string Canon(const IdentityNormalizer& normalizer, IdentityKind kind,
                  std::string raw, std::string_view region = {}) {
  absl::StatusOr<Identity> id =
      normalizer.Normalize({kind, std::move(raw)}, region);
  if (!id.ok()) return "error: " + std::string(id.status().message());
  EXPECT_EQ(id->kind, kind);
  return id->value;
}

// The error message of a value that must be rejected as InvalidArgument.
std::string Rejection(const IdentityNormalizer& normalizer, IdentityKind kind,
                      std::string raw, std::string_view region = {}) {
  absl::StatusOr<Identity> id = normalizer.Normalize({kind, raw}, region);
  if (id.ok()) {
    ADD_FAILURE() << "accepted \"" << raw << "\" as \"" << id->value << "\"";
    return "";
  }
  EXPECT_EQ(id.status().code(), absl::StatusCode::kInvalidArgument) << raw;
  return std::string(id.status().message());
}

class NormalizerTest : public ::testing::Test {
 protected:
  IdentityNormalizer normalizer_{NormalizerOptions{}};
};

std::string Phone(const IdentityNormalizer& n, std::string raw,
                  std::string_view region = {}) {
  return Canon(n, IdentityKind::kPhone, std::move(raw), region);
}

// --- Phones ------------------------------------------------------------

TEST_F(NormalizerTest, PhoneInternationalForms) {
  EXPECT_EQ(Phone(normalizer_, "+57 300 123 4567"), "+573001234567");
  EXPECT_EQ(Phone(normalizer_, "+34-665112400"), "+34665112400");
  EXPECT_EQ(Phone(normalizer_, "+1 646 555 0134"), "+16465550134");
  EXPECT_EQ(Phone(normalizer_, "+1 (212) 456-5641"), "+12124565641");
  EXPECT_EQ(Phone(normalizer_, "+57-3155518414", "CO"), "+573155518414");
  EXPECT_EQ(Phone(normalizer_, "tel:+1-212-555-1234"), "+12125551234");
  // International numbers do not depend on the region.
  EXPECT_EQ(Phone(normalizer_, "+57 300 123 4567", "ES"), "+573001234567");
}

// Regression: in Colombia "005" is an international prefix too, so
// "0057 306…" was read as +7 306… (Russia) instead of the Colombian mobile.
TEST_F(NormalizerTest, PhoneGenericPrefixReadingThatStaysInTheRegionWins) {
  EXPECT_EQ(Phone(normalizer_, "00573066456963", "CO"), "+573066456963");
  EXPECT_EQ(Phone(normalizer_, "00573066456963", "CO"),
            Phone(normalizer_, "+57-3066456963", "CO"));
  // A number of another country still reads as that country.
  EXPECT_EQ(Phone(normalizer_, "011 44 20 7946 0958", "US"), "+442079460958");
}

TEST_F(NormalizerTest, PhoneNationalFormsReadWithRegion) {
  EXPECT_EQ(Phone(normalizer_, "(646) 555-0134", "US"), "+16465550134");
  EXPECT_EQ(Phone(normalizer_, "4152708985", "US"), "+14152708985");
  EXPECT_EQ(Phone(normalizer_, "1-800-555-0199", "US"), "+18005550199");
  EXPECT_EQ(Phone(normalizer_, "3001234567", "CO"), "+573001234567");
  // A Colombian mobile written the US way, with a Colombian region.
  EXPECT_EQ(Phone(normalizer_, "(318) 887-6086", "CO"), "+573188876086");
  EXPECT_EQ(Phone(normalizer_, "612 34 56 78", "ES"), "+34612345678");
  EXPECT_EQ(Phone(normalizer_, "07400 123456", "GB"), "+447400123456");
  // Region codes in any letter case.
  EXPECT_EQ(Phone(normalizer_, "3001234567", "co"), "+573001234567");
}

TEST_F(NormalizerTest, PhoneNationalFormsUseDefaultRegion) {
  EXPECT_EQ(Phone(normalizer_, "(646) 555-0134"), "+16465550134");
  IdentityNormalizer colombia({.default_region = "CO"});
  EXPECT_EQ(Phone(colombia, "300 123 4567"), "+573001234567");
  // The interaction's region overrides the default.
  EXPECT_EQ(Phone(colombia, "(646) 555-0134", "US"), "+16465550134");
}

TEST_F(NormalizerTest, PhoneSameNumberInEveryFormIsOneIdentity) {
  const std::string expected = "+16465550134";
  for (const char* raw :
       {"(646) 555-0134", "646-555-0134", "646.555.0134", "6465550134",
        "1 646 555 0134", "+1 646 555 0134", "+16465550134", " 646 555 0134 ",
        "011 1 646 555 0134", "001 646 555 0134"}) {
    EXPECT_EQ(Phone(normalizer_, raw, "US"), expected) << raw;
  }
}

TEST_F(NormalizerTest, PhoneInternationalDiallingPrefixOfAnyCountry) {
  // 00 is the prefix of most of the world: read as "+" even when the
  // region's own prefix is another (the US uses 011).
  EXPECT_EQ(Phone(normalizer_, "0034612345678", "ES"), "+34612345678");
  EXPECT_EQ(Phone(normalizer_, "0034612345678", "DE"), "+34612345678");
  EXPECT_EQ(Phone(normalizer_, "0034612345678", "US"), "+34612345678");
  EXPECT_EQ(Phone(normalizer_, "0034612345678"), "+34612345678");
  EXPECT_EQ(Phone(normalizer_, "0013129929921", "US"), "+13129929921");
  EXPECT_EQ(Phone(normalizer_, "0013129929921", "GB"), "+13129929921");
  EXPECT_EQ(Phone(normalizer_, "00 34 612 34 56 78", "US"), "+34612345678");
  // Colombia's own prefixes carry a carrier digit (005, 007, 009): a plain
  // 00 from a Colombian region is still read as international.
  EXPECT_EQ(Phone(normalizer_, "0013129929921", "CO"), "+13129929921");
  EXPECT_EQ(Phone(normalizer_, "00573227891702", "CO"), "+573227891702");
  EXPECT_EQ(Phone(normalizer_, "009573227891702", "CO"), "+573227891702");
  // 011 is North America's prefix, read from anywhere.
  EXPECT_EQ(Phone(normalizer_, "01113129929921", "US"), "+13129929921");
  EXPECT_EQ(Phone(normalizer_, "011 57 300 123 4567", "US"), "+573001234567");
  EXPECT_EQ(Phone(normalizer_, "01113129929921", "ES"), "+13129929921");
  // Australia's 0011 is not read as 00 followed by a country code 11.
  EXPECT_EQ(Phone(normalizer_, "0011 44 20 7946 0958", "US"), "+442079460958");
  // Japan's 010.
  EXPECT_EQ(Phone(normalizer_, "010 44 20 7946 0958", "US"), "+442079460958");
  // Possible-but-invalid US numbers after 00 (an exchange starting with 0).
  EXPECT_EQ(Phone(normalizer_, "0013190734714", "US"), "+13190734714");
}

TEST_F(NormalizerTest, PhoneInternationalDigitsWithoutPlus) {
  // Not a US number, but valid once read as international.
  EXPECT_EQ(Phone(normalizer_, "573227891702", "US"), "+573227891702");
  EXPECT_EQ(Phone(normalizer_, "34655065512"), "+34655065512");
  // A possible national number of the region is not reread as
  // international, even when the digits happen to be valid elsewhere.
  EXPECT_EQ(Phone(normalizer_, "(326) 233-1028", "CO"), "+573262331028");
}

TEST_F(NormalizerTest, PhoneAcceptsPossibleButNotValidNumbers) {
  // Ranges newer than libphonenumber's metadata and fictional numbers still
  // identify the same customer each time.
  EXPECT_EQ(Phone(normalizer_, "+57 306 008 7675"), "+573060087675");
  EXPECT_EQ(Phone(normalizer_, "(319) 073-4714", "US"), "+13190734714");
  EXPECT_EQ(Phone(normalizer_, "+1 646 555 0134"), "+16465550134");
}

TEST_F(NormalizerTest, PhoneExtensionIsDropped) {
  EXPECT_EQ(Phone(normalizer_, "+1 212 555 1234 ext. 12"), "+12125551234");
  EXPECT_EQ(Phone(normalizer_, "(212) 555-1234 x7", "US"), "+12125551234");
}

TEST_F(NormalizerTest, PhoneMexicoMobileOnePrefixIsOneNumber) {
  const std::string expected = "+525512345678";
  EXPECT_EQ(Phone(normalizer_, "+52 1 55 1234 5678"), expected);
  EXPECT_EQ(Phone(normalizer_, "+52 55 1234 5678"), expected);
  EXPECT_EQ(Phone(normalizer_, "044 55 1234 5678", "MX"), expected);
  EXPECT_EQ(Phone(normalizer_, "55 1234 5678", "MX"), expected);
  EXPECT_EQ(Canon(normalizer_, IdentityKind::kWhatsapp, "5215512345678"),
            expected);
}

TEST_F(NormalizerTest, PhoneBrazilNinthDigitIsOneNumber) {
  const std::string expected = "+5511987654321";
  EXPECT_EQ(Phone(normalizer_, "+55 11 98765-4321"), expected);
  EXPECT_EQ(Phone(normalizer_, "(11) 98765-4321", "BR"), expected);
  // The old eight-digit mobile form gains its 9.
  EXPECT_EQ(Phone(normalizer_, "+55 11 8765-4321"), expected);
  EXPECT_EQ(Phone(normalizer_, "(11) 8765-4321", "BR"), expected);
  EXPECT_EQ(Canon(normalizer_, IdentityKind::kWhatsapp, "551187654321"),
            expected);
  // Landlines (starting 2-5) keep their eight digits.
  EXPECT_EQ(Phone(normalizer_, "+55 11 3456-7890"), "+551134567890");
}

TEST_F(NormalizerTest, WhatsappIsInternationalWithOrWithoutPlus) {
  const auto whatsapp = [this](std::string raw, std::string_view region = {}) {
    return Canon(normalizer_, IdentityKind::kWhatsapp, std::move(raw), region);
  };
  EXPECT_EQ(whatsapp("573227891702"), "+573227891702");
  EXPECT_EQ(whatsapp("+573227891702"), "+573227891702");
  EXPECT_EQ(whatsapp("573227891702", "CO"), "+573227891702");
  EXPECT_EQ(whatsapp("13126029797", "CO"), "+13126029797");
  EXPECT_EQ(whatsapp("+57 322 789 1702"), "+573227891702");
  // A host that put a national number in a WhatsApp field.
  EXPECT_EQ(whatsapp("300 123 4567", "CO"), "+573001234567");
  // The same number given as PHONE has the same value, another kind.
  absl::StatusOr<Identity> id =
      normalizer_.Normalize({IdentityKind::kWhatsapp, "573227891702"});
  ASSERT_TRUE(id.ok());
  EXPECT_EQ(id->kind, IdentityKind::kWhatsapp);
  EXPECT_EQ(Phone(normalizer_, "+573227891702"), id->value);
}

TEST_F(NormalizerTest, PhoneGarbageIsInvalidArgumentNamingKindValueReason) {
  EXPECT_THAT(
      Rejection(normalizer_, IdentityKind::kPhone, "12"),
      AllOf(HasSubstr("PHONE"), HasSubstr("\"12\""), HasSubstr("too short")));
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kPhone, "abc"),
              AllOf(HasSubstr("PHONE"), HasSubstr("\"abc\""),
                    HasSubstr("is not a phone number")));
  EXPECT_THAT(
      Rejection(normalizer_, IdentityKind::kPhone, "+999"),
      AllOf(HasSubstr("\"+999\""), HasSubstr("unknown country calling code")));
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kPhone, "555-1234", "US"),
              HasSubstr("local number without its area code"));
  EXPECT_THAT(
      Rejection(normalizer_, IdentityKind::kPhone, "12345678901234567", "US"),
      HasSubstr("too long"));
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kWhatsapp, "12"),
              AllOf(HasSubstr("WHATSAPP"), HasSubstr("\"12\"")));
  // A Spanish number written nationally with no Spanish region to read it.
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kPhone, "(625) 057-474"),
              HasSubstr("is not a phone number"));
}

TEST_F(NormalizerTest, PhoneNationalNumberWithoutAnyRegion) {
  IdentityNormalizer no_default({.default_region = ""});
  EXPECT_EQ(Phone(no_default, "+1 646 555 0134"), "+16465550134");
  EXPECT_THAT(Rejection(no_default, IdentityKind::kPhone, "(646) 555-0134"),
              HasSubstr("no region given"));
  EXPECT_EQ(Phone(no_default, "(646) 555-0134", "US"), "+16465550134");
}

TEST_F(NormalizerTest, PhoneAllOneDigitIsPlaceholder) {
  for (const char* raw : {"+1 000 000 0000", "555 555 5555", "+57 333 333 3333",
                          "(000) 000-0000"}) {
    EXPECT_THAT(Rejection(normalizer_, IdentityKind::kPhone, raw, "US"),
                HasSubstr("placeholder"))
        << raw;
  }
}

TEST_F(NormalizerTest, PhoneCacheGivesTheSameAnswers) {
  IdentityNormalizer uncached({.phone_cache_entries = 0});
  IdentityNormalizer tiny({.phone_cache_entries = 2});
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"(646) 555-0134", "US"}, {"0034612345678", "US"}, {"12", "US"},
      {"3001234567", "CO"},     {"3001234567", "US"},    {"+999", ""},
  };
  for (int round = 0; round < 3; ++round) {
    for (const auto& [raw, region] : cases) {
      const std::string want = Phone(uncached, raw, region);
      EXPECT_EQ(Phone(normalizer_, raw, region), want) << raw << " " << region;
      EXPECT_EQ(Phone(tiny, raw, region), want) << raw << " " << region;
    }
  }
  // The region is part of the key: the same digits are two numbers.
  EXPECT_NE(Phone(normalizer_, "3001234567", "CO"),
            Phone(normalizer_, "3001234567", "US"));
  // So is the kind: a PHONE value is read as national first (these digits
  // have the length of a Colombian toll-free number), a WhatsApp value as
  // international first.
  EXPECT_EQ(Phone(normalizer_, "13126029797", "CO"), "+5713126029797");
  EXPECT_EQ(Canon(normalizer_, IdentityKind::kWhatsapp, "13126029797", "CO"),
            "+13126029797");
}

// Regression: a value starting with "+" was cached without its region, yet
// libphonenumber reads "+011 44 ..." again through the region's
// international prefix (+44 from the US, no number from Spain), and a "+"
// after a "(" leaves the value national, with the region in its message.
// Whichever region read such a value first decided it for every other.
TEST_F(NormalizerTest, CachedReadingIsNotAnotherRegions) {
  IdentityNormalizer uncached({.phone_cache_entries = 0});
  for (const char* raw :
       {"+011 44 20 7946 0958", "+0011 44 20 7946 0958", "+00 44 20 7946 0958",
        "(+999) 300 123 4567", "(+1) 646 555 0134", "+999 44 20 7946 0958",
        "+44 20 7946 0958"}) {
    for (const char* region : {"US", "ES", "AU", "CO", ""}) {
      EXPECT_EQ(Phone(normalizer_, raw, region), Phone(uncached, raw, region))
          << raw << " " << region;
    }
  }
  EXPECT_EQ(Phone(normalizer_, "+011 44 20 7946 0958", "US"), "+442079460958");
  EXPECT_THAT(Phone(normalizer_, "+011 44 20 7946 0958", "ES"),
              HasSubstr("error"));
}

// Regression: values with the same digits were cached under one key though
// they read differently: a dialling prefix is read only when written at
// the very start ("0 034 ..." is no "00 34 ..."), libphonenumber reads a
// tab unlike a space, two digits are a number or not depending on what
// lies between them, and only a value starting with a digit may be
// international digits without "+". Whichever form came first decided the
// others.
TEST_F(NormalizerTest, CachedReadingIsNotAnotherForms) {
  IdentityNormalizer uncached({.phone_cache_entries = 0});
  const std::vector<std::vector<std::string>> alike_digits = {
      {"0034612345678", "0 034 612 345 678", "-0034612345678",
       "00 34 612 345 678", "(00) 34 612 345 678"},
      {"646 555 0134", "646\t555 0134", "(646)\t555 0134"},
      {"12", "1 2", "1-2"},
      {"+(57) 300 123 4567", "(+57) 300 123 4567"},
      {"011 44 20 7946 0958", "0 11 44 20 7946 0958", "01 1 44 20 7946 0958"},
  };
  for (const std::vector<std::string>& forms : alike_digits) {
    for (const IdentityKind kind :
         {IdentityKind::kPhone, IdentityKind::kWhatsapp}) {
      for (const char* region : {"US", "ES"}) {
        IdentityNormalizer cached;
        for (const std::string& raw : forms) {
          EXPECT_EQ(Canon(cached, kind, raw, region),
                    Canon(uncached, kind, raw, region))
              << raw << " " << region;
        }
      }
    }
  }
}

// --- Emails ------------------------------------------------------------

TEST_F(NormalizerTest, EmailTrimmedAndLowerCase) {
  const auto email = [this](std::string raw) {
    return Canon(normalizer_, IdentityKind::kEmail, std::move(raw));
  };
  EXPECT_EQ(email(" Grace.Clark@Example.org "), "grace.clark@example.org");
  EXPECT_EQ(email("Andres.Rodriguez451@Gmail.Com"),
            "andres.rodriguez451@gmail.com");
  EXPECT_EQ(email("\tava+news@yahoo.es\n"), "ava+news@yahoo.es");
  EXPECT_EQ(email("mailto:Ava@Yahoo.ES"), "ava@yahoo.es");
  EXPECT_EQ(email("MAILTO: ava@yahoo.es"), "ava@yahoo.es");
  EXPECT_EQ(email("Grace Clark <Grace@Example.org>"), "grace@example.org");
  EXPECT_EQ(email("grace@example.org."), "grace@example.org");
  // No-break space from a copied web page.
  EXPECT_EQ(email("\xC2\xA0grace@example.org\xC2\xA0"), "grace@example.org");
  EXPECT_EQ(email("josé@bücher.de"), "josé@bücher.de");
}

TEST_F(NormalizerTest, EmailInvalidNamesTheRule) {
  const auto rejection = [this](std::string raw) {
    return Rejection(normalizer_, IdentityKind::kEmail, std::move(raw));
  };
  EXPECT_THAT(rejection("grace.example.org"),
              AllOf(HasSubstr("EMAIL"), HasSubstr("\"grace.example.org\""),
                    HasSubstr("no \"@\"")));
  EXPECT_THAT(rejection("a@b@example.org"), HasSubstr("more than one \"@\""));
  EXPECT_THAT(rejection("@example.org"), HasSubstr("nothing before"));
  EXPECT_THAT(rejection("grace@localhost"), HasSubstr("not a domain"));
  EXPECT_THAT(rejection("grace@example."), HasSubstr("not a domain"));
  EXPECT_THAT(rejection("grace@example..org"), HasSubstr("not a domain"));
  EXPECT_THAT(rejection("grace@-example.org"), HasSubstr("not a domain"));
  EXPECT_THAT(rejection("grace@example.4"), HasSubstr("not a domain"));
  EXPECT_THAT(rejection("grace@"), HasSubstr("not a domain"));
  EXPECT_THAT(rejection("gra ce@example.org"), HasSubstr("contains spaces"));
  EXPECT_THAT(rejection("grace,clark@example.org"), HasSubstr("contains"));
  EXPECT_THAT(rejection(std::string(65, 'a') + "@example.org"),
              HasSubstr("longer than RFC 5321 allows"));
  EXPECT_THAT(rejection("mailto:"), HasSubstr("placeholder"));
}

// --- Handles, accounts, the rest -----------------------------------------

TEST_F(NormalizerTest, TwitterHandle) {
  const auto twitter = [this](std::string raw) {
    return Canon(normalizer_, IdentityKind::kTwitter, std::move(raw));
  };
  EXPECT_EQ(twitter("@GraceCla9596"), "gracecla9596");
  EXPECT_EQ(twitter(" GraceCla9596 "), "gracecla9596");
  EXPECT_EQ(twitter("@Grace_C"), "grace_c");
  EXPECT_EQ(twitter("@abcdefghijklmno"), "abcdefghijklmno");  // 15
  // Longer than Twitter allows today, but seen in real exports.
  EXPECT_EQ(twitter("@ValentinaGar5171"), "valentinagar5171");
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kTwitter, "@Grace C"),
              AllOf(HasSubstr("TWITTER"), HasSubstr("\"@Grace C\""),
                    HasSubstr("only letters, digits and \"_\"")));
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kTwitter, "grace.c"),
              HasSubstr("only letters, digits"));
  EXPECT_THAT(
      Rejection(normalizer_, IdentityKind::kTwitter, "@abcdefghijklmnopqrstu"),
      HasSubstr("longer than 20"));
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kTwitter, "@"),
              HasSubstr("placeholder"));
}

TEST_F(NormalizerTest, InstagramHandle) {
  const auto instagram = [this](std::string raw) {
    return Canon(normalizer_, IdentityKind::kInstagram, std::move(raw));
  };
  EXPECT_EQ(instagram("@Andres.Per_9220"), "andres.per_9220");
  EXPECT_EQ(instagram("avacla2497_ig"), "avacla2497_ig");
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kInstagram, ".andres"),
              AllOf(HasSubstr("INSTAGRAM"), HasSubstr("Instagram handle")));
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kInstagram, "andres."),
              HasSubstr("Instagram handle"));
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kInstagram, "an..dres"),
              HasSubstr("Instagram handle"));
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kInstagram, "an-dres"),
              HasSubstr("Instagram handle"));
  EXPECT_THAT(
      Rejection(normalizer_, IdentityKind::kInstagram, std::string(31, 'a')),
      HasSubstr("longer than 30"));
}

TEST_F(NormalizerTest, FacebookAndLinkedinNamesAndIds) {
  EXPECT_EQ(Canon(normalizer_, IdentityKind::kFacebook, "6120362982041315"),
            "6120362982041315");
  EXPECT_EQ(Canon(normalizer_, IdentityKind::kFacebook, "@John.Doe-1"),
            "john.doe-1");
  EXPECT_EQ(Canon(normalizer_, IdentityKind::kLinkedin, "Grace-Clark-4a5b"),
            "grace-clark-4a5b");
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kFacebook, "john doe"),
              AllOf(HasSubstr("FACEBOOK"), HasSubstr("profile name or id")));
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kLinkedin, "grace/clark"),
              AllOf(HasSubstr("LINKEDIN"), HasSubstr("profile name or id")));
  EXPECT_THAT(
      Rejection(normalizer_, IdentityKind::kLinkedin, std::string(101, 'a')),
      HasSubstr("longer than 100"));
}

TEST_F(NormalizerTest, AccountLettersAndDigitsUpperCase) {
  const auto account = [this](std::string raw) {
    return Canon(normalizer_, IdentityKind::kAccount, std::move(raw));
  };
  EXPECT_EQ(account("ac-305 510"), "AC305510");
  EXPECT_EQ(account("AC-965744"), "AC965744");
  EXPECT_EQ(account(" ac965744 "), "AC965744");
  EXPECT_EQ(account("#4471-0032"), "44710032");
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kAccount, "#/"),
              AllOf(HasSubstr("ACCOUNT"), HasSubstr("no letters or digits")));
  // All zeros once the separators are gone.
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kAccount, "#0000/00"),
              HasSubstr("placeholder"));
}

TEST_F(NormalizerTest, ChatVisitorAndOtherAreTrimmedOnly) {
  EXPECT_EQ(Canon(normalizer_, IdentityKind::kChatVisitor, " v-4FC5a91556f0 "),
            "v-4FC5a91556f0");
  EXPECT_EQ(Canon(normalizer_, IdentityKind::kOther, "Loyalty Card 12"),
            "Loyalty Card 12");
}

TEST_F(NormalizerTest, UnspecifiedKindIsInvalidArgument) {
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kUnspecified, "grace"),
              AllOf(HasSubstr("\"grace\""), HasSubstr("has no kind")));
  EXPECT_THAT(Rejection(normalizer_, static_cast<IdentityKind>(42), "grace"),
              HasSubstr("has no kind"));
}

TEST_F(NormalizerTest, PlaceholdersOfEveryKindAreRejected) {
  const std::vector<std::string> placeholders = {
      "",          "   ",       "\t\n",
      "unknown",   "UNKNOWN",   "Unknown",
      "anonymous", "ANONYMOUS", "null",
      "NULL",      "none",      "None",
      "n/a",       "N/A",       "-1",
      "0",         "0000",      "000-0000",
      "----",      "-",         "(000) 000-0000",
      "undefined", "nil"};
  const std::vector<IdentityKind> kinds = {
      IdentityKind::kPhone,     IdentityKind::kEmail,
      IdentityKind::kTwitter,   IdentityKind::kFacebook,
      IdentityKind::kInstagram, IdentityKind::kWhatsapp,
      IdentityKind::kLinkedin,  IdentityKind::kChatVisitor,
      IdentityKind::kAccount,   IdentityKind::kOther};
  for (IdentityKind kind : kinds) {
    for (const std::string& raw : placeholders) {
      EXPECT_THAT(Rejection(normalizer_, kind, raw), HasSubstr("placeholder"))
          << IdentityKindName(kind) << " \"" << raw << "\"";
    }
  }
  // The same words behind an "@" or "mailto:".
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kTwitter, "@null"),
              HasSubstr("placeholder"));
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kInstagram, "@Unknown"),
              HasSubstr("placeholder"));
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kEmail, "mailto:none"),
              HasSubstr("placeholder"));
  // Words that merely contain a placeholder are values.
  EXPECT_EQ(Canon(normalizer_, IdentityKind::kTwitter, "@unknown_plz"),
            "unknown_plz");
  EXPECT_EQ(Canon(normalizer_, IdentityKind::kAccount, "AC-0001"), "AC0001");
}

TEST_F(NormalizerTest, EmptyValueMessageSaysEmpty) {
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kEmail, "  "),
              AllOf(HasSubstr("EMAIL"), HasSubstr("is empty"),
                    HasSubstr("placeholder")));
}

TEST_F(NormalizerTest, InvalidUtf8AndHugeValuesAreRejectedReadably) {
  const std::string broken = "v-\xFF\xFE-1";
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kOther, broken),
              AllOf(HasSubstr("not valid UTF-8"), HasSubstr("\\xff\\xfe")));
  const std::string huge(2000, 'a');
  const std::string message =
      Rejection(normalizer_, IdentityKind::kOther, huge);
  EXPECT_THAT(message, AllOf(HasSubstr("longer than 1024 bytes"),
                             HasSubstr("(2000 bytes)")));
  EXPECT_LT(message.size(), 200u);
  EXPECT_THAT(Rejection(normalizer_, IdentityKind::kPhone,
                        "+1 212 555 1234" + std::string(300, ' ') + "x"),
              HasSubstr("too long"));
}

// --- Concurrency ---------------------------------------------------------

TEST(NormalizerConcurrencyTest, TwoThreadsShareOneNormalizer) {
  // A tiny cache, so the threads also race on evictions.
  IdentityNormalizer normalizer({.phone_cache_entries = 4});
  IdentityNormalizer reference({.phone_cache_entries = 0});
  std::vector<std::pair<Identity, std::string>> inputs;
  for (int i = 0; i < 40; ++i) {
    inputs.push_back(
        {{IdentityKind::kPhone, "(646) 555-01" + std::to_string(10 + i)},
         "US"});
    inputs.push_back(
        {{IdentityKind::kWhatsapp, "5730012345" + std::to_string(10 + i)},
         "CO"});
    inputs.push_back(
        {{IdentityKind::kEmail, " User" + std::to_string(i) + "@Example.org"},
         ""});
  }
  inputs.push_back({{IdentityKind::kPhone, "12"}, "US"});
  std::vector<std::string> expected;
  for (const auto& [raw, region] : inputs) {
    absl::StatusOr<Identity> id = reference.Normalize(raw, region);
    expected.push_back(id.ok() ? id->value : id.status().ToString());
  }
  const std::string text =
      "Email me at ava@example.org or call +57 321 703 2442, @ava_x";
  const std::vector<Identity> expected_mentions =
      reference.ExtractMentions(text, "CO");
  ASSERT_EQ(expected_mentions.size(), 3u);

  std::vector<int> mismatches(2, 0);
  const auto work = [&](int thread) {
    for (int round = 0; round < 50; ++round) {
      for (size_t i = 0; i < inputs.size(); ++i) {
        // The threads walk the inputs in opposite orders.
        const size_t k = thread == 0 ? i : inputs.size() - 1 - i;
        absl::StatusOr<Identity> id =
            normalizer.Normalize(inputs[k].first, inputs[k].second);
        const std::string got = id.ok() ? id->value : id.status().ToString();
        if (got != expected[k]) ++mismatches[thread];
      }
      if (normalizer.ExtractMentions(text, "CO") != expected_mentions) {
        ++mismatches[thread];
      }
    }
  };
  std::thread a(work, 0);
  std::thread b(work, 1);
  a.join();
  b.join();
  EXPECT_EQ(mismatches[0], 0);
  EXPECT_EQ(mismatches[1], 0);
}

}  // namespace
}  // namespace threadline
