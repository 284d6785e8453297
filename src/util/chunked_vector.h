// ChunkedVector: a vector that grows by fixed chunks, for state that grows
// with every interaction and customer (millions of records).
//
// std::vector doubles its capacity and copies everything when it grows: at
// ten million records up to half its memory is spare capacity, and one
// push_back may copy gigabytes while the engine's lock is held. Here a full
// chunk is never moved, references stay valid, and at most one chunk is
// partly empty.
//
// Thread-compatible.
#ifndef THREADLINE_SRC_UTIL_CHUNKED_VECTOR_H_
#define THREADLINE_SRC_UTIL_CHUNKED_VECTOR_H_

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

namespace threadline::util {

// `T` must be default-constructible; `kChunk` (elements per chunk) a power
// of two.
template <typename T, size_t kChunk = 4096>
class ChunkedVector {
  static_assert((kChunk & (kChunk - 1)) == 0, "kChunk must be a power of two");

 public:
  ChunkedVector() = default;
  ChunkedVector(ChunkedVector&&) noexcept = default;
  ChunkedVector& operator=(ChunkedVector&&) noexcept = default;

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  T& operator[](size_t i) { return chunks_[i / kChunk][i % kChunk]; }
  const T& operator[](size_t i) const { return chunks_[i / kChunk][i % kChunk]; }
  T& back() { return (*this)[size_ - 1]; }
  const T& back() const { return (*this)[size_ - 1]; }

  // emplace_back: a default-constructed element at the end, returned.
  T& emplace_back() {
    if (size_ % kChunk == 0) chunks_.push_back(std::make_unique<T[]>(kChunk));
    return (*this)[size_++];
  }
  void push_back(T value) { emplace_back() = std::move(value); }
  // GrowTo: at least `n` elements, the new ones `fill` (tables indexed by
  // an ordinal that may skip ahead).
  void GrowTo(size_t n, const T& fill) {
    while (size_ < n) emplace_back() = fill;
  }

  // Bytes held, for memory accounting.
  size_t capacity_bytes() const { return chunks_.size() * kChunk * sizeof(T); }

 private:
  std::vector<std::unique_ptr<T[]>> chunks_;
  size_t size_ = 0;
};

}  // namespace threadline::util

#endif  // THREADLINE_SRC_UTIL_CHUNKED_VECTOR_H_
