// Traits: the names people are given, by language and sex, and who lives
// with whom: households of up to three that share a landline, and
// namesakes.
#include "sim/traits.h"

#include <cstdint>

#include "sim/people.h"
#include "sim/rng.h"

namespace threadline::sim {
namespace people_internal {
namespace {

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

}  // namespace

bool Joins(uint64_t seed, int64_t i, int64_t customers) {
  if (i <= 0 || i >= customers) return false;
  return RawJoin(seed, i) && !(RawJoin(seed, i - 1) && RawJoin(seed, i - 2));
}

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

}  // namespace people_internal
}  // namespace threadline::sim
