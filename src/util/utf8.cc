#include "util/utf8.h"

#include "simdjson.h"

namespace threadline::util {

bool IsValidNonAsciiUtf8(std::string_view text) {
  return simdjson::validate_utf8(text.data(), text.size());
}

int Utf8SequenceLength(const unsigned char* p, const unsigned char* end) {
  const unsigned char lead = p[0];
  int need;                            // continuation bytes after the lead
  unsigned char lo = 0x80, hi = 0xBF;  // range of the first continuation byte
  if (lead < 0x80) {
    return 1;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    need = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 2;
    if (lead == 0xE0) lo = 0xA0;  // no overlong forms
    if (lead == 0xED) hi = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 3;
    if (lead == 0xF0) lo = 0x90;  // no overlong forms
    if (lead == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return -1;  // a continuation byte, C0, C1 or F5..FF: never a lead
  }
  int got = 0;
  for (const unsigned char* q = p + 1; got < need; ++q, ++got) {
    if (q >= end) break;
    const unsigned char c = *q;
    if (got == 0 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) break;
  }
  return got == need ? need + 1 : -(got + 1);
}

bool RepairUtf8(std::string_view in, std::string* out,
                std::vector<Utf8Repair>* repairs) {
  out->clear();
  repairs->clear();
  out->reserve(in.size() + 16);
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const auto* end = p + in.size();
  const auto* run = p;  // start of the bytes not yet copied
  while (p < end) {
    if (*p < 0x80) {
      ++p;
      continue;
    }
    const int n = Utf8SequenceLength(p, end);
    if (n > 0) {
      p += n;
      continue;
    }
    out->append(reinterpret_cast<const char*>(run), p - run);
    repairs->push_back({out->size(), out->size() + kReplacementChar.size()});
    out->append(kReplacementChar);
    p += -n;
    run = p;
  }
  out->append(reinterpret_cast<const char*>(run), end - run);
  return !repairs->empty();
}

}  // namespace threadline::util
