// The Engine façade: validates, runs the stages, records their answers as
// events, and applies them to the State under one lock.
//
//   1 normalize  (outside the lock) identities and mentions → canonical
//   2 resolve    IdentitiesResolved: the identity graph decides the customer
//   3 link       CasesMerged, InteractionLinked: the continuity rule decides
//                the case
#include "threadline/engine.h"

#include <algorithm>
#include <cctype>
#include <thread>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "engine/ids.h"
#include "engine/listening_view.h"
#include "engine/state.h"
#include "model/convert.h"
#include "text/topic.h"
#include "threadline/identity.h"
#include "threadline/status_macros.h"

namespace threadline {

std::array<uint8_t, kIdentityKindCount> EngineOptions::DefaultIdentityLimits() {
  return identity::DefaultGraphOptions().max_per_kind;
}

namespace engine {
namespace {

// Confidence below which a matter read from the text is weak: the
// classifier's confidence falls when few words speak for the matter or
// another is close ("here you go, I'm the account holder").
constexpr float kStrongTopic = 0.4f;

// Identities that identify no one: the brand's own, matched in canonical
// form; WhatsApp and phone meet as in the identity graph.
std::string OwnKey(const Identity& id) {
  IdentityKind kind =
      id.kind == IdentityKind::kWhatsapp ? IdentityKind::kPhone : id.kind;
  return absl::StrCat(static_cast<int>(kind), ":", id.value);
}

// Tweets to a brand open with the handles they address ("@AcmeCare @Help
// my order…"): those are recipients, not the customer's own identities.
std::string_view SkipAddressees(std::string_view text) {
  size_t i = 0;
  while (true) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size() || text[i] != '@') return text.substr(i);
    size_t j = i + 1;
    while (j < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_' ||
            text[j] == '.')) {
      ++j;
    }
    if (j == i + 1) return text.substr(i);
    i = j;
  }
}

class EngineImpl final : public Engine {
 public:
  EngineImpl(EngineOptions options, absl::flat_hash_set<std::string> own)
      : options_(std::move(options)),
        own_(std::move(own)),
        normalizer_(NormalizerOptions{options_.default_region}),
        state_(MakeStateOptions(options_)) {
    continuity_.reopen_window = options_.reopen_window;
    continuity_.idle_window = options_.idle_window;
  }

  absl::StatusOr<Linkage> Ingest(const Interaction& in) override;
  std::vector<absl::StatusOr<Linkage>> IngestBatch(
      const std::vector<Interaction>& interactions) override;
  absl::StatusOr<Linkage> LinkageOf(std::string_view id) const override;
  absl::StatusOr<Customer> GetCustomer(std::string_view id) const override;
  absl::StatusOr<Customer> FindCustomer(const Identity& identity,
                                        std::string_view region) const override;
  absl::StatusOr<Case> GetCase(std::string_view id) const override;
  absl::StatusOr<std::vector<Case>> CasesOf(
      std::string_view customer_id) const override;
  absl::StatusOr<std::vector<TimelineEntry>> Timeline(
      std::string_view customer_id) const override;
  absl::StatusOr<HandoffContext> Context(
      std::string_view case_id) const override;
  absl::StatusOr<MergeRecord> Merge(std::string_view a,
                                    std::string_view b) override;
  absl::StatusOr<std::vector<MergeRecord>> Unmerge(
      std::string_view merge_id) override;
  absl::StatusOr<std::vector<MergeRecord>> Merges(
      std::string_view customer_id) const override;
  absl::Status SetCaseStatus(std::string_view case_id, CaseStatus status,
                             absl::Time at) override;
  EngineStats Stats() const override;

  // Social listening.
  std::vector<Alert> Alerts() const override;
  std::vector<Incident> Incidents() const override;
  absl::StatusOr<Incident> GetIncident(std::string_view id) const override;
  absl::Status AddToIncident(std::string_view incident_id,
                             std::string_view case_id, absl::Time at) override;
  absl::Status RemoveFromIncident(std::string_view incident_id,
                                  std::string_view case_id,
                                  absl::Time at) override;
  absl::StatusOr<std::vector<Interaction>> ReplyToIncident(
      std::string_view incident_id, const IncidentReply& reply) override;
  absl::Status ResolveIncident(std::string_view incident_id,
                               absl::Time at) override;

 private:
  // One identity of the interaction, normalized.
  struct Evidence {
    Identity identity;         // canonical; empty when `status` is not OK
    absl::Status status;       // why the value did not normalize
    bool mentioned = false;
    // The digits of a phone number written the national way with no region
    // given; resolved against known numbers under the lock.
    std::string national;
  };
  // The normalized form of one interaction, computed outside the lock.
  struct Prepared {
    std::vector<Evidence> evidence;  // the primary identity first
    std::string topic;
    bool weak_topic = false;
    bool follow_up = false;
    uint64_t fingerprint = 0;
    std::optional<float> sentiment;  // inbound text, when scoring is on
    std::string language;            // given, else detected
  };

  static StateOptions MakeStateOptions(const EngineOptions& o) {
    StateOptions s;
    s.listening.listening = o.listening;
    s.listening.sentiment = o.sentiment != nullptr;
    s.graph.max_per_kind = o.max_identities_per_kind;
    s.graph.shared_after_conflicts = o.shared_after_conflicts;
    return s;
  }

  absl::StatusOr<Prepared> Prepare(const Interaction& in) const;
  absl::StatusOr<v1::Event> ResolveEvidence(const Interaction& in,
                                            std::vector<Evidence>& evidence)
      const ABSL_SHARED_LOCKS_REQUIRED(mu_);
  absl::StatusOr<Linkage> IngestLocked(const Interaction& in,
                                       Prepared prepared)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void ApplyLocked(v1::Event& event) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void MergeCasesAfterMerge(uint32_t base) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  Linkage CurrentLinkage(uint32_t index) const ABSL_SHARED_LOCKS_REQUIRED(mu_);
  Customer BuildCustomer(uint32_t base) const ABSL_SHARED_LOCKS_REQUIRED(mu_);
  Case BuildCase(continuity::CaseId root) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);
  MergeRecord BuildMerge(identity::LinkId link) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);
  absl::StatusOr<uint32_t> BaseOf(std::string_view customer_id) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);
  absl::StatusOr<continuity::CaseId> CaseOf(std::string_view case_id) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);
  absl::StatusOr<uint32_t> IncidentOf(std::string_view incident_id) const
      ABSL_SHARED_LOCKS_REQUIRED(mu_);
  // Alerts raised since the last call, to hand the listener once the lock
  // is released.
  std::vector<Alert> TakeNewAlerts() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void Notify(const std::vector<Alert>& alerts) const ABSL_LOCKS_EXCLUDED(mu_);

  const EngineOptions options_;
  const absl::flat_hash_set<std::string> own_;
  const IdentityNormalizer normalizer_;
  const text::TopicClassifier topics_;
  continuity::ContinuityOptions continuity_;

  mutable absl::Mutex mu_;
  State state_ ABSL_GUARDED_BY(mu_);
  size_t alerts_told_ ABSL_GUARDED_BY(mu_) = 0;
};

uint64_t Fingerprint(const Interaction& in) {
  // FNV-1a over every field: stable across processes, so a retry is
  // recognised after a restart too.
  uint64_t h = 1469598103934665603ull;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  };
  auto mix_int = [&mix](int64_t v) {
    mix(std::string_view(reinterpret_cast<const char*>(&v), sizeof v));
  };
  mix(in.id);
  mix_int(absl::ToUnixNanos(in.occurred_at));
  mix_int(static_cast<int>(in.channel));
  mix_int(static_cast<int>(in.direction));
  mix_int(static_cast<int>(in.contact.kind));
  mix(in.contact.value);
  for (const Identity& id : in.identities) {
    mix_int(static_cast<int>(id.kind));
    mix(id.value);
  }
  for (const std::string* s :
       {&in.text, &in.reply_to, &in.thread_id, &in.external_ref, &in.topic,
        &in.agent_id, &in.language, &in.region, &in.display_name}) {
    mix(*s);
  }
  mix_int(static_cast<int>(in.disposition));
  return h;
}

absl::Status Validate(const Interaction& in) {
  if (in.id.empty()) {
    return absl::InvalidArgumentError("interaction: field \"id\" is required");
  }
  auto bad = [&in](std::string_view what) {
    return absl::InvalidArgumentError(
        absl::StrCat("interaction \"", in.id, "\": ", std::string(what)));
  };
  if (in.occurred_at == absl::InfinitePast() ||
      in.occurred_at == absl::InfiniteFuture()) {
    return bad("field \"occurred_at\" is required");
  }
  if (in.channel == Channel::kUnspecified ||
      static_cast<int>(in.channel) >= kChannelCount) {
    return bad("field \"channel\" is required and must name a channel");
  }
  if (in.direction != Direction::kInbound &&
      in.direction != Direction::kOutbound) {
    return bad("field \"direction\" must be INBOUND or OUTBOUND");
  }
  if (in.contact.kind == IdentityKind::kUnspecified ||
      in.contact.value.empty()) {
    return bad("field \"contact\" needs a kind and a value");
  }
  return absl::OkStatus();
}

// The digits of a phone number written the national way ("(316) 565-4325")
// when the interaction names no region to read it by; empty otherwise.
std::string NationalDigits(const Identity& raw, const std::string& region) {
  if (raw.kind != IdentityKind::kPhone || !region.empty()) return "";
  std::string digits;
  for (char c : raw.value) {
    if (c == '+') return "";  // international
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  if (digits.size() < 7 || digits.rfind("00", 0) == 0 ||
      digits.rfind("011", 0) == 0) {
    return "";  // too short to match safely, or an international prefix
  }
  return digits;
}

absl::StatusOr<EngineImpl::Prepared> EngineImpl::Prepare(
    const Interaction& in) const {
  THREADLINE_RETURN_IF_ERROR(Validate(in));
  Prepared p;
  p.fingerprint = Fingerprint(in);
  auto read = [&](const Identity& raw) {
    Evidence e;
    e.national = NationalDigits(raw, in.region);
    absl::StatusOr<Identity> id = normalizer_.Normalize(raw, in.region);
    if (id.ok()) {
      e.identity = *std::move(id);
      if (own_.contains(OwnKey(e.identity))) return;
    } else {
      e.status = id.status();
    }
    // Identities that do not normalize are left out (unless a national
    // number may still match a known one): the host's other data must not
    // be lost for one bad field.
    if (e.status.ok() || !e.national.empty()) {
      p.evidence.push_back(std::move(e));
    }
  };
  // The primary identity decides which customer the interaction belongs to:
  // an account number when one is given (a family shares a landline, not an
  // account), else the contact.
  size_t primary_account = in.identities.size();
  for (size_t i = 0; i < in.identities.size(); ++i) {
    if (in.identities[i].kind != IdentityKind::kAccount) continue;
    const size_t before = p.evidence.size();
    read(in.identities[i]);
    if (p.evidence.size() > before) {
      primary_account = i;
      break;
    }
  }
  // A contact that does not normalize (a withheld caller id, a garbled
  // address) identifies no one, but the interaction is still linked: by its
  // other identities, its reply or thread, or as a customer of its own.
  read(in.contact);
  for (size_t i = 0; i < in.identities.size(); ++i) {
    if (i != primary_account) read(in.identities[i]);
  }
  if (options_.use_mentioned_identities &&
      in.direction == Direction::kInbound && !in.text.empty()) {
    for (Identity& id : normalizer_.ExtractMentions(SkipAddressees(in.text),
                                                    in.region, in.channel)) {
      if (own_.contains(OwnKey(id))) continue;
      Evidence e;
      e.identity = std::move(id);
      e.mentioned = true;
      p.evidence.push_back(std::move(e));
    }
  }

  if (!in.topic.empty()) {
    p.topic = in.topic;
  }
  if (in.direction == Direction::kInbound) {
    text::TopicGuess guess = topics_.Classify(in.text, in.language);
    if (p.topic.empty()) {
      p.topic = std::string(guess.topic);
      p.weak_topic = guess.confidence < kStrongTopic;
    }
    p.follow_up = guess.follow_up;
  }
  // 4 enrich: sentiment, outside the lock; the language is the host's,
  // else the one the text reads in.
  if (in.direction == Direction::kInbound && !in.text.empty()) {
    std::string_view language = in.language;
    if (options_.sentiment) {
      Sentiment s = options_.sentiment->Analyze(in.text, in.language);
      p.sentiment = s.score;
      if (language.empty()) p.language = std::move(s.language);
    } else if (language.empty()) {
      p.language = std::string(DetectLanguage(in.text));
    }
    if (!language.empty()) p.language = std::string(language.substr(0, 2));
  }
  return p;
}

absl::StatusOr<v1::Event> EngineImpl::ResolveEvidence(
    const Interaction& in, std::vector<Evidence>& evidence) const {
  const identity::IdentityGraph& g = state_.graph();
  auto usable = [&g](identity::KeyId k) {
    return !g.key(k).shared && g.key(k).owner != identity::kNone;
  };
  v1::Event event;
  auto* resolved = event.mutable_identities_resolved();
  model::ToProto(in.occurred_at, resolved->mutable_at());
  std::vector<Identity> extra;
  for (Evidence& e : evidence) {
    bool guess = false;
    if (!e.national.empty()) {
      // A national number with no region: the one known number it can be,
      // else the default region's reading, marked as a guess.
      std::vector<identity::KeyId> known;
      for (identity::KeyId k : g.PhonesMatchingNational(e.national)) {
        if (usable(k)) known.push_back(k);
      }
      if (known.size() == 1) {
        e.identity = g.KeyIdentity(known[0]);
        e.status = absl::OkStatus();
      } else if (e.status.ok()) {
        guess = true;
      } else {
        // Not a number of the default region either: keep the digits as a
        // provisional identity that only an exact national match to a known
        // international number (or the same digits again) can link.
        e.identity = {IdentityKind::kPhone,
                      absl::StrCat(identity::kNationalPrefix, e.national)};
        e.status = absl::OkStatus();
        guess = true;
      }
    } else if (!e.status.ok()) {
      continue;
    } else if (!e.mentioned &&
               (e.identity.kind == IdentityKind::kPhone ||
                e.identity.kind == IdentityKind::kWhatsapp) &&
               g.Find(e.identity) == identity::kNone) {
      // A new international number: an earlier national reading of it made
      // with a guessed region is the same number.
      const std::string& v = e.identity.value;
      std::vector<identity::KeyId> guessed;
      for (size_t cc = 1; cc <= 3 && cc + 1 < v.size(); ++cc) {
        for (identity::KeyId k : g.PhonesMatchingNational(v.substr(1 + cc))) {
          if (usable(k) && g.key(k).national_guess && g.key_value(k) != v &&
              std::find(guessed.begin(), guessed.end(), k) == guessed.end()) {
            guessed.push_back(k);
          }
        }
      }
      if (guessed.size() == 1) extra.push_back(g.KeyIdentity(guessed[0]));
    }
    auto* ev = resolved->add_evidence();
    model::ToProto(e.identity, ev->mutable_identity());
    ev->set_mentioned(e.mentioned);
    ev->set_national_guess(guess);
  }
  for (const Identity& id : extra) {
    auto* ev = resolved->add_evidence();
    model::ToProto(id, ev->mutable_identity());
    ev->set_mentioned(true);  // weak evidence: it may prove shared
  }
  return event;
}

absl::StatusOr<Linkage> EngineImpl::Ingest(const Interaction& in) {
  THREADLINE_ASSIGN_OR_RETURN(Prepared prepared, Prepare(in));
  absl::StatusOr<Linkage> out;
  std::vector<Alert> alerts;
  {
    absl::MutexLock lock(&mu_);
    out = IngestLocked(in, std::move(prepared));
    alerts = TakeNewAlerts();
  }
  Notify(alerts);
  return out;
}

std::vector<absl::StatusOr<Linkage>> EngineImpl::IngestBatch(
    const std::vector<Interaction>& interactions) {
  // Reading (normalization, mentions, matter) is pure and needs no lock, so
  // it may be shared among threads; each thread takes every n-th item.
  std::vector<absl::StatusOr<Prepared>> prepared(
      interactions.size(), absl::UnknownError("not read"));
  const size_t threads = static_cast<size_t>(options_.batch_threads);
  const size_t n = interactions.size() < 2 * threads ? 1 : threads;
  auto read = [&](size_t first) {
    for (size_t i = first; i < interactions.size(); i += n) {
      prepared[i] = Prepare(interactions[i]);
    }
  };
  std::vector<std::thread> workers;
  for (size_t t = 1; t < n; ++t) workers.emplace_back(read, t);
  read(0);
  for (std::thread& t : workers) t.join();
  std::vector<absl::StatusOr<Linkage>> out;
  out.reserve(interactions.size());
  std::vector<Alert> alerts;
  {
    absl::MutexLock lock(&mu_);
    for (size_t i = 0; i < interactions.size(); ++i) {
      if (!prepared[i].ok()) {
        out.push_back(prepared[i].status());
      } else {
        out.push_back(IngestLocked(interactions[i], *std::move(prepared[i])));
      }
    }
    alerts = TakeNewAlerts();
  }
  Notify(alerts);
  return out;
}

void EngineImpl::ApplyLocked(v1::Event& event) {
  event.set_sequence(state_.sequence() + 1);
  state_.Apply(event);
}

absl::StatusOr<Linkage> EngineImpl::IngestLocked(const Interaction& in,
                                                 Prepared prepared) {
  if (int64_t known = state_.FindInteraction(in.id); known >= 0) {
    const InteractionRecord& r = state_.interactions()[known];
    if (r.fingerprint != prepared.fingerprint) {
      return absl::AlreadyExistsError(absl::StrCat(
          "interaction \"", in.id,
          "\" was already ingested with different content"));
    }
    return CurrentLinkage(static_cast<uint32_t>(known));
  }

  // The case an explicit link names (a reply, a thread, a host reference).
  continuity::CaseId reply_case = continuity::kNoCase;
  continuity::CaseId thread_case = continuity::kNoCase;
  continuity::CaseId reference_case = continuity::kNoCase;
  if (!in.reply_to.empty()) {
    if (int64_t j = state_.FindInteraction(in.reply_to); j >= 0) {
      reply_case = state_.cases().Root(state_.interactions()[j].case_id);
    }
  }
  if (!in.thread_id.empty()) {
    thread_case = state_.ThreadCase(in.channel, in.thread_id);
  }
  if (!in.external_ref.empty()) {
    reference_case = state_.ReferenceCase(in.external_ref);
  }

  // 2 resolve. An interaction none of whose identities identifies anyone
  // belongs to the customer of the case it explicitly continues.
  THREADLINE_ASSIGN_OR_RETURN(v1::Event resolved_event,
                              ResolveEvidence(in, prepared.evidence));
  for (continuity::CaseId c : {reply_case, thread_case, reference_case}) {
    if (c != continuity::kNoCase) {
      resolved_event.mutable_identities_resolved()->set_fallback_base(
          state_.cases().get(c).opener_base);
      break;
    }
  }
  ApplyLocked(resolved_event);
  const identity::ResolveResult& resolved = state_.last_resolve();
  const uint32_t base = resolved.base;
  if (!resolved.merges.empty()) MergeCasesAfterMerge(base);

  // 3 link.
  continuity::LinkRequest req;
  req.at = in.occurred_at;
  req.direction = in.direction;
  req.topic = state_.FindTopic(prepared.topic);
  if (req.topic == 0 && !prepared.topic.empty()) {
    req.topic = continuity::kUnseenTopic;  // matches no case
  }
  req.follow_up = prepared.follow_up;
  req.weak_topic = prepared.weak_topic;
  // Roots again: the resolution may have merged or split cases.
  auto root = [this](continuity::CaseId c) {
    return c == continuity::kNoCase ? c : state_.cases().Root(c);
  };
  req.reply_case = root(reply_case);
  req.thread_case = root(thread_case);
  req.reference_case = root(reference_case);
  req.customer_cases = state_.CustomerCases(base);
  continuity::LinkDecision d = continuity::Decide(state_.cases(), req,
                                                  continuity_);

  v1::Event event;
  auto* linked = event.mutable_interaction_linked();
  model::ToProto(in, linked->mutable_interaction());
  linked->set_customer_base(base);
  linked->set_new_case(d.case_id == continuity::kNoCase);
  linked->set_case_ordinal(d.case_id == continuity::kNoCase
                               ? static_cast<uint32_t>(state_.cases().size())
                               : d.case_id);
  linked->set_reason(static_cast<v1::Linkage::Reason>(d.reason));
  linked->set_reopen(d.reopen);
  linked->set_topic(prepared.topic);
  linked->set_fingerprint(prepared.fingerprint);
  linked->set_follow_up(prepared.follow_up);
  if (prepared.sentiment) linked->set_sentiment(*prepared.sentiment);
  linked->set_language(prepared.language);
  ApplyLocked(event);
  return CurrentLinkage(
      static_cast<uint32_t>(state_.interactions().size() - 1));
}

void EngineImpl::MergeCasesAfterMerge(uint32_t base) {
  // Two customers just became one: their open cases on the same matter are
  // one inquiry seen from two sides, and so is a case that began by saying
  // it follows up, when the other side has the one conversation it can
  // mean. The oldest case survives.
  const continuity::CaseBook& book = state_.cases();
  const uint32_t cause = state_.last_resolve().merges.front();
  auto live = [&](continuity::CaseId c) {
    const continuity::CaseRecord& r = book.get(c);
    return r.parent == c && r.status == CaseStatus::kOpen;
  };
  auto close_in_time = [&](continuity::CaseId a, continuity::CaseId b) {
    const continuity::CaseRecord& x = book.get(a);
    const continuity::CaseRecord& y = book.get(b);
    absl::Duration gap = y.opened_at > x.last_activity
                             ? y.opened_at - x.last_activity
                             : x.opened_at - y.last_activity;
    return gap <= options_.idle_window;
  };
  auto merge = [&](continuity::CaseId survivor, continuity::CaseId absorbed) {
    v1::Event event;
    auto* m = event.mutable_cases_merged();
    m->set_survivor(survivor);
    m->set_absorbed(absorbed);
    m->set_cause(cause);
    ApplyLocked(event);
  };
  std::vector<continuity::CaseId> cases = state_.CustomerCases(base);
  for (size_t i = 0; i < cases.size(); ++i) {
    if (!live(cases[i]) || book.get(cases[i]).topic == 0) continue;
    for (size_t j = i + 1; j < cases.size(); ++j) {
      if (live(cases[j]) && book.get(cases[j]).topic == book.get(cases[i]).topic &&
          close_in_time(cases[i], cases[j])) {
        merge(cases[i], cases[j]);
      }
    }
  }
  for (continuity::CaseId c : cases) {
    if (!live(c) || !book.get(c).continuation) continue;
    continuity::CaseId only = continuity::kNoCase;
    int candidates = 0;
    for (continuity::CaseId o : cases) {
      if (o == c || !live(o) ||
          book.get(o).opener_base == book.get(c).opener_base ||
          book.get(o).opened_at > book.get(c).opened_at || !close_in_time(o, c)) {
        continue;
      }
      only = o;
      ++candidates;
    }
    if (candidates == 1) merge(std::min(only, c), std::max(only, c));
  }
}

Linkage EngineImpl::CurrentLinkage(uint32_t index) const {
  const InteractionRecord& r = state_.interactions()[index];
  Linkage l;
  l.interaction_id = r.id;
  l.customer_id = CustomerId(state_.graph().CustomerOf(r.base));
  l.case_id = CaseIdString(state_.cases().Root(r.case_id));
  l.reason = r.reason;
  l.continued = r.continued;
  return l;
}

absl::StatusOr<Linkage> EngineImpl::LinkageOf(std::string_view id) const {
  absl::ReaderMutexLock lock(&mu_);
  int64_t i = state_.FindInteraction(id);
  if (i < 0) {
    return absl::NotFoundError(
        absl::StrCat("no interaction with id \"", std::string(id), "\""));
  }
  return CurrentLinkage(static_cast<uint32_t>(i));
}

absl::StatusOr<uint32_t> EngineImpl::BaseOf(std::string_view customer_id) const {
  std::optional<uint32_t> base = ParseCustomerId(customer_id);
  if (!base || *base >= state_.graph().base_count()) {
    return absl::NotFoundError(
        absl::StrCat("no customer with id \"", std::string(customer_id), "\""));
  }
  return *base;
}

absl::StatusOr<continuity::CaseId> EngineImpl::CaseOf(
    std::string_view case_id) const {
  std::optional<uint32_t> c = ParseCaseId(case_id);
  if (!c || *c >= state_.cases().size()) {
    return absl::NotFoundError(
        absl::StrCat("no case with id \"", std::string(case_id), "\""));
  }
  return state_.cases().Root(*c);
}

Customer EngineImpl::BuildCustomer(uint32_t base) const {
  const identity::IdentityGraph& g = state_.graph();
  Customer c;
  c.id = CustomerId(g.CustomerOf(base));
  c.first_seen = absl::InfiniteFuture();
  c.last_seen = absl::InfinitePast();
  for (uint32_t member : g.Members(base)) {
    if (member != g.CustomerOf(base)) c.absorbed_ids.push_back(CustomerId(member));
    for (identity::KeyId k : g.KeysOf(member)) {
      const identity::KeyInfo& info = g.key(k);
      if (info.shared) continue;
      CustomerIdentity ci;
      ci.identity = g.KeyIdentity(k);
      ci.first_seen = info.first_seen;
      ci.last_seen = info.last_seen;
      ci.mentioned = info.mentioned;
      if (info.evidence != identity::kNone &&
          info.evidence < state_.interactions().size()) {
        ci.evidence_interaction_id = state_.interactions()[info.evidence].id;
      }
      c.first_seen = std::min(c.first_seen, info.first_seen);
      c.last_seen = std::max(c.last_seen, info.last_seen);
      c.identities.push_back(std::move(ci));
    }
    for (const std::string& n : state_.NamesOf(member)) {
      if (std::find(c.display_names.begin(), c.display_names.end(), n) ==
          c.display_names.end()) {
        c.display_names.push_back(n);
      }
    }
  }
  return c;
}

Case EngineImpl::BuildCase(continuity::CaseId root) const {
  const continuity::CaseRecord& r = state_.cases().get(root);
  Case c;
  c.id = CaseIdString(root);
  c.customer_id = CustomerId(state_.graph().CustomerOf(r.opener_base));
  c.status = r.status;
  c.channels = r.channels;
  for (uint32_t i : state_.cases().InteractionsOf(root)) {
    c.interaction_ids.push_back(state_.interactions()[i].id);
  }
  c.opened_at = r.opened_at;
  c.last_activity_at = r.last_activity;
  c.resolved_at = r.resolved_at;
  c.topic = std::string(state_.TopicName(r.topic));
  for (continuity::CaseId a : state_.cases().AbsorbedInto(root)) {
    c.absorbed_ids.push_back(CaseIdString(a));
  }
  c.sentiment = TrendOf(state_, root);
  if (uint32_t n = IncidentOfCase(state_, root); n != listening::kNoIncident) {
    c.incident_id = IncidentIdString(n);
  }
  return c;
}

MergeRecord EngineImpl::BuildMerge(identity::LinkId link) const {
  const identity::MergeInfo* m = state_.graph().merge(link);
  MergeRecord r;
  r.id = MergeId(link);
  r.survivor_id = CustomerId(m->survivor);
  r.absorbed_id = CustomerId(m->absorbed);
  if (m->interaction != identity::kNone &&
      m->interaction < state_.interactions().size()) {
    r.evidence_interaction_id = state_.interactions()[m->interaction].id;
  }
  if (m->key != identity::kNone) {
    r.evidence_identity = state_.graph().KeyIdentity(m->key);
  }
  r.at = m->at;
  r.undone = !m->active;
  return r;
}

absl::StatusOr<Customer> EngineImpl::GetCustomer(std::string_view id) const {
  absl::ReaderMutexLock lock(&mu_);
  THREADLINE_ASSIGN_OR_RETURN(uint32_t base, BaseOf(id));
  return BuildCustomer(base);
}

absl::StatusOr<Customer> EngineImpl::FindCustomer(
    const Identity& identity, std::string_view region) const {
  THREADLINE_ASSIGN_OR_RETURN(Identity canonical,
                              normalizer_.Normalize(identity, region));
  absl::ReaderMutexLock lock(&mu_);
  identity::KeyId k = state_.graph().Find(canonical);
  if (k == identity::kNone || state_.graph().key(k).shared ||
      state_.graph().key(k).owner == identity::kNone) {
    return absl::NotFoundError(absl::StrCat(
        "no customer has identity ", IdentityToString(canonical)));
  }
  return BuildCustomer(state_.graph().key(k).owner);
}

absl::StatusOr<Case> EngineImpl::GetCase(std::string_view id) const {
  absl::ReaderMutexLock lock(&mu_);
  THREADLINE_ASSIGN_OR_RETURN(continuity::CaseId c, CaseOf(id));
  return BuildCase(c);
}

absl::StatusOr<std::vector<Case>> EngineImpl::CasesOf(
    std::string_view customer_id) const {
  absl::ReaderMutexLock lock(&mu_);
  THREADLINE_ASSIGN_OR_RETURN(uint32_t base, BaseOf(customer_id));
  std::vector<Case> out;
  for (continuity::CaseId c : state_.CustomerCases(base)) {
    out.push_back(BuildCase(c));
  }
  return out;
}

absl::StatusOr<std::vector<TimelineEntry>> EngineImpl::Timeline(
    std::string_view customer_id) const {
  absl::ReaderMutexLock lock(&mu_);
  THREADLINE_ASSIGN_OR_RETURN(uint32_t base, BaseOf(customer_id));
  std::vector<TimelineEntry> out;
  for (continuity::CaseId c : state_.CustomerCases(base)) {
    for (uint32_t i : state_.cases().InteractionsOf(c)) {
      const InteractionRecord& r = state_.interactions()[i];
      out.push_back({r.id, CaseIdString(c), r.at, r.channel, r.direction,
                     r.text});
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const TimelineEntry& a, const TimelineEntry& b) {
                     return a.occurred_at < b.occurred_at;
                   });
  return out;
}

absl::StatusOr<HandoffContext> EngineImpl::Context(
    std::string_view case_id) const {
  const absl::Time now = options_.clock->Now();
  absl::ReaderMutexLock lock(&mu_);
  THREADLINE_ASSIGN_OR_RETURN(continuity::CaseId c, CaseOf(case_id));
  HandoffContext ctx;
  ctx.case_info = BuildCase(c);
  const continuity::CaseRecord& r = state_.cases().get(c);
  ctx.customer = BuildCustomer(r.opener_base);
  ctx.channels = ctx.case_info.channels;
  ctx.started_at = r.opened_at;

  std::vector<uint32_t> items = state_.cases().InteractionsOf(c);
  std::stable_sort(items.begin(), items.end(), [this](uint32_t a, uint32_t b) {
    return state_.interactions()[a].at < state_.interactions()[b].at;
  });
  if (!items.empty()) ctx.started_on = state_.interactions()[items[0]].channel;
  const size_t n = static_cast<size_t>(std::max(0, options_.context_messages));
  for (size_t k = items.size() > n ? items.size() - n : 0; k < items.size();
       ++k) {
    const InteractionRecord& m = state_.interactions()[items[k]];
    ctx.last_messages.push_back(
        {m.id, m.at, m.channel, m.direction, m.agent_id, m.text});
  }
  // Waiting: since the first inbound message after the brand last spoke.
  absl::Time waiting_since = absl::InfiniteFuture();
  for (uint32_t i : items) {
    const InteractionRecord& m = state_.interactions()[i];
    if (m.direction == Direction::kOutbound) {
      waiting_since = absl::InfiniteFuture();
    } else if (waiting_since == absl::InfiniteFuture()) {
      waiting_since = m.at;
    }
  }
  if (r.status == CaseStatus::kOpen && waiting_since != absl::InfiniteFuture() &&
      now > waiting_since) {
    ctx.waiting = now - waiting_since;
  }
  for (continuity::CaseId other : state_.CustomerCases(r.opener_base)) {
    if (other != c && state_.cases().get(other).status == CaseStatus::kOpen) {
      ctx.other_open_cases.push_back(CaseIdString(other));
    }
  }
  ctx.sentiment = ctx.case_info.sentiment;
  if (uint32_t n = IncidentOfCase(state_, c); n != listening::kNoIncident) {
    ctx.incident_id = IncidentIdString(n);
    ctx.incident_cases = static_cast<int>(MemberRoots(state_, n).size());
  }
  return ctx;
}

absl::StatusOr<MergeRecord> EngineImpl::Merge(std::string_view a,
                                              std::string_view b) {
  const absl::Time now = options_.clock->Now();
  absl::MutexLock lock(&mu_);
  THREADLINE_ASSIGN_OR_RETURN(uint32_t base_a, BaseOf(a));
  THREADLINE_ASSIGN_OR_RETURN(uint32_t base_b, BaseOf(b));
  const identity::IdentityGraph& g = state_.graph();
  if (g.CustomerOf(base_a) == g.CustomerOf(base_b)) {
    return absl::FailedPreconditionError(
        absl::StrCat("customers \"", std::string(a), "\" and \"",
                     std::string(b), "\" are already one customer"));
  }
  v1::Event event;
  auto* m = event.mutable_customers_merged();
  m->set_base_a(base_a);
  m->set_base_b(base_b);
  model::ToProto(now, m->mutable_at());
  ApplyLocked(event);
  if (g.CustomerOf(base_a) != g.CustomerOf(base_b)) {
    return absl::FailedPreconditionError(
        absl::StrCat("customers \"", std::string(a), "\" and \"",
                     std::string(b), "\" were unmerged and are kept apart"));
  }
  std::vector<identity::LinkId> merges = g.MergesOf(base_a);
  return BuildMerge(merges.back());
}

absl::StatusOr<std::vector<MergeRecord>> EngineImpl::Unmerge(
    std::string_view merge_id) {
  absl::MutexLock lock(&mu_);
  std::optional<uint32_t> link = ParseMergeId(merge_id);
  const identity::MergeInfo* info =
      link ? state_.graph().merge(*link) : nullptr;
  if (info == nullptr) {
    return absl::NotFoundError(
        absl::StrCat("no merge with id \"", std::string(merge_id), "\""));
  }
  if (!info->active) {
    return absl::FailedPreconditionError(absl::StrCat(
        "merge \"", std::string(merge_id), "\" is already undone"));
  }
  // The records undone are those active before and not after.
  std::vector<identity::LinkId> before = state_.graph().MergesOf(info->survivor);
  std::vector<identity::LinkId> active_before;
  for (identity::LinkId l : before) {
    if (state_.graph().merge(l)->active) active_before.push_back(l);
  }
  v1::Event event;
  event.mutable_merge_undone()->set_merge(*link);
  ApplyLocked(event);
  std::vector<MergeRecord> out;
  for (identity::LinkId l : active_before) {
    if (!state_.graph().merge(l)->active) out.push_back(BuildMerge(l));
  }
  return out;
}

absl::StatusOr<std::vector<MergeRecord>> EngineImpl::Merges(
    std::string_view customer_id) const {
  absl::ReaderMutexLock lock(&mu_);
  THREADLINE_ASSIGN_OR_RETURN(uint32_t base, BaseOf(customer_id));
  std::vector<MergeRecord> out;
  for (identity::LinkId l : state_.graph().MergesOf(base)) {
    out.push_back(BuildMerge(l));
  }
  return out;
}

absl::Status EngineImpl::SetCaseStatus(std::string_view case_id,
                                       CaseStatus status, absl::Time at) {
  if (status != CaseStatus::kOpen && status != CaseStatus::kResolved) {
    return absl::InvalidArgumentError(
        "case status must be kOpen or kResolved");
  }
  absl::MutexLock lock(&mu_);
  THREADLINE_ASSIGN_OR_RETURN(continuity::CaseId c, CaseOf(case_id));
  v1::Event event;
  auto* e = event.mutable_case_status_changed();
  e->set_case_ordinal(c);
  e->set_status(static_cast<v1::Case::Status>(status));
  model::ToProto(at, e->mutable_at());
  ApplyLocked(event);
  return absl::OkStatus();
}

EngineStats EngineImpl::Stats() const {
  absl::ReaderMutexLock lock(&mu_);
  EngineStats s;
  const identity::IdentityGraph& g = state_.graph();
  s.interactions = state_.interactions().size();
  for (uint32_t b = 0; b < g.base_count(); ++b) {
    if (g.CustomerOf(b) == b) ++s.customers;
  }
  for (continuity::CaseId c = 0; c < state_.cases().size(); ++c) {
    if (state_.cases().get(c).parent == c) ++s.cases;
  }
  for (identity::KeyId k = 0; k < g.key_count(); ++k) {
    if (g.key(k).shared) {
      ++s.shared_identities;
    } else if (g.key(k).owner != identity::kNone) {
      ++s.identities;
    }
  }
  s.merges = g.active_merges();
  return s;
}

// Social listening: the stage lives in the State (listening/); these turn
// it into the public view and record the host's incident decisions as
// events.

std::vector<Alert> EngineImpl::TakeNewAlerts() {
  const std::vector<Alert>& all = state_.listening().alerts();
  std::vector<Alert> fresh;
  if (options_.alert_listener && alerts_told_ < all.size()) {
    fresh.assign(all.begin() + static_cast<std::ptrdiff_t>(alerts_told_),
                 all.end());
  }
  alerts_told_ = all.size();
  return fresh;
}

void EngineImpl::Notify(const std::vector<Alert>& alerts) const {
  for (const Alert& a : alerts) options_.alert_listener->OnAlert(a);
}

std::vector<Alert> EngineImpl::Alerts() const {
  absl::ReaderMutexLock lock(&mu_);
  return state_.listening().alerts();
}

std::vector<Incident> EngineImpl::Incidents() const {
  absl::ReaderMutexLock lock(&mu_);
  std::vector<Incident> out;
  const size_t n = state_.listening().incidents().incidents().size();
  for (uint32_t i = 0; i < n; ++i) out.push_back(BuildIncident(state_, i));
  return out;
}

absl::StatusOr<uint32_t> EngineImpl::IncidentOf(
    std::string_view incident_id) const {
  std::optional<uint32_t> n = ParseIncidentId(incident_id);
  if (!n || *n >= state_.listening().incidents().incidents().size()) {
    return absl::NotFoundError(absl::StrCat("no incident with id \"",
                                            std::string(incident_id), "\""));
  }
  return *n;
}

absl::StatusOr<Incident> EngineImpl::GetIncident(std::string_view id) const {
  absl::ReaderMutexLock lock(&mu_);
  THREADLINE_ASSIGN_OR_RETURN(uint32_t n, IncidentOf(id));
  return BuildIncident(state_, n);
}

absl::Status EngineImpl::AddToIncident(std::string_view incident_id,
                                       std::string_view case_id,
                                       absl::Time at) {
  absl::MutexLock lock(&mu_);
  THREADLINE_ASSIGN_OR_RETURN(uint32_t n, IncidentOf(incident_id));
  THREADLINE_ASSIGN_OR_RETURN(continuity::CaseId c, CaseOf(case_id));
  if (state_.listening().incidents().incidents()[n].status !=
      IncidentStatus::kOpen) {
    return absl::FailedPreconditionError(absl::StrCat(
        "incident \"", std::string(incident_id), "\" is resolved"));
  }
  v1::Event event;
  auto* e = event.mutable_incident_member_added();
  e->set_incident(n);
  e->set_case_ordinal(c);
  model::ToProto(at, e->mutable_at());
  ApplyLocked(event);
  return absl::OkStatus();
}

absl::Status EngineImpl::RemoveFromIncident(std::string_view incident_id,
                                            std::string_view case_id,
                                            absl::Time at) {
  absl::MutexLock lock(&mu_);
  THREADLINE_ASSIGN_OR_RETURN(uint32_t n, IncidentOf(incident_id));
  THREADLINE_ASSIGN_OR_RETURN(continuity::CaseId c, CaseOf(case_id));
  // The member may be the case itself or one it absorbed since it joined.
  std::vector<continuity::CaseId> members;
  for (continuity::CaseId m :
       state_.listening().incidents().incidents()[n].cases) {
    if (state_.cases().Root(m) == c) members.push_back(m);
  }
  if (members.empty()) {
    return absl::NotFoundError(absl::StrCat("case \"", std::string(case_id),
                                            "\" is not in incident \"",
                                            std::string(incident_id), "\""));
  }
  for (continuity::CaseId m : members) {
    v1::Event event;
    auto* e = event.mutable_incident_member_removed();
    e->set_incident(n);
    e->set_case_ordinal(m);
    model::ToProto(at, e->mutable_at());
    ApplyLocked(event);
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Interaction>> EngineImpl::ReplyToIncident(
    std::string_view incident_id, const IncidentReply& reply) {
  bool has_text = false;
  for (const auto& [language, text] : reply.text) has_text |= !text.empty();
  if (!has_text) {
    return absl::InvalidArgumentError(
        "IncidentReply.text needs a reply in at least one language");
  }
  if (reply.at == absl::InfinitePast() || reply.at == absl::InfiniteFuture()) {
    return absl::InvalidArgumentError("IncidentReply.at is required");
  }
  std::vector<Interaction> replies;
  {
    absl::ReaderMutexLock lock(&mu_);
    THREADLINE_ASSIGN_OR_RETURN(uint32_t n, IncidentOf(incident_id));
    if (state_.listening().incidents().incidents()[n].status !=
        IncidentStatus::kOpen) {
      return absl::FailedPreconditionError(absl::StrCat(
          "incident \"", std::string(incident_id), "\" is resolved"));
    }
    const std::string prefix =
        reply.id_prefix.empty()
            ? absl::StrCat(std::string(incident_id), "-",
                           absl::ToUnixSeconds(reply.at), "-")
            : reply.id_prefix;
    replies = IncidentReplies(state_, n, reply, prefix);
  }
  // Through the normal path: each reply is validated, linked to the case it
  // answers and recorded like any interaction.
  for (const Interaction& in : replies) {
    THREADLINE_RETURN_IF_ERROR(Ingest(in).status());
  }
  if (reply.resolve) {
    THREADLINE_RETURN_IF_ERROR(ResolveIncident(incident_id, reply.at));
  }
  return replies;
}

absl::Status EngineImpl::ResolveIncident(std::string_view incident_id,
                                         absl::Time at) {
  absl::MutexLock lock(&mu_);
  THREADLINE_ASSIGN_OR_RETURN(uint32_t n, IncidentOf(incident_id));
  if (state_.listening().incidents().incidents()[n].status !=
      IncidentStatus::kOpen) {
    return absl::FailedPreconditionError(absl::StrCat(
        "incident \"", std::string(incident_id), "\" is already resolved"));
  }
  for (continuity::CaseId c : MemberRoots(state_, n)) {
    if (state_.cases().get(c).status != CaseStatus::kOpen) continue;
    v1::Event event;
    auto* e = event.mutable_case_status_changed();
    e->set_case_ordinal(c);
    e->set_status(v1::Case::RESOLVED);
    model::ToProto(at, e->mutable_at());
    ApplyLocked(event);
  }
  v1::Event event;
  auto* e = event.mutable_incident_resolved();
  e->set_incident(n);
  model::ToProto(at, e->mutable_at());
  ApplyLocked(event);
  return absl::OkStatus();
}

}  // namespace
}  // namespace engine

Engine::~Engine() = default;

absl::StatusOr<std::unique_ptr<Engine>> Engine::Open(EngineOptions options) {
  if (options.reopen_window < absl::ZeroDuration()) {
    return absl::InvalidArgumentError(
        "EngineOptions.reopen_window must not be negative");
  }
  if (options.idle_window <= absl::ZeroDuration()) {
    return absl::InvalidArgumentError(
        "EngineOptions.idle_window must be positive");
  }
  if (options.shared_after_conflicts < 1) {
    return absl::InvalidArgumentError(absl::StrCat(
        "EngineOptions.shared_after_conflicts must be at least 1, got ",
        options.shared_after_conflicts));
  }
  if (options.batch_threads < 1 || options.batch_threads > 256) {
    return absl::InvalidArgumentError(absl::StrCat(
        "EngineOptions.batch_threads must be between 1 and 256, got ",
        options.batch_threads));
  }
  if (options.context_messages < 0) {
    return absl::InvalidArgumentError(
        "EngineOptions.context_messages must not be negative");
  }
  THREADLINE_RETURN_IF_ERROR(engine::ValidateListening(options.listening));
  IdentityNormalizer normalizer(NormalizerOptions{options.default_region});
  // A bad default region would make every national phone number fail
  // later, far from its cause.
  if (options.default_region.size() != 2 ||
      !std::isupper(static_cast<unsigned char>(options.default_region[0])) ||
      !std::isupper(static_cast<unsigned char>(options.default_region[1]))) {
    return absl::InvalidArgumentError(
        absl::StrCat("EngineOptions.default_region \"", options.default_region,
                     "\" is not an ISO 3166 region code"));
  }
  absl::flat_hash_set<std::string> own;
  for (const Identity& id : options.own_identities) {
    absl::StatusOr<Identity> canonical =
        normalizer.Normalize(id, options.default_region);
    if (!canonical.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("EngineOptions.own_identities: ",
                       std::string(canonical.status().message())));
    }
    own.insert(engine::OwnKey(*canonical));
  }
  if (!options.clock) options.clock = std::make_shared<SystemClock>();
  return std::unique_ptr<Engine>(
      new engine::EngineImpl(std::move(options), std::move(own)));
}

}  // namespace threadline
