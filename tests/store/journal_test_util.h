// File: journal_test_util.h
// Helpers for the store tests: scratch directories on the real disk, event
// factories, loading a store into vectors or until a callback fails, and raw
// file access for cutting and damaging journals the way crashes and bad
// disks do.
#ifndef THREADLINE_TESTS_STORE_JOURNAL_TEST_UTIL_H_
#define THREADLINE_TESTS_STORE_JOURNAL_TEST_UTIL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "threadline/store.h"

namespace threadline::testing_util {

// ScratchDir: a fresh directory under the working directory (the build
// tree, on a real disk), removed with everything in it when destroyed.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Event: event `sequence` with a payload of `size` bytes starting with
// `marker`, the rest derived from the sequence.
StoredEvent Event(uint64_t sequence, const std::string& marker = "event",
                  size_t size = 100);

// Events: `count` events from `first` on.
std::vector<StoredEvent> Events(uint64_t first, size_t count,
                                const std::string& marker = "event",
                                size_t size = 100);

// Loaded: everything Store::Load handed out.
struct Loaded {
  absl::StatusOr<LoadReport> report;
  std::optional<StoredSnapshot> snapshot;
  std::vector<StoredEvent> events;
};
Loaded LoadAll(Store& store);

// LoadCancelledAt: what Store::Load of `store` returns when its event
// callback fails (Cancelled) on event `sequence`; `*seen` counts the events
// the callback was handed.
absl::StatusOr<LoadReport> LoadCancelledAt(Store& store, uint64_t sequence,
                                           int* seen);

// Equal: same sequences and data.
bool Equal(const std::vector<StoredEvent>& a, const std::vector<StoredEvent>& b);

std::string ReadFileOrDie(const std::string& path);
void WriteFileOrDie(const std::string& path, const std::string& bytes);
// CopyDir: copies the regular files of `from` into a fresh `to`.
void CopyDir(const std::string& from, const std::string& to);
// FilesIn: the regular files of `dir`, with their paths.
std::vector<std::string> FilesIn(const std::string& dir);

}  // namespace threadline::testing_util

#endif  // THREADLINE_TESTS_STORE_JOURNAL_TEST_UTIL_H_
