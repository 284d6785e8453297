// The word classes behind Terms: function words and contact talk to drop in
// English and Spanish, and the concepts of customer care on which the two
// languages (and common synonyms) meet. Words are as the tokenizer folds
// them: lower-case ASCII without accents.
#include <cstdlib>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "listening/terms.h"
#include "text/hash_filter.h"
#include "text/hash_table.h"
#include "text/tokenizer.h"

namespace threadline::listening {
namespace {

// Function words, fillers, and talk about reaching the brand ("I already
// called twice", "you can reach me at", "my email is"): present in any
// grievance, they tell none apart.
constexpr std::string_view kDropped[] = {
    // English
    "a", "about", "after", "again", "all", "already", "also", "am", "an",
    "and", "any", "anyone", "are", "as", "at", "be", "been", "before", "but",
    "by", "can", "could", "did", "do", "does", "doing", "for", "from", "get",
    "got", "had", "has", "have", "hello", "hey", "hi", "how", "i", "im",
    "i'm", "if", "in", "into", "is", "it", "it's", "its", "just", "me", "my",
    "now", "of", "on", "or", "our", "please", "pls", "so", "some", "still",
    "than", "that", "the", "their", "them", "then", "there", "this", "to",
    "too", "up", "us", "was", "we", "were", "what", "when", "where", "which",
    "who", "why", "will", "with", "would", "you", "your", "yours", "thanks",
    "thank", "team", "guys", "yet", "here", "very", "really", "one", "two",
    "twice", "three", "times", "time", "someone", "anybody", "somebody",
    "called", "call", "calling", "calls", "wrote", "write", "writing",
    "message", "messages", "reach", "email", "mail", "phone", "number",
    "twitter", "dm", "whatsapp", "facebook", "instagram", "chat", "following",
    "follow", "earlier", "previous", "same", "update", "any", "news",
    "contact", "contacted", "reply", "answer", "hear", "back",
    // Spanish
    "al", "algo", "alguien", "alguna", "alguno", "ante", "aqui", "asi",
    "aun", "como", "con", "cual", "cuando", "de", "del", "desde", "donde",
    "el", "ella", "en", "es", "esa", "ese", "eso", "esta", "estan", "estas",
    "este", "esto", "fue", "ha", "han", "hay", "he", "hola", "la", "las",
    "le", "les", "lo", "los", "me", "mi", "mis", "muy", "nos", "o", "otra",
    "otro", "para", "pero", "por", "porque", "que", "se", "ser", "si", "sin",
    "sobre", "son", "su", "sus", "te", "tengo", "tiene", "todo", "todos",
    "tu", "un", "una", "uno", "unos", "vez", "veces", "y", "ya", "yo",
    "gracias", "favor", "dos", "tres", "llame", "llamar", "llamado",
    "llamada", "llamadas", "llamo", "escribi", "escribo", "escribir",
    "mensaje", "mensajes", "correo", "numero", "telefono", "contactado",
    "contactar", "seguimiento", "hago", "anterior", "novedad", "pueden",
    "puede", "habia", "los", "respuesta", "mismo", "misma", "sigo", "sigue",
    "aca", "hoy",
};

// Spanish words and English synonyms → one English concept.
constexpr std::pair<std::string_view, std::string_view> kConcepts[] = {
    // service and connection
    {"servicio", "service"}, {"internet", "internet"}, {"wifi", "internet"},
    {"red", "network"}, {"conexion", "connection"},
    {"connectivity", "connection"}, {"conectar", "connection"},
    {"connect", "connection"}, {"connected", "connection"},
    {"senal", "signal"}, {"senial", "signal"}, {"cobertura", "signal"},
    {"coverage", "signal"}, {"modem", "router"}, {"enrutador", "router"},
    {"outage", "down"}, {"caido", "down"}, {"caida", "down"},
    {"cayo", "down"}, {"cae", "down"}, {"falla", "down"}, {"fallo", "down"},
    {"averia", "down"}, {"interrupcion", "down"}, {"corte", "down"},
    {"offline", "down"}, {"out", "down"}, {"dead", "down"}, {"caidos", "down"},
    {"caidas", "down"}, {"lost", "down"}, {"perdi", "down"},
    {"conecta", "connection"}, {"connects", "connection"}, {"zona", "area"}, {"barrio", "area"},
    {"neighborhood", "area"}, {"sector", "area"}, {"lento", "slow"},
    {"lenta", "slow"}, {"carga", "load"}, {"cargar", "load"},
    {"loading", "load"}, {"loads", "load"}, {"nada", "nothing"},
    {"manana", "morning"}, {"horas", "hour"}, {"hora", "hour"},
    {"hours", "hour"}, {"dias", "day"}, {"dia", "day"}, {"days", "day"},
    {"funciona", "work"}, {"funcionar", "work"}, {"working", "work"},
    {"works", "work"}, {"anda", "work"}, {"television", "tv"},
    {"canales", "channel"}, {"canal", "channel"}, {"llamadas", "call"},
    {"datos", "data"}, {"movil", "mobile"}, {"celular", "mobile"},
    {"cell", "mobile"}, {"linea", "line"},
    // money
    {"factura", "bill"}, {"invoice", "bill"}, {"cobro", "charge"},
    {"cobraron", "charge"}, {"cobran", "charge"}, {"cargo", "charge"},
    {"charged", "charge"}, {"charges", "charge"}, {"doble", "double"},
    {"pago", "payment"}, {"pagar", "payment"}, {"pay", "payment"},
    {"paid", "payment"}, {"pague", "payment"}, {"tarjeta", "card"},
    {"reembolso", "refund"}, {"devolucion", "refund"},
    {"reintegro", "refund"}, {"refunded", "refund"}, {"dinero", "money"},
    {"precio", "price"}, {"tarifa", "price"}, {"fee", "price"},
    {"plan", "plan"}, {"paquete", "plan"}, {"package", "plan"},
    // orders
    {"pedido", "order"}, {"orden", "order"}, {"compra", "order"},
    {"envio", "delivery"}, {"entrega", "delivery"}, {"shipping", "delivery"},
    {"shipment", "delivery"}, {"delivered", "delivery"},
    {"llego", "arrive"}, {"llegado", "arrive"}, {"arrived", "arrive"},
    {"producto", "product"}, {"item", "product"}, {"articulo", "product"},
    // access and devices
    {"cuenta", "account"}, {"contrasena", "password"},
    {"clave", "password"}, {"acceso", "access"}, {"ingresar", "login"},
    {"entrar", "login"}, {"sesion", "login"}, {"log", "login"},
    {"bloqueada", "locked"}, {"bloqueado", "locked"},
    {"aplicacion", "app"}, {"application", "app"}, {"pagina", "website"},
    {"web", "website"}, {"site", "website"}, {"equipo", "device"},
    {"dispositivo", "device"}, {"telefono", "device"},
    {"roto", "broken"}, {"rota", "broken"}, {"danado", "broken"},
    {"broke", "broken"}, {"pantalla", "screen"}, {"bateria", "battery"},
    {"tecnico", "technician"}, {"tech", "technician"}, {"cita", "appointment"},
    {"visita", "appointment"}, {"cancelar", "cancel"},
    {"cancelacion", "cancel"}, {"cancellation", "cancel"},
    {"baja", "cancel"}, {"fraude", "fraud"}, {"robo", "fraud"},
    {"hackeada", "hacked"}, {"hackeado", "hacked"},
    // how it feels
    {"otravez", "again"}, {"nunca", "never"}, {"siempre", "always"},
    {"problema", "problem"}, {"issue", "problem"}, {"issues", "problem"},
    {"error", "error"}, {"fallando", "failing"}, {"failed", "failing"},
    {"fails", "failing"},
};

// A word of the tables: dropped, or the hash of its concept.
struct Known {
  std::string_view word;
  bool dropped;
  uint64_t concept_hash;
};

// The tables by word hash. A hit is confirmed by comparing the word, so a
// word outside the tables whose hash happens to match one inside is still
// read as itself. (No two words of the tables share a hash: checked when
// built.)
struct Tables {
  std::vector<Known> known;
  text::HashIndex index;
  // The known words' hashes: most words of a message are not in the
  // tables, and this tells so with one load.
  text::HashFilter<15> filter;
};

const Tables& GetTables() {
  static const Tables* const kTables = [] {
    auto* t = new Tables;
    absl::flat_hash_map<std::string_view, size_t> seen;
    // A dropped word stays dropped even if it names a concept too, and the
    // first concept written for a word is its concept.
    for (std::string_view w : kDropped) {
      if (seen.emplace(w, t->known.size()).second) {
        t->known.push_back({w, true, 0});
      }
    }
    for (const auto& [word, concept_word] : kConcepts) {
      if (seen.emplace(word, t->known.size()).second) {
        t->known.push_back({word, false, text::HashWord(concept_word)});
      }
    }
    std::vector<std::pair<uint64_t, uint32_t>> entries;
    absl::flat_hash_set<uint64_t> hashes;
    for (size_t i = 0; i < t->known.size(); ++i) {
      const uint64_t h = text::HashWord(t->known[i].word);
      if (!hashes.insert(h == 0 ? 1 : h).second) std::abort();
      entries.emplace_back(h, static_cast<uint32_t>(i));
      t->filter.Add(h);
    }
    t->index = text::HashIndex(entries);
    return t;
  }();
  return *kTables;
}

// The known word `word[0, size)` whose hash is `hash`, or null.
inline const Known* Find(const Tables& t, const char* word, int size,
                         uint64_t hash) {
  if (!t.filter.MayContain(hash)) return nullptr;
  const uint32_t i = t.index.Find(hash);
  if (i == text::HashIndex::kMissing) return nullptr;
  const Known& k = t.known[i];
  if (k.word.size() != static_cast<size_t>(size)) return nullptr;
  // Words are short: a loop beats a call to memcmp.
  for (int j = 0; j < size; ++j) {
    if (k.word[j] != word[j]) return nullptr;
  }
  return &k;
}

// The concept a folded word (`size` letters, prefix[i] the hash of its first
// i + 1) stands for, as the hash of its text (its own when it names none):
// sets *concept_hash and returns true, or returns false for a word to drop.
// `listed`: the word may be one of the tables (else the caller knows it is
// none, and it is not looked up).
inline bool ContentConcept(const char* word, int size, const uint64_t* prefix,
                           uint64_t* concept_hash, bool listed = true) {
  const Tables& t = GetTables();
  if (size < 2) return false;
  if (const Known* k = listed ? Find(t, word, size, prefix[size - 1]) : nullptr;
      k != nullptr) {
    if (k->dropped) return false;
    *concept_hash = k->concept_hash;
    return true;
  }
  // Plurals meet their singular: "routers", "conexiones", "senales".
  const char before = word[size - 2];
  if (size >= 5 && word[size - 1] == 's' && before != 's' && before != 'u' &&
      before != 'i') {
    for (int cut : {1, 2}) {
      const int n = size - cut;
      if (const Known* k = Find(t, word, n, prefix[n - 1]); k != nullptr) {
        if (k->dropped) return false;
        *concept_hash = k->concept_hash;
        return true;
      }
    }
    *concept_hash = prefix[size - 2];
    return true;
  }
  *concept_hash = prefix[size - 1];
  return true;
}

}  // namespace

bool ContentWordReader::ReadWord(const char* word, int size,
                                 const uint64_t* prefix, uint64_t* concept) {
  return ContentConcept(word, size, prefix, concept);
}

bool ContentWordReader::ReadUnlistedWord(const char* word, int size,
                                         const uint64_t* prefix,
                                         uint64_t* concept) {
  return ContentConcept(word, size, prefix, concept, /*listed=*/false);
}

std::vector<std::string_view> ContentWordReader::TableWords() {
  std::vector<std::string_view> words;
  for (const Known& k : GetTables().known) words.push_back(k.word);
  return words;
}

// Here, beside the tables, so that the look-up is inlined into it.
void ContentWordReader::AddWord(const text::Token& token) {
  // The word as read, with the tokenizer's prefix hashes; a stretched one
  // ("sooo") collapsed and hashed anew. One call site keeps the look-up
  // inlined.
  const char* word = token.text;
  int size = token.size;
  const uint64_t* prefix = token.prefix_hash;
  char collapsed[text::kMaxWordBytes];
  uint64_t hashes[text::kMaxWordBytes];
  if (token.elongated) {
    size = text::CollapseElongation(token, collapsed);
    text::PrefixHashes(collapsed, static_cast<size_t>(size), hashes);
    word = collapsed;
    prefix = hashes;
  }
  if (ContentConcept(word, size, prefix, &words_[n_])) ++n_;
}

}  // namespace threadline::listening
