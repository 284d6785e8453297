#include "engine/state.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "model/convert.h"
#include "model/snapshot_time.h"

namespace threadline::engine {
namespace {

// A thread id is the channel's own: the same id on two channels is two
// threads. The key is built in `*buffer`.
std::string_view ThreadKey(Channel channel, std::string_view thread_id,
                           std::string* buffer) {
  buffer->clear();
  buffer->push_back(static_cast<char>('A' + static_cast<int>(channel)));
  buffer->append(thread_id.data(), thread_id.size());
  return *buffer;
}

}  // namespace

State::State(StateOptions options)
    : graph_options_(options.graph),
      graph_(std::move(options.graph)),
      listening_options_(options.listening),
      listening_(std::make_unique<listening::Monitor>(listening_options_)) {}

int64_t State::FindInteraction(std::string_view id) const {
  return interactions_.Find(id);
}

continuity::CaseId State::ThreadCase(Channel channel,
                                     std::string_view thread_id) const {
  thread_local std::string buffer;
  const continuity::CaseId* c =
      threads_.Find(ThreadKey(channel, thread_id, &buffer));
  return c == nullptr ? continuity::kNoCase : cases_.Root(*c);
}

continuity::CaseId State::ReferenceCase(std::string_view external_ref) const {
  const continuity::CaseId* c = references_.Find(external_ref);
  return c == nullptr ? continuity::kNoCase : cases_.Root(*c);
}

continuity::CaseList State::CustomerCases(uint32_t base) const {
  continuity::CaseList out;
  auto add = [&](uint32_t member) {
    for (continuity::CaseId c : cases_.OpenedBy(member)) {
      out.push_back(cases_.Root(c));
    }
  };
  // Most customers are one base: skip building and sorting the member list.
  if (graph_.IsAlone(base)) {
    add(base);
  } else {
    for (uint32_t member : graph_.Members(base)) add(member);
  }
  if (out.size() > 1) {
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
  return out;
}

continuity::TopicId State::FindTopic(std::string_view topic) const {
  if (topic.empty()) return 0;
  auto it = topic_ids_.find(absl::string_view(topic.data(), topic.size()));
  return it == topic_ids_.end() ? 0 : it->second;
}

continuity::TopicId State::InternTopic(std::string_view topic) {
  if (topic.empty()) return 0;
  if (continuity::TopicId known = FindTopic(topic); known != 0) return known;
  auto [it, inserted] = topic_ids_.try_emplace(
      std::string(topic), static_cast<continuity::TopicId>(topics_.size()));
  if (inserted) topics_.emplace_back(topic);
  return it->second;
}


void State::Apply(const v1::Event& event) {
  ++sequence_;
  switch (event.kind_case()) {
    case v1::Event::kIdentitiesResolved: {
      const auto& e = event.identities_resolved();
      // Filled in place: the strings keep their memory between events.
      std::vector<identity::KeyEvidence>& keys = evidence_scratch_;
      keys.resize(static_cast<size_t>(e.evidence_size()));
      for (int i = 0; i < e.evidence_size(); ++i) {
        const auto& ev = e.evidence(i);
        identity::KeyEvidence& k = keys[static_cast<size_t>(i)];
        k.identity.kind = static_cast<IdentityKind>(ev.identity().kind());
        k.identity.value.assign(ev.identity().value());
        k.mentioned = ev.mentioned();
        k.national_guess = ev.national_guess();
      }
      Resolve(keys, model::FromProto(e.at()),
              e.has_fallback_base() ? e.fallback_base() : identity::kNone);
      break;
    }
    case v1::Event::kInteractionLinked:
      Link(ViewOf(event.interaction_linked()));
      break;
    case v1::Event::kCasesMerged: {
      const auto& e = event.cases_merged();
      cases_.Merge(e.survivor(), e.absorbed(), e.cause());
      break;
    }
    case v1::Event::kCustomersMerged: {
      const auto& e = event.customers_merged();
      graph_.MergeExplicit(e.base_a(), e.base_b(), model::FromProto(e.at()));
      break;
    }
    case v1::Event::kMergeUndone: {
      for (identity::LinkId l : graph_.Undo(event.merge_undone().merge())) {
        cases_.UndoMergesCausedBy(l);
      }
      break;
    }
    case v1::Event::kCaseStatusChanged: {
      const auto& e = event.case_status_changed();
      cases_.SetStatus(e.case_ordinal(), static_cast<CaseStatus>(e.status()),
                       model::FromProto(e.at()));
      break;
    }
    case v1::Event::kCustomerErased:
      ApplyErased(event.customer_erased());
      break;
    case v1::Event::kIncidentMemberAdded:
    case v1::Event::kIncidentMemberRemoved:
    case v1::Event::kIncidentResolved:
      ApplyIncident(event);
      break;
    case v1::Event::KIND_NOT_SET:
      break;
  }
}

void State::ApplyResolved(const std::vector<identity::KeyEvidence>& keys,
                          absl::Time at, uint32_t fallback) {
  ++sequence_;
  Resolve(keys, at, fallback);
}

void State::Resolve(const std::vector<identity::KeyEvidence>& keys,
                    absl::Time at, uint32_t fallback) {
  last_resolve_ = graph_.Resolve(
      keys, static_cast<uint32_t>(interactions_.size()), at, fallback);
  for (identity::LinkId l : last_resolve_.undone) {
    cases_.UndoMergesCausedBy(l);
  }
}

LinkedEvent ViewOf(const v1::InteractionLinked& e) {
  const v1::Interaction& in = e.interaction();
  LinkedEvent v;
  v.id = in.id();
  v.at_nanos = absl::ToUnixNanos(model::FromProto(in.occurred_at()));
  v.channel = static_cast<Channel>(in.channel());
  v.direction = static_cast<Direction>(in.direction());
  v.resolves = in.disposition() == v1::Interaction::RESOLVED;
  v.text = in.text();
  v.agent_id = in.agent_id();
  v.thread_id = in.thread_id();
  v.external_ref = in.external_ref();
  v.display_name = in.display_name();
  v.customer_base = e.customer_base();
  v.case_ordinal = e.case_ordinal();
  v.new_case = e.new_case();
  v.reason = static_cast<LinkReason>(e.reason());
  v.reopen = e.reopen();
  v.topic = e.topic();
  v.has_digest = e.has_digest();
  v.digest = e.digest();
  v.fingerprint = e.fingerprint();
  v.follow_up = e.follow_up();
  if (e.has_sentiment()) v.sentiment = e.sentiment();
  v.language = e.language();
  return v;
}

void State::ApplyLinked(const LinkedEvent& e) {
  ++sequence_;
  Link(e);
}

void State::Link(const LinkedEvent& e) {
  const absl::Time at = absl::FromUnixNanos(e.at_nanos);
  const continuity::TopicId topic = InternTopic(e.topic);
  continuity::CaseId c = e.case_ordinal;
  if (e.new_case) {
    c = cases_.Open(e.customer_base, topic, at, e.follow_up);
  } else {
    if (e.reopen) cases_.SetStatus(c, CaseStatus::kOpen, at);
    if (cases_.get(c).topic == 0 && topic != 0) cases_.SetTopic(c, topic);
  }
  const uint32_t index = static_cast<uint32_t>(interactions_.size());
  cases_.Attach(c, index, e.channel, at);
  if (e.resolves) cases_.SetStatus(c, CaseStatus::kResolved, at);
  // A thread or reference leads to its latest case: when an old one was past
  // reopening and a follow-up case opened, the thread continues there.
  if (!e.thread_id.empty()) {
    thread_local std::string key;  // a buffer kept, not made per interaction
    threads_.Set(ThreadKey(e.channel, e.thread_id, &key), c);
  }
  if (!e.external_ref.empty()) references_.Set(e.external_ref, c);
  if (!e.display_name.empty() && e.direction == Direction::kInbound) {
    names_.Add(e.customer_base, e.display_name);
  }

  InteractionRecord& r = interactions_.Add(e.id, e.text, e.agent_id);
  r.at_nanos = e.at_nanos;
  r.base = e.customer_base;
  r.case_id = c;
  r.channel = e.channel;
  r.direction = e.direction;
  r.reason = e.reason;
  r.continued = !e.new_case;
  r.digest = e.has_digest;
  r.fingerprint = e.has_digest ? e.digest : e.fingerprint;
  r.scored = e.sentiment.has_value();
  r.sentiment = e.sentiment.value_or(0.0f);
  for (size_t i = 0; i < r.language.size() && i < e.language.size(); ++i) {
    r.language[i] = e.language[i];
  }
  r.topic = topic;
  Listen(index, topic);
}

void State::Listen(uint32_t index, continuity::TopicId topic) {
  const InteractionRecord& r = interactions_[index];
  const continuity::CaseId root = cases_.Root(r.case_id);
  listening::Linked in;
  in.index = index;
  in.at = r.at();
  in.channel = r.channel;
  in.direction = r.direction;
  // The message's own matter; a message that states none speaks of its case's.
  in.topic = topic != 0 ? topic : cases_.get(root).topic;
  in.topic_name = topics_[in.topic];
  in.text = interactions_.text(index);
  if (r.scored) in.sentiment = r.sentiment;
  in.case_id = root;
  in.customer = r.base;
  in.content_words = content_words_;
  listening_->OnLinked(
      in,
      [this](uint32_t i) {
        const InteractionRecord& m = interactions_[i];
        return AlertSample{std::string(interactions_.id(i)), m.at(), m.channel,
                           std::string(interactions_.text(i))};
      },
      [this](uint32_t c) {
        const continuity::CaseRecord& k = cases_.get(c);
        return listening::CaseView{k.status == CaseStatus::kOpen, k.opened_at()};
      });
}

void State::ApplyIncident(const v1::Event& event) {
  listening_decisions_.emplace_back(
      static_cast<uint32_t>(interactions_.size()), event.SerializeAsString());
  ApplyIncidentToMonitor(event);
}

void State::ApplyIncidentToMonitor(const v1::Event& event) {
  listening::IncidentBook& book = listening_->incidents();
  switch (event.kind_case()) {
    case v1::Event::kIncidentMemberAdded: {
      const auto& e = event.incident_member_added();
      book.Add(e.incident(), e.case_ordinal(), model::FromProto(e.at()));
      break;
    }
    case v1::Event::kIncidentMemberRemoved: {
      const auto& e = event.incident_member_removed();
      book.Remove(e.incident(), e.case_ordinal());
      break;
    }
    case v1::Event::kIncidentResolved: {
      const auto& e = event.incident_resolved();
      book.Resolve(e.incident(), model::FromProto(e.at()));
      break;
    }
    default:
      break;
  }
}

}  // namespace threadline::engine

namespace threadline::engine {

void State::RebuildListening() {
  listening_ = std::make_unique<listening::Monitor>(listening_options_);
  size_t d = 0;
  auto decide_until = [&](uint32_t position) {
    for (; d < listening_decisions_.size() &&
           listening_decisions_[d].first <= position;
         ++d) {
      v1::Event event;
      if (event.ParseFromString(listening_decisions_[d].second)) {
        ApplyIncidentToMonitor(event);
      }
    }
  };
  for (uint32_t i = 0; i < interactions_.size(); ++i) {
    decide_until(i);
    if (!interactions_[i].erased) Listen(i, interactions_[i].topic);
  }
  decide_until(static_cast<uint32_t>(interactions_.size()));
}

}  // namespace threadline::engine
