// GuardImpl::Check: one reply read in a fixed order, each step marking in a
// skip mask the bytes it explains so that later steps leave them alone:
// invalid UTF-8; emails, web addresses, handles and the customer's and the
// brand's account numbers (identifiers.h); IBANs and other numbers
// (numbers.h); words (words.h); and last the reply as a whole: sign-off,
// length, what was not checked.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "guard/guard_impl.h"
#include "guard/identifiers.h"
#include "guard/numbers.h"
#include "guard/text.h"
#include "guard/words.h"
#include "threadline/guard.h"
#include "threadline/identity.h"
#include "threadline/types.h"

namespace threadline::guard_internal {
namespace {

constexpr size_t kMaxFindings = 100;
constexpr int kTwitterMaxChars = 280;
// Numbers handed to libphonenumber per check; a miss costs about 10 µs per
// region, so a reply pasted full of numbers stays bounded. Numbers past the
// budget are still reported when long enough (kUnlabeledNumber).
constexpr int kMaxPhoneLookups = 32;
// Numbers of at least this many digits that are nothing recognizable are
// reported as kUnlabeledNumber.
constexpr size_t kUnlabeledDigits = 9;

// Findings that concern the reply as a whole rather than a word or number.
bool IsAboutWholeReply(FindingKind kind) {
  return kind == FindingKind::kMissingSignoff ||
         kind == FindingKind::kTooLong || kind == FindingKind::kUnchecked ||
         kind == FindingKind::kInvalidUtf8;
}

std::string AsciiLowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

bool Contains(const std::vector<std::string>& values, std::string_view v) {
  return std::find(values.begin(), values.end(), v) != values.end();
}

}  // namespace

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

}  // namespace threadline::guard_internal
