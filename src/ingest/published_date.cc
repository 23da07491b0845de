#include <cctype>
#include <cstdlib>

#include "ingest/corpus_reader.h"

namespace sitrep {

namespace {

int MonthByName(std::string_view s) {
  static constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};
  if (s.size() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    bool same = true;
    for (int k = 0; k < 3; ++k) same = same && std::tolower(static_cast<unsigned char>(s[k])) == kMonths[i][k];
    if (same) return i + 1;
  }
  return 0;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> NormalizePublished(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r' || v.back() == '\n'))
    v.remove_suffix(1);
  if (v.empty()) return std::nullopt;
  // ISO 8601: 2024-08-13, 2024-08-13T10:15:00Z, 2024-08-13 10:15
  if (v.size() >= 10 && v[4] == '-' && v[7] == '-' && (v.size() == 10 || v[10] == 'T' || v[10] == ' ')) {
    if (auto d = CivilDate::Parse(v.substr(0, 10))) return d->ToString();
    return std::nullopt;
  }
  // Unix seconds (Telegram's date_unixtime, some JSON corpora): UTC date.
  if (AllDigits(v) && v.size() >= 9 && v.size() <= 11) {
    int64_t seconds = std::strtoll(std::string(v).c_str(), nullptr, 10);
    return CivilDate::FromDays(seconds / 86400).ToString();
  }
  // RFC 822: [Tue, ]13 Aug 2024 10:00:00 GMT
  size_t comma = v.find(',');
  std::string_view rest = comma == std::string_view::npos ? v : v.substr(comma + 1);
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  size_t s1 = rest.find(' ');
  if (s1 == std::string_view::npos) return std::nullopt;
  size_t s2 = rest.find(' ', s1 + 1);
  std::string_view day = rest.substr(0, s1);
  std::string_view month = rest.substr(s1 + 1, s2 == std::string_view::npos ? std::string_view::npos : s2 - s1 - 1);
  std::string_view year = s2 == std::string_view::npos ? std::string_view() : rest.substr(s2 + 1, 4);
  if (!AllDigits(day) || day.size() > 2 || !AllDigits(year) || year.size() != 4) return std::nullopt;
  int m = MonthByName(month);
  if (m == 0) return std::nullopt;
  CivilDate d{std::atoi(std::string(year).c_str()), m, std::atoi(std::string(day).c_str())};
  if (!CivilDate::Parse(d.ToString())) return std::nullopt;
  return d.ToString();
}

}  // namespace sitrep
