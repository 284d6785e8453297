// File: _threadline.cc
// The _threadline extension: a thin pybind11 layer over the threadline C++
// API for the `threadline` Python package, which holds the Pythonic names,
// dataclasses and docs. Every call into the engine releases the GIL, so
// Python threads ingest in parallel; every failed absl::Status is raised as
// threadline.Error with the status code's name and message.
#include <pybind11/pybind11.h>

#include "convert.h"

PYBIND11_MODULE(_threadline, m) {
  m.doc() = "Thin bindings of the threadline C++ library; use the threadline "
            "package instead.";
  threadline::python::RegisterErrors(m);
  threadline::python::BindEngine(m);
  threadline::python::BindText(m);
  threadline::python::BindBulk(m);
  threadline::python::BindStore(m);
}
