// File: journal_test_util.cc
#include "journal_test_util.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>


namespace threadline::testing_util {

ScratchDir::ScratchDir() {
  std::string pattern = (std::filesystem::current_path() / "store_test.XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed for " + pattern);
  }
  path_ = pattern;
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

StoredEvent Event(uint64_t sequence, const std::string& marker, size_t size) {
  StoredEvent event;
  event.sequence = sequence;
  event.data = marker + "#" + std::to_string(sequence) + ":";
  while (event.data.size() < size) {
    event.data.push_back(static_cast<char>('a' + (event.data.size() * 7 + sequence) % 26));
  }
  return event;
}

std::vector<StoredEvent> Events(uint64_t first, size_t count,
                                const std::string& marker, size_t size) {
  std::vector<StoredEvent> events;
  for (size_t i = 0; i < count; ++i) events.push_back(Event(first + i, marker, size));
  return events;
}

Loaded LoadAll(Store& store) {
  Loaded loaded;
  loaded.report = store.Load(
      [&](const StoredSnapshot& snapshot) {
        loaded.snapshot = snapshot;
        return absl::OkStatus();
      },
      [&](const StoredEvent& event) {
        loaded.events.push_back(event);
        return absl::OkStatus();
      });
  return loaded;
}

absl::StatusOr<LoadReport> LoadCancelledAt(Store& store, uint64_t sequence,
                                           int* seen) {
  *seen = 0;
  return store.Load(
      [](const StoredSnapshot&) { return absl::OkStatus(); },
      [&](const StoredEvent& event) {
        ++*seen;
        return event.sequence == sequence ? absl::CancelledError("enough")
                                          : absl::OkStatus();
      });
}

bool Equal(const std::vector<StoredEvent>& a, const std::vector<StoredEvent>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].sequence != b[i].sequence || a[i].data != b[i].data) return false;
  }
  return true;
}

std::string ReadFileOrDie(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteFileOrDie(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path);
}

void CopyDir(const std::string& from, const std::string& to) {
  std::filesystem::remove_all(to);
  std::filesystem::create_directories(to);
  for (const auto& entry : std::filesystem::directory_iterator(from)) {
    if (entry.is_regular_file()) {
      std::filesystem::copy_file(entry.path(),
                                 std::filesystem::path(to) / entry.path().filename());
    }
  }
}

std::vector<std::string> FilesIn(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path().string());
  }
  return files;
}

}  // namespace threadline::testing_util
