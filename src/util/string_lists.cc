#include "util/string_lists.h"

#include <algorithm>

namespace threadline::util {

void StringLists::Add(uint32_t owner, std::string_view s) {
  newest_.GrowTo(size_t{owner} + 1, kNone);
  for (uint32_t e = newest_[owner]; e != kNone; e = entries_[e].previous) {
    if (text_.Get(entries_[e].text, entries_[e].size) == s) return;
  }
  const uint32_t e = static_cast<uint32_t>(entries_.size());
  Entry& entry = entries_.emplace_back();
  entry.text = text_.Append(s);
  entry.size = static_cast<uint32_t>(s.size());
  entry.previous = newest_[owner];
  newest_[owner] = e;
}

std::vector<std::string_view> StringLists::Get(uint32_t owner) const {
  std::vector<std::string_view> out;
  if (owner >= newest_.size()) return out;
  for (uint32_t e = newest_[owner]; e != kNone; e = entries_[e].previous) {
    out.push_back(text_.Get(entries_[e].text, entries_[e].size));
  }
  std::reverse(out.begin(), out.end());
  return out;
}

void StringLists::Erase(uint32_t owner) {
  if (owner >= newest_.size()) return;
  for (uint32_t e = newest_[owner]; e != kNone; e = entries_[e].previous) {
    text_.Wipe(entries_[e].text, entries_[e].size);
    entries_[e].size = 0;
  }
  newest_[owner] = kNone;
}

}  // namespace threadline::util
