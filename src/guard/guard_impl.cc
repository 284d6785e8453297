// GuardImpl's set-up and the identities a check compares the reply with:
// Init reads GuardOptions into the brand's own identities, the banned
// phrases, the sign-off and the account prefixes; a check reads phone numbers
// (ReadPhone) and the customer's identities (CustomerFormsOf) in canonical
// form.
#include "guard/guard_impl.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "guard/text.h"
#include "threadline/identity.h"
#include "threadline/types.h"

namespace threadline::guard_internal {
namespace {

constexpr size_t kMaxPhraseBytes = 1024;
constexpr size_t kMaxSignoffBytes = 64;
constexpr size_t kMaxAccountPrefix = 8;
// Customer values shorter than this are not looked for in the text: they
// would match by chance.
constexpr size_t kMinAccountChars = 4;

// Whether `id` is already in the canonical form IdentityNormalizer gives
// (hosts usually hand back what the engine returned), so that checking a
// reply costs no normalization.
bool IsCanonical(const Identity& id) {
  const std::string& v = id.value;
  if (v.empty()) return false;
  switch (id.kind) {
    case IdentityKind::kPhone:
    case IdentityKind::kWhatsapp:
      return v[0] == '+' && v.size() >= 8 && v.size() <= 16 && v[1] != '0' &&
             std::all_of(v.begin() + 1, v.end(), IsAsciiDigit);
    case IdentityKind::kEmail:
      return std::count(v.begin(), v.end(), '@') == 1 && v.front() != '@' &&
             v.back() != '@' && std::all_of(v.begin(), v.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || IsAsciiDigit(c) || c == '.' ||
                      c == '_' || c == '%' || c == '+' || c == '-' || c == '@';
             });
    case IdentityKind::kTwitter:
    case IdentityKind::kInstagram:
    case IdentityKind::kFacebook:
    case IdentityKind::kLinkedin:
      return std::all_of(v.begin(), v.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || IsAsciiDigit(c) || c == '_' ||
               c == '.';
      });
    case IdentityKind::kAccount:
      return std::all_of(v.begin(), v.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || IsAsciiDigit(c);
      });
    default:
      return false;
  }
}

}  // namespace

IdentityKind NativeHandleKind(Channel channel) {
  switch (channel) {
    case Channel::kTwitter:
      return IdentityKind::kTwitter;
    case Channel::kInstagram:
      return IdentityKind::kInstagram;
    case Channel::kFacebook:
      return IdentityKind::kFacebook;
    case Channel::kLinkedin:
      return IdentityKind::kLinkedin;
    default:
      return IdentityKind::kUnspecified;
  }
}

absl::Status GuardImpl::Init() {
  for (size_t i = 0; i < options_.own_identities.size(); ++i) {
    absl::StatusOr<Identity> id = normalizer_.Normalize(
        options_.own_identities[i], options_.regions.front());
    if (!id.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "GuardOptions.own_identities[", i, "]: ", id.status().message()));
    }
    switch (id->kind) {
      case IdentityKind::kPhone:
      case IdentityKind::kWhatsapp:
        own_phones_.push_back(id->value);
        own_phone_digits_.push_back(id->value.substr(1));
        break;
      case IdentityKind::kEmail:
        own_emails_.push_back(id->value);
        break;
      case IdentityKind::kAccount:
        own_accounts_.push_back(id->value);
        break;
      default:
        break;  // handles are never flagged
    }
  }
  for (size_t i = 0; i < options_.banned_phrases.size(); ++i) {
    const std::string& phrase = options_.banned_phrases[i];
    if (phrase.size() > kMaxPhraseBytes) {
      return absl::InvalidArgumentError(absl::StrCat(
          "GuardOptions.banned_phrases[", i, "] has ", phrase.size(),
          " bytes; at most ", kMaxPhraseBytes, " are allowed"));
    }
    if (!banned_.Add(phrase, static_cast<uint32_t>(i))) {
      return absl::InvalidArgumentError(
          absl::StrCat("GuardOptions.banned_phrases[", i, "] \"", phrase,
                       "\" has no words (letters or digits)"));
    }
  }
  std::string_view signoff = options_.required_signoff;
  while (!signoff.empty() &&
         (signoff.back() == ' ' || signoff.back() == '\n' ||
          signoff.back() == '\t' || signoff.back() == '\r')) {
    signoff.remove_suffix(1);
  }
  if (signoff.size() > kMaxSignoffBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("GuardOptions.required_signoff has ", signoff.size(),
                     " bytes; at most ", kMaxSignoffBytes, " are allowed"));
  }
  for (size_t i = 0; i < signoff.size();) {
    int n = 0;
    if (DecodeAt(signoff, i, &n) == kInvalidCodePoint) {
      return absl::InvalidArgumentError(
          "GuardOptions.required_signoff is not valid UTF-8");
    }
    i += n;
  }
  signoff_ = std::string(signoff);
  for (size_t i = 0; i < options_.account_prefixes.size(); ++i) {
    const std::string& prefix = options_.account_prefixes[i];
    if (prefix.empty() || prefix.size() > kMaxAccountPrefix ||
        !std::all_of(prefix.begin(), prefix.end(), IsAsciiAlpha)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "GuardOptions.account_prefixes[", i, "] \"", prefix,
          "\" must be 1 to ", kMaxAccountPrefix, " ASCII letters"));
    }
    std::string upper = prefix;
    for (char& c : upper) c = AsciiUpper(c);
    account_prefixes_.push_back(std::move(upper));
  }
  return absl::OkStatus();
}

bool GuardImpl::IsOwnPhoneDigits(std::string_view digits) const {
  // Seven digits at least: shorter tails are not a whole number.
  if (digits.size() < 7) return false;
  for (const std::string& own : own_phone_digits_) {
    if (own.size() >= digits.size() &&
        std::string_view(own).substr(own.size() - digits.size()) == digits &&
        own.size() - digits.size() <= 3) {
      return true;
    }
  }
  return false;
}

bool GuardImpl::ReadPhone(std::string_view raw, const ReplyContext& context,
                          std::string* e164) const {
  const Identity identity{IdentityKind::kPhone, std::string(raw)};
  const auto read = [&](const std::string& region) {
    absl::StatusOr<Identity> id = normalizer_.Normalize(identity, region);
    if (!id.ok()) return false;
    *e164 = std::move(id->value);
    return true;
  };
  if (!context.region.empty() && read(context.region)) return true;
  for (const std::string& region : options_.regions) {
    if (region != context.region && read(region)) return true;
  }
  return false;
}

CustomerForms GuardImpl::CustomerFormsOf(const ReplyContext& context) const {
  CustomerForms forms;
  const IdentityKind native = NativeHandleKind(context.channel);
  const std::string& region =
      context.region.empty() ? options_.regions.front() : context.region;
  for (const Identity& raw : context.customer_identities) {
    absl::StatusOr<Identity> id =
        IsCanonical(raw) ? raw : normalizer_.Normalize(raw, region);
    if (!id.ok()) continue;
    switch (id->kind) {
      case IdentityKind::kPhone:
      case IdentityKind::kWhatsapp:
        forms.phones.push_back(std::move(id->value));
        break;
      case IdentityKind::kEmail:
        forms.emails.push_back(std::move(id->value));
        break;
      case IdentityKind::kAccount:
        if (id->value.size() >= kMinAccountChars) {
          forms.accounts.push_back(std::move(id->value));
        }
        break;
      case IdentityKind::kTwitter:
      case IdentityKind::kInstagram:
      case IdentityKind::kFacebook:
      case IdentityKind::kLinkedin:
        if (id->kind != native) forms.handles.push_back(std::move(id->value));
        break;
      default:
        break;  // chat visitor ids and others are never typed in replies
    }
  }
  return forms;
}

}  // namespace threadline::guard_internal
