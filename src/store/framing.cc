// File: framing.cc
// Encoding and decoding of the journal's headers and records.
#include "store/framing.h"

#include <cstring>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

// The streaming XXH3 state lives on the stack: no allocation per record.
#define XXH_STATIC_LINKING_ONLY
#include "xxhash.h"

namespace threadline::store {
namespace {

constexpr std::string_view kEventsMagic = "TLEVENTS";
constexpr std::string_view kSnapshotMagic = "TLSNAPSH";
constexpr uint32_t kMoreBit = 0x80000000u;

void Put32(uint32_t v, char* p) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<char>(v >> (8 * i));
}
void Put64(uint64_t v, char* p) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<char>(v >> (8 * i));
}
uint32_t Get32(const char* p) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}
uint64_t Get64(const char* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

// RecordChecksum: XXH3 over the length word and sequence (the first 12
// bytes of the header, as stored) and the payload.
uint64_t RecordChecksum(const char* header, std::string_view payload) {
  XXH3_state_t state;
  XXH3_64bits_reset(&state);
  XXH3_64bits_update(&state, header, 12);
  XXH3_64bits_update(&state, payload.data(), payload.size());
  return XXH3_64bits_digest(&state);
}

uint64_t SnapshotChecksum(const char* header, std::string_view data) {
  XXH3_state_t state;
  XXH3_64bits_reset(&state);
  XXH3_64bits_update(&state, header, 32);
  XXH3_64bits_update(&state, data.data(), data.size());
  return XXH3_64bits_digest(&state);
}

absl::Status Damaged(const std::string& path, uint64_t offset,
                     std::string_view what) {
  return absl::DataLossError(
      absl::StrCat(path, " at byte ", offset, ": ", std::string(what)));
}

}  // namespace

std::string EncodeEventsHeader(uint64_t base_sequence) {
  std::string header(kEventsHeaderSize, '\0');
  std::memcpy(header.data(), kEventsMagic.data(), 8);
  Put32(kFormatVersion, header.data() + 8);
  Put32(0, header.data() + 12);
  Put64(base_sequence, header.data() + 16);
  Put64(XXH3_64bits(header.data(), 24), header.data() + 24);
  return header;
}

absl::StatusOr<uint64_t> DecodeEventsHeader(std::string_view file,
                                            const std::string& path) {
  if (file.size() < kEventsHeaderSize) {
    return Damaged(path, 0,
                   absl::StrCat("the events file is ", file.size(),
                                " bytes, shorter than its ", kEventsHeaderSize,
                                "-byte header"));
  }
  if (file.substr(0, 8) != kEventsMagic) {
    return Damaged(path, 0, "not a threadline events file (bad magic)");
  }
  if (Get64(file.data() + 24) != XXH3_64bits(file.data(), 24)) {
    return Damaged(path, 24, "events file header checksum mismatch");
  }
  uint32_t version = Get32(file.data() + 8);
  if (version != kFormatVersion) {
    return Damaged(path, 8,
                   absl::StrCat("events file format version ", version,
                                ", this build reads version ", kFormatVersion));
  }
  return Get64(file.data() + 16);
}

void AppendRecord(uint64_t sequence, std::string_view payload, bool more,
                  std::string* out) {
  size_t at = out->size();
  out->resize(at + kRecordHeaderSize);
  char* header = out->data() + at;
  Put32(static_cast<uint32_t>(payload.size()) | (more ? kMoreBit : 0), header);
  Put64(sequence, header + 4);
  Put64(RecordChecksum(header, payload), header + 12);
  out->append(payload.data(), payload.size());
}

FrameResult DecodeFrame(std::string_view bytes, Frame* frame) {
  if (bytes.size() < kRecordHeaderSize) return FrameResult::kIncomplete;
  const char* header = bytes.data();
  uint32_t word = Get32(header);
  size_t length = word & ~kMoreBit;
  if (bytes.size() - kRecordHeaderSize < length) {
    return FrameResult::kIncomplete;
  }
  std::string_view payload = bytes.substr(kRecordHeaderSize, length);
  if (Get64(header + 12) != RecordChecksum(header, payload)) {
    return FrameResult::kBadChecksum;
  }
  frame->sequence = Get64(header + 4);
  frame->more = (word & kMoreBit) != 0;
  frame->payload = payload;
  frame->size = kRecordHeaderSize + length;
  return FrameResult::kOk;
}

void PeekRecordHeader(const char* header, uint64_t* sequence,
                      uint64_t* payload_length) {
  *payload_length = Get32(header) & ~kMoreBit;
  *sequence = Get64(header + 4);
}

uint64_t FramedLength(std::string_view bytes) {
  if (bytes.size() < 4) return kRecordHeaderSize;
  return kRecordHeaderSize + (Get32(bytes.data()) & ~kMoreBit);
}

std::string SnapshotFileName(uint64_t sequence) {
  return absl::StrFormat("snapshot-%020d", sequence);
}

bool ParseSnapshotFileName(std::string_view name, uint64_t* sequence) {
  constexpr std::string_view kPrefix = "snapshot-";
  if (name.size() != kPrefix.size() + 20 || name.substr(0, 9) != kPrefix) {
    return false;
  }
  std::string digits(name.substr(kPrefix.size()));
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
  }
  return absl::SimpleAtoi(digits, sequence);
}

std::string EncodeSnapshotHeader(const StoredSnapshot& snapshot) {
  std::string header(kSnapshotHeaderSize, '\0');
  std::memcpy(header.data(), kSnapshotMagic.data(), 8);
  Put32(kFormatVersion, header.data() + 8);
  Put32(0, header.data() + 12);
  Put64(snapshot.sequence, header.data() + 16);
  Put64(snapshot.data.size(), header.data() + 24);
  Put64(SnapshotChecksum(header.data(), snapshot.data), header.data() + 32);
  return header;
}

absl::StatusOr<StoredSnapshot> DecodeSnapshot(std::string_view file,
                                              const std::string& path) {
  if (file.size() < kSnapshotHeaderSize) {
    return Damaged(path, 0,
                   absl::StrCat("the snapshot file is ", file.size(),
                                " bytes, shorter than its header"));
  }
  if (file.substr(0, 8) != kSnapshotMagic) {
    return Damaged(path, 0, "not a threadline snapshot file (bad magic)");
  }
  uint32_t version = Get32(file.data() + 8);
  uint64_t length = Get64(file.data() + 24);
  if (length != file.size() - kSnapshotHeaderSize) {
    return Damaged(path, 24,
                   absl::StrCat("the header says ", length,
                                " bytes of data, the file holds ",
                                file.size() - kSnapshotHeaderSize));
  }
  std::string_view data = file.substr(kSnapshotHeaderSize);
  if (Get64(file.data() + 32) != SnapshotChecksum(file.data(), data)) {
    return Damaged(path, 32, "snapshot checksum mismatch");
  }
  if (version != kFormatVersion) {
    return Damaged(path, 8,
                   absl::StrCat("snapshot format version ", version,
                                ", this build reads version ", kFormatVersion));
  }
  StoredSnapshot snapshot;
  snapshot.sequence = Get64(file.data() + 16);
  snapshot.data = std::string(data);
  return snapshot;
}

}  // namespace threadline::store
