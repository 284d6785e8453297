// IdentityGraph::Save / Restore: the graph as a GraphSnapshot message.
// Everything whose order matters (members, links, owned keys) is written as
// it is held; hash maps are written sorted so the same graph always gives the
// same bytes; look-up indexes are rebuilt rather than stored.
#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "identity/graph.h"
#include "model/snapshot_time.h"
#include "threadline/v1/snapshot.pb.h"

namespace threadline::identity {

void IdentityGraph::Save(v1::GraphSnapshot* out) const {
  out->mutable_keys()->Reserve(static_cast<int>(key_count()));
  for (KeyId k = 0; k < key_count(); ++k) {
    const KeyInfo& info = this->key(k);
    v1::GraphSnapshot::Key* key = out->add_keys();
    key->set_kind(static_cast<int>(info.kind));
    key->set_value(std::string(key_value(k)));
    key->set_shared(info.shared);
    key->set_mentioned(info.mentioned);
    key->set_national_guess(info.national_guess);
    key->set_conflicts(info.conflicts);
    key->set_owner(info.owner);
    key->set_evidence(info.evidence);
    key->set_first_seen(info.first_seen_nanos);
    key->set_last_seen(info.last_seen_nanos);
    key->set_erased(info.erased);
  }
  out->mutable_parent()->Reserve(static_cast<int>(parent_.size()));
  for (BaseId b = 0; b < parent_.size(); ++b) out->add_parent(parent_[b]);
  for (BaseId b = 0; b < parent_.size(); ++b) {
    if (parent_[b] != b) continue;
    const Root& r = roots_[b];
    v1::GraphSnapshot::Root* root = out->add_roots();
    root->set_base(b);
    const std::vector<BaseId> members = MembersOfRoot(b);
    const std::vector<LinkId> links = LinksOfRoot(b);
    root->mutable_members()->Add(members.begin(), members.end());
    root->mutable_links()->Add(links.begin(), links.end());
    root->set_counts(std::string(r.counts.begin(), r.counts.end()));
    root->set_oldest(r.oldest);
  }
  for (BaseId b = 0; b < parent_.size(); ++b) {
    const std::vector<KeyId> owned = KeysOf(b);
    out->add_owned()->mutable_keys()->Add(owned.begin(), owned.end());
  }
  for (const Link& l : links_) {
    v1::GraphSnapshot::Link* link = out->add_links();
    link->set_a(l.a);
    link->set_b(l.b);
    link->set_key(l.key);
    link->set_interaction(l.interaction);
    link->set_at(l.at_nanos);
    link->set_is_explicit(l.is_explicit);
    link->set_disabled(l.disabled);
  }
  std::vector<LinkId> merge_ids;
  merge_ids.reserve(merges_.size());
  for (const auto& [id, info] : merges_) merge_ids.push_back(id);
  std::sort(merge_ids.begin(), merge_ids.end());
  for (LinkId id : merge_ids) {
    const MergeInfo& m = merges_.at(id);
    v1::GraphSnapshot::Merge* merge = out->add_merges();
    merge->set_link(m.link);
    merge->set_survivor(m.survivor);
    merge->set_absorbed(m.absorbed);
    merge->set_key(m.key);
    merge->set_interaction(m.interaction);
    merge->set_at(m.at_nanos);
    merge->set_active(m.active);
    merge->set_explicit_merge(m.explicit_merge);
    merge->set_fresh(m.fresh);
  }
  std::vector<BaseId> apart_bases;
  for (const auto& [b, others] : apart_) apart_bases.push_back(b);
  std::sort(apart_bases.begin(), apart_bases.end());
  for (BaseId b : apart_bases) {
    v1::GraphSnapshot::Apart* apart = out->add_apart();
    apart->set_base(b);
    const std::vector<BaseId>& others = apart_.at(b);
    apart->mutable_others()->Add(others.begin(), others.end());
  }
  std::vector<BaseId> erased(erased_.begin(), erased_.end());
  std::sort(erased.begin(), erased.end());
  out->mutable_erased_bases()->Add(erased.begin(), erased.end());
}

absl::Status IdentityGraph::Restore(const v1::GraphSnapshot& in) {
  GraphOptions options = options_;
  *this = IdentityGraph(options);
  const size_t bases = static_cast<size_t>(in.parent_size());
  const size_t key_count = static_cast<size_t>(in.keys_size());
  const size_t link_count = static_cast<size_t>(in.links_size());
  auto bad = [this, &options](std::string what) {
    *this = IdentityGraph(options);
    return absl::DataLossError(
        absl::StrCat("snapshot: identity graph: ", what, " out of range"));
  };
  auto base_ok = [bases](uint32_t b) { return b < bases; };
  auto base_or_none = [bases](uint32_t b) { return b < bases || b == kNone; };
  auto key_or_none = [key_count](uint32_t k) {
    return k < key_count || k == kNone;
  };

  for (const v1::GraphSnapshot::Key& key : in.keys()) {
    if (key.kind() <= 0 || key.kind() >= kIdentityKindCount ||
        !base_or_none(key.owner()) || key.conflicts() > 255) {
      return bad(absl::StrCat("key ", keys_.keys.size()));
    }
    KeyInfo& info = keys_.keys.emplace_back();
    info.kind = static_cast<IdentityKind>(key.kind());
    info.shared = key.shared();
    info.mentioned = key.mentioned();
    info.national_guess = key.national_guess();
    info.erased = key.erased();
    info.conflicts = static_cast<uint8_t>(key.conflicts());
    info.owner = key.owner();
    info.evidence = key.evidence();
    info.first_seen_nanos = key.first_seen();
    info.last_seen_nanos = key.last_seen();
    info.value = keys_.values.Append(key.value());
    info.value_size = static_cast<uint32_t>(key.value().size());
  }
  for (BaseId p : in.parent()) {
    if (!base_ok(p)) return bad("base parent");
    parent_.push_back(p);
    roots_.emplace_back();
    newest_owned_.push_back(kNone);
  }
  for (const v1::GraphSnapshot::Root& root : in.roots()) {
    if (!base_ok(root.base()) || !base_ok(root.oldest()) ||
        root.counts().size() != kIdentityKindCount) {
      return bad("root");
    }
    if (!std::all_of(root.members().begin(), root.members().end(), base_ok) ||
        !std::all_of(root.links().begin(), root.links().end(),
                     [link_count](LinkId l) { return l < link_count; })) {
      return bad("root member or link");
    }
    const BaseId b = root.base();
    Root& r = roots_[b];
    if (root.members_size() != 1 || root.members(0) != b ||
        root.links_size() != 0) {
      Group& g = GroupOf(b);
      g.members.assign(root.members().begin(), root.members().end());
      g.links.assign(root.links().begin(), root.links().end());
    }
    std::copy(root.counts().begin(), root.counts().end(), r.counts.begin());
    r.oldest = root.oldest();
  }
  if (static_cast<size_t>(in.owned_size()) != bases) return bad("owned list");
  for (size_t b = 0; b < bases; ++b) {
    for (KeyId k : in.owned(static_cast<int>(b)).keys()) {
      if (k >= key_count || key(k).next_owned != kNone ||
          newest_owned_[b] == k) {
        return bad("owned key");
      }
      keys_.keys[k].next_owned = newest_owned_[b];
      newest_owned_[b] = k;
    }
  }
  links_.reserve(link_count);
  for (const v1::GraphSnapshot::Link& link : in.links()) {
    if (!base_ok(link.a()) || !base_ok(link.b()) || !key_or_none(link.key())) {
      return bad(absl::StrCat("link ", links_.size()));
    }
    Link l{link.a(), link.b(), link.key(), link.interaction(), kNone,
           link.at()};
    l.is_explicit = link.is_explicit();
    l.disabled = link.disabled();
    links_.push_back(l);
  }
  for (const v1::GraphSnapshot::Merge& merge : in.merges()) {
    if (merge.link() >= link_count || !base_or_none(merge.survivor()) ||
        !base_or_none(merge.absorbed()) || !key_or_none(merge.key())) {
      return bad(absl::StrCat("merge ", merge.link()));
    }
    MergeInfo& m = merges_[merge.link()];
    m.link = merge.link();
    m.survivor = merge.survivor();
    m.absorbed = merge.absorbed();
    m.key = merge.key();
    m.interaction = merge.interaction();
    m.at_nanos = merge.at();
    m.active = merge.active();
    m.explicit_merge = merge.explicit_merge();
    m.fresh = merge.fresh();
  }
  for (const v1::GraphSnapshot::Apart& apart : in.apart()) {
    if (!base_ok(apart.base()) ||
        !std::all_of(apart.others().begin(), apart.others().end(), base_ok)) {
      return bad("kept-apart base");
    }
    apart_[apart.base()].assign(apart.others().begin(), apart.others().end());
  }
  for (BaseId b : in.erased_bases()) {
    if (!base_ok(b)) return bad("erased base");
    erased_.insert(b);
  }
  RebuildIndexes();
  return absl::OkStatus();
}

void IdentityGraph::RebuildIndexes() {
  index_.reserve(key_count());
  for (KeyId k = 0; k < key_count(); ++k) {
    if (!key(k).erased) IndexKey(k);
  }
  for (LinkId l = 0; l < links_.size(); ++l) {
    Link& link = links_[l];
    if (link.key == kNone) continue;
    if (!key(link.key).erased) {
      auto [it, inserted] = newest_link_of_key_.try_emplace(link.key, l);
      if (!inserted) {
        link.next_of_key = it->second;
        it->second = l;
      }
    }
    if (!link.is_explicit) {
      linked_pairs_.insert((uint64_t{link.a} << 32) | link.key);
    }
  }
}

}  // namespace threadline::identity
