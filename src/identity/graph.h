// The identity graph: which canonical identities belong to which customer.
//
// Every interaction is one piece of evidence that its identities belong to one
// person. A customer is born ("base customer") when an interaction's primary
// identity is new; it owns the identities first seen with it. An interaction
// whose identities are owned by different customers contributes a link
// between them, and linked customers form one customer (a component) whose id
// is the oldest base id in it.
//
// Links are kept, not just their effect, because merges must be undoable:
//   - a union that would give a customer more identities of one kind than the
//     per-kind limit allows (two ACCOUNTs: a family sharing one landline) is
//     refused and counted as a conflict against the identity that tried it;
//   - an identity with `shared_after_conflicts` conflicts is shared (a brand's
//     hotline quoted by its customers, a family phone): it stops identifying
//     anyone and the components that rested on it are rebuilt without it;
//   - a host can merge two customers by hand and undo any merge by its record:
//     the two sides are then kept apart.
// A rebuild replays a component's links in their original order with the
// current rules, so the result is what it would have been had the rules been
// known from the start. Everything here is deterministic: the same calls in
// the same order give the same state.
//
// Thread-compatible.
#ifndef THREADLINE_SRC_IDENTITY_GRAPH_H_
#define THREADLINE_SRC_IDENTITY_GRAPH_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/time/time.h"
#include "model/snapshot_time.h"
#include "threadline/types.h"
#include "util/chunked_vector.h"
#include "util/ordinal_index.h"
#include "util/string_arena.h"

namespace threadline::v1 {
class GraphSnapshot;
}  // namespace threadline::v1

namespace threadline::identity {

using KeyId = uint32_t;
using BaseId = uint32_t;
using LinkId = uint32_t;
inline constexpr uint32_t kNone = 0xffffffffu;
// Value prefix of a provisional phone identity: national digits that no
// region could read ("national:686499706").
inline constexpr char kNationalPrefix[] = "national:";

struct GraphOptions {
  // Most identities of each kind one customer may have; a merge that would
  // exceed a limit does not happen. Indexed by IdentityKind. 0: no limit.
  std::array<uint8_t, kIdentityKindCount> max_per_kind{};
  // Conflicts after which an identity is treated as shared.
  int shared_after_conflicts = 2;
};
GraphOptions DefaultGraphOptions();

// One identity of an interaction, canonical, as evidence.
struct KeyEvidence {
  Identity identity;        // canonical; WHATSAPP and PHONE values meet
  bool mentioned = false;   // found in the message text
  // A phone number written the national way with no region to read it by,
  // read with the default region: a guess (see PhonesMatchingNational).
  bool national_guess = false;
};

// What applying an interaction's evidence did.
struct ResolveResult {
  BaseId base = kNone;            // the base customer the interaction joined
  bool created = false;           // a new base customer was born
  std::vector<LinkId> merges;     // links that merged two customers
  std::vector<LinkId> undone;     // merge records undone by a rebuild
  std::vector<KeyId> rejected;    // identities refused by a per-kind limit
};

struct MergeInfo {
  LinkId link = kNone;
  BaseId survivor = kNone;  // the older component's id at the time
  BaseId absorbed = kNone;
  KeyId key = kNone;        // kNone for a merge the host asked for
  uint32_t interaction = kNone;
  int64_t at_nanos = 0;     // when the evidence arrived
  bool active = false;      // false once undone
  bool explicit_merge = false;
  // A new contact joining its customer (one side was born from the very
  // interaction): undoable like a merge, but not reported as one.
  bool fresh = false;

  absl::Time at() const { return model::NanosToTime(at_nanos); }
};

// What the graph knows of one identity: 48 bytes, its value in the graph's
// string arena.
struct KeyInfo {
  int64_t first_seen_nanos = 0;
  int64_t last_seen_nanos = 0;
  util::StringArena::Ref value;  // canonical, match form
  uint32_t value_size = 0;
  BaseId owner = kNone;
  uint32_t evidence = kNone;  // interaction that tied it to its owner
  KeyId next_owned = kNone;   // the owner's next older key
  KeyId next_suffix = kNone;  // the next phone key with the same last digits
  IdentityKind kind = IdentityKind::kUnspecified;
  uint8_t conflicts = 0;
  bool shared : 1;
  bool mentioned : 1;       // first seen in a message's text
  bool national_guess : 1;  // only ever read with a guessed region
  bool erased : 1;          // its customer was erased; the value is gone

  KeyInfo() : shared(false), mentioned(false), national_guess(false),
              erased(false) {}
  absl::Time first_seen() const { return model::NanosToTime(first_seen_nanos); }
  absl::Time last_seen() const { return model::NanosToTime(last_seen_nanos); }
};
static_assert(sizeof(KeyInfo) == 48, "a record per identity: keep it small");

class IdentityGraph {
 public:
  explicit IdentityGraph(GraphOptions options = DefaultGraphOptions());

  // Key of a canonical identity, or kNone when never seen.
  KeyId Find(const Identity& canonical) const;
  // PhonesMatchingNational: phone keys whose E.164 form is a country code
  // (1-3 digits) followed by `national_digits` (a leading trunk 0 may be
  // left out), e.g. "3165654325" matches "+573165654325". This is how a
  // number written the national way without a region is recognised as a
  // number already known in international form.
  std::vector<KeyId> PhonesMatchingNational(std::string_view national_digits) const;
  const KeyInfo& key(KeyId k) const { return keys_.keys[k]; }
  std::string_view key_value(KeyId k) const { return keys_.Value(k); }
  Identity KeyIdentity(KeyId k) const;

  // Resolve: applies one interaction's evidence. `keys` are its identities,
  // the primary one (the interaction's account, else its contact) first;
  // `interaction` is the caller's index of the interaction. Deterministic.
  // When no identity identifies anyone (none given, all shared or new) and
  // `fallback` names a base, the interaction joins that base instead of
  // making a customer of its own, unless it brings new identities.
  ResolveResult Resolve(const std::vector<KeyEvidence>& keys,
                        uint32_t interaction, absl::Time at,
                        BaseId fallback = kNone);

  // Merge: links the customers of bases a and b by the host's word (no
  // per-kind limit applies). Returns the merge link, or kNone when they are
  // already one customer or are kept apart by an undone merge.
  LinkId MergeExplicit(BaseId a, BaseId b, absl::Time at);

  // Undo: undoes the merge record `link` and keeps its two sides apart.
  // Returns the records undone (the link itself and any that the rebuild
  // could no longer make).
  std::vector<LinkId> Undo(LinkId link);

  // The customer (component) of a base: the id of its oldest base.
  BaseId CustomerOf(BaseId base) const;
  // True when the customer of `base` is that base alone (the common case).
  bool IsAlone(BaseId base) const {
    return parent_[base] == base && roots_[base].group == kNone;
  }
  // All bases of the customer of `base`, oldest first.
  std::vector<BaseId> Members(BaseId base) const;
  // Keys owned by a base, in the order it came to own them.
  std::vector<KeyId> KeysOf(BaseId base) const;
  size_t base_count() const { return parent_.size(); }
  size_t key_count() const { return keys_.keys.size(); }
  const MergeInfo* merge(LinkId link) const;
  size_t active_merges() const;
  // Merge records touching the customer of `base`.
  std::vector<LinkId> MergesOf(BaseId base) const;

  // EraseCustomer: forgets the customer of `base`: every base in it is
  // marked erased, every identity they own (and every unowned, unshared one
  // first seen in one of `interactions`) loses its value and can no longer
  // be found, so the same identity seen again makes a new customer. Links
  // touching the customer are disabled and its merge records dropped, so no
  // rebuild can tie another customer to it. Returns the identities erased.
  // The caller passes the interactions of the customer (its own indexes).
  size_t EraseCustomer(BaseId base,
                       const absl::flat_hash_set<uint32_t>& interactions);
  bool IsErased(BaseId base) const {
    return !erased_.empty() && erased_.contains(base);
  }
  size_t erased_count() const { return erased_.size(); }

  // Save / Restore: the whole graph as a snapshot message; look-up indexes
  // are rebuilt on restore. Restore checks that every ordinal is in range
  // (DataLoss naming the first that is not) and leaves the graph empty on
  // error.
  void Save(v1::GraphSnapshot* out) const;
  [[nodiscard]] absl::Status Restore(const v1::GraphSnapshot& in);

 private:
  struct Link {
    BaseId a, b;        // a: the citing interaction's base; b: the owner
    KeyId key;          // kNone for an explicit merge
    uint32_t interaction;
    LinkId next_of_key;  // the next older link citing the same key
    int64_t at_nanos;
    bool is_explicit = false;
    bool disabled = false;  // undone by the host
  };
  // Per base; meaningful at the root of a component. A component of one
  // base with no links (most customers) needs nothing more; a larger one
  // keeps its members and links in a Group.
  struct Root {
    std::array<uint8_t, kIdentityKindCount> counts{};
    BaseId oldest = kNone;
    uint32_t group = kNone;  // groups_ index
  };
  struct Group {
    std::vector<BaseId> members;
    std::vector<LinkId> links;
  };
  // Key records and their values.
  struct KeyTable {
    util::ChunkedVector<KeyInfo> keys;
    util::StringArena values;
    std::string_view Value(KeyId k) const {
      return values.Get(keys[k].value, keys[k].value_size);
    }
  };
  // The hash the key index files a key under: its value and match kind.
  static uint32_t IndexHash(size_t match_kind, std::string_view value) {
    return util::HashKey(value, match_kind);
  }

  static size_t MatchKind(IdentityKind kind);
  BaseId FindRoot(BaseId b) const;
  BaseId NewBase();
  KeyId Intern(const KeyEvidence& e, absl::Time at, uint32_t interaction);
  void Own(BaseId base, KeyId key);
  // Index and suffix look-ups of a key (after Intern or Restore).
  void IndexKey(KeyId k);
  void UnindexKey(KeyId k);
  // Members and links of a root, and their changes.
  size_t MemberCount(BaseId root) const;
  std::vector<BaseId> MembersOfRoot(BaseId root) const;
  std::vector<LinkId> LinksOfRoot(BaseId root) const;
  Group& GroupOf(BaseId root);
  void AddRootLink(BaseId root, LinkId l) { GroupOf(root).links.push_back(l); }
  // Makes `b` a component of its own again, with no links.
  void ResetRoot(BaseId b);
  // Tries to join the components of link `l`; records the merge on success.
  bool TryUnion(LinkId l, ResolveResult* result);
  bool KeptApart(BaseId ra, BaseId rb) const;
  // Rebuilds the components holding `bases` from their links.
  void Rebuild(const std::vector<BaseId>& bases, ResolveResult* result);
  void MarkShared(KeyId key, ResolveResult* result);
  LinkId AddLink(Link link);
  // Rebuilds the key index, the phone suffixes, the per-key link chains
  // and linked_pairs_ from the keys and links (after Restore).
  void RebuildIndexes();

  GraphOptions options_;
  KeyTable keys_;
  util::OrdinalIndex index_;  // unerased keys by match kind and value
  // The newest phone key ending in each seven digits (see next_suffix).
  absl::flat_hash_map<uint32_t, KeyId> phone_suffix_;
  mutable util::ChunkedVector<BaseId> parent_;
  util::ChunkedVector<Root> roots_;      // valid at roots only
  util::ChunkedVector<KeyId> newest_owned_;  // per base (see next_owned)
  std::vector<Group> groups_;
  std::vector<uint32_t> free_groups_;
  std::vector<Link> links_;
  // The newest link citing each key (see next_of_key).
  absl::flat_hash_map<KeyId, LinkId> newest_link_of_key_;
  absl::flat_hash_set<uint64_t> linked_pairs_;  // (base << 32 | key)
  BaseId fresh_ = kNone;  // the base born in the Resolve under way
  absl::flat_hash_map<LinkId, MergeInfo> merges_;
  // Pairs of bases kept apart by undone merges, both directions.
  absl::flat_hash_map<BaseId, std::vector<BaseId>> apart_;
  absl::flat_hash_set<BaseId> erased_;
};

}  // namespace threadline::identity

#endif  // THREADLINE_SRC_IDENTITY_GRAPH_H_
