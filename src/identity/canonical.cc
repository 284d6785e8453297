#include "identity/canonical.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "identity/value_text.h"

namespace threadline {
namespace identity_internal {
namespace {

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

// Bytes no email address holds: spaces, controls and "(),:;<>[\]" with the
// double quote (quoted local parts are not accepted). A table: every byte
// of every email is looked up.
constexpr std::array<bool, 256> kForbiddenInEmail = [] {
  std::array<bool, 256> forbidden{};
  for (int c = 0; c <= ' '; ++c) forbidden[c] = true;
  forbidden[0x7F] = true;
  for (const char c : std::string_view("\"(),:;<>[\\]")) {
    forbidden[static_cast<unsigned char>(c)] = true;
  }
  return forbidden;
}();

// `value` in lower case, into `*out`.
void AssignLower(std::string_view value, std::string* out) {
  out->assign(value.data(), value.size());
  for (char& c : *out) c = AsciiLower(c);
}

}  // namespace

const char kPlaceholderPhrase[] =
    "is a placeholder (such as \"unknown\", \"null\", \"n/a\", \"-1\" or all "
    "zeros and dashes), which identifies no one";

const char* CanonicalEmail(std::string_view value, std::string* out) {
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
  if (IsPlaceholder(value)) return kPlaceholderPhrase;
  // The checks read the value as written: lower case changes none of them.
  std::string_view email = value;
  // A fully qualified domain may end in a dot; the address is the same.
  if (!email.empty() && email.back() == '.') email.remove_suffix(1);

  const size_t at = email.find('@');
  if (at == std::string_view::npos) {
    return "is not an email address: it has no \"@\"";
  }
  if (email.find('@', at + 1) != std::string_view::npos) {
    return "is not an email address: it has more than one \"@\"";
  }
  // One pass copies, lowers and checks the bytes.
  out->assign(email.data(), email.size());
  bool forbidden = false;
  for (char& c : *out) {
    forbidden |= kForbiddenInEmail[static_cast<unsigned char>(c)];
    c = AsciiLower(c);
  }
  if (forbidden) {
    return "is not an email address: it contains spaces, control "
           "characters or one of \"(),:;<>[\\]";
  }
  if (at == 0) return "is not an email address: nothing before the \"@\"";
  if (at > kMaxEmailLocalPart || email.size() > kMaxEmailBytes) {
    return "is not an email address: longer than RFC 5321 allows";
  }
  if (!IsEmailDomain(email.substr(at + 1))) {
    return "is not an email address: the part after \"@\" is not a domain "
           "such as \"example.org\"";
  }
  return nullptr;
}

const char* CanonicalHandle(IdentityKind kind, std::string_view value,
                            std::string* out) {
  if (!value.empty() && value[0] == '@') value.remove_prefix(1);
  // "@null" is as much a placeholder as "null".
  if (IsPlaceholder(value)) return kPlaceholderPhrase;
  // The checks read the value as written: lower case changes none of them.
  const auto all_of = [value](auto allowed) {
    return std::all_of(value.begin(), value.end(), allowed);
  };
  switch (kind) {
    case IdentityKind::kTwitter:
      if (!all_of([](char c) { return IsAsciiAlnum(c) || c == '_'; })) {
        return "is not a Twitter handle: only letters, digits and \"_\" are "
               "allowed";
      }
      if (value.size() > kMaxTwitterHandle) {
        return "is not a Twitter handle: longer than 20 characters";
      }
      break;
    case IdentityKind::kInstagram:
      if (!all_of(
              [](char c) { return IsAsciiAlnum(c) || c == '_' || c == '.'; }) ||
          value.front() == '.' || value.back() == '.' ||
          value.find("..") != std::string_view::npos) {
        return "is not an Instagram handle: only letters, digits, \"_\" and "
               "single inner \".\" are allowed";
      }
      if (value.size() > kMaxInstagramHandle) {
        return "is not an Instagram handle: longer than 30 characters";
      }
      break;
    default:  // Facebook, LinkedIn: numeric ids or names with "." and "-"
      if (!all_of([](char c) {
            return IsAsciiAlnum(c) || c == '_' || c == '.' || c == '-';
          })) {
        return "is not a profile name or id: only letters, digits, \"_\", "
               "\".\" and \"-\" are allowed";
      }
      if (value.size() > kMaxProfileName) {
        return "is not a profile name or id: longer than 100 characters";
      }
      break;
  }
  AssignLower(value, out);
  return nullptr;
}

const char* CanonicalAccount(std::string_view value, std::string* out) {
  out->clear();
  out->reserve(value.size());
  for (char c : value) {
    if (IsAsciiAlnum(c)) out->push_back(AsciiUpper(c));
  }
  if (out->empty()) {
    return "is not an account number: it has no letters or digits";
  }
  // "#0000/00" is all zeros once its separators are gone.
  if (IsPlaceholder(*out)) return kPlaceholderPhrase;
  return nullptr;
}

}  // namespace identity_internal
}  // namespace threadline
