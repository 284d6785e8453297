// ValidNumbers answers as PhonePlan::IsValidNumber does, whatever it has
// remembered or forgotten: numbers sharing a word, numbers it does not
// keep, two threads at once.
#include "identity/valid_numbers.h"

#include <cstdint>
#include <random>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "identity/phone_plan.h"

namespace threadline {
namespace identity_internal {
namespace {

using PhoneNumber = PhonePlan::PhoneNumber;

PhoneNumber Number(int code, uint64_t national, int zeros = 0) {
  PhoneNumber number;
  number.set_country_code(code);
  number.set_national_number(national);
  if (zeros > 0) {
    number.set_italian_leading_zero(true);
    number.set_number_of_leading_zeros(zeros);
  }
  return number;
}

// Valid and invalid numbers of a few countries, numbers that share a word
// of the table (the same low 16 bits), and numbers it does not keep.
std::vector<PhoneNumber> Numbers() {
  std::vector<PhoneNumber> numbers = {
      Number(1, 6465550134),
      Number(1, 8005550199),
      Number(1, 1234567890),
      Number(57, 3001234567),
      Number(57, 6015550199),
      Number(34, 665112400),
      Number(52, 5512345678),
      Number(55, 11987654321),
      Number(39, 612345678, 1),
      Number(39, 212345678, 1),
      Number(44, 2079460958),
      Number(999, 12345),
      Number(1, uint64_t{1} << 60),
      Number(2000, 12345),
      Number(1, 6465550134 + (uint64_t{1} << 16)),
      Number(57, 3001234567 + (uint64_t{1} << 16)),
  };
  std::mt19937_64 random(9);
  for (int i = 0; i < 2000; ++i) {
    const int codes[] = {1, 57, 34, 52, 44, 55};
    numbers.push_back(
        Number(codes[random() % 6], 1000000000 + random() % 9000000000));
  }
  return numbers;
}

TEST(ValidNumbersTest, AnswersAsThePlan) {
  const PhonePlan& plan = PhonePlan::Get();
  const ValidNumbers valid;
  const std::vector<PhoneNumber> numbers = Numbers();
  // Three rounds: first sight, remembered, and after others took words.
  for (int round = 0; round < 3; ++round) {
    for (const PhoneNumber& number : numbers) {
      EXPECT_EQ(valid.IsValid(plan, number), plan.IsValidNumber(number))
          << number.country_code() << " " << number.national_number();
    }
  }
}

TEST(ValidNumbersTest, TwoThreads) {
  const PhonePlan& plan = PhonePlan::Get();
  const ValidNumbers valid;
  const std::vector<PhoneNumber> numbers = Numbers();
  std::vector<bool> expected;
  for (const PhoneNumber& number : numbers) {
    expected.push_back(plan.IsValidNumber(number));
  }
  int wrong[2] = {0, 0};
  const auto work = [&](int thread) {
    for (int round = 0; round < 5; ++round) {
      for (size_t i = 0; i < numbers.size(); ++i) {
        const size_t k = thread == 0 ? i : numbers.size() - 1 - i;
        if (valid.IsValid(plan, numbers[k]) != expected[k]) ++wrong[thread];
      }
    }
  };
  std::thread a(work, 0);
  std::thread b(work, 1);
  a.join();
  b.join();
  EXPECT_EQ(wrong[0], 0);
  EXPECT_EQ(wrong[1], 0);
}

}  // namespace
}  // namespace identity_internal
}  // namespace threadline
