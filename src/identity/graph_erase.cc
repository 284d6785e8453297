// IdentityGraph::EraseCustomer: the right to be forgotten in the graph.
// Ordinals are ids hosts hold ("c-7"), so nothing is renumbered: the bases
// stay as tombstones and the identities keep their slots without values.
#include <algorithm>

#include "identity/graph.h"

namespace threadline::identity {

size_t IdentityGraph::EraseCustomer(
    BaseId base, const absl::flat_hash_set<uint32_t>& interactions) {
  if (base >= parent_.size() || IsErased(base)) return 0;
  const BaseId root = FindRoot(base);
  const std::vector<BaseId> members = MembersOfRoot(root);
  absl::flat_hash_set<BaseId> bases(members.begin(), members.end());
  std::vector<KeyId> keys;
  for (BaseId b : bases) {
    for (KeyId k = newest_owned_[b]; k != kNone; k = key(k).next_owned) {
      keys.push_back(k);
    }
  }
  // Identities the customer brought that never became anyone's (refused by
  // a per-kind limit) are theirs too; shared ones belong to several people.
  for (KeyId k = 0; k < key_count(); ++k) {
    const KeyInfo& info = key(k);
    if (!info.erased && !info.shared && info.owner == kNone &&
        info.evidence != kNone && interactions.contains(info.evidence)) {
      keys.push_back(k);
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  absl::flat_hash_set<KeyId> erased_keys(keys.begin(), keys.end());

  for (KeyId k : keys) {
    UnindexKey(k);
    newest_link_of_key_.erase(k);
    KeyInfo& info = keys_.keys[k];
    keys_.values.Wipe(info.value, info.value_size);
    KeyInfo blank;
    blank.kind = info.kind;
    blank.erased = true;
    info = blank;
  }
  for (BaseId b : bases) newest_owned_[b] = kNone;
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
