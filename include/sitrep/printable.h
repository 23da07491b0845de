// Quoting outside text in a message or on a terminal.
#ifndef SITREP_PRINTABLE_H_
#define SITREP_PRINTABLE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace sitrep {

// `s` made safe for a terminal or a one-line message: control characters
// (C0 but tab, newline and CR before one, DEL, C1 U+0080..U+009F) and bytes that are not
// UTF-8 become \xNN escapes, so that input cannot move the cursor, recolour
// or retitle the terminal; with `one_line`, tab, CR and LF too. At most
// `max_bytes` of `s` are kept, cut at a code point, then "…".
std::string Printable(std::string_view s, size_t max_bytes = std::string_view::npos, bool one_line = true);

}  // namespace sitrep

#endif  // SITREP_PRINTABLE_H_
