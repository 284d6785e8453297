// Texts: filling a phrase's {slots} (amounts, order numbers, dates, names,
// the brand) the same way across an inquiry, the problem it is about, the
// addresses a customer writes in; the sentence helpers; the agents' names.
#include "sim/texts.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "sim/journey.h"
#include "sim/people.h"
#include "sim/phrases.h"
#include "sim/text_util.h"
#include "sim/text_writer.h"
#include "threadline/types.h"

namespace threadline::sim {
namespace {

// Salts of the per-inquiry slot values, so an inquiry keeps its amount,
// order number and device across all its messages.
enum InquirySlot : uint64_t {
  kAmountSlot = 1,
  kAmount2Slot,
  kOrderSlot,
  kItemSlot,
  kDeviceSlot,
  kPlanSlot,
  kPlan2Slot,
  kCitySlot,
  kWeekdaySlot,
  kMonthSlot,
  kDaysSlot,
  kSpeedSlot,
  kCountSlot,
  kNthSlot,
  kHoursSlot,
  kProblemSlot,
};

constexpr const char* kAgentFirstNames[] = {
    "Sarah",   "Mike",   "Priya",  "Tom",   "Jenny", "Marcus",   "Aisha",
    "Ben",     "Laura",  "Andrés", "Paola", "Jorge", "Carolina", "Diego",
    "Natalia", "Camilo", "Marta",  "Rubén", "Kim",   "Omar",     "Lucía",
    "Dana",    "Iván",   "Grace",  "Hugo",  "Rosa",  "Sam",      "Elena"};
constexpr char kInitials[] = "ABCDEFGHJKLMNPRSTVWZ";

constexpr const char* kMonthsEn[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char* kMonthsEs[] = {"ene", "feb", "mar", "abr", "may", "jun",
                                     "jul", "ago", "sep", "oct", "nov", "dic"};

}  // namespace

namespace texts_internal {

void EndSentence(std::string* s, char mark) {
  if (s->empty()) return;
  const char last = s->back();
  if (last == '.' || last == '?' || last == '!') return;
  s->push_back(mark);
}

void Tidy(std::string* s) {
  size_t w = 0;
  for (size_t i = 0; i < s->size(); ++i) {
    const char c = (*s)[i];
    const bool ellipsis = i + 1 < s->size() && (*s)[i + 1] == '.';
    if (c == '.' && w > 0 && !ellipsis &&
        ((*s)[w - 1] == '?' || (*s)[w - 1] == '!' ||
         // "Jorge M.. Dame": an initial's stop meets the sentence's.
         ((*s)[w - 1] == '.' && (w < 2 || (*s)[w - 2] != '.')))) {
      continue;
    }
    (*s)[w++] = c;
  }
  s->resize(w);
}

void LowerFirstWord(std::string* s, size_t pos) {
  // Skip an opening ¿ or ¡.
  if (pos + 1 < s->size() && static_cast<unsigned char>((*s)[pos]) == 0xC2) {
    pos += 2;
  }
  if (pos + 1 >= s->size()) return;
  const char a = (*s)[pos], b = (*s)[pos + 1];
  if (a >= 'A' && a <= 'Z' && b >= 'a' && b <= 'z') {
    (*s)[pos] = static_cast<char>(a - 'A' + 'a');
  }
}

void Writer::Amount(uint64_t slot, std::string* out) const {
  const uint64_t h = InquiryDraw(slot);
  switch (person_.region) {
    case Region::kUs: {
      const uint64_t dollars = 12 + h % 130;
      if (h / 131 % 3 == 0) {
        absl::StrAppend(out, "$", dollars, ".99");
      } else {
        absl::StrAppend(out, "$", dollars);
      }
      return;
    }
    case Region::kCo: {
      const uint64_t thousands = 15 + h % 170;
      if (h / 171 % 2 == 0) {
        absl::StrAppend(out, "$", thousands, ".000");
      } else {
        absl::StrAppend(out, thousands,
                        lang_ == Lang::kEs ? " mil pesos" : ",000 pesos");
      }
      return;
    }
    case Region::kMx: {
      const uint64_t pesos = 150 + (h % 170) * 10;
      absl::StrAppend(out, "$", pesos, h / 171 % 2 == 0 ? " pesos" : "");
      return;
    }
    case Region::kEs: {
      const uint64_t euros = 8 + h % 90;
      const uint64_t cents = h / 91 % 4 == 0 ? 50 : 0;
      if (cents != 0) {
        absl::StrAppend(out, euros, ",", cents, " €");
      } else {
        absl::StrAppend(out, euros, h / 97 % 2 == 0 ? " euros" : "€");
      }
      return;
    }
  }
}

void Writer::Slot(std::string_view name, std::string* out) {
  const bool es = lang_ == Lang::kEs;
  if (name == "amount") {
    Amount(kAmountSlot, out);
  } else if (name == "amount2") {
    Amount(kAmount2Slot, out);
  } else if (name == "order") {
    const uint64_t h = InquiryDraw(kOrderSlot);
    switch (h % 3) {
      case 0:
        absl::StrAppend(out, "#", 10000000 + h / 3 % 90000000);
        break;
      case 1:
        absl::StrAppend(out, "A", 1000000 + h / 3 % 9000000);
        break;
      default:
        absl::StrAppend(out, "ORD-", 100000 + h / 3 % 900000);
        break;
    }
  } else if (name == "item") {
    Expand(InquiryPick(phrases_.item, kItemSlot), out);
  } else if (name == "device") {
    out->append(InquiryPick(phrases_.device, kDeviceSlot));
  } else if (name == "plan") {
    out->append(InquiryPick(phrases_.plan, kPlanSlot));
  } else if (name == "plan2") {
    out->append(InquiryPick(phrases_.plan, kPlan2Slot));
  } else if (name == "city") {
    out->append(InquiryPick(Cities(person_.region), kCitySlot));
  } else if (name == "weekday") {
    out->append(InquiryPick(phrases_.weekday, kWeekdaySlot));
  } else if (name == "month") {
    out->append(InquiryPick(phrases_.month, kMonthSlot));
  } else if (name == "count") {
    out->append(InquiryPick(phrases_.count, kCountSlot));
  } else if (name == "nth") {
    out->append(InquiryPick(phrases_.nth, kNthSlot));
  } else if (name == "days") {
    static constexpr const char* kEn[] = {"3 days",    "a week", "10 days",
                                          "two weeks", "6 days", "over a week"};
    static constexpr const char* kEs[] = {"3 días",  "una semana",
                                          "10 días", "dos semanas",
                                          "6 días",  "más de una semana"};
    const uint64_t h = InquiryDraw(kDaysSlot) % 6;
    out->append(es ? kEs[h] : kEn[h]);
  } else if (name == "speed") {
    static constexpr const char* kSpeeds[] = {
        "300 megas", "500 Mbps", "100 megas", "1 giga", "200 Mbps"};
    out->append(kSpeeds[InquiryDraw(kSpeedSlot) % 5]);
  } else if (name == "hours") {
    absl::StrAppend(out, 2 + InquiryDraw(kHoursSlot) % 5);
  } else if (name == "clock") {
    const int hour = 6 + static_cast<int>(rng_.Below(15));
    const char* minutes = rng_.Chance(0.5) ? ":00" : ":30";
    if (es) {
      absl::StrAppend(out, hour, minutes);
    } else {
      absl::StrAppend(out, hour > 12 ? hour - 12 : hour, minutes,
                      hour >= 12 ? "pm" : "am");
    }
  } else if (name == "when") {
    Expand(phrases_.when.Pick(rng_), out);
  } else if (name == "when_past") {
    Expand(phrases_.when_past.Pick(rng_), out);
  } else if (name == "brand") {
    out->append(ctx_.brand->name);
  } else if (name == "brand_email") {
    out->append(ctx_.brand->email);
  } else if (name == "brand_twitter") {
    out->append(ctx_.brand->twitter);
  } else if (name == "hotline") {
    out->append(HotlineAsQuoted(person_.region, rng_));
  } else if (name == "ticket") {
    out->append(ctx_.ticket);
  } else if (name == "first") {
    out->append(accents_ ? person_.first : person_.first_ascii);
  } else if (name == "fullname") {
    absl::StrAppend(out, accents_ ? person_.first : person_.first_ascii, " ",
                    accents_ ? person_.last : person_.last_ascii);
  } else if (name == "name") {
    out->append(accents_ ? person_.first : person_.first_ascii);
  } else if (name == ", name" || name == " name") {
    if (rng_.Chance(0.55)) {
      absl::StrAppend(out, name[0] == ',' ? ", " : " ",
                      accents_ ? person_.first : person_.first_ascii);
    }
  } else if (name == "agent") {
    // A customer thanks the agent who answered them.
    int agent = contact_.agent;
    if (agent == 0 && contact_.reply_to >= 0) {
      agent = plan_.contacts[contact_.reply_to].agent;
    }
    out->append(AgentName(agent != 0 ? agent : 1));
  } else if (name == "team") {
    out->append(banks_.team);
  } else if (name == "ref") {
    Expand(banks_.ref.Pick(rng_), out);
  } else if (name == "detail") {
    Expand(banks_.detail.Pick(rng_), out);
  } else if (name == "note") {
    Expand(Wave() ? phrases_.outage_note.Pick(rng_) : banks_.note.Pick(rng_),
           out);
  } else if (name == "problem") {
    Problem(out);
  } else if (name == "problem_lc") {
    const size_t at = out->size();
    Problem(out);
    LowerFirstWord(out, at);
  } else if (name == "prev") {
    out->append(phrases_.channel_name[contact_.prev_channel < kChannelCount
                                          ? contact_.prev_channel
                                          : 0]);
  } else if (name == "v") {
    out->append(value_);
  } else if (name == "o_a") {
    out->append(person_.female ? "a" : "o");
  } else if (name == "cel" || name == "Cel") {
    const bool cap = name[0] == 'C';
    if (!es) {
      out->append(cap ? "Phone" : "phone");
    } else if (person_.region == Region::kEs) {
      out->append(cap ? "Móvil" : "móvil");
    } else {
      out->append(cap ? "Cel" : "celular");
    }
  } else if (name == "masked_email") {
    if (person_.email.empty()) {
      out->append(es ? "tu correo registrado" : "your email on file");
    } else {
      const size_t at = person_.email.find('@');
      absl::StrAppend(out, person_.email.substr(0, 1), "*****",
                      person_.email.substr(at));
    }
  } else if (name == "last4") {
    const uint64_t n = person_.mobile != 0 ? person_.mobile : person_.landline;
    const std::string d = std::to_string(n);
    out->append(d.substr(d.size() - 4));
  } else if (name == "date") {
    const int32_t at = contact_.reply_to >= 0
                           ? plan_.contacts[contact_.reply_to].at
                           : contact_.at;
    const absl::CivilDay day =
        absl::ToCivilDay(absl::FromUnixSeconds(ctx_.window_start_unix + at),
                         absl::UTCTimeZone());
    if (es) {
      absl::StrAppend(out, day.day(), " ", kMonthsEs[day.month() - 1], " ",
                      day.year());
    } else {
      absl::StrAppend(out, kMonthsEn[day.month() - 1], " ", day.day(), ", ",
                      day.year());
    }
  } else {
    // Unknown slots stay visible rather than vanish.
    out->push_back('{');
    out->append(name.data(), name.size());
    out->push_back('}');
  }
}

void Writer::Expand(std::string_view templ, std::string* out) {
  size_t i = 0;
  while (i < templ.size()) {
    const size_t open = templ.find('{', i);
    if (open == std::string_view::npos) {
      out->append(templ.substr(i));
      return;
    }
    out->append(templ.substr(i, open - i));
    const size_t close = templ.find('}', open);
    if (close == std::string_view::npos) {
      out->append(templ.substr(open));
      return;
    }
    Slot(templ.substr(open + 1, close - open - 1), out);
    i = close + 1;
  }
}

// Sentence: appends a phrase with a separating space.
void Writer::Sentence(std::string_view templ, std::string* out) {
  if (templ.empty()) return;
  if (!out->empty() && out->back() != '\n' && out->back() != ' ') {
    out->push_back(' ');
  }
  Expand(templ, out);
}

// Problem: what is wrong. An inquiry keeps its problem; now and then a
// customer describes another side of it.
void Writer::Problem(std::string* out) {
  const Bank& bank = Wave() ? phrases_.outage_open : banks_.open;
  size_t i = InquiryDraw(kProblemSlot) % bank.size;
  if (contact_.msg != Msg::kOpen && rng_.Chance(0.25)) {
    i = rng_.Below(bank.size);
  }
  Expand(bank.items[i], out);
}

// ProblemSentence: the problem as a sentence of its own.
void Writer::ProblemSentence(std::string* out) {
  if (!out->empty() && out->back() != ' ' && out->back() != '\n') {
    out->push_back(' ');
  }
  Problem(out);
  EndSentence(out, rng_.Chance(0.85) ? '.' : '!');
}

void Writer::Mentions(uint16_t bits, std::string* out) {
  for (int s = 0; s < kSlotCount; ++s) {
    if (!(bits & SlotBit(s))) continue;
    const Bank* bank = nullptr;
    const bool phone_channel = contact_.channel == Channel::kVoice ||
                               contact_.channel == Channel::kSms ||
                               contact_.channel == Channel::kWhatsapp;
    switch (s) {
      case kMobile:
      case kLandline: {
        bank = &phrases_.mention_phone;
        // Abroad, a number written without its country code can only be
        // read where the host sets the region: phone channels.
        const bool international =
            person_.region != Region::kUs && !phone_channel;
        value_ = TypedAddress(person_, s, international, rng_);
        if (value_[0] != '+') national_phone_ = true;
        break;
      }
      case kEmail:
      case kWorkEmail:
        bank = &phrases_.mention_email;
        value_ = TypedAddress(person_, s, false, rng_);
        break;
      case kTwitter:
        bank = &phrases_.mention_twitter;
        value_ = TypedAddress(person_, s, false, rng_);
        break;
      case kInstagram:
        bank = &phrases_.mention_instagram;
        value_ = TypedAddress(person_, s, false, rng_);
        break;
      case kAccount:
        bank = &phrases_.mention_account;
        value_ = TypedAddress(person_, s, false, rng_);
        break;
      default:
        continue;
    }
    Sentence(bank->Pick(rng_), out);
    // "Phone: 303 515 6273" needs its full stop before another sentence,
    // or two numbers run together into one.
    if (s != kEmail && s != kWorkEmail) EndSentence(out, '.');
  }
}

bool Writer::Write(std::string* out) {
  const size_t before = out->size();
  if (contact_.direction == Direction::kOutbound) {
    Agent(out);
  } else if (contact_.msg == Msg::kCall) {
    CallNotes(out);
  } else {
    Customer(out);
  }
  if (ctx_.messy && rng_.Chance(0.003)) {
    // A broken import garbled this one.
    const std::string garbled = Mojibake(std::string_view(*out).substr(before));
    out->resize(before);
    out->append(garbled);
  }
  return national_phone_;
}

}  // namespace texts_internal

using texts_internal::Writer;

std::string AgentName(int agent) {
  const int n =
      static_cast<int>(sizeof(kAgentFirstNames) / sizeof(kAgentFirstNames[0]));
  const int k = agent < 0 ? 0 : agent;
  return absl::StrCat(kAgentFirstNames[k % n], " ",
                      std::string(1, kInitials[(k / n + k) % 20]), ".");
}

bool WriteText(const TextContext& ctx, int index, std::string* out) {
  return Writer(ctx, index).Write(out);
}

}  // namespace threadline::sim
