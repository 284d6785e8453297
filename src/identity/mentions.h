// Finding the emails and "@handles" a customer writes into a message.
// Phone numbers are found by libphonenumber (identity/phone.h). Internal to
// src/identity.
#ifndef THREADLINE_SRC_IDENTITY_MENTIONS_H_
#define THREADLINE_SRC_IDENTITY_MENTIONS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "threadline/types.h"

namespace threadline {
namespace identity_internal {

// A candidate identity in a text, not yet normalized. A view into the text,
// not a copy: most candidates are normalized into a new string anyway, and
// some are then dropped.
struct Mention {
  size_t offset = 0;  // byte offset in the text (of the "@" of a handle)
  IdentityKind kind = IdentityKind::kUnspecified;
  std::string_view value;  // an email, a handle without its "@", an account
};

// FindEmailsAndHandles: emails ("ava.smith29@yahoo.es") and "@handles" in
// `text`, in order of appearance, at most `max_mentions`. A handle's kind is
// decided by the words nearest to it ("my instagram is @x", "I tweeted you
// as @y"), else by `channel` (INSTAGRAM), else it is TWITTER: Twitter is
// where customers most often name their handle. The domain of an email is
// never taken for a handle. Works on any bytes; non-ASCII text simply ends a
// candidate.
std::vector<Mention> FindEmailsAndHandles(std::string_view text,
                                          Channel channel, size_t max_mentions);

// FindAccountNumbers: account numbers a customer writes after the word for
// one ("my account is AC-305510", "acct# 8841 2231", "mi cuenta es la
// ac-305510", "número de cuenta 77120934"), raw, in order of appearance, at
// most `max_mentions`. Only a token right after the word (and filler such as
// "number", "is", "es la", "#", ":") counts, so order and ticket numbers
// elsewhere in the text are not taken; the token needs kMinAccountDigits
// digits or more and at most a short letter prefix.
//
// `scan` says where account words are looked for: only near the runs of
// digits a token can be (the default: most of a text is far from any), or
// at every word (the plain reading of the rule, which tests compare the
// default with). Both find the same accounts.
enum class AccountScan { kNearTokens, kEveryWord };
std::vector<Mention> FindAccountNumbers(
    std::string_view text, size_t max_mentions,
    AccountScan scan = AccountScan::kNearTokens);

// Digits an account token has at least: a text with fewer holds none.
inline constexpr size_t kMinAccountDigits = 5;

}  // namespace identity_internal
}  // namespace threadline

#endif  // THREADLINE_SRC_IDENTITY_MENTIONS_H_
