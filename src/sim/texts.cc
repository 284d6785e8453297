#include "sim/texts.h"

#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "sim/phrases.h"
#include "sim/text_util.h"

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

bool IsSocial(Channel ch) {
  return ch == Channel::kTwitter || ch == Channel::kFacebook ||
         ch == Channel::kInstagram;
}

// EndSentence: closes a sentence unless it already ends with its own mark.
void EndSentence(std::string* s, char mark) {
  if (s->empty()) return;
  const char last = s->back();
  if (last == '.' || last == '?' || last == '!') return;
  s->push_back(mark);
}

// Tidy: "cambiarme a Prepago 15GB?. Que" → "…15GB? Que": a template's full
// stop after a phrase that brought its own question or exclamation mark.
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

// LowerFirstWord: "Hola, Me cobraron" → "Hola, me cobraron": lower-cases
// the word at `pos` when it is a capitalised word (not "I", not "ID").
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

// Writer: composes the text of one contact.
class Writer {
 public:
  Writer(const TextContext& ctx, int index)
      : ctx_(ctx),
        plan_(*ctx.plan),
        person_(ctx.plan->profile),
        inquiry_(*ctx.inquiry),
        contact_(ctx.plan->contacts[index]),
        lang_(inquiry_.lang),
        phrases_(GenericPhrases(lang_)),
        banks_(MatterPhrases(inquiry_.matter, lang_)),
        rng_(HashOf(ctx.text_seed, static_cast<uint64_t>(index))) {
    accents_ = lang_ == Lang::kEs && rng_.Chance(0.5);
  }

  bool Write(std::string* out);

 private:
  bool Wave() const { return inquiry_.kind == InquiryKind::kOutage; }
  uint64_t InquiryDraw(uint64_t slot) const {
    return HashOf(ctx_.inquiry_seed, slot);
  }
  std::string_view InquiryPick(const Bank& bank, uint64_t slot) const {
    return bank.items[InquiryDraw(slot) % bank.size];
  }

  // Expand: appends `templ` with its {slots} filled.
  void Expand(std::string_view templ, std::string* out);
  void Slot(std::string_view name, std::string* out);
  void Amount(uint64_t slot, std::string* out) const;

  void Problem(std::string* out);
  void ProblemSentence(std::string* out);
  void Sentence(std::string_view templ, std::string* out);
  void Mentions(uint16_t bits, std::string* out);

  void Customer(std::string* out);
  void CallNotes(std::string* out);
  void Agent(std::string* out);

  void Casual(std::string* text);
  void Typo(std::string* text);

  const TextContext& ctx_;
  const PersonPlan& plan_;
  const Profile& person_;
  const InquiryPlan& inquiry_;
  const ContactPlan& contact_;
  Lang lang_;
  const Phrases& phrases_;
  const MatterBanks& banks_;
  Rng rng_;
  bool accents_ = false;
  bool national_phone_ = false;
  std::string value_;  // {v}
};

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

void Writer::Customer(std::string* out) {
  std::string body;
  const bool email_like = contact_.channel == Channel::kEmail ||
                          contact_.channel == Channel::kWebForm;
  uint16_t mentions = contact_.mentioned;
  switch (contact_.msg) {
    case Msg::kOpen:
      // An email has its own greeting line.
      if (!email_like && rng_.Chance(0.3)) {
        Expand(phrases_.greet.Pick(rng_), &body);
        const bool comma = rng_.Chance(0.5);
        body.append(comma ? ", " : ". ");
        const size_t at = body.size();
        Problem(&body);
        if (comma) LowerFirstWord(&body, at);
      } else {
        Problem(&body);
      }
      EndSentence(&body, rng_.Chance(0.85) ? '.' : '!');
      if (!Wave() && rng_.Chance(email_like ? 0.7 : 0.4)) {
        Sentence(banks_.detail.Pick(rng_), &body);
      }
      if (rng_.Chance(0.3)) Sentence(phrases_.feeling.Pick(rng_), &body);
      if (rng_.Chance(0.4)) Sentence(phrases_.ask.Pick(rng_), &body);
      break;
    case Msg::kReopen:
      Sentence(phrases_.reopen.Pick(rng_), &body);
      if (rng_.Chance(0.6)) ProblemSentence(&body);
      if (rng_.Chance(0.4)) Sentence(phrases_.feeling.Pick(rng_), &body);
      break;
    case Msg::kFollowUp:
      if (Wave()) {
        Sentence(phrases_.outage_follow.Pick(rng_), &body);
        break;
      }
      Sentence(phrases_.follow.Pick(rng_), &body);
      {
        const double u = rng_.Unit();
        if (u < 0.35) {
          ProblemSentence(&body);
        } else if (u < 0.8) {
          Sentence(phrases_.chaser.Pick(rng_), &body);
        } else {
          Sentence(banks_.detail.Pick(rng_), &body);
        }
      }
      if (rng_.Chance(0.25)) Sentence(phrases_.feeling.Pick(rng_), &body);
      break;
    case Msg::kSwitch: {
      const Channel prev = static_cast<Channel>(contact_.prev_channel);
      if (prev == Channel::kVoice) {
        Sentence(phrases_.called_before.Pick(rng_), &body);
      } else if (prev != Channel::kUnspecified) {
        Sentence(phrases_.switch_to.Pick(rng_), &body);
      } else {
        Sentence(phrases_.follow.Pick(rng_), &body);
      }
      if (Wave()) {
        Sentence(phrases_.outage_follow.Pick(rng_), &body);
      } else if (rng_.Chance(0.55)) {
        ProblemSentence(&body);
      } else {
        Sentence(phrases_.chaser.Pick(rng_), &body);
      }
      if (rng_.Chance(0.2)) Sentence(phrases_.feeling.Pick(rng_), &body);
      break;
    }
    case Msg::kMore:
      Sentence(
          Wave() ? phrases_.outage_follow.Pick(rng_) : phrases_.more.Pick(rng_),
          &body);
      break;
    case Msg::kDetails: {
      // "As requested:" announces data; without any, it is left out.
      const std::string_view intro = phrases_.details_intro.Pick(rng_);
      if (mentions != 0 || intro.empty() || intro.back() != ':') {
        Sentence(intro, &body);
      }
      if (mentions != 0) {
        Mentions(mentions, &body);
        mentions = 0;
      } else if ((inquiry_.matter == Matter::kDelivery ||
                  inquiry_.matter == Matter::kRefund) &&
                 rng_.Chance(0.6)) {
        Sentence(lang_ == Lang::kEs ? "El pedido es {order}."
                                    : "The order is {order}.",
                 &body);
      } else {
        Sentence(phrases_.details_plain.Pick(rng_), &body);
      }
      break;
    }
    case Msg::kChatLine:
      Sentence(phrases_.chat_line.Pick(rng_), &body);
      break;
    case Msg::kVoicemail:
      Sentence(phrases_.voicemail.Pick(rng_), &body);
      break;
    case Msg::kThanks:
      Sentence(phrases_.thanks.Pick(rng_), &body);
      break;
    default:
      Problem(&body);
      break;
  }
  Mentions(mentions, &body);
  if (contact_.hotline) Sentence(phrases_.hotline.Pick(rng_), &body);
  if (ctx_.messy && email_like && rng_.Chance(0.015)) {
    Sentence(phrases_.brand_email.Pick(rng_), &body);
  }

  Tidy(&body);
  const bool spanish = lang_ == Lang::kEs;
  if (email_like) {
    std::string email;
    Expand(phrases_.email_greeting.Pick(rng_), &email);
    email.append("\n\n");
    email.append(body);
    if (rng_.Chance(0.75)) {
      email.append("\n\n");
      Expand(phrases_.email_signoff.Pick(rng_), &email);
    }
    // Replies carry the message they answer, quoted.
    if (contact_.reply_to >= 0 &&
        plan_.contacts[contact_.reply_to].direction == Direction::kOutbound &&
        rng_.Chance(0.5)) {
      std::string quoted;
      // Only customers quote, and only agents are quoted: no recursion.
      Writer(ctx_, contact_.reply_to).Write(&quoted);
      email.append("\n\n");
      Expand(phrases_.email_quote.Pick(rng_), &email);
      email.append("\n> ");
      for (char ch : quoted) {
        email.push_back(ch);
        if (ch == '\n') email.append("> ");
      }
    }
    body.swap(email);
  } else if (contact_.channel != Channel::kVoice) {
    Casual(&body);
  }
  if (spanish && rng_.Chance(0.65)) {
    // Phone keyboards: no accents, often no ñ or ¿¡ either.
    StripAccentsInPlace(&body, rng_.Chance(0.3), rng_.Chance(0.8));
  }
  if (contact_.is_public) {
    if (contact_.brand_lead) {
      const std::string& handle = contact_.channel == Channel::kInstagram
                                      ? ctx_.brand->instagram
                                      : ctx_.brand->twitter;
      body = absl::StrCat("@", handle, " ", body);
    } else if (rng_.Chance(0.08)) {
      Sentence(phrases_.brand_tag_end.Pick(rng_), &body);
    }
    if (contact_.channel == Channel::kTwitter && body.size() > 280) {
      size_t cut = body.rfind(' ', 276);
      if (cut == std::string::npos) cut = 276;
      body.resize(cut);
    }
  }
  out->append(body);
}

void Writer::CallNotes(std::string* out) {
  if (ctx_.messy && rng_.Chance(0.004)) return;  // no notes were taken
  std::string body;
  const double style = rng_.Unit();
  if (style < 0.15) {
    Expand(phrases_.transcript.Pick(rng_), &body);
  } else {
    const Bank* bank = &phrases_.call_open;
    if (contact_.stage == Msg::kFollowUp || contact_.stage == Msg::kReopen) {
      bank = &phrases_.call_again;
    } else if (contact_.stage == Msg::kSwitch) {
      bank = &phrases_.call_switch;
    }
    std::string_view templ = bank->Pick(rng_);
    // Expand {outcome} and {action} and {caller} here: they are not slots.
    size_t i = 0;
    while (i < templ.size()) {
      const size_t open = templ.find('{', i);
      if (open == std::string_view::npos) {
        body.append(templ.substr(i));
        break;
      }
      body.append(templ.substr(i, open - i));
      const size_t close = templ.find('}', open);
      const std::string_view name = templ.substr(open + 1, close - open - 1);
      if (name == "outcome") {
        const Bank& b = contact_.resolved ? phrases_.call_fixed
                        : Wave()          ? phrases_.call_outage
                                          : phrases_.call_pending;
        Expand(b.Pick(rng_), &body);
      } else if (name == "action") {
        Expand(phrases_.call_action.Pick(rng_), &body);
      } else if (name == "caller") {
        Expand(phrases_.caller.Pick(rng_), &body);
      } else {
        Slot(name, &body);
      }
      i = close + 1;
    }
  }
  // Empty actions leave double spaces and a trailing space behind.
  std::string clean;
  for (char ch : body) {
    if (ch == ' ' && !clean.empty() && clean.back() == ' ') continue;
    clean.push_back(ch);
  }
  while (!clean.empty() && clean.back() == ' ') clean.pop_back();
  Tidy(&clean);
  Mentions(contact_.mentioned, &clean);
  if (lang_ == Lang::kEs && rng_.Chance(0.2)) {
    StripAccentsInPlace(&clean, false, true);
  }
  out->append(clean);
}

void Writer::Agent(std::string* out) {
  std::string body;
  bool with_ticket = false;
  switch (contact_.msg) {
    case Msg::kAck:
      Expand(phrases_.ack.Pick(rng_), &body);
      with_ticket = contact_.ticket;
      break;
    case Msg::kAskDm:
      Expand(phrases_.ask_dm.Pick(rng_), &body);
      break;
    case Msg::kAskDetails:
      if ((inquiry_.matter == Matter::kDelivery ||
           inquiry_.matter == Matter::kRefund) &&
          rng_.Chance(0.6)) {
        Expand(phrases_.ask_order.Pick(rng_), &body);
      } else {
        Expand(phrases_.ask_details.Pick(rng_), &body);
      }
      break;
    case Msg::kWorking:
      Expand(phrases_.working.Pick(rng_), &body);
      with_ticket = contact_.ticket;
      break;
    case Msg::kEscalated:
      Expand(phrases_.escalated.Pick(rng_), &body);
      with_ticket = contact_.ticket;
      break;
    case Msg::kResolved:
      if (rng_.Chance(0.3)) {
        Expand(phrases_.ack.Pick(rng_), &body);
        body.push_back(' ');
      }
      Expand(banks_.fix.Pick(rng_), &body);
      if ((inquiry_.matter == Matter::kBilling ||
           inquiry_.matter == Matter::kRefund ||
           inquiry_.matter == Matter::kLogin ||
           inquiry_.matter == Matter::kPayment) &&
          rng_.Chance(0.12)) {
        Sentence(phrases_.masked_confirmation.Pick(rng_), &body);
      }
      Sentence(phrases_.closing.Pick(rng_), &body);
      with_ticket = contact_.ticket && rng_.Chance(0.3);
      break;
    case Msg::kOutageAware:
      Expand(phrases_.outage_aware.Pick(rng_), &body);
      break;
    case Msg::kOutageRestored:
      Expand(phrases_.outage_restored.Pick(rng_), &body);
      break;
    case Msg::kPrivacy:
      Expand(phrases_.privacy.Pick(rng_), &body);
      break;
    case Msg::kChatGreeting:
      Expand(phrases_.greeting.Pick(rng_), &body);
      break;
    case Msg::kCallback: {
      std::string_view templ = phrases_.callback.Pick(rng_);
      const size_t at = templ.find("{outcome}");
      Expand(templ.substr(0, at), &body);
      Expand((contact_.resolved ? phrases_.callback_fixed
                                : phrases_.callback_pending)
                 .Pick(rng_),
             &body);
      if (at != std::string_view::npos) Expand(templ.substr(at + 9), &body);
      break;
    }
    default:
      Expand(phrases_.ack.Pick(rng_), &body);
      break;
  }
  if (with_ticket && !ctx_.ticket.empty()) {
    Sentence(phrases_.ticket.Pick(rng_), &body);
  }
  if (contact_.msg != Msg::kCallback && rng_.Chance(0.05)) {
    Sentence(phrases_.agent_hotline.Pick(rng_), &body);
  }
  if (contact_.channel == Channel::kEmail) {
    std::string email;
    Expand(phrases_.agent_email_open.Pick(rng_), &email);
    email.append("\n\n");
    email.append(body);
    email.append("\n\n");
    Expand(phrases_.agent_email_close.Pick(rng_), &email);
    body.swap(email);
  } else if (IsSocial(contact_.channel)) {
    if (contact_.is_public && contact_.channel == Channel::kTwitter) {
      body = absl::StrCat("@", person_.twitter, " ", body);
    }
    if (rng_.Chance(0.35)) {
      const std::string name = AgentName(contact_.agent);
      absl::StrAppend(&body, " ^", name.substr(0, 1),
                      name.substr(name.size() - 2, 1));
    }
  }
  Tidy(&body);
  // Agents in a hurry skip accents too.
  if (lang_ == Lang::kEs && rng_.Chance(0.1)) {
    StripAccentsInPlace(&body, false, true);
  }
  out->append(body);
}

void Writer::Casual(std::string* text) {
  if (text->empty()) return;
  if (rng_.Chance(0.12)) LowerAscii(text);
  if (text->back() == '.' && rng_.Chance(0.5)) text->pop_back();
  if (rng_.Chance(0.08) && text->back() != '?' && text->back() != '!') {
    if (text->back() == '.') text->pop_back();
    text->append(rng_.Chance(0.5) ? "!!" : "??");
  }
  if (rng_.Chance(0.1)) {
    text->push_back(' ');
    const std::string_view emoji = phrases_.emoji.Pick(rng_);
    text->append(emoji.data(), emoji.size());
  }
  if (lang_ == Lang::kEn && rng_.Chance(0.1)) {
    const size_t at = text->find("please");
    if (at != std::string::npos) text->replace(at, 6, "pls");
  }
  if (lang_ == Lang::kEs && rng_.Chance(0.1)) {
    const size_t at = text->find(" que ");
    if (at != std::string::npos) text->replace(at, 5, " q ");
  }
  if (ctx_.messy && rng_.Chance(0.03)) Typo(text);
}

// Typo: two neighbouring ASCII letters swapped somewhere in the text.
void Writer::Typo(std::string* text) {
  if (text->size() < 8) return;
  for (int tries = 0; tries < 5; ++tries) {
    const size_t i = 2 + rng_.Below(text->size() - 4);
    char& a = (*text)[i];
    char& b = (*text)[i + 1];
    if (a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z' && a != b) {
      std::swap(a, b);
      return;
    }
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

}  // namespace

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
