// The simulated people: who they are, which addresses they have, and how
// those addresses are written when they reach a contact centre.
//
// A person is a pure function of (seed, index): nothing is stored per person,
// so a million people cost no memory until their interactions are written.
// Every address is unique to its person (handed out through bijections of
// the index), except the landline a household shares, which is the trap.
#ifndef THREADLINE_SRC_SIM_PEOPLE_H_
#define THREADLINE_SRC_SIM_PEOPLE_H_

#include <cstdint>
#include <string>

#include "sim/rng.h"
#include "threadline/types.h"

namespace threadline::sim {

enum class Region : uint8_t { kUs = 0, kCo = 1, kMx = 2, kEs = 3 };
inline constexpr int kRegionCount = 4;
const char* RegionCode(Region region);  // "US", "CO", "MX", "ES"

enum class Lang : uint8_t { kEn = 0, kEs = 1 };
inline const char* LangCode(Lang lang) {
  return lang == Lang::kEn ? "en" : "es";
}

// Slot: one address of a person. A WhatsApp id is the mobile number, so it
// has no slot of its own. Chat visitor ids are one per browser.
enum Slot : uint8_t {
  kMobile = 0,
  kLandline = 1,
  kEmail = 2,
  kWorkEmail = 3,
  kTwitter = 4,
  kInstagram = 5,
  kFacebook = 6,
  kAccount = 7,
  kFirstVisitor = 8,  // kFirstVisitor + browser, up to kMaxVisitors
  kWithheld = 15,     // a call with the caller id withheld: no address
};
inline constexpr int kSlotCount = 16;
inline constexpr int kMaxVisitors = 6;
inline constexpr uint16_t SlotBit(int slot) {
  return static_cast<uint16_t>(1u << slot);
}

// Linker: how readily a person ties their channels together (gives an email
// on a call, writes a phone number into a message, fills the chat form).
enum class Linker : uint8_t { kSiloed, kReluctant, kNormal, kEager };

// The channels a person may use, in the order of Profile::channel_weight.
inline constexpr Channel kPersonChannels[] = {
    Channel::kVoice,    Channel::kSms,       Channel::kWhatsapp,
    Channel::kEmail,    Channel::kWebChat,   Channel::kTwitter,
    Channel::kFacebook, Channel::kInstagram, Channel::kWebForm};
inline constexpr int kPersonChannelCount = 9;

struct Profile {
  uint32_t index = 0;
  Region region = Region::kUs;
  Lang lang = Lang::kEn;
  // US Spanish speakers write English now and then.
  bool bilingual = false;
  bool female = false;
  // Names as the person writes them (accents kept) and folded to ASCII for
  // addresses.
  std::string first, last, second_last;
  std::string first_ascii, last_ascii;
  bool namesake = false;  // took the name of the person before them

  // Household: the index of the person whose landline this person shares;
  // equal to `index` for the head of a household (or someone alone).
  uint32_t household_head = 0;
  bool shares_landline = false;  // a household of two or more, landline set

  // National significant numbers (0 when the person has none).
  uint64_t mobile = 0;
  uint64_t landline = 0;
  bool whatsapp = false;

  // Addresses in their natural form; formatting variants are applied per
  // interaction (FormatAddress).
  std::string email, work_email;
  std::string twitter;    // natural case, no "@"
  std::string instagram;  // lower case, no "@"
  std::string facebook;   // numeric id or user name
  std::string account;    // "AC1234567"
  int visitors = 1;       // browsers the person chats from
  uint64_t visitor_base = 0;

  Linker linker = Linker::kNormal;
  // How much this person likes each of kPersonChannels (0: cannot use it).
  double channel_weight[kPersonChannelCount] = {};

  uint16_t has = 0;  // slot bits of the addresses the person has
  bool Has(int slot) const { return (has >> slot) & 1; }
};

// BuildProfile: the person `index` of a simulation with `customers` people.
// `siloed_share` is the share of people who never link their channels.
void BuildProfile(uint64_t seed, uint32_t index, int64_t customers,
                  double siloed_share, Profile* out);

// RegionOf: where person `index` lives (what BuildProfile would say), without
// building the rest of the profile.
Region RegionOf(uint64_t seed, uint32_t index, int64_t customers);

// SocialOf: which social networks person `index` is on (what BuildProfile
// would say), without building the profile: outage complaints come mostly
// from people who post.
struct Social {
  bool twitter = false;
  bool facebook = false;
  bool instagram = false;
};
Social SocialOf(uint64_t seed, uint32_t index, Region region);

// UtcOffsetSeconds: the person's time zone in January (US people spread over
// four zones).
int32_t UtcOffsetSeconds(uint64_t seed, uint32_t index, Region region);

// DisplayName: the name a person shows on a channel, in one of its many
// forms ("María López", "maria lopez", "Maria L.", "MARIA").
std::string DisplayName(const Profile& p, Rng& rng, bool messy);

// PhoneStyle: how a phone number is written.
enum class PhoneStyle : uint8_t {
  kE164,            // +573001234567
  kInternational,   // +57 300 123 4567, +1-646-555-0134
  kNational,        // (646) 555-0134, 300 123 4567, 612 34 56 78
  kNationalPlain,   // 6465550134
  kDialPrefix,      // 0034 612 345 678 (00 + country code; ES and MX only)
  kWhatsappDigits,  // 573001234567 (international digits, no plus)
};

// FormatPhone: `nsn` of `region` written in `style` with a random variant
// of its punctuation. Sets *national when the result needs the region to be
// read.
std::string FormatPhone(Region region, uint64_t nsn, PhoneStyle style, Rng& rng,
                        bool* national);

// PhoneStyleFor: a style typical for a value seen on `channel` (caller ids
// are mostly E.164, people type national numbers, WhatsApp ids are digits).
PhoneStyle PhoneStyleFor(Region region, Channel channel, bool typed, Rng& rng);

// FormatAddress: the raw value of a slot as a host hands it over: emails in
// any letter case with stray spaces, handles with or without "@", account
// numbers with or without separators. Phones use PhoneStyleFor(channel).
// Sets *national when the value is a national phone number.
Identity FormatAddress(const Profile& p, int slot, Channel channel, bool typed,
                       Rng& rng, bool* national);

// TypedAddress: how a customer writes their own address into a message
// ("maria.lopez88@gmail.com", "@MariaLopez88", "300 123 4567").
// `international` asks for a phone number a reader can dial from anywhere.
std::string TypedAddress(const Profile& p, int slot, bool international,
                         Rng& rng);

// The brand's hotline in each region, E.164, and written as customers quote
// it.
std::string HotlineE164(Region region);
std::string HotlineAsQuoted(Region region, Rng& rng);

}  // namespace threadline::sim

#endif  // THREADLINE_SRC_SIM_PEOPLE_H_
