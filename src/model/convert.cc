#include "model/convert.h"

namespace threadline::model {

void ToProto(absl::Time t, google::protobuf::Timestamp* out) {
  if (t == absl::InfinitePast()) {
    out->Clear();
    return;
  }
  const int64_t nanos = absl::ToUnixNanos(t);
  int64_t seconds = nanos / 1000000000;
  int64_t rem = nanos % 1000000000;
  if (rem < 0) {
    rem += 1000000000;
    --seconds;
  }
  out->set_seconds(seconds);
  out->set_nanos(static_cast<int32_t>(rem));
}

absl::Time FromProto(const google::protobuf::Timestamp& t) {
  return absl::FromUnixSeconds(t.seconds()) + absl::Nanoseconds(t.nanos());
}

void ToProto(const Identity& in, v1::Identity* out) {
  out->set_kind(static_cast<v1::Identity::Kind>(in.kind));
  out->set_value(in.value);
}

Identity FromProto(const v1::Identity& in) {
  return Identity{static_cast<IdentityKind>(in.kind()), in.value()};
}

void ToProto(const Interaction& in, v1::Interaction* out) {
  out->set_id(in.id);
  ToProto(in.occurred_at, out->mutable_occurred_at());
  out->set_channel(static_cast<v1::Interaction::Channel>(in.channel));
  out->set_direction(static_cast<v1::Interaction::Direction>(in.direction));
  ToProto(in.contact, out->mutable_contact());
  out->clear_identities();
  for (const Identity& id : in.identities) ToProto(id, out->add_identities());
  out->set_text(in.text);
  out->set_reply_to(in.reply_to);
  out->set_thread_id(in.thread_id);
  out->set_external_ref(in.external_ref);
  out->set_topic(in.topic);
  out->set_agent_id(in.agent_id);
  out->set_language(in.language);
  out->set_region(in.region);
  out->set_display_name(in.display_name);
  out->set_disposition(
      static_cast<v1::Interaction::Disposition>(in.disposition));
}

Interaction FromProto(const v1::Interaction& in) {
  Interaction out;
  out.id = in.id();
  out.occurred_at = FromProto(in.occurred_at());
  out.channel = static_cast<Channel>(in.channel());
  out.direction = static_cast<Direction>(in.direction());
  out.contact = FromProto(in.contact());
  out.identities.reserve(in.identities_size());
  for (const auto& id : in.identities()) out.identities.push_back(FromProto(id));
  out.text = in.text();
  out.reply_to = in.reply_to();
  out.thread_id = in.thread_id();
  out.external_ref = in.external_ref();
  out.topic = in.topic();
  out.agent_id = in.agent_id();
  out.language = in.language();
  out.region = in.region();
  out.display_name = in.display_name();
  out.disposition = static_cast<Disposition>(in.disposition());
  return out;
}

void ToProto(const Linkage& in, v1::Linkage* out) {
  out->set_interaction_id(in.interaction_id);
  out->set_customer_id(in.customer_id);
  out->set_case_id(in.case_id);
  out->set_reason(static_cast<v1::Linkage::Reason>(in.reason));
  out->set_continued(in.continued);
}

Linkage FromProto(const v1::Linkage& in) {
  Linkage out;
  out.interaction_id = in.interaction_id();
  out.customer_id = in.customer_id();
  out.case_id = in.case_id();
  out.reason = static_cast<LinkReason>(in.reason());
  out.continued = in.continued();
  return out;
}

void ToProto(const Customer& in, v1::Customer* out) {
  out->set_id(in.id);
  out->clear_identities();
  for (const CustomerIdentity& ci : in.identities) {
    v1::CustomerIdentity* o = out->add_identities();
    ToProto(ci.identity, o->mutable_identity());
    ToProto(ci.first_seen, o->mutable_first_seen());
    ToProto(ci.last_seen, o->mutable_last_seen());
    o->set_evidence_interaction_id(ci.evidence_interaction_id);
    o->set_mentioned(ci.mentioned);
  }
  out->clear_display_names();
  for (const auto& n : in.display_names) out->add_display_names(n);
  out->clear_absorbed_ids();
  for (const auto& a : in.absorbed_ids) out->add_absorbed_ids(a);
  ToProto(in.first_seen, out->mutable_first_seen());
  ToProto(in.last_seen, out->mutable_last_seen());
}

void ToProto(const Case& in, v1::Case* out) {
  out->set_id(in.id);
  out->set_customer_id(in.customer_id);
  out->set_status(static_cast<v1::Case::Status>(in.status));
  out->clear_channels();
  for (Channel c : in.channels) {
    out->add_channels(static_cast<v1::Interaction::Channel>(c));
  }
  out->clear_interaction_ids();
  for (const auto& i : in.interaction_ids) out->add_interaction_ids(i);
  ToProto(in.opened_at, out->mutable_opened_at());
  ToProto(in.last_activity_at, out->mutable_last_activity_at());
  ToProto(in.resolved_at, out->mutable_resolved_at());
  out->set_topic(in.topic);
  out->clear_absorbed_ids();
  for (const auto& a : in.absorbed_ids) out->add_absorbed_ids(a);
}

void ToProto(const MergeRecord& in, v1::MergeRecord* out) {
  out->set_id(in.id);
  out->set_survivor_id(in.survivor_id);
  out->set_absorbed_id(in.absorbed_id);
  out->set_evidence_interaction_id(in.evidence_interaction_id);
  ToProto(in.evidence_identity, out->mutable_evidence_identity());
  ToProto(in.at, out->mutable_at());
  out->set_undone(in.undone);
}

MergeRecord FromProto(const v1::MergeRecord& in) {
  MergeRecord out;
  out.id = in.id();
  out.survivor_id = in.survivor_id();
  out.absorbed_id = in.absorbed_id();
  out.evidence_interaction_id = in.evidence_interaction_id();
  out.evidence_identity = FromProto(in.evidence_identity());
  out.at = FromProto(in.at());
  out.undone = in.undone();
  return out;
}

}  // namespace threadline::model
