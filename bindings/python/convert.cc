// Status translation and value conversions of the _threadline extension.
#include "convert.h"

#include <Python.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "threadline/clock.h"

namespace threadline::python {
namespace {

// threadline.Error, looked up once at import and kept for the life of the
// interpreter (a module-level reference that is never released).
PyObject* error_class = nullptr;

py::list Strs(const std::vector<std::string>& items) {
  py::list out(items.size());
  for (size_t i = 0; i < items.size(); ++i) out[i] = Str(items[i]);
  return out;
}

template <typename E>
py::list Ints(const std::vector<E>& items) {
  py::list out(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    out[i] = py::int_(static_cast<int>(items[i]));
  }
  return out;
}

}  // namespace

void RegisterErrors(py::module_& m) {
  py::object cls = py::module_::import("threadline._errors").attr("Error");
  error_class = cls.release().ptr();
  m.attr("Error") = py::handle(error_class);
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const StatusError& e) {
      py::object err = MakeError(e.status());
      PyErr_SetObject(error_class, err.ptr());
    }
  });
}

py::object MakeError(const absl::Status& status) {
  return py::handle(error_class)(absl::StatusCodeToString(status.code()),
                                 Str(std::string_view(status.message().data(), status.message().size())));
}

py::str Str(std::string_view s) {
  PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()),
                                     "replace");
  if (o == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(o);
}

py::object Micros(absl::Time t) {
  if (t == absl::InfinitePast() || t == absl::InfiniteFuture()) {
    return py::none();
  }
  return py::int_(absl::ToUnixMicros(t));
}

absl::Time TimeFromMicros(int64_t us) { return absl::FromUnixMicros(us); }

py::tuple ToTuple(const Identity& id) {
  return py::make_tuple(static_cast<int>(id.kind), Str(id.value));
}

py::tuple ToTuple(const Linkage& l) {
  py::list ignored(l.ignored_identities.size());
  for (size_t i = 0; i < l.ignored_identities.size(); ++i) {
    const IgnoredIdentity& g = l.ignored_identities[i];
    ignored[i] = py::make_tuple(ToTuple(g.identity),
                                Str(std::string(g.why.message())));
  }
  return py::make_tuple(Str(l.interaction_id), Str(l.customer_id),
                        Str(l.case_id), static_cast<int>(l.reason),
                        l.continued, ignored);
}

py::tuple ToTuple(const Customer& c) {
  py::list ids(c.identities.size());
  for (size_t i = 0; i < c.identities.size(); ++i) {
    const CustomerIdentity& ci = c.identities[i];
    ids[i] = py::make_tuple(ToTuple(ci.identity), Micros(ci.first_seen),
                            Micros(ci.last_seen),
                            Str(ci.evidence_interaction_id), ci.mentioned);
  }
  return py::make_tuple(Str(c.id), ids, Strs(c.display_names),
                        Strs(c.absorbed_ids), Micros(c.first_seen),
                        Micros(c.last_seen));
}

py::tuple ToTuple(const Case& c) {
  return py::make_tuple(Str(c.id), Str(c.customer_id),
                        static_cast<int>(c.status), Ints(c.channels),
                        Strs(c.interaction_ids), Micros(c.opened_at),
                        Micros(c.last_activity_at), Micros(c.resolved_at),
                        Str(c.topic), Strs(c.absorbed_ids),
                        ToTuple(c.sentiment), Str(c.incident_id));
}

py::tuple ToTuple(const MergeRecord& m) {
  py::object evidence = py::none();
  if (m.evidence_identity.kind != IdentityKind::kUnspecified ||
      !m.evidence_identity.value.empty()) {
    evidence = ToTuple(m.evidence_identity);
  }
  return py::make_tuple(Str(m.id), Str(m.survivor_id), Str(m.absorbed_id),
                        Str(m.evidence_interaction_id), evidence, Micros(m.at),
                        m.undone);
}

py::tuple ToTuple(const TimelineEntry& t) {
  return py::make_tuple(Str(t.interaction_id), Str(t.case_id),
                        Micros(t.occurred_at), static_cast<int>(t.channel),
                        static_cast<int>(t.direction), Str(t.text));
}

py::tuple ToTuple(const HandoffContext& h) {
  py::list messages(h.last_messages.size());
  for (size_t i = 0; i < h.last_messages.size(); ++i) {
    const ContextMessage& m = h.last_messages[i];
    messages[i] = py::make_tuple(
        Str(m.interaction_id), Micros(m.occurred_at),
        static_cast<int>(m.channel), static_cast<int>(m.direction),
        Str(m.agent_id), Str(m.text));
  }
  return py::make_tuple(ToTuple(h.customer), ToTuple(h.case_info),
                        Ints(h.channels), Micros(h.started_at),
                        static_cast<int>(h.started_on), messages,
                        absl::ToInt64Microseconds(h.waiting),
                        Strs(h.other_open_cases), ToTuple(h.sentiment),
                        Str(h.incident_id), h.incident_cases);
}

py::tuple ToTuple(const EngineStats& s) {
  return py::make_tuple(s.interactions, s.customers, s.cases, s.identities,
                        s.merges, s.shared_identities);
}

py::tuple ToTuple(const SentimentTrend& s) {
  return py::make_tuple(s.scored, s.first, s.last, s.worst,
                        Str(s.worst_interaction_id));
}

namespace {
py::list ChannelCounts(const std::vector<AlertChannel>& channels) {
  py::list out(channels.size());
  for (size_t i = 0; i < channels.size(); ++i) {
    out[i] = py::make_tuple(static_cast<int>(channels[i].channel),
                            channels[i].count, channels[i].is_public);
  }
  return out;
}
}  // namespace

py::tuple ToTuple(const Alert& a) {
  py::list samples(a.samples.size());
  for (size_t i = 0; i < a.samples.size(); ++i) {
    const AlertSample& s = a.samples[i];
    samples[i] = py::make_tuple(Str(s.interaction_id), Micros(s.occurred_at),
                                static_cast<int>(s.channel), Str(s.text));
  }
  return py::make_tuple(Str(a.id), static_cast<int>(a.scope), Str(a.topic),
                        static_cast<int>(a.channel), Micros(a.raised_at),
                        Micros(a.first_at),
                        absl::ToInt64Microseconds(a.window), a.count,
                        a.expected, a.per_hour, a.public_count,
                        ChannelCounts(a.channels), samples);
}

py::tuple ToTuple(const Incident& i) {
  return py::make_tuple(Str(i.id), static_cast<int>(i.status), Str(i.topic),
                        Strs(i.case_ids), Strs(i.customer_ids),
                        Micros(i.first_at), Micros(i.last_at), i.reports,
                        ChannelCounts(i.channels), Str(i.sample_text),
                        Strs(i.interaction_ids));
}

py::tuple ToTuple(const Interaction& in) {
  py::list ids(in.identities.size());
  for (size_t i = 0; i < in.identities.size(); ++i) {
    ids[i] = ToTuple(in.identities[i]);
  }
  return py::make_tuple(
      Str(in.id), Micros(in.occurred_at), static_cast<int>(in.channel),
      static_cast<int>(in.direction), ToTuple(in.contact), ids, Str(in.text),
      Str(in.reply_to), Str(in.thread_id), Str(in.external_ref),
      Str(in.topic), Str(in.agent_id), Str(in.language), Str(in.region),
      Str(in.display_name), static_cast<int>(in.disposition));
}

py::tuple ToTuple(const ErasureReport& r) {
  return py::make_tuple(Strs(r.customer_ids), r.identities, r.interactions,
                        r.cases);
}

py::tuple ToTuple(const RecoveryReport& r) {
  return py::make_tuple(Str(r.store), r.load.snapshot_sequence,
                        r.load.events, r.load.last_sequence,
                        r.load.dropped_bytes, Str(r.load.dropped),
                        Micros(r.snapshot_taken_at),
                        absl::ToInt64Microseconds(r.took));
}

Identity IdentityFrom(const std::pair<int, std::string>& kv) {
  return Identity{static_cast<IdentityKind>(kv.first), kv.second};
}

EngineOptions EngineOptionsFrom(const py::dict& d) {
  EngineOptions o;
  o.default_region = d["default_region"].cast<std::string>();
  for (const auto& kv : d["own_identities"]
                            .cast<std::vector<std::pair<int, std::string>>>()) {
    o.own_identities.push_back(IdentityFrom(kv));
  }
  o.reopen_window = absl::Microseconds(d["reopen_window_us"].cast<int64_t>());
  o.idle_window = absl::Microseconds(d["idle_window_us"].cast<int64_t>());
  const auto limits = d["max_identities_per_kind"].cast<std::vector<int>>();
  if (limits.size() != o.max_identities_per_kind.size()) {
    throw StatusError(absl::InvalidArgumentError(absl::StrCat(
        "max_identities_per_kind: got ", limits.size(), " limits; expected ",
        o.max_identities_per_kind.size(), ", one per identity kind")));
  }
  for (size_t i = 0; i < limits.size(); ++i) {
    if (limits[i] < 0 || limits[i] > 255) {
      throw StatusError(absl::InvalidArgumentError(absl::StrCat(
          "max_identities_per_kind: ", limits[i],
          " is out of range; expected 0 (no limit) to 255")));
    }
    o.max_identities_per_kind[i] = static_cast<uint8_t>(limits[i]);
  }
  o.shared_after_conflicts = d["shared_after_conflicts"].cast<int>();
  o.use_mentioned_identities = d["use_mentioned_identities"].cast<bool>();
  o.context_messages = d["context_messages"].cast<int>();
  o.batch_threads = d["batch_threads"].cast<int>();
  DurableOptionsFrom(d, o);
  py::object clock = d["clock"];
  if (!clock.is_none()) o.clock = clock.cast<std::shared_ptr<ManualClock>>();
  return o;
}

}  // namespace threadline::python
