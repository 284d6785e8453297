// File: store.cc
// The Store base and the checks its implementations share.
#include "threadline/store.h"

#include "absl/strings/str_cat.h"
#include "store/sequence_check.h"

namespace threadline {

Store::~Store() = default;

namespace store {

absl::Status CheckFollowOn(const std::vector<StoredEvent>& events,
                           uint64_t last, uint64_t max_payload,
                           const std::string& where) {
  if (events.empty()) return absl::OkStatus();
  const uint64_t first = events.front().sequence;
  if (first <= last) {
    return absl::AbortedError(absl::StrCat(
        where, ": event sequence ", first, " is already taken (the store holds ",
        "events up to ", last, "); another writer appended first"));
  }
  for (size_t i = 0; i < events.size(); ++i) {
    const uint64_t expected = last + 1 + i;
    if (events[i].sequence != expected) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ": events[", i, "].sequence is ", events[i].sequence,
          ", expected ", expected, " (sequences follow on from ", last,
          " without gaps)"));
    }
    if (events[i].data.size() > max_payload) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ": event ", events[i].sequence, " is ",
          events[i].data.size(), " bytes, above the limit of ", max_payload));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckSnapshot(const StoredSnapshot& snapshot, uint64_t current,
                           uint64_t last, const std::string& where) {
  if (snapshot.sequence == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": snapshot sequence must be at least 1, got 0"));
  }
  if (snapshot.sequence > last) {
    return absl::InvalidArgumentError(absl::StrCat(
        where, ": snapshot sequence ", snapshot.sequence,
        " is after the last stored event ", last));
  }
  if (snapshot.sequence < current) {
    return absl::InvalidArgumentError(absl::StrCat(
        where, ": snapshot sequence ", snapshot.sequence,
        " is older than the stored snapshot at ", current));
  }
  return absl::OkStatus();
}

absl::Status CheckTicket(uint64_t ticket, uint64_t last,
                         const std::string& where) {
  if (ticket > last) {
    return absl::InvalidArgumentError(absl::StrCat(
        where, ": sync ticket ", ticket,
        " was never issued (the last appended event is ", last, ")"));
  }
  return absl::OkStatus();
}

}  // namespace store
}  // namespace threadline
