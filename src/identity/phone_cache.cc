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

PhoneCache::Shard& PhoneCache::ShardFor(std::string_view key) {
  // The map rehashes the key with its own seed, so reusing this hash for
  // the shard choice does not skew the buckets inside the shard.
  const size_t hash = absl::Hash<absl::string_view>{}(ToAbsl(key));
  return shards_[hash % shard_count_];
}

bool PhoneCache::Lookup(std::string_view key, PhoneResult* result) {
  Shard& shard = ShardFor(key);
  ShardLock lock(&shard.mu);
  if (auto it = shard.recent.find(ToAbsl(key)); it != shard.recent.end()) {
    *result = it->second;
    return true;
  }
  auto it = shard.older.find(ToAbsl(key));
  if (it == shard.older.end()) return false;
  *result = it->second;
  // Still in use: move it to the recent generation so it survives the next
  // rotation.
  auto node = shard.older.extract(it);
  InsertLocked(shard, std::move(node.key()), std::move(node.mapped()));
  return true;
}

void PhoneCache::Insert(std::string_view key, const PhoneResult& result) {
  Shard& shard = ShardFor(key);
  ShardLock lock(&shard.mu);
  if (shard.recent.contains(ToAbsl(key))) return;  // another thread won
  if (!shard.older.empty()) shard.older.erase(ToAbsl(key));
  InsertLocked(shard, std::string(key), result);
}

void PhoneCache::InsertLocked(Shard& shard, std::string key,
                              PhoneResult result) {
  if (shard.recent.size() >= generation_limit_) {
    if (keep_older_) {
      shard.older.swap(shard.recent);
    } else {
      shard.older.clear();
    }
    shard.recent.clear();
  }
  shard.recent.emplace(std::move(key), std::move(result));
}

size_t PhoneCache::size() const {
  size_t total = 0;
  for (size_t i = 0; i < shard_count_; ++i) {
    ShardLock lock(&shards_[i].mu);
    total += shards_[i].recent.size() + shards_[i].older.size();
  }
  return total;
}

}  // namespace identity_internal
}  // namespace threadline
