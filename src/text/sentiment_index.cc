#include "text/sentiment_index.h"

#include <algorithm>
#include <utility>

namespace threadline::text::sentiment {
namespace {

// The words of one authored entry, normalized like text.
std::vector<std::string> EntryWords(std::string_view entry) {
  std::vector<std::string> words;
  Tokenizer tokenizer(entry);
  Token token;
  while (tokenizer.Next(&token)) {
    if (token.kind == TokenKind::kWord) words.emplace_back(token.word());
  }
  return words;
}

template <typename Fn>
void ForEachItem(const char* list, Fn fn) {
  std::string_view rest = list;
  while (!rest.empty()) {
    const size_t space = rest.find(' ');
    std::string_view item = rest.substr(0, space);
    rest = space == std::string_view::npos ? std::string_view()
                                           : rest.substr(space + 1);
    if (!item.empty()) fn(item);
  }
}

}  // namespace

const Lexicon& Lexicon::Get() {
  static const Lexicon* const kLexicon = new Lexicon();
  return *kLexicon;
}

Lexicon::Lexicon() {
  Build(kEnglish, kEnglishSentimentLexicon);
  Build(kSpanish, kSpanishSentimentLexicon);
  Finish();
}

uint32_t Lexicon::Word(const char* text, int size) const {
  // Hashes of every prefix, for the stems.
  uint64_t prefix[kMaxWordBytes];
  PrefixHashes(text, static_cast<size_t>(size), prefix);
  return Word(size, prefix);
}

std::vector<std::string> Lexicon::Words() const {
  std::vector<std::string> words;
  for (const auto& [word, id] : word_ids_) words.push_back(word);
  for (const auto& [stem, id] : stem_ids_) words.push_back(stem);
  return words;
}

uint32_t Lexicon::Find(const std::string& word, bool stem) {
  auto& index = stem ? stem_ids_ : word_ids_;
  auto [it, inserted] =
      index.emplace(word, static_cast<uint32_t>(entries_.size()));
  if (inserted) entries_.emplace_back();
  return it->second;
}

void Lexicon::Add(int language, std::string_view item, float valence,
                  WordRole role) {
  const bool stem = item.back() == '*';
  if (stem) item.remove_suffix(1);
  std::string flat(item);
  std::replace(flat.begin(), flat.end(), '_', ' ');
  std::vector<std::string> words = EntryWords(flat);
  if (words.empty()) return;
  Sense sense{valence, role, true};
  if (words.size() == 1) {
    Entry& e = entries_[Find(words[0], stem)];
    // A role word keeps the valence it has ("bien", "damn").
    if (e.sense[language].defined && role != WordRole::kNone) {
      e.sense[language].role = role;
    } else {
      e.sense[language] = sense;
    }
    return;
  }
  if (words.size() > kMaxPhraseWords) return;
  std::vector<uint32_t> ids;
  for (const std::string& w : words) ids.push_back(Find(w, false));
  phrases_raw_.push_back({language, std::move(ids), sense});
}

void Lexicon::Build(int language, const LanguageLexicon& lexicon) {
  for (size_t g = 0; g < lexicon.valence_count; ++g) {
    const ValenceGroup& group = lexicon.valences[g];
    ForEachItem(group.entries, [&](std::string_view item) {
      Add(language, item, group.valence, WordRole::kNone);
    });
  }
  for (size_t g = 0; g < lexicon.role_count; ++g) {
    const RoleGroup& group = lexicon.roles[g];
    ForEachItem(group.entries, [&](std::string_view item) {
      Add(language, item, 0, group.role);
    });
  }
  ForEachItem(lexicon.function_words, [&](std::string_view item) {
    std::string flat(item);
    std::replace(flat.begin(), flat.end(), '_', ' ');
    for (const std::string& w : EntryWords(flat)) {
      entries_[Find(w, false)].function_languages |= 1 << language;
    }
  });
}

void Lexicon::Finish() {
  // A word written only inside a phrase (or only as a function word)
  // scores as its longest covering stem: "disappointed" in
  // "disappointed_in" keeps the valence of "disappoint*".
  for (const auto& [word, id] : word_ids_) {
    for (int l = 0; l < 2; ++l) {
      if (entries_[id].sense[l].defined) continue;
      for (size_t n = word.size(); n >= 1; --n) {
        auto it = stem_ids_.find(word.substr(0, n));
        if (it != stem_ids_.end() && entries_[it->second].sense[l].defined) {
          entries_[id].sense[l] = entries_[it->second].sense[l];
          break;
        }
      }
    }
  }
  std::map<uint64_t, uint32_t> phrase_ids;
  for (const PhraseRaw& p : phrases_raw_) {
    uint64_t key = kPhraseSeed;
    bool negator = false;
    for (uint32_t id : p.ids) {
      key = PhraseStep(key, id);
      for (const Sense& s : entries_[id].sense) {
        if (s.defined && s.role == WordRole::kNegator) negator = true;
      }
    }
    auto [it, inserted] =
        phrase_ids.emplace(key, static_cast<uint32_t>(entries_.size()));
    if (inserted) entries_.emplace_back();
    Entry& e = entries_[it->second];
    e.sense[p.language] = p.sense;
    e.fixed = e.fixed || negator;
    uint8_t& len = entries_[p.ids[0]].phrase_len;
    len = std::max<uint8_t>(len, static_cast<uint8_t>(p.ids.size()));
    phrase_pairs_.Add(PairHash(p.ids[0], p.ids[1]));
  }
  for (int language : {kEnglish, kSpanish}) {
    std::vector<UnitSense>& senses = unit_senses_[language];
    for (const Entry& e : entries_) {
      const Sense& sense = SenseOf(e, language);
      senses.push_back(
          {sense.valence, sense.role, sense.defined, e.fixed, e.phrase_len});
    }
  }
  std::vector<std::pair<uint64_t, uint32_t>> words, phrases, emoji;
  for (const auto& [word, id] : word_ids_) {
    words.emplace_back(HashWord(word), id);
  }
  const std::vector<std::pair<std::string, uint32_t>> stems(stem_ids_.begin(),
                                                            stem_ids_.end());
  for (const auto& [key, id] : phrase_ids) phrases.emplace_back(key, id);
  for (size_t i = 0; i < kEmojiValenceCount; ++i) {
    emoji.emplace_back(kEmojiValences[i].code_point,
                       static_cast<uint32_t>(emoji_valences_.size()));
    emoji_valences_.push_back(kEmojiValences[i].valence);
  }
  words_ = HashIndex(words);
  stems_ = StemIndex(stems);
  phrases_ = HashIndex(phrases);
  emoji_ = HashIndex(emoji);
}

}  // namespace threadline::text::sentiment
