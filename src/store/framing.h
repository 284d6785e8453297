// File: framing.h
// The journal's on-disk formats. All integers are little-endian; all
// checksums are XXH3-64 (xxHash).
//
// events file:
//   header (32 bytes): "TLEVENTS" | u32 version (1) | u32 0 |
//                      u64 base sequence (the first record is base + 1) |
//                      u64 XXH3 of the preceding 24 bytes
//   records, back to back:
//     u32 length word | u64 sequence | u64 checksum | payload
//   then zeros to the end of the file (space written ahead; none once the
//   journal was closed).
//   The length word's low 31 bits are the payload's length; its top bit says
//   more records of the same Append follow, so recovery can drop a batch
//   that was cut short as a whole. The checksum is XXH3 over the length word,
//   the sequence and the payload (in that order).
//
// snapshot file (snapshot-<20-digit sequence>):
//   header (40 bytes): "TLSNAPSH" | u32 version (1) | u32 0 | u64 sequence |
//                      u64 data length | u64 XXH3 over the first 32 header
//                      bytes and the data
//   data
//
// Thread-safe: pure functions.
#ifndef THREADLINE_SRC_STORE_FRAMING_H_
#define THREADLINE_SRC_STORE_FRAMING_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "threadline/store.h"

namespace threadline::store {

inline constexpr uint32_t kFormatVersion = 1;
inline constexpr size_t kEventsHeaderSize = 32;
inline constexpr size_t kRecordHeaderSize = 20;
inline constexpr size_t kSnapshotHeaderSize = 40;
// The longest payload a record can hold (the length word keeps one bit).
inline constexpr uint32_t kMaxPayload = 0x7fffffffu;

// EncodeEventsHeader: the header of an events file whose first record will
// be `base_sequence` + 1.
std::string EncodeEventsHeader(uint64_t base_sequence);

// DecodeEventsHeader: the base sequence; DataLoss naming `path` and the byte
// offset when `file` does not start with a valid header.
[[nodiscard]] absl::StatusOr<uint64_t> DecodeEventsHeader(
    std::string_view file, const std::string& path);

// AppendRecord: appends one framed record to `out`. `more`: further records
// of the same Append follow this one.
void AppendRecord(uint64_t sequence, std::string_view payload, bool more,
                  std::string* out);

// Frame: one record decoded in place.
struct Frame {
  uint64_t sequence = 0;
  bool more = false;
  std::string_view payload;  // points into the decoded bytes
  size_t size = 0;           // header and payload
};

enum class FrameResult {
  kOk,
  kIncomplete,   // the bytes end before the record does
  kBadChecksum,  // the record is complete but its checksum does not match
};

// DecodeFrame: decodes the record at the start of `bytes`.
FrameResult DecodeFrame(std::string_view bytes, Frame* frame);

// PeekRecordHeader: the sequence and payload length a record header (at
// least kRecordHeaderSize bytes) claims, unchecked.
void PeekRecordHeader(const char* header, uint64_t* sequence,
                      uint64_t* payload_length);

// FramedLength: the length a record's header claims, header included (for
// messages about incomplete records).
uint64_t FramedLength(std::string_view bytes);

// SnapshotFileName: "snapshot-00000000000000000042".
std::string SnapshotFileName(uint64_t sequence);

// ParseSnapshotFileName: the sequence in a snapshot file's name, or false
// when `name` is not one.
bool ParseSnapshotFileName(std::string_view name, uint64_t* sequence);

// EncodeSnapshotHeader: the header to write before `snapshot.data`.
std::string EncodeSnapshotHeader(const StoredSnapshot& snapshot);

// DecodeSnapshot: the snapshot in `file`; DataLoss naming `path` and the
// byte offset when it is damaged.
[[nodiscard]] absl::StatusOr<StoredSnapshot> DecodeSnapshot(
    std::string_view file, const std::string& path);

}  // namespace threadline::store

#endif  // THREADLINE_SRC_STORE_FRAMING_H_
