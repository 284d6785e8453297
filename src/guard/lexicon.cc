#include "guard/lexicon.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"
#include "guard/text.h"

namespace threadline::guard_internal {
namespace {

constexpr WordClass P = WordClass::kProfanity;
constexpr WordClass I = WordClass::kInsult;
constexpr Language EN = Language::kEnglish;
constexpr Language ES = Language::kSpanish;

// Words a brand never writes to a customer. Ambiguous words are left out
// when their innocent sense is common in customer care: "hell" (Hell's
// Kitchen), "cock" and "dick" (a rooster, a surname), "hostia" (the host),
// "polla", "coger", "concha" and "pito" (everyday words in one country and
// vulgar in another), "pendiente" is simply a different word. Words that
// insult only when aimed at someone ("useless", "inútil", "retrasado", which
// also means "delayed") are kAddressed.
constexpr LexiconEntry kEntries[] = {
    // English profanity.
    {"fuck", P, EN, kPrefix},
    {"motherfuck", P, EN, kPrefix},
    {"mofo", P, EN, 0},
    {"fck", P, EN, kPrefix},
    {"fuk", P, EN, 0},
    {"fuking", P, EN, 0},
    {"fukin", P, EN, 0},
    {"fkn", P, EN, 0},
    {"fking", P, EN, 0},
    {"fkin", P, EN, 0},
    {"effing", P, EN, 0},
    {"wtf", P, EN, 0},
    {"stfu", P, EN, 0},
    {"ffs", P, EN, 0},
    {"omfg", P, EN, 0},
    {"shit", P, EN, 0},
    {"shits", P, EN, 0},
    {"shitty", P, EN, 0},
    {"shitting", P, EN, 0},
    {"shitted", P, EN, 0},
    {"shite", P, EN, 0},
    {"shitshow", P, EN, 0},
    {"shitstorm", P, EN, 0},
    {"shitload", P, EN, 0},
    {"shitloads", P, EN, 0},
    {"bullshit", P, EN, 0},
    {"horseshit", P, EN, 0},
    {"apeshit", P, EN, 0},
    {"batshit", P, EN, 0},
    {"damn", P, EN, 0},
    {"damned", P, EN, 0},
    {"dammit", P, EN, 0},
    {"damnit", P, EN, 0},
    {"goddamn", P, EN, 0},
    {"goddamned", P, EN, 0},
    {"goddammit", P, EN, 0},
    {"crap", P, EN, 0},
    {"crappy", P, EN, 0},
    {"bitch", P, EN, 0},
    {"bitches", P, EN, 0},
    {"bitchy", P, EN, 0},
    {"bitching", P, EN, 0},
    {"sonofabitch", P, EN, 0},
    {"bastard", P, EN, 0},
    {"bastards", P, EN, 0},
    {"ass", P, EN, 0},
    {"asses", P, EN, 0},
    {"arse", P, EN, 0},
    {"asshole", P, EN, 0},
    {"assholes", P, EN, 0},
    {"arsehole", P, EN, 0},
    {"arseholes", P, EN, 0},
    {"asshat", P, EN, 0},
    {"smartass", P, EN, 0},
    {"badass", P, EN, 0},
    {"kickass", P, EN, 0},
    {"cunt", P, EN, 0},
    {"cunts", P, EN, 0},
    {"piss", P, EN, 0},
    {"pissed", P, EN, 0},
    {"pissing", P, EN, 0},
    {"pisses", P, EN, 0},
    {"pussy", P, EN, 0},
    {"pussies", P, EN, 0},
    {"twat", P, EN, 0},
    {"bollocks", P, EN, 0},
    {"wanker", P, EN, 0},
    {"wankers", P, EN, 0},
    // English insults.
    {"idiot", I, EN, 0},
    {"idiots", I, EN, 0},
    {"idiotic", I, EN, 0},
    {"stupid", I, EN, 0},
    {"moron", I, EN, 0},
    {"morons", I, EN, 0},
    {"moronic", I, EN, 0},
    {"imbecile", I, EN, 0},
    {"imbeciles", I, EN, 0},
    {"dumb", I, EN, 0},
    {"dumbass", I, EN, 0},
    {"jackass", I, EN, 0},
    {"dipshit", I, EN, 0},
    {"dickhead", I, EN, 0},
    {"dickheads", I, EN, 0},
    {"cocksucker", I, EN, 0},
    {"cocksuckers", I, EN, 0},
    {"douchebag", I, EN, 0},
    {"douche", I, EN, 0},
    {"scumbag", I, EN, 0},
    {"scum", I, EN, 0},
    {"retard", I, EN, 0},
    {"retards", I, EN, 0},
    {"retarded", I, EN, 0},
    {"cretin", I, EN, 0},
    {"dimwit", I, EN, 0},
    {"nitwit", I, EN, 0},
    {"halfwit", I, EN, 0},
    {"numbskull", I, EN, 0},
    {"slut", I, EN, 0},
    {"sluts", I, EN, 0},
    {"whore", I, EN, 0},
    {"whores", I, EN, 0},
    {"fag", I, EN, 0},
    {"fags", I, EN, 0},
    {"faggot", I, EN, 0},
    {"faggots", I, EN, 0},
    {"loser", I, EN, kAddressed},
    {"losers", I, EN, kAddressed},
    {"clown", I, EN, kAddressed},
    {"clowns", I, EN, kAddressed},
    {"liar", I, EN, kAddressed},
    {"liars", I, EN, kAddressed},
    {"pathetic", I, EN, kAddressed},
    {"ignorant", I, EN, kAddressed},
    {"incompetent", I, EN, kAddressed},
    {"useless", I, EN, kAddressed},
    {"fool", I, EN, kAddressed},
    {"fools", I, EN, kAddressed},
    {"jerk", I, EN, kAddressed},
    {"jerks", I, EN, kAddressed},
    // Spanish profanity.
    {"mierd", P, ES, kPrefix},
    {"puta", P, ES, 0},
    {"putas", P, ES, 0},
    {"puto", P, ES, 0},
    {"putos", P, ES, 0},
    {"putada", P, ES, 0},
    {"putadas", P, ES, 0},
    {"putisimo", P, ES, 0},
    {"putisima", P, ES, 0},
    {"putamadre", P, ES, 0},
    {"hijueputa", P, ES, 0},
    {"hijoputa", P, ES, 0},
    {"hdp", P, ES, 0},
    {"ptm", P, ES, 0},
    {"ctm", P, ES, 0},
    {"alv", P, ES, 0},
    {"joder", P, ES, 0},
    {"jodido", P, ES, 0},
    {"jodida", P, ES, 0},
    {"jodidos", P, ES, 0},
    {"jodidas", P, ES, 0},
    {"jodete", P, ES, 0},
    {"jodan", P, ES, 0},
    {"jodiendo", P, ES, 0},
    {"co\xC3\xB1o", P, ES, 0},
    {"co\xC3\xB1os", P, ES, 0},
    {"cojones", P, ES, 0},
    {"carajo", P, ES, 0},
    {"carajos", P, ES, 0},
    {"chingad", P, ES, kPrefix},
    {"chingar", P, ES, 0},
    {"chinga", P, ES, 0},
    {"chingas", P, ES, 0},
    {"chingue", P, ES, 0},
    {"chinguen", P, ES, 0},
    {"chingon", P, ES, 0},
    {"chingona", P, ES, 0},
    {"pinche", P, ES, 0},
    {"pinches", P, ES, 0},
    {"verga", P, ES, 0},
    {"vergas", P, ES, 0},
    {"vergazo", P, ES, 0},
    {"culo", P, ES, 0},
    {"culos", P, ES, 0},
    {"culero", P, ES, 0},
    {"culera", P, ES, 0},
    {"culeros", P, ES, 0},
    {"culeras", P, ES, 0},
    {"cabron", P, ES, 0},
    {"cabrona", P, ES, 0},
    {"cabrones", P, ES, 0},
    {"cabronas", P, ES, 0},
    {"cabronazo", P, ES, 0},
    {"mamon", P, ES, 0},
    {"mamona", P, ES, 0},
    {"mamones", P, ES, 0},
    {"mamada", P, ES, 0},
    {"mamadas", P, ES, 0},
    {"ojete", P, ES, 0},
    {"ojetes", P, ES, 0},
    {"cago", P, ES, 0},
    {"cagar", P, ES, 0},
    {"cagada", P, ES, 0},
    {"cagadas", P, ES, 0},
    {"cagado", P, ES, 0},
    {"cagando", P, ES, 0},
    {"cagon", P, ES, 0},
    // Spanish insults.
    {"idiota", I, ES, 0},
    {"idiotas", I, ES, 0},
    {"estupido", I, ES, 0},
    {"estupida", I, ES, 0},
    {"estupidos", I, ES, 0},
    {"estupidas", I, ES, 0},
    {"imbecil", I, ES, 0},
    {"imbeciles", I, ES, 0},
    {"pendej", I, ES, kPrefix},
    {"tonto", I, ES, 0},
    {"tonta", I, ES, 0},
    {"tontos", I, ES, 0},
    {"tontas", I, ES, 0},
    {"tarado", I, ES, 0},
    {"tarada", I, ES, 0},
    {"tarados", I, ES, 0},
    {"baboso", I, ES, 0},
    {"babosa", I, ES, 0},
    {"babosos", I, ES, 0},
    {"menso", I, ES, 0},
    {"mensa", I, ES, 0},
    {"mensos", I, ES, 0},
    {"subnormal", I, ES, 0},
    {"subnormales", I, ES, 0},
    {"gilipollas", I, ES, 0},
    {"gilipuertas", I, ES, 0},
    {"boludo", I, ES, 0},
    {"boluda", I, ES, 0},
    {"boludos", I, ES, 0},
    {"pelotudo", I, ES, 0},
    {"pelotuda", I, ES, 0},
    {"huevon", I, ES, 0},
    {"huevona", I, ES, 0},
    {"huevones", I, ES, 0},
    {"weon", I, ES, 0},
    {"gueon", I, ES, 0},
    {"cojudo", I, ES, 0},
    {"cojuda", I, ES, 0},
    {"malparido", I, ES, 0},
    {"malparida", I, ES, 0},
    {"cretino", I, ES, 0},
    {"cretina", I, ES, 0},
    {"marica", I, ES, 0},
    {"maricon", I, ES, 0},
    {"maricones", I, ES, 0},
    {"zorra", I, ES, 0},
    {"zorras", I, ES, 0},
    {"callate", I, ES, 0},
    {"callese", I, ES, 0},
    {"callense", I, ES, 0},
    {"inutil", I, ES, kAddressed},
    {"inutiles", I, ES, kAddressed},
    {"ignorante", I, ES, kAddressed},
    {"ignorantes", I, ES, kAddressed},
    {"payaso", I, ES, kAddressed},
    {"payasa", I, ES, kAddressed},
    {"payasos", I, ES, kAddressed},
    {"mentiroso", I, ES, kAddressed},
    {"mentirosa", I, ES, kAddressed},
    {"mentirosos", I, ES, kAddressed},
    {"incompetente", I, ES, kAddressed},
    {"incompetentes", I, ES, kAddressed},
    {"patetico", I, ES, kAddressed},
    {"patetica", I, ES, kAddressed},
    {"fracasado", I, ES, kAddressed},
    {"fracasada", I, ES, kAddressed},
    {"retrasado", I, ES, kAddressed},
    {"retrasada", I, ES, kAddressed},
    {"burro", I, ES, kAddressed},
    {"burra", I, ES, kAddressed},
};

constexpr LexiconPhrase kPhrases[] = {
    {"shut up", EN},        {"go to hell", EN},     {"screw you", EN},
    {"get lost", EN},       {"bite me", EN},        {"you suck", EN},
    {"drop dead", EN},      {"get a life", EN},     {"cierra la boca", ES},
    {"cierra el pico", ES}, {"vete al diablo", ES}, {"que te den", ES},
};

// Words that aim what follows at the reader.
// Spanish "te" and "ya" are left out: "no te preocupes, es inútil" and "ya
// es inútil" aim at no one.
constexpr std::array<std::string_view, 13> kSecondPerson = {
    "you",  "youre", "ur",   "u",     "your",    "yourself", "yourselves",
    "eres", "sos",   "seas", "usted", "ustedes", "vos"};

// Words longer than this are not looked up (no entry is near it).
constexpr size_t kMaxWordBytes = 64;

// Collapses runs of one byte of `word` (at most kMaxWordBytes) into
// `collapsed`, recording each run's length (saturating) in `runs`; returns
// the collapsed size.
size_t Collapse(std::string_view word, char* collapsed, uint8_t* runs) {
  size_t n = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    if (i > 0 && word[i] == word[i - 1]) {
      if (runs[n - 1] < 255) ++runs[n - 1];
    } else {
      collapsed[n] = word[i];
      runs[n] = 1;
      ++n;
    }
  }
  return n;
}

// The first two bytes of `s` (at least two long) as one number.
size_t FirstTwo(std::string_view s) {
  return static_cast<size_t>(static_cast<unsigned char>(s[0])) << 8 |
         static_cast<unsigned char>(s[1]);
}

// Runs of one letter compare exactly in words of fewer collapsed letters
// than this; in longer ones doubling is noise ("gilipolas").
constexpr size_t kStrictRunsBelow = 5;
// A letter typed this many times is stretched ("fuuuck"), not doubled.
constexpr uint8_t kStretched = 3;

}  // namespace

const Lexicon& Lexicon::Get() {
  static const Lexicon* const kLexicon = new Lexicon();
  return *kLexicon;
}

Lexicon::Lexicon() {
  char collapsed[kMaxWordBytes];
  uint8_t runs[kMaxWordBytes];
  for (const LexiconEntry& entry : kEntries) {
    const size_t n = Collapse(entry.word, collapsed, runs);
    Indexed indexed{&entry, std::string(collapsed, n),
                    std::vector<uint8_t>(runs, runs + n)};
    if (entry.flags & kPrefix) {
      prefix_starts_.set(FirstTwo(indexed.collapsed));
      prefixes_.push_back(std::move(indexed));
    } else {
      whole_shapes_.set(WordShape(indexed.collapsed));
      whole_[indexed.collapsed].push_back(std::move(indexed));
    }
  }
  phrases_.assign(std::begin(kPhrases), std::end(kPhrases));
}

bool Lexicon::RunsMatch(const uint8_t* word_runs, const Indexed& entry,
                        bool prefix) {
  const bool strict = entry.runs.size() < kStrictRunsBelow;
  for (size_t i = 0; i < entry.runs.size(); ++i) {
    const uint8_t w = word_runs[i];
    const uint8_t e = entry.runs[i];
    if (w == e) continue;
    if (w >= kStretched && w >= e) continue;
    // The word may go on with more of the prefix's last letter.
    if (prefix && i + 1 == entry.runs.size() && w >= e) continue;
    if (!strict) continue;
    return false;
  }
  return true;
}

const LexiconEntry* Lexicon::Match(std::string_view word) const {
  if (word.empty() || word.size() > kMaxWordBytes) return nullptr;
  char collapsed[kMaxWordBytes];
  uint8_t runs[kMaxWordBytes];
  const size_t n = Collapse(word, collapsed, runs);
  const std::string_view word_collapsed(collapsed, n);
  if (whole_shapes_.test(WordShape(word_collapsed))) {
    auto it = whole_.find(absl::string_view(collapsed, n));
    if (it != whole_.end()) {
      for (const Indexed& entry : it->second) {
        if (RunsMatch(runs, entry, /*prefix=*/false)) return entry.entry;
      }
    }
  }
  if (n >= 2 && prefix_starts_.test(FirstTwo(word_collapsed))) {
    for (const Indexed& entry : prefixes_) {
      if (entry.collapsed.size() <= n &&
          word_collapsed.substr(0, entry.collapsed.size()) == entry.collapsed &&
          RunsMatch(runs, entry, /*prefix=*/true)) {
        return entry.entry;
      }
    }
  }
  return nullptr;
}

const LexiconEntry* Lexicon::MatchMasked(std::string_view pattern) const {
  const auto fits = [&pattern](std::string_view word, bool prefix) {
    if (prefix ? pattern.size() < word.size() : pattern.size() != word.size()) {
      return false;
    }
    for (size_t i = 0; i < word.size(); ++i) {
      if (pattern[i] != '*' && pattern[i] != word[i]) return false;
    }
    return true;
  };
  for (const LexiconEntry& entry : kEntries) {
    if (fits(entry.word, (entry.flags & kPrefix) != 0)) return &entry;
  }
  return nullptr;
}

bool Lexicon::IsSecondPerson(std::string_view word) const {
  return std::find(kSecondPerson.begin(), kSecondPerson.end(), word) !=
         kSecondPerson.end();
}

}  // namespace threadline::guard_internal
