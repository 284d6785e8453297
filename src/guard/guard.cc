// The public functions of threadline/guard.h: the names and classes of
// findings and channels, and ReplyGuard::Create, which validates GuardOptions
// before building the guard (guard_impl.h).
#include "threadline/guard.h"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "guard/guard_impl.h"
#include "guard/text.h"
#include "phonenumbers/phonenumberutil.h"
#include "threadline/types.h"

namespace threadline {

using guard_internal::AsciiUpper;
using guard_internal::GuardImpl;

std::string_view FindingKindName(FindingKind kind) {
  switch (kind) {
    case FindingKind::kCardNumber:
      return "CARD_NUMBER";
    case FindingKind::kAccountNumber:
      return "ACCOUNT_NUMBER";
    case FindingKind::kEmail:
      return "EMAIL";
    case FindingKind::kPhone:
      return "PHONE";
    case FindingKind::kCustomerIdentity:
      return "CUSTOMER_IDENTITY";
    case FindingKind::kUnlabeledNumber:
      return "UNLABELED_NUMBER";
    case FindingKind::kProfanity:
      return "PROFANITY";
    case FindingKind::kInsult:
      return "INSULT";
    case FindingKind::kShouting:
      return "SHOUTING";
    case FindingKind::kBannedPhrase:
      return "BANNED_PHRASE";
    case FindingKind::kMissingSignoff:
      return "MISSING_SIGNOFF";
    case FindingKind::kTooLong:
      return "TOO_LONG";
    case FindingKind::kUnchecked:
      return "UNCHECKED";
    case FindingKind::kInvalidUtf8:
      return "INVALID_UTF8";
  }
  return "UNKNOWN";
}

bool IsPersonalData(FindingKind kind) {
  switch (kind) {
    case FindingKind::kCardNumber:
    case FindingKind::kAccountNumber:
    case FindingKind::kEmail:
    case FindingKind::kPhone:
    case FindingKind::kCustomerIdentity:
    case FindingKind::kUnlabeledNumber:
      return true;
    default:
      return false;
  }
}

bool IsPublicChannel(Channel channel) {
  switch (channel) {
    case Channel::kVoice:
    case Channel::kSms:
    case Channel::kEmail:
    case Channel::kWebChat:
    case Channel::kWhatsapp:
    case Channel::kFax:
    case Channel::kPostalMail:
    case Channel::kInStore:
    case Channel::kWebForm:
      return false;
    default:
      // TWITTER, FACEBOOK, INSTAGRAM, LINKEDIN, FORUM, BLOG, VIDEO, and
      // channels we cannot tell, which are safer treated as public.
      return true;
  }
}

ReplyGuard::~ReplyGuard() = default;

namespace {

constexpr size_t kMinCheckedBytes = 1024;

}  // namespace

absl::StatusOr<std::unique_ptr<ReplyGuard>> ReplyGuard::Create(
    GuardOptions options) {
  if (options.regions.empty()) {
    return absl::InvalidArgumentError(
        "GuardOptions.regions is empty; name at least one ISO 3166 region, "
        "e.g. \"US\"");
  }
  const auto& util = *i18n::phonenumbers::PhoneNumberUtil::GetInstance();
  for (size_t i = 0; i < options.regions.size(); ++i) {
    std::string& region = options.regions[i];
    for (char& c : region) c = AsciiUpper(c);
    if (util.GetCountryCodeForRegion(region) == 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("GuardOptions.regions[", i, "] \"", region,
                       "\" is not a region with phone numbers (ISO 3166 "
                       "alpha-2, e.g. \"US\", \"MX\", \"ES\")"));
    }
  }
  if (options.max_chars < -1) {
    return absl::InvalidArgumentError(
        absl::StrCat("GuardOptions.max_chars is ", options.max_chars,
                     "; it must be -1 (no limit), 0 (the channel's) or more"));
  }
  if (options.max_checked_bytes < kMinCheckedBytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        "GuardOptions.max_checked_bytes is ", options.max_checked_bytes,
        "; it must be at least ", kMinCheckedBytes));
  }
  auto guard = std::make_unique<GuardImpl>(std::move(options));
  if (absl::Status status = guard->Init(); !status.ok()) return status;
  return std::unique_ptr<ReplyGuard>(std::move(guard));
}

}  // namespace threadline
