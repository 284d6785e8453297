// MetadataPattern: one of libphonenumber's metadata patterns compiled by
// RE2, with the range its matches lie in; LazyPattern: one compiled when
// first needed. Internal to src/identity; see phone_territory.h.
//
// Thread-safe: a MetadataPattern is immutable, a LazyPattern compiles once.
#ifndef THREADLINE_SRC_IDENTITY_PHONE_PATTERN_H_
#define THREADLINE_SRC_IDENTITY_PHONE_PATTERN_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "absl/base/call_once.h"
#include "re2/re2.h"

namespace threadline {
namespace identity_internal {

// MetadataPattern: a pattern and the range its matches lie in
// (RE2::PossibleMatchRange), so that a number most patterns cannot match
// ("646..." against a toll-free "8(00|33|...)") costs two comparisons
// instead of a regex search.
class MetadataPattern {
 public:
  explicit MetadataPattern(const std::string& pattern);
  MetadataPattern(const MetadataPattern&) = delete;
  MetadataPattern& operator=(const MetadataPattern&) = delete;

  // ok: whether RE2 compiled the pattern; the questions below need it.
  bool ok() const { return re_.ok(); }
  const RE2& re() const { return re_; }

  // FullMatch: whether the pattern matches all of `text`. Inline, as the
  // questions below: every number asks them of several patterns.
  bool FullMatch(std::string_view text) const {
    if (ranged_ && (Less(text, min_) || Less(max_, text))) return false;
    // RE2::FullMatch without its argument handling.
    return re_.Match(Piece(text), 0, text.size(), RE2::ANCHOR_BOTH, nullptr, 0);
  }

  // MatchAtStart: the leftmost-first match at the start of `text` and its
  // first `groups` groups, in `match[0..groups]` (`match` may be null when
  // `groups` is -1).
  bool MatchAtStart(std::string_view text, re2::StringPiece* match,
                    int groups) const {
    return MayMatchAtStart(text) &&
           re_.Match(Piece(text), 0, text.size(), RE2::ANCHOR_START, match,
                     1 + groups);
  }

 private:
  static re2::StringPiece Piece(std::string_view s) {
    return re2::StringPiece(s.data(), s.size());
  }

  // Whether `a` sorts before `b`, bytes compared unsigned (as std::string
  // compares them). Inline: the strings are a few bytes, and a memcmp call
  // costs more than comparing them.
  static bool Less(std::string_view a, std::string_view b) {
    const size_t n = a.size() < b.size() ? a.size() : b.size();
    for (size_t i = 0; i < n; ++i) {
      const unsigned char x = static_cast<unsigned char>(a[i]);
      const unsigned char y = static_cast<unsigned char>(b[i]);
      if (x != y) return x < y;
    }
    return a.size() < b.size();
  }

  // Whether the pattern may match a prefix of `text`: a prefix is never
  // greater than `text`, and when the empty string cannot match, a first
  // byte above the range's rules out every prefix.
  bool MayMatchAtStart(std::string_view text) const {
    if (!ranged_) return true;
    if (Less(text, min_)) return false;
    return min_.empty() || max_.empty() || text.empty() ||
           static_cast<unsigned char>(text[0]) <=
               static_cast<unsigned char>(max_[0]);
  }

  RE2 re_;
  bool ranged_ = false;
  std::string min_;
  std::string max_;
};

// LazyPattern: a metadata pattern compiled when first needed, once: most
// territories answer a few numbers, which reach a few of their patterns.
class LazyPattern {
 public:
  LazyPattern() = default;
  LazyPattern(const LazyPattern&) = delete;
  LazyPattern& operator=(const LazyPattern&) = delete;

  // set: the pattern (null: none), which must outlive this. Before any
  // get().
  void set(const std::string* pattern) { pattern_ = pattern; }
  bool present() const { return pattern_ != nullptr; }

  // get: the compiled pattern; present() must be true.
  const MetadataPattern& get() const {
    absl::call_once(once_, [this] {
      compiled_ = std::make_unique<const MetadataPattern>(*pattern_);
    });
    return *compiled_;
  }

 private:
  const std::string* pattern_ = nullptr;
  mutable absl::once_flag once_;
  mutable std::unique_ptr<const MetadataPattern> compiled_;
};

}  // namespace identity_internal
}  // namespace threadline

#endif  // THREADLINE_SRC_IDENTITY_PHONE_PATTERN_H_
