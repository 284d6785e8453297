#include "text/topic.h"

#include <chrono>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace threadline::text {
namespace {

struct Labelled {
  const char* text;
  const char* topic;  // "" for no matter
};

class TopicTest : public ::testing::Test {
 protected:
  std::string_view TopicOf(std::string_view text,
                           std::string_view language = {}) const {
    return classifier_.Classify(text, language).topic;
  }
  bool FollowUp(std::string_view text) const {
    return classifier_.Classify(text).follow_up;
  }
  void ExpectAll(const std::vector<const char*>& texts, std::string_view topic,
                 std::string_view language) const {
    for (const char* text : texts) {
      EXPECT_EQ(TopicOf(text, language), topic) << text;
      EXPECT_EQ(TopicOf(text), topic) << text << " (language unknown)";
    }
  }

  const TopicClassifier classifier_;
};

TEST_F(TopicTest, TaxonomyIsFixedAndSnakeCase) {
  const std::vector<std::string_view>& topics = TopicClassifier::Topics();
  EXPECT_GE(topics.size(), 10u);
  EXPECT_EQ(std::set<std::string_view>(topics.begin(), topics.end()).size(),
            topics.size());
  for (std::string_view t : topics) {
    for (char c : t) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '_') << t;
  }
  for (const char* required :
       {"billing", "refund_return", "delivery", "connectivity", "cancellation",
        "plan_change", "account_access", "device_fault", "payment",
        "appointment"}) {
    EXPECT_NE(std::find(topics.begin(), topics.end(), required), topics.end())
        << required;
  }
}

TEST_F(TopicTest, Billing) {
  ExpectAll({"You billed me twice for March",
             "There's a charge on my invoice I don't understand",
             "why did my monthly fee go up without notice??",
             "I've been overcharged on the last statement"},
            "billing", "en");
  ExpectAll({"Me llegó la factura con un cobro duplicado",
             "Me están cobrando de más desde hace dos meses",
             "Hay un cargo extra en mi recibo que no reconozco"},
            "billing", "es");
}

TEST_F(TopicTest, RefundReturn) {
  ExpectAll({"I sent the blender back and I'm still waiting for the refund",
             "How do I return a jacket that doesn't fit?",
             "When do I get my money back? I was charged for a cancelled "
             "order"},
            "refund_return", "en");
  ExpectAll({"Quiero devolver los audífonos, ¿cómo hago?",
             "Necesito el reembolso de lo que pagué",
             "Hace un mes devolví el pedido y no me regresan el dinero"},
            "refund_return", "es");
}

TEST_F(TopicTest, Delivery) {
  ExpectAll({"My parcel says out for delivery since Tuesday",
             "The driver left my package at the wrong house",
             "tracking number doesn't work, where's my order?"},
            "delivery", "en");
  ExpectAll({"El repartidor nunca llegó con mi pedido",
             "¿Dónde está mi paquete? Ya pasó la fecha de entrega",
             "El envío lleva diez días en tránsito"},
            "delivery", "es");
}

TEST_F(TopicTest, Connectivity) {
  ExpectAll({"There's no signal at all in my neighborhood",
             "wifi keeps dropping every few minutes",
             "Is there an outage? My broadband has been down all day"},
            "connectivity", "en");
  ExpectAll({"Estoy sin señal desde ayer", "El internet está lentísimo",
             "Se cayó la red en todo el barrio, no hay conexión"},
            "connectivity", "es");
}

TEST_F(TopicTest, Cancellation) {
  ExpectAll(
      {"I'd like to cancel my plan, I'm switching providers",
       "Please terminate my contract", "How can I close my account for good?"},
      "cancellation", "en");
  ExpectAll({"Quiero dar de baja mi línea", "Cancelen el servicio por favor",
             "Necesito anular mi suscripción"},
            "cancellation", "es");
}

TEST_F(TopicTest, PlanChange) {
  ExpectAll({"Can I upgrade to the unlimited plan?",
             "I want to downgrade to a cheaper plan",
             "How much would it be to add more data?"},
            "plan_change", "en");
  ExpectAll({"Quiero cambiar mi plan por uno con más gigas",
             "¿Puedo subir de plan sin perder mi número?",
             "Me gustaría un plan más barato"},
            "plan_change", "es");
}

TEST_F(TopicTest, AccountAccess) {
  ExpectAll({"I forgot my password and the reset link never arrives",
             "Can't log in, it says my account is locked",
             "The verification code isn't coming through"},
            "account_access", "en");
  ExpectAll({"Olvidé mi contraseña y no puedo entrar",
             "No me deja iniciar sesión en la app",
             "Mi usuario quedó bloqueado después de tres intentos"},
            "account_access", "es");
}

TEST_F(TopicTest, DeviceFault) {
  ExpectAll(
      {"My phone's battery dies in two hours", "The screen cracked on its own",
       "the charger stopped working and the phone won't charge"},
      "device_fault", "en");
  ExpectAll({"El teléfono no enciende desde ayer",
             "La batería se descarga rapidísimo",
             "La pantalla tiene unas líneas verdes"},
            "device_fault", "es");
}

TEST_F(TopicTest, Payment) {
  ExpectAll({"My card keeps getting declined at checkout",
             "How do I change my payment method?",
             "Autopay didn't go through this month"},
            "payment", "en");
  ExpectAll({"Me rechazan la tarjeta cuando intento pagar",
             "Quiero cambiar el método de pago",
             "¿Cómo activo el débito automático?"},
            "payment", "es");
}

TEST_F(TopicTest, Appointment) {
  ExpectAll({"The technician never showed up yesterday",
             "I need to reschedule my installation appointment",
             "Can you book a visit for Friday morning?"},
            "appointment", "en");
  ExpectAll({"El técnico no vino a la cita",
             "Necesito reprogramar la visita de instalación",
             "¿Pueden agendar una cita para el lunes?"},
            "appointment", "es");
}

TEST_F(TopicTest, OtherMatters) {
  EXPECT_EQ(TopicOf("The app crashes every time I open it"), "software_issue");
  EXPECT_EQ(TopicOf("La aplicación se cierra sola y da error"),
            "software_issue");
  EXPECT_EQ(TopicOf("Someone hacked my account and changed the email"),
            "fraud_security");
  EXPECT_EQ(TopicOf("Me quieren estafar con un mensaje falso de ustedes"),
            "fraud_security");
  EXPECT_EQ(TopicOf("I moved, please update my address"), "account_update");
  EXPECT_EQ(TopicOf("Necesito actualizar mis datos personales"),
            "account_update");
  EXPECT_EQ(TopicOf("Is the new model in stock at your stores?"),
            "product_inquiry");
  EXPECT_EQ(TopicOf("The agent was rude and hung up on me"),
            "service_complaint");
  EXPECT_EQ(TopicOf("Pésima atención, me colgaron dos veces"),
            "service_complaint");
  EXPECT_EQ(TopicOf("My promo code isn't applying the discount"), "promotion");
  EXPECT_EQ(TopicOf("Necesito un chip nuevo, perdí el mío"), "sim_number");
}

TEST_F(TopicTest, NoMatterGivesEmptyTopic) {
  for (const char* text :
       {"", "hello", "thanks!", "ok", "Hola", "gracias!!", "👍", "Hi there :)",
        "buenos días", "yes please", "???", "+1 (646) 555-0134", "@AcmeCare",
        "lol ok thank you so much"}) {
    TopicGuess g = classifier_.Classify(text);
    EXPECT_TRUE(g.topic.empty()) << text << " -> " << g.topic;
    EXPECT_EQ(g.confidence, 0.0f) << text;
    EXPECT_FALSE(g.follow_up) << text;
  }
}

TEST_F(TopicTest, AmbiguousWordsAreSettledByWeight) {
  // "plan" alone is weak; with "cancel" it is a cancellation.
  EXPECT_EQ(TopicOf("my plan"), "");
  EXPECT_EQ(TopicOf("cancel my plan"), "cancellation");
  EXPECT_EQ(TopicOf("cancela mi plan"), "cancellation");
  EXPECT_EQ(TopicOf("upgrade my plan"), "plan_change");
  // A refund beats the charge it refunds.
  EXPECT_EQ(TopicOf("I want a refund for the charge"), "refund_return");
  EXPECT_EQ(TopicOf("quiero el reembolso del cobro"), "refund_return");
  // Charging a phone is not charging a customer.
  EXPECT_EQ(TopicOf("my phone is not charging"), "device_fault");
  EXPECT_EQ(TopicOf("you are charging me too much"), "billing");
  // An appointment can be cancelled without cancelling the service.
  EXPECT_EQ(TopicOf("I need to cancel the technician appointment"),
            "appointment");
  // A payment plan is a way to pay, not a plan change.
  EXPECT_EQ(TopicOf("can I set up a payment plan"), "payment");
  // A promo code is not a login code.
  EXPECT_EQ(TopicOf("where do I enter the promo code"), "promotion");
}

TEST_F(TopicTest, ConfidenceGrowsWithEvidenceAndFallsWithRivals) {
  TopicGuess weak = classifier_.Classify("my bill");
  TopicGuess strong =
      classifier_.Classify("my bill has a double charge and a late fee");
  TopicGuess mixed = classifier_.Classify("my bill and my refund");
  EXPECT_GT(weak.confidence, 0.0f);
  EXPECT_GT(strong.confidence, weak.confidence);
  EXPECT_LE(strong.confidence, 1.0f);
  EXPECT_LT(mixed.confidence, 0.6f);
}

TEST_F(TopicTest, FollowUpCuesInEnglish) {
  for (const char* text :
       {"Following up on the ticket I opened last week", "any update on this?",
        "Still not fixed after three days",
        "I'm calling again because nobody called back",
        "I contacted you before about my router",
        "This is the third time I'm writing about this",
        "still waiting for a reply", "I haven't heard back from anyone",
        "my case number is 12345, what's the status?"}) {
    EXPECT_TRUE(FollowUp(text)) << text;
  }
}

TEST_F(TopicTest, FollowUpCuesInSpanish) {
  for (const char* text :
       {"Sigue sin resolverse lo de mi factura", "¿Alguna novedad con mi caso?",
        "Ya los había contactado por esto",
        "Hago seguimiento a mi solicitud del martes",
        "Llamo otra vez porque no me solucionan",
        "Todavía no me responden nada", "Les escribo de nuevo por lo mismo",
        "Es la tercera vez que reporto esto",
        "Mi número de radicado es 4455"}) {
    EXPECT_TRUE(FollowUp(text)) << text;
  }
}

TEST_F(TopicTest, RecurrenceAndEarlierCallsAreNotFollowUps) {
  for (const char* text :
       {"The outage is back again in my street",
        "Otra vez me falla el internet",
        "I already called 1-800-555-0199 twice", "My refund is still pending",
        "How do I cancel?", "Se volvió a caer la señal"}) {
    EXPECT_FALSE(FollowUp(text)) << text;
  }
}

TEST_F(TopicTest, AccentsAndCapitalsDoNotMatter) {
  for (const char* text : {"No puedo entrar, olvidé la contraseña",
                           "no puedo entrar, olvide la contrasena",
                           "NO PUEDO ENTRAR, OLVIDÉ LA CONTRASEÑA",
                           "No PuEdO eNtRaR contraseÑa"}) {
    EXPECT_EQ(TopicOf(text, "es"), "account_access") << text;
  }
  EXPECT_EQ(TopicOf("SIN SEÑAL"), "connectivity");
  EXPECT_EQ(TopicOf("sin senal"), "connectivity");
  EXPECT_EQ(TopicOf("REFUND!!!"), "refund_return");
  EXPECT_EQ(TopicOf("refuuuund please"), "refund_return");
}

TEST_F(TopicTest, HandlesAndPhoneNumbersAreIgnored) {
  EXPECT_EQ(TopicOf("@RefundDesk hi"), "");
  EXPECT_EQ(TopicOf("@AcmeBilling +1 800 555 0199"), "");
  EXPECT_EQ(TopicOf("@AcmeCare my internet is down, call me at +57 300 123 "
                    "4567"),
            "connectivity");
}

TEST_F(TopicTest, LanguageWeighsItsOwnWords) {
  // Spanish "red" is a network; English "red" is a colour.
  EXPECT_EQ(TopicOf("sin red", "es"), "connectivity");
  EXPECT_EQ(TopicOf("la red", "es"), "");  // a hint, not a matter
  EXPECT_EQ(TopicOf("the red one", "en"), "");
  // A known language still lets the other language's strong words count.
  EXPECT_EQ(TopicOf("quiero un refund", "es"), "refund_return");
}

TEST_F(TopicTest, InvalidUtf8IsSafe) {
  EXPECT_EQ(TopicOf("\xff\xfe my refund \xc3"), "refund_return");
  EXPECT_EQ(TopicOf("contrase\xc3\xb1"
                    "a \xe2\x82 olvid\xc3"),
            "account_access");
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage.push_back(static_cast<char>(i * 37));
  TopicGuess g = classifier_.Classify(garbage);
  EXPECT_GE(g.confidence, 0.0f);
  EXPECT_LE(g.confidence, 1.0f);
}

TEST_F(TopicTest, MegabyteTextIsBounded) {
  std::string big;
  while (big.size() < (1 << 20)) big += "my package never arrived, ";
  const auto start = std::chrono::steady_clock::now();
  TopicGuess g = classifier_.Classify(big);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(g.topic, "delivery");
  // Only the first kMaxBytes are read: far below a second even unoptimized.
  EXPECT_LT(elapsed, std::chrono::seconds(1));
  std::string noise(1 << 20, '\x80');
  EXPECT_TRUE(classifier_.Classify(noise).topic.empty());
  std::string one_word(1 << 20, 'a');
  EXPECT_TRUE(classifier_.Classify(one_word).topic.empty());
}

TEST_F(TopicTest, ConcurrentUseGivesTheSameAnswers) {
  const std::vector<const char*> texts = {"cancel my plan", "sin señal",
                                          "refund please", "hola"};
  std::vector<std::string_view> expected;
  for (const char* t : texts) expected.push_back(TopicOf(t));
  auto work = [&](bool* ok) {
    for (int i = 0; i < 2000; ++i) {
      for (size_t j = 0; j < texts.size(); ++j) {
        if (TopicOf(texts[j]) != expected[j]) *ok = false;
      }
    }
  };
  bool ok1 = true, ok2 = true;
  std::thread a(work, &ok1), b(work, &ok2);
  a.join();
  b.join();
  EXPECT_TRUE(ok1);
  EXPECT_TRUE(ok2);
}

// A held-out set of labelled customer messages, in both languages and in the
// registers customers use (terse, polite, angry, misspelled).
const Labelled kLabelled[] = {
    {"why is there a $15 fee on my bill", "billing"},
    {"you guys charged me twice this month", "billing"},
    {"my invoice is wrong, it shows services I never had", "billing"},
    {"el recibo de este mes vino carisimo, por que?", "billing"},
    {"me facturaron un servicio que no tengo", "billing"},
    {"still waiting on my refund from the return last month", "refund_return"},
    {"can i exchange these shoes for a bigger size", "refund_return"},
    {"quiero que me reembolsen lo que pague", "refund_return"},
    {"como hago la devolucion de un producto defectuoso", "refund_return"},
    {"my order shows delivered but nothing here", "delivery"},
    {"the courier says he tried but I was home all day", "delivery"},
    {"cuando llega mi pedido? ya pasaron 2 semanas", "delivery"},
    {"el paquete sigue en camino segun el rastreo", "delivery"},
    {"internet has been super slow since friday", "connectivity"},
    {"no service in downtown, is the network down?", "connectivity"},
    {"se me va la señal a cada rato", "connectivity"},
    {"no tengo internet en la casa desde anoche", "connectivity"},
    {"I want to cancel, this is useless", "cancellation"},
    {"please stop my subscription from renewing", "cancellation"},
    {"quiero cancelar todo, me cambio de compañia", "cancellation"},
    {"como doy de baja el servicio?", "cancellation"},
    {"what plans do you have with more data", "plan_change"},
    {"can i switch to the family plan", "plan_change"},
    {"quisiera mejorar mi plan de internet", "plan_change"},
    {"cuanto cuesta el plan ilimitado?", "plan_change"},
    {"i cant sign into my account", "account_access"},
    {"locked out again, password doesn't work", "account_access"},
    {"no me llega el codigo para entrar a la app", "account_access"},
    {"olvide mi clave y el correo de recuperacion no llega", "account_access"},
    {"the phone gets really hot when charging", "device_fault"},
    {"speaker crackles and the mic doesn't work", "device_fault"},
    {"el celular se reinicia solo todo el tiempo", "device_fault"},
    {"la pantalla se quebró y está en garantía", "device_fault"},
    {"my card was declined but I have money", "payment"},
    {"how can I pay with paypal", "payment"},
    {"no puedo pagar con mi tarjeta de credito", "payment"},
    {"quiero poner el pago automatico", "payment"},
    {"when is the installer coming?", "appointment"},
    {"need to move my technician visit to next week", "appointment"},
    {"el tecnico quedo de venir y no llego", "appointment"},
    {"quiero agendar la instalacion para el sabado", "appointment"},
    {"the website keeps giving me an error", "software_issue"},
    {"la app no abre desde la ultima actualizacion", "software_issue"},
    {"got a suspicious text pretending to be you", "fraud_security"},
    {"alguien uso mi tarjeta sin autorizacion, es un fraude", "fraud_security"},
    {"i need to change the name on the account", "account_update"},
    {"me mude y necesito cambiar la direccion", "account_update"},
    {"is the new phone available for preorder", "product_inquiry"},
    {"your customer service is the worst, on hold for an hour",
     "service_complaint"},
    {"do you have any discounts for students?", "promotion"},
    {"hello", ""},
    {"thank you so much!", ""},
    {"ok perfecto, gracias", ""},
    {"hi, quick question", ""},
};

TEST_F(TopicTest, AccuracyOnLabelledSentences) {
  int right = 0, total = 0;
  std::string misses;
  for (const Labelled& l : kLabelled) {
    ++total;
    std::string_view got = TopicOf(l.text);
    if (got == l.topic) {
      ++right;
    } else {
      misses += std::string(l.text) + " -> " + std::string(got) + "\n";
    }
  }
  const double accuracy = static_cast<double>(right) / total;
  EXPECT_GE(total, 40);
  EXPECT_GE(accuracy, 0.9) << misses;
  RecordProperty("accuracy", std::to_string(accuracy));
}

}  // namespace
}  // namespace threadline::text
