// How a person's name and addresses are written when they reach a contact
// centre: display names in their many forms, phone numbers in every style
// of each region, emails, handles and account numbers as hosts hand them
// over and as customers type them, and the brand's hotline as quoted.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "sim/people.h"
#include "sim/rng.h"
#include "sim/text_util.h"
#include "threadline/types.h"

namespace threadline::sim {

std::string DisplayName(const Profile& p, Rng& rng, bool messy) {
  const bool accents = p.lang == Lang::kEs && rng.Chance(0.55);
  const std::string& first = accents ? p.first : p.first_ascii;
  const std::string& last = accents ? p.last : p.last_ascii;
  std::string name;
  const uint64_t form = rng.Below(20);
  if (form < 10) {
    name = absl::StrCat(first, " ", last);
  } else if (form < 12 && !p.second_last.empty()) {
    name = absl::StrCat(first, " ", last, " ",
                        accents ? p.second_last : FoldToAscii(p.second_last));
  } else if (form < 14) {
    const std::string_view initial = FirstLetter(last);
    name = absl::StrCat(first, " ", std::string(initial), ".");
  } else if (form < 16) {
    name = first;
  } else if (form < 18) {
    name =
        absl::AsciiStrToLower(absl::StrCat(p.first_ascii, " ", p.last_ascii));
  } else if (form < 19) {
    name =
        absl::AsciiStrToUpper(absl::StrCat(p.first_ascii, " ", p.last_ascii));
  } else {
    static constexpr const char* kDecor[] = {" 🌻", " ✨", " 🇨🇴", " ⚽",
                                             " 🎧", " 💙", " 🐾",  " ☕"};
    name = absl::StrCat(first, " ", last, rng.Pick(kDecor));
  }
  if (messy && rng.Chance(0.01)) {
    // A name that went through the wrong character set on its way in.
    name = Mojibake(name);
  }
  return name;
}

namespace {

// Group(digits, sizes, sep): "6465550134", {3,3,4}, "-" → "646-555-0134".
std::string Group(const std::string& digits, std::initializer_list<int> sizes,
                  const char* sep) {
  std::string out;
  size_t pos = 0;
  for (int n : sizes) {
    if (pos >= digits.size()) break;
    if (!out.empty()) out += sep;
    out += digits.substr(pos, static_cast<size_t>(n));
    pos += static_cast<size_t>(n);
  }
  if (pos < digits.size()) out += digits.substr(pos);
  return out;
}

const char* CountryCode(Region region) {
  switch (region) {
    case Region::kUs:
      return "1";
    case Region::kCo:
      return "57";
    case Region::kMx:
      return "52";
    case Region::kEs:
      return "34";
  }
  return "1";
}

// NationalGrouped: the number as people of the region write it.
std::string NationalGrouped(Region region, const std::string& d, Rng& rng) {
  switch (region) {
    case Region::kUs:
      switch (rng.Below(5)) {
        case 0:
          return absl::StrCat("(", d.substr(0, 3), ") ", d.substr(3, 3), "-",
                              d.substr(6));
        case 1:
          return Group(d, {3, 3, 4}, "-");
        case 2:
          return Group(d, {3, 3, 4}, ".");
        case 3:
          return Group(d, {3, 3, 4}, " ");
        default:
          return absl::StrCat("1-", Group(d, {3, 3, 4}, "-"));
      }
    case Region::kCo:
      switch (rng.Below(4)) {
        case 0:
          return Group(d, {3, 3, 4}, " ");
        case 1:
          return Group(d, {3, 3, 4}, "-");
        case 2:
          return absl::StrCat("(", d.substr(0, 3), ") ", d.substr(3, 3), " ",
                              d.substr(6));
        default:
          return Group(d, {3, 7}, " ");
      }
    case Region::kMx:
      if (d[0] == '5' || d[0] == '3' || d[0] == '8') {
        switch (rng.Below(3)) {
          case 0:
            return Group(d, {2, 4, 4}, " ");
          case 1:
            return absl::StrCat("(", d.substr(0, 2), ") ", d.substr(2, 4), "-",
                                d.substr(6));
          default:
            return Group(d, {2, 4, 4}, "-");
        }
      }
      return rng.Chance(0.5) ? Group(d, {3, 3, 4}, " ")
                             : absl::StrCat("(", d.substr(0, 3), ") ",
                                            d.substr(3, 3), " ", d.substr(6));
    case Region::kEs:
      if (d[0] == '9') {
        return rng.Chance(0.5) ? Group(d, {2, 3, 2, 2}, " ")
                               : Group(d, {3, 3, 3}, " ");
      }
      switch (rng.Below(3)) {
        case 0:
          return Group(d, {3, 3, 3}, " ");
        case 1:
          return Group(d, {3, 2, 2, 2}, " ");
        default:
          return Group(d, {3, 3, 3}, "-");
      }
  }
  return d;
}

}  // namespace

std::string FormatPhone(Region region, uint64_t nsn, PhoneStyle style, Rng& rng,
                        bool* national) {
  const std::string d = std::to_string(nsn);
  const char* cc = CountryCode(region);
  *national = false;
  // 00 is the international prefix in Spain and Mexico only: from the US or
  // Colombia a "00" number would not dial.
  if (style == PhoneStyle::kDialPrefix && region != Region::kEs &&
      region != Region::kMx) {
    style = PhoneStyle::kInternational;
  }
  const bool mx_mobile =
      region == Region::kMx && (d[0] == '5' || d[0] == '3' || d[0] == '8');
  switch (style) {
    case PhoneStyle::kE164:
      return absl::StrCat("+", cc, d);
    case PhoneStyle::kWhatsappDigits:
      // WhatsApp writes Mexican mobiles with the old mobile "1".
      if (mx_mobile && rng.Chance(0.5)) return absl::StrCat(cc, "1", d);
      return absl::StrCat(cc, d);
    case PhoneStyle::kInternational: {
      switch (rng.Below(4)) {
        case 0:
          return absl::StrCat("+", cc, " ", NationalGrouped(region, d, rng));
        case 1:
          return absl::StrCat("+", cc, "-", Group(d, {3, 3, 4}, "-"));
        case 2:
          if (mx_mobile) {
            return absl::StrCat("+52 1 ", NationalGrouped(region, d, rng));
          }
          return absl::StrCat("+", cc, " ", d);
        default:
          return absl::StrCat("(+", cc, ") ", NationalGrouped(region, d, rng));
      }
    }
    case PhoneStyle::kNational: {
      std::string s = NationalGrouped(region, d, rng);
      // "1-646-…" carries its own trunk prefix and still needs the region.
      *national = true;
      return s;
    }
    case PhoneStyle::kNationalPlain:
      *national = true;
      if (region == Region::kUs && rng.Chance(0.2)) return absl::StrCat("1", d);
      return d;
    case PhoneStyle::kDialPrefix:
      *national = true;  // "00" is read with the region's dialling rules
      switch (rng.Below(3)) {
        case 0:
          return absl::StrCat("00", cc, d);
        case 1:
          return absl::StrCat("00", cc, " ", NationalGrouped(region, d, rng));
        default:
          return absl::StrCat("00", cc, "-", Group(d, {3, 3, 4}, "-"));
      }
  }
  return absl::StrCat("+", cc, d);
}

PhoneStyle PhoneStyleFor(Region region, Channel channel, bool typed, Rng& rng) {
  const bool dial = region == Region::kEs || region == Region::kMx;
  if (typed) {
    static constexpr double w[] = {10, 25, 35, 15, 15};
    size_t i = rng.Weighted(w);
    if (i == 4 && !dial) i = 2;
    return static_cast<PhoneStyle>(i);
  }
  switch (channel) {
    case Channel::kWhatsapp:
      return rng.Chance(0.55) ? PhoneStyle::kWhatsappDigits : PhoneStyle::kE164;
    case Channel::kSms: {
      static constexpr double w[] = {55, 10, 15, 20};
      return static_cast<PhoneStyle>(rng.Weighted(w));
    }
    default: {
      static constexpr double w[] = {45, 10, 25, 15, 5};
      size_t i = rng.Weighted(w);
      if (i == 4 && !dial) i = 0;
      return static_cast<PhoneStyle>(i);
    }
  }
}

namespace {

// Capitalize each run of letters: "maria.lopez@gmail.com" →
// "Maria.Lopez@Gmail.Com", as some CRMs "tidy" addresses.
std::string TitleCase(const std::string& s) {
  std::string out = s;
  bool start = true;
  for (char& c : out) {
    if (absl::ascii_isalpha(static_cast<unsigned char>(c))) {
      if (start) c = absl::ascii_toupper(static_cast<unsigned char>(c));
      start = false;
    } else {
      start = true;
    }
  }
  return out;
}

std::string EmailVariant(const std::string& email, Rng& rng) {
  const uint64_t v = rng.Below(20);
  if (v < 11) return email;
  if (v < 14) return TitleCase(email);
  if (v < 15) return absl::AsciiStrToUpper(email);
  if (v < 18) return absl::StrCat(" ", email, " ");
  if (v < 19) return absl::StrCat(email, " ");
  // Only the first letter capitalised, as phones autocorrect it.
  std::string s = email;
  s[0] = absl::ascii_toupper(static_cast<unsigned char>(s[0]));
  return s;
}

std::string HandleVariant(const std::string& handle, bool at_usual, Rng& rng) {
  const uint64_t v = rng.Below(20);
  std::string h = handle;
  if (v >= 12 && v < 17) h = absl::AsciiStrToLower(handle);
  if (v == 17) h = absl::AsciiStrToUpper(handle);
  const bool at = at_usual ? !rng.Chance(0.3) : rng.Chance(0.3);
  return at ? absl::StrCat("@", h) : h;
}

std::string AccountVariant(const std::string& account, Rng& rng) {
  const std::string digits = account.substr(2);
  switch (rng.Below(10)) {
    case 0:
    case 1:
    case 2:
      return account;
    case 3:
    case 4:
      return absl::StrCat("AC-", digits);
    case 5:
      return absl::StrCat("ac", digits);
    case 6:
      return absl::StrCat("ac-", digits);
    case 7:
      return absl::StrCat("AC ", Group(digits, {3, 4}, " "));
    case 8:
      return absl::StrCat("Ac-", digits);
    default:
      return absl::StrCat("AC.", digits);
  }
}

}  // namespace

Identity FormatAddress(const Profile& p, int slot, Channel channel, bool typed,
                       Rng& rng, bool* national) {
  *national = false;
  switch (slot) {
    case kMobile:
    case kLandline: {
      const uint64_t nsn = slot == kMobile ? p.mobile : p.landline;
      const bool whatsapp = channel == Channel::kWhatsapp && !typed;
      PhoneStyle style = PhoneStyleFor(p.region, channel, typed, rng);
      return Identity{whatsapp ? IdentityKind::kWhatsapp : IdentityKind::kPhone,
                      FormatPhone(p.region, nsn, style, rng, national)};
    }
    case kEmail:
      return Identity{IdentityKind::kEmail, EmailVariant(p.email, rng)};
    case kWorkEmail:
      return Identity{IdentityKind::kEmail, EmailVariant(p.work_email, rng)};
    case kTwitter:
      return Identity{IdentityKind::kTwitter,
                      HandleVariant(p.twitter, true, rng)};
    case kInstagram:
      return Identity{IdentityKind::kInstagram,
                      HandleVariant(p.instagram, false, rng)};
    case kFacebook: {
      const bool numeric =
          absl::ascii_isdigit(static_cast<unsigned char>(p.facebook[0]));
      return Identity{
          IdentityKind::kFacebook,
          numeric ? p.facebook : HandleVariant(p.facebook, false, rng)};
    }
    case kAccount:
      return Identity{IdentityKind::kAccount, AccountVariant(p.account, rng)};
    case kWithheld: {
      static constexpr const char* kWithheldIds[] = {"anonymous", "Unknown",
                                                     "Restricted", "PRIVATE"};
      return Identity{IdentityKind::kPhone, rng.Pick(kWithheldIds)};
    }
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      const uint64_t v = Mix64(p.visitor_base + static_cast<uint64_t>(slot));
      std::string id = "v-";
      for (int shift = 60; shift >= 0; shift -= 4) {
        id.push_back(kHex[(v >> shift) & 0xF]);
      }
      return Identity{IdentityKind::kChatVisitor, std::move(id)};
    }
  }
}

std::string TypedAddress(const Profile& p, int slot, bool international,
                         Rng& rng) {
  switch (slot) {
    case kMobile:
    case kLandline: {
      bool national = false;
      PhoneStyle style =
          international
              ? (rng.Chance(0.6) ? PhoneStyle::kInternational
                                 : PhoneStyle::kE164)
              : PhoneStyleFor(p.region, Channel::kUnspecified, true, rng);
      return FormatPhone(p.region, slot == kMobile ? p.mobile : p.landline,
                         style, rng, &national);
    }
    case kEmail:
      return rng.Chance(0.85) ? p.email : TitleCase(p.email);
    case kWorkEmail:
      return p.work_email;
    case kTwitter:
      return absl::StrCat(
          "@", rng.Chance(0.8) ? p.twitter : absl::AsciiStrToLower(p.twitter));
    case kInstagram:
      return absl::StrCat("@", p.instagram);
    case kAccount:
      return AccountVariant(p.account, rng);
    default:
      return "";
  }
}

std::string HotlineE164(Region region) {
  switch (region) {
    case Region::kUs:
      return "+18005550199";
    case Region::kCo:
      return "+5718000555019";
    case Region::kMx:
      return "+528005550199";
    case Region::kEs:
      return "+34900550199";
  }
  return "+18005550199";
}

std::string HotlineAsQuoted(Region region, Rng& rng) {
  switch (region) {
    case Region::kUs: {
      static constexpr const char* k[] = {"1-800-555-0199", "800-555-0199",
                                          "(800) 555-0199", "+1 800 555 0199",
                                          "1 800 555 0199", "18005550199"};
      return rng.Pick(k);
    }
    case Region::kCo: {
      static constexpr const char* k[] = {"01 8000 555 019", "018000555019",
                                          "01-8000-555019", "018000 555019"};
      return rng.Pick(k);
    }
    case Region::kMx: {
      static constexpr const char* k[] = {"800 555 0199", "800-555-0199",
                                          "+52 800 555 0199", "8005550199"};
      return rng.Pick(k);
    }
    case Region::kEs: {
      static constexpr const char* k[] = {"900 55 01 99", "900 550 199",
                                          "900550199", "+34 900 550 199"};
      return rng.Pick(k);
    }
  }
  return "1-800-555-0199";
}

}  // namespace threadline::sim
