// Reader for the reviewed TSV sources under data/ (compiled into the library).
// Lines starting with '#' and blank lines are skipped; fields are tab-separated.
#ifndef SITREP_CORE_TSV_H_
#define SITREP_CORE_TSV_H_

#include <string_view>
#include <vector>

namespace sitrep {

struct TsvRow {
  int line = 0;  // 1-based line number in the source, for error messages
  std::vector<std::string_view> fields;
  std::string_view field(size_t i) const { return i < fields.size() ? fields[i] : std::string_view(); }
};

// Splits `text` into rows. The views point into `text`.
std::vector<TsvRow> ParseTsv(std::string_view text);

// Splits "a|b|c" into its non-empty parts.
std::vector<std::string_view> SplitList(std::string_view s, char sep = '|');

}  // namespace sitrep

#endif  // SITREP_CORE_TSV_H_
