// State: erasure of a customer and whole-state snapshots.
#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "engine/state.h"
#include "model/snapshot_time.h"
#include "threadline/status_macros.h"
#include "threadline/v1/snapshot.pb.h"

namespace threadline::engine {
namespace {

// Entries of a string-keyed table, sorted by key: hash order differs between
// processes, snapshot bytes must not.
void SaveTable(const util::StringMap<continuity::CaseId>& map,
               google::protobuf::RepeatedPtrField<v1::Snapshot::CaseEntry>* out) {
  const auto entries = map.Sorted();
  out->Reserve(static_cast<int>(entries.size()));
  for (const auto& [key, c] : entries) {
    v1::Snapshot::CaseEntry* e = out->Add();
    e->set_key(std::string(key));
    e->set_case_id(c);
  }
}

void EraseCases(util::StringMap<continuity::CaseId>& map,
                const absl::flat_hash_set<continuity::CaseId>& cases) {
  map.EraseIf([&cases](continuity::CaseId c) { return cases.contains(c); });
}

}  // namespace

void State::ApplyErased(const v1::CustomerErased& e) {
  last_erasure_ = ErasureResult();
  const uint32_t base = e.base();
  if (base >= graph_.base_count() || graph_.IsErased(base)) return;
  const std::vector<uint32_t> bases = graph_.Members(base);
  const absl::flat_hash_set<uint32_t> base_set(bases.begin(), bases.end());

  // The customer's cases, and every interaction that is theirs or sits in
  // one of their cases (the brand's replies to them).
  absl::flat_hash_set<continuity::CaseId> cases;
  for (uint32_t b : bases) {
    for (continuity::CaseId c : cases_.OpenedBy(b)) cases.insert(c);
  }
  absl::flat_hash_set<uint32_t> interactions;
  for (uint32_t i = 0; i < interactions_.size(); ++i) {
    const InteractionRecord& r = interactions_[i];
    if (!r.erased && (base_set.contains(r.base) || cases.contains(r.case_id))) {
      interactions.insert(i);
    }
  }

  last_erasure_.bases = bases;
  last_erasure_.identities = graph_.EraseCustomer(base, interactions);
  last_erasure_.interactions = interactions.size();
  last_erasure_.cases = cases.size();
  for (uint32_t i : interactions) {
    const InteractionRecord& r = interactions_[i];
    if (!cases.contains(r.case_id)) cases_.Detach(r.case_id, i);
    interactions_.Erase(i);
  }
  erased_interactions_ += interactions.size();
  for (continuity::CaseId c : cases) cases_.Erase(c);
  EraseCases(threads_, cases);
  EraseCases(references_, cases);
  for (uint32_t b : bases) names_.Erase(b);
  // Alert evidence quotes messages: rebuild the stage without the erased.
  RebuildListening();
}

void State::Save(v1::Snapshot* out) const {
  out->set_sequence(sequence_);
  graph_.Save(out->mutable_graph());
  cases_.Save(out->mutable_cases());
  out->mutable_interactions()->Reserve(static_cast<int>(interactions_.size()));
  for (size_t i = 0; i < interactions_.size(); ++i) {
    const InteractionRecord& r = interactions_[i];
    v1::InteractionRecordSnapshot* s = out->add_interactions();
    s->set_id(std::string(interactions_.id(i)));
    s->set_text(std::string(interactions_.text(i)));
    s->set_agent_id(std::string(interactions_.agent_id(i)));
    s->set_at(r.at_nanos);
    s->set_fingerprint(r.fingerprint);
    s->set_digest(r.digest);
    s->set_base(r.base);
    s->set_case_id(r.case_id);
    s->set_channel(static_cast<int>(r.channel));
    s->set_direction(static_cast<int>(r.direction));
    s->set_reason(static_cast<int>(r.reason));
    s->set_continued(r.continued);
    s->set_erased(r.erased);
    s->set_topic(r.topic);
    s->set_scored(r.scored);
    s->set_sentiment(r.sentiment);
    if (r.language[0] != 0) {
      s->set_language(std::string(r.language.data(),
                                  r.language[1] != 0 ? 2 : 1));
    }
  }
  SaveTable(threads_, out->mutable_threads());
  SaveTable(references_, out->mutable_references());
  for (const std::string& t : topics_) out->add_topics(t);
  for (uint32_t b = 0; b < names_.owner_limit(); ++b) {
    if (names_.Empty(b)) continue;
    v1::Snapshot::Names* n = out->add_names();
    n->set_base(b);
    for (std::string_view name : names_.Get(b)) n->add_names(std::string(name));
  }
  for (const auto& [position, event] : listening_decisions_) {
    v1::Snapshot::ListeningDecision* d = out->add_listening_decisions();
    d->set_position(position);
    d->set_event(event);
  }
}

absl::Status State::Restore(const v1::Snapshot& in) {
  State fresh(StateOptions{graph_options_, listening_options_});
  absl::Status status = fresh.RestoreInto(in);
  if (!status.ok()) return status;
  *this = std::move(fresh);
  return absl::OkStatus();
}

absl::Status State::RestoreInto(const v1::Snapshot& in) {
  THREADLINE_RETURN_IF_ERROR(graph_.Restore(in.graph()));
  THREADLINE_RETURN_IF_ERROR(cases_.Restore(
      in.cases(), static_cast<size_t>(in.interactions_size())));
  const size_t case_count = cases_.size();
  const size_t base_count = graph_.base_count();
  auto bad = [](std::string what) {
    return absl::DataLossError(absl::StrCat("snapshot: ", what, " out of range"));
  };
  for (continuity::CaseId c = 0; c < case_count; ++c) {
    if (cases_.get(c).opener_base >= base_count) {
      return bad(absl::StrCat("opener of case ", c));
    }
  }
  for (const v1::InteractionRecordSnapshot& s : in.interactions()) {
    const uint32_t index = static_cast<uint32_t>(interactions_.size());
    if (s.base() >= base_count || s.case_id() >= case_count ||
        s.channel() < 0 || s.channel() >= kChannelCount) {
      return bad(absl::StrCat("interaction ", index));
    }
    if (!s.erased() && interactions_.Find(s.id()) >= 0) {
      return absl::DataLossError(absl::StrCat(
          "snapshot: interaction id \"", s.id(), "\" appears twice"));
    }
    InteractionRecord& r =
        s.erased() ? interactions_.AddErased()
                   : interactions_.Add(s.id(), s.text(), s.agent_id());
    r.at_nanos = s.at();
    r.fingerprint = s.fingerprint();
    r.digest = s.digest();
    r.base = s.base();
    r.case_id = s.case_id();
    r.channel = static_cast<Channel>(s.channel());
    r.direction = static_cast<Direction>(s.direction());
    r.reason = static_cast<LinkReason>(s.reason());
    r.continued = s.continued();
    r.topic = static_cast<continuity::TopicId>(s.topic());
    r.scored = s.scored();
    r.sentiment = s.sentiment();
    for (size_t i = 0; i < r.language.size() && i < s.language().size(); ++i) {
      r.language[i] = s.language()[i];
    }
    if (r.erased) ++erased_interactions_;
  }
  for (const auto* table : {&in.threads(), &in.references()}) {
    auto& map = table == &in.threads() ? threads_ : references_;
    for (const v1::Snapshot::CaseEntry& e : *table) {
      if (e.case_id() >= case_count) return bad("thread or reference case");
      if (map.Find(e.key()) == nullptr) map.Set(e.key(), e.case_id());
    }
  }
  if (in.topics_size() == 0 || !in.topics(0).empty() ||
      in.topics_size() > 0xffff) {
    return absl::DataLossError("snapshot: topic table malformed");
  }
  topics_.assign(in.topics().begin(), in.topics().end());
  for (size_t t = 1; t < topics_.size(); ++t) {
    topic_ids_.emplace(topics_[t], static_cast<continuity::TopicId>(t));
  }
  for (const v1::Snapshot::Names& n : in.names()) {
    if (n.base() >= base_count) return bad("named base");
    for (const std::string& name : n.names()) names_.Add(n.base(), name);
  }
  for (const v1::Snapshot::ListeningDecision& d : in.listening_decisions()) {
    listening_decisions_.emplace_back(d.position(), d.event());
  }
  for (size_t i = 0; i < interactions_.size(); ++i) {
    if (interactions_[i].topic >= topics_.size()) {
      return bad("interaction topic");
    }
  }
  RebuildListening();
  sequence_ = in.sequence();
  return absl::OkStatus();
}

}  // namespace threadline::engine
