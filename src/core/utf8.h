// UTF-8 decoding, code point classes (through ICU) and the case folding used
// for every lexicon and gazetteer lookup. Offsets are always byte offsets.
#ifndef SITREP_CORE_UTF8_H_
#define SITREP_CORE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "sitrep/printable.h"

namespace sitrep {

// Decodes the code point starting at s[i]. Returns its byte length (1-4), or
// 0 when the bytes there are not valid UTF-8 (then *cp is U+FFFD).
int DecodeUtf8(std::string_view s, size_t i, char32_t* cp);
void AppendUtf8(std::string* out, char32_t cp);
// The offset of the first byte of `s` at or after `from` that does not
// start a valid UTF-8 sequence; s.size() when there is none.
size_t InvalidUtf8At(std::string_view s, size_t from = 0);

struct Utf8Repair {
  size_t bad_bytes = 0;           // bytes that were not valid UTF-8
  size_t first_bad_offset = 0;    // meaningful when bad_bytes > 0
};
// Replaces every byte of an invalid UTF-8 sequence with '?', in place, so the
// text keeps its length and every byte offset stays valid.
Utf8Repair RepairUtf8(std::string* s);

// Printable(), which makes input safe to quote, is public: sitrep/printable.h.
// How much of an input a message quotes (a parse error's context, a query).
inline constexpr size_t kMessageExcerptBytes = 240;

bool IsLetter(char32_t cp);
bool IsUpper(char32_t cp);
bool IsDigit(char32_t cp);
bool IsSpace(char32_t cp);

// Case-folded, diacritics-stripped (Latin only: Cyrillic й stays й) form of a
// word or phrase; typographic apostrophes become '. "Zelens’kyy" -> "zelens'kyy".
std::string FoldCase(std::string_view s);

// Optimal string alignment distance (Damerau-Levenshtein with adjacent
// transpositions) over code points; returns max_distance + 1 as soon as the
// distance is known to exceed max_distance.
int EditDistance(std::string_view a, std::string_view b, int max_distance);

}  // namespace sitrep

#endif  // SITREP_CORE_UTF8_H_
