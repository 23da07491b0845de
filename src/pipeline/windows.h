// Where a long document is cut into the windows Extractor::Extract runs the
// pipeline over one at a time (ExtractOptions::window_bytes).
#ifndef SITREP_PIPELINE_WINDOWS_H_
#define SITREP_PIPELINE_WINDOWS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "sitrep/extraction.h"

namespace sitrep {

// Consecutive spans covering all of `text` (one, [0, size), when it is no
// longer than `window_bytes` or window_bytes is 0). Each cut is at the last
// paragraph break (a blank line) in the second half of a window of
// `window_bytes`; failing that, at the last line end; failing that, after
// the last sentence end (". ", "! ", "? "); failing that, at the window's
// end (never inside a UTF-8 sequence). Blank lines stay with the window
// before the cut.
std::vector<Span> ExtractionWindows(std::string_view text, size_t window_bytes);

}  // namespace sitrep

#endif  // SITREP_PIPELINE_WINDOWS_H_
