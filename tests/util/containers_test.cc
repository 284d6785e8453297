#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "util/chunked_vector.h"
#include "util/ordinal_index.h"
#include "util/string_arena.h"
#include "util/string_lists.h"
#include "util/string_map.h"

namespace threadline::util {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

TEST(ChunkedVectorTest, GrowsAcrossChunksAndKeepsReferences) {
  ChunkedVector<int, 4> v;
  v.push_back(0);
  int* first = &v[0];
  for (int i = 1; i < 10; ++i) v.push_back(i);
  EXPECT_EQ(first, &v[0]);  // never moved by growth
  ASSERT_EQ(v.size(), 10u);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(v[i], i);
  EXPECT_EQ(v.back(), 9);
  EXPECT_EQ(v.capacity_bytes(), 3 * 4 * sizeof(int));
}

TEST(StringArenaTest, HoldsSmallAndHugeStringsAndWipesThem) {
  StringArena arena;
  const std::string huge(1 << 20, 'x');
  StringArena::Ref a = arena.Append("tw-1", "hello");
  StringArena::Ref b = arena.Append(huge);
  StringArena::Ref c = arena.Append("", "");
  EXPECT_EQ(arena.Get(a, 9), "tw-1hello");
  EXPECT_EQ(arena.Get(b, huge.size()), huge);
  EXPECT_EQ(arena.Get(c, 0), "");
  arena.Wipe(a, 9);
  EXPECT_EQ(arena.Get(a, 9), std::string(9, '\0'));
  EXPECT_EQ(arena.Get(b, 4), "xxxx");  // the others are untouched
}

TEST(StringMapTest, SetFindOverwriteEraseAndList) {
  StringMap<uint32_t> map;
  map.Set("thread-b", 2);
  map.Set("thread-a", 1);
  map.Set("thread-b", 3);
  ASSERT_NE(map.Find("thread-b"), nullptr);
  EXPECT_EQ(*map.Find("thread-b"), 3u);
  EXPECT_EQ(map.Find("thread-c"), nullptr);
  EXPECT_EQ(map.size(), 2u);
  EXPECT_THAT(map.Sorted(), ElementsAre(Pair("thread-a", 1u), Pair("thread-b", 3u)));

  StringMap<uint32_t> moved = std::move(map);
  EXPECT_EQ(*moved.Find("thread-a"), 1u);
  moved.EraseIf([](uint32_t v) { return v == 1; });
  EXPECT_EQ(moved.Find("thread-a"), nullptr);
  moved.Set("thread-a", 4);
  EXPECT_EQ(*moved.Find("thread-a"), 4u);
}

TEST(OrdinalIndexTest, FindsKeysThatShareAHashAndKeepsThemThroughGrowth) {
  std::vector<std::string> keys;
  OrdinalIndex index;
  int asked = 0;
  auto find = [&](std::string_view key, uint32_t hash) {
    return index.Find(hash, [&](uint32_t o) {
      ++asked;
      return keys[o] == key;
    });
  };
  // Keys filed under one hash are told apart by the caller.
  for (const char* k : {"alpha", "beta", "gamma"}) {
    index.Insert(static_cast<uint32_t>(keys.size()), 7);
    keys.emplace_back(k);
  }
  EXPECT_EQ(find("beta", 7), 1);
  EXPECT_EQ(find("delta", 7), -1);
  // Another hash never asks the caller about the keys filed under 7.
  asked = 0;
  EXPECT_EQ(find("beta", 8), -1);
  EXPECT_EQ(asked, 0);

  index.Erase(1, 7);
  EXPECT_EQ(find("beta", 7), -1);
  EXPECT_EQ(find("gamma", 7), 2);

  // Growth keeps every key findable, by the hash filed with it.
  for (int i = 0; i < 100000; ++i) {
    const std::string key = "id-" + std::to_string(i);
    index.Insert(static_cast<uint32_t>(keys.size()), HashKey(key));
    keys.push_back(key);
  }
  EXPECT_EQ(index.size(), 100002u);
  EXPECT_EQ(find("id-31337", HashKey("id-31337")), 31337 + 3);
  EXPECT_EQ(find("id-100000", HashKey("id-100000")), -1);
  // The kind separates equal bytes of different kinds.
  EXPECT_NE(HashKey("+15551234567", 1), HashKey("+15551234567", 2));

  index.EraseIf([](uint32_t o) { return o < 3; });  // alpha, gamma
  EXPECT_EQ(find("gamma", 7), -1);
  size_t listed = 0;
  index.ForEach([&](uint32_t) { ++listed; });
  EXPECT_EQ(listed, 100000u);
}

TEST(StringListsTest, DistinctStringsPerOwnerInOrder) {
  StringLists lists;
  lists.Add(3, "Grace Clark");
  lists.Add(3, "G. Clark");
  lists.Add(3, "Grace Clark");
  lists.Add(0, "Ann");
  EXPECT_THAT(lists.Get(3), ElementsAre("Grace Clark", "G. Clark"));
  EXPECT_THAT(lists.Get(0), ElementsAre("Ann"));
  EXPECT_THAT(lists.Get(1), IsEmpty());
  EXPECT_THAT(lists.Get(99), IsEmpty());
  EXPECT_TRUE(lists.Empty(1));
  lists.Erase(3);
  EXPECT_TRUE(lists.Empty(3));
  EXPECT_THAT(lists.Get(3), IsEmpty());
  EXPECT_EQ(lists.owner_limit(), 4u);
}

}  // namespace
}  // namespace threadline::util
