// The Engine façade: validates, runs the stages, records their answers as
// events, and applies them to the State under one lock. Reading an
// interaction (stage 1) is in engine_prepare.cc, the host's merges and
// status changes in engine_merge.cc.
//
//   1 normalize  (outside the lock) identities and mentions → canonical
//   2 resolve    IdentitiesResolved: the identity graph decides the customer
//   3 link       CasesMerged, InteractionLinked: the continuity rule decides
//                the case
#include "threadline/engine.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <memory>
#include <thread>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "engine/engine_impl.h"
#include "engine/fingerprint.h"
#include "engine/listening_view.h"
#include "engine/state.h"
#include "model/convert.h"
#include "threadline/identity.h"
#include "threadline/status_macros.h"

namespace threadline {

std::array<uint8_t, kIdentityKindCount> EngineOptions::DefaultIdentityLimits() {
  return identity::DefaultGraphOptions().max_per_kind;
}

namespace engine {
void EngineImpl::ResolveEvidence(
    std::vector<Evidence>& evidence,
    std::vector<identity::KeyEvidence>* keys) const {
  const identity::IdentityGraph& g = state_.graph();
  auto usable = [&g](identity::KeyId k) {
    return !g.key(k).shared && g.key(k).owner != identity::kNone;
  };
  size_t used = 0;
  auto add = [keys, &used](const Identity& id, bool mentioned, bool guess) {
    if (used == keys->size()) keys->emplace_back();
    identity::KeyEvidence& k = (*keys)[used++];
    k.identity.kind = id.kind;
    k.identity.value.assign(id.value);
    k.mentioned = mentioned;
    k.national_guess = guess;
  };
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
    add(e.identity, e.mentioned, guess);
  }
  for (const Identity& id : extra) {
    add(id, /*mentioned=*/true, /*guess=*/false);  // weak: it may prove shared
  }
  keys->resize(used);
}

absl::StatusOr<Linkage> EngineImpl::Ingest(const Interaction& in) {
  THREADLINE_ASSIGN_OR_RETURN(Prepared prepared, Prepare(in));
  if (store_ != nullptr) return IngestDurable(in, std::move(prepared));
  absl::StatusOr<Linkage> out;
  std::vector<Alert> alerts;
  uint64_t ticket = 0;
  {
    absl::MutexLock lock(&mu_);
    THREADLINE_RETURN_IF_ERROR(WritableLocked());
    out = IngestLocked(in, std::move(prepared));
    alerts = TakeNewAlerts();
    THREADLINE_ASSIGN_OR_RETURN(ticket, AppendLocked());
  }
  THREADLINE_RETURN_IF_ERROR(AwaitDurable(ticket));
  Notify(alerts);
  return out;
}

std::vector<absl::StatusOr<Linkage>> EngineImpl::IngestBatch(
    const std::vector<Interaction>& interactions) {
  const size_t size = interactions.size();
  // Reading (normalization, mentions, matter, sentiment) is pure and needs
  // no lock, so the batch threads read items in order, one at a time, while
  // this thread links, in order and under the lock, the items read so far,
  // reading too whenever the next item is not read yet: linking one part
  // of the batch overlaps reading the rest. The order of linking is the
  // input's, so results are the same for any number of threads.
  std::vector<absl::StatusOr<Prepared>> prepared(size,
                                                 absl::UnknownError("not read"));
  const std::unique_ptr<std::atomic<bool>[]> read(new std::atomic<bool>[size]);
  for (size_t i = 0; i < size; ++i) read[i].store(false, std::memory_order_relaxed);
  std::atomic<size_t> next_to_read{0};
  auto read_one = [&]() {
    const size_t i = next_to_read.fetch_add(1, std::memory_order_relaxed);
    if (i >= size) return false;
    prepared[i] = Prepare(interactions[i]);
    read[i].store(true, std::memory_order_release);
    return true;
  };
  const size_t threads = static_cast<size_t>(options_.batch_threads);
  std::vector<std::thread> workers;
  if (threads > 1 && size >= 2 * threads) {
    for (size_t t = 1; t < threads; ++t) {
      workers.emplace_back([&read_one] {
        while (read_one()) {
        }
      });
    }
  } else {
    // On its own, this thread reads everything first and links it under
    // one lock.
    while (read_one()) {
    }
  }

  std::vector<absl::StatusOr<Linkage>> out;
  out.reserve(size);
  std::vector<Alert> alerts;
  absl::Status stored;
  // mu_ is let go between the parts linked: meanwhile a round of single
  // ingests may append the parts linked so far with its own events, fail,
  // and rebuild the state without them. The whole batch fails then.
  bool checked = false;
  uint64_t reloads = 0;
  auto check_store = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (store_ == nullptr || !stored.ok()) return;
    if (!checked) {
      stored = WritableLocked();
      reloads = reloads_;
      checked = true;
    } else if (reloads_ != reloads) {
      stored = reload_cause_;
    }
  };
  size_t i = 0;
  while (i < size) {
    if (!read[i].load(std::memory_order_acquire)) {
      if (!read_one()) std::this_thread::yield();  // a worker is on it
      continue;
    }
    absl::MutexLock lock(&mu_);
    check_store();
    for (; i < size && read[i].load(std::memory_order_acquire); ++i) {
      if (!prepared[i].ok()) {
        out.push_back(prepared[i].status());
      } else if (!stored.ok()) {
        out.push_back(stored);
      } else {
        out.push_back(IngestLocked(interactions[i], *std::move(prepared[i])));
      }
    }
  }
  for (std::thread& t : workers) t.join();

  // One Append and one Sync for the whole batch.
  uint64_t ticket;
  {
    absl::MutexLock lock(&mu_);
    check_store();
    ticket = EndWriteLocked(&stored, &alerts);
  }
  stored = AwaitWrite(std::move(stored), ticket, &alerts);
  if (!stored.ok()) {
    for (absl::StatusOr<Linkage>& r : out) {
      if (r.ok()) r = stored;
    }
  }
  Notify(alerts);
  return out;
}

void EngineImpl::ApplyLocked(v1::Event& event) {
  state_.Apply(event);
  RecordLocked(event);
}

void EngineImpl::RecordLocked(v1::Event& event) {
  if (store_ == nullptr) return;
  event.set_sequence(state_.sequence());
  pending_.push_back({event.sequence(), event.SerializeAsString()});
}

absl::StatusOr<Linkage> EngineImpl::IngestLocked(const Interaction& given,
                                                 Prepared prepared) {
  // What is linked and stored: the interaction as given, or repaired.
  const std::shared_ptr<const Interaction> repaired =
      std::move(prepared.repaired);
  const Interaction& in = repaired != nullptr ? *repaired : given;
  if (int64_t known = state_.FindInteraction(in.id); known >= 0) {
    const InteractionRecord& r = state_.interactions()[known];
    const uint64_t now = r.digest ? prepared.digest : LegacyFingerprint(in);
    if (r.fingerprint != now) {
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
  ResolveEvidence(prepared.evidence, &resolved_keys_);
  uint32_t fallback = identity::kNone;
  for (continuity::CaseId c : {reply_case, thread_case, reference_case}) {
    if (c != continuity::kNoCase) {
      fallback = state_.cases().get(c).opener_base;
      break;
    }
  }
  // The state applies the evidence as it is; a store gets the event too.
  // (The time as the stored event carries it: whole nanoseconds.)
  state_.ApplyResolved(resolved_keys_,
                       absl::FromUnixNanos(absl::ToUnixNanos(in.occurred_at)),
                       fallback);
  if (store_ != nullptr) {
    // Every field is set anew rather than cleared: Clear() would free the
    // nested messages the event keeps for the next ingest.
    auto* resolved = resolved_event_.mutable_identities_resolved();
    model::ToProto(in.occurred_at, resolved->mutable_at());
    if (fallback == identity::kNone) {
      resolved->clear_fallback_base();
    } else {
      resolved->set_fallback_base(fallback);
    }
    const int n = static_cast<int>(resolved_keys_.size());
    while (resolved->evidence_size() > n) {
      resolved->mutable_evidence()->RemoveLast();
    }
    for (int i = 0; i < n; ++i) {
      const identity::KeyEvidence& k = resolved_keys_[static_cast<size_t>(i)];
      auto* ev = i < resolved->evidence_size() ? resolved->mutable_evidence(i)
                                               : resolved->add_evidence();
      model::ToProto(k.identity, ev->mutable_identity());
      ev->set_mentioned(k.mentioned);
      ev->set_national_guess(k.national_guess);
    }
    RecordLocked(resolved_event_);
  }
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

  const bool new_case = d.case_id == continuity::kNoCase;
  const uint32_t case_ordinal =
      new_case ? static_cast<uint32_t>(state_.cases().size()) : d.case_id;
  // The state applies the event as a view of the interaction itself; a
  // store gets it as a message too.
  state_.set_content_words(&prepared.content_words);
  {
    LinkedEvent e;
    e.id = in.id;
    e.at_nanos = absl::ToUnixNanos(in.occurred_at);
    e.channel = in.channel;
    e.direction = in.direction;
    e.resolves = in.disposition == Disposition::kResolved;
    e.text = in.text;
    e.agent_id = in.agent_id;
    e.thread_id = in.thread_id;
    e.external_ref = in.external_ref;
    e.display_name = in.display_name;
    e.customer_base = base;
    e.case_ordinal = case_ordinal;
    e.new_case = new_case;
    e.reason = d.reason;
    e.reopen = d.reopen;
    e.topic = prepared.topic;
    e.has_digest = true;
    e.digest = prepared.digest;
    e.follow_up = prepared.follow_up;
    e.sentiment = prepared.sentiment;
    e.language = prepared.language;
    state_.ApplyLinked(e);
    if (store_ != nullptr) {
      v1::Event& event = linked_event_;
      auto* linked = event.mutable_interaction_linked();  // every field set
      model::ToProto(in, linked->mutable_interaction());
      linked->set_customer_base(e.customer_base);
      linked->set_new_case(e.new_case);
      linked->set_case_ordinal(e.case_ordinal);
      linked->set_reason(static_cast<v1::Linkage::Reason>(e.reason));
      linked->set_reopen(e.reopen);
      linked->set_topic(std::string(e.topic));
      linked->clear_fingerprint();
      linked->set_digest(e.digest);
      linked->set_follow_up(e.follow_up);
      if (e.sentiment) {
        linked->set_sentiment(*e.sentiment);
      } else {
        linked->clear_sentiment();
      }
      linked->set_language(std::string(e.language));
      RecordLocked(event);
    }
  }
  state_.set_content_words(nullptr);
  Linkage linkage =
      CurrentLinkage(static_cast<uint32_t>(state_.interactions().size() - 1));
  linkage.ignored_identities = std::move(prepared.ignored);
  return linkage;
}

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
  std::shared_ptr<Store> store = options.store;
  if (store == nullptr && !options.journal_dir.empty()) {
    THREADLINE_ASSIGN_OR_RETURN(store, OpenJournal(options.journal_dir));
  }
  auto engine = std::make_unique<engine::EngineImpl>(
      std::move(options), std::move(own), std::move(store));
  THREADLINE_RETURN_IF_ERROR(engine->Load());
  return std::unique_ptr<Engine>(std::move(engine));
}

}  // namespace threadline
