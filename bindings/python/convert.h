// Shared pieces of the _threadline extension: absl::Status as the package's
// threadline.Error, and the engine's value types as plain Python tuples that
// the threadline package turns into its dataclasses. Tuples rather than bound
// C++ classes keep the extension thin: names, reprs and docs live in Python.
#ifndef THREADLINE_BINDINGS_PYTHON_CONVERT_H_
#define THREADLINE_BINDINGS_PYTHON_CONVERT_H_

#include <pybind11/pybind11.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "threadline/engine.h"
#include "threadline/types.h"

namespace threadline::python {

namespace py = pybind11;

// StatusError: carries a failed absl::Status out of a binding; the
// translator registered by RegisterErrors raises it as threadline.Error.
class StatusError : public std::exception {
 public:
  explicit StatusError(absl::Status status) : status_(std::move(status)) {}
  const char* what() const noexcept override { return "threadline error"; }
  const absl::Status& status() const { return status_; }

 private:
  absl::Status status_;
};

// RegisterErrors: looks up threadline.Error (defined in Python, in
// threadline._errors) and registers the StatusError translator.
void RegisterErrors(py::module_& m);

// MakeError: a threadline.Error instance for a failed `status`, for results
// that report errors per item rather than raising.
py::object MakeError(const absl::Status& status);

// Unwrap: the value of `v`, or throws StatusError.
template <typename T>
T Unwrap(absl::StatusOr<T> v) {
  if (!v.ok()) throw StatusError(std::move(v).status());
  return *std::move(v);
}
inline void Check(const absl::Status& s) {
  if (!s.ok()) throw StatusError(s);
}

// Str: a Python str from bytes the engine holds, replacing invalid UTF-8
// (text from a broken source) rather than failing.
py::str Str(std::string_view s);

// Micros: microseconds since the Unix epoch, or None for an infinite time
// (a case never resolved).
py::object Micros(absl::Time t);
// TimeFromMicros: the reverse, for times handed in by Python.
absl::Time TimeFromMicros(int64_t us);

py::tuple ToTuple(const Identity& id);
py::tuple ToTuple(const Linkage& l);
py::tuple ToTuple(const Customer& c);
py::tuple ToTuple(const Case& c);
py::tuple ToTuple(const MergeRecord& m);
py::tuple ToTuple(const TimelineEntry& t);
py::tuple ToTuple(const HandoffContext& h);
py::tuple ToTuple(const EngineStats& s);
py::tuple ToTuple(const SentimentTrend& s);
py::tuple ToTuple(const Alert& a);
py::tuple ToTuple(const Incident& i);
py::tuple ToTuple(const Interaction& in);
py::tuple ToTuple(const ErasureReport& r);
py::tuple ToTuple(const RecoveryReport& r);

template <typename T>
py::list ToList(const std::vector<T>& items) {
  py::list out(items.size());
  for (size_t i = 0; i < items.size(); ++i) out[i] = ToTuple(items[i]);
  return out;
}

// EngineOptionsFrom: EngineOptions from the dict threadline.Engine builds
// (every key present: default_region, own_identities as (kind, value),
// reopen_window_us, idle_window_us, max_identities_per_kind as one limit per
// kind, shared_after_conflicts, use_mentioned_identities, context_messages,
// batch_threads, clock as a ManualClock or None). Throws StatusError
// (InvalidArgument naming the key) for a limit out of range; Engine::Open
// validates the rest.
// The durability and listening keys are optional (the bulk pipeline leaves
// them out): store (a _threadline.Store, taken by the engine), journal_dir,
// snapshot_every, sentiment (bool), listening (a dict of ListeningOptions
// fields, durations in microseconds) and alert_listener (a callable taking
// an alert tuple, or None); see DurableOptionsFrom.
EngineOptions EngineOptionsFrom(const py::dict& d);

// DurableOptionsFrom: the optional keys above into `o`.
void DurableOptionsFrom(const py::dict& d, EngineOptions& o);

// IdentityFrom: an Identity from (kind number, value).
Identity IdentityFrom(const std::pair<int, std::string>& kv);

// Bindings of each part, called from the module definition.
void BindEngine(py::module_& m);
void BindText(py::module_& m);
void BindBulk(py::module_& m);
void BindStore(py::module_& m);

}  // namespace threadline::python

#endif  // THREADLINE_BINDINGS_PYTHON_CONVERT_H_
