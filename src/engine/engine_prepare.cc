// The reading stage of an ingest, outside the engine's lock: the
// interaction checked, its identities and the ones its text mentions
// normalized, and its text read once for the matter, the sentiment and the
// listening stage's content words (EngineImpl::Prepare).
#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "engine/engine_impl.h"
#include "engine/fingerprint.h"
#include "identity/value_text.h"
#include "listening/inbound_text.h"
#include "threadline/identity.h"
#include "threadline/status_macros.h"
#include "util/utf8.h"

namespace threadline::engine {

// Identities that identify no one: the brand's own, matched in canonical
// form; WhatsApp and phone meet as in the identity graph.
std::string OwnKey(const Identity& id) {
  IdentityKind kind =
      id.kind == IdentityKind::kWhatsapp ? IdentityKind::kPhone : id.kind;
  return absl::StrCat(static_cast<int>(kind), ":", id.value);
}

namespace {

// Confidence below which a matter read from the text is weak: the
// classifier's confidence falls when few words speak for the matter or
// another is close ("here you go, I'm the account holder").
constexpr float kStrongTopic = 0.4f;

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
  if (!util::IsValidUtf8(in.id)) {  // before it is quoted below
    return absl::InvalidArgumentError(
        absl::StrCat("interaction: field \"id\": ",
                     identity_internal::QuoteForMessage(in.id),
                     " has invalid UTF-8; only text and display_name may, "
                     "since a repaired id could equal another"));
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
  // As the JSON reader does: text and the display name are repaired
  // (RepairedCopy); a repaired id or address could equal another.
  const std::pair<const char*, const std::string*> fields[] = {
      {"contact.value", &in.contact.value},
      {"reply_to", &in.reply_to},
      {"thread_id", &in.thread_id},
      {"external_ref", &in.external_ref},
      {"topic", &in.topic},
      {"agent_id", &in.agent_id},
      {"language", &in.language},
      {"region", &in.region}};
  auto not_utf8 = [&bad](const std::string& field, const std::string& value) {
    return bad(absl::StrCat("field \"", field, "\": ",
                            identity_internal::QuoteForMessage(value),
                            " has invalid UTF-8; only text and display_name "
                            "may, since a repaired id or address could equal "
                            "another"));
  };
  for (const auto& [field, value] : fields) {
    if (!util::IsValidUtf8(*value)) return not_utf8(field, *value);
  }
  for (size_t i = 0; i < in.identities.size(); ++i) {
    if (!util::IsValidUtf8(in.identities[i].value)) {
      return not_utf8(absl::StrCat("identities[", i, "].value"),
                      in.identities[i].value);
    }
  }
  return absl::OkStatus();
}

// RepairedCopy: `in` with invalid UTF-8 in its text and display name
// replaced by U+FFFD as the JSON reader replaces it, or null when both are
// well-formed (nearly always).
std::shared_ptr<const Interaction> RepairedCopy(const Interaction& in) {
  const bool text = !util::IsValidUtf8(in.text);
  const bool name = !util::IsValidUtf8(in.display_name);
  if (!text && !name) return nullptr;
  auto out = std::make_shared<Interaction>(in);
  std::vector<util::Utf8Repair> repairs;
  if (text) util::RepairUtf8(in.text, &out->text, &repairs);
  if (name) util::RepairUtf8(in.display_name, &out->display_name, &repairs);
  return out;
}

// PrimaryLanguage: the ISO 639-1 code a host's language tag begins with
// ("es" of "ES", "es-MX" or "es_CO"), lower case; empty for a tag that
// begins with none (it is then as if none was given).
std::string PrimaryLanguage(std::string_view tag) {
  auto letter = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  };
  if (tag.size() < 2 || !letter(tag[0]) || !letter(tag[1]) ||
      (tag.size() > 2 && tag[2] != '-' && tag[2] != '_')) {
    return "";
  }
  return {static_cast<char>(tag[0] | 0x20), static_cast<char>(tag[1] | 0x20)};
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
    const Interaction& given) const {
  THREADLINE_RETURN_IF_ERROR(Validate(given));
  Prepared p;
  p.repaired = RepairedCopy(given);
  const Interaction& in = p.repaired != nullptr ? *p.repaired : given;
  const std::string host_language = PrimaryLanguage(in.language);
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
    } else {
      p.ignored.push_back({raw, std::move(e.status)});
    }
  };
  // The primary identity decides which customer the interaction belongs to:
  // an account number when one is given (a family shares a landline, not an
  // account), else the contact.
  // The accounts of identities[0, accounts_read) are read here, each once.
  size_t accounts_read = in.identities.size();
  for (size_t i = 0; i < in.identities.size(); ++i) {
    if (in.identities[i].kind != IdentityKind::kAccount) continue;
    const size_t before = p.evidence.size();
    read(in.identities[i]);
    if (p.evidence.size() > before) {
      accounts_read = i + 1;
      break;
    }
  }
  // A contact that does not normalize (a withheld caller id, a garbled
  // address) identifies no one, but the interaction is still linked: by its
  // other identities, its reply or thread, or as a customer of its own.
  read(in.contact);
  for (size_t i = 0; i < in.identities.size(); ++i) {
    const bool read_already =
        in.identities[i].kind == IdentityKind::kAccount && i < accounts_read;
    if (!read_already) read(in.identities[i]);
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
  reading.detect_language = !options_.sentiment && host_language.empty();
  reading.content_words = options_.listening.incidents;
  listening::InboundText text =
      listening::ReadInboundText(in.text, host_language, topics_, reading);
  if (p.topic.empty()) {
    p.topic = std::string(text.topic.topic);
    p.weak_topic = text.topic.confidence < kStrongTopic;
  }
  p.follow_up = text.topic.follow_up;
  p.content_words = std::move(text.content_words);
  if (!in.text.empty()) {
    if (text.sentiment) p.sentiment = text.sentiment->score;
    if (!host_language.empty()) {
      p.language = host_language;
    } else if (text.sentiment) {
      p.language = std::move(text.sentiment->language);
    } else {
      p.language = std::string(text.language);
    }
  }
  return p;
}

}  // namespace threadline::engine
