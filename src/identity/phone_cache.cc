#include "identity/phone_cache.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

#include "absl/hash/hash.h"
#include "identity/value_text.h"

namespace threadline {
namespace identity_internal {
namespace {

// Shards for a large cache: enough that the engine's threads seldom share a
// mutex, few enough that each shard's generations stay large.
constexpr size_t kShards = 16;
// Below this, sharding would leave each shard too few entries to be useful.
constexpr size_t kMinShardedCapacity = 1024;

}  // namespace

PhoneCache::PhoneCache(size_t capacity)
    : shard_count_(capacity >= kMinShardedCapacity ? kShards : 1) {
  const size_t per_shard = std::max<size_t>(1, capacity / shard_count_);
  keep_older_ = per_shard >= 2;
  generation_limit_ = keep_older_ ? per_shard / 2 : 1;
  shards_ = std::make_unique<Shard[]>(shard_count_);
}

size_t PhoneCache::KeyHash::operator()(std::string_view key) const {
  return absl::Hash<absl::string_view>{}(ToAbsl(key));
}

PhoneCache::Shard& PhoneCache::ShardFor(const Hashed& key) {
  // The top bits: a shard's maps place and tell apart its keys by the
  // others, so all their bits stay useful there.
  static_assert(kShards == 16);
  if (shard_count_ == 1) return shards_[0];
  return shards_[key.hash >> (sizeof(size_t) * 8 - 4)];
}

bool PhoneCache::Lookup(std::string_view key, PhoneResult* result) {
  const Hashed hashed{key, KeyHash{}(key)};
  Shard& shard = ShardFor(hashed);
  util::MutexLock lock(&shard.mu);
  if (auto it = shard.recent.find(hashed); it != shard.recent.end()) {
    *result = it->second;
    return true;
  }
  if (shard.older.empty()) return false;
  auto it = shard.older.find(hashed);
  if (it == shard.older.end()) return false;
  *result = it->second;
  // Still in use: move it to the recent generation so it survives the next
  // rotation.
  auto node = shard.older.extract(it);
  MakeRoom(shard);
  shard.recent.insert(std::move(node));
  return true;
}

void PhoneCache::Insert(std::string_view key, const PhoneResult& result) {
  const Hashed hashed{key, KeyHash{}(key)};
  Shard& shard = ShardFor(hashed);
  util::MutexLock lock(&shard.mu);
  if (shard.recent.contains(hashed)) return;  // another thread won
  if (!shard.older.empty()) shard.older.erase(hashed);
  MakeRoom(shard);
  shard.recent.lazy_emplace(hashed, [&](const auto& construct) {
    construct(std::string(key), result);
  });
}

void PhoneCache::MakeRoom(Shard& shard) {
  if (shard.recent.size() < generation_limit_) return;
  if (keep_older_) {
    shard.older.swap(shard.recent);
  } else {
    shard.older.clear();
  }
  shard.recent.clear();
}

size_t PhoneCache::size() const {
  size_t total = 0;
  for (size_t i = 0; i < shard_count_; ++i) {
    util::MutexLock lock(&shards_[i].mu);
    total += shards_[i].recent.size() + shards_[i].older.size();
  }
  return total;
}

}  // namespace identity_internal
}  // namespace threadline
