// `threadline guard`: checks an agent's reply, read on stdin, before it goes
// out on a channel, and reports what is wrong and where.
#include <cctype>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/io.h"
#include "jsonl/jsonl.h"
#include "util/utf8.h"
#include "threadline/guard.h"
#include "threadline/types.h"

namespace threadline::cli {
namespace {

constexpr char kUsage[] =
    "Usage: threadline guard --channel CHANNEL [--private] [--json]\n"
    "         [--own-identity KIND:VALUE]... [--customer-identity "
    "KIND:VALUE]...\n"
    "         [--ban PHRASE]... [--signoff TEXT] [--region CC]...\n"
    "         [--account-prefix LETTERS]... [--max-chars N]\n"
    "\n"
    "Checks an agent's reply, read on stdin, before it goes out on CHANNEL\n"
    "and says what is wrong and where (byte offsets into the reply):\n"
    "  personal data    card numbers (Luhn-checked), account numbers, IBANs,\n"
    "                   security codes, emails, phone numbers, the customer's\n"
    "                   own identities, long numbers with no label\n"
    "  tone             profanity and insults in English and Spanish, also\n"
    "                   disguised (\"f*ck\", \"sh1t\"); shouting in capitals\n"
    "  house rules      banned phrases (--ban), the sign-off (--signoff), the\n"
    "                   channel's length limit (280 characters on TWITTER)\n"
    "Order and ticket numbers, dates, prices and the brand's own numbers and\n"
    "addresses (--own-identity) are not personal data.\n"
    "\n"
    "TWITTER, FACEBOOK, INSTAGRAM, LINKEDIN, FORUM, BLOG, VIDEO and OTHER are\n"
    "public: all personal data is reported there, with where to continue the\n"
    "conversation instead. Give --private for a direct message on those\n"
    "networks. On private channels (EMAIL, SMS, WHATSAPP, WEB_CHAT, VOICE,\n"
    "...) only card numbers and security codes are reported: no message may\n"
    "carry them.\n"
    "\n"
    "A single trailing newline is dropped, so `echo` can feed the reply.\n"
    "Exit status: 0 when the reply is clean, 1 when there are findings (or\n"
    "stdin cannot be read), 2 for a usage error.\n"
    "\n"
    "Examples:\n"
    "  echo 'Sorry! Call us at 1-800-555-0199. ^AB' | \\\n"
    "      threadline guard --channel TWITTER --signoff '^AB' \\\n"
    "      --own-identity PHONE:+18005550199\n"
    "  threadline guard --channel FACEBOOK --region US --region MX \\\n"
    "      --customer-identity EMAIL:grace@example.org --json < reply.txt\n";

// Longest excerpt of the reply shown for a finding.
constexpr size_t kMaxExcerptBytes = 60;

absl::StatusOr<Channel> ParseChannelFlag(const std::string& flag) {
  std::string name = flag;
  for (char& c : name) c = static_cast<char>(std::toupper(c));
  std::optional<Channel> channel = ParseChannel(name);
  if (!channel || *channel == Channel::kUnspecified) {
    std::string names;
    for (int i = 1; i < kChannelCount; ++i) {
      absl::StrAppend(&names, i > 1 ? ", " : "",
                      std::string(ChannelName(static_cast<Channel>(i))));
    }
    return absl::InvalidArgumentError(absl::StrCat(
        "--channel \"", flag, "\" is not a channel (", names, ")"));
  }
  return *channel;
}

// The whole of stdin, byte for byte.
absl::StatusOr<std::string> ReadStdin() {
  std::string data;
  char buffer[1 << 16];
  while (true) {
    const size_t n = std::fread(buffer, 1, sizeof(buffer), stdin);
    data.append(buffer, n);
    if (n < sizeof(buffer)) break;
  }
  if (std::ferror(stdin)) {
    return absl::DataLossError("cannot read the reply from stdin");
  }
  return data;
}

// The reply's bytes [begin, end) quoted for a terminal: quotes, control
// characters and bytes that are not UTF-8 escaped, long spans cut in the
// middle.
std::string Excerpt(std::string_view reply, size_t begin, size_t end) {
  const std::string_view span = reply.substr(begin, end - begin);
  const auto* data = reinterpret_cast<const unsigned char*>(span.data());
  std::string out = "\"";
  size_t i = 0;
  while (i < span.size()) {
    if (span.size() > kMaxExcerptBytes && i >= kMaxExcerptBytes / 2 &&
        i < span.size() - kMaxExcerptBytes / 2) {
      out += "…";
      // Resume on a character boundary.
      i = span.size() - kMaxExcerptBytes / 2;
      while (i < span.size() && (data[i] & 0xC0) == 0x80) ++i;
      continue;
    }
    const unsigned char c = data[i];
    if (c >= 0x80) {
      const int n = util::Utf8SequenceLength(data + i, data + span.size());
      if (n > 0) {
        out.append(span.substr(i, n));
        i += n;
      } else {
        for (int k = 0; k < -n; ++k) {
          out += absl::StrFormat("\\x%02X", data[i + k]);
        }
        i += -n;
      }
      continue;
    }
    if (c == '\n') {
      out += "\\n";
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7F) {
      out += absl::StrFormat("\\x%02X", c);
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
  out += "\"";
  return out;
}

std::string MoveToText(const GuardResult& result) {
  if (result.move_to_private_message) {
    return absl::StrCat("a direct message on ",
                        std::string(ChannelName(result.move_to_channel)));
  }
  return std::string(ChannelName(result.move_to_channel));
}

std::string HumanReport(std::string_view reply, const ReplyContext& context,
                        const GuardResult& result) {
  const std::string where = absl::StrCat(
      std::string(ChannelName(context.channel)),
      context.private_message
          ? " direct message"
          : (IsPublicChannel(context.channel) ? " reply (public)"
                                              : " message (private)"));
  if (result.ok) {
    return absl::StrCat("threadline guard: clean: nothing to fix in this ",
                        where, ".\n");
  }
  std::string out = absl::StrFormat(
      "threadline guard: %d finding%s in this %s:\n", result.findings.size(),
      result.findings.size() == 1 ? "" : "s", where);
  for (const Finding& f : result.findings) {
    const std::string position = f.begin == f.end
                                     ? absl::StrFormat("at %d", f.begin)
                                     : absl::StrFormat("%d-%d", f.begin, f.end);
    absl::StrAppend(
        &out,
        absl::StrFormat(
            "  %-11s %-17s %s\n", position,
            std::string(FindingKindName(f.kind)),
            f.begin == f.end ? std::string() : Excerpt(reply, f.begin, f.end)));
    absl::StrAppend(&out, "              ", f.message, "\n");
  }
  if (result.move_to_channel != Channel::kUnspecified) {
    absl::StrAppend(&out, "Personal data on a public channel: continue in ",
                    MoveToText(result), ".\n");
  }
  return out;
}

std::string JsonReport(std::string_view reply, const ReplyContext& context,
                       const GuardResult& result) {
  std::string out = "{\"ok\":";
  absl::StrAppend(&out, result.ok ? "true" : "false", ",\"channel\":\"",
                  std::string(ChannelName(context.channel)), "\",\"public\":",
                  !context.private_message && IsPublicChannel(context.channel)
                      ? "true"
                      : "false",
                  ",\"findings\":[");
  for (size_t i = 0; i < result.findings.size(); ++i) {
    const Finding& f = result.findings[i];
    absl::StrAppend(&out, i > 0 ? "," : "", "{\"kind\":\"",
                    std::string(FindingKindName(f.kind)),
                    "\",\"begin\":", f.begin, ",\"end\":", f.end, ",\"text\":");
    jsonl::AppendJsonString(reply.substr(f.begin, f.end - f.begin), &out);
    absl::StrAppend(&out, ",\"message\":");
    jsonl::AppendJsonString(f.message, &out);
    out += "}";
  }
  out += "],\"move_to\":";
  if (result.move_to_channel == Channel::kUnspecified) {
    out += "null";
  } else {
    absl::StrAppend(&out, "{\"channel\":\"",
                    std::string(ChannelName(result.move_to_channel)),
                    "\",\"private_message\":",
                    result.move_to_private_message ? "true" : "false", "}");
  }
  out += "}\n";
  return out;
}

int UsageError(const absl::Status& status) {
  std::fprintf(stderr, "threadline guard: %s\n(see threadline guard --help)\n",
               std::string(status.message()).c_str());
  return 2;
}

}  // namespace

int RunGuard(const std::vector<std::string>& args) {
  std::string channel_flag, signoff;
  std::vector<std::string> own, customer, banned, regions, prefixes;
  long long max_chars = 0;
  bool private_message = false, json = false;
  FlagSet flags(kUsage);
  flags.String("channel", "CHANNEL",
               "where the reply goes: TWITTER, FACEBOOK, EMAIL, WHATSAPP, ... "
               "(required)",
               &channel_flag);
  flags.Bool("private",
             "the reply is a direct message on a social network, which only "
             "the customer reads",
             &private_message);
  flags.Repeated("own-identity", "KIND:VALUE",
                 "the brand's own number, email or account; never flagged "
                 "(repeatable)",
                 &own);
  flags.Repeated("customer-identity", "KIND:VALUE",
                 "an identity of the customer, flagged when written in a "
                 "public reply (repeatable)",
                 &customer);
  flags.Repeated("ban", "PHRASE",
                 "a phrase the brand never writes, matched ignoring case and "
                 "accents (repeatable)",
                 &banned);
  flags.String("signoff", "TEXT",
               "text every reply must end with, e.g. '^AB' (default: none)",
               &signoff);
  flags.Repeated("region", "CC",
                 "region whose national phone numbers are recognized "
                 "(repeatable; default: US)",
                 &regions);
  flags.Repeated("account-prefix", "LETTERS",
                 "letters that start the brand's account numbers, as in "
                 "AC-305510 (repeatable; default: AC, ACC, ACCT, CTA)",
                 &prefixes);
  flags.Int("max-chars", "N",
            "most characters a reply may have (default: 0, the channel's own "
            "limit)",
            &max_chars);
  flags.Bool("json", "print one JSON object instead of a report", &json);
  if (absl::Status s = flags.Parse(args); !s.ok()) return UsageError(s);
  if (flags.help_requested()) {
    std::fputs(flags.Help().c_str(), stdout);
    return 0;
  }
  if (channel_flag.empty()) {
    return UsageError(absl::InvalidArgumentError(
        "--channel is required: where the reply goes, e.g. --channel TWITTER"));
  }
  absl::StatusOr<Channel> channel = ParseChannelFlag(channel_flag);
  if (!channel.ok()) return UsageError(channel.status());

  GuardOptions options;
  for (const std::string& f : own) {
    Identity id;
    if (absl::Status s = ParseIdentityFlag("own-identity", f, &id); !s.ok()) {
      return UsageError(s);
    }
    options.own_identities.push_back(std::move(id));
  }
  options.banned_phrases = banned;
  options.required_signoff = signoff;
  if (!regions.empty()) options.regions = regions;
  if (!prefixes.empty()) options.account_prefixes = prefixes;
  if (max_chars > (1 << 30)) {
    return UsageError(absl::InvalidArgumentError(
        absl::StrCat("--max-chars ", max_chars, " is too large")));
  }
  options.max_chars = static_cast<int>(max_chars);
  absl::StatusOr<std::unique_ptr<ReplyGuard>> guard =
      ReplyGuard::Create(std::move(options));
  if (!guard.ok()) return UsageError(guard.status());

  ReplyContext context;
  context.channel = *channel;
  context.private_message = private_message;
  for (const std::string& f : customer) {
    Identity id;
    if (absl::Status s = ParseIdentityFlag("customer-identity", f, &id);
        !s.ok()) {
      return UsageError(s);
    }
    context.customer_identities.push_back(std::move(id));
  }

  absl::StatusOr<std::string> reply = ReadStdin();
  if (!reply.ok()) {
    std::fprintf(stderr, "threadline guard: %s\n",
                 std::string(reply.status().message()).c_str());
    return 1;
  }
  // `echo` and editors end the input with a newline that is no part of the
  // reply.
  if (!reply->empty() && reply->back() == '\n') reply->pop_back();
  if (!reply->empty() && reply->back() == '\r') reply->pop_back();

  const GuardResult result = (*guard)->Check(*reply, context);
  const std::string report = json ? JsonReport(*reply, context, result)
                                  : HumanReport(*reply, context, result);
  absl::StatusOr<std::unique_ptr<OutputFile>> out = OutputFile::Open("");
  absl::Status written = out.ok() ? (*out)->Write(report) : out.status();
  if (written.ok()) written = (*out)->Close();
  if (!written.ok()) {
    std::fprintf(stderr, "threadline guard: %s\n",
                 std::string(written.message()).c_str());
    return 1;
  }
  return result.ok ? 0 : 1;
}

}  // namespace threadline::cli
