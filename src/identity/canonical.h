// The canonical forms of emails, handles and account numbers (see
// include/threadline/identity.h), shared by IdentityNormalizer::Normalize
// and the identities found in text. Internal to src/identity.
//
// Each function returns null and sets `*out` to the canonical value, or
// returns the phrase that says why `value` is not one (leaving `*out`
// unspecified); the phrase follows the value in an error message ("is not
// an email address: ..."). No
// absl::Status is built here: a candidate found in text and rejected needs
// no message, and most candidates cost less than the message would.
//
// All functions are pure and thread-safe.
#ifndef THREADLINE_SRC_IDENTITY_CANONICAL_H_
#define THREADLINE_SRC_IDENTITY_CANONICAL_H_

#include <string>
#include <string_view>

#include "threadline/types.h"

namespace threadline {
namespace identity_internal {

// The phrase for a placeholder value, which identifies no one.
extern const char kPlaceholderPhrase[];

// CanonicalEmail: trimmed, lower case, without "mailto:", a display name
// ("Grace <grace@example.org>") or a final dot of the domain.
const char* CanonicalEmail(std::string_view value, std::string* out);

// CanonicalHandle: a TWITTER, INSTAGRAM, FACEBOOK or LINKEDIN handle
// without "@", lower case, checked against the characters and length the
// network allows.
const char* CanonicalHandle(IdentityKind kind, std::string_view value,
                            std::string* out);

// CanonicalAccount: the letters and digits of `value`, upper case.
const char* CanonicalAccount(std::string_view value, std::string* out);

}  // namespace identity_internal
}  // namespace threadline

#endif  // THREADLINE_SRC_IDENTITY_CANONICAL_H_
