// IdentityGraph::EraseCustomer: the right to be forgotten in the graph.
// Ordinals are ids hosts hold ("c-7"), so nothing is renumbered: the bases
// stay as tombstones and the identities keep their slots without values.
#include <algorithm>

#include "identity/graph.h"
#include "identity/graph_keys.h"

namespace threadline::identity {

size_t IdentityGraph::EraseCustomer(
    BaseId base, const absl::flat_hash_set<uint32_t>& interactions) {
  if (base >= parent_.size() || IsErased(base)) return 0;
  const BaseId root = FindRoot(base);
  absl::flat_hash_set<BaseId> bases(roots_[root].members.begin(),
                                    roots_[root].members.end());
  std::vector<KeyId> keys;
  for (BaseId b : bases) {
    keys.insert(keys.end(), owned_[b].begin(), owned_[b].end());
  }
  // Identities the customer brought that never became anyone's (refused by
  // a per-kind limit) are theirs too; shared ones belong to several people.
  for (KeyId k = 0; k < keys_.size(); ++k) {
    const KeyInfo& info = keys_[k];
    if (!info.erased && !info.shared && info.owner == kNone &&
        info.evidence != kNone && interactions.contains(info.evidence)) {
      keys.push_back(k);
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  absl::flat_hash_set<KeyId> erased_keys(keys.begin(), keys.end());

  for (KeyId k : keys) {
    const std::string& value = values_[k];
    index_.erase(IndexKey(MatchKind(keys_[k].kind), value));
    if (MatchKind(keys_[k].kind) == static_cast<size_t>(IdentityKind::kPhone) &&
        value.size() > 1) {
      const int64_t suffix = Suffix7(std::string_view(value).substr(1));
      auto it = phone_suffix_.find(static_cast<uint32_t>(suffix));
      if (suffix >= 0 && it != phone_suffix_.end()) {
        auto& v = it->second;
        v.erase(std::remove(v.begin(), v.end(), k), v.end());
        if (v.empty()) phone_suffix_.erase(it);
      }
    }
    links_by_key_.erase(k);
    std::string().swap(values_[k]);
    KeyInfo blank;
    blank.kind = keys_[k].kind;
    blank.erased = true;
    keys_[k] = blank;
  }
  for (BaseId b : bases) {
    owned_[b].clear();
    owned_[b].shrink_to_fit();
  }
  roots_[root].counts = {};
  // No rebuild may join another customer to an erased one, and no merge
  // record may name one.
  for (Link& link : links_) {
    if (bases.contains(link.a) || bases.contains(link.b) ||
        (link.key != kNone && erased_keys.contains(link.key))) {
      link.disabled = true;
    }
  }
  for (auto it = merges_.begin(); it != merges_.end();) {
    const Link& link = links_[it->first];
    if (bases.contains(link.a) || bases.contains(link.b) ||
        bases.contains(it->second.survivor) ||
        bases.contains(it->second.absorbed)) {
      merges_.erase(it++);
    } else {
      ++it;
    }
  }
  erased_.insert(bases.begin(), bases.end());
  return keys.size();
}

}  // namespace threadline::identity
