#include "engine/listening_view.h"

#include <algorithm>
#include <array>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "threadline/guard.h"

namespace threadline::engine {
namespace {

// Interactions of a case in time order (arrival order among equals).
std::vector<uint32_t> InTimeOrder(const State& state, continuity::CaseId root) {
  std::vector<uint32_t> items = state.cases().InteractionsOf(root);
  std::stable_sort(items.begin(), items.end(), [&state](uint32_t a, uint32_t b) {
    return state.interactions()[a].at_nanos < state.interactions()[b].at_nanos;
  });
  return items;
}

// The identity kinds that reach a customer on a channel, best first.
std::vector<IdentityKind> KindsFor(Channel channel) {
  switch (channel) {
    case Channel::kTwitter:
      return {IdentityKind::kTwitter};
    case Channel::kFacebook:
      return {IdentityKind::kFacebook};
    case Channel::kInstagram:
      return {IdentityKind::kInstagram};
    case Channel::kLinkedin:
      return {IdentityKind::kLinkedin};
    case Channel::kWhatsapp:
      return {IdentityKind::kWhatsapp, IdentityKind::kPhone};
    case Channel::kVoice:
    case Channel::kSms:
    case Channel::kFax:
      return {IdentityKind::kPhone, IdentityKind::kWhatsapp};
    case Channel::kEmail:
    case Channel::kWebForm:
      return {IdentityKind::kEmail};
    case Channel::kWebChat:
      return {IdentityKind::kChatVisitor, IdentityKind::kEmail};
    default:
      return {IdentityKind::kEmail, IdentityKind::kPhone};
  }
}

}  // namespace

SentimentTrend TrendOf(const State& state, continuity::CaseId root) {
  SentimentTrend t;
  for (uint32_t i : InTimeOrder(state, root)) {
    const InteractionRecord& r = state.interactions()[i];
    if (!r.scored || r.direction != Direction::kInbound) continue;
    if (t.scored == 0) {
      t.first = r.sentiment;
      t.worst = r.sentiment;
      t.worst_interaction_id = std::string(state.interactions().id(i));
    } else if (r.sentiment < t.worst) {
      t.worst = r.sentiment;
      t.worst_interaction_id = std::string(state.interactions().id(i));
    }
    t.last = r.sentiment;
    ++t.scored;
  }
  return t;
}

uint32_t IncidentOfCase(const State& state, continuity::CaseId root) {
  const listening::IncidentBook& book = state.listening().incidents();
  uint32_t n = book.IncidentOf(root);
  if (n != listening::kNoIncident) return n;
  for (continuity::CaseId a : state.cases().AbsorbedInto(root)) {
    n = book.IncidentOf(a);
    if (n != listening::kNoIncident) return n;
  }
  return listening::kNoIncident;
}

std::vector<continuity::CaseId> MemberRoots(const State& state, uint32_t n) {
  std::vector<continuity::CaseId> out;
  absl::flat_hash_set<continuity::CaseId> seen;
  for (continuity::CaseId c :
       state.listening().incidents().incidents()[n].cases) {
    const continuity::CaseId root = state.cases().Root(c);
    if (seen.insert(root).second) out.push_back(root);
  }
  return out;
}

Incident BuildIncident(const State& state, uint32_t n) {
  const listening::IncidentRecord& r =
      state.listening().incidents().incidents()[n];
  Incident out;
  out.id = IncidentIdString(n);
  out.status = r.status;
  const uint32_t topic = listening::IncidentBook::DominantTopic(r);
  out.topic = std::string(state.TopicName(static_cast<continuity::TopicId>(topic)));
  out.first_at = r.first_at;
  out.last_at = r.last_at;
  out.reports = r.reports;
  for (int c = 0; c < kChannelCount; ++c) {
    if (r.per_channel[c] == 0) continue;
    const Channel ch = static_cast<Channel>(c);
    out.channels.push_back({ch, r.per_channel[c], IsPublicChannel(ch)});
  }
  std::stable_sort(out.channels.begin(), out.channels.end(),
                   [](const AlertChannel& a, const AlertChannel& b) {
                     return a.count > b.count;
                   });
  if (r.seed_index < state.interactions().size()) {
    out.sample_text = std::string(state.interactions().text(r.seed_index));
  }
  absl::flat_hash_set<uint32_t> customers;
  for (continuity::CaseId c : MemberRoots(state, n)) {
    out.case_ids.push_back(CaseIdString(c));
    const uint32_t customer =
        state.graph().CustomerOf(state.cases().get(c).opener_base);
    if (customers.insert(customer).second) {
      out.customer_ids.push_back(CustomerId(customer));
    }
    for (uint32_t i : InTimeOrder(state, c)) {
      out.interaction_ids.emplace_back(state.interactions().id(i));
    }
  }
  return out;
}

std::vector<Interaction> IncidentReplies(const State& state, uint32_t n,
                                         const IncidentReply& reply,
                                         std::string_view prefix) {
  std::vector<Interaction> out;
  const identity::IdentityGraph& g = state.graph();
  for (continuity::CaseId c : MemberRoots(state, n)) {
    const continuity::CaseRecord& rec = state.cases().get(c);
    if (rec.status != CaseStatus::kOpen) continue;
    // Answer where the customer last spoke.
    const InteractionRecord* last = nullptr;
    uint32_t last_index = 0;
    for (uint32_t i : InTimeOrder(state, c)) {
      const InteractionRecord& r = state.interactions()[i];
      if (r.direction == Direction::kInbound) {
        last = &r;
        last_index = i;
      }
    }
    if (last == nullptr) continue;
    // The customer's address on that channel, most recently seen first.
    std::optional<Identity> to;
    absl::Time seen = absl::InfinitePast();
    for (IdentityKind kind : KindsFor(last->channel)) {
      for (uint32_t member : g.Members(rec.opener_base)) {
        for (identity::KeyId k : g.KeysOf(member)) {
          const identity::KeyInfo& info = g.key(k);
          if (info.shared) continue;
          Identity id = g.KeyIdentity(k);
          if (id.kind == kind && (!to || info.last_seen() > seen)) {
            to = std::move(id);
            seen = info.last_seen();
          }
        }
      }
      if (to) break;
    }
    if (!to) continue;
    Interaction in;
    in.id = absl::StrCat(std::string(prefix), CaseIdString(c));
    in.occurred_at = reply.at;
    in.channel = last->channel;
    in.direction = Direction::kOutbound;
    in.contact = *to;
    in.reply_to = std::string(state.interactions().id(last_index));
    in.agent_id = reply.agent_id;
    if (last->language[0] != 0) {
      in.language.assign(last->language.data(),
                         last->language[1] != 0 ? 2 : 1);
    }
    const std::string mention =
        to->kind == IdentityKind::kTwitter ||
                to->kind == IdentityKind::kInstagram
            ? (to->value.rfind('@', 0) == 0 ? to->value : "@" + to->value)
            : std::string();
    in.text = RenderReply(reply, in.channel, in.language, mention);
    if (reply.resolve) in.disposition = Disposition::kResolved;
    out.push_back(std::move(in));
  }
  return out;
}

absl::Status ValidateListening(const ListeningOptions& o) {
  auto bad = [](std::string_view field, std::string_view rule) {
    return absl::InvalidArgumentError(absl::StrCat(
        "EngineOptions.listening.", std::string(field), " ", std::string(rule)));
  };
  if (o.alert_window <= absl::ZeroDuration()) {
    return bad("alert_window", "must be positive");
  }
  if (o.alert_min_volume < 1) return bad("alert_min_volume", "must be at least 1");
  if (!(o.alert_min_ratio >= 1)) return bad("alert_min_ratio", "must be at least 1");
  if (!(o.alert_max_probability > 0 && o.alert_max_probability <= 1)) {
    return bad("alert_max_probability", "must be in (0, 1]");
  }
  if (o.alert_cooldown < absl::ZeroDuration()) {
    return bad("alert_cooldown", "must not be negative");
  }
  if (!(o.prior_per_hour >= 0) || !(o.prior_hours > 0)) {
    return bad("prior_per_hour/prior_hours",
               "must be non-negative and positive");
  }
  if (o.learning_period < absl::ZeroDuration()) {
    return bad("learning_period", "must not be negative");
  }
  if (o.max_wave <= absl::ZeroDuration()) {
    return bad("max_wave", "must be positive");
  }
  if (!(o.seed_similarity > 0 && o.seed_similarity <= 1)) {
    return bad("seed_similarity", "must be in (0, 1]");
  }
  if (!(o.join_similarity > 0 && o.join_similarity <= 1)) {
    return bad("join_similarity", "must be in (0, 1]");
  }
  if (o.incident_min_cases < 2) {
    return bad("incident_min_cases", "must be at least 2");
  }
  if (o.incident_window <= absl::ZeroDuration() ||
      o.incident_idle <= absl::ZeroDuration()) {
    return bad("incident_window/incident_idle", "must be positive");
  }
  return absl::OkStatus();
}

}  // namespace threadline::engine
