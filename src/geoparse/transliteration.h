// Cyrillic place names in Latin letters by ICU's BGN/PCGN transforms
// (Russian-Latin/BGN, Ukrainian-Latin/BGN), to tie a Russian or Ukrainian
// name that the gazetteer has no Cyrillic form of to GeoNames' Latin name.
#ifndef SITREP_GEOPARSE_TRANSLITERATION_H_
#define SITREP_GEOPARSE_TRANSLITERATION_H_

#include <string>
#include <string_view>
#include <vector>

#include "geoparse/declension.h"

namespace sitrep {

// The folded Latin spellings of a Cyrillic word in `lang`, each once:
// BGN/PCGN's, with its prime marks for ь and ъ dropped and as apostrophes
// (GeoNames writes both: "Pokrovsk", "Yats'kivka"); for Ukrainian also the
// national system's й as "i" inside a word ("Урожайне" -> "urozhayne",
// "urozhaine"), which GeoNames' Ukrainian names follow. Empty when ICU has
// no such transform or `word` has no Cyrillic letter. Thread-safe.
std::vector<std::string> LatinSpellings(std::string_view word, NameLanguage lang);

// The Russian Cyrillic spelling of a Latin name written by BGN/PCGN's
// Russian system ("Velikaya Novoselka" -> "Великая Новоселка"; an
// apostrophe is the soft sign), by ICU's Latin-Russian/BGN; empty when ICU
// has no such transform or the result does not transliterate back to
// `latin`. Thread-safe.
std::string RussianFromLatin(std::string_view latin);

}  // namespace sitrep

#endif  // SITREP_GEOPARSE_TRANSLITERATION_H_
