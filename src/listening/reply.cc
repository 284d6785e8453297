// The public side of listening that needs no engine: names, which channels
// are public, and how one incident reply is worded for each customer.
#include <string>
#include <string_view>

#include "threadline/guard.h"
#include "threadline/listening.h"

namespace threadline {
namespace {

// Characters (code points) in `s`.
size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Byte offset of the first `n` code points of `s`.
size_t PrefixBytes(std::string_view s, size_t n) {
  size_t i = 0;
  while (i < s.size() && n > 0) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) {
      ++i;
    }
    --n;
  }
  return i;
}

// The entry for `language` ("es-CO" reads as "es"), else the fallback "",
// else English, else the first; null when `texts` is empty.
const std::string* Pick(const std::map<std::string, std::string>& texts,
                        std::string_view language) {
  const std::string base(language.substr(0, language.find('-')));
  for (const std::string& key : {base, std::string(), std::string("en")}) {
    if (auto it = texts.find(key); it != texts.end() && !it->second.empty()) {
      return &it->second;
    }
  }
  for (const auto& [key, text] : texts) {
    if (!text.empty()) return &text;
  }
  return nullptr;
}

}  // namespace

AlertListener::~AlertListener() = default;

std::string_view AlertScopeName(AlertScope scope) {
  return scope == AlertScope::kChannel ? "CHANNEL" : "TOPIC";
}

std::string_view IncidentStatusName(IncidentStatus status) {
  return status == IncidentStatus::kResolved ? "RESOLVED" : "OPEN";
}

int ChannelLengthLimit(Channel channel) {
  switch (channel) {
    case Channel::kTwitter:
      return 280;
    case Channel::kSms:
      return 160;
    case Channel::kInstagram:
      return 1000;
    case Channel::kLinkedin:
      return 1250;
    case Channel::kWhatsapp:
      return 4096;
    case Channel::kFacebook:
      return 8000;
    default:
      return 0;
  }
}

std::string RenderReply(const IncidentReply& reply, Channel channel,
                        std::string_view language, std::string_view mention) {
  const bool is_public = IsPublicChannel(channel);
  const std::string* text = nullptr;
  if (!is_public) text = Pick(reply.private_text, language);
  if (text == nullptr) text = Pick(reply.text, language);
  if (text == nullptr) return "";
  std::string out;
  if (is_public && !mention.empty()) {
    out.append(mention.data(), mention.size());
    if (out.back() != ' ') out.push_back(' ');
  }
  out += *text;
  const size_t limit = static_cast<size_t>(ChannelLengthLimit(channel));
  if (limit == 0 || CodePoints(out) <= limit) return out;
  // Cut at the last space that leaves room for the ellipsis.
  size_t cut = PrefixBytes(out, limit - 1);
  const size_t space = out.rfind(' ', cut);
  if (space != std::string::npos && space > mention.size()) cut = space;
  while (cut > 0 && (out[cut - 1] == ' ' || out[cut - 1] == ',')) --cut;
  out.resize(cut);
  out += "…";
  return out;
}

}  // namespace threadline
