// How a retry is told from a different interaction under the same id: a
// hash of every field of the interaction as handed in, kept with it and
// stable across processes and versions, so a retry is recognised after a
// restart too. Internal to the engine.
#ifndef THREADLINE_SRC_ENGINE_FINGERPRINT_H_
#define THREADLINE_SRC_ENGINE_FINGERPRINT_H_

#include <cstdint>

#include "threadline/types.h"

namespace threadline::engine {

// Digest: XXH3-64 of the fields, each length-prefixed, the text by its
// length and own XXH3-64. What every interaction is stored with
// (InteractionLinked.digest).
uint64_t Digest(const Interaction& in);

// LegacyFingerprint: FNV-1a of the fields, which interactions stored
// before digests carry (InteractionLinked.fingerprint). A byte at a time
// with a multiply in between, it cost a third of a microsecond per
// interaction; it is now computed only for a retry of such an old one.
uint64_t LegacyFingerprint(const Interaction& in);

}  // namespace threadline::engine

#endif  // THREADLINE_SRC_ENGINE_FINGERPRINT_H_
