#include "identity/graph.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "identity/graph_keys.h"

namespace threadline::identity {

GraphOptions DefaultGraphOptions() {
  GraphOptions o;
  auto set = [&o](IdentityKind k, uint8_t n) {
    o.max_per_kind[static_cast<size_t>(k)] = n;
  };
  // One account per customer: a second account is a second person sharing
  // an address (a family landline), never the same one. Social handles: one
  // per network, because a handle shared across people is how wrong merges
  // spread on public channels. Phones and emails: people do have a few.
  set(IdentityKind::kAccount, 1);
  set(IdentityKind::kTwitter, 1);
  set(IdentityKind::kFacebook, 1);
  set(IdentityKind::kInstagram, 1);
  set(IdentityKind::kLinkedin, 1);
  set(IdentityKind::kPhone, 3);
  set(IdentityKind::kEmail, 3);
  set(IdentityKind::kOther, 5);
  // Chat visitor ids are per browser: no limit.
  return o;
}

IdentityGraph::IdentityGraph(GraphOptions options)
    : options_(std::move(options)) {}

size_t IdentityGraph::MatchKind(IdentityKind kind) {
  // A WhatsApp id is a phone number: the same number on both is one identity.
  if (kind == IdentityKind::kWhatsapp) kind = IdentityKind::kPhone;
  return static_cast<size_t>(kind);
}

KeyId IdentityGraph::Find(const Identity& canonical) const {
  auto it = index_.find(IndexKey(MatchKind(canonical.kind), canonical.value));
  return it == index_.end() ? kNone : it->second;
}

Identity IdentityGraph::KeyIdentity(KeyId k) const {
  return Identity{keys_[k].kind, values_[k]};
}

BaseId IdentityGraph::FindRoot(BaseId b) const {
  // No path compression: readers share a lock and must not write. Union by
  // size keeps the depth logarithmic.
  while (parent_[b] != b) b = parent_[b];
  return b;
}

BaseId IdentityGraph::CustomerOf(BaseId base) const {
  return roots_[FindRoot(base)].oldest;
}

std::vector<BaseId> IdentityGraph::Members(BaseId base) const {
  std::vector<BaseId> m = roots_[FindRoot(base)].members;
  std::sort(m.begin(), m.end());
  return m;
}

const MergeInfo* IdentityGraph::merge(LinkId link) const {
  auto it = merges_.find(link);
  return it == merges_.end() ? nullptr : &it->second;
}

size_t IdentityGraph::active_merges() const {
  size_t n = 0;
  for (const auto& [id, info] : merges_) n += info.active && !info.fresh;
  return n;
}

std::vector<LinkId> IdentityGraph::MergesOf(BaseId base) const {
  std::vector<LinkId> out;
  absl::flat_hash_set<BaseId> members;
  for (BaseId m : roots_[FindRoot(base)].members) members.insert(m);
  for (const auto& [id, info] : merges_) {
    if (info.fresh) continue;
    if (members.contains(info.survivor) || members.contains(info.absorbed) ||
        members.contains(links_[id].a) || members.contains(links_[id].b)) {
      out.push_back(id);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

BaseId IdentityGraph::NewBase() {
  const BaseId b = static_cast<BaseId>(parent_.size());
  parent_.push_back(b);
  roots_.emplace_back();
  roots_.back().members.push_back(b);
  roots_.back().oldest = b;
  owned_.emplace_back();
  return b;
}

std::vector<KeyId> IdentityGraph::PhonesMatchingNational(
    std::string_view national_digits) const {
  std::vector<KeyId> out;
  for (int strip = 0; strip < 2; ++strip) {
    std::string_view d = national_digits;
    if (strip == 1) {
      if (d.empty() || d[0] != '0') break;
      d.remove_prefix(1);
    }
    const int64_t suffix = Suffix7(d);
    if (suffix < 0) continue;
    auto it = phone_suffix_.find(static_cast<uint32_t>(suffix));
    if (it == phone_suffix_.end()) continue;
    for (KeyId k : it->second) {
      const std::string& v = values_[k];  // "+<country code><national>"
      if (v.rfind(kNationalPrefix, 0) == 0) {
        if (std::string_view(v).substr(sizeof(kNationalPrefix) - 1) == d &&
            std::find(out.begin(), out.end(), k) == out.end()) {
          out.push_back(k);
        }
        continue;
      }
      const size_t cc = v.size() - 1 - std::min(v.size() - 1, d.size());
      if (v.size() > d.size() && cc >= 1 && cc <= 3 &&
          std::string_view(v).substr(v.size() - d.size()) == d &&
          std::find(out.begin(), out.end(), k) == out.end()) {
        out.push_back(k);
      }
    }
  }
  return out;
}

KeyId IdentityGraph::Intern(const KeyEvidence& e, absl::Time at,
                            uint32_t interaction) {
  const Identity& id = e.identity;
  const bool mentioned = e.mentioned;
  auto [it, inserted] = index_.try_emplace(
      IndexKey(MatchKind(id.kind), id.value), static_cast<KeyId>(keys_.size()));
  if (inserted) {
    KeyInfo info;
    info.kind = id.kind;
    info.mentioned = mentioned;
    info.evidence = interaction;
    info.first_seen = at;
    info.last_seen = at;
    info.national_guess = e.national_guess;
    keys_.push_back(info);
    values_.push_back(id.value);
    if (MatchKind(id.kind) == static_cast<size_t>(IdentityKind::kPhone) &&
        id.value.size() > 1) {
      const int64_t suffix = Suffix7(std::string_view(id.value).substr(1));
      if (suffix >= 0) {
        phone_suffix_[static_cast<uint32_t>(suffix)].push_back(it->second);
      }
    }
  } else {
    KeyInfo& info = keys_[it->second];
    info.first_seen = std::min(info.first_seen, at);
    info.last_seen = std::max(info.last_seen, at);
    if (!mentioned) info.mentioned = false;
    if (!e.national_guess) info.national_guess = false;
  }
  return it->second;
}

void IdentityGraph::Own(BaseId base, KeyId key) {
  keys_[key].owner = base;
  owned_[base].push_back(key);
  ++roots_[FindRoot(base)].counts[MatchKind(keys_[key].kind)];
}

bool IdentityGraph::KeptApart(BaseId ra, BaseId rb) const {
  if (apart_.empty()) return false;
  const Root& small = roots_[ra].members.size() <= roots_[rb].members.size()
                          ? roots_[ra]
                          : roots_[rb];
  const BaseId other = (&small == &roots_[ra]) ? rb : ra;
  for (BaseId m : small.members) {
    auto it = apart_.find(m);
    if (it == apart_.end()) continue;
    for (BaseId o : it->second) {
      if (FindRoot(o) == other) return true;
    }
  }
  return false;
}

bool IdentityGraph::TryUnion(LinkId l, ResolveResult* result) {
  const Link& link = links_[l];
  BaseId ra = FindRoot(link.a);
  BaseId rb = FindRoot(link.b);
  if (ra == rb) return false;
  if (!link.is_explicit) {
    for (size_t k = 0; k < kIdentityKindCount; ++k) {
      const uint8_t max = options_.max_per_kind[k];
      if (max != 0 && roots_[ra].counts[k] + roots_[rb].counts[k] > max) {
        return false;
      }
    }
  }
  if (KeptApart(ra, rb)) return false;

  // Joining a base born from this very interaction is how a new contact
  // finds its customer, not a merge of two customers.
  const bool fresh =
      fresh_ != kNone && ((ra == fresh_ && roots_[ra].members.size() == 1) ||
                          (rb == fresh_ && roots_[rb].members.size() == 1));
  const BaseId survivor = std::min(roots_[ra].oldest, roots_[rb].oldest);
  const BaseId absorbed = std::max(roots_[ra].oldest, roots_[rb].oldest);
  if (roots_[ra].members.size() < roots_[rb].members.size()) std::swap(ra, rb);
  Root& into = roots_[ra];
  Root& from = roots_[rb];
  parent_[rb] = ra;
  into.members.insert(into.members.end(), from.members.begin(),
                      from.members.end());
  into.links.insert(into.links.end(), from.links.begin(), from.links.end());
  for (size_t k = 0; k < kIdentityKindCount; ++k) into.counts[k] += from.counts[k];
  into.oldest = std::min(into.oldest, from.oldest);
  from = Root();

  auto [it, inserted] = merges_.try_emplace(l);
  MergeInfo& info = it->second;
  if (inserted) info.fresh = fresh;
  const bool was_active = info.active;
  info.link = l;
  info.survivor = survivor;
  info.absorbed = absorbed;
  info.key = link.key;
  info.interaction = link.interaction;
  info.at = link.at;
  info.active = true;
  info.explicit_merge = link.is_explicit;
  if (!was_active && !info.fresh && result != nullptr) {
    result->merges.push_back(l);
  }
  return true;
}

ResolveResult IdentityGraph::Resolve(const std::vector<KeyEvidence>& keys,
                                     uint32_t interaction, absl::Time at,
                                     BaseId fallback) {
  ResolveResult result;
  std::vector<KeyId> ids;
  ids.reserve(keys.size());
  for (const KeyEvidence& e : keys) {
    ids.push_back(Intern(e, at, interaction));
  }

  // The base: the owner of the primary identity, or a new base customer
  // when the primary is new. A shared primary (a family landline) identifies
  // no one, so the next identity that does decides. A new base that the
  // other identities tie to a known customer joins it through a link like
  // any other, so the join can be undone if its evidence turns out shared.
  BaseId base = kNone;
  for (size_t i = 0; i < ids.size(); ++i) {
    const KeyInfo& k = keys_[ids[i]];
    if (k.shared) continue;
    if (k.owner != kNone) base = k.owner;
    break;
  }
  if (base == kNone && fallback != kNone && fallback < parent_.size() &&
      std::all_of(ids.begin(), ids.end(),
                  [this](KeyId k) { return keys_[k].shared; })) {
    base = fallback;
  }
  if (base == kNone) {
    base = NewBase();
    result.created = true;
    fresh_ = base;
  }
  result.base = base;

  for (size_t i = 0; i < ids.size(); ++i) {
    const KeyId key = ids[i];
    if (std::find(ids.begin(), ids.begin() + i, key) != ids.begin() + i) {
      continue;  // the same identity given twice
    }
    KeyInfo& k = keys_[key];
    if (k.shared) continue;
    if (k.owner == kNone) {
      const size_t kind = MatchKind(k.kind);
      const uint8_t max = options_.max_per_kind[kind];
      if (max != 0 && roots_[FindRoot(base)].counts[kind] >= max) {
        // The customer has all the identities of this kind it may have: a
        // further one is left unlinked and reported, never guessed.
        result.rejected.push_back(key);
        continue;
      }
      k.evidence = interaction;
      Own(base, key);
      continue;
    }
    if (k.owner == base) continue;
    const bool same_customer = FindRoot(k.owner) == FindRoot(base);
    // A link the customer already has adds nothing a rebuild could use.
    const uint64_t pair = (uint64_t{base} << 32) | key;
    if (!linked_pairs_.insert(pair).second && same_customer) continue;
    const LinkId l = static_cast<LinkId>(links_.size());
    links_.push_back(Link{base, k.owner, key, interaction, at});
    links_by_key_[key].push_back(l);
    if (TryUnion(l, &result)) {
      roots_[FindRoot(base)].links.push_back(l);
      continue;
    }
    if (same_customer) {
      roots_[FindRoot(base)].links.push_back(l);
      continue;
    }
    // Refused: remember the link on both sides so a later rebuild of either
    // can reconsider it, and count the conflict against the identity.
    roots_[FindRoot(base)].links.push_back(l);
    roots_[FindRoot(k.owner)].links.push_back(l);
    result.rejected.push_back(key);
    if (++k.conflicts >= options_.shared_after_conflicts) {
      MarkShared(key, &result);
    }
  }
  fresh_ = kNone;
  return result;
}

void IdentityGraph::MarkShared(KeyId key, ResolveResult* result) {
  KeyInfo& k = keys_[key];
  if (k.shared) return;
  k.shared = true;
  std::vector<BaseId> affected;
  if (k.owner != kNone) {
    affected.push_back(k.owner);
    auto& owned = owned_[k.owner];
    owned.erase(std::remove(owned.begin(), owned.end(), key), owned.end());
  }
  if (auto it = links_by_key_.find(key); it != links_by_key_.end()) {
    for (LinkId l : it->second) affected.push_back(links_[l].a);
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
    members.insert(members.end(), roots_[r].members.begin(),
                   roots_[r].members.end());
    links.insert(links.end(), roots_[r].links.begin(), roots_[r].links.end());
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
    Root& r = roots_[b];
    r = Root();
    r.members.push_back(b);
    r.oldest = b;
    for (KeyId key : owned_[b]) ++r.counts[MatchKind(keys_[key].kind)];
  }
  // Replay in the original order: the outcome is what these links would have
  // made had the current rules held from the start.
  for (LinkId l : links) {
    const Link& link = links_[l];
    if (link.disabled) continue;
    if (link.key != kNone && keys_[link.key].shared) continue;
    const bool joined = TryUnion(l, nullptr);
    roots_[FindRoot(link.a)].links.push_back(l);
    if (!joined && FindRoot(link.a) != FindRoot(link.b)) {
      roots_[FindRoot(link.b)].links.push_back(l);
    }
  }
  for (LinkId l : was_active) {
    if (!merges_[l].active && !merges_[l].fresh) result->undone.push_back(l);
  }
}

LinkId IdentityGraph::MergeExplicit(BaseId a, BaseId b, absl::Time at) {
  if (FindRoot(a) == FindRoot(b)) return kNone;
  const LinkId l = static_cast<LinkId>(links_.size());
  Link link{a, b, kNone, kNone, at};
  link.is_explicit = true;
  links_.push_back(link);
  if (!TryUnion(l, nullptr)) {
    links_.pop_back();
    return kNone;
  }
  roots_[FindRoot(a)].links.push_back(l);
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
