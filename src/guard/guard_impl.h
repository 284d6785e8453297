// GuardImpl: the ReplyGuard that ReplyGuard::Create builds, and the forms in
// which it looks for the customer's identities in a reply. Internal to
// src/guard.
#ifndef THREADLINE_SRC_GUARD_GUARD_IMPL_H_
#define THREADLINE_SRC_GUARD_GUARD_IMPL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "guard/words.h"
#include "threadline/guard.h"
#include "threadline/identity.h"
#include "threadline/types.h"

namespace threadline::guard_internal {

// Entries of the guard's phone cache: the numbers agents type recur (the
// hotline, the customer's number, re-checks on every keystroke).
inline constexpr size_t kPhoneCacheEntries = size_t{1} << 12;

// The customer's identities, canonical, as the guard looks for them.
struct CustomerForms {
  std::vector<std::string> phones;    // E.164
  std::vector<std::string> emails;    // lower case
  std::vector<std::string> accounts;  // upper-case letters and digits
  std::vector<std::string> handles;   // lower case, no "@", of other networks
};

// The kind of the handles of `channel` (TWITTER, INSTAGRAM, FACEBOOK,
// LINKEDIN), whose replies can continue in a direct message, or kUnspecified.
IdentityKind NativeHandleKind(Channel channel);

// The guard built from validated GuardOptions. Init reads the options into
// the lists a check compares against; after it the guard is immutable, so
// Check is thread-safe.
class GuardImpl final : public ReplyGuard {
 public:
  explicit GuardImpl(GuardOptions options)
      : options_(std::move(options)),
        normalizer_(
            NormalizerOptions{options_.regions.front(), kPhoneCacheEntries}) {}

  absl::Status Init();

  GuardResult Check(std::string_view reply,
                    const ReplyContext& context) const override;

 private:
  struct Pass;  // the state of one Check

  // Canonical E.164 of the run, reading national numbers with the regions.
  bool ReadPhone(std::string_view raw, const ReplyContext& context,
                 std::string* e164) const;
  CustomerForms CustomerFormsOf(const ReplyContext& context) const;
  // Whether `digits` are those of one of the brand's numbers, whole
  // ("18005550199") or without the country code ("8005550199"): the
  // hotline, typed in every other reply, then costs no parse.
  bool IsOwnPhoneDigits(std::string_view digits) const;

  const GuardOptions options_;
  const IdentityNormalizer normalizer_;
  std::vector<std::string> own_phones_;        // E.164
  std::vector<std::string> own_phone_digits_;  // E.164 without the "+"
  std::vector<std::string> own_emails_;
  std::vector<std::string> own_accounts_;
  std::vector<std::string> account_prefixes_;
  PhraseSet banned_;
  std::string signoff_;
};

}  // namespace threadline::guard_internal

#endif  // THREADLINE_SRC_GUARD_GUARD_IMPL_H_
