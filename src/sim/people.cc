// People: the profile of each person (phones, emails, handles, account
// number, browsers, how readily they link their channels, which channels
// they like), built from their traits; where they live (region code, time
// zone) and which social networks they are on. Every number and name in an
// address is unique to its person: a per-seed bijection of the index.
#include "sim/people.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "sim/rng.h"
#include "sim/text_util.h"
#include "sim/traits.h"
#include "threadline/types.h"

namespace threadline::sim {
namespace {

constexpr const char* kDomains[kRegionCount][6] = {
    {"gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com",
     "aol.com"},
    {"gmail.com", "hotmail.com", "outlook.com", "yahoo.com", "une.net.co",
     "gmail.com"},
    {"gmail.com", "hotmail.com", "outlook.com", "yahoo.com.mx",
     "prodigy.net.mx", "live.com.mx"},
    {"gmail.com", "hotmail.es", "yahoo.es", "outlook.es", "telefonica.net",
     "gmail.com"},
};
constexpr const char* kWorkDomains[] = {
    "contoso.com",      "fabrikam.com",    "northwindtraders.com",
    "tailspintoys.com", "wingtiptoys.com", "adventure-works.com",
    "litwareinc.com",   "proseware.com"};

// Area codes and mobile prefixes that libphonenumber accepts as valid.
constexpr int kUsAreas[] = {212, 646, 718, 917, 312, 773, 415, 510, 305, 786,
                            713, 832, 213, 310, 617, 206, 404, 602, 303, 512};
constexpr int kCoMobile[] = {300, 301, 302, 304, 305, 310, 311,
                             312, 313, 314, 315, 316, 317, 318,
                             319, 320, 321, 322, 323, 350, 351};
constexpr int kCoLandline[] = {601, 602, 604, 605};
constexpr int kMxMobileAreas[] = {55, 33, 81};
constexpr int kMxLandAreas[] = {222, 442, 664, 999};
constexpr int kEsLandAreas[] = {91, 93, 96};

// Decimal: `value` in decimal, written at the end of `buf`.
std::string_view Decimal(uint64_t value, char* buf, size_t size) {
  size_t i = size;
  do {
    buf[--i] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0 && i > 0);
  return std::string_view(buf + i, size - i);
}

// A multiplier coprime with moduli made of 2s, 3s, 5s and 7s, picked per
// seed so each seed hands out different numbers.
uint64_t Multiplier(uint64_t seed, uint64_t salt) {
  constexpr uint64_t kPrimes[] = {1000003, 1000033, 1000037, 1000039,
                                  1299709, 1299721, 1299743, 1299763};
  return kPrimes[HashOf(seed, salt) % 8];
}

// Unique(seed, salt, index, modulus): a per-seed bijection of the index into
// [0, modulus); distinct people never share the value while index < modulus.
uint64_t Unique(uint64_t seed, uint64_t salt, uint64_t index,
                uint64_t modulus) {
  return AffinePermutation(index, Multiplier(seed, salt),
                           HashOf(seed, salt, 7) % modulus, modulus);
}

// UsNsn: area code x exchange (no N11) x line. Mobiles take the area codes
// at even positions and landlines the odd ones, so the two never collide.
uint64_t UsNsn(uint64_t v, int parity) {
  constexpr uint64_t kPerArea = 792 * 10000;
  const uint64_t area = kUsAreas[(v / kPerArea) % 10 * 2 + parity];
  const uint64_t rest = v % kPerArea;
  const uint64_t ex_index = rest / 10000;
  const uint64_t tens = ex_index % 99;
  const uint64_t exchange =
      (2 + ex_index / 99) * 100 + (tens < 11 ? tens : tens + 1);
  return area * 10000000ull + exchange * 10000 + rest % 10000;
}

uint64_t MobileNsn(uint64_t seed, Region region, uint32_t index) {
  switch (region) {
    case Region::kUs:
      return UsNsn(Unique(seed, 11, index, 10ull * 792 * 10000), 0);
    case Region::kCo: {
      const uint64_t v = Unique(seed, 12, index, 21ull * 10000000);
      return kCoMobile[v / 10000000] * 10000000ull + v % 10000000;
    }
    case Region::kMx: {
      const uint64_t v = Unique(seed, 13, index, 3ull * 80000000);
      return kMxMobileAreas[v / 80000000] * 100000000ull + 20000000 +
             v % 80000000;
    }
    case Region::kEs:
      return 600000000ull + Unique(seed, 14, index, 100000000);
  }
  return 0;
}

uint64_t LandlineNsn(uint64_t seed, Region region, uint32_t index) {
  switch (region) {
    case Region::kUs:
      return UsNsn(Unique(seed, 21, index, 10ull * 792 * 10000), 1);
    case Region::kCo: {
      const uint64_t v = Unique(seed, 22, index, 4ull * 7000000);
      return kCoLandline[v / 7000000] * 10000000ull + 2000000 + v % 7000000;
    }
    case Region::kMx: {
      const uint64_t v = Unique(seed, 23, index, 4ull * 8000000);
      return kMxLandAreas[v / 8000000] * 10000000ull + 2000000 + v % 8000000;
    }
    case Region::kEs: {
      const uint64_t v = Unique(seed, 24, index, 3ull * 7000000);
      return kEsLandAreas[v / 7000000] * 10000000ull + 2000000 + v % 7000000;
    }
  }
  return 0;
}

}  // namespace

using people_internal::Joins;
using people_internal::kProfileStream;
using people_internal::kSocialStream;
using people_internal::ResolvedTraits;
using people_internal::Traits;

const char* RegionCode(Region region) {
  switch (region) {
    case Region::kUs:
      return "US";
    case Region::kCo:
      return "CO";
    case Region::kMx:
      return "MX";
    case Region::kEs:
      return "ES";
  }
  return "US";
}

Social SocialOf(uint64_t seed, uint32_t index, Region region) {
  static constexpr double kTwitterShare[] = {0.42, 0.36, 0.36, 0.36};
  static constexpr double kFacebookShare[] = {0.3, 0.42, 0.42, 0.3};
  Rng r(HashOf(seed, index, kSocialStream));
  Social s;
  s.twitter = r.Chance(kTwitterShare[static_cast<int>(region)]);
  s.facebook = r.Chance(kFacebookShare[static_cast<int>(region)]);
  s.instagram = r.Chance(0.24);
  return s;
}

Region RegionOf(uint64_t seed, uint32_t index, int64_t customers) {
  uint32_t head = 0;
  bool namesake = false;
  return ResolvedTraits(seed, index, customers, &head, &namesake).region;
}

int32_t UtcOffsetSeconds(uint64_t seed, uint32_t index, Region region) {
  switch (region) {
    case Region::kUs: {
      const double u = UnitOf(HashOf(seed, index, 106));
      const int hours = u < 0.5 ? -5 : u < 0.75 ? -6 : u < 0.83 ? -7 : -8;
      return hours * 3600;
    }
    case Region::kCo:
      return -5 * 3600;
    case Region::kMx:
      return -6 * 3600;
    case Region::kEs:
      return 1 * 3600;
  }
  return 0;
}

void BuildProfile(uint64_t seed, uint32_t index, int64_t customers,
                  double siloed_share, Profile* out) {
  Profile& p = *out;
  p.index = index;
  const Traits t =
      ResolvedTraits(seed, index, customers, &p.household_head, &p.namesake);
  const bool member = p.household_head != index;
  p.region = t.region;
  p.lang = t.lang;
  p.bilingual = t.bilingual;
  p.female = t.female;
  p.first.assign(t.first);
  p.last.assign(t.last);
  p.second_last.assign(t.second_last);
  p.first_ascii.assign(t.first);
  StripAccentsInPlace(&p.first_ascii, true, false);
  p.last_ascii.assign(t.last);
  StripAccentsInPlace(&p.last_ascii, true, false);

  Rng r(HashOf(seed, index, kProfileStream));
  const Region region = p.region;

  // Phones. A household head keeps a landline when someone joins them.
  p.mobile = r.Chance(0.93) ? MobileNsn(seed, region, index) : 0;
  static constexpr double kLandlineShare[] = {0.18, 0.25, 0.2, 0.35};
  const bool has_joiner =
      Joins(seed, static_cast<int64_t>(index) + 1, customers);
  p.shares_landline = member || has_joiner;
  if (p.shares_landline) {
    p.landline = LandlineNsn(seed, region, p.household_head);
  } else {
    p.landline = r.Chance(kLandlineShare[static_cast<int>(region)])
                     ? LandlineNsn(seed, region, index)
                     : 0;
  }
  if (p.mobile == 0 && p.landline == 0) {
    p.mobile = MobileNsn(seed, region, index);
  }
  static constexpr double kWhatsappShare[] = {0.25, 0.9, 0.9, 0.85};
  p.whatsapp =
      p.mobile != 0 && r.Chance(kWhatsappShare[static_cast<int>(region)]);

  // The suffix that keeps every handle and email unique: a bijection of the
  // index with enough digits for the whole population.
  uint64_t modulus = 10000;
  while (modulus < static_cast<uint64_t>(customers) * 3 &&
         modulus < 1000000000ull) {
    modulus *= 10;
  }
  char code_buf[24];
  const std::string_view code =
      Decimal(Unique(seed, 31, index, modulus), code_buf, sizeof code_buf);
  // Names as addresses carry letters only ("O'Brien" → "obrien").
  char first_buf[32], last_buf[32];
  size_t fn = 0, ln = 0;
  for (char c : p.first_ascii) {
    if (absl::ascii_isalpha(static_cast<unsigned char>(c)) &&
        fn < sizeof first_buf) {
      first_buf[fn++] = absl::ascii_tolower(static_cast<unsigned char>(c));
    }
  }
  for (char c : p.last_ascii) {
    if (absl::ascii_isalpha(static_cast<unsigned char>(c)) &&
        ln < sizeof last_buf) {
      last_buf[ln++] = absl::ascii_tolower(static_cast<unsigned char>(c));
    }
  }
  const std::string_view first(first_buf, fn), last(last_buf, ln);
  auto append = [](std::string* out, std::string_view piece) {
    out->append(piece.data(), piece.size());
  };

  p.email.clear();
  if (r.Chance(0.92)) {
    static constexpr std::string_view kSeparators[] = {".", "", "_", ".", ""};
    std::string& e = p.email;
    switch (r.Below(6)) {
      case 0:
        append(&e, first);
        append(&e, r.Pick(kSeparators));
        append(&e, last);
        break;
      case 1:
        append(&e, first.substr(0, 1));
        append(&e, last);
        break;
      case 2:
        append(&e, last);
        append(&e, r.Pick(kSeparators));
        append(&e, first);
        break;
      case 3:
        append(&e, first);
        append(&e, last.substr(0, 1));
        break;
      case 4:
        append(&e, first);
        break;
      default:
        append(&e, first);
        e.push_back('.');
        append(&e, last);
        break;
    }
    if (r.Chance(0.2)) e.push_back(r.Chance(0.5) ? '.' : '_');
    append(&e, code);
    e.push_back('@');
    e.append(kDomains[static_cast<int>(region)][r.Below(6)]);
  }
  p.work_email.clear();
  if (r.Chance(0.08)) {
    std::string& e = p.work_email;
    append(&e, first.substr(0, 1));
    e.push_back('.');
    append(&e, last);
    append(&e, code);
    e.push_back('@');
    e.append(r.Pick(kWorkDomains));
  }

  // Social handles: Twitter allows 15 characters, so the name part gives way
  // to the unique code.
  const Social social = SocialOf(seed, index, region);
  char handle_buf[48];
  size_t hn = 0;
  auto handle = [&handle_buf, &hn](std::string_view piece, bool capital) {
    for (size_t i = 0; i < piece.size() && hn < sizeof handle_buf; ++i) {
      char c = piece[i];
      if (capital && i == 0) {
        c = absl::ascii_toupper(static_cast<unsigned char>(c));
      }
      handle_buf[hn++] = c;
    }
  };
  switch (r.Below(6)) {
    case 0:
      handle(first, true);
      handle(last, true);
      break;
    case 1:
      handle(first, false);
      handle("_", false);
      handle(last, false);
      break;
    case 2:
      handle(first.substr(0, 1), false);
      handle(last, false);
      break;
    case 3:
      handle(last, true);
      handle(first.substr(0, 1), true);
      break;
    case 4:
      handle(p.lang == Lang::kEs ? "soy" : "its", false);
      handle(first, false);
      break;
    default:
      handle(first, false);
      handle(last.substr(0, 3), false);
      break;
  }
  p.twitter.clear();
  if (social.twitter) {
    const bool underscore = r.Chance(0.3);
    const size_t room = 15 - code.size() - (underscore ? 1 : 0);
    p.twitter.append(handle_buf, std::min(hn, room));
    if (underscore) p.twitter.push_back('_');
    append(&p.twitter, code);
  }
  p.instagram.clear();
  if (social.instagram) {
    // People reuse their Twitter name on Instagram about half the time.
    if (!p.twitter.empty() && r.Chance(0.5)) {
      p.instagram = p.twitter;
      LowerAscii(&p.instagram);
    } else {
      static constexpr std::string_view kIgSep[] = {".", "_", "", "._"};
      if (r.Chance(0.15)) p.instagram.push_back('_');
      append(&p.instagram, first);
      append(&p.instagram, r.Pick(kIgSep));
      append(&p.instagram, last);
      append(&p.instagram, r.Pick(kIgSep));
      append(&p.instagram, code);
    }
  }
  p.facebook.clear();
  if (social.facebook) {
    if (r.Chance(0.7)) {
      // Page-scoped ids: long numbers, unique through the middle nine
      // digits (a bijection of the index).
      const uint64_t head = (1 + r.Below(9)) * 1000 + 100 + r.Below(900);
      const uint64_t middle = Unique(seed, 41, index, 1000000000ull);
      const uint64_t tail = r.Below(100);
      char buf[24];
      append(&p.facebook, Decimal((head * 1000000000ull + middle) * 100 + tail,
                                  buf, sizeof buf));
    } else {
      append(&p.facebook, first);
      p.facebook.push_back('.');
      append(&p.facebook, last);
      p.facebook.push_back('.');
      append(&p.facebook, code);
    }
  }

  // Everyone is a customer: everyone has an account, mostly unknown to the
  // channel they write from.
  const uint64_t account_modulus = customers <= 4000000 ? 9000000 : 90000000;
  const uint64_t base = customers <= 4000000 ? 1000000 : 10000000;
  char account_buf[24];
  p.account.assign("AC");
  append(&p.account, Decimal(base + Unique(seed, 51, index, account_modulus),
                             account_buf, sizeof account_buf));

  p.visitors = 1 + (r.Chance(0.3) ? 1 : 0) + (r.Chance(0.1) ? 1 : 0);
  p.visitor_base = HashOf(seed, index, 61);

  const double u = r.Unit();
  if (u < siloed_share) {
    p.linker = Linker::kSiloed;
  } else if (u < siloed_share + 0.15) {
    p.linker = Linker::kReluctant;
  } else if (u < siloed_share + 0.4) {
    p.linker = Linker::kEager;
  } else {
    p.linker = Linker::kNormal;
  }

  p.has = SlotBit(kAccount) | SlotBit(kWithheld);
  if (p.mobile != 0) p.has |= SlotBit(kMobile);
  if (p.landline != 0) p.has |= SlotBit(kLandline);
  if (!p.email.empty()) p.has |= SlotBit(kEmail);
  if (!p.work_email.empty()) p.has |= SlotBit(kWorkEmail);
  if (!p.twitter.empty()) p.has |= SlotBit(kTwitter);
  if (!p.instagram.empty()) p.has |= SlotBit(kInstagram);
  if (!p.facebook.empty()) p.has |= SlotBit(kFacebook);
  for (int v = 0; v < p.visitors; ++v) p.has |= SlotBit(kFirstVisitor + v);

  // Channel taste: a base mix per region, times a personal factor, so most
  // people keep to two or three channels.
  static constexpr double kBase[kRegionCount][kPersonChannelCount] = {
      // voice sms whatsapp email chat twitter facebook instagram form
      {22, 6, 4, 18, 8, 20, 10, 5, 2},
      {15, 4, 26, 11, 6, 15, 14, 6, 1},
      {15, 4, 27, 11, 6, 14, 14, 6, 1},
      {18, 3, 22, 17, 6, 15, 9, 6, 2},
  };
  static constexpr double kTaste[] = {0.05, 0.3, 1, 1, 2, 3.5};
  for (int c = 0; c < kPersonChannelCount; ++c) {
    double w = kBase[static_cast<int>(region)][c] * r.Pick(kTaste);
    switch (kPersonChannels[c]) {
      case Channel::kVoice:
        break;
      case Channel::kSms:
        if (p.mobile == 0) w = 0;
        break;
      case Channel::kWhatsapp:
        if (!p.whatsapp) w = 0;
        break;
      case Channel::kEmail:
      case Channel::kWebForm:
        if (p.email.empty()) w = 0;
        break;
      case Channel::kTwitter:
        if (p.twitter.empty()) w = 0;
        break;
      case Channel::kFacebook:
        if (p.facebook.empty()) w = 0;
        break;
      case Channel::kInstagram:
        if (p.instagram.empty()) w = 0;
        break;
      default:
        break;
    }
    p.channel_weight[c] = w;
  }
  // Landline households call.
  if (p.shares_landline) p.channel_weight[0] += 25;
}

}  // namespace threadline::sim
