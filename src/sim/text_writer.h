// The Writer behind WriteText (texts.h), which composes the text of one
// contact, and the sentence helpers its files share: slots, problems and
// mentions are in texts.cc, what customers write and say in
// customer_texts.cc, what agents answer in agent_texts.cc. Internal to
// src/sim.
#ifndef THREADLINE_SRC_SIM_TEXT_WRITER_H_
#define THREADLINE_SRC_SIM_TEXT_WRITER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "sim/journey.h"
#include "sim/people.h"
#include "sim/phrases.h"
#include "sim/rng.h"
#include "sim/texts.h"

namespace threadline::sim {
namespace texts_internal {

// EndSentence: closes a sentence unless it already ends with its own mark.
void EndSentence(std::string* s, char mark);

// Tidy: "cambiarme a Prepago 15GB?. Que" → "…15GB? Que": a template's full
// stop after a phrase that brought its own question or exclamation mark.
void Tidy(std::string* s);

// LowerFirstWord: "Hola, Me cobraron" → "Hola, me cobraron": lower-cases
// the word at `pos` when it is a capitalised word (not "I", not "ID").
void LowerFirstWord(std::string* s, size_t pos);

// Writer: composes the text of one contact.
class Writer {
 public:
  Writer(const TextContext& ctx, int index)
      : ctx_(ctx),
        plan_(*ctx.plan),
        person_(ctx.plan->profile),
        inquiry_(*ctx.inquiry),
        contact_(ctx.plan->contacts[index]),
        lang_(inquiry_.lang),
        phrases_(GenericPhrases(lang_)),
        banks_(MatterPhrases(inquiry_.matter, lang_)),
        rng_(HashOf(ctx.text_seed, static_cast<uint64_t>(index))) {
    accents_ = lang_ == Lang::kEs && rng_.Chance(0.5);
  }

  bool Write(std::string* out);

 private:
  bool Wave() const { return inquiry_.kind == InquiryKind::kOutage; }
  uint64_t InquiryDraw(uint64_t slot) const {
    return HashOf(ctx_.inquiry_seed, slot);
  }
  std::string_view InquiryPick(const Bank& bank, uint64_t slot) const {
    return bank.items[InquiryDraw(slot) % bank.size];
  }

  // Expand: appends `templ` with its {slots} filled.
  void Expand(std::string_view templ, std::string* out);
  void Slot(std::string_view name, std::string* out);
  void Amount(uint64_t slot, std::string* out) const;

  void Problem(std::string* out);
  void ProblemSentence(std::string* out);
  void Sentence(std::string_view templ, std::string* out);
  void Mentions(uint16_t bits, std::string* out);

  void Customer(std::string* out);
  void CallNotes(std::string* out);
  void Agent(std::string* out);

  void Casual(std::string* text);
  void Typo(std::string* text);

  const TextContext& ctx_;
  const PersonPlan& plan_;
  const Profile& person_;
  const InquiryPlan& inquiry_;
  const ContactPlan& contact_;
  Lang lang_;
  const Phrases& phrases_;
  const MatterBanks& banks_;
  Rng rng_;
  bool accents_ = false;
  bool national_phone_ = false;
  std::string value_;  // {v}
};

}  // namespace texts_internal
}  // namespace threadline::sim

#endif  // THREADLINE_SRC_SIM_TEXT_WRITER_H_
