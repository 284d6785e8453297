#include "sim/people.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "sim/text_util.h"

namespace threadline::sim {
namespace {

// Streams: every attribute family draws from its own hash of (seed, person),
// so a household or a namesake can read another person's attribute without
// generating the rest of them.
enum Stream : uint64_t {
  kTraitsStream = 101,
  kHouseholdStream = 102,
  kNamesakeStream = 103,
  kProfileStream = 104,
  kFamilyNameStream = 105,
  kSocialStream = 107,
};

constexpr double kHouseholdJoinShare = 0.025;  // joins the previous person
constexpr double kNamesakeShare = 0.012;       // takes the previous name

constexpr const char* kEnFemale[] = {
    "Olivia",    "Emma",     "Ava",      "Sophia",   "Isabella", "Mia",
    "Charlotte", "Amelia",   "Harper",   "Evelyn",   "Abigail",  "Emily",
    "Elizabeth", "Madison",  "Avery",    "Ella",     "Scarlett", "Grace",
    "Chloe",     "Victoria", "Riley",    "Aria",     "Lily",     "Zoey",
    "Hannah",    "Layla",    "Nora",     "Lillian",  "Natalie",  "Leah",
    "Hazel",     "Violet",   "Audrey",   "Brooklyn", "Claire",   "Lucy",
    "Anna",      "Caroline", "Samantha", "Maya",     "Jennifer", "Jessica",
    "Ashley",    "Megan",    "Rachel",   "Laura",    "Karen",    "Susan",
    "Linda",     "Nicole",   "Heather",  "Brittany", "Kayla",    "Tiffany"};
constexpr const char* kEnMale[] = {
    "Liam",   "Noah",        "William", "James",  "Oliver",    "Benjamin",
    "Elijah", "Lucas",       "Mason",   "Logan",  "Alexander", "Ethan",
    "Jacob",  "Michael",     "Daniel",  "Henry",  "Jackson",   "Sebastian",
    "Aiden",  "Matthew",     "Samuel",  "David",  "Joseph",    "Carter",
    "Owen",   "Wyatt",       "John",    "Jack",   "Luke",      "Dylan",
    "Levi",   "Isaac",       "Gabriel", "Julian", "Anthony",   "Lincoln",
    "Joshua", "Christopher", "Andrew",  "Caleb",  "Ryan",      "Nathan",
    "Thomas", "Leo",         "Robert",  "Kevin",  "Brian",     "Mark",
    "Steven", "Paul",        "Eric",    "Tyler",  "Jason",     "Justin"};
constexpr const char* kEnLast[] = {
    "Smith",    "Johnson",  "Williams",   "Brown",     "Jones",   "Miller",
    "Davis",    "Wilson",   "Anderson",   "Taylor",    "Thomas",  "Moore",
    "Martin",   "Jackson",  "Thompson",   "White",     "Harris",  "Clark",
    "Lewis",    "Robinson", "Walker",     "Young",     "Allen",   "King",
    "Wright",   "Scott",    "Hill",       "Green",     "Adams",   "Baker",
    "Nelson",   "Carter",   "Mitchell",   "Roberts",   "Turner",  "Phillips",
    "Campbell", "Parker",   "Evans",      "Edwards",   "Collins", "Stewart",
    "Morris",   "Murphy",   "Cook",       "Rogers",    "Morgan",  "Peterson",
    "Cooper",   "Reed",     "Bailey",     "Bell",      "Kelly",   "Howard",
    "Ward",     "Cox",      "Richardson", "Wood",      "Watson",  "Brooks",
    "Bennett",  "Gray",     "Hughes",     "Price",     "Sanders", "Myers",
    "Long",     "Ross",     "Foster",     "Powell",    "Jenkins", "Perry",
    "Russell",  "Sullivan", "Fisher",     "Henderson", "Coleman", "Patterson",
    "Jordan",   "Graham",   "Reynolds",   "Hamilton",  "Ford",    "Wallace",
    "O'Brien",  "McCarthy", "Hayes",      "Bryant",    "Gibson",  "Ellis"};
constexpr const char* kEsFemale[] = {
    "María",   "Lucía",    "Sofía",     "Valentina", "Camila",   "Isabella",
    "Mariana", "Gabriela", "Daniela",   "Paula",     "Laura",    "Andrea",
    "Natalia", "Carolina", "Alejandra", "Fernanda",  "Juliana",  "Ana",
    "Carmen",  "Elena",    "Marta",     "Sara",      "Claudia",  "Patricia",
    "Rosa",    "Verónica", "Adriana",   "Diana",     "Paola",    "Ximena",
    "Renata",  "Regina",   "Luciana",   "Antonia",   "Catalina", "Manuela",
    "Jimena",  "Alba",     "Noelia",    "Irene",     "Beatriz",  "Lorena",
    "Silvia",  "Mónica",   "Gloria",    "Teresa",    "Pilar",    "Inés",
    "Raquel",  "Nuria",    "Yolanda",   "Guadalupe", "Luz",      "Ángela"};
constexpr const char* kEsMale[] = {
    "José",     "Juan",     "Luis",      "Carlos",    "Jorge",   "Miguel",
    "Andrés",   "Santiago", "Sebastián", "Mateo",     "Nicolás", "Alejandro",
    "Diego",    "Daniel",   "Javier",    "David",     "Felipe",  "Gabriel",
    "Fernando", "Ricardo",  "Eduardo",   "Francisco", "Antonio", "Manuel",
    "Pablo",    "Sergio",   "Rafael",    "Álvaro",    "Adrián",  "Hugo",
    "Iván",     "Óscar",    "Rubén",     "Emilio",    "Julián",  "Esteban",
    "Camilo",   "Mauricio", "Héctor",    "Raúl",      "Gustavo", "Jesús",
    "Alberto",  "Ramón",    "Enrique",   "Tomás",     "Martín",  "Joaquín",
    "Ignacio",  "Emiliano", "Leonardo",  "Rodrigo",   "Arturo",  "Víctor"};
constexpr const char* kEsLast[] = {
    "García",    "Rodríguez", "Martínez", "López",     "González",  "Hernández",
    "Pérez",     "Sánchez",   "Ramírez",  "Torres",    "Flores",    "Rivera",
    "Gómez",     "Díaz",      "Reyes",    "Morales",   "Cruz",      "Ortiz",
    "Gutiérrez", "Chávez",    "Ramos",    "Ruiz",      "Jiménez",   "Vargas",
    "Castillo",  "Moreno",    "Romero",   "Álvarez",   "Mendoza",   "Herrera",
    "Medina",    "Aguilar",   "Castro",   "Vásquez",   "Fernández", "Muñoz",
    "Rojas",     "Silva",     "Suárez",   "Ortega",    "Delgado",   "Guerrero",
    "Navarro",   "Molina",    "Cabrera",  "Cárdenas",  "Salazar",   "Ríos",
    "Peña",      "Cortés",    "Soto",     "Contreras", "Luna",      "Sandoval",
    "Acosta",    "Osorio",    "Valencia", "Restrepo",  "Ospina",    "Zapata",
    "Cano",      "Marín",     "Quintero", "Giraldo",   "Serrano",   "Blanco",
    "Iglesias",  "Rubio",     "Nieto",    "Domínguez", "Vega",      "Campos",
    "Prieto",    "Calvo",     "Gallego",  "Pastor",    "Santos",    "Lozano",
    "Márquez",   "Bravo",     "Ibáñez",   "Carrasco",  "Fuentes",   "Arango"};

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

struct Traits {
  Region region = Region::kUs;
  Lang lang = Lang::kEn;
  bool bilingual = false;
  bool female = false;
  const char* first = "";
  const char* last = "";
  const char* second_last = "";
};

// Traits: what person j is on their own (before households and namesakes).
Traits TraitsOf(uint64_t seed, uint32_t j) {
  Rng r(HashOf(seed, j, kTraitsStream));
  Traits t;
  static constexpr double kRegionWeight[] = {46, 20, 18, 16};
  t.region = static_cast<Region>(r.Weighted(kRegionWeight));
  if (t.region == Region::kUs) {
    t.lang = r.Chance(0.18) ? Lang::kEs : Lang::kEn;
    t.bilingual = t.lang == Lang::kEs && r.Chance(0.5);
  } else {
    // A few English speakers living abroad.
    t.lang = r.Chance(0.03) ? Lang::kEn : Lang::kEs;
  }
  t.female = r.Chance(0.5);
  if (t.lang == Lang::kEn) {
    t.first = t.female ? r.Pick(kEnFemale) : r.Pick(kEnMale);
    t.last = r.Pick(kEnLast);
  } else {
    t.first = t.female ? r.Pick(kEsFemale) : r.Pick(kEsMale);
    t.last = r.Pick(kEsLast);
    t.second_last = r.Pick(kEsLast);
  }
  return t;
}

bool RawJoin(uint64_t seed, int64_t j) {
  return j > 0 && UnitOf(HashOf(seed, static_cast<uint64_t>(j),
                                kHouseholdStream)) < kHouseholdJoinShare;
}

// Joins(i): person i lives with person i - 1. Households stop at three
// people: a join is refused after two in a row, which keeps Joins a
// function of three neighbours.
bool Joins(uint64_t seed, int64_t i, int64_t customers) {
  if (i <= 0 || i >= customers) return false;
  return RawJoin(seed, i) && !(RawJoin(seed, i - 1) && RawJoin(seed, i - 2));
}

uint32_t HeadOf(uint64_t seed, uint32_t i, int64_t customers) {
  uint32_t h = i;
  while (Joins(seed, h, customers)) --h;
  return h;
}

// Namesake(i): person i has the same name as person i - 1 (never chained,
// never inside a household, where the shared surname is the point).
bool RawNamesake(uint64_t seed, int64_t j) {
  return j > 0 && UnitOf(HashOf(seed, static_cast<uint64_t>(j),
                                kNamesakeStream)) < kNamesakeShare;
}

// Effective traits of j: a household member takes the head's region and
// (mostly) surname.
Traits EffectiveTraits(uint64_t seed, uint32_t j, int64_t customers) {
  Traits t = TraitsOf(seed, j);
  const uint32_t head = HeadOf(seed, j, customers);
  if (head != j) {
    const Traits h = TraitsOf(seed, head);
    t.region = h.region;
    if (t.lang != h.lang && !(h.region == Region::kUs)) t.lang = h.lang;
    Rng r(HashOf(seed, j, kFamilyNameStream));
    if (r.Chance(0.8)) {
      t.last = h.last;
      t.second_last = h.second_last;
      if (t.lang != h.lang) t.lang = h.lang;
      if (t.lang == Lang::kEs && h.lang == Lang::kEs && t.second_last[0] == 0) {
        t.second_last = h.second_last;
      }
      // Keep the first name in the household's language.
      if (t.lang == Lang::kEn) {
        t.first = t.female ? r.Pick(kEnFemale) : r.Pick(kEnMale);
      } else {
        t.first = t.female ? r.Pick(kEsFemale) : r.Pick(kEsMale);
      }
    }
  }
  return t;
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

// ResolvedTraits: traits after households and namesakes; sets *head and
// *namesake.
Traits ResolvedTraits(uint64_t seed, uint32_t index, int64_t customers,
                      uint32_t* head, bool* namesake) {
  Traits t = EffectiveTraits(seed, index, customers);
  *head = HeadOf(seed, index, customers);
  // Never inside a household: its members read the head's own traits.
  *namesake = *head == index && RawNamesake(seed, index) &&
              !RawNamesake(seed, static_cast<int64_t>(index) - 1) &&
              !Joins(seed, static_cast<int64_t>(index) + 1, customers);
  if (*namesake) t = EffectiveTraits(seed, index - 1, customers);
  return t;
}

}  // namespace

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
