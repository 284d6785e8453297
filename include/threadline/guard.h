// File: guard.h
// The public reply guard: checks an agent's reply before it goes out and says
// exactly what is wrong and where (byte spans of the reply): personal data
// (card numbers, account numbers, emails, phone numbers, the customer's own
// identities), profanity and insults in English and Spanish, shouting, and
// the host's own rules (banned phrases, a required sign-off, a length limit).
// When a public reply needs personal data it names the private channel to
// move the conversation to. Cheap enough to run on every keystroke: a few
// microseconds for a tweet-sized reply.
//
// Public and private channels. TWITTER, FACEBOOK, INSTAGRAM, LINKEDIN, FORUM,
// BLOG and VIDEO replies are public (anyone can read them), and so is a
// reply on an UNSPECIFIED or OTHER channel, which is checked as if it were;
// every other channel reaches only the customer. On a public channel all
// personal data is flagged; on a private one only card numbers and security
// codes, which must never be written in any message (PCI DSS), while the
// customer's own email or phone in a private email is normal.
//
// Numbers. A number is personal data when its digits say so (a card number:
// issuer prefix and length, Luhn-valid; an IBAN with valid check digits; a
// Spanish DNI with its control letter; the 3-2-4 shape of a US Social
// Security number), when a word before it does ("account", "cuenta",
// "tarjeta", "póliza", "DNI", and "CVV", "PIN", "security code" for
// secrets), when it starts with an account prefix ("AC-305510"), or when
// libphonenumber reads it as a phone number. Numbers labelled as orders,
// tickets, cases or references ("order #12345", "pedido 98765", "folio"),
// dates, times, prices, percentages and quantities never are. Any other
// number of nine digits or more is reported as kUnlabeledNumber: unexplained
// in a public reply, it is more likely an account than not.
//
// Example:
//   threadline::GuardOptions options;
//   options.own_identities = {{threadline::IdentityKind::kPhone,
//                              "1-800-555-0199"}};
//   options.required_signoff = "^AB";
//   absl::StatusOr<std::unique_ptr<threadline::ReplyGuard>> guard =
//       threadline::ReplyGuard::Create(options);
//   if (!guard.ok()) return guard.status();
//   threadline::ReplyContext context;
//   context.channel = threadline::Channel::kTwitter;
//   threadline::GuardResult r = (*guard)->Check(
//       "Sorry! Call us at 1-800-555-0199 or DM your email. ^AB", context);
//   // r.ok == true: the brand's own hotline is never flagged.
//   r = (*guard)->Check("Card 4111 1111 1111 1111 is blocked ^AB", context);
//   // r.findings[0].kind == kCardNumber, [5, 24): "4111 1111 1111 1111";
//   // r.move_to_channel == kTwitter, r.move_to_private_message == true.
#ifndef THREADLINE_GUARD_H_
#define THREADLINE_GUARD_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "threadline/export.h"
#include "threadline/types.h"

namespace threadline {

// GuardOptions: validated once by ReplyGuard::Create, which names a bad field.
struct GuardOptions {
  // The brand's own phone numbers, emails and accounts (the hotline,
  // support@...). Compared in canonical form, so "1 (800) 555-0199" in a
  // reply is the own identity "+18005550199". Never flagged. Default: none.
  std::vector<Identity> own_identities;
  // Words and phrases the brand never writes ("lol", "calm down", "no es mi
  // culpa"). Matched word by word, ignoring case, accents and punctuation
  // between words. Default: none.
  std::vector<std::string> banned_phrases;
  // Text every reply must end with, such as the agent's initials ("^AB",
  // "-Ana"), compared ignoring ASCII case and trailing whitespace.
  // Default: empty, no sign-off required.
  std::string required_signoff;
  // ISO 3166 regions whose national phone numbers are recognized ("US", "MX",
  // "ES"); numbers written with "+" are recognized whatever their country.
  // At least one. Default: {"US"}.
  std::vector<std::string> regions = {"US"};
  // Letters that start the brand's account numbers when written glued or
  // with "-" or "#" ("AC-305510", "ACCT305510"); compared ignoring case.
  // Other letter-and-digit codes ("ORD-2026001", "TKT-4471") are order and
  // ticket references, not personal data. Default: {"AC", "ACC", "ACCT",
  // "CTA"}.
  std::vector<std::string> account_prefixes = {"AC", "ACC", "ACCT", "CTA"};
  // Most characters (Unicode code points) a reply may have. 0: the channel's
  // own limit (280 on TWITTER, none elsewhere); -1: no limit. Default: 0.
  int max_chars = 0;
  // Only the first max_checked_bytes of a reply are checked (at least 1024),
  // which bounds the work on a pasted megabyte; a longer reply gets a
  // kUnchecked finding rather than passing unseen. Default: 65536.
  size_t max_checked_bytes = 65536;
};

// ReplyContext: where one reply goes and to whom.
struct ReplyContext {
  // The channel the reply goes out on. Default: UNSPECIFIED (checked as
  // public).
  Channel channel = Channel::kUnspecified;
  // True for a direct message on a social network (a Twitter DM, Messenger,
  // an Instagram DM), which only the customer reads: checked as private.
  // Default: false.
  bool private_message = false;
  // The customer's identities as the host knows them, raw or canonical.
  // Written in a public reply they are reported as kCustomerIdentity; a
  // handle is not reported on its own network (TWITTER handle on TWITTER),
  // where it is public anyway. Values that do not normalize are ignored.
  // Default: none.
  std::vector<Identity> customer_identities;
  // The customer's ISO 3166 region, if known: its national phone numbers are
  // recognized besides those of GuardOptions::regions. Default: empty.
  std::string region;
};

// FindingKind: what is wrong. Names as FindingKindName writes them.
enum class FindingKind : uint8_t {
  kCardNumber = 0,    // CARD_NUMBER: 13-19 digits, a card issuer's prefix
                      // and length, Luhn-valid
  kAccountNumber,     // ACCOUNT_NUMBER: an IBAN (valid check digits), a
                      // number labelled account/cuenta/card/policy/ID
                      // document or security code, an account prefix
                      // ("AC-305510"), a Spanish DNI (valid control
                      // letter), a US Social Security number shape
  kEmail,             // EMAIL: an email address not the brand's own
  kPhone,             // PHONE: a phone number not the brand's own
  kCustomerIdentity,  // CUSTOMER_IDENTITY: one of ReplyContext's
                      // customer_identities (phone, email, account, handle)
  kUnlabeledNumber,   // UNLABELED_NUMBER: 9 or more digits that are no
                      // phone number of the regions, no date, price or
                      // quantity, and have no label saying they are an
                      // order, ticket or reference: perhaps personal data
  kProfanity,         // PROFANITY: a vulgar word, also disguised ("f*ck",
                      // "sh1t", "mieeerda")
  kInsult,            // INSULT: a word or phrase that insults the reader
  kShouting,          // SHOUTING: a run of words in capitals (short
                      // acronyms such as SMS, ID, USA do not count)
  kBannedPhrase,      // BANNED_PHRASE: one of GuardOptions::banned_phrases
  kMissingSignoff,    // MISSING_SIGNOFF: the reply does not end with
                      // GuardOptions::required_signoff
  kTooLong,           // TOO_LONG: more characters than the channel allows
  kUnchecked,         // UNCHECKED: bytes past max_checked_bytes
  kInvalidUtf8,       // INVALID_UTF8: bytes that are not UTF-8, which the
                      // channel would show as garbage
};

// "CARD_NUMBER", "ACCOUNT_NUMBER", ...
THREADLINE_EXPORT std::string_view FindingKindName(FindingKind kind);

// IsPersonalData: whether findings of `kind` are personal data (card,
// account, email, phone, customer identity, unlabeled number).
THREADLINE_EXPORT bool IsPersonalData(FindingKind kind);

// IsPublicChannel: whether replies on `channel` can be read by anyone (see
// the File block). UNSPECIFIED and OTHER count as public.
THREADLINE_EXPORT bool IsPublicChannel(Channel channel);

// Finding: one thing wrong with a reply.
struct Finding {
  FindingKind kind = FindingKind::kCardNumber;
  // Byte offsets [begin, end) in the reply. kMissingSignoff has begin == end
  // at the end of the reply's text, where the sign-off belongs.
  size_t begin = 0;
  size_t end = 0;
  // One English sentence for the agent: what is wrong and what to do. It
  // never repeats the personal data itself, so it is safe to log.
  std::string message;
};

// GuardResult: the answer for one reply. A plain value; thread-compatible.
struct GuardResult {
  bool ok = true;  // no findings
  // In order of begin, then kind. At most 100: those about the whole reply
  // (sign-off, length, unchecked bytes, invalid UTF-8) and the earliest of
  // the others.
  std::vector<Finding> findings;
  // When a public reply holds personal data, where to continue: a direct
  // message on the same network for TWITTER, FACEBOOK, INSTAGRAM and
  // LINKEDIN (move_to_channel is the reply's channel and
  // move_to_private_message is true), EMAIL for the networks without direct
  // messages (FORUM, BLOG, VIDEO, OTHER, UNSPECIFIED). Otherwise UNSPECIFIED
  // and false.
  Channel move_to_channel = Channel::kUnspecified;
  bool move_to_private_message = false;
};

// ReplyGuard: checks replies. Immutable after Create and thread-safe: Check
// may be called from any number of threads at once.
class THREADLINE_EXPORT ReplyGuard {
 public:
  // Create: a guard with `options`. InvalidArgument naming the field, the
  // value and the rule for an own identity that does not normalize, a banned
  // phrase without words or over 1 KiB, a sign-off over 64 bytes or not
  // UTF-8, no region or an unknown one, an account prefix that is not 1-8
  // ASCII letters, max_chars below -1, or max_checked_bytes below 1024.
  [[nodiscard]] static absl::StatusOr<std::unique_ptr<ReplyGuard>> Create(
      GuardOptions options);

  virtual ~ReplyGuard();
  // Not copyable: a guard is shared through its owner.
  ReplyGuard(const ReplyGuard&) = delete;
  ReplyGuard& operator=(const ReplyGuard&) = delete;

  // Check: the findings for `reply` (any bytes: invalid UTF-8 and very long
  // replies are reported, never fatal) sent as `context` says. Never fails.
  // Work is linear in min(reply size, max_checked_bytes); a phone-shaped
  // number costs a libphonenumber parse (about 10 µs) the first time it is
  // seen and little after, so re-checking the same reply as it is typed
  // stays cheap.
  [[nodiscard]] virtual GuardResult Check(
      std::string_view reply, const ReplyContext& context) const = 0;

 protected:
  ReplyGuard() = default;
};

}  // namespace threadline

#endif  // THREADLINE_GUARD_H_
