// File: store_bindings.cc
// Durability and listening options of the _threadline extension: stores
// (journal, PostgreSQL) as _threadline.Store, the ListeningOptions dict, and
// a Python callable as the engine's AlertListener.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "convert.h"
#include "threadline/listening.h"
#include "threadline/store.h"

namespace threadline::python {
namespace {

// PyStore: a store opened from Python, until an engine takes it. A store
// loads once (the journal refuses a second Load), so it serves one engine:
// Take hands it over and a second Take is FailedPrecondition. The engine
// then owns it, and closing the engine closes the store. Thread-compatible;
// used with the GIL held.
class PyStore {
 public:
  explicit PyStore(std::shared_ptr<Store> store)
      : store_(std::move(store)), describe_(store_->Describe()) {}

  std::shared_ptr<Store> Take() {
    if (store_ == nullptr) {
      throw StatusError(absl::FailedPreconditionError(absl::StrCat(
          "store: ", describe_,
          " was already given to an engine; open it again for another")));
    }
    return std::move(store_);
  }
  const std::string& Describe() const { return describe_; }
  bool taken() const { return store_ == nullptr; }

 private:
  std::shared_ptr<Store> store_;
  std::string describe_;
};

// PyAlertListener: calls a Python callable with each alert's tuple. The
// engine calls OnAlert outside its locks on the ingesting thread, which
// released the GIL for the ingest; OnAlert takes it back, so the callable
// may call into the engine again. An exception the callable raises cannot
// unwind through the engine: it goes to sys.unraisablehook and the ingest
// goes on.
class PyAlertListener : public AlertListener {
 public:
  explicit PyAlertListener(py::object callback)
      : callback_(std::move(callback)) {}
  // The last reference may go on a thread without the GIL (an Open that
  // failed with the GIL released).
  ~PyAlertListener() override {
    py::gil_scoped_acquire gil;
    callback_ = py::object();
  }

  void OnAlert(const Alert& alert) override {
    py::gil_scoped_acquire gil;
    try {
      callback_(ToTuple(alert));
    } catch (py::error_already_set& e) {
      e.discard_as_unraisable("threadline alert_listener");
    } catch (const std::exception& e) {
      PyErr_SetString(PyExc_RuntimeError, e.what());
      PyErr_WriteUnraisable(callback_.ptr());
    }
  }

 private:
  py::object callback_;
};

absl::Duration MicrosKey(const py::dict& d, const char* key) {
  return absl::Microseconds(d[key].cast<int64_t>());
}

}  // namespace

void DurableOptionsFrom(const py::dict& d, EngineOptions& o) {
  if (d.contains("store") && !d["store"].is_none()) {
    o.store = d["store"].cast<PyStore&>().Take();
  }
  if (d.contains("journal_dir")) {
    o.journal_dir = d["journal_dir"].cast<std::string>();
  }
  if (d.contains("snapshot_every")) {
    const int64_t every = d["snapshot_every"].cast<int64_t>();
    if (every < 0) {
      throw StatusError(absl::InvalidArgumentError(absl::StrCat(
          "snapshot_every: ", every, " is negative; expected 0 (only on "
          "checkpoint and erase) or more events")));
    }
    o.snapshot_every = static_cast<uint64_t>(every);
  }
  if (d.contains("sentiment") && !d["sentiment"].cast<bool>()) {
    o.sentiment = nullptr;
  }
  if (d.contains("listening")) {
    const py::dict l = d["listening"].cast<py::dict>();
    ListeningOptions& lo = o.listening;
    lo.alerts = l["alerts"].cast<bool>();
    lo.alert_window = MicrosKey(l, "alert_window_us");
    lo.alert_min_volume = l["alert_min_volume"].cast<int>();
    lo.alert_min_ratio = l["alert_min_ratio"].cast<double>();
    lo.alert_max_probability = l["alert_max_probability"].cast<double>();
    lo.alert_cooldown = MicrosKey(l, "alert_cooldown_us");
    lo.prior_per_hour = l["prior_per_hour"].cast<double>();
    lo.prior_hours = l["prior_hours"].cast<double>();
    lo.learning_period = MicrosKey(l, "learning_period_us");
    lo.max_wave = MicrosKey(l, "max_wave_us");
    lo.incidents = l["incidents"].cast<bool>();
    lo.seed_similarity = l["seed_similarity"].cast<double>();
    lo.join_similarity = l["join_similarity"].cast<double>();
    lo.incident_min_cases = l["incident_min_cases"].cast<int>();
    lo.incident_window = MicrosKey(l, "incident_window_us");
    lo.incident_idle = MicrosKey(l, "incident_idle_us");
  }
  if (d.contains("alert_listener") && !d["alert_listener"].is_none()) {
    o.alert_listener =
        std::make_shared<PyAlertListener>(d["alert_listener"]);
  }
}

void BindStore(py::module_& m) {
  py::class_<PyStore>(m, "Store")
      .def("describe", &PyStore::Describe)
      .def_property_readonly("taken", &PyStore::taken);

  m.def(
      "open_journal",
      [](const std::string& dir, int sync, int64_t interval_us,
         bool create_if_missing) {
        JournalOptions options;
        options.sync = static_cast<SyncPolicy>(sync);
        options.sync_interval = absl::Microseconds(interval_us);
        options.create_if_missing = create_if_missing;
        absl::StatusOr<std::shared_ptr<Store>> store;
        {
          py::gil_scoped_release release;
          store = OpenJournal(dir, options);
        }
        return PyStore(Unwrap(std::move(store)));
      },
      py::arg("dir"), py::arg("sync"), py::arg("interval_us"),
      py::arg("create_if_missing"));
  m.def(
      "open_postgres",
      [](const std::string& connection, const std::string& tenant) {
        absl::StatusOr<std::shared_ptr<Store>> store;
        {
          py::gil_scoped_release release;
          store = OpenPostgresStore({connection, tenant});
        }
        return PyStore(Unwrap(std::move(store)));
      },
      py::arg("connection"), py::arg("tenant"));
}

}  // namespace threadline::python
