// What the differential tests of PhonePlan (phone_plan_test.cc) and of its
// matcher emulation (phone_matcher_test.cc) share: the engines they compare,
// the count of mismatches, and the regions each test shard covers. Each
// test keeps its own comparisons, seeds and region lists.
#ifndef THREADLINE_TESTS_IDENTITY_PHONE_DIFFERENTIAL_H_
#define THREADLINE_TESTS_IDENTITY_PHONE_DIFFERENTIAL_H_

#include <cstddef>
#include <string>
#include <vector>

#include "identity/phone.h"
#include "identity/phone_plan.h"
#include "phone_cases.h"

namespace threadline {
namespace identity_internal {
namespace testing_phone {

// Mismatches reported in full; the rest are counted.
constexpr int kReported = 20;

// The regions shard `shard` of `shards` covers: of the supported regions
// followed by "001" (the non-geographic calling codes), every `shards`-th
// from the `shard`-th. Shards run as separate tests, so ctest spreads them
// over the cores.
inline std::vector<std::string> ShardRegions(int shard, int shards) {
  std::vector<std::string> all = Regions();
  all.push_back("001");
  std::vector<std::string> own;
  for (size_t i = shard; i < all.size(); i += shards) own.push_back(all[i]);
  return own;
}

// The part of a differential harness that does not depend on what it
// compares: the plan and libphonenumber, a PhoneReader on each engine, and
// the count of mismatches.
class DifferentialHarness {
 public:
  int failures() const { return failures_; }

 protected:
  // Counts a mismatch: true while it is among the first kReported, which
  // the caller reports in full.
  bool CountFailure() { return ++failures_ <= kReported; }

  const PhonePlan& plan_ = PhonePlan::Get();
  const Util& util_ = *Util::GetInstance();
  const PhoneReader fast_{PhoneReader::Engine::kPlan};
  const PhoneReader pure_{PhoneReader::Engine::kLibphonenumber};

 private:
  int failures_ = 0;
};

}  // namespace testing_phone
}  // namespace identity_internal
}  // namespace threadline

#endif  // THREADLINE_TESTS_IDENTITY_PHONE_DIFFERENTIAL_H_
