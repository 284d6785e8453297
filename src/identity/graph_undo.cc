// The IdentityGraph's way back from merges: an identity found shared stops
// holding customers together (MarkShared), a host merges two customers by
// hand (MergeExplicit) or undoes a merge (Undo), and Rebuild replays the
// links of the customers touched under the rules as they now stand.
#include <algorithm>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "identity/graph.h"

namespace threadline::identity {

void IdentityGraph::MarkShared(KeyId key, ResolveResult* result) {
  KeyInfo& k = keys_.keys[key];
  if (k.shared) return;
  k.shared = true;
  std::vector<BaseId> affected;
  if (k.owner != kNone) {
    affected.push_back(k.owner);
    // Out of its owner's chain.
    KeyId* link = &newest_owned_[k.owner];
    while (*link != kNone && *link != key) link = &keys_.keys[*link].next_owned;
    if (*link == key) *link = k.next_owned;
    k.next_owned = kNone;
  }
  if (auto it = newest_link_of_key_.find(key); it != newest_link_of_key_.end()) {
    std::vector<LinkId> cited;
    for (LinkId l = it->second; l != kNone; l = links_[l].next_of_key) {
      cited.push_back(l);
    }
    // Oldest first, as the links were made.
    for (auto l = cited.rbegin(); l != cited.rend(); ++l) {
      affected.push_back(links_[*l].a);
    }
  }
  Rebuild(affected, result);
}

void IdentityGraph::Rebuild(const std::vector<BaseId>& bases,
                            ResolveResult* result) {
  absl::flat_hash_set<BaseId> roots;
  for (BaseId b : bases) roots.insert(FindRoot(b));
  std::vector<BaseId> members;
  std::vector<LinkId> links;
  for (BaseId r : roots) {
    const std::vector<BaseId> m = MembersOfRoot(r);
    const std::vector<LinkId> l = LinksOfRoot(r);
    members.insert(members.end(), m.begin(), m.end());
    links.insert(links.end(), l.begin(), l.end());
  }
  std::sort(links.begin(), links.end());
  links.erase(std::unique(links.begin(), links.end()), links.end());

  std::vector<LinkId> was_active;
  for (LinkId l : links) {
    auto it = merges_.find(l);
    if (it != merges_.end() && it->second.active) {
      was_active.push_back(l);
      it->second.active = false;
    }
  }
  for (BaseId b : members) {
    parent_[b] = b;
    ResetRoot(b);
    Root& r = roots_[b];
    for (KeyId k = newest_owned_[b]; k != kNone; k = key(k).next_owned) {
      ++r.counts[MatchKind(key(k).kind)];
    }
  }
  // Replay in the original order: the outcome is what these links would have
  // made had the current rules held from the start.
  for (LinkId l : links) {
    const Link& link = links_[l];
    if (link.disabled) continue;
    if (link.key != kNone && key(link.key).shared) continue;
    const bool joined = TryUnion(l, nullptr);
    AddRootLink(FindRoot(link.a), l);
    if (!joined && FindRoot(link.a) != FindRoot(link.b)) {
      AddRootLink(FindRoot(link.b), l);
    }
  }
  for (LinkId l : was_active) {
    if (!merges_[l].active && !merges_[l].fresh) result->undone.push_back(l);
  }
}

LinkId IdentityGraph::MergeExplicit(BaseId a, BaseId b, absl::Time at) {
  if (FindRoot(a) == FindRoot(b)) return kNone;
  Link link{a, b, kNone, kNone, kNone, model::TimeToNanos(at)};
  link.is_explicit = true;
  const LinkId l = AddLink(link);
  if (!TryUnion(l, nullptr)) {
    links_.pop_back();  // cites no key: no chain to mend
    return kNone;
  }
  AddRootLink(FindRoot(a), l);
  return l;
}

std::vector<LinkId> IdentityGraph::Undo(LinkId l) {
  ResolveResult result;
  auto it = merges_.find(l);
  if (it == merges_.end() || !it->second.active) return {};
  Link& link = links_[l];
  link.disabled = true;
  apart_[link.a].push_back(link.b);
  apart_[link.b].push_back(link.a);
  Rebuild({link.a}, &result);
  return result.undone;
}

}  // namespace threadline::identity
