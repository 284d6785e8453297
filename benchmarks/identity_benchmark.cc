// Identity normalization on the engine's hot path: phone numbers with and
// without the cache, emails, handles, and mention extraction from messages.
//
//   identity_benchmark --benchmark_min_time=0.05
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "benchmark/benchmark.h"
#include "identity/phone.h"
#include "threadline/identity.h"
#include "threadline/types.h"

namespace threadline {
namespace {

struct RawPhone {
  Identity identity;
  std::string region;
};

// Phone values in the forms they arrive in.
std::vector<RawPhone> PhoneValues() {
  return {
      {{IdentityKind::kPhone, "+57 300 123 4567"}, "CO"},
      {{IdentityKind::kPhone, "(646) 555-0134"}, "US"},
      {{IdentityKind::kPhone, "4152708985"}, "US"},
      {{IdentityKind::kPhone, "+34-665112400"}, "ES"},
      {{IdentityKind::kPhone, "0034612345678"}, "US"},
      {{IdentityKind::kPhone, "(318) 887-6086"}, "CO"},
      {{IdentityKind::kWhatsapp, "573227891702"}, "CO"},
      {{IdentityKind::kWhatsapp, "+14159520765"}, ""},
  };
}

// Without the cache of values; PhoneReader still remembers its answers to
// whether a number is valid (the eight values repeat).
void BM_NormalizePhoneCold(benchmark::State& state) {
  IdentityNormalizer normalizer({.phone_cache_entries = 0});
  const std::vector<RawPhone> values = PhoneValues();
  size_t i = 0;
  for (auto _ : state) {
    const RawPhone& raw = values[i++ % values.size()];
    benchmark::DoNotOptimize(normalizer.Normalize(raw.identity, raw.region));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NormalizePhoneCold);

// One form at a time: "0034..." from a US region needs several readings.
void BM_NormalizePhoneColdByForm(benchmark::State& state) {
  IdentityNormalizer normalizer({.phone_cache_entries = 0});
  const RawPhone raw = PhoneValues()[state.range(0)];
  state.SetLabel(raw.identity.value);
  for (auto _ : state) {
    benchmark::DoNotOptimize(normalizer.Normalize(raw.identity, raw.region));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NormalizePhoneColdByForm)->DenseRange(0, 7);

using identity_internal::PhoneReader;

// First sight of a phone value, one plain form at a time, read by
// PhonePlan (arg 1 = 0) or by libphonenumber alone (arg 1 = 1): what a new
// customer's number costs before the cache holds it. "0034..." from a US
// region needs an international prefix PhonePlan leaves to libphonenumber.
// Each iteration reads another number in the same form (its last six
// digits counted up), so no answer about validity is remembered.
struct PlainForm {
  const char* value;
  const char* region;
  PhoneReader::Form form;
};
constexpr PlainForm kPlainForms[] = {
    {"+57 300 123 4567", "CO", PhoneReader::Form::kAny},
    {"+14159520765", "", PhoneReader::Form::kInternational},
    {"573227891702", "CO", PhoneReader::Form::kInternational},
    {"(646) 555-0134", "US", PhoneReader::Form::kAny},
    {"300 123 4567", "CO", PhoneReader::Form::kAny},
    {"4152708985", "US", PhoneReader::Form::kAny},
    {"+34-665112400", "ES", PhoneReader::Form::kAny},
    {"(318) 887-6086", "CO", PhoneReader::Form::kAny},
    {"0034612345678", "US", PhoneReader::Form::kAny},
};

void BM_ToE164FirstSight(benchmark::State& state) {
  const PhoneReader reader(state.range(1) == 0
                               ? PhoneReader::Engine::kPlan
                               : PhoneReader::Engine::kLibphonenumber);
  const PlainForm& plain = kPlainForms[state.range(0)];
  const std::string region = plain.region;
  state.SetLabel(std::string(plain.value) +
                 (state.range(1) == 0 ? " plan" : " libphonenumber"));
  std::vector<std::string> numbers(1 << 18, plain.value);
  for (size_t n = 0; n < numbers.size(); ++n) {
    size_t count = n;
    for (auto c = numbers[n].rbegin(); c != numbers[n].rend(); ++c) {
      if (*c < '0' || *c > '9') continue;
      if (c - numbers[n].rbegin() >= 7) break;  // six digits and separators
      *c = static_cast<char>('0' + count % 10);
      count /= 10;
    }
  }
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        reader.ToE164(numbers[i++ % numbers.size()], region, plain.form));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ToE164FirstSight)
    ->ArgsProduct({benchmark::CreateDenseRange(0, 8, 1), {0, 1}});

// Finding numbers in typical messages (no cache is involved), by PhonePlan's
// emulation of libphonenumber's matcher (arg 1 = 0) or by the matcher.
const std::vector<std::string>& FindTexts() {
  static const auto* const texts = new std::vector<std::string>{
      "Me interesa mejorar mi paquete, que opciones hay? Ya llame al "
      "+576015550199 dos veces",
      "This is still not solved. Locked out of the app after the update You "
      "can reach me at +12124565641",
      "llamenme al 300 123 4567 despues de las 5",
      "call me back at (646) 555-0134 please, order 4471-0032",
      "Hago seguimiento. Por favor procesen mi reembolso, ya van 14 dias",
  };
  return *texts;
}

void BM_FindPhones(benchmark::State& state) {
  const PhoneReader reader(state.range(1) == 0
                               ? PhoneReader::Engine::kPlan
                               : PhoneReader::Engine::kLibphonenumber);
  const std::string& text = FindTexts()[state.range(0)];
  const std::string region = state.range(0) == 2 ? "CO" : "US";
  state.SetLabel(state.range(1) == 0 ? "plan" : "libphonenumber");
  const PhoneReader::FindLimits limits{
      .max_bytes = 64 * 1024, .max_tries = 64, .max_found = 64};
  for (auto _ : state) {
    benchmark::DoNotOptimize(reader.Find(text, region, limits));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FindPhones)
    ->ArgsProduct({benchmark::CreateDenseRange(0, 4, 1), {0, 1}});

// The steady state: the engine sees the same customers' numbers again.
void BM_NormalizePhoneCached(benchmark::State& state) {
  static IdentityNormalizer* const normalizer = new IdentityNormalizer();
  const std::vector<RawPhone> values = PhoneValues();
  for (const RawPhone& raw : values) {
    benchmark::DoNotOptimize(normalizer->Normalize(raw.identity, raw.region));
  }
  size_t i = state.thread_index();
  for (auto _ : state) {
    const RawPhone& raw = values[i++ % values.size()];
    benchmark::DoNotOptimize(normalizer->Normalize(raw.identity, raw.region));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NormalizePhoneCached)->ThreadRange(1, 2);

// A cache holding many numbers, looked up at random: closer to an engine
// with many customers than eight hot entries.
void BM_NormalizePhoneCachedManyNumbers(benchmark::State& state) {
  IdentityNormalizer normalizer;
  const int count = static_cast<int>(state.range(0));
  std::vector<Identity> values;
  for (int i = 0; i < count; ++i) {
    values.push_back(
        {IdentityKind::kPhone, "+1 646 " + std::to_string(2000000 + i * 7)});
    benchmark::DoNotOptimize(normalizer.Normalize(values.back(), "US"));
  }
  uint64_t x = 88172645463325252u;
  for (auto _ : state) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    benchmark::DoNotOptimize(normalizer.Normalize(values[x % count], "US"));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NormalizePhoneCachedManyNumbers)->Arg(1 << 10)->Arg(1 << 15);

void BM_NormalizeEmail(benchmark::State& state) {
  IdentityNormalizer normalizer;
  const Identity raw{IdentityKind::kEmail, " Grace.Clark@Example.org "};
  for (auto _ : state) {
    benchmark::DoNotOptimize(normalizer.Normalize(raw));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NormalizeEmail)->ThreadRange(1, 2);

void BM_NormalizeHandle(benchmark::State& state) {
  IdentityNormalizer normalizer;
  const Identity raw{IdentityKind::kTwitter, "@GraceCla9596"};
  for (auto _ : state) {
    benchmark::DoNotOptimize(normalizer.Normalize(raw));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NormalizeHandle);

void BM_NormalizeAccount(benchmark::State& state) {
  IdentityNormalizer normalizer;
  const Identity raw{IdentityKind::kAccount, "ac-305 510"};
  for (auto _ : state) {
    benchmark::DoNotOptimize(normalizer.Normalize(raw));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NormalizeAccount);

// The steady state, kind by kind: each value is normalized once before the
// timed loop, so phone values are cache hits; the other kinds are never
// cached and cost the same every time.
struct KindValue {
  const char* label;
  Identity identity;
  const char* region;
};
const std::vector<KindValue>& KindValues() {
  static const auto* const values = new std::vector<KindValue>{
      {"phone national", {IdentityKind::kPhone, "(646) 555-0134"}, "US"},
      {"phone +", {IdentityKind::kPhone, "+57 300 123 4567"}, "CO"},
      {"whatsapp", {IdentityKind::kWhatsapp, "573227891702"}, "CO"},
      {"phone invalid", {IdentityKind::kPhone, "12"}, "US"},
      {"email", {IdentityKind::kEmail, " Grace.Clark@Example.org "}, ""},
      {"twitter", {IdentityKind::kTwitter, "@GraceCla9596"}, ""},
      {"instagram", {IdentityKind::kInstagram, "grace.clark_22"}, ""},
      {"facebook", {IdentityKind::kFacebook, "457551782691750"}, ""},
      {"account", {IdentityKind::kAccount, "ac-305 510"}, ""},
      {"chat visitor", {IdentityKind::kChatVisitor, "v-8f2c1d"}, ""},
  };
  return *values;
}

void BM_NormalizeByKind(benchmark::State& state) {
  IdentityNormalizer normalizer;
  const KindValue& value = KindValues()[state.range(0)];
  state.SetLabel(value.label);
  benchmark::DoNotOptimize(normalizer.Normalize(value.identity, value.region));
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        normalizer.Normalize(value.identity, value.region));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NormalizeByKind)->DenseRange(0, 9);

// Messages as the engine sees them: most hold no identity at all, many hold
// a few digits (amounts, days, order lines), a few hold an identity.
struct TypicalText {
  const char* label;
  const char* text;
  const char* region;
};
const std::vector<TypicalText>& TypicalTexts() {
  static const auto* const texts = new std::vector<TypicalText>{
      {"plain en",
       "The password reset email never arrives. I need to "
       "download my invoices before Friday, please help.",
       "US"},
      {"plain es",
       "Buzón de voz: Hola, habla Enrique. ¿Cómo cancelo? Me voy "
       "a vivir a otro país. Por favor devuélvanme la llamada.",
       "US"},
      {"few digits",
       "el reembolso de 30 mil pesos sigue saliendo como "
       "pendiente, ya van 14 dias. ya me canse.",
       "CO"},
      {"order and date",
       "Order 4471-0032 from 2026-01-05 was charged twice, "
       "$120.50 each time. Please refund one.",
       "US"},
      {"account",
       "How do I cancel my plan? I am moving abroad. My account "
       "is AC-305510 if that helps.",
       "US"},
      {"email",
       "To whom it may concern, please write to "
       "showard33258@outlook.com instead of my old address.",
       "US"},
      {"phone",
       "To whom it may concern,\n\nThe password reset email never "
       "arrives. Phone: +1 1-718-863-9942.\n\nThank you,\nSusan",
       "US"},
      {"hotline",
       "Your hotline +18005550199 keeps hanging up on me, third "
       "time today",
       "US"},
  };
  return *texts;
}

void BM_ExtractMentionsTypical(benchmark::State& state) {
  IdentityNormalizer normalizer;
  const TypicalText& text = TypicalTexts()[state.range(0)];
  state.SetLabel(text.label);
  const std::string_view view(text.text);
  benchmark::DoNotOptimize(
      normalizer.ExtractMentions(view, text.region, Channel::kEmail));
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        normalizer.ExtractMentions(view, text.region, Channel::kEmail));
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(view.size()));
}
BENCHMARK(BM_ExtractMentionsTypical)->DenseRange(0, 7);

// Typical customer messages of about 100 characters.
const std::vector<std::string>& Messages() {
  static const auto* const messages = new std::vector<std::string>{
      "Any update on my refund? I also wrote you on twitter as @AVABRO5651, "
      "nobody answered since Monday",
      "Sin internet desde esta manana, no carga nada. Me pueden llamar al "
      "+573218374019 por favor",
      "My email is ava.smith29@yahoo.es, please send the invoice there and "
      "not to my old work address",
      "@AcmeCare I was charged twice for the same month and the app still "
      "shows the old plan, help!",
  };
  return *messages;
}

void BM_ExtractMentions(benchmark::State& state) {
  IdentityNormalizer normalizer;
  const std::string& text = Messages()[state.range(0)];
  int64_t bytes = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        normalizer.ExtractMentions(text, "US", Channel::kTwitter));
    bytes += static_cast<int64_t>(text.size());
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ExtractMentions)->DenseRange(0, 3);

void BM_ExtractMentionsTwoThreads(benchmark::State& state) {
  static IdentityNormalizer* const normalizer = new IdentityNormalizer();
  size_t i = state.thread_index();
  for (auto _ : state) {
    const std::string& text = Messages()[i++ % Messages().size()];
    benchmark::DoNotOptimize(normalizer->ExtractMentions(text, "US"));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ExtractMentionsTwoThreads)->ThreadRange(1, 2);

// Long texts (transcripts, pasted logs): the phone scan stops at 64 KiB.
void BM_ExtractMentionsLongText(benchmark::State& state) {
  IdentityNormalizer normalizer;
  std::string text;
  while (text.size() < static_cast<size_t>(state.range(0))) {
    text += Messages()[text.size() % Messages().size()];
    text += " Order 4471-0032 on 2026-01-05, total $120.50. ";
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(normalizer.ExtractMentions(text, "US"));
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ExtractMentionsLongText)
    ->RangeMultiplier(16)
    ->Range(1 << 10, 1 << 20)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace threadline
