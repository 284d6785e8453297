// _threadline.Engine: the engine behind threadline.Engine. Interactions come
// in as FORMAT.md JSON lines (the package writes a dict or Interaction as
// one) and are read by the library's own JSON Lines parser, so Python and
// `threadline link` accept the same input with the same error messages.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "convert.h"
#include "jsonl/jsonl.h"
#include "threadline/clock.h"
#include "threadline/engine.h"

namespace threadline::python {
namespace {

// One parser per thread: parsers are thread-compatible and keep their
// buffers, and Python threads parse at once with the GIL released.
jsonl::InteractionParser& Parser() {
  thread_local jsonl::InteractionParser parser;
  return parser;
}

// Utf8: the UTF-8 bytes of a Python str, copied so they outlive the GIL.
std::string Utf8(py::handle s) {
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(s.ptr(), &size);
  if (data == nullptr) throw py::error_already_set();
  return std::string(data, static_cast<size_t>(size));
}

// Call: runs `f` (an engine call returning StatusOr) without the GIL and
// returns its value, or throws its error.
template <typename F>
auto Call(F f) {
  decltype(f()) v = absl::UnknownError("not run");
  {
    py::gil_scoped_release release;
    v = f();
  }
  return Unwrap(std::move(v));
}

// PyEngine: thread-safe, as Engine is; each call copies its arguments out
// of Python objects, releases the GIL for the engine's work and builds the
// result's Python objects after taking the GIL back.
class PyEngine {
 public:
  explicit PyEngine(const py::dict& options) {
    EngineOptions o = EngineOptionsFrom(options);
    py::gil_scoped_release release;
    engine_ = Unwrap(Engine::Open(std::move(o)));
  }

  // Close: drops the engine, closing its store (the journal syncs and
  // unlocks its directory). Calls made after it are FailedPrecondition;
  // calls already running finish first, holding their own reference.
  void Close() {
    std::shared_ptr<Engine> engine;
    {
      std::lock_guard<std::mutex> lock(mu_);
      engine = std::move(engine_);
    }
    py::gil_scoped_release release;
    engine.reset();
  }
  bool closed() const {
    std::lock_guard<std::mutex> lock(mu_);
    return engine_ == nullptr;
  }

  py::tuple IngestJson(const std::string& line) {
    absl::StatusOr<Linkage> l;
    {
      py::gil_scoped_release release;
      Interaction in;
      absl::Status s = Parser().Parse(line, &in);
      l = s.ok() ? Get()->Ingest(in) : absl::StatusOr<Linkage>(s);
    }
    return ToTuple(Unwrap(std::move(l)));
  }

  // IngestJsonMany: one result per line, a linkage tuple or a
  // threadline.Error; the whole batch is read and linked in one release of
  // the GIL through IngestBatch.
  py::list IngestJsonMany(const py::list& lines) {
    std::vector<std::string> text;
    text.reserve(lines.size());
    for (py::handle h : lines) {
      if (!PyUnicode_Check(h.ptr())) {
        throw py::type_error("ingest_json_many: expected a list of str");
      }
      text.push_back(Utf8(h));
    }
    std::vector<absl::StatusOr<Linkage>> results(text.size());
    {
      py::gil_scoped_release release;
      std::vector<Interaction> batch;
      std::vector<size_t> index;
      batch.reserve(text.size());
      jsonl::InteractionParser& parser = Parser();
      for (size_t i = 0; i < text.size(); ++i) {
        Interaction in;
        if (absl::Status s = parser.Parse(text[i], &in); !s.ok()) {
          results[i] = s;
          continue;
        }
        batch.push_back(std::move(in));
        index.push_back(i);
      }
      std::vector<absl::StatusOr<Linkage>> linked = Get()->IngestBatch(batch);
      for (size_t k = 0; k < linked.size(); ++k) {
        results[index[k]] = std::move(linked[k]);
      }
    }
    py::list out(results.size());
    for (size_t i = 0; i < results.size(); ++i) {
      out[i] = results[i].ok() ? py::object(ToTuple(*results[i]))
                               : MakeError(results[i].status());
    }
    return out;
  }

  py::tuple LinkageOf(const std::string& id) const {
    return ToTuple(Call([&] { return Get()->LinkageOf(id); }));
  }
  py::tuple GetCustomer(const std::string& id) const {
    return ToTuple(Call([&] { return Get()->GetCustomer(id); }));
  }
  py::tuple FindCustomer(int kind, const std::string& value,
                         const std::string& region) const {
    return ToTuple(Call([&] {
      return Get()->FindCustomer({static_cast<IdentityKind>(kind), value},
                                   region);
    }));
  }
  py::tuple GetCase(const std::string& id) const {
    return ToTuple(Call([&] { return Get()->GetCase(id); }));
  }
  py::list CasesOf(const std::string& id) const {
    return ToList(Call([&] { return Get()->CasesOf(id); }));
  }
  py::list Timeline(const std::string& id) const {
    return ToList(Call([&] { return Get()->Timeline(id); }));
  }
  py::tuple Context(const std::string& id) const {
    return ToTuple(Call([&] { return Get()->Context(id); }));
  }
  py::tuple Merge(const std::string& a, const std::string& b) {
    return ToTuple(Call([&] { return Get()->Merge(a, b); }));
  }
  py::list Unmerge(const std::string& id) {
    return ToList(Call([&] { return Get()->Unmerge(id); }));
  }
  py::list Merges(const std::string& id) const {
    return ToList(Call([&] { return Get()->Merges(id); }));
  }
  void SetCaseStatus(const std::string& id, int status, int64_t at_us) {
    absl::Status s;
    {
      py::gil_scoped_release release;
      s = Get()->SetCaseStatus(id, static_cast<CaseStatus>(status),
                                 TimeFromMicros(at_us));
    }
    Check(s);
  }
  py::tuple Stats() const {
    EngineStats s;
    {
      py::gil_scoped_release release;
      s = Get()->Stats();
    }
    return ToTuple(s);
  }

  py::tuple Recovery() const {
    RecoveryReport r;
    {
      py::gil_scoped_release release;
      r = Get()->Recovery();
    }
    return ToTuple(r);
  }
  void Checkpoint() {
    absl::Status s;
    {
      py::gil_scoped_release release;
      s = Get()->Checkpoint();
    }
    Check(s);
  }
  py::tuple Erase(const std::string& customer_id) {
    return ToTuple(Call([&] { return Get()->Erase(customer_id); }));
  }
  py::list Alerts() const {
    std::vector<Alert> a;
    {
      py::gil_scoped_release release;
      a = Get()->Alerts();
    }
    return ToList(a);
  }
  py::list Incidents() const {
    std::vector<Incident> i;
    {
      py::gil_scoped_release release;
      i = Get()->Incidents();
    }
    return ToList(i);
  }
  py::tuple GetIncident(const std::string& id) const {
    return ToTuple(Call([&] { return Get()->GetIncident(id); }));
  }
  void AddToIncident(const std::string& incident_id,
                     const std::string& case_id, int64_t at_us) {
    absl::Status s;
    {
      py::gil_scoped_release release;
      s = Get()->AddToIncident(incident_id, case_id, TimeFromMicros(at_us));
    }
    Check(s);
  }
  void RemoveFromIncident(const std::string& incident_id,
                          const std::string& case_id, int64_t at_us) {
    absl::Status s;
    {
      py::gil_scoped_release release;
      s = Get()->RemoveFromIncident(incident_id, case_id,
                                    TimeFromMicros(at_us));
    }
    Check(s);
  }
  py::list ReplyToIncident(const std::string& incident_id,
                           std::map<std::string, std::string> text,
                           std::map<std::string, std::string> private_text,
                           const std::string& agent_id, int64_t at_us,
                           bool resolve, const std::string& id_prefix) {
    IncidentReply reply;
    reply.text = std::move(text);
    reply.private_text = std::move(private_text);
    reply.agent_id = agent_id;
    reply.at = TimeFromMicros(at_us);
    reply.resolve = resolve;
    reply.id_prefix = id_prefix;
    return ToList(
        Call([&] { return Get()->ReplyToIncident(incident_id, reply); }));
  }
  void ResolveIncident(const std::string& incident_id, int64_t at_us) {
    absl::Status s;
    {
      py::gil_scoped_release release;
      s = Get()->ResolveIncident(incident_id, TimeFromMicros(at_us));
    }
    Check(s);
  }

 private:
  // Get: the engine, or FailedPrecondition once closed. The reference
  // keeps it alive for the call even if another thread closes it.
  std::shared_ptr<Engine> Get() const {
    std::lock_guard<std::mutex> lock(mu_);
    if (engine_ == nullptr) {
      throw StatusError(absl::FailedPreconditionError(
          "engine: closed; open a new threadline.Engine"));
    }
    return engine_;
  }

  mutable std::mutex mu_;
  std::shared_ptr<Engine> engine_;
};

}  // namespace

void BindEngine(py::module_& m) {
  py::class_<ManualClock, std::shared_ptr<ManualClock>>(m, "ManualClock")
      .def(py::init([](int64_t us) {
             return std::make_shared<ManualClock>(TimeFromMicros(us));
           }),
           py::arg("start_us"))
      .def("now_us",
           [](const ManualClock& c) { return absl::ToUnixMicros(c.Now()); })
      .def("set_us",
           [](ManualClock& c, int64_t us) { c.Set(TimeFromMicros(us)); })
      .def("advance_us", [](ManualClock& c, int64_t us) {
        c.Advance(absl::Microseconds(us));
      });

  m.def("default_identity_limits", [] {
    std::vector<int> out;
    for (uint8_t v : EngineOptions::DefaultIdentityLimits()) out.push_back(v);
    return out;
  });

  py::class_<PyEngine>(m, "Engine")
      .def(py::init<const py::dict&>(), py::arg("options"))
      .def("ingest_json", &PyEngine::IngestJson)
      .def("ingest_json_many", &PyEngine::IngestJsonMany)
      .def("linkage_of", &PyEngine::LinkageOf)
      .def("customer", &PyEngine::GetCustomer)
      .def("find_customer", &PyEngine::FindCustomer)
      .def("case", &PyEngine::GetCase)
      .def("cases_of", &PyEngine::CasesOf)
      .def("timeline", &PyEngine::Timeline)
      .def("context", &PyEngine::Context)
      .def("merge", &PyEngine::Merge)
      .def("unmerge", &PyEngine::Unmerge)
      .def("merges", &PyEngine::Merges)
      .def("set_case_status", &PyEngine::SetCaseStatus)
      .def("stats", &PyEngine::Stats)
      .def("close", &PyEngine::Close)
      .def_property_readonly("closed", &PyEngine::closed)
      .def("recovery", &PyEngine::Recovery)
      .def("checkpoint", &PyEngine::Checkpoint)
      .def("erase", &PyEngine::Erase)
      .def("alerts", &PyEngine::Alerts)
      .def("incidents", &PyEngine::Incidents)
      .def("incident", &PyEngine::GetIncident)
      .def("add_to_incident", &PyEngine::AddToIncident)
      .def("remove_from_incident", &PyEngine::RemoveFromIncident)
      .def("reply_to_incident", &PyEngine::ReplyToIncident)
      .def("resolve_incident", &PyEngine::ResolveIncident);
}

}  // namespace threadline::python
