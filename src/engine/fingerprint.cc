#include "engine/fingerprint.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>

#include "absl/time/time.h"
#include "xxhash.h"

namespace threadline::engine {
namespace {

// The fields in a fixed layout: strings as a 4-byte little-endian length
// and their bytes, numbers as 8 little-endian bytes. Written in one pass
// into a buffer sized once.
class Encoder {
 public:
  explicit Encoder(char* out) : out_(out) {}
  static size_t IntSize() { return 8; }
  static size_t StrSize(std::string_view s) { return 4 + s.size(); }
  void Int(int64_t v) {
    const uint64_t u = static_cast<uint64_t>(v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    // One store: the compiler wrote the loop below a byte at a time.
    std::memcpy(out_, &u, sizeof u);
    out_ += sizeof u;
#else
    for (int i = 0; i < 8; ++i) *out_++ = static_cast<char>((u >> (8 * i)) & 0xff);
#endif
  }
  void Str(std::string_view s) {
    const uint32_t n = static_cast<uint32_t>(s.size());
    for (int i = 0; i < 4; ++i) *out_++ = static_cast<char>((n >> (8 * i)) & 0xff);
    if (!s.empty()) std::memcpy(out_, s.data(), s.size());
    out_ += s.size();
  }
  const char* end() const { return out_; }

 private:
  char* out_;
};

}  // namespace

uint64_t Digest(const Interaction& in) {
  // The text, by far the longest field, is hashed where it lies and only
  // its hash written: copying it into the buffer cost more than hashing.
  const uint64_t text_hash = XXH3_64bits(in.text.data(), in.text.size());
  const std::string* const texts[] = {
      &in.reply_to, &in.thread_id, &in.external_ref, &in.topic,
      &in.agent_id, &in.language, &in.region, &in.display_name};
  size_t size = Encoder::StrSize(in.id) + 5 * Encoder::IntSize() +
                Encoder::StrSize(in.contact.value) + 3 * Encoder::IntSize();
  for (const Identity& id : in.identities) {
    size += Encoder::IntSize() + Encoder::StrSize(id.value);
  }
  for (const std::string* s : texts) size += Encoder::StrSize(*s);
  // One buffer per thread: Prepare runs on many threads at once.
  thread_local std::string buffer;
  if (buffer.size() < size) buffer.resize(std::max(size, 2 * buffer.size()));
  Encoder e(buffer.data());
  e.Str(in.id);
  e.Int(absl::ToUnixNanos(in.occurred_at));
  e.Int(static_cast<int>(in.channel));
  e.Int(static_cast<int>(in.direction));
  e.Int(static_cast<int>(in.contact.kind));
  e.Str(in.contact.value);
  e.Int(static_cast<int64_t>(in.identities.size()));
  for (const Identity& id : in.identities) {
    e.Int(static_cast<int>(id.kind));
    e.Str(id.value);
  }
  e.Int(static_cast<int64_t>(in.text.size()));
  e.Int(static_cast<int64_t>(text_hash));
  for (const std::string* s : texts) e.Str(*s);
  e.Int(static_cast<int>(in.disposition));
  return XXH3_64bits(buffer.data(), static_cast<size_t>(e.end() - buffer.data()));
}

uint64_t LegacyFingerprint(const Interaction& in) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  };
  auto mix_int = [&mix](int64_t v) {
    mix(std::string_view(reinterpret_cast<const char*>(&v), sizeof v));
  };
  mix(in.id);
  mix_int(absl::ToUnixNanos(in.occurred_at));
  mix_int(static_cast<int>(in.channel));
  mix_int(static_cast<int>(in.direction));
  mix_int(static_cast<int>(in.contact.kind));
  mix(in.contact.value);
  for (const Identity& id : in.identities) {
    mix_int(static_cast<int>(id.kind));
    mix(id.value);
  }
  for (const std::string* s :
       {&in.text, &in.reply_to, &in.thread_id, &in.external_ref, &in.topic,
        &in.agent_id, &in.language, &in.region, &in.display_name}) {
    mix(*s);
  }
  mix_int(static_cast<int>(in.disposition));
  return h;
}


}  // namespace threadline::engine
