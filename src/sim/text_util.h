// Small text transformations the simulator applies to what people type:
// dropping accents as phone keyboards do, garbling a character set, casual
// casing. All work on UTF-8 and leave other bytes alone.
#ifndef THREADLINE_SRC_SIM_TEXT_UTIL_H_
#define THREADLINE_SRC_SIM_TEXT_UTIL_H_

#include <string>
#include <string_view>

namespace threadline::sim {

// FoldToAscii: "María O'Brien" → "Maria O'Brien": Spanish accents and ñ
// folded to ASCII letters, other text unchanged.
std::string FoldToAscii(std::string_view s);

// StripAccents: as typed on a phone without bothering with accents: vowels
// lose them; ñ becomes n only when `enye_too`; ¿ and ¡ go when
// `drop_inverted`.
std::string StripAccents(std::string_view s, bool enye_too, bool drop_inverted);

// StripAccentsInPlace: StripAccents without a copy (the result is never
// longer).
void StripAccentsInPlace(std::string* s, bool enye_too, bool drop_inverted);

// Mojibake: UTF-8 read as Latin-1 and written back as UTF-8 ("María" →
// "MarÃ­a"), the usual scar of a broken import. Still valid UTF-8.
std::string Mojibake(std::string_view s);

// FirstLetter: the first UTF-8 character of `s` ("Á" of "Álvarez"), whole.
std::string_view FirstLetter(std::string_view s);

// LowerAscii: lower-cases ASCII letters only (accented capitals are rare in
// what people type and stay as they are).
void LowerAscii(std::string* s);

}  // namespace threadline::sim

#endif  // THREADLINE_SRC_SIM_TEXT_UTIL_H_
