// ValidNumbers: PhonePlan::IsValidNumber's recent answers. Internal to
// src/identity.
//
// A number is asked about again and again: in each of the forms a
// customer's number arrives in, and each time a text quotes it (a hotline
// in thousands of messages). An answer costs two or more pattern searches;
// remembering it costs one word. The answers sit in a fixed table of 64-bit
// words, each holding the calling code, the national number (less the bits
// that chose the word) and the answer, so reading and writing one is a
// single atomic operation: no lock, and a word overwritten by another
// number is only an answer forgotten.
//
// Thread-safe.
#ifndef THREADLINE_SRC_IDENTITY_VALID_NUMBERS_H_
#define THREADLINE_SRC_IDENTITY_VALID_NUMBERS_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "identity/phone_plan.h"

namespace threadline {
namespace identity_internal {

class ValidNumbers {
 public:
  ValidNumbers();
  // Not copyable or movable: the table is shared by the threads using it.
  ValidNumbers(const ValidNumbers&) = delete;
  ValidNumbers& operator=(const ValidNumbers&) = delete;

  // IsValid: plan.IsValidNumber(number), remembered.
  bool IsValid(const PhonePlan& plan,
               const PhonePlan::PhoneNumber& number) const;

  // Words in the table (512 KiB): more than the distinct numbers a busy
  // day brings, so a number asked about again is rarely forgotten.
  static constexpr size_t kWords = size_t{1} << 16;

 private:
  std::unique_ptr<std::atomic<uint64_t>[]> words_;
};

}  // namespace identity_internal
}  // namespace threadline

#endif  // THREADLINE_SRC_IDENTITY_VALID_NUMBERS_H_
