// The hand-written lexicon of the matter classifier (topic.h).
#ifndef THREADLINE_SRC_TEXT_TOPIC_LEXICON_H_
#define THREADLINE_SRC_TEXT_TOPIC_LEXICON_H_

#include <cstddef>

namespace threadline::text {

// The pseudo-topic of the phrases that say a message continues an earlier
// contact.
inline constexpr char kFollowUpTopic[] = "follow_up";
// The pseudo-topic of idioms that are consumed as phrases and score nothing.
inline constexpr char kNoTopic[] = "-";

// One group of entries for one topic in one language.
//
// `entries` is a comma-separated list of "TEXT=WEIGHT" (WEIGHT defaults to
// 2). TEXT is one word, a stem ending in '*' that matches every word it
// begins ("refund*": refund, refunds, refunded), or a phrase of words and
// stems separated by spaces. Inside a phrase the filler words below are
// skipped, and a phrase left with a single word is ignored. Words are
// written in lower-case ASCII without accents, as the tokenizer folds text.
// Weights: about 1 is a hint, 2 a clear sign, 3 to 4 decisive; a topic needs
// 1.5 in all. The same word or phrase for the same topic keeps its largest
// weight.
struct TopicLexiconGroup {
  const char* topic;     // a Topics() name, kFollowUpTopic or kNoTopic
  const char* language;  // "en", "es", or "" for both
  const char* entries;
};

extern const TopicLexiconGroup kTopicLexicon[];
extern const size_t kTopicLexiconSize;

// Words skipped when matching phrases, space-separated: articles,
// possessives, pronouns, auxiliaries and "please", in both languages.
extern const char kTopicFillers[];

}  // namespace threadline::text

#endif  // THREADLINE_SRC_TEXT_TOPIC_LEXICON_H_
