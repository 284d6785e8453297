#include "engine/interaction_log.h"

namespace threadline::engine {

InteractionLog::InteractionLog() = default;

InteractionRecord& InteractionLog::Add(std::string_view id,
                                       std::string_view text,
                                       std::string_view agent_id) {
  const uint32_t index = static_cast<uint32_t>(data_.records.size());
  InteractionRecord& r = data_.records.emplace_back();
  r.strings = data_.strings.Append(id, text);
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
  InteractionRecord& r = data_.records.emplace_back();
  r.erased = true;
  return r;
}

int64_t InteractionLog::Find(std::string_view id) const {
  return by_id_.Find(util::HashKey(id),
                     [&](uint32_t i) { return data_.Id(i) == id; });
}

void InteractionLog::Erase(size_t i) {
  InteractionRecord& r = data_.records[i];
  if (r.erased) return;
  by_id_.Erase(static_cast<uint32_t>(i), util::HashKey(data_.Id(i)));
  data_.strings.Wipe(r.strings, size_t{r.id_size} + r.text_size);
  r.id_size = 0;
  r.text_size = 0;
  r.agent = 0;
  r.fingerprint = 0;
  r.erased = true;
}

size_t InteractionLog::capacity_bytes() const {
  return data_.records.capacity_bytes() + data_.strings.capacity_bytes() +
         by_id_.capacity() * util::OrdinalIndex::kSlotBytes;
}

}  // namespace threadline::engine
