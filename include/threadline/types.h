// File: types.h
// The plain value types of the threadline API: what a host hands the engine
// (Interaction, Identity) and what it gets back (Linkage, Customer, Case).
// They mirror the protobuf messages of proto/threadline/v1 without exposing
// them, so hosts never inherit our protobuf version.
//
// All types here are plain values: copyable, movable, thread-compatible.
//
// Example:
//   threadline::Interaction in;
//   in.id = "tw-1";
//   in.occurred_at = absl::FromUnixSeconds(1767600000);
//   in.channel = threadline::Channel::kTwitter;
//   in.direction = threadline::Direction::kInbound;
//   in.contact = {threadline::IdentityKind::kTwitter, "@GraceC"};
#ifndef THREADLINE_TYPES_H_
#define THREADLINE_TYPES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "threadline/export.h"

namespace threadline {

// Channel: where an interaction happened. Values and names match FORMAT.md.
enum class Channel : uint8_t {
  kUnspecified = 0,
  kVoice = 1,
  kSms = 2,
  kEmail = 3,
  kWebChat = 4,
  kTwitter = 5,
  kFacebook = 6,
  kInstagram = 7,
  kWhatsapp = 8,
  kLinkedin = 9,
  kForum = 10,
  kBlog = 11,
  kVideo = 12,
  kFax = 13,
  kPostalMail = 14,
  kInStore = 15,
  kWebForm = 16,
  kOther = 17,
};
inline constexpr int kChannelCount = 18;

// Direction: INBOUND comes from the customer, OUTBOUND from the brand.
enum class Direction : uint8_t { kUnspecified = 0, kInbound = 1, kOutbound = 2 };

// IdentityKind: what kind of address an Identity value is.
enum class IdentityKind : uint8_t {
  kUnspecified = 0,
  kPhone = 1,
  kEmail = 2,
  kTwitter = 3,
  kFacebook = 4,
  kInstagram = 5,
  kWhatsapp = 6,
  kLinkedin = 7,
  kChatVisitor = 8,
  kAccount = 9,
  kOther = 10,
};
inline constexpr int kIdentityKindCount = 11;

// Disposition: what the interaction did to its case.
enum class Disposition : uint8_t { kUnspecified = 0, kResolved = 1 };

// Name of each enum value as FORMAT.md writes it ("TWITTER", "INBOUND"), and
// the reverse. Parse* return std::nullopt for a name that is not a value.
THREADLINE_EXPORT std::string_view ChannelName(Channel channel);
THREADLINE_EXPORT std::optional<Channel> ParseChannel(std::string_view name);
THREADLINE_EXPORT std::string_view DirectionName(Direction direction);
THREADLINE_EXPORT std::optional<Direction> ParseDirection(std::string_view name);
THREADLINE_EXPORT std::string_view IdentityKindName(IdentityKind kind);
THREADLINE_EXPORT std::optional<IdentityKind> ParseIdentityKind(
    std::string_view name);
THREADLINE_EXPORT std::string_view DispositionName(Disposition disposition);
THREADLINE_EXPORT std::optional<Disposition> ParseDisposition(
    std::string_view name);

// Identity: an address of a customer. As handed in, `value` is raw
// ("(646) 555-0134"); as returned by the engine it is canonical
// ("+16465550134").
struct Identity {
  IdentityKind kind = IdentityKind::kUnspecified;
  std::string value;

  friend bool operator==(const Identity& a, const Identity& b) {
    return a.kind == b.kind && a.value == b.value;
  }
  friend bool operator!=(const Identity& a, const Identity& b) {
    return !(a == b);
  }
};

// "EMAIL:grace@example.org": kind name, a colon, the value.
THREADLINE_EXPORT std::string IdentityToString(const Identity& identity);

// Interaction: one contact with a customer. Field meanings: FORMAT.md.
struct Interaction {
  std::string id;                      // required, unique per host
  absl::Time occurred_at = absl::InfinitePast();  // required
  Channel channel = Channel::kUnspecified;        // required
  Direction direction = Direction::kUnspecified;  // required
  Identity contact;                    // required
  std::vector<Identity> identities;    // further identities of the customer
  std::string text;
  std::string reply_to;
  std::string thread_id;
  std::string external_ref;
  std::string topic;
  std::string agent_id;
  std::string language;
  std::string region;
  std::string display_name;
  Disposition disposition = Disposition::kUnspecified;

  friend THREADLINE_EXPORT bool operator==(const Interaction& a,
                                           const Interaction& b);
  friend bool operator!=(const Interaction& a, const Interaction& b) {
    return !(a == b);
  }
};

// LinkReason: why an interaction joined its case.
enum class LinkReason : uint8_t {
  kUnspecified = 0,
  kNewCase = 1,       // nothing it continues: a new case was opened
  kReplyTo = 2,       // it answers an earlier interaction of the case
  kThread = 3,        // the same channel thread (email thread, chat, call)
  kExternalRef = 4,   // the same host ticket reference
  kSameMatter = 5,    // the customer came back on the same matter, case open
  kReopened = 6,      // the same matter within the reopen window
  kOnlyOpenCase = 7,  // no matter stated; the customer's one open case
};
THREADLINE_EXPORT std::string_view LinkReasonName(LinkReason reason);

// IgnoredIdentity: an identity of an interaction that names no one, as the
// host gave it, and why (IdentityNormalizer's status: InvalidArgument
// naming the value and what is wrong with it).
struct IgnoredIdentity {
  Identity identity;
  absl::Status why;
};

// Linkage: the answer to one ingest.
struct Linkage {
  std::string interaction_id;
  std::string customer_id;
  std::string case_id;
  LinkReason reason = LinkReason::kUnspecified;
  bool continued = false;  // true when it joined an existing case
  // The contact and identities that were left out because their values
  // are not valid for their kind (a withheld caller id, a garbled email):
  // the interaction is linked without them, and a host can fix the source.
  // Only the ingest that links the interaction reports them; a retry of
  // the same interaction and LinkageOf report none.
  std::vector<IgnoredIdentity> ignored_identities;
};

// CustomerIdentity: an identity of a customer and how it came to be theirs.
struct CustomerIdentity {
  Identity identity;  // canonical
  absl::Time first_seen;
  absl::Time last_seen;
  std::string evidence_interaction_id;  // the interaction that tied it
  bool mentioned = false;  // found in a message's text rather than given
};

// Customer: one person across all their identities.
struct Customer {
  std::string id;
  std::vector<CustomerIdentity> identities;
  std::vector<std::string> display_names;
  std::vector<std::string> absorbed_ids;  // merged into this one
  absl::Time first_seen;
  absl::Time last_seen;
};

// SentimentTrend: how a case's customer felt, from the sentiment of their
// inbound messages in time order (-1 most negative .. 1 most positive).
struct SentimentTrend {
  int scored = 0;  // inbound messages scored; the rest is 0 when none
  float first = 0;
  float last = 0;
  float worst = 0;
  std::string worst_interaction_id;
};

enum class CaseStatus : uint8_t { kUnspecified = 0, kOpen = 1, kResolved = 2 };
THREADLINE_EXPORT std::string_view CaseStatusName(CaseStatus status);

// Case: one inquiry of one customer, across channels.
struct Case {
  std::string id;
  std::string customer_id;
  CaseStatus status = CaseStatus::kOpen;
  std::vector<Channel> channels;              // in order of first use
  std::vector<std::string> interaction_ids;   // in time order
  absl::Time opened_at;
  absl::Time last_activity_at;
  absl::Time resolved_at = absl::InfinitePast();  // when resolved, else past
  std::string topic;                          // the matter, when known
  std::vector<std::string> absorbed_ids;      // cases merged into this one
  SentimentTrend sentiment;
  std::string incident_id;  // the open or resolved incident it belongs to
};

// MergeRecord: one merge of two customers, kept so it can be undone.
struct MergeRecord {
  std::string id;
  std::string survivor_id;
  std::string absorbed_id;
  std::string evidence_interaction_id;  // empty for an explicit merge
  Identity evidence_identity;           // empty for an explicit merge
  absl::Time at;
  bool undone = false;
};

}  // namespace threadline

#endif  // THREADLINE_TYPES_H_
