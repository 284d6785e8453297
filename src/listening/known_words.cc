#include "listening/known_words.h"

#include <string>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "listening/terms.h"
#include "text/sentiment_index.h"

namespace threadline::listening {

const KnownWords& KnownWords::Get() {
  static const KnownWords* const kKnown = new KnownWords();
  return *kKnown;
}

KnownWords::KnownWords() : lexicon_(text::sentiment::Lexicon::Get()) {
  std::vector<std::string> vocabulary = lexicon_.Words();
  for (const std::string& w : topics_.Words()) vocabulary.push_back(w);
  for (std::string_view w : ContentWordReader::TableWords()) {
    vocabulary.emplace_back(w);
  }
  absl::flat_hash_set<std::string> seen;
  std::vector<std::pair<uint64_t, uint32_t>> hashes;
  for (const std::string& w : vocabulary) {
    if (w.empty() || !seen.insert(w).second) continue;
    hashes.emplace_back(text::HashWord(w), 0);
    // A token holds at most kMaxWordBytes letters: a longer word of a
    // lexicon is never a token's (but its hash is Listed).
    if (w.size() > static_cast<size_t>(text::kMaxWordBytes)) continue;
    const int size = static_cast<int>(w.size());
    uint64_t prefix[text::kMaxWordBytes];
    text::PrefixHashes(w.data(), w.size(), prefix);
    KnownWord k{};
    std::memcpy(k.text, w.data(), w.size());
    k.size = static_cast<uint8_t>(size);
    k.content = ContentWordReader::ReadWord(w.data(), size, prefix, &k.concept);
    if (!k.content) k.concept = 0;
    k.topic = topics_.ReadWord(size, prefix);
    k.sentiment = text::sentiment::ReadWord(lexicon_, w.data(), size, prefix);
    words_.push_back(k);
  }
  std::vector<std::pair<uint64_t, uint32_t>> by_text;
  by_text.reserve(words_.size());
  for (uint32_t n = 0; n < words_.size(); ++n) {
    by_text.emplace_back(TextKey(words_[n].text, words_[n].size), n);
  }
  by_text_ = text::HashIndex(by_text);
  listed_ = text::HashIndex(hashes);
}

void KnownWords::ReadUnlisted(const text::Token& token, KnownWord* out) const {
  const int size = token.size;
  out->size = token.size;
  out->content = ContentWordReader::ReadUnlistedWord(token.text, size,
                                                     token.prefix_hash,
                                                     &out->concept);
  out->topic = topics_.ReadUnlistedWord(size, token.prefix_hash);
  out->sentiment = text::sentiment::ReadUnlistedWord(lexicon_, token.text, size,
                                                     token.prefix_hash);
}

}  // namespace threadline::listening
