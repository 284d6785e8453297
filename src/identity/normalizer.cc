#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "identity/canonical.h"
#include "identity/mentions.h"
#include "identity/phone.h"
#include "identity/phone_cache.h"
#include "identity/value_text.h"
#include "threadline/identity.h"
#include "threadline/types.h"
#include "util/utf8.h"

namespace threadline {
namespace {

using identity_internal::AsciiUpper;
using identity_internal::CanonicalAccount;
using identity_internal::CanonicalEmail;
using identity_internal::CanonicalHandle;
using identity_internal::CountAsciiDigits;
using identity_internal::FindAccountNumbers;
using identity_internal::FindEmailsAndHandles;
using identity_internal::IsAsciiDigit;
using identity_internal::IsPlaceholder;
using identity_internal::kMinAccountDigits;
using identity_internal::kPlaceholderPhrase;
using identity_internal::Mention;
using identity_internal::PhoneCache;
using identity_internal::PhoneReader;
using identity_internal::PhoneResult;
using identity_internal::QuoteForMessage;
using identity_internal::ToAbsl;
using identity_internal::TrimValue;
using util::IsValidUtf8;

// Longest value of any kind accepted: identities are keys held in memory for
// millions of customers, and nothing that identifies a person is longer.
constexpr size_t kMaxValueBytes = 1024;
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
// Regions longer than this (no ISO 3166 code is) are read without the
// cache: the key holds the region's length in four bits.
constexpr size_t kMaxKeyRegionBytes = 15;

// CompactPhone: writes to `out` (room for value.size() + 1 bytes) what the
// reading of `value` depends on, in fewer bytes: its digits, a leading
// "+", whether it has a "(" (a trailing "("), and a last byte for the shape
// of its start. Returns the bytes written, or 0 when the value is cached as
// written: it holds anything but digits, "+" and the separators numbers are
// written with (letters, an extension), or a tab (libphonenumber reads it
// differently from the other separators), or fewer than three digits
// (whether two digits are a number depends on what lies between them).
//
// The shape byte: whether the value starts with "+", a digit or something
// else (only a value starting with a digit may be international digits
// without their "+"); and for a value starting with "0", as every dialling
// prefix does, how many digits lead it, up to five (a prefix of two to
// four digits is read as "+" only at the very start), and whether after
// two to four leading digits, past spaces, dashes, dots and slashes, a
// digit follows (only then is a prefix of exactly those digits read). Its
// high bit is set: no value cached as written ends in such a byte alone,
// which would not be UTF-8.
size_t CompactPhone(std::string_view value, char* out) {
  size_t size = 0;
  size_t digits = 0;
  bool paren = false;
  for (const char c : value) {
    if (c >= '0' && c <= '9') {
      out[size++] = c;
      ++digits;
    } else if (c == '+' && size == 0) {
      out[size++] = c;
    } else if (c == '(' || c == ')') {
      paren |= c == '(';
    } else if (c != ' ' && c != '-' && c != '.' && c != '/') {
      return 0;
    }
  }
  if (digits < 3) return 0;
  if (paren) out[size++] = '(';
  const auto is_separator = [](char c) {
    return c == ' ' || c == '-' || c == '.' || c == '/';
  };
  size_t lead = 0;
  while (value[0] == '0' && lead < value.size() && lead < 5 &&
         IsAsciiDigit(value[lead])) {
    ++lead;
  }
  bool digit_after = false;
  if (lead >= 2 && lead <= 4) {
    size_t next = lead;
    while (next < value.size() && is_separator(value[next])) ++next;
    digit_after = next < value.size() && IsAsciiDigit(value[next]);
  }
  const int start = value[0] == '+' ? 0 : IsAsciiDigit(value[0]) ? 1 : 2;
  out[size++] = static_cast<char>(0x80 | start | static_cast<int>(lead) << 2 |
                                  (digit_after ? 1 : 0) << 5);
  return size;
}

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

// The canonical identity of an email, handle or account `value` (see
// canonical.h), or InvalidArgument naming `raw`.
template <typename Canonical>
absl::StatusOr<Identity> Canonicalize(IdentityKind kind, std::string_view raw,
                                      Canonical canonical) {
  Identity identity{kind, {}};
  if (const char* phrase = canonical(&identity.value)) {
    return Invalid(kind, raw, phrase);
  }
  return identity;
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
        return Canonicalize(kind, raw.value, [value](std::string* out) {
          return CanonicalEmail(value, out);
        });
      case IdentityKind::kAccount:
        return Canonicalize(kind, raw.value, [value](std::string* out) {
          return CanonicalAccount(value, out);
        });
      case IdentityKind::kChatVisitor:
      case IdentityKind::kOther:
        return Identity{kind, std::string(value)};
      default:
        return Canonicalize(kind, raw.value, [kind, value](std::string* out) {
          return CanonicalHandle(kind, value, out);
        });
    }
  }

  std::vector<Identity> ExtractMentions(std::string_view text,
                                        std::string_view region,
                                        Channel channel) const {
    std::vector<Identity> out;
    if (text.empty()) return out;
    // Account and phone numbers need a few digits, and most messages have
    // fewer: one look at the digits tells which finders can find anything.
    // Emails and handles start at an "@", which their finder looks for
    // first.
    const size_t digits = CountAsciiDigits(text, PhoneReader::kMinDigits);
    std::vector<Mention> written =
        FindEmailsAndHandles(text, channel, kMaxMentions);
    if (digits >= kMinAccountDigits) {
      std::vector<Mention> accounts = FindAccountNumbers(text, kMaxMentions);
      if (!accounts.empty()) {
        written.insert(written.end(), accounts.begin(), accounts.end());
        std::stable_sort(written.begin(), written.end(),
                         [](const Mention& a, const Mention& b) {
                           return a.offset < b.offset;
                         });
      }
    }
    std::vector<PhoneReader::Found> phones;
    if (digits >= PhoneReader::kMinDigits) {
      phones = phone_reader_.Find(text, ReadRegion(region),
                                  {.max_bytes = kPhoneScanBytes,
                                   .max_tries = kPhoneMaxTries,
                                   .max_found = kMaxMentions});
    }
    if (written.empty() && phones.empty()) return out;
    out.reserve(std::min(kMaxMentions, written.size() + phones.size()));

    const auto add = [&out](Identity identity) {
      if (out.size() >= kMaxMentions) return;
      if (std::find(out.begin(), out.end(), identity) != out.end()) return;
      out.push_back(std::move(identity));
    };
    // Digits inside an email ("2125551234@example.com") are its local part.
    const auto inside_email = [&written](size_t offset) {
      for (const Mention& m : written) {
        if (m.kind == IdentityKind::kEmail && offset >= m.offset &&
            offset < m.offset + m.value.size()) {
          return true;
        }
      }
      return false;
    };
    // Merge the two lists, both in text order, into order of appearance.
    size_t w = 0;
    size_t p = 0;
    std::string value;
    while (w < written.size() || p < phones.size()) {
      if (p < phones.size() &&
          (w == written.size() || phones[p].offset < written[w].offset)) {
        if (!inside_email(phones[p].offset)) {
          add(Identity{IdentityKind::kPhone, std::move(phones[p].e164)});
        }
        ++p;
        continue;
      }
      const Mention& m = written[w++];
      const char* rejected = m.kind == IdentityKind::kEmail
                                 ? CanonicalEmail(m.value, &value)
                             : m.kind == IdentityKind::kAccount
                                 ? CanonicalAccount(m.value, &value)
                                 : CanonicalHandle(m.kind, m.value, &value);
      if (rejected == nullptr) add(Identity{m.kind, std::move(value)});
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
    // The region as ReadRegion gives it, upper case once in the key.
    const std::string_view key_region =
        region.empty() ? std::string_view(default_region_) : TrimValue(region);
    PhoneResult result;
    if (cache_ == nullptr || key_region.size() > kMaxKeyRegionBytes) {
      result = Read(kind, value, region);
    } else {
      // Key: kind (WhatsApp values are read differently), region, value.
      // Punctuation is dropped from the value where it cannot change the
      // reading (CompactPhone): "(646) 555-0134" and "646.555.0134" read
      // alike, and each new customer's number in each of its forms would
      // otherwise cost a parse. A value that starts with "+" and a known
      // calling code reads the same in every region, so the region is left
      // out; any other value (even "(+1) ..." or "+011 ...") may read
      // differently elsewhere, if only in the message naming the region.
      // The first byte holds the kind and the region's length, so no
      // region and value run into another, and most keys fit in a
      // std::string without allocating.
      char stack_key[kStackKeyBytes];
      std::string heap_key;
      const size_t max_key = 1 + key_region.size() + value.size() + 1;
      char* key = stack_key;
      if (max_key > kStackKeyBytes) {
        heap_key.resize(max_key);
        key = heap_key.data();
      }
      char* const value_at = key + 1 + key_region.size();
      size_t value_size = CompactPhone(value, value_at);
      const bool any_region =
          value[0] == '+' && value_size > 0 &&
          phone_reader_.StartsWithCallingCode(
              std::string_view(value_at + 1, value_size - 1));
      if (value_size == 0) {
        std::memcpy(value_at, value.data(), value.size());
        value_size = value.size();
      }
      size_t region_size = 0;
      if (any_region) {
        std::memmove(key + 1, value_at, value_size);
      } else {
        region_size = key_region.size();
        std::transform(key_region.begin(), key_region.end(), key + 1,
                       AsciiUpper);
      }
      key[0] = static_cast<char>(static_cast<int>(kind) << 4 | region_size);
      const std::string_view key_view(key, 1 + region_size + value_size);
      if (!cache_->Lookup(key_view, &result)) {
        result = Read(kind, value, region);
        cache_->Insert(key_view, result);
      }
    }
    if (!result.ok) return Invalid(kind, raw, result.text);
    return Identity{kind, std::move(result.text)};
  }

  // Reads a phone value with libphonenumber's help: the costly part.
  PhoneResult Read(IdentityKind kind, std::string_view value,
                   std::string_view region) const {
    const PhoneReader::Form form = kind == IdentityKind::kWhatsapp
                                       ? PhoneReader::Form::kInternational
                                       : PhoneReader::Form::kAny;
    absl::StatusOr<std::string> e164 =
        phone_reader_.ToE164(value, ReadRegion(region), form);
    if (e164.ok()) return PhoneResult{true, *std::move(e164)};
    return PhoneResult{false, std::string(e164.status().message())};
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
