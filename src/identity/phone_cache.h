// PhoneCache: a bounded map from a raw phone value (with its kind and
// region) to the result of reading it, so that libphonenumber (about 10 µs a
// number, several readings for an unusual form) runs once per distinct raw
// value rather than once per interaction. Internal to src/identity.
//
// Eviction is generational, an approximation of LRU that needs no list: each
// shard fills a "recent" map; when it is full, it becomes the "older" map and
// the previous older map is dropped. A hit in the older map moves the entry
// back to recent, so values in steady use survive every rotation. A shard
// holds at most its share of the capacity.
//
// Thread-safe: entries are spread over shards, each behind its own mutex,
// so two threads rarely wait on each other. The mutex is a std::mutex, not
// an absl::Mutex: Debian builds Abseil without NDEBUG, so absl::Mutex runs
// its deadlock detection on every Lock (about 300 instructions and a
// process-wide spin lock), and this lock is taken for every phone value
// normalized.
#ifndef THREADLINE_SRC_IDENTITY_PHONE_CACHE_H_
#define THREADLINE_SRC_IDENTITY_PHONE_CACHE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "util/sync.h"

namespace threadline {
namespace identity_internal {

// The outcome of reading one raw phone value. Plain strings rather than an
// absl::Status: a cached status would share one reference-counted message
// among all threads that hit it.
struct PhoneResult {
  bool ok = false;
  std::string text;  // the E.164 form when ok, else why it is not a number
};

class PhoneCache {
 public:
  // A cache of at most `capacity` entries; `capacity` must be at least 1.
  explicit PhoneCache(size_t capacity);
  // Not copyable or movable: shards hold mutexes.
  PhoneCache(const PhoneCache&) = delete;
  PhoneCache& operator=(const PhoneCache&) = delete;

  // Lookup: sets `*result` and returns true when `key` is cached.
  bool Lookup(std::string_view key, PhoneResult* result);

  // Insert: caches `result` under `key`.
  void Insert(std::string_view key, const PhoneResult& result);

  // size: entries held now, at most the capacity.
  size_t size() const;

 private:
  // A key with its hash, computed once an operation: the shard is chosen
  // by the hash's top bits and the shard's maps look it up by all of it.
  struct Hashed {
    std::string_view key;
    size_t hash;
  };
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const;
    size_t operator()(const Hashed& key) const { return key.hash; }
  };
  struct KeyEq {
    using is_transparent = void;
    static std::string_view View(std::string_view key) { return key; }
    static std::string_view View(const Hashed& key) { return key.key; }
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return View(a) == View(b);
    }
  };
  using Map = absl::flat_hash_map<std::string, PhoneResult, KeyHash, KeyEq>;
  struct Shard {
    mutable util::Mutex mu;
    Map recent ABSL_GUARDED_BY(mu);
    Map older ABSL_GUARDED_BY(mu);
  };

  Shard& ShardFor(const Hashed& key);
  // Makes room in `shard.recent` for one more entry, rotating the
  // generations if it is full.
  void MakeRoom(Shard& shard) ABSL_EXCLUSIVE_LOCKS_REQUIRED(shard.mu);

  size_t shard_count_;
  // Entries per generation in one shard.
  size_t generation_limit_;
  // False when a shard holds a single entry: there is no room for two
  // generations, so a rotation drops the old one.
  bool keep_older_;
  std::unique_ptr<Shard[]> shards_;
};

}  // namespace identity_internal
}  // namespace threadline

#endif  // THREADLINE_SRC_IDENTITY_PHONE_CACHE_H_
