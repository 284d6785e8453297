// File: identity.h
// Identity normalization: every form in which a phone number, email, handle
// or account number arrives resolves to one canonical Identity, so that
// "(646) 555-0134" with region US and "+1 646 555 0134" are the same
// customer. Also finds the identities a customer writes into a message
// ("my email is …", "call me at …", "I tweeted you as @…").
//
// Canonical forms:
//   PHONE, WHATSAPP   E.164 ("+16465550134"), parsed by libphonenumber with the
//                     interaction's region, else the normalizer's default.
//                     An international dialling prefix ("00", "011", "0011",
//                     "010") is read as "+" whatever the region; WHATSAPP
//                     values are international with or without "+"
//                     ("573227891702"); a number libphonenumber deems
//                     possible but not valid (a range newer than its
//                     metadata) is kept; Mexico's old "+52 1" mobile prefix
//                     and Brazil's pre-2016 eight-digit mobiles resolve to
//                     the current number; extensions are dropped.
//   EMAIL             trimmed, lower case, without "mailto:" or a display
//                     name ("grace.clark@example.org").
//   TWITTER, INSTAGRAM, LINKEDIN, FACEBOOK  handle without "@", lower case.
//   ACCOUNT           letters and digits only, upper case ("AC305510").
//   CHAT_VISITOR, OTHER  trimmed.
//
// Example:
//   threadline::IdentityNormalizer normalizer({.default_region = "US"});
//   absl::StatusOr<threadline::Identity> id = normalizer.Normalize(
//       {threadline::IdentityKind::kPhone, "(646) 555-0134"}, "US");
//   // id->value == "+16465550134"
#ifndef THREADLINE_IDENTITY_H_
#define THREADLINE_IDENTITY_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "threadline/export.h"
#include "threadline/types.h"

namespace threadline {

struct NormalizerOptions {
  // ISO 3166 region used to read national phone numbers when the interaction
  // names none. Default: "US".
  std::string default_region = "US";
  // Entries kept in the cache from raw phone value and region to canonical
  // form (libphonenumber costs about 10 µs a number). 0 disables the cache.
  // Default: 1 << 16.
  size_t phone_cache_entries = size_t{1} << 16;
};

// IdentityNormalizer: turns raw identity values into canonical identities.
// Thread-safe.
class THREADLINE_EXPORT IdentityNormalizer {
 public:
  explicit IdentityNormalizer(NormalizerOptions options = {});
  ~IdentityNormalizer();
  IdentityNormalizer(const IdentityNormalizer&) = delete;
  IdentityNormalizer& operator=(const IdentityNormalizer&) = delete;

  // Normalize: the canonical form of `raw`, reading national phone numbers
  // with `region` (an ISO 3166 code in any case; empty: the default region).
  // Returns InvalidArgument naming the kind, the value and the rule when the
  // value is not valid for its kind (an unparsable phone number, an email
  // without a domain, a handle with characters handles cannot have, an
  // account without letters or digits, invalid UTF-8, more than 1 KiB, an
  // unspecified kind) or is a placeholder, which identifies no one: empty,
  // "unknown", "anonymous", "null", "none", "n/a", "-1", "undefined", "nil"
  // (any case), only zeros and dashes, or a phone number whose digits are
  // all one digit.
  [[nodiscard]] absl::StatusOr<Identity> Normalize(
      const Identity& raw, std::string_view region = {}) const;

  // ExtractMentions: the customer identities written into `text`: emails,
  // phone numbers (libphonenumber's matcher; national numbers read with
  // `region` and valid there, numbers written with "+" at least possible)
  // and "@handles" (Twitter unless the nearby words or `channel` say
  // Instagram, or the words say Facebook or LinkedIn), and account numbers
  // written right after the word for one ("my account is AC-305510", "mi
  // cuenta es la ac-305510"; order and ticket numbers are not taken).
  // Returned canonical,
  // each once, in order of appearance, at most 64. Nothing here fails:
  // invalid UTF-8 is tolerated, and huge texts cost bounded work (numbers
  // are looked for in the first 64 KiB only).
  [[nodiscard]] std::vector<Identity> ExtractMentions(
      std::string_view text, std::string_view region = {},
      Channel channel = Channel::kUnspecified) const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace threadline

#endif  // THREADLINE_IDENTITY_H_
