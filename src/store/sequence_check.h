// File: sequence_check.h
// The checks every Store makes on what it is given, so the memory store and
// the journal answer the same mistakes with the same codes.
//
// Thread-safe: pure functions.
#ifndef THREADLINE_SRC_STORE_SEQUENCE_CHECK_H_
#define THREADLINE_SRC_STORE_SEQUENCE_CHECK_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "threadline/store.h"

namespace threadline::store {

// CheckFollowOn: OK when `events` are last + 1, last + 2, …. Aborted when the
// first sequence is already taken (another writer appended first),
// InvalidArgument for a gap or a record longer than `max_payload`. `where`
// (the store's Describe()) starts the message.
[[nodiscard]] absl::Status CheckFollowOn(const std::vector<StoredEvent>& events,
                                         uint64_t last, uint64_t max_payload,
                                         const std::string& where);

// CheckSnapshot: OK when a snapshot at `snapshot.sequence` may be written to
// a store whose newest snapshot is at `current` and whose last event is
// `last`; InvalidArgument naming the rule otherwise.
[[nodiscard]] absl::Status CheckSnapshot(const StoredSnapshot& snapshot,
                                         uint64_t current, uint64_t last,
                                         const std::string& where);

// CheckTicket: OK when `ticket` was issued by a store whose last event is
// `last`; InvalidArgument otherwise.
[[nodiscard]] absl::Status CheckTicket(uint64_t ticket, uint64_t last,
                                       const std::string& where);

}  // namespace threadline::store

#endif  // THREADLINE_SRC_STORE_SEQUENCE_CHECK_H_
