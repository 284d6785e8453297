// The public reply guard as a host uses it: real-looking agent replies in
// English and Spanish, with the exact byte spans of what is wrong.
#include "threadline/guard.h"

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "threadline/types.h"

namespace threadline {
namespace {

// The brand every test replies for: Acme, hotline 1-800-555-0199, support
// address support@acme.com, customers in the US, Mexico and Spain.
GuardOptions AcmeOptions() {
  GuardOptions options;
  options.own_identities = {
      {IdentityKind::kPhone, "1-800-555-0199"},
      {IdentityKind::kEmail, "Support@Acme.com"},
      {IdentityKind::kTwitter, "@AcmeCare"},
  };
  options.regions = {"US", "MX", "ES"};
  return options;
}

std::unique_ptr<ReplyGuard> MakeGuard(GuardOptions options = AcmeOptions()) {
  absl::StatusOr<std::unique_ptr<ReplyGuard>> guard =
      ReplyGuard::Create(std::move(options));
  EXPECT_TRUE(guard.ok()) << guard.status();
  return guard.ok() ? *std::move(guard) : nullptr;
}

ReplyContext On(Channel channel) {
  ReplyContext context;
  context.channel = channel;
  return context;
}

std::string Describe(std::string_view reply, const GuardResult& result) {
  std::string out;
  for (const Finding& f : result.findings) {
    out += std::string(FindingKindName(f.kind)) + " [" +
           std::to_string(f.begin) + "," + std::to_string(f.end) + ") \"" +
           std::string(reply.substr(f.begin, f.end - f.begin)) + "\" " +
           f.message + "\n";
  }
  return out.empty() ? "(no findings)\n" : out;
}

// Whether `result` has a finding of `kind` spanning exactly the first
// occurrence of `part` in `reply`.
bool HasFinding(std::string_view reply, const GuardResult& result,
                FindingKind kind, std::string_view part) {
  const size_t begin = reply.find(part);
  if (begin == std::string_view::npos) {
    ADD_FAILURE() << "\"" << part << "\" is not in the reply";
    return false;
  }
  return std::any_of(result.findings.begin(), result.findings.end(),
                     [&](const Finding& f) {
                       return f.kind == kind && f.begin == begin &&
                              f.end == begin + part.size();
                     });
}

struct Planted {
  std::string reply;
  FindingKind kind;
  std::string part;  // exactly what must be flagged
};

TEST(ReplyGuardTest, TheHeaderExampleHolds) {
  GuardOptions options;
  options.own_identities = {{IdentityKind::kPhone, "1-800-555-0199"}};
  options.required_signoff = "^AB";
  absl::StatusOr<std::unique_ptr<ReplyGuard>> guard =
      ReplyGuard::Create(options);
  ASSERT_TRUE(guard.ok()) << guard.status();
  ReplyContext context;
  context.channel = Channel::kTwitter;
  GuardResult r = (*guard)->Check(
      "Sorry! Call us at 1-800-555-0199 or DM your email. ^AB", context);
  EXPECT_TRUE(r.ok) << r.findings.size();
  r = (*guard)->Check("Card 4111 1111 1111 1111 is blocked ^AB", context);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].kind, FindingKind::kCardNumber);
  EXPECT_EQ(r.findings[0].begin, 5u);
  EXPECT_EQ(r.findings[0].end, 24u);
  EXPECT_EQ(r.move_to_channel, Channel::kTwitter);
  EXPECT_TRUE(r.move_to_private_message);
}

TEST(ReplyGuardTest, EveryPlantedCardIsCaughtWithItsExactSpan) {
  const std::vector<Planted> cases = {
      {"Hi Ana, we see the charge on card 4111 1111 1111 1111, we're on it!",
       FindingKind::kCardNumber, "4111 1111 1111 1111"},
      {"Your Visa 4012888888881881 was declined. Please DM us.",
       FindingKind::kCardNumber, "4012888888881881"},
      {"Refund issued to 5555-5555-5555-4444 (exp 12/28).",
       FindingKind::kCardNumber, "5555-5555-5555-4444"},
      {"The Amex 3782 822463 10005 on file expired.", FindingKind::kCardNumber,
       "3782 822463 10005"},
      {"Card 2223003122003222 is the new Mastercard.", FindingKind::kCardNumber,
       "2223003122003222"},
      {"We charged 6011 1111 1111 1117 12/27 yesterday.",
       FindingKind::kCardNumber, "6011 1111 1111 1117"},
      {"Hola Lucía, tu tarjeta 4242 4242 4242 4242 fue rechazada :(",
       FindingKind::kCardNumber, "4242 4242 4242 4242"},
      {"Ya reembolsamos a la tarjeta 5105-1051-0510-5100, tarda 5 días.",
       FindingKind::kCardNumber, "5105-1051-0510-5100"},
      {"La JCB 3530111333300000 no se acepta en tiendas.",
       FindingKind::kCardNumber, "3530111333300000"},
      {"Diners 30569309025904 ya no aplica, lo sentimos.",
       FindingKind::kCardNumber, "30569309025904"},
  };
  auto guard = MakeGuard();
  for (const Planted& c : cases) {
    const GuardResult r = guard->Check(c.reply, On(Channel::kTwitter));
    EXPECT_TRUE(HasFinding(c.reply, r, c.kind, c.part)) << c.reply << "\n"
                                                        << Describe(c.reply, r);
    EXPECT_FALSE(r.ok);
  }
}

TEST(ReplyGuardTest, CardNumbersFailingLuhnOrIssuerAreNotCards) {
  auto guard = MakeGuard();
  // One digit off: the Luhn check fails. A long unlabeled number is still
  // worth a look, but it is not reported as a card.
  for (std::string reply : {"Ref 4111 1111 1111 1112 was the old card.",
                            "Ticket 1234 5678 9012 3452 is open."}) {
    const GuardResult r = guard->Check(reply, On(Channel::kTwitter));
    for (const Finding& f : r.findings) {
      EXPECT_NE(f.kind, FindingKind::kCardNumber) << Describe(reply, r);
    }
  }
}

TEST(ReplyGuardTest, EveryPlantedAccountNumberIsCaught) {
  const std::vector<Planted> cases = {
      {"I've linked account AC-305510 to your new address.",
       FindingKind::kAccountNumber, "AC-305510"},
      {"Please confirm acct 12345678 by DM.", FindingKind::kAccountNumber,
       "12345678"},
      {"Account no. 0044 1234 5678 is now closed.", FindingKind::kAccountNumber,
       "0044 1234 5678"},
      {"Your account #: 99887766 shows the credit.",
       FindingKind::kAccountNumber, "99887766"},
      {"Refund sent to IBAN ES91 2100 0418 4502 0005 1332 today.",
       FindingKind::kAccountNumber, "ES91 2100 0418 4502 0005 1332"},
      {"We wired it to DE89370400440532013000 as asked.",
       FindingKind::kAccountNumber, "DE89370400440532013000"},
      {"Tu cuenta 0123 4567 8901 2345 6789 ya está activa.",
       FindingKind::kAccountNumber, "0123 4567 8901 2345 6789"},
      {"El número de cuenta: 002180700012345678 tiene el depósito.",
       FindingKind::kAccountNumber, "002180700012345678"},
      {"Con tu CLABE 032180000118359719 hicimos la transferencia.",
       FindingKind::kAccountNumber, "032180000118359719"},
      {"Tu póliza 77889911 vence pronto.", FindingKind::kAccountNumber,
       "77889911"},
      {"Su DNI 12345678Z ya figura en el sistema.", FindingKind::kAccountNumber,
       "12345678Z"},
      {"The SSN 123-45-6789 you sent is on file.", FindingKind::kAccountNumber,
       "123-45-6789"},
      {"Your security code 482913 expires in 5 minutes.",
       FindingKind::kAccountNumber, "482913"},
      {"El CVV 123 está al reverso.", FindingKind::kAccountNumber, "123"},
  };
  auto guard = MakeGuard();
  for (const Planted& c : cases) {
    const GuardResult r = guard->Check(c.reply, On(Channel::kFacebook));
    EXPECT_TRUE(HasFinding(c.reply, r, c.kind, c.part)) << c.reply << "\n"
                                                        << Describe(c.reply, r);
  }
}

TEST(ReplyGuardTest, EveryPlantedEmailAndPhoneIsCaught) {
  const std::vector<Planted> cases = {
      {"Got it, we'll write to grace.clark@example.org today.",
       FindingKind::kEmail, "grace.clark@example.org"},
      {"Is JOHN_DOE+orders@Mail.Example.co.uk your login?", FindingKind::kEmail,
       "JOHN_DOE+orders@Mail.Example.co.uk"},
      {"Le escribimos a lucia.gomez@correo.es, revise su bandeja.",
       FindingKind::kEmail, "lucia.gomez@correo.es"},
      {"We'll call you back at (646) 555-0134 within the hour.",
       FindingKind::kPhone, "(646) 555-0134"},
      {"Our tech can reach 212.555.0187 tomorrow.", FindingKind::kPhone,
       "212.555.0187"},
      {"Text +1 415-555-0102 when you arrive.", FindingKind::kPhone,
       "+1 415-555-0102"},
      {"Te llamamos al +34 612 34 56 78 esta tarde.", FindingKind::kPhone,
       "+34 612 34 56 78"},
      {"Le marcamos al 55 1234 5678 mañana.", FindingKind::kPhone,
       "55 1234 5678"},
      {"Escríbenos desde el 612 345 678 por WhatsApp.", FindingKind::kPhone,
       "612 345 678"},
      {"Confirmado: +52 1 33 1234 5678 es el contacto.", FindingKind::kPhone,
       "+52 1 33 1234 5678"},
  };
  auto guard = MakeGuard();
  for (const Planted& c : cases) {
    const GuardResult r = guard->Check(c.reply, On(Channel::kTwitter));
    EXPECT_TRUE(HasFinding(c.reply, r, c.kind, c.part)) << c.reply << "\n"
                                                        << Describe(c.reply, r);
  }
}

TEST(ReplyGuardTest, NoFalseAlarmOnOrdersDatesPricesAndTheHotline) {
  const std::vector<std::string> replies = {
      "Hi Grace! Order #12345 shipped on 2026-01-05 and arrives by 01/09/2026.",
      "Your order 112-4455667-8899001 was refunded: $40.00 back in 3-5 days.",
      "Ticket 55667788 is open; we'll update you by 5pm ET. Call "
      "1-800-555-0199 anytime.",
      "Still stuck? Call us at 1 (800) 555-0199 or write to support@acme.com",
      "Case #4481920 closed. You saved 15% ($12.50) on your plan.",
      "Tracking number 1Z999AA10123456784 shows it in Memphis.",
      "Your refund of USD 1,250.00 posted on 12/30/2025 at 10:30.",
      "Hola Lucía, tu pedido 98765 llega el 05/01/2026. Total: 40.000 pesos.",
      "Tu pedido #1234567890 ya salió. El reembolso de €12,50 tarda 5 días.",
      "Folio 20260105-4471: el cargo de $1.250.000 COP ya fue revertido.",
      "Su reclamo 2026/000123 sigue en revisión. Llámenos al 800 555 0199.",
      "Nuestra línea 1-800-555-0199 atiende de 9:00 a 18:00, 2025-2026.",
      "Referencia 7788990011: tu devolución de 1 250 000 COP fue aprobada.",
      "The 2026 plan gives 40GB for $35/month, up 20% from 2025.",
      "Ver https://acme.com/orders/1234567890123?ref=5551234567 para más.",
      "Model XR-500123 and SKU 88776655 are back in stock!",
      "DM @AcmeCare with order ORD-2026001 and we'll sort it.",
  };
  auto guard = MakeGuard();
  for (const std::string& reply : replies) {
    const GuardResult r = guard->Check(reply, On(Channel::kTwitter));
    EXPECT_TRUE(r.ok) << reply << "\n" << Describe(reply, r);
    EXPECT_EQ(r.move_to_channel, Channel::kUnspecified);
  }
}

TEST(ReplyGuardTest, LongNumbersWithoutALabelAreReported) {
  auto guard = MakeGuard();
  const std::string reply =
      "We credited 999888777666555 and 4455 6677 8899 today.";
  const GuardResult r = guard->Check(reply, On(Channel::kTwitter));
  EXPECT_TRUE(
      HasFinding(reply, r, FindingKind::kUnlabeledNumber, "999888777666555"))
      << Describe(reply, r);
  // The same with a label is a reference.
  EXPECT_TRUE(
      guard
          ->Check("Reference 999888777666555 is closed.", On(Channel::kTwitter))
          .ok);
}

TEST(ReplyGuardTest, TheCustomersOwnIdentitiesAreReportedAsSuch) {
  auto guard = MakeGuard();
  ReplyContext context = On(Channel::kTwitter);
  context.customer_identities = {
      {IdentityKind::kPhone, "+16465550134"},
      {IdentityKind::kEmail, "Grace.Clark@Example.org"},
      {IdentityKind::kInstagram, "grace.c"},
      {IdentityKind::kTwitter, "@GraceC"},
      {IdentityKind::kAccount, "AC305510"},
  };
  const std::string reply =
      "@GraceC we called 646-555-0134, mailed grace.clark@example.org, saw "
      "@grace.c on IG and fixed ac 305-510.";
  const GuardResult r = guard->Check(reply, context);
  EXPECT_TRUE(
      HasFinding(reply, r, FindingKind::kCustomerIdentity, "646-555-0134"))
      << Describe(reply, r);
  EXPECT_TRUE(HasFinding(reply, r, FindingKind::kCustomerIdentity,
                         "grace.clark@example.org"))
      << Describe(reply, r);
  EXPECT_TRUE(HasFinding(reply, r, FindingKind::kCustomerIdentity, "@grace.c"))
      << Describe(reply, r);
  EXPECT_TRUE(
      HasFinding(reply, r, FindingKind::kCustomerIdentity, "ac 305-510"))
      << Describe(reply, r);
  // Their Twitter handle is public on Twitter: replying to it is normal.
  EXPECT_EQ(r.findings.size(), 4u) << Describe(reply, r);
  EXPECT_EQ(r.move_to_channel, Channel::kTwitter);
  EXPECT_TRUE(r.move_to_private_message);
}

TEST(ReplyGuardTest, PrivateChannelsReportOnlyCardsAndSecrets) {
  auto guard = MakeGuard();
  const std::string reply =
      "Hi Grace, we called (646) 555-0134 and wrote to grace@example.org about "
      "account AC-305510. Card 4111 1111 1111 1111, PIN 4321.";
  for (Channel channel : {Channel::kEmail, Channel::kWhatsapp, Channel::kSms,
                          Channel::kWebChat}) {
    const GuardResult r = guard->Check(reply, On(channel));
    ASSERT_EQ(r.findings.size(), 2u) << Describe(reply, r);
    EXPECT_TRUE(
        HasFinding(reply, r, FindingKind::kCardNumber, "4111 1111 1111 1111"));
    EXPECT_TRUE(HasFinding(reply, r, FindingKind::kAccountNumber, "4321"));
    EXPECT_EQ(r.move_to_channel, Channel::kUnspecified);
  }
  // A direct message on Twitter is private too.
  ReplyContext dm = On(Channel::kTwitter);
  dm.private_message = true;
  EXPECT_EQ(guard->Check(reply, dm).findings.size(), 2u);
}

TEST(ReplyGuardTest, SuggestsWhereToContinue) {
  auto guard = MakeGuard();
  const std::string reply = "Please confirm grace@example.org for us.";
  for (Channel channel : {Channel::kTwitter, Channel::kFacebook,
                          Channel::kInstagram, Channel::kLinkedin}) {
    const GuardResult r = guard->Check(reply, On(channel));
    EXPECT_EQ(r.move_to_channel, channel);
    EXPECT_TRUE(r.move_to_private_message);
  }
  for (Channel channel : {Channel::kForum, Channel::kBlog, Channel::kVideo,
                          Channel::kOther, Channel::kUnspecified}) {
    const GuardResult r = guard->Check(reply, On(channel));
    EXPECT_EQ(r.move_to_channel, Channel::kEmail);
    EXPECT_FALSE(r.move_to_private_message);
  }
  // No personal data, no suggestion.
  const GuardResult r =
      guard->Check("What the hell, shut up", On(Channel::kTwitter));
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.move_to_channel, Channel::kUnspecified);
}

TEST(ReplyGuardTest, IsPublicChannel) {
  for (Channel c : {Channel::kTwitter, Channel::kFacebook, Channel::kInstagram,
                    Channel::kLinkedin, Channel::kForum, Channel::kBlog,
                    Channel::kVideo, Channel::kOther, Channel::kUnspecified}) {
    EXPECT_TRUE(IsPublicChannel(c)) << ChannelName(c);
  }
  for (Channel c :
       {Channel::kVoice, Channel::kSms, Channel::kEmail, Channel::kWebChat,
        Channel::kWhatsapp, Channel::kFax, Channel::kPostalMail,
        Channel::kInStore, Channel::kWebForm}) {
    EXPECT_FALSE(IsPublicChannel(c)) << ChannelName(c);
  }
}

TEST(ReplyGuardTest, ProfanityAndInsultsInBothLanguages) {
  const std::vector<Planted> cases = {
      {"Sorry, that update was a shit show.", FindingKind::kProfanity, "shit"},
      {"We fucked up your order, sorry.", FindingKind::kProfanity, "fucked"},
      {"What the f*ck happened here?", FindingKind::kProfanity, "f*ck"},
      {"That's some sh1t luck, sorry!", FindingKind::kProfanity, "sh1t"},
      {"This is $hit, we know.", FindingKind::kProfanity, "$hit"},
      {"Fuuuuck, the courier lost it.", FindingKind::kProfanity, "Fuuuuck"},
      {"Damn, our app crashed again.", FindingKind::kProfanity, "Damn"},
      {"Don't be an idiot about it.", FindingKind::kInsult, "idiot"},
      {"You clown, read the FAQ.", FindingKind::kInsult, "clown"},
      {"You're useless at this.", FindingKind::kInsult, "useless"},
      {"Shut up and wait for the refund.", FindingKind::kInsult, "Shut up"},
      {"Qué mierda de servicio, lo sentimos.", FindingKind::kProfanity,
       "mierda"},
      {"No seas pendejo, revisa el correo.", FindingKind::kInsult, "pendejo"},
      {"Eres un inútil, lee las instrucciones.", FindingKind::kInsult,
       "inútil"},
      {"Es un error ESTÚPIDO del sistema.", FindingKind::kInsult, "ESTÚPIDO"},
      {"Pinche sistema, ya lo arreglamos.", FindingKind::kProfanity, "Pinche"},
      {"¡Coño, qué mala suerte!", FindingKind::kProfanity, "Coño"},
      {"Cállate y espera.", FindingKind::kInsult, "Cállate"},
      {"Joderrr, perdimos tu paquete.", FindingKind::kProfanity, "Joderrr"},
      {"Qué m*erda, lo sentimos.", FindingKind::kProfanity, "m*erda"},
      {"Cierra la boca, por favor.", FindingKind::kInsult, "Cierra la boca"},
      // Disguised with a zero-width space and a Cyrillic "с".
      {"Oh f\xE2\x80\x8Buck, sorry.", FindingKind::kProfanity,
       "f\xE2\x80\x8Buck"},
      {"What the fu\xD1\x81k.", FindingKind::kProfanity, "fu\xD1\x81k"},
  };
  auto guard = MakeGuard();
  for (const Planted& c : cases) {
    const GuardResult r = guard->Check(c.reply, On(Channel::kTwitter));
    EXPECT_TRUE(HasFinding(c.reply, r, c.kind, c.part)) << c.reply << "\n"
                                                        << Describe(c.reply, r);
  }
}

TEST(ReplyGuardTest, NoScunthorpeFalseAlarms) {
  const std::vector<std::string> replies = {
      "Our business class lounge in Scunthorpe serves a cocktail at 6.",
      "We will assess the classic passes and the grass seeds by Monday.",
      "Your shiitake order is pending; the cockpit crew said the same.",
      "Su pago está pendiente; el cono de helado llega mañana.",
      "Es inútil insistir con esa tarjeta: el banco la bloqueó.",
      "The clown show was cancelled; tickets are refundable.",
      "Jerk chicken is back on the menu! Assistant manager Dick Smith says hi.",
      "We're as sorry as you are; the pass is valid for a year.",
      "Pedido retrasado: llega el lunes. Consulte la cuenta regresiva en la "
      "app.",
      "Galaxy A55 and S23 are in stock; the A4 printer too.",
      "Mi colega Hancock revisó el documento con el Sr. Cockburn.",
  };
  auto guard = MakeGuard();
  for (const std::string& reply : replies) {
    const GuardResult r = guard->Check(reply, On(Channel::kTwitter));
    EXPECT_TRUE(r.ok) << reply << "\n" << Describe(reply, r);
  }
}

TEST(ReplyGuardTest, Shouting) {
  auto guard = MakeGuard();
  {
    const std::string reply = "Hi Ana. PLEASE DO NOT CALL AGAIN about this.";
    const GuardResult r = guard->Check(reply, On(Channel::kTwitter));
    EXPECT_TRUE(HasFinding(reply, r, FindingKind::kShouting,
                           "PLEASE DO NOT CALL AGAIN"))
        << Describe(reply, r);
  }
  {
    const std::string reply = "LO SENTIMOS MUCHÍSIMO, ya está resuelto.";
    const GuardResult r = guard->Check(reply, On(Channel::kTwitter));
    EXPECT_TRUE(
        HasFinding(reply, r, FindingKind::kShouting, "LO SENTIMOS MUCHÍSIMO"))
        << Describe(reply, r);
  }
  for (std::string reply :
       {"We sent the SMS with your ID to the USA team.",
        "THANK YOU for waiting! Your PIN reset link is in the FAQ.",
        "Send us the CVV, DNI, CURP? No! Never share them.",
        "Update the app (v2 for iOS and GDPR ready).",
        "Reply STOP to opt out. I know, it's a lot."}) {
    const GuardResult r = guard->Check(reply, On(Channel::kTwitter));
    for (const Finding& f : r.findings) {
      EXPECT_NE(f.kind, FindingKind::kShouting) << Describe(reply, r);
    }
  }
}

TEST(ReplyGuardTest, BannedPhrasesAndSignoff) {
  GuardOptions options = AcmeOptions();
  options.banned_phrases = {"calm down", "No es mi culpa", "lol"};
  options.required_signoff = "^AB";
  auto guard = MakeGuard(options);
  {
    const std::string reply = "Please CALM  DOWN, we're on it. ^AB";
    const GuardResult r = guard->Check(reply, On(Channel::kTwitter));
    ASSERT_EQ(r.findings.size(), 1u) << Describe(reply, r);
    EXPECT_TRUE(HasFinding(reply, r, FindingKind::kBannedPhrase, "CALM  DOWN"));
    EXPECT_NE(r.findings[0].message.find("calm down"), std::string::npos);
  }
  {
    const std::string reply = "Lo siento, no es mi culpa.";
    const GuardResult r = guard->Check(reply, On(Channel::kTwitter));
    EXPECT_TRUE(
        HasFinding(reply, r, FindingKind::kBannedPhrase, "no es mi culpa"))
        << Describe(reply, r);
    // The sign-off is missing: where it belongs is the end of the text.
    ASSERT_EQ(r.findings.size(), 2u);
    EXPECT_EQ(r.findings[1].kind, FindingKind::kMissingSignoff);
    EXPECT_EQ(r.findings[1].begin, reply.size());
    EXPECT_EQ(r.findings[1].end, reply.size());
  }
  // "lol" as a word only; trailing whitespace after the sign-off is fine.
  EXPECT_TRUE(
      guard
          ->Check("The lollipop promo ends soon ^ab  \n", On(Channel::kTwitter))
          .ok);
  {
    const std::string reply = "Done ^AB\n\n";
    EXPECT_TRUE(guard->Check(reply, On(Channel::kTwitter)).ok);
    const GuardResult r =
        guard->Check("Done ^AB, lol  ", On(Channel::kTwitter));
    ASSERT_EQ(r.findings.size(), 2u);
    EXPECT_EQ(r.findings[1].kind, FindingKind::kMissingSignoff);
    EXPECT_EQ(r.findings[1].begin, 13u);
  }
}

TEST(ReplyGuardTest, TwitterLengthLimitCountsCharacters) {
  auto guard = MakeGuard();
  // 280 characters of which many take two bytes: fits.
  std::string fits;
  for (int i = 0; i < 140; ++i) fits += "añ";
  EXPECT_TRUE(guard->Check(fits, On(Channel::kTwitter)).ok);
  const std::string over = fits + "ok";
  const GuardResult r = guard->Check(over, On(Channel::kTwitter));
  ASSERT_EQ(r.findings.size(), 1u) << Describe(over, r);
  EXPECT_EQ(r.findings[0].kind, FindingKind::kTooLong);
  EXPECT_EQ(r.findings[0].begin, fits.size());
  EXPECT_EQ(r.findings[0].end, over.size());
  // No limit on Facebook unless the host sets one.
  EXPECT_TRUE(guard->Check(over, On(Channel::kFacebook)).ok);
  GuardOptions options = AcmeOptions();
  options.max_chars = 100;
  EXPECT_EQ(
      MakeGuard(options)->Check(over, On(Channel::kFacebook)).findings[0].kind,
      FindingKind::kTooLong);
  options.max_chars = -1;
  EXPECT_TRUE(MakeGuard(options)->Check(over, On(Channel::kTwitter)).ok);
}

TEST(ReplyGuardTest, SpansAreExactByteOffsetsAfterMultiByteText) {
  auto guard = MakeGuard();
  const std::string reply =
      "¡Hola, Ñandú! 😀 Mañana llamamos al +34 612 34 56 78; ¿vale? mierda";
  const GuardResult r = guard->Check(reply, On(Channel::kInstagram));
  ASSERT_EQ(r.findings.size(), 2u) << Describe(reply, r);
  EXPECT_EQ(r.findings[0].kind, FindingKind::kPhone);
  EXPECT_EQ(reply.substr(r.findings[0].begin,
                         r.findings[0].end - r.findings[0].begin),
            "+34 612 34 56 78");
  EXPECT_EQ(r.findings[1].kind, FindingKind::kProfanity);
  EXPECT_EQ(r.findings[1].end, reply.size());
  EXPECT_EQ(r.findings[1].begin, reply.size() - 6);
}

TEST(ReplyGuardTest, InvalidUtf8IsReportedNotFatal) {
  auto guard = MakeGuard();
  const std::string reply =
      std::string("Card 4111 1111 1111 1111 \xC3\x28 \xFF\xFE shit ") +
      std::string(1, '\0') + "end \xE2\x82";
  const GuardResult r = guard->Check(reply, On(Channel::kTwitter));
  EXPECT_TRUE(
      HasFinding(reply, r, FindingKind::kCardNumber, "4111 1111 1111 1111"));
  EXPECT_TRUE(HasFinding(reply, r, FindingKind::kProfanity, "shit"));
  const auto invalid = std::find_if(
      r.findings.begin(), r.findings.end(),
      [](const Finding& f) { return f.kind == FindingKind::kInvalidUtf8; });
  ASSERT_NE(invalid, r.findings.end());
  EXPECT_EQ(invalid->begin, reply.find('\xC3'));
  EXPECT_NE(invalid->message.find("5 bytes"), std::string::npos)
      << invalid->message;
}

TEST(ReplyGuardTest, AMegabyteReplyIsBoundedAndReportsWhatWasNotChecked) {
  auto guard = MakeGuard();
  std::string reply;
  while (reply.size() < (1 << 20)) {
    reply += "Call 646-555-0134 or 4111 1111 1111 1111, damn ñ ";
    reply += std::string(1, static_cast<char>(0x80 + reply.size() % 64));
  }
  const GuardResult r = guard->Check(reply, On(Channel::kTwitter));
  ASSERT_FALSE(r.ok);
  EXPECT_LE(r.findings.size(), 100u);
  // The unchecked tail is reported; it starts at or below 64 KiB.
  GuardOptions options = AcmeOptions();
  options.max_checked_bytes = 4096;
  auto small = MakeGuard(options);
  const GuardResult s = small->Check(reply, On(Channel::kFacebook));
  const auto unchecked = std::find_if(
      s.findings.begin(), s.findings.end(),
      [](const Finding& f) { return f.kind == FindingKind::kUnchecked; });
  ASSERT_NE(unchecked, s.findings.end());
  EXPECT_LE(unchecked->begin, 4096u);
  EXPECT_GT(unchecked->begin, 4090u);
  EXPECT_EQ(unchecked->end, reply.size());
  // Nothing but digits, or nothing but one letter, costs no more.
  EXPECT_FALSE(
      guard->Check(std::string(1 << 20, '7'), On(Channel::kTwitter)).ok);
  EXPECT_FALSE(
      guard->Check(std::string(1 << 20, 'A'), On(Channel::kTwitter)).ok);
  EXPECT_FALSE(
      guard->Check(std::string(1 << 20, '@'), On(Channel::kTwitter)).ok);
}

TEST(ReplyGuardTest, EmptyAndWhitespaceRepliesAreClean) {
  auto guard = MakeGuard();
  EXPECT_TRUE(guard->Check("", On(Channel::kTwitter)).ok);
  EXPECT_TRUE(guard->Check(" \n\t ", On(Channel::kTwitter)).ok);
}

TEST(ReplyGuardTest, CreateNamesTheBadOption) {
  const auto error = [](GuardOptions options) {
    absl::StatusOr<std::unique_ptr<ReplyGuard>> guard =
        ReplyGuard::Create(std::move(options));
    EXPECT_FALSE(guard.ok());
    EXPECT_EQ(guard.status().code(), absl::StatusCode::kInvalidArgument);
    return std::string(guard.status().message());
  };
  GuardOptions o = AcmeOptions();
  o.own_identities.push_back({IdentityKind::kPhone, "not a phone"});
  EXPECT_NE(error(o).find("own_identities[3]"), std::string::npos);
  o = AcmeOptions();
  o.banned_phrases = {"ok", "?!"};
  EXPECT_NE(error(o).find("banned_phrases[1]"), std::string::npos);
  o = AcmeOptions();
  o.banned_phrases = {std::string(2000, 'a')};
  EXPECT_NE(error(o).find("banned_phrases[0]"), std::string::npos);
  o = AcmeOptions();
  o.required_signoff = std::string(100, 'x');
  EXPECT_NE(error(o).find("required_signoff"), std::string::npos);
  o = AcmeOptions();
  o.required_signoff = "\xFF";
  EXPECT_NE(error(o).find("required_signoff"), std::string::npos);
  o = AcmeOptions();
  o.regions = {};
  EXPECT_NE(error(o).find("regions"), std::string::npos);
  o = AcmeOptions();
  o.regions = {"US", "XX"};
  EXPECT_NE(error(o).find("regions[1] \"XX\""), std::string::npos);
  o = AcmeOptions();
  o.account_prefixes = {"AC", "A1"};
  EXPECT_NE(error(o).find("account_prefixes[1]"), std::string::npos);
  o = AcmeOptions();
  o.max_chars = -2;
  EXPECT_NE(error(o).find("max_chars"), std::string::npos);
  o = AcmeOptions();
  o.max_checked_bytes = 10;
  EXPECT_NE(error(o).find("max_checked_bytes"), std::string::npos);
  // Lower-case regions are accepted.
  o = AcmeOptions();
  o.regions = {"mx"};
  EXPECT_TRUE(ReplyGuard::Create(o).ok());
}

TEST(ReplyGuardTest, AccountPrefixesAreTheHosts) {
  GuardOptions options = AcmeOptions();
  options.account_prefixes = {"CUST"};
  auto guard = MakeGuard(options);
  const std::string reply = "Linked cust-0098812 to AC-305510.";
  const GuardResult r = guard->Check(reply, On(Channel::kTwitter));
  ASSERT_EQ(r.findings.size(), 1u) << Describe(reply, r);
  EXPECT_TRUE(
      HasFinding(reply, r, FindingKind::kAccountNumber, "cust-0098812"));
}

TEST(ReplyGuardTest, OwnAccountAndCustomerRegionAreHonoured) {
  GuardOptions options = AcmeOptions();
  options.regions = {"US"};
  options.own_identities.push_back({IdentityKind::kAccount, "AC-000001"});
  auto guard = MakeGuard(options);
  EXPECT_TRUE(
      guard->Check("Pay to AC-000001 as usual.", On(Channel::kTwitter)).ok);
  // A Colombian mobile is a phone for a Colombian customer.
  ReplyContext context = On(Channel::kTwitter);
  context.region = "CO";
  const std::string reply = "Te llamamos al 322 789 1702 hoy.";
  const GuardResult r = guard->Check(reply, context);
  EXPECT_TRUE(HasFinding(reply, r, FindingKind::kPhone, "322 789 1702"))
      << Describe(reply, r);
}

TEST(ReplyGuardTest, MessagesNeverRepeatThePersonalData) {
  auto guard = MakeGuard();
  const std::string reply =
      "Card 4111 1111 1111 1111, phone (646) 555-0134, mail a@example.org, "
      "acct 12345678, IBAN ES91 2100 0418 4502 0005 1332, 9876543210987";
  const GuardResult r = guard->Check(reply, On(Channel::kTwitter));
  EXPECT_GE(r.findings.size(), 6u) << Describe(reply, r);
  for (const Finding& f : r.findings) {
    const std::string data(reply.substr(f.begin, f.end - f.begin));
    EXPECT_EQ(f.message.find(data), std::string::npos) << f.message;
    EXPECT_FALSE(f.message.empty());
  }
}

TEST(ReplyGuardTest, FindingsAreSortedAndDeterministicAcrossThreads) {
  auto guard = MakeGuard();
  const std::vector<std::string> replies = {
      "Fuck, card 4111 1111 1111 1111 and (646) 555-0134, PLEASE READ THIS NOW",
      "Hola, tu cuenta 12345678 y grace@example.org; cállate",
      "Order #12345 ships 2026-01-05.",
  };
  std::vector<GuardResult> expected;
  for (const std::string& reply : replies) {
    expected.push_back(guard->Check(reply, On(Channel::kTwitter)));
    const auto& f = expected.back().findings;
    EXPECT_TRUE(std::is_sorted(
        f.begin(), f.end(),
        [](const Finding& a, const Finding& b) { return a.begin < b.begin; }));
  }
  std::vector<std::thread> threads;
  std::vector<int> mismatches(2, 0);
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) {
        const size_t k = (i + t) % replies.size();
        const GuardResult r = guard->Check(replies[k], On(Channel::kTwitter));
        if (r.findings.size() != expected[k].findings.size()) {
          ++mismatches[t];
          continue;
        }
        for (size_t j = 0; j < r.findings.size(); ++j) {
          if (r.findings[j].kind != expected[k].findings[j].kind ||
              r.findings[j].begin != expected[k].findings[j].begin ||
              r.findings[j].end != expected[k].findings[j].end) {
            ++mismatches[t];
          }
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches[0] + mismatches[1], 0);
}

TEST(ReplyGuardTest, FindingKindNames) {
  EXPECT_EQ(FindingKindName(FindingKind::kCardNumber), "CARD_NUMBER");
  EXPECT_EQ(FindingKindName(FindingKind::kUnlabeledNumber), "UNLABELED_NUMBER");
  EXPECT_EQ(FindingKindName(FindingKind::kInvalidUtf8), "INVALID_UTF8");
  EXPECT_TRUE(IsPersonalData(FindingKind::kCustomerIdentity));
  EXPECT_FALSE(IsPersonalData(FindingKind::kShouting));
}

}  // namespace
}  // namespace threadline
