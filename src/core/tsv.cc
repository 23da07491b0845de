#include "core/tsv.h"

namespace sitrep {

std::vector<TsvRow> ParseTsv(std::string_view text) {
  std::vector<TsvRow> rows;
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    TsvRow row;
    row.line = line_no;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      if (tab == std::string_view::npos) {
        row.fields.push_back(line.substr(start));
        break;
      }
      row.fields.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string_view> SplitList(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t p = s.find(sep, start);
    if (p == std::string_view::npos) p = s.size();
    if (p > start) out.push_back(s.substr(start, p - start));
    start = p + 1;
  }
  return out;
}

}  // namespace sitrep
