#include "engine/interaction_log.h"

namespace threadline::engine {

InteractionLog::InteractionLog() = default;

InteractionRecord& InteractionLog::Add(std::string_view id,
                                       std::string_view text,
                                       std::string_view agent_id) {
  const uint32_t index = static_cast<uint32_t>(records_.size());
  InteractionRecord& r = records_.emplace_back();
  r.strings = strings_.Append(id, text);
  r.id_size = static_cast<uint32_t>(id.size());
  r.text_size = static_cast<uint32_t>(text.size());
  if (!agent_id.empty()) {
    auto [it, inserted] = agent_ordinals_.try_emplace(
        std::string(agent_id), static_cast<uint32_t>(agents_.size()));
    if (inserted) agents_.emplace_back(agent_id);
    r.agent = it->second;
  }
  by_id_.Insert(index, util::HashKey(id));
  return r;
}

InteractionRecord& InteractionLog::AddErased() {
  InteractionRecord& r = records_.emplace_back();
  r.erased = true;
  return r;
}

int64_t InteractionLog::Find(std::string_view wanted) const {
  return by_id_.Find(util::HashKey(wanted),
                     [&](uint32_t i) { return id(i) == wanted; });
}

void InteractionLog::Erase(size_t i) {
  InteractionRecord& r = records_[i];
  if (r.erased) return;
  by_id_.Erase(static_cast<uint32_t>(i), util::HashKey(id(i)));
  strings_.Wipe(r.strings, size_t{r.id_size} + r.text_size);
  r.id_size = 0;
  r.text_size = 0;
  r.agent = 0;
  r.fingerprint = 0;
  r.erased = true;
}

}  // namespace threadline::engine
