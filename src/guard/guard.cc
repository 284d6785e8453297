#include "threadline/guard.h"

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "guard/numbers.h"
#include "guard/text.h"
#include "guard/words.h"
#include "phonenumbers/phonenumberutil.h"
#include "threadline/identity.h"
#include "threadline/types.h"

namespace threadline {

using guard_internal::AsciiLower;
using guard_internal::AsciiUpper;
using guard_internal::ClassifyRun;
using guard_internal::DecodeAt;
using guard_internal::DecodeBefore;
using guard_internal::FindIbans;
using guard_internal::FindNumberRuns;
using guard_internal::IsAsciiAlnum;
using guard_internal::IsAsciiAlpha;
using guard_internal::IsAsciiDigit;
using guard_internal::IsSpace;
using guard_internal::kInvalidCodePoint;
using guard_internal::NumberRun;
using guard_internal::PhraseSet;
using guard_internal::RunClass;
using guard_internal::RunVerdict;
using guard_internal::Span;
using guard_internal::ToAbsl;
using guard_internal::Words;

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

constexpr size_t kMaxFindings = 100;
constexpr size_t kMinCheckedBytes = 1024;
constexpr size_t kMaxPhraseBytes = 1024;
constexpr size_t kMaxSignoffBytes = 64;
constexpr size_t kMaxAccountPrefix = 8;
constexpr int kTwitterMaxChars = 280;
// Numbers handed to libphonenumber per check; a miss costs about 10 µs per
// region, so a reply pasted full of numbers stays bounded. Numbers past the
// budget are still reported when long enough (kUnlabeledNumber).
constexpr int kMaxPhoneLookups = 32;
// Numbers of at least this many digits that are nothing recognizable are
// reported as kUnlabeledNumber.
constexpr size_t kUnlabeledDigits = 9;
// Customer values shorter than this are not looked for in the text: they
// would match by chance.
constexpr size_t kMinAccountChars = 4;
// Entries of the guard's phone cache: the numbers agents type recur (the
// hotline, the customer's number, re-checks on every keystroke).
constexpr size_t kPhoneCacheEntries = size_t{1} << 12;

// Skip-mask values: bytes already explained.
constexpr uint8_t kSkipped = 1;

// Findings that concern the reply as a whole rather than a word or number.
bool IsAboutWholeReply(FindingKind kind) {
  return kind == FindingKind::kMissingSignoff ||
         kind == FindingKind::kTooLong || kind == FindingKind::kUnchecked ||
         kind == FindingKind::kInvalidUtf8;
}

bool IsEmailLocalChar(char c) {
  return IsAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' ||
         c == '-';
}

bool IsHandleChar(char c) { return IsAsciiAlnum(c) || c == '_'; }

bool StartsWithIgnoreCase(std::string_view text, size_t pos,
                          std::string_view lower_prefix) {
  if (text.size() - pos < lower_prefix.size()) return false;
  for (size_t i = 0; i < lower_prefix.size(); ++i) {
    if (AsciiLower(text[pos + i]) != lower_prefix[i]) return false;
  }
  return true;
}

std::string AsciiLowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

bool Contains(const std::vector<std::string>& values, std::string_view v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

// Whether `domain` can be an email domain: dot-separated labels of letters,
// digits and dashes (non-ASCII allowed for internationalized names), the last
// of two letters or more.
bool IsEmailDomain(std::string_view domain) {
  if (domain.empty()) return false;
  size_t label_begin = 0;
  int labels = 0;
  for (size_t i = 0; i <= domain.size(); ++i) {
    if (i < domain.size() && domain[i] != '.') continue;
    const std::string_view label = domain.substr(label_begin, i - label_begin);
    if (label.empty() || label.front() == '-' || label.back() == '-') {
      return false;
    }
    ++labels;
    if (i == domain.size()) {
      if (label.size() < 2) return false;
      for (char c : label) {
        if (!IsAsciiAlpha(c) && static_cast<unsigned char>(c) < 0x80) {
          return false;
        }
      }
    }
    label_begin = i + 1;
  }
  return labels >= 2;
}

// The email addresses in `text`.
std::vector<Span> FindEmails(std::string_view text) {
  std::vector<Span> found;
  for (size_t at = text.find('@'); at != std::string_view::npos;
       at = text.find('@', at + 1)) {
    size_t begin = at;
    while (begin > 0 && IsEmailLocalChar(text[begin - 1])) --begin;
    while (begin < at && (text[begin] == '.' || text[begin] == '-')) ++begin;
    if (begin == at || text[at - 1] == '.') continue;
    size_t end = at + 1;
    while (end < text.size()) {
      const unsigned char c = static_cast<unsigned char>(text[end]);
      if (IsAsciiAlnum(c) || c == '-' || c == '.') {
        ++end;
      } else if (c >= 0x80) {
        int n = 0;
        const uint32_t cp = DecodeAt(text, end, &n);
        guard_internal::Letter letter;
        if (!guard_internal::FoldLetter(cp, &letter)) break;
        end += n;
      } else {
        break;
      }
    }
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) {
      --end;
    }
    if (!IsEmailDomain(text.substr(at + 1, end - at - 1))) continue;
    found.push_back({begin, end});
    at = end - 1;
  }
  return found;
}

// Marks the web addresses of `text` in `skip`: their digits and words are
// paths and parameters, not what the reply says.
void SkipUrls(std::string_view text, std::vector<uint8_t>* skip) {
  const auto skip_from = [&](size_t begin) {
    size_t end = begin;
    while (end < text.size()) {
      const char c = text[end];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '<' ||
          c == '>' || c == '"' || c == '`') {
        break;
      }
      ++end;
    }
    while (end > begin && std::string_view(".,;:!?)'").find(text[end - 1]) !=
                              std::string_view::npos) {
      --end;
    }
    std::fill(skip->begin() + begin, skip->begin() + end, kSkipped);
    return end;
  };
  const auto at_word_start = [&](size_t pos) {
    return pos == 0 || !IsAsciiAlnum(text[pos - 1]);
  };
  // "http://" and "https://", found by their "://".
  for (size_t colon = text.find("://"); colon != std::string_view::npos;
       colon = text.find("://", colon + 3)) {
    for (size_t scheme : {size_t{4}, size_t{5}}) {
      if (colon < scheme) continue;
      const size_t begin = colon - scheme;
      if (StartsWithIgnoreCase(text, begin,
                               scheme == 4 ? "http://" : "https://") &&
          at_word_start(begin)) {
        colon = std::max(colon, skip_from(begin));
        break;
      }
    }
  }
  // "www." without a scheme.
  for (size_t dot = text.find('.'); dot != std::string_view::npos;
       dot = text.find('.', dot + 1)) {
    if (dot < 3 || (*skip)[dot] ||
        !StartsWithIgnoreCase(text, dot - 3, "www.") ||
        !at_word_start(dot - 3)) {
      continue;
    }
    dot = std::max(dot, skip_from(dot - 3));
  }
}

// The "@handles" of `text` outside skipped bytes, each with the "@".
std::vector<Span> FindHandles(std::string_view text,
                              const std::vector<uint8_t>& skip) {
  std::vector<Span> found;
  for (size_t at = text.find('@'); at != std::string_view::npos;
       at = text.find('@', at + 1)) {
    if (skip[at] ||
        (at > 0 && (IsHandleChar(text[at - 1]) || text[at - 1] == '.'))) {
      continue;
    }
    size_t end = at + 1;
    while (end < text.size() && (IsHandleChar(text[end]) ||
                                 (text[end] == '.' && end + 1 < text.size() &&
                                  IsHandleChar(text[end + 1])))) {
      ++end;
    }
    if (end == at + 1) continue;
    found.push_back({at, end});
  }
  return found;
}

// The customer's identities, canonical, as the guard looks for them.
struct CustomerForms {
  std::vector<std::string> phones;    // E.164
  std::vector<std::string> emails;    // lower case
  std::vector<std::string> accounts;  // upper-case letters and digits
  std::vector<std::string> handles;   // lower case, no "@", of other networks
};

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

// Occurrences of `value` (upper-case letters and digits) in `text`, read
// ignoring case and the separators account numbers are written with
// ("ac-305 510"), as whole tokens.
void FindAccountValue(std::string_view text, const std::vector<uint8_t>& skip,
                      std::string_view value, std::vector<Span>* out) {
  for (size_t start = 0; start < text.size(); ++start) {
    if (skip[start] || AsciiUpper(text[start]) != value[0] ||
        (start > 0 && IsAsciiAlnum(text[start - 1]))) {
      continue;
    }
    size_t pos = start;
    size_t matched = 0;
    while (matched < value.size() && pos < text.size() && !skip[pos]) {
      const char c = text[pos];
      if (IsAsciiAlnum(c)) {
        if (AsciiUpper(c) != value[matched]) break;
        ++matched;
        ++pos;
      } else if ((c == '-' || c == ' ' || c == '.' || c == '/') &&
                 pos + 1 < text.size() && IsAsciiAlnum(text[pos + 1])) {
        ++pos;
      } else {
        break;
      }
    }
    if (matched == value.size() &&
        (pos == text.size() || !IsAsciiAlnum(text[pos]))) {
      out->push_back({start, pos});
      start = pos;
    }
  }
}

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

// The state of one Check.
struct GuardImpl::Pass {
  std::string_view text;  // the checked part of the reply
  bool is_public = false;
  std::string personal_suffix;  // what to do, for personal data
  std::vector<uint8_t> skip;
  std::vector<Finding> findings;

  void Skip(Span span) {
    std::fill(skip.begin() + span.begin, skip.begin() + span.end, kSkipped);
  }
  void Add(FindingKind kind, Span span, std::string message) {
    findings.push_back({kind, span.begin, span.end, std::move(message)});
  }
  // Personal data other than card numbers and secrets is reported on
  // public channels only.
  void AddPersonal(FindingKind kind, Span span, std::string_view what) {
    if (!is_public) return;
    Add(kind, span, absl::StrCat(ToAbsl(what), personal_suffix));
  }
};

GuardResult GuardImpl::Check(std::string_view reply,
                             const ReplyContext& context) const {
  Pass pass;
  pass.is_public = !context.private_message && IsPublicChannel(context.channel);
  const bool direct_message =
      NativeHandleKind(context.channel) != IdentityKind::kUnspecified;
  pass.personal_suffix =
      direct_message
          ? ": personal data must not appear in a public reply; continue in "
            "a direct message."
          : ": personal data must not appear in a public reply; continue by "
            "email.";

  // Bound the work; never cut a character in two.
  size_t checked = std::min(reply.size(), options_.max_checked_bytes);
  for (int back = 0;
       back < 3 && checked > 0 && checked < reply.size() &&
       (static_cast<unsigned char>(reply[checked]) & 0xC0) == 0x80;
       ++back) {
    --checked;
  }
  const std::string_view text = reply.substr(0, checked);
  pass.text = text;
  pass.skip.assign(text.size(), 0);

  // Bytes that are not UTF-8.
  {
    size_t invalid = 0;
    Span first{0, 0};
    for (size_t i = 0; i < text.size();) {
      int n = 0;
      if (DecodeAt(text, i, &n) == kInvalidCodePoint) {
        if (invalid == 0) first = {i, i + 1};
        if (first.end == i) first.end = i + 1;
        ++invalid;
      }
      i += n;
    }
    if (invalid > 0) {
      pass.Add(FindingKind::kInvalidUtf8, first,
               absl::StrCat(invalid, invalid == 1 ? " byte is" : " bytes are",
                            " not valid UTF-8 and would show as garbage; "
                            "retype the text around it."));
    }
  }

  const CustomerForms customer =
      pass.is_public ? CustomerFormsOf(context) : CustomerForms();

  // Emails, before web addresses: "mailto:" links hold them.
  for (const Span& span : FindEmails(text)) {
    pass.Skip(span);
    const std::string email =
        AsciiLowerCopy(text.substr(span.begin, span.end - span.begin));
    if (Contains(own_emails_, email)) continue;
    if (Contains(customer.emails, email)) {
      pass.AddPersonal(FindingKind::kCustomerIdentity, span,
                       "The customer's own email address");
    } else {
      pass.AddPersonal(FindingKind::kEmail, span,
                       "Email address that is not the brand's own");
    }
  }
  SkipUrls(text, &pass.skip);
  for (const Span& span : FindHandles(text, pass.skip)) {
    pass.Skip(span);
    const std::string handle =
        AsciiLowerCopy(text.substr(span.begin + 1, span.end - span.begin - 1));
    if (Contains(customer.handles, handle)) {
      pass.AddPersonal(FindingKind::kCustomerIdentity, span,
                       "The customer's handle on another network");
    }
  }
  for (const std::string& account : customer.accounts) {
    std::vector<Span> spans;
    FindAccountValue(text, pass.skip, account, &spans);
    for (const Span& span : spans) {
      pass.Skip(span);
      pass.AddPersonal(FindingKind::kCustomerIdentity, span,
                       "The customer's own account number");
    }
  }
  for (const std::string& account : own_accounts_) {
    std::vector<Span> spans;
    FindAccountValue(text, pass.skip, account, &spans);
    for (const Span& span : spans) pass.Skip(span);
  }
  for (const Span& span : FindIbans(text, pass.skip)) {
    pass.Skip(span);
    pass.AddPersonal(FindingKind::kAccountNumber, span,
                     "Bank account number (an IBAN with valid check digits)");
  }

  // Numbers.
  int phone_lookups = 0;
  for (const NumberRun& run : FindNumberRuns(text, pass.skip)) {
    const RunVerdict verdict = ClassifyRun(text, run, account_prefixes_);
    const Span span = verdict.span;
    const size_t digits = run.digits.size();
    switch (verdict.run_class) {
      case RunClass::kNotPersonal:
        break;
      case RunClass::kCard:
        pass.Add(FindingKind::kCardNumber, span,
                 absl::StrCat("Card number (", verdict.detail,
                              ", passes the Luhn check): never write a card "
                              "number in any message; send a secure payment "
                              "link instead."));
        break;
      case RunClass::kSecret:
        pass.Add(FindingKind::kAccountNumber, span,
                 absl::StrCat("Security code (", verdict.detail,
                              "): never write one in any message, and never "
                              "ask for one."));
        break;
      case RunClass::kSsn:
        pass.AddPersonal(FindingKind::kAccountNumber, span,
                         "US Social Security number (3-2-4 digits)");
        break;
      case RunClass::kAccount:
        pass.AddPersonal(FindingKind::kAccountNumber, span,
                         absl::StrCat("Account number (", verdict.detail, ")"));
        break;
      case RunClass::kPhoneCandidate:
      case RunClass::kLongNumber: {
        if (!pass.is_public) break;
        if (IsOwnPhoneDigits(run.digits)) break;
        std::string e164;
        if (verdict.run_class == RunClass::kPhoneCandidate &&
            phone_lookups < kMaxPhoneLookups) {
          ++phone_lookups;
          if (ReadPhone(text.substr(span.begin, span.end - span.begin), context,
                        &e164)) {
            if (Contains(own_phones_, e164)) break;
            if (Contains(customer.phones, e164)) {
              pass.AddPersonal(FindingKind::kCustomerIdentity, span,
                               "The customer's own phone number");
            } else {
              pass.AddPersonal(FindingKind::kPhone, span,
                               "Phone number that is not the brand's own");
            }
            break;
          }
        }
        if (digits >= kUnlabeledDigits) {
          pass.AddPersonal(
              FindingKind::kUnlabeledNumber, span,
              absl::StrCat("Number of ", digits,
                           " digits with no label such as \"order\" or "
                           "\"ticket\"; it may be an account or phone "
                           "number"));
        }
        break;
      }
    }
  }

  // Words.
  Words words;
  guard_internal::ScanWords(text, pass.skip, &words);
  guard_internal::CheckProfanity(text, pass.skip, words, &pass.findings);
  if (!banned_.empty()) {
    guard_internal::CheckBannedPhrases(words, banned_, options_.banned_phrases,
                                       &pass.findings);
  }
  guard_internal::CheckShouting(words, &pass.findings);

  // The whole reply: sign-off, length, what was not checked.
  if (!signoff_.empty()) {
    size_t end = reply.size();
    while (end > 0) {
      int n = 0;
      const uint32_t cp = DecodeBefore(reply, end, &n);
      if (!IsSpace(cp)) break;
      end -= n;
    }
    const bool signed_off =
        end >= signoff_.size() &&
        std::equal(signoff_.begin(), signoff_.end(),
                   reply.begin() + (end - signoff_.size()), [](char a, char b) {
                     return AsciiLower(a) == AsciiLower(b);
                   });
    if (!signed_off) {
      pass.Add(FindingKind::kMissingSignoff, {end, end},
               absl::StrCat("The reply must end with the sign-off \"", signoff_,
                            "\"."));
    }
  }
  int max_chars = options_.max_chars;
  if (max_chars == 0) {
    max_chars = context.channel == Channel::kTwitter ? kTwitterMaxChars : -1;
  }
  if (max_chars > 0) {
    // Characters are code points; a stray byte counts as one.
    int64_t chars = 0;
    size_t cut = reply.size();
    for (size_t i = 0; i < reply.size(); ++i) {
      if ((static_cast<unsigned char>(reply[i]) & 0xC0) == 0x80) continue;
      if (chars == max_chars) cut = i;
      ++chars;
    }
    if (chars > max_chars) {
      pass.Add(
          FindingKind::kTooLong, {cut, reply.size()},
          absl::StrCat(chars, " characters; ",
                       options_.max_chars > 0
                           ? std::string("the limit is ")
                           : absl::StrCat(ToAbsl(ChannelName(context.channel)),
                                          " allows "),
                       max_chars, ": cut ", chars - max_chars, "."));
    }
  }
  if (checked < reply.size()) {
    pass.Add(FindingKind::kUnchecked, {checked, reply.size()},
             absl::StrCat("Only the first ", checked, " bytes were checked; ",
                          "the other ", reply.size() - checked,
                          " were not: shorten the reply."));
  }

  GuardResult result;
  const auto by_position = [](const Finding& a, const Finding& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.end < b.end;
  };
  if (pass.findings.size() > kMaxFindings) {
    // Keep what concerns the whole reply, then the earliest of the rest.
    const auto whole_reply = std::stable_partition(
        pass.findings.begin(), pass.findings.end(),
        [](const Finding& f) { return IsAboutWholeReply(f.kind); });
    const size_t kept =
        static_cast<size_t>(whole_reply - pass.findings.begin());
    std::sort(whole_reply, pass.findings.end(), by_position);
    pass.findings.resize(std::max(kept, kMaxFindings));
  }
  std::sort(pass.findings.begin(), pass.findings.end(), by_position);
  result.findings = std::move(pass.findings);
  result.ok = result.findings.empty();
  if (pass.is_public &&
      std::any_of(result.findings.begin(), result.findings.end(),
                  [](const Finding& f) { return IsPersonalData(f.kind); })) {
    result.move_to_channel = direct_message ? context.channel : Channel::kEmail;
    result.move_to_private_message = direct_message;
  }
  return result;
}

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
