// The Engine façade: validates, runs the stages, records their answers as
// events, and applies them to the State under one lock.
//
//   1 normalize  (outside the lock) identities and mentions → canonical
//   2 resolve    IdentitiesResolved: the identity graph decides the customer
//   3 link       CasesMerged, InteractionLinked: the continuity rule decides
//                the case
#include "threadline/engine.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <cctype>
#include <thread>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "engine/engine_impl.h"
#include "engine/fingerprint.h"
#include "engine/ids.h"
#include "engine/listening_view.h"
#include "engine/state.h"
#include "listening/inbound_text.h"
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

// Whether `id` (canonical) is one of `own`: asked of every identity of every
// interaction, so the key is built on the stack when it fits.
bool IsOwn(const absl::flat_hash_set<std::string>& own, const Identity& id) {
  if (own.empty()) return false;
  char buffer[128];
  if (id.value.size() + 4 > sizeof buffer) return own.contains(OwnKey(id));
  const IdentityKind kind =
      id.kind == IdentityKind::kWhatsapp ? IdentityKind::kPhone : id.kind;
  char* end = absl::numbers_internal::FastIntToBuffer(static_cast<int>(kind),
                                                      buffer);
  *end++ = ':';
  end = std::copy(id.value.begin(), id.value.end(), end);
  return own.contains(absl::string_view(buffer, end - buffer));
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

}  // namespace

absl::StatusOr<EngineImpl::Prepared> EngineImpl::Prepare(
    const Interaction& in) const {
  THREADLINE_RETURN_IF_ERROR(Validate(in));
  Prepared p;
  p.evidence.reserve(4 + in.identities.size());
  p.digest = Digest(in);
  auto read = [&](const Identity& raw) {
    Evidence e;
    e.national = NationalDigits(raw, in.region);
    absl::StatusOr<Identity> id = normalizer_.Normalize(raw, in.region);
    if (id.ok()) {
      e.identity = *std::move(id);
      if (IsOwn(own_, e.identity)) return;
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
      if (IsOwn(own_, id)) continue;
      Evidence e;
      e.identity = std::move(id);
      e.mentioned = true;
      p.evidence.push_back(std::move(e));
    }
  }

  if (!in.topic.empty()) {
    p.topic = in.topic;
  }
  if (in.direction != Direction::kInbound) return p;
  // 3 matter and 4 enrich, outside the lock, in one reading of the text:
  // the matter, the sentiment (the language is the host's, else the one
  // the text reads in) and the listening stage's content words.
  listening::InboundTextOptions reading;
  reading.sentiment = options_.sentiment.get();
  reading.detect_language = !options_.sentiment && in.language.empty();
  reading.content_words = options_.listening.incidents;
  listening::InboundText text =
      listening::ReadInboundText(in.text, in.language, topics_, reading);
  if (p.topic.empty()) {
    p.topic = std::string(text.topic.topic);
    p.weak_topic = text.topic.confidence < kStrongTopic;
  }
  p.follow_up = text.topic.follow_up;
  p.content_words = std::move(text.content_words);
  if (!in.text.empty()) {
    const std::string_view language = in.language;
    if (text.sentiment) {
      p.sentiment = text.sentiment->score;
      if (language.empty()) p.language = std::move(text.sentiment->language);
    } else if (language.empty()) {
      p.language = std::string(text.language);
    }
    if (!language.empty()) p.language = std::string(language.substr(0, 2));
  }
  return p;
}

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

absl::StatusOr<Linkage> EngineImpl::IngestLocked(const Interaction& in,
                                                 Prepared prepared) {
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
    absl::Duration gap = y.opened_at() > x.last_activity()
                             ? y.opened_at() - x.last_activity()
                             : x.opened_at() - y.last_activity();
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
  const continuity::CaseList cases = state_.CustomerCases(base);
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
          book.get(o).opened_nanos > book.get(c).opened_nanos ||
          !close_in_time(o, c)) {
        continue;
      }
      only = o;
      ++candidates;
    }
    if (candidates == 1) merge(std::min(only, c), std::max(only, c));
  }
}

absl::StatusOr<MergeRecord> EngineImpl::Merge(std::string_view a,
                                              std::string_view b) {
  const absl::Time now = options_.clock->Now();
  absl::StatusOr<MergeRecord> out;
  uint64_t ticket = 0;
  {
    absl::MutexLock lock(&mu_);
    THREADLINE_RETURN_IF_ERROR(WritableLocked());
    out = MergeLocked(a, b, now);
    // Even a refused merge may have applied (and must store) its event.
    THREADLINE_ASSIGN_OR_RETURN(ticket, AppendLocked());
  }
  THREADLINE_RETURN_IF_ERROR(AwaitDurable(ticket));
  return out;
}

absl::StatusOr<MergeRecord> EngineImpl::MergeLocked(std::string_view a,
                                                    std::string_view b,
                                                    absl::Time now) {
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
  absl::StatusOr<std::vector<MergeRecord>> out;
  uint64_t ticket = 0;
  {
    absl::MutexLock lock(&mu_);
    THREADLINE_RETURN_IF_ERROR(WritableLocked());
    out = UnmergeLocked(merge_id);
    THREADLINE_ASSIGN_OR_RETURN(ticket, AppendLocked());
  }
  THREADLINE_RETURN_IF_ERROR(AwaitDurable(ticket));
  return out;
}

absl::StatusOr<std::vector<MergeRecord>> EngineImpl::UnmergeLocked(
    std::string_view merge_id) {
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


absl::Status EngineImpl::SetCaseStatus(std::string_view case_id,
                                       CaseStatus status, absl::Time at) {
  if (status != CaseStatus::kOpen && status != CaseStatus::kResolved) {
    return absl::InvalidArgumentError(
        "case status must be kOpen or kResolved");
  }
  uint64_t ticket = 0;
  {
    absl::MutexLock lock(&mu_);
    THREADLINE_RETURN_IF_ERROR(WritableLocked());
    THREADLINE_ASSIGN_OR_RETURN(continuity::CaseId c, CaseOf(case_id));
    v1::Event event;
    auto* e = event.mutable_case_status_changed();
    e->set_case_ordinal(c);
    e->set_status(static_cast<v1::Case::Status>(status));
    model::ToProto(at, e->mutable_at());
    ApplyLocked(event);
    THREADLINE_ASSIGN_OR_RETURN(ticket, AppendLocked());
  }
  return AwaitDurable(ticket);
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
