// `threadline sentiment`: one text per line on stdin, one sentiment per line
// on stdout.
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/io.h"
#include "threadline/sentiment.h"

namespace threadline::cli {
namespace {

constexpr char kUsage[] =
    "Usage: threadline sentiment [--lang en|es|auto] < TEXTS > SENTIMENTS\n"
    "\n"
    "Reads one text per line on stdin (a tweet, a chat line, call notes) and\n"
    "writes one JSON object per input line, in the same order, empty lines\n"
    "included:\n"
    "  {\"score\": -0.8316, \"label\": \"negative\", \"language\": \"en\"}\n"
    "score is in [-1, 1]; label is negative, neutral or positive; language is\n"
    "the language the text was read as (\"en\", \"es\", or \"\" when it could\n"
    "not be told). The analyzer is threadline's own: a hand-written English\n"
    "and Spanish lexicon of words, slang, emoji and emoticons, with rules for\n"
    "negation, intensifiers, contrast (\"but\", \"pero\"), capitals, "
    "stretched\n"
    "words, exclamation marks, questions and laughter.\n"
    "\n"
    "Examples:\n"
    "  echo 'Fixed in 5 minutes, thank you!! 😍' | threadline sentiment\n"
    "  threadline sentiment --lang es < tweets_es.txt > scores.jsonl\n";

}  // namespace

int RunSentiment(const std::vector<std::string>& args) {
  std::string lang = "auto";
  FlagSet flags(kUsage);
  flags.String("lang", "LANG",
               "en, es, or auto to detect each line's language (default auto)",
               &lang);
  if (absl::Status s = flags.Parse(args); !s.ok()) {
    std::fprintf(stderr, "threadline sentiment: %s\n",
                 std::string(s.message()).c_str());
    return 2;
  }
  if (flags.help_requested()) {
    std::fputs(flags.Help().c_str(), stdout);
    return 0;
  }
  if (lang != "en" && lang != "es" && lang != "auto") {
    std::fprintf(stderr,
                 "threadline sentiment: --lang must be en, es or auto, got "
                 "\"%s\"\n",
                 lang.c_str());
    return 2;
  }
  const std::string language = lang == "auto" ? "" : lang;

  absl::StatusOr<std::unique_ptr<LineReader>> reader = LineReader::Open("");
  if (!reader.ok()) {
    std::fprintf(stderr, "threadline sentiment: %s\n",
                 std::string(reader.status().message()).c_str());
    return 1;
  }
  absl::StatusOr<std::unique_ptr<OutputFile>> writer = OutputFile::Open("");
  if (!writer.ok()) {
    std::fprintf(stderr, "threadline sentiment: %s\n",
                 std::string(writer.status().message()).c_str());
    return 1;
  }
  const std::shared_ptr<const SentimentAnalyzer> analyzer =
      NewLexiconSentimentAnalyzer();
  std::string out;
  std::string_view line;
  while ((*reader)->Next(&line)) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const Sentiment s = analyzer->Analyze(line, language);
    absl::StrAppendFormat(&out,
                          "{\"score\": %.4f, \"label\": \"%s\", "
                          "\"language\": \"%s\"}\n",
                          s.score, SentimentLabelName(s.label), s.language);
    if (out.size() >= (1 << 16)) {
      if (absl::Status w = (*writer)->Write(out); !w.ok()) {
        std::fprintf(stderr, "threadline sentiment: %s\n",
                     std::string(w.message()).c_str());
        return 1;
      }
      out.clear();
    }
  }
  if (!(*reader)->status().ok()) {
    std::fprintf(stderr, "threadline sentiment: %s\n",
                 std::string((*reader)->status().message()).c_str());
    return 1;
  }
  absl::Status w = (*writer)->Write(out);
  if (w.ok()) w = (*writer)->Close();
  if (!w.ok()) {
    std::fprintf(stderr, "threadline sentiment: %s\n",
                 std::string(w.message()).c_str());
    return 1;
  }
  return 0;
}

}  // namespace threadline::cli
