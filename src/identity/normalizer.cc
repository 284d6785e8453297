#include <algorithm>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "identity/mentions.h"
#include "identity/phone.h"
#include "identity/phone_cache.h"
#include "identity/value_text.h"
#include "threadline/identity.h"
#include "threadline/types.h"

namespace threadline {
namespace {

// CompactPhone: `value` without the punctuation numbers are written with
// (spaces, dashes, dots, slashes, parentheses), a leading "+" kept and a
// "(" recorded as a trailing "(". False when the value holds anything else
// (letters, an extension), which is then cached as written.
bool CompactPhone(std::string_view value, std::string* out) {
  out->clear();
  bool paren = false;
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c >= '0' && c <= '9') {
      out->push_back(c);
    } else if (c == '+' && out->empty()) {
      out->push_back(c);
    } else if (c == '(' || c == ')') {
      paren |= c == '(';
    } else if (c != ' ' && c != '-' && c != '.' && c != '/' && c != '\t') {
      out->clear();
      return false;
    }
  }
  if (paren) out->push_back('(');
  return !out->empty();
}

using identity_internal::AsciiLower;
using identity_internal::AsciiUpper;
using identity_internal::FindAccountNumbers;
using identity_internal::FindEmailsAndHandles;
using identity_internal::IsAsciiAlnum;
using identity_internal::IsEmailDomain;
using identity_internal::IsPlaceholder;
using identity_internal::IsValidUtf8;
using identity_internal::Mention;
using identity_internal::PhoneCache;
using identity_internal::PhoneReader;
using identity_internal::PhoneResult;
using identity_internal::QuoteForMessage;
using identity_internal::StartsWithIgnoreCase;
using identity_internal::ToAbsl;
using identity_internal::TrimValue;

// Longest value of any kind accepted: identities are keys held in memory for
// millions of customers, and nothing that identifies a person is longer.
constexpr size_t kMaxValueBytes = 1024;
// RFC 5321: 64 bytes of local part, 254 for the whole address.
constexpr size_t kMaxEmailBytes = 254;
constexpr size_t kMaxEmailLocalPart = 64;
// Twitter caps new handles at 15 characters, but exports, other clients and
// test data carry a few longer ones ("ValentinaGar5171"); rejecting a
// contact's handle would lose the customer, so the bound is looser. The
// character set is what tells a handle from junk.
constexpr size_t kMaxTwitterHandle = 20;
constexpr size_t kMaxInstagramHandle = 30;
// Facebook usernames and numeric ids, LinkedIn profile names: far shorter
// in practice; the bound only keeps junk out.
constexpr size_t kMaxProfileName = 100;
// libphonenumber refuses longer input itself (kMaxInputStringLength).
constexpr size_t kMaxPhoneBytes = 250;

// Phone matching is the costly part of ExtractMentions: libphonenumber's
// matcher spends tens of microseconds on every digit group it examines
// (dates, amounts, order numbers as well as phone numbers), so it looks only
// at the start of a text. A customer gives their number in the first lines
// of a message; beyond 64 KiB a text is a transcript, a log or a quoted
// thread whose numbers are rarely the customer's, and one such text must not
// stall the engine's hot path. Emails and handles are found in the whole
// text: that scan is a cheap pass over the bytes.
constexpr size_t kPhoneScanBytes = 64 * 1024;
// Digit groups the matcher may reject in one text before it gives up: with
// the bound above, a text full of digits costs a few milliseconds at most.
constexpr int kPhoneMaxTries = 64;
// A message naming more distinct identities than this is a list or spam,
// not a customer telling us who they are.
constexpr size_t kMaxMentions = 64;
// Cache keys up to this size are built on the stack.
constexpr size_t kStackKeyBytes = 128;

std::string KindName(IdentityKind kind) {
  const std::string_view name = IdentityKindName(kind);
  if (name.empty()) return absl::StrCat("KIND(", static_cast<int>(kind), ")");
  return std::string(name);
}

// InvalidArgument naming the kind, the value and the rule it breaks:
// `phrase` follows the value ("is not an email address: ...").
absl::Status Invalid(IdentityKind kind, std::string_view value,
                     std::string_view phrase) {
  return absl::InvalidArgumentError(absl::StrCat(
      KindName(kind), " value ", QuoteForMessage(value), " ", ToAbsl(phrase)));
}

constexpr char kPlaceholderPhrase[] =
    "is a placeholder (such as \"unknown\", \"null\", \"n/a\", \"-1\" or all "
    "zeros and dashes), which identifies no one";

std::string AsciiLowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

absl::StatusOr<Identity> NormalizeEmail(std::string_view raw,
                                        std::string_view value) {
  constexpr IdentityKind kKind = IdentityKind::kEmail;
  if (StartsWithIgnoreCase(value, "mailto:")) {
    value = TrimValue(value.substr(7));
  }
  // "Grace Clark <grace@example.org>", as email headers and address books
  // write it: the address is what identifies her.
  if (!value.empty() && value.back() == '>') {
    const size_t open = value.rfind('<');
    if (open != std::string_view::npos) {
      value = TrimValue(value.substr(open + 1, value.size() - open - 2));
    }
  }
  if (IsPlaceholder(value)) return Invalid(kKind, raw, kPlaceholderPhrase);
  std::string email = AsciiLowerCopy(value);
  // A fully qualified domain may end in a dot; the address is the same.
  if (!email.empty() && email.back() == '.') email.pop_back();

  const size_t at = email.find('@');
  if (at == std::string::npos) {
    return Invalid(kKind, raw, "is not an email address: it has no \"@\"");
  }
  if (email.find('@', at + 1) != std::string::npos) {
    return Invalid(kKind, raw,
                   "is not an email address: it has more than one \"@\"");
  }
  for (char c : email) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u <= ' ' || u == 0x7F ||
        std::string_view("\"(),:;<>[\\]").find(c) != std::string_view::npos) {
      return Invalid(kKind, raw,
                     "is not an email address: it contains spaces, control "
                     "characters or one of \"(),:;<>[\\]");
    }
  }
  if (at == 0) {
    return Invalid(kKind, raw,
                   "is not an email address: nothing before the \"@\"");
  }
  if (at > kMaxEmailLocalPart || email.size() > kMaxEmailBytes) {
    return Invalid(kKind, raw,
                   "is not an email address: longer than RFC 5321 allows");
  }
  if (!IsEmailDomain(std::string_view(email).substr(at + 1))) {
    return Invalid(kKind, raw,
                   "is not an email address: the part after \"@\" is not a "
                   "domain such as \"example.org\"");
  }
  return Identity{kKind, std::move(email)};
}

absl::StatusOr<Identity> NormalizeHandle(IdentityKind kind,
                                         std::string_view raw,
                                         std::string_view value) {
  if (!value.empty() && value[0] == '@') value.remove_prefix(1);
  // "@null" is as much a placeholder as "null".
  if (IsPlaceholder(value)) return Invalid(kind, raw, kPlaceholderPhrase);
  std::string handle = AsciiLowerCopy(value);
  const auto all_of = [&handle](auto allowed) {
    return std::all_of(handle.begin(), handle.end(), allowed);
  };
  switch (kind) {
    case IdentityKind::kTwitter:
      if (!all_of([](char c) { return IsAsciiAlnum(c) || c == '_'; })) {
        return Invalid(kind, raw,
                       "is not a Twitter handle: only letters, digits and "
                       "\"_\" are allowed");
      }
      if (handle.size() > kMaxTwitterHandle) {
        return Invalid(kind, raw,
                       "is not a Twitter handle: longer than 20 characters");
      }
      break;
    case IdentityKind::kInstagram:
      if (!all_of(
              [](char c) { return IsAsciiAlnum(c) || c == '_' || c == '.'; }) ||
          handle.front() == '.' || handle.back() == '.' ||
          handle.find("..") != std::string::npos) {
        return Invalid(kind, raw,
                       "is not an Instagram handle: only letters, digits, "
                       "\"_\" and single inner \".\" are allowed");
      }
      if (handle.size() > kMaxInstagramHandle) {
        return Invalid(kind, raw,
                       "is not an Instagram handle: longer than 30 "
                       "characters");
      }
      break;
    default:  // Facebook, LinkedIn: numeric ids or names with "." and "-"
      if (!all_of([](char c) {
            return IsAsciiAlnum(c) || c == '_' || c == '.' || c == '-';
          })) {
        return Invalid(kind, raw,
                       "is not a profile name or id: only letters, digits, "
                       "\"_\", \".\" and \"-\" are allowed");
      }
      if (handle.size() > kMaxProfileName) {
        return Invalid(kind, raw,
                       "is not a profile name or id: longer than 100 "
                       "characters");
      }
      break;
  }
  return Identity{kind, std::move(handle)};
}

absl::StatusOr<Identity> NormalizeAccount(std::string_view raw,
                                          std::string_view value) {
  constexpr IdentityKind kKind = IdentityKind::kAccount;
  std::string account;
  account.reserve(value.size());
  for (char c : value) {
    if (IsAsciiAlnum(c)) account.push_back(AsciiUpper(c));
  }
  if (account.empty()) {
    return Invalid(kKind, raw,
                   "is not an account number: it has no letters or digits");
  }
  // "#0000/00" is all zeros once its separators are gone.
  if (IsPlaceholder(account)) return Invalid(kKind, raw, kPlaceholderPhrase);
  return Identity{kKind, std::move(account)};
}

}  // namespace

class IdentityNormalizer::Impl {
 public:
  explicit Impl(NormalizerOptions options)
      : default_region_(UpperRegion(options.default_region)) {
    if (options.phone_cache_entries > 0) {
      cache_ = std::make_unique<PhoneCache>(options.phone_cache_entries);
    }
  }

  absl::StatusOr<Identity> Normalize(const Identity& raw,
                                     std::string_view region) const {
    const IdentityKind kind = raw.kind;
    if (kind == IdentityKind::kUnspecified ||
        static_cast<int>(kind) >= kIdentityKindCount) {
      return Invalid(kind, raw.value,
                     "has no kind: an identity must be PHONE, EMAIL, TWITTER, "
                     "FACEBOOK, INSTAGRAM, WHATSAPP, LINKEDIN, CHAT_VISITOR, "
                     "ACCOUNT or OTHER");
    }
    const std::string_view value = TrimValue(raw.value);
    if (value.empty()) {
      return Invalid(kind, raw.value,
                     "is empty: a placeholder, which identifies no one");
    }
    if (IsPlaceholder(value)) {
      return Invalid(kind, raw.value, kPlaceholderPhrase);
    }
    if (value.size() > kMaxValueBytes) {
      return Invalid(kind, raw.value, "is longer than 1024 bytes");
    }
    // Canonical values are stored and sent as protobuf strings, which must
    // be UTF-8.
    if (!IsValidUtf8(value)) {
      return Invalid(kind, raw.value, "is not valid UTF-8");
    }
    switch (kind) {
      case IdentityKind::kPhone:
      case IdentityKind::kWhatsapp:
        return NormalizePhone(kind, raw.value, value, region);
      case IdentityKind::kEmail:
        return NormalizeEmail(raw.value, value);
      case IdentityKind::kAccount:
        return NormalizeAccount(raw.value, value);
      case IdentityKind::kChatVisitor:
      case IdentityKind::kOther:
        return Identity{kind, std::string(value)};
      default:
        return NormalizeHandle(kind, raw.value, value);
    }
  }

  std::vector<Identity> ExtractMentions(std::string_view text,
                                        std::string_view region,
                                        Channel channel) const {
    std::vector<Identity> out;
    if (text.empty()) return out;
    std::vector<Mention> written =
        FindEmailsAndHandles(text, channel, kMaxMentions);
    std::vector<Mention> accounts = FindAccountNumbers(text, kMaxMentions);
    if (!accounts.empty()) {
      written.insert(written.end(), std::make_move_iterator(accounts.begin()),
                     std::make_move_iterator(accounts.end()));
      std::stable_sort(written.begin(), written.end(),
                       [](const Mention& a, const Mention& b) {
                         return a.offset < b.offset;
                       });
    }

    std::vector<PhoneReader::Found> phones =
        phone_reader_.Find(text, ReadRegion(region),
                           {.max_bytes = kPhoneScanBytes,
                            .max_tries = kPhoneMaxTries,
                            .max_found = kMaxMentions});

    const auto add = [&out](Identity identity) {
      if (out.size() >= kMaxMentions) return;
      if (std::find(out.begin(), out.end(), identity) != out.end()) return;
      out.push_back(std::move(identity));
    };
    // Digits inside an email ("2125551234@example.com") are its local part.
    const auto inside_email = [&written](size_t offset) {
      for (const Mention& m : written) {
        if (m.identity.kind == IdentityKind::kEmail && offset >= m.offset &&
            offset < m.offset + m.identity.value.size()) {
          return true;
        }
      }
      return false;
    };
    // Merge the two lists, both in text order, into order of appearance.
    size_t w = 0;
    size_t p = 0;
    while (w < written.size() || p < phones.size()) {
      if (p < phones.size() &&
          (w == written.size() || phones[p].offset < written[w].offset)) {
        if (!inside_email(phones[p].offset)) {
          add(Identity{IdentityKind::kPhone, std::move(phones[p].e164)});
        }
        ++p;
        continue;
      }
      const Identity& raw = written[w++].identity;
      absl::StatusOr<Identity> identity =
          raw.kind == IdentityKind::kEmail
              ? NormalizeEmail(raw.value, raw.value)
          : raw.kind == IdentityKind::kAccount
              ? NormalizeAccount(raw.value, raw.value)
              : NormalizeHandle(raw.kind, raw.value, raw.value);
      if (identity.ok()) add(*std::move(identity));
    }
    return out;
  }

 private:
  static std::string UpperRegion(std::string_view region) {
    std::string upper(TrimValue(region));
    for (char& c : upper) c = AsciiUpper(c);
    return upper;
  }

  std::string ReadRegion(std::string_view region) const {
    return region.empty() ? default_region_ : UpperRegion(region);
  }

  absl::StatusOr<Identity> NormalizePhone(IdentityKind kind,
                                          std::string_view raw,
                                          std::string_view value,
                                          std::string_view region) const {
    if (value.size() > kMaxPhoneBytes) {
      return Invalid(kind, raw, "is not a phone number: too long");
    }
    const std::string read_region = ReadRegion(region);
    const PhoneReader::Form form = kind == IdentityKind::kWhatsapp
                                       ? PhoneReader::Form::kInternational
                                       : PhoneReader::Form::kAny;
    const auto read = [&] {
      absl::StatusOr<std::string> e164 =
          phone_reader_.ToE164(value, read_region, form);
      if (e164.ok()) return PhoneResult{true, *std::move(e164)};
      return PhoneResult{false, std::string(e164.status().message())};
    };
    PhoneResult result;
    if (cache_ == nullptr) {
      result = read();
    } else {
      // Key: kind (WhatsApp values are read differently), region, value.
      // Punctuation is dropped from the value: "(646) 555-0134" and
      // "646.555.0134" read alike, and each new customer's number in each
      // of its forms would otherwise cost a libphonenumber parse. A value
      // that starts with "+" and a known calling code reads the same in
      // every region, so the region is left out; any other value (even
      // "(+1) ..." or "+011 ...") may read differently elsewhere, if only
      // in the message naming the region. Only "(" is kept as a mark,
      // since it says the number is written the national way.
      std::string compact;
      const std::string_view cache_value =
          CompactPhone(value, &compact) ? std::string_view(compact) : value;
      const bool any_region = value[0] == '+' && !compact.empty() &&
                              phone_reader_.StartsWithCallingCode(
                                  std::string_view(compact).substr(1));
      const std::string_view cache_region =
          any_region ? std::string_view() : std::string_view(read_region);
      char stack_key[kStackKeyBytes];
      std::string heap_key;
      const size_t key_size = 2 + cache_region.size() + cache_value.size();
      char* key = stack_key;
      if (key_size > kStackKeyBytes) {
        heap_key.resize(key_size);
        key = heap_key.data();
      }
      key[0] = static_cast<char>(kind);
      std::copy(cache_region.begin(), cache_region.end(), key + 1);
      key[1 + cache_region.size()] = '\x1f';  // not in any region code
      std::copy(cache_value.begin(), cache_value.end(),
                key + 2 + cache_region.size());
      const std::string_view key_view(key, key_size);
      if (!cache_->Lookup(key_view, &result)) {
        result = read();
        cache_->Insert(key_view, result);
      }
    }
    if (!result.ok) return Invalid(kind, raw, result.text);
    return Identity{kind, std::move(result.text)};
  }

  const std::string default_region_;
  const PhoneReader phone_reader_;
  // Null when disabled. Internally synchronized, so const methods may use it
  // from many threads.
  std::unique_ptr<PhoneCache> cache_;
};

IdentityNormalizer::IdentityNormalizer(NormalizerOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}

IdentityNormalizer::~IdentityNormalizer() = default;

absl::StatusOr<Identity> IdentityNormalizer::Normalize(
    const Identity& raw, std::string_view region) const {
  return impl_->Normalize(raw, region);
}

std::vector<Identity> IdentityNormalizer::ExtractMentions(
    std::string_view text, std::string_view region, Channel channel) const {
  return impl_->ExtractMentions(text, region, channel);
}

}  // namespace threadline
