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
//   EMAIL             trimmed, lower case ("grace.clark@example.org").
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
  // with `region` (empty: the default region).
  // Returns InvalidArgument naming the kind, the value and the rule when the
  // value is not valid for its kind (an unparsable phone number, an email
  // without a domain, an empty value, a handle with characters handles
  // cannot have) or is a placeholder ("unknown", "anonymous", "null", "-1",
  // all zeros and dashes), which identifies no one.
  [[nodiscard]] absl::StatusOr<Identity> Normalize(
      const Identity& raw, std::string_view region = {}) const;

  // ExtractMentions: the customer identities written into `text`: emails,
  // phone numbers (libphonenumber's matcher, national numbers read with
  // `region`) and "@handles" (Twitter unless the text or `channel` says
  // Instagram). Returned canonical, each once, in order of appearance.
  // Invalid UTF-8 and huge texts are handled; nothing here fails.
  [[nodiscard]] std::vector<Identity> ExtractMentions(
      std::string_view text, std::string_view region = {},
      Channel channel = Channel::kUnspecified) const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace threadline

#endif  // THREADLINE_IDENTITY_H_
