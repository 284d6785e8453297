#include "identity/phone_cache.h"

#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace threadline {
namespace identity_internal {
namespace {

std::string Key(int i) { return "\x01US\x1f" + std::to_string(i); }
std::string Value(int i) { return "+1646555" + std::to_string(1000 + i); }
PhoneResult Ok(int i) { return {true, Value(i)}; }

TEST(PhoneCacheTest, ReturnsWhatWasInserted) {
  PhoneCache cache(16);
  PhoneResult result;
  EXPECT_FALSE(cache.Lookup(Key(1), &result));
  cache.Insert(Key(1), Ok(1));
  ASSERT_TRUE(cache.Lookup(Key(1), &result));
  EXPECT_TRUE(result.ok);
  EXPECT_EQ(result.text, Value(1));
}

TEST(PhoneCacheTest, KeepsErrors) {
  PhoneCache cache(16);
  cache.Insert(Key(1), {false, "is not a phone number"});
  PhoneResult result;
  ASSERT_TRUE(cache.Lookup(Key(1), &result));
  EXPECT_FALSE(result.ok);
  EXPECT_EQ(result.text, "is not a phone number");
}

TEST(PhoneCacheTest, NeverHoldsMoreThanItsCapacity) {
  for (size_t capacity : {1u, 2u, 3u, 7u, 100u, 1024u, 5000u}) {
    PhoneCache cache(capacity);
    for (int i = 0; i < 20000; ++i) {
      cache.Insert(Key(i), Ok(i));
      ASSERT_LE(cache.size(), capacity) << "capacity " << capacity;
    }
    // The last value inserted is always there.
    PhoneResult result;
    ASSERT_TRUE(cache.Lookup(Key(19999), &result)) << capacity;
    EXPECT_EQ(result.text, Value(19999));
  }
}

TEST(PhoneCacheTest, UsedEntriesSurviveRotation) {
  PhoneCache cache(8);
  cache.Insert(Key(0), Ok(0));
  PhoneResult result;
  for (int i = 1; i < 1000; ++i) {
    cache.Insert(Key(i), Ok(i));
    ASSERT_TRUE(cache.Lookup(Key(0), &result)) << "lost after " << i;
    EXPECT_EQ(result.text, Value(0));
  }
  // An entry nobody asks for is gone after a few rotations.
  EXPECT_FALSE(cache.Lookup(Key(1), &result));
}

TEST(PhoneCacheTest, TwoThreads) {
  PhoneCache cache(64);
  const auto work = [&cache](int offset, int* wrong) {
    PhoneResult result;
    for (int round = 0; round < 200; ++round) {
      for (int i = 0; i < 100; ++i) {
        const int k = (i + offset) % 100;
        if (cache.Lookup(Key(k), &result)) {
          if (!result.ok || result.text != Value(k)) ++*wrong;
        } else {
          cache.Insert(Key(k), Ok(k));
        }
      }
    }
  };
  int wrong_a = 0;
  int wrong_b = 0;
  std::thread a(work, 0, &wrong_a);
  std::thread b(work, 50, &wrong_b);
  a.join();
  b.join();
  EXPECT_EQ(wrong_a, 0);
  EXPECT_EQ(wrong_b, 0);
  EXPECT_LE(cache.size(), 64u);
}

}  // namespace
}  // namespace identity_internal
}  // namespace threadline
