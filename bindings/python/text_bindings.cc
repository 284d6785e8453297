// Sentiment and the reply guard for the threadline package.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "convert.h"
#include "threadline/guard.h"
#include "threadline/sentiment.h"

namespace threadline::python {
namespace {

class PyGuard {
 public:
  PyGuard(const std::vector<std::pair<int, std::string>>& own_identities,
          std::vector<std::string> banned_phrases,
          std::string required_signoff, std::vector<std::string> regions,
          std::vector<std::string> account_prefixes, int max_chars,
          size_t max_checked_bytes) {
    GuardOptions o;
    for (const auto& kv : own_identities) {
      o.own_identities.push_back(IdentityFrom(kv));
    }
    o.banned_phrases = std::move(banned_phrases);
    o.required_signoff = std::move(required_signoff);
    o.regions = std::move(regions);
    o.account_prefixes = std::move(account_prefixes);
    o.max_chars = max_chars;
    o.max_checked_bytes = max_checked_bytes;
    py::gil_scoped_release release;
    guard_ = Unwrap(ReplyGuard::Create(std::move(o)));
  }

  // Check: (ok, [(kind, begin, end, message)], move_to_channel,
  // move_to_private_message), offsets in bytes of the UTF-8 reply.
  py::tuple Check(const std::string& reply, int channel, bool private_message,
                  const std::vector<std::pair<int, std::string>>& identities,
                  const std::string& region) const {
    ReplyContext context;
    context.channel = static_cast<Channel>(channel);
    context.private_message = private_message;
    for (const auto& kv : identities) {
      context.customer_identities.push_back(IdentityFrom(kv));
    }
    context.region = region;
    GuardResult r;
    {
      py::gil_scoped_release release;
      r = guard_->Check(reply, context);
    }
    py::list findings(r.findings.size());
    for (size_t i = 0; i < r.findings.size(); ++i) {
      const Finding& f = r.findings[i];
      findings[i] = py::make_tuple(static_cast<int>(f.kind), f.begin, f.end,
                                   Str(f.message));
    }
    return py::make_tuple(r.ok, findings, static_cast<int>(r.move_to_channel),
                          r.move_to_private_message);
  }

 private:
  std::unique_ptr<ReplyGuard> guard_;
};

}  // namespace

void BindText(py::module_& m) {
  m.def("analyze_sentiment",
        [](const std::string& text, const std::string& language) {
          Sentiment s;
          {
            py::gil_scoped_release release;
            static const std::shared_ptr<const SentimentAnalyzer> analyzer =
                NewLexiconSentimentAnalyzer();
            s = analyzer->Analyze(text, language);
          }
          return py::make_tuple(s.score, static_cast<int>(s.label),
                                Str(s.language));
        },
        py::arg("text"), py::arg("language"));
  m.def("detect_language", [](const std::string& text) {
    std::string_view language;
    {
      py::gil_scoped_release release;
      language = DetectLanguage(text);
    }
    return Str(language);
  });
  m.def("is_public_channel", [](int channel) {
    return IsPublicChannel(static_cast<Channel>(channel));
  });
  py::class_<PyGuard>(m, "ReplyGuard")
      .def(py::init<const std::vector<std::pair<int, std::string>>&,
                    std::vector<std::string>, std::string,
                    std::vector<std::string>, std::vector<std::string>, int,
                    size_t>(),
           py::arg("own_identities"), py::arg("banned_phrases"),
           py::arg("required_signoff"), py::arg("regions"),
           py::arg("account_prefixes"), py::arg("max_chars"),
           py::arg("max_checked_bytes"))
      .def("check", &PyGuard::Check, py::arg("reply"), py::arg("channel"),
           py::arg("private_message"), py::arg("customer_identities"),
           py::arg("region"));
}

}  // namespace threadline::python
