// Packing a written interaction: its strings back to back, each after its
// length, in one buffer; its other fields as they are.
#include "sim/packed.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "sim/people.h"
#include "sim/simulator.h"
#include "threadline/types.h"

namespace threadline::sim {
namespace {

// The strings of an interaction, in the order they are packed (ids are
// given later, outside).
template <typename S, typename F>
void ForEachString(S& s, F f) {
  auto& in = s.interaction;
  f(in.contact.value);
  f(in.text);
  f(in.thread_id);
  f(in.external_ref);
  f(in.topic);
  f(in.agent_id);
  f(in.language);
  f(in.region);
  f(in.display_name);
  f(s.person);
  f(s.inquiry);
  f(s.incident);
  f(s.matter);
  f(s.language);
}

void AppendLength(size_t n, std::string* out) {
  // Little-endian, 4 bytes: texts may be long.
  for (int i = 0; i < 4; ++i) {
    out->push_back(static_cast<char>((n >> (8 * i)) & 0xFF));
  }
}

size_t ReadLength(const std::string& blob, size_t* pos) {
  size_t n = 0;
  for (int i = 0; i < 4; ++i) {
    n |= static_cast<size_t>(static_cast<unsigned char>(blob[*pos + i]))
         << (8 * i);
  }
  *pos += 4;
  return n;
}

}  // namespace

void Pack(const SimulatedInteraction& s, Packed* p) {
  p->blob.clear();
  ForEachString(s, [p](const std::string& field) {
    AppendLength(field.size(), &p->blob);
    p->blob.append(field);
  });
  const Interaction& in = s.interaction;
  p->identities = static_cast<uint8_t>(
      std::min<size_t>(in.identities.size(), kSlotCount + 2));
  for (size_t i = 0; i < p->identities; ++i) {
    p->identity_kind[i] = in.identities[i].kind;
    AppendLength(in.identities[i].value.size(), &p->blob);
    p->blob.append(in.identities[i].value);
  }
  p->occurred_at = in.occurred_at;
  p->channel = in.channel;
  p->direction = in.direction;
  p->contact_kind = in.contact.kind;
  p->disposition = in.disposition;
  p->linkable = s.linkable;
}

void Unpack(const Packed& p, SimulatedInteraction* s) {
  size_t pos = 0;
  ForEachString(*s, [&p, &pos](std::string& field) {
    const size_t n = ReadLength(p.blob, &pos);
    field.assign(p.blob, pos, n);
    pos += n;
  });
  Interaction& in = s->interaction;
  in.identities.resize(p.identities);
  for (size_t i = 0; i < p.identities; ++i) {
    in.identities[i].kind = p.identity_kind[i];
    const size_t n = ReadLength(p.blob, &pos);
    in.identities[i].value.assign(p.blob, pos, n);
    pos += n;
  }
  in.occurred_at = p.occurred_at;
  in.channel = p.channel;
  in.direction = p.direction;
  in.contact.kind = p.contact_kind;
  in.disposition = p.disposition;
  s->linkable = p.linkable;
}

}  // namespace threadline::sim
