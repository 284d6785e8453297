#include "identity/graph.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/string_view.h"

namespace threadline::identity {
namespace {

// The last seven digits of a digit string, as a number; -1 when shorter.
int64_t Suffix7(std::string_view digits) {
  if (digits.size() < 7) return -1;
  int64_t v = 0;
  for (char c : digits.substr(digits.size() - 7)) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

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
  const size_t kind = MatchKind(canonical.kind);
  const std::string_view value = canonical.value;
  const int64_t k = index_.Find(IndexHash(kind, value), [&](KeyId k) {
    return MatchKind(keys_.keys[k].kind) == kind && keys_.Value(k) == value;
  });
  return k < 0 ? kNone : static_cast<KeyId>(k);
}

Identity IdentityGraph::KeyIdentity(KeyId k) const {
  return Identity{key(k).kind, std::string(key_value(k))};
}

std::vector<KeyId> IdentityGraph::KeysOf(BaseId base) const {
  std::vector<KeyId> out;
  for (KeyId k = newest_owned_[base]; k != kNone; k = key(k).next_owned) {
    out.push_back(k);
  }
  std::reverse(out.begin(), out.end());
  return out;
}

size_t IdentityGraph::MemberCount(BaseId root) const {
  const uint32_t g = roots_[root].group;
  return g == kNone ? 1 : groups_[g].members.size();
}

std::vector<BaseId> IdentityGraph::MembersOfRoot(BaseId root) const {
  const uint32_t g = roots_[root].group;
  return g == kNone ? std::vector<BaseId>{root} : groups_[g].members;
}

std::vector<LinkId> IdentityGraph::LinksOfRoot(BaseId root) const {
  const uint32_t g = roots_[root].group;
  return g == kNone ? std::vector<LinkId>() : groups_[g].links;
}

IdentityGraph::Group& IdentityGraph::GroupOf(BaseId root) {
  uint32_t& g = roots_[root].group;
  if (g == kNone) {
    if (free_groups_.empty()) {
      g = static_cast<uint32_t>(groups_.size());
      groups_.emplace_back();
    } else {
      g = free_groups_.back();
      free_groups_.pop_back();
    }
    groups_[g].members.push_back(root);
  }
  return groups_[g];
}

void IdentityGraph::ResetRoot(BaseId b) {
  Root& r = roots_[b];
  if (r.group != kNone) {
    // Released with its memory given back: most groups are small and
    // short-lived, a big one must not pin its capacity forever.
    groups_[r.group] = Group();
    free_groups_.push_back(r.group);
  }
  r = Root();
  r.oldest = b;
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
  std::vector<BaseId> m = MembersOfRoot(FindRoot(base));
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
  for (BaseId m : MembersOfRoot(FindRoot(base))) members.insert(m);
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
  roots_.emplace_back().oldest = b;
  newest_owned_.push_back(kNone);
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
    for (KeyId k = it->second; k != kNone; k = key(k).next_suffix) {
      const std::string_view v = key_value(k);  // "+<country code><national>"
      if (v.rfind(kNationalPrefix, 0) == 0) {
        if (v.substr(sizeof(kNationalPrefix) - 1) == d &&
            std::find(out.begin(), out.end(), k) == out.end()) {
          out.push_back(k);
        }
        continue;
      }
      const size_t cc = v.size() - 1 - std::min(v.size() - 1, d.size());
      if (v.size() > d.size() && cc >= 1 && cc <= 3 &&
          v.substr(v.size() - d.size()) == d &&
          std::find(out.begin(), out.end(), k) == out.end()) {
        out.push_back(k);
      }
    }
  }
  std::sort(out.begin(), out.end());  // oldest first, whatever the chain
  return out;
}

KeyId IdentityGraph::Intern(const KeyEvidence& e, absl::Time at,
                            uint32_t interaction) {
  const Identity& id = e.identity;
  const bool mentioned = e.mentioned;
  const int64_t nanos = model::TimeToNanos(at);
  const KeyId known = Find(id);
  if (known != kNone) {
    KeyInfo& info = keys_.keys[known];
    info.first_seen_nanos = std::min(info.first_seen_nanos, nanos);
    info.last_seen_nanos = std::max(info.last_seen_nanos, nanos);
    if (!mentioned) info.mentioned = false;
    if (!e.national_guess) info.national_guess = false;
    return known;
  }
  const KeyId k = static_cast<KeyId>(keys_.keys.size());
  KeyInfo& info = keys_.keys.emplace_back();
  info.kind = id.kind;
  info.mentioned = mentioned;
  info.evidence = interaction;
  info.first_seen_nanos = nanos;
  info.last_seen_nanos = nanos;
  info.national_guess = e.national_guess;
  info.value = keys_.values.Append(id.value);
  info.value_size = static_cast<uint32_t>(id.value.size());
  IndexKey(k);
  return k;
}

void IdentityGraph::IndexKey(KeyId k) {
  KeyInfo& info = keys_.keys[k];
  const std::string_view value = key_value(k);
  index_.Insert(k, IndexHash(MatchKind(info.kind), value));
  if (MatchKind(info.kind) == static_cast<size_t>(IdentityKind::kPhone) &&
      value.size() > 1) {
    const int64_t suffix = Suffix7(value.substr(1));
    if (suffix >= 0) {
      auto [it, inserted] =
          phone_suffix_.try_emplace(static_cast<uint32_t>(suffix), k);
      if (!inserted) {
        info.next_suffix = it->second;
        it->second = k;
      }
    }
  }
}

void IdentityGraph::UnindexKey(KeyId k) {
  const std::string_view value = key_value(k);
  index_.Erase(k, IndexHash(MatchKind(key(k).kind), value));
  if (MatchKind(key(k).kind) != static_cast<size_t>(IdentityKind::kPhone) ||
      value.size() <= 1) {
    return;
  }
  const int64_t suffix = Suffix7(value.substr(1));
  auto it = phone_suffix_.find(static_cast<uint32_t>(suffix));
  if (suffix < 0 || it == phone_suffix_.end()) return;
  if (it->second == k) {
    if (key(k).next_suffix == kNone) {
      phone_suffix_.erase(it);
    } else {
      it->second = key(k).next_suffix;
    }
  } else {
    for (KeyId p = it->second; p != kNone; p = key(p).next_suffix) {
      if (key(p).next_suffix == k) {
        keys_.keys[p].next_suffix = key(k).next_suffix;
        break;
      }
    }
  }
  keys_.keys[k].next_suffix = kNone;
}

void IdentityGraph::Own(BaseId base, KeyId key) {
  KeyInfo& info = keys_.keys[key];
  info.owner = base;
  info.next_owned = newest_owned_[base];
  newest_owned_[base] = key;
  ++roots_[FindRoot(base)].counts[MatchKind(info.kind)];
}

bool IdentityGraph::KeptApart(BaseId ra, BaseId rb) const {
  if (apart_.empty()) return false;
  const bool a_smaller = MemberCount(ra) <= MemberCount(rb);
  const BaseId other = a_smaller ? rb : ra;
  for (BaseId m : MembersOfRoot(a_smaller ? ra : rb)) {
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
      fresh_ != kNone && ((ra == fresh_ && MemberCount(ra) == 1) ||
                          (rb == fresh_ && MemberCount(rb) == 1));
  const BaseId survivor = std::min(roots_[ra].oldest, roots_[rb].oldest);
  const BaseId absorbed = std::max(roots_[ra].oldest, roots_[rb].oldest);
  if (MemberCount(ra) < MemberCount(rb)) std::swap(ra, rb);
  parent_[rb] = ra;
  {
    const std::vector<BaseId> members = MembersOfRoot(rb);
    const std::vector<LinkId> links = LinksOfRoot(rb);
    Group& into = GroupOf(ra);
    into.members.insert(into.members.end(), members.begin(), members.end());
    into.links.insert(into.links.end(), links.begin(), links.end());
  }
  Root& into = roots_[ra];
  const Root& from = roots_[rb];
  for (size_t k = 0; k < kIdentityKindCount; ++k) into.counts[k] += from.counts[k];
  into.oldest = std::min(into.oldest, from.oldest);
  ResetRoot(rb);
  roots_[rb].oldest = kNone;

  auto [it, inserted] = merges_.try_emplace(l);
  MergeInfo& info = it->second;
  if (inserted) info.fresh = fresh;
  const bool was_active = info.active;
  info.link = l;
  info.survivor = survivor;
  info.absorbed = absorbed;
  info.key = link.key;
  info.interaction = link.interaction;
  info.at_nanos = link.at_nanos;
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
  absl::InlinedVector<KeyId, 8> ids;
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
    const KeyInfo& k = key(ids[i]);
    if (k.shared) continue;
    if (k.owner != kNone) base = k.owner;
    break;
  }
  if (base == kNone && fallback != kNone && fallback < parent_.size() &&
      std::all_of(ids.begin(), ids.end(),
                  [this](KeyId k) { return key(k).shared; })) {
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
    KeyInfo& k = keys_.keys[key];
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
    const LinkId l = AddLink(Link{base, k.owner, key, interaction, kNone,
                                  model::TimeToNanos(at)});
    if (TryUnion(l, &result)) {
      AddRootLink(FindRoot(base), l);
      continue;
    }
    if (same_customer) {
      AddRootLink(FindRoot(base), l);
      continue;
    }
    // Refused: remember the link on both sides so a later rebuild of either
    // can reconsider it, and count the conflict against the identity.
    AddRootLink(FindRoot(base), l);
    AddRootLink(FindRoot(k.owner), l);
    result.rejected.push_back(key);
    if (++k.conflicts >= options_.shared_after_conflicts) {
      MarkShared(key, &result);
    }
  }
  fresh_ = kNone;
  return result;
}

LinkId IdentityGraph::AddLink(Link link) {
  const LinkId l = static_cast<LinkId>(links_.size());
  if (link.key != kNone) {
    auto [it, inserted] = newest_link_of_key_.try_emplace(link.key, l);
    if (!inserted) {
      link.next_of_key = it->second;
      it->second = l;
    }
  }
  links_.push_back(link);
  return l;
}

}  // namespace threadline::identity
