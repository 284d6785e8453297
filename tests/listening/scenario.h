// A small synthetic contact centre for the listening tests: days of steady
// complaints on many matters, then an outage wave in English and Spanish.
#ifndef THREADLINE_TESTS_LISTENING_SCENARIO_H_
#define THREADLINE_TESTS_LISTENING_SCENARIO_H_

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "threadline/types.h"

namespace threadline::testing {

inline absl::Time Day0() { return absl::FromUnixSeconds(1767571200); }  // 2026-01-05

inline Interaction Inbound(std::string id, absl::Time at, Channel channel,
                           std::string handle, std::string text,
                           std::string language = "") {
  Interaction in;
  in.id = std::move(id);
  in.occurred_at = at;
  in.channel = channel;
  in.direction = Direction::kInbound;
  switch (channel) {
    case Channel::kTwitter:
      in.contact = {IdentityKind::kTwitter, "@" + handle};
      break;
    case Channel::kFacebook:
      in.contact = {IdentityKind::kFacebook, handle};
      break;
    default:
      in.contact = {IdentityKind::kEmail, handle + "@example.org"};
      break;
  }
  in.text = std::move(text);
  in.language = std::move(language);
  return in;
}

// `days` of steady negative traffic: three complaints an hour, each on one
// of six matters, from a new customer, over email and social channels.
inline std::vector<Interaction> SteadyTraffic(int days) {
  static const char* const kTexts[] = {
      "I was charged twice on my bill this month, terrible",
      "My refund never arrived, this is awful",
      "The package is late again, so annoying",
      "I cannot log in to my account, very frustrating",
      "La factura llegó con un cobro doble, pésimo servicio",
      "Mi pedido no ha llegado, qué mal servicio",
  };
  static const Channel kChannels[] = {Channel::kEmail, Channel::kTwitter,
                                      Channel::kFacebook};
  std::vector<Interaction> out;
  int n = 0;
  for (int h = 0; h < days * 24; ++h) {
    for (int k = 0; k < 3; ++k, ++n) {
      out.push_back(Inbound(absl::StrCat("s-", n),
                            Day0() + absl::Hours(h) + absl::Minutes(7 + 20 * k),
                            kChannels[n % 3], absl::StrCat("steady", n),
                            kTexts[n % 6]));
    }
  }
  return out;
}

// An outage wave: `count` customers in `minutes`, alternating English and
// Spanish, mostly on Twitter and Facebook.
inline std::vector<Interaction> OutageWave(absl::Time start, int count,
                                           int minutes,
                                           const std::string& prefix = "w") {
  static const char* const kEnglish[] = {
      "Internet is down in my area, no connection at all",
      "No internet since this morning, is there an outage?",
      "Service is down, the router shows no signal",
  };
  static const char* const kSpanish[] = {
      "Sin internet en mi zona, no hay conexión",
      "Se cayó el servicio de internet, el módem no tiene señal",
      "¿Hay una falla? Llevo horas sin internet",
  };
  static const Channel kChannels[] = {Channel::kTwitter, Channel::kFacebook,
                                      Channel::kTwitter, Channel::kEmail};
  std::vector<Interaction> out;
  for (int i = 0; i < count; ++i) {
    const bool spanish = i % 2 == 1;
    out.push_back(Inbound(
        absl::StrCat(prefix, "-", i),
        start + absl::Seconds(60LL * minutes * i / count), kChannels[i % 4],
        absl::StrCat(prefix, "user", i),
        spanish ? kSpanish[(i / 2) % 3] : kEnglish[(i / 2) % 3]));
  }
  return out;
}

}  // namespace threadline::testing

#endif  // THREADLINE_TESTS_LISTENING_SCENARIO_H_
