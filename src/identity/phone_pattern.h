// MetadataPattern: one of libphonenumber's metadata patterns compiled by
// RE2, with the range its matches lie in; LazyPattern: one compiled when
// first needed. Internal to src/identity; see phone_territory.h.
//
// Thread-safe: a MetadataPattern is immutable, a LazyPattern compiles once.
#ifndef THREADLINE_SRC_IDENTITY_PHONE_PATTERN_H_
#define THREADLINE_SRC_IDENTITY_PHONE_PATTERN_H_

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

  // FullMatch: whether the pattern matches all of `text`.
  bool FullMatch(std::string_view text) const;

  // MatchAtStart: the leftmost-first match at the start of `text` and its
  // first `groups` groups, in `match[0..groups]` (`match` may be null when
  // `groups` is -1).
  bool MatchAtStart(std::string_view text, re2::StringPiece* match,
                    int groups) const;

 private:
  // Whether the pattern may match a prefix of `text`.
  bool MayMatchAtStart(std::string_view text) const;

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
