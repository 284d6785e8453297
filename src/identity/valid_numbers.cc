#include "identity/valid_numbers.h"

#include <atomic>
#include <cstdint>
#include <memory>

namespace threadline {
namespace identity_internal {
namespace {

// A word: bit 49 set when it holds an answer, bit 48 the answer, bits
// 38-47 the calling code, bits 0-37 the national number without its low
// 16 bits, which chose the word. Numbers that do not fit (an Italian
// leading zero, which the national number alone does not show, a calling
// code above 1023, more than 16 digits) are not remembered.
constexpr int kIndexBits = 16;
static_assert(ValidNumbers::kWords == size_t{1} << kIndexBits);
constexpr int kNationalBits = 54;
constexpr int kCodeShift = kNationalBits - kIndexBits;
constexpr int kCodeBits = 10;
constexpr uint64_t kValid = uint64_t{1} << (kCodeShift + kCodeBits);
constexpr uint64_t kHeld = kValid << 1;

}  // namespace

ValidNumbers::ValidNumbers()
    : words_(std::make_unique<std::atomic<uint64_t>[]>(kWords)) {}

bool ValidNumbers::IsValid(const PhonePlan& plan,
                           const PhonePlan::PhoneNumber& number) const {
  const uint64_t national = number.national_number();
  const int code = number.country_code();
  if (number.italian_leading_zero() || code < 0 || code >> kCodeBits != 0 ||
      national >> kNationalBits != 0) {
    return plan.IsValidNumber(number);
  }
  const uint64_t held = kHeld | (national >> kIndexBits) |
                        static_cast<uint64_t>(code) << kCodeShift;
  std::atomic<uint64_t>& word = words_[national & (kWords - 1)];
  const uint64_t seen = word.load(std::memory_order_relaxed);
  if ((seen & ~kValid) == held) return (seen & kValid) != 0;
  const bool valid = plan.IsValidNumber(number);
  word.store(held | (valid ? kValid : 0), std::memory_order_relaxed);
  return valid;
}

}  // namespace identity_internal
}  // namespace threadline
