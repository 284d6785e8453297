// File: status_macros.h
// Early-return helpers for absl::Status and absl::StatusOr (the Abseil that
// Debian ships has none).
//
// Example:
//   absl::Status Load(const Options& o) {
//     THREADLINE_RETURN_IF_ERROR(Validate(o));
//     THREADLINE_ASSIGN_OR_RETURN(auto file, Open(o.path));
//     ...
//   }
#ifndef THREADLINE_STATUS_MACROS_H_
#define THREADLINE_STATUS_MACROS_H_

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define THREADLINE_STATUS_CONCAT_INNER_(a, b) a##b
#define THREADLINE_STATUS_CONCAT_(a, b) THREADLINE_STATUS_CONCAT_INNER_(a, b)

// THREADLINE_RETURN_IF_ERROR(expr): returns the status of `expr` if not OK.
#define THREADLINE_RETURN_IF_ERROR(expr)                 \
  do {                                                   \
    ::absl::Status threadline_status_ = (expr);          \
    if (!threadline_status_.ok()) return threadline_status_; \
  } while (0)

// THREADLINE_ASSIGN_OR_RETURN(lhs, expr): evaluates the StatusOr `expr`;
// returns its status if not OK, else moves its value into `lhs`.
#define THREADLINE_ASSIGN_OR_RETURN(lhs, expr)                              \
  THREADLINE_ASSIGN_OR_RETURN_IMPL_(                                        \
      THREADLINE_STATUS_CONCAT_(threadline_statusor_, __LINE__), lhs, expr)

#define THREADLINE_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                                      \
  if (!statusor.ok()) return std::move(statusor).status();     \
  lhs = std::move(statusor).value()

#endif  // THREADLINE_STATUS_MACROS_H_
