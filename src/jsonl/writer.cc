// The JSON Lines writer: Interaction and Linkage in the proto3 JSON form,
// with field names and order taken from the v1 descriptors and enum names
// from the generated *_Name functions, written directly
// into the caller's string rather than through a v1 message and protobuf's
// printer, which would cost a message copy and several allocations a line.
#include <algorithm>
#include <cassert>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "jsonl/jsonl.h"
#include "jsonl/rfc3339.h"
#include "util/utf8.h"
#include "threadline/types.h"
#include "threadline/v1/interaction.pb.h"
#include "threadline/v1/model.pb.h"

namespace threadline::jsonl {
namespace {

namespace v1 = ::threadline::v1;
using ::google::protobuf::Descriptor;

// Keys: for one message, its field numbers in .proto order and the JSON key
// written before each value ("\"occurred_at\": ").
struct Keys {
  explicit Keys(const Descriptor* d) {
    for (int i = 0; i < d->field_count(); ++i) {
      const int number = d->field(i)->number();
      order.push_back(number);
      if (number >= static_cast<int>(key.size())) key.resize(number + 1);
      key[number] = absl::StrCat("\"", d->field(i)->name(), "\": ");
      max_bytes += key[number].size() + 2;  // the key and ", "
    }
  }
  std::vector<int> order;
  std::vector<std::string> key;  // by field number
  size_t max_bytes = 2;          // braces, keys and separators of one object
};

// EnumNames: the JSON form of each value of one enum, quoted ("\"SMS\""),
// made once with the generated *_Name function: looking a name up through
// the descriptor pool costs more than writing the rest of a linkage line.
class EnumNames {
 public:
  template <typename E>
  EnumNames(int max, const std::string& (*name)(E)) {
    for (int v = 0; v <= max; ++v) {
      const std::string& n = name(static_cast<E>(v));
      // proto3 JSON writes a value without a name as its number.
      json_.push_back(n.empty() ? absl::StrCat(v)
                                : absl::StrCat("\"", n, "\""));
      max_bytes_ = std::max(max_bytes_, json_.back().size());
    }
  }

  // The longest JSON of a value, named or not ("-2147483648").
  size_t max_bytes() const { return max_bytes_; }

  std::string_view Json(int v) const {
    return v >= 0 && v < static_cast<int>(json_.size())
               ? std::string_view(json_[v])
               : std::string_view();
  }

 private:
  std::vector<std::string> json_;
  size_t max_bytes_ = 11;
};

struct Names {
  Keys interaction{v1::Interaction::descriptor()};
  Keys identity{v1::Identity::descriptor()};
  Keys linkage{v1::Linkage::descriptor()};
  EnumNames channel{v1::Interaction::Channel_MAX,
                    &v1::Interaction_Channel_Name<v1::Interaction::Channel>};
  EnumNames direction{
      v1::Interaction::Direction_MAX,
      &v1::Interaction_Direction_Name<v1::Interaction::Direction>};
  EnumNames disposition{
      v1::Interaction::Disposition_MAX,
      &v1::Interaction_Disposition_Name<v1::Interaction::Disposition>};
  EnumNames kind{v1::Identity::Kind_MAX,
                 &v1::Identity_Kind_Name<v1::Identity::Kind>};
  EnumNames reason{v1::Linkage::Reason_MAX,
                   &v1::Linkage_Reason_Name<v1::Linkage::Reason>};

  // Upper bounds of what a message writes besides its strings.
  size_t identity_fixed = identity.max_bytes + kind.max_bytes() + 2;
  size_t interaction_fixed = interaction.max_bytes + identity_fixed +
                             channel.max_bytes() + direction.max_bytes() +
                             disposition.max_bytes() + kMaxRfc3339Size + 4;
  size_t linkage_fixed = linkage.max_bytes + reason.max_bytes() + 5;
};

const Names& GetNames() {
  static const Names* const kNames = new Names();
  return *kNames;
}

// What EscapeTo must look at: quote, backslash, control characters and every
// non-ASCII byte (to check its UTF-8). A table keeps the common ASCII loop to
// one load and one branch per byte.
struct Special {
  constexpr Special() : byte() {
    for (int c = 0; c < 256; ++c) {
      byte[c] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80;
    }
  }
  bool byte[256];
};
constexpr Special kSpecial;

// The most one input byte can become: a control character is "\u001f".
constexpr size_t kMaxEscapedPerByte = 6;

// Writer: writes one JSON object into the tail of a string that was first
// grown to an upper bound of the result and is cut back at the end. Writing
// through a pointer rather than with dozens of small appends halves the cost
// of a line.
class Writer {
 public:
  // `max_bytes`: an upper bound of all that will be written.
  Writer(std::string* out, size_t max_bytes) : out_(out) {
    const size_t start = out->size();
    out->resize(start + max_bytes);
    p_ = out->data() + start;
  }
  ~Writer() {
    assert(p_ <= out_->data() + out_->size());
    out_->resize(p_ - out_->data());
  }

  void Put(char c) { *p_++ = c; }
  void Put(std::string_view s) {
    std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }
  // Puts `s` as a quoted JSON string.
  void PutString(std::string_view s);

 private:
  std::string* out_;
  char* p_;
};

// True when none of the 8 bytes of `x` is special: no control character,
// quote, backslash or non-ASCII byte (the bit tricks of "Bit Twiddling
// Hacks", "Determine if a word has a byte less than n").
bool AllPlain(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101, kHigh = 0x8080808080808080;
  const uint64_t control = (x - kOnes * 0x20) & ~x;
  const uint64_t q = x ^ (kOnes * '"'), b = x ^ (kOnes * '\\');
  const uint64_t quote = (q - kOnes) & ~q, backslash = (b - kOnes) & ~b;
  return ((control | quote | backslash | x) & kHigh) == 0;
}

void Writer::PutString(std::string_view s) {
  char* p = p_;
  *p++ = '"';
  const auto* in = reinterpret_cast<const unsigned char*>(s.data());
  const auto* const end = in + s.size();
  while (in < end) {
    // Most text is plain ASCII: copy it eight bytes at a time.
    uint64_t word;
    while (end - in >= 8 && (std::memcpy(&word, in, 8), AllPlain(word))) {
      std::memcpy(p, in, 8);
      p += 8;
      in += 8;
    }
    if (in == end) break;
    const unsigned char c = *in;
    if (!kSpecial.byte[c]) {
      *p++ = static_cast<char>(c);
      ++in;
      continue;
    }
    if (c >= 0x80) {
      const int n = util::Utf8SequenceLength(in, end);
      if (n > 0) {
        std::memcpy(p, in, n);
        p += n;
        in += n;
      } else {
        std::memcpy(p, util::kReplacementChar.data(),
                    util::kReplacementChar.size());
        p += util::kReplacementChar.size();
        in += -n;
      }
      continue;
    }
    *p++ = '\\';
    switch (c) {
      case '"':
      case '\\':
        *p++ = static_cast<char>(c);
        break;
      case '\b':
        *p++ = 'b';
        break;
      case '\f':
        *p++ = 'f';
        break;
      case '\n':
        *p++ = 'n';
        break;
      case '\r':
        *p++ = 'r';
        break;
      case '\t':
        *p++ = 't';
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        *p++ = 'u';
        *p++ = '0';
        *p++ = '0';
        *p++ = kHex[c >> 4];
        *p++ = kHex[c & 15];
      }
    }
    ++in;
  }
  *p++ = '"';
  p_ = p;
}

size_t MaxString(std::string_view s) {
  return kMaxEscapedPerByte * s.size() + 2;
}

// ObjectWriter: braces, separators and keys of one JSON object.
class ObjectWriter {
 public:
  ObjectWriter(const Keys& keys, Writer* w) : keys_(keys), w_(w) {
    w_->Put('{');
  }
  ~ObjectWriter() { w_->Put('}'); }

  Writer* Key(int number) {
    if (!first_) w_->Put(", ");
    first_ = false;
    w_->Put(keys_.key[number]);
    return w_;
  }

 private:
  const Keys& keys_;
  Writer* w_;
  bool first_ = true;
};

// Writes a value of an enum: its quoted name, else its number.
void PutEnum(const EnumNames& names, int v, Writer* w) {
  const std::string_view json = names.Json(v);
  if (!json.empty()) {
    w->Put(json);
  } else {
    char digits[16];
    const char* end = std::to_chars(digits, digits + sizeof(digits), v).ptr;
    w->Put(std::string_view(digits, end - digits));
  }
}

void PutIdentity(const Identity& in, Writer* w) {
  const Names& names = GetNames();
  ObjectWriter o(names.identity, w);
  for (int number : names.identity.order) {
    switch (number) {
      case v1::Identity::kKindFieldNumber:
        if (in.kind != IdentityKind::kUnspecified) {
          PutEnum(names.kind, static_cast<int>(in.kind), o.Key(number));
        }
        break;
      case v1::Identity::kValueFieldNumber:
        if (!in.value.empty()) o.Key(number)->PutString(in.value);
        break;
    }
  }
}

size_t MaxIdentity(const Identity& in) {
  return GetNames().identity_fixed + MaxString(in.value);
}

void PutString(const std::string& s, int number, ObjectWriter* o) {
  if (!s.empty()) o->Key(number)->PutString(s);
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  Writer w(out, MaxString(s));
  w.PutString(s);
}

void AppendInteractionJson(const Interaction& in, std::string* out) {
  const Names& names = GetNames();
  size_t max = names.interaction_fixed + MaxIdentity(in.contact);
  for (const Identity& id : in.identities) max += MaxIdentity(id);
  for (const std::string* s :
       {&in.id, &in.text, &in.reply_to, &in.thread_id, &in.external_ref,
        &in.topic, &in.agent_id, &in.language, &in.region, &in.display_name}) {
    max += MaxString(*s);
  }
  Writer w(out, max);
  ObjectWriter o(names.interaction, &w);
  for (int number : names.interaction.order) {
    switch (number) {
      case v1::Interaction::kIdFieldNumber:
        PutString(in.id, number, &o);
        break;
      case v1::Interaction::kOccurredAtFieldNumber:
        // InfinitePast is Interaction's "not set".
        if (in.occurred_at != absl::InfinitePast()) {
          char time[kMaxRfc3339Size];
          const size_t n = FormatRfc3339(in.occurred_at, time);
          Writer* v = o.Key(number);
          v->Put('"');
          v->Put(std::string_view(time, n));
          v->Put('"');
        }
        break;
      case v1::Interaction::kChannelFieldNumber:
        if (in.channel != Channel::kUnspecified) {
          PutEnum(names.channel, static_cast<int>(in.channel), o.Key(number));
        }
        break;
      case v1::Interaction::kDirectionFieldNumber:
        if (in.direction != Direction::kUnspecified) {
          PutEnum(names.direction, static_cast<int>(in.direction),
                  o.Key(number));
        }
        break;
      case v1::Interaction::kContactFieldNumber:
        if (in.contact.kind != IdentityKind::kUnspecified ||
            !in.contact.value.empty()) {
          PutIdentity(in.contact, o.Key(number));
        }
        break;
      case v1::Interaction::kIdentitiesFieldNumber:
        if (!in.identities.empty()) {
          Writer* v = o.Key(number);
          v->Put('[');
          for (size_t i = 0; i < in.identities.size(); ++i) {
            if (i > 0) v->Put(", ");
            PutIdentity(in.identities[i], v);
          }
          v->Put(']');
        }
        break;
      case v1::Interaction::kTextFieldNumber:
        PutString(in.text, number, &o);
        break;
      case v1::Interaction::kReplyToFieldNumber:
        PutString(in.reply_to, number, &o);
        break;
      case v1::Interaction::kThreadIdFieldNumber:
        PutString(in.thread_id, number, &o);
        break;
      case v1::Interaction::kExternalRefFieldNumber:
        PutString(in.external_ref, number, &o);
        break;
      case v1::Interaction::kTopicFieldNumber:
        PutString(in.topic, number, &o);
        break;
      case v1::Interaction::kAgentIdFieldNumber:
        PutString(in.agent_id, number, &o);
        break;
      case v1::Interaction::kLanguageFieldNumber:
        PutString(in.language, number, &o);
        break;
      case v1::Interaction::kRegionFieldNumber:
        PutString(in.region, number, &o);
        break;
      case v1::Interaction::kDisplayNameFieldNumber:
        PutString(in.display_name, number, &o);
        break;
      case v1::Interaction::kDispositionFieldNumber:
        if (in.disposition != Disposition::kUnspecified) {
          PutEnum(names.disposition, static_cast<int>(in.disposition),
                  o.Key(number));
        }
        break;
    }
  }
}

void AppendLinkageJson(const Linkage& in, std::string* out) {
  const Names& names = GetNames();
  Writer w(out, names.linkage_fixed + MaxString(in.interaction_id) +
                    MaxString(in.customer_id) + MaxString(in.case_id));
  ObjectWriter o(names.linkage, &w);
  for (int number : names.linkage.order) {
    switch (number) {
      case v1::Linkage::kInteractionIdFieldNumber:
        o.Key(number)->PutString(in.interaction_id);
        break;
      case v1::Linkage::kCustomerIdFieldNumber:
        o.Key(number)->PutString(in.customer_id);
        break;
      case v1::Linkage::kCaseIdFieldNumber:
        o.Key(number)->PutString(in.case_id);
        break;
      case v1::Linkage::kReasonFieldNumber:
        PutEnum(names.reason, static_cast<int>(in.reason), o.Key(number));
        break;
      case v1::Linkage::kContinuedFieldNumber:
        o.Key(number)->Put(in.continued ? "true" : "false");
        break;
    }
  }
}

}  // namespace threadline::jsonl
