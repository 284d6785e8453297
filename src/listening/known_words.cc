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
  int bits = 4;
  while ((size_t{1} << bits) < words_.size() * 4) ++bits;
  shift_ = 64 - bits;
  mask_ = (uint64_t{1} << bits) - 1;
  slots_.assign(mask_ + 1, Slot{0, 0, 0});
  for (uint32_t n = 0; n < words_.size(); ++n) {
    const KnownWord& k = words_[n];
    const uint64_t key = TextKey(k.text, k.size);
    uint64_t i = key * kMix >> shift_;
    // Two known words sharing a key and a size (longer than eight letters):
    // the first is found, the second never, which only sends it the long
    // way.
    while (slots_[i].size != 0 &&
           !(slots_[i].key == key && slots_[i].size == k.size)) {
      i = (i + 1) & mask_;
    }
    if (slots_[i].size == 0) slots_[i] = Slot{key, n, k.size};
  }
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
