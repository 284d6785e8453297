// outage_wave: two quiet days of ordinary complaints, then an internet
// outage makes forty customers complain within the hour, in English and
// Spanish, mostly on Twitter and Facebook. The engine raises an alert (the
// listener prints it as it happens), groups the outage cases into one
// incident, answers all of them with one reply worded per channel and
// language, and resolves them at once.
//
//   build/examples/listening/outage_wave
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "threadline/engine.h"
#include "threadline/listening.h"

namespace {

using threadline::Channel;

std::string When(absl::Time t) {
  return absl::FormatTime("%Y-%m-%d %H:%M", t, absl::UTCTimeZone());
}

// Prints each alert as the engine raises it; called outside the engine's
// locks, so it could as well page someone or query the engine.
class PrintingListener : public threadline::AlertListener {
 public:
  void OnAlert(const threadline::Alert& a) override {
    std::printf("ALERT %s at %s: %d negative messages about %s in %d min "
                "(usually %.1f), %d on public channels\n",
                a.id.c_str(), When(a.raised_at).c_str(), a.count,
                a.scope == threadline::AlertScope::kTopic
                    ? a.topic.c_str()
                    : std::string(threadline::ChannelName(a.channel)).c_str(),
                static_cast<int>(absl::ToInt64Minutes(a.window)), a.expected,
                a.public_count);
    for (const threadline::AlertSample& s : a.samples) {
      std::printf("    %s %-9s %s\n", When(s.occurred_at).c_str(),
                  std::string(threadline::ChannelName(s.channel)).c_str(),
                  s.text.c_str());
    }
  }
};

threadline::Interaction Message(const std::string& id, absl::Time at,
                                Channel channel, const std::string& who,
                                const std::string& text) {
  threadline::Interaction in;
  in.id = id;
  in.occurred_at = at;
  in.channel = channel;
  in.direction = threadline::Direction::kInbound;
  switch (channel) {
    case Channel::kTwitter:
      in.contact = {threadline::IdentityKind::kTwitter, "@" + who};
      break;
    case Channel::kFacebook:
      in.contact = {threadline::IdentityKind::kFacebook, who};
      break;
    case Channel::kWhatsapp: {
      unsigned number = 0;  // a made-up number of this customer's own
      for (char c : who) number = number * 31 + static_cast<unsigned char>(c);
      in.contact = {threadline::IdentityKind::kWhatsapp,
                    absl::StrCat("+1212555", 1000 + number % 9000)};
      break;
    }
    default:
      in.contact = {threadline::IdentityKind::kEmail, who + "@example.org"};
  }
  in.text = text;
  return in;
}

}  // namespace

int main() {
  threadline::EngineOptions options;
  options.own_identities = {{threadline::IdentityKind::kTwitter, "@AcmeCare"}};
  options.alert_listener = std::make_shared<PrintingListener>();
  absl::StatusOr<std::unique_ptr<threadline::Engine>> opened =
      threadline::Engine::Open(options);
  if (!opened.ok()) {
    std::fprintf(stderr, "%s\n", std::string(opened.status().message()).c_str());
    return 1;
  }
  threadline::Engine& engine = **opened;
  const absl::Time day0 = absl::FromCivil(absl::CivilMinute(2026, 3, 2, 0, 0),
                                          absl::UTCTimeZone());

  // Two ordinary days: a few complaints an hour on many matters.
  const char* const ordinary[] = {
      "I was charged twice on my bill this month", "My refund never arrived",
      "The package is late again", "I cannot log in to my account",
      "La factura llegó con un cobro doble", "Mi pedido no ha llegado"};
  const Channel channels[] = {Channel::kEmail, Channel::kTwitter,
                              Channel::kFacebook, Channel::kWhatsapp};
  int n = 0;
  for (int h = 0; h < 48; ++h) {
    for (int k = 0; k < 2; ++k, ++n) {
      (void)engine.Ingest(Message(absl::StrCat("day-", n),
                                  day0 + absl::Hours(h) + absl::Minutes(25 * k),
                                  channels[n % 4], absl::StrCat("cust", n),
                                  ordinary[n % 6]));
    }
  }
  // The outage: forty customers in 45 minutes.
  const char* const outage[] = {
      "@AcmeCare Internet is down in my whole area, no connection at all",
      "@AcmeCare Se cayó el internet en mi zona, no hay conexión",
      "No internet since 8pm, is there an outage?? Working from home here",
      "¿Hay una falla? Llevo una hora sin internet y el módem sin señal",
      "My router shows no signal, service is down again"};
  const absl::Time start = day0 + absl::Hours(48 + 20);
  std::printf("Outage begins %s\n", When(start).c_str());
  for (int i = 0; i < 40; ++i) {
    const Channel channel = i % 5 == 4 ? Channel::kEmail
                            : i % 5 == 3 ? Channel::kWhatsapp
                            : i % 2 == 0 ? Channel::kTwitter
                                         : Channel::kFacebook;
    (void)engine.Ingest(Message(absl::StrCat("out-", i),
                                start + absl::Seconds(67 * i), channel,
                                absl::StrCat("outage", i), outage[i % 5]));
  }

  for (const threadline::Incident& i : engine.Incidents()) {
    std::printf("\nINCIDENT %s (%s, %s): %zu cases of %zu customers, %d "
                "reports since %s\n  first report: \"%s\"\n  channels:",
                i.id.c_str(), i.topic.c_str(),
                std::string(threadline::IncidentStatusName(i.status)).c_str(),
                i.case_ids.size(), i.customer_ids.size(), i.reports,
                When(i.first_at).c_str(), i.sample_text.c_str());
    for (const threadline::AlertChannel& c : i.channels) {
      std::printf(" %s %d%s", std::string(threadline::ChannelName(c.channel)).c_str(),
                  c.count, c.is_public ? " (public)" : "");
    }
    std::printf("\n");

    // One answer to all of them, resolving every case.
    threadline::IncidentReply reply;
    reply.text = {
        {"en", "We know about the internet outage in your area and our "
               "engineers are on it. We expect service back within two hours "
               "and will post every update here. Sorry for the trouble."},
        {"es", "Sabemos de la caída de internet en tu zona y nuestros "
               "técnicos ya trabajan en ella. Esperamos restablecer el "
               "servicio en dos horas. Disculpa las molestias."}};
    reply.private_text = {
        {"en", "Your line is affected by the outage in your area; service "
               "should be back within two hours and the downtime will be "
               "credited on your next bill."},
        {"es", "Tu línea está afectada por la caída en tu zona; el servicio "
               "volverá en unas dos horas y te abonaremos el tiempo sin "
               "servicio en tu próxima factura."}};
    reply.agent_id = "agent-7";
    reply.at = start + absl::Hours(1);
    reply.resolve = true;
    absl::StatusOr<std::vector<threadline::Interaction>> sent =
        engine.ReplyToIncident(i.id, reply);
    if (!sent.ok()) {
      std::fprintf(stderr, "%s\n", std::string(sent.status().message()).c_str());
      return 1;
    }
    std::printf("\nREPLIED to %zu cases, for example:\n", sent->size());
    bool shown[threadline::kChannelCount][2] = {};
    for (const threadline::Interaction& r : *sent) {
      bool& once = shown[static_cast<int>(r.channel)][r.language == "es"];
      if (once) continue;
      once = true;
      std::printf("  %-9s %s (%zu bytes): %s\n",
                  std::string(threadline::ChannelName(r.channel)).c_str(),
                  r.language.c_str(), r.text.size(), r.text.c_str());
    }
    absl::StatusOr<threadline::Incident> after = engine.GetIncident(i.id);
    std::printf("\n%s is now %s; case %s is %s\n", i.id.c_str(),
                std::string(threadline::IncidentStatusName(after->status)).c_str(),
                after->case_ids[0].c_str(),
                std::string(threadline::CaseStatusName(
                                engine.GetCase(after->case_ids[0])->status))
                    .c_str());
  }
  return 0;
}
