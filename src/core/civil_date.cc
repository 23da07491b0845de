#include <cstdio>

#include "sitrep/extraction.h"

namespace sitrep {

// Days from civil and back: the well-known proleptic Gregorian algorithms
// (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
int64_t CivilDate::ToDays() const {
  int64_t y = year - (month <= 2 ? 1 : 0);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t mp = (month + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilDate::FromDays(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return {y, m, d};
}

int CivilDate::Weekday() const {
  int64_t d = ToDays();  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((d % 7) + 7 + 3) % 7);
}

std::string CivilDate::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<CivilDate> CivilDate::Parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int v[3] = {0, 0, 0};
  int idx[3][2] = {{0, 4}, {5, 2}, {8, 2}};
  for (int k = 0; k < 3; ++k) {
    for (int i = 0; i < idx[k][1]; ++i) {
      char c = s[idx[k][0] + i];
      if (c < '0' || c > '9') return std::nullopt;
      v[k] = v[k] * 10 + (c - '0');
    }
  }
  CivilDate d{v[0], v[1], v[2]};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.year < 1) return std::nullopt;
  if (FromDays(d.ToDays()) != d) return std::nullopt;  // 2024-02-30
  return d;
}

const char* ToString(ClaimKind k) {
  switch (k) {
    case ClaimKind::kQuote: return "quote";
    case ClaimKind::kReportedSpeech: return "reported_speech";
    case ClaimKind::kReport: return "report";
    case ClaimKind::kNarration: return "narration";
  }
  return "narration";
}

const char* ToString(ClaimStatus s) {
  switch (s) {
    case ClaimStatus::kAsserted: return "asserted";
    case ClaimStatus::kReported: return "reported";
    case ClaimStatus::kAlleged: return "alleged";
    case ClaimStatus::kUnverified: return "unverified";
    case ClaimStatus::kConfirmed: return "confirmed";
    case ClaimStatus::kDenied: return "denied";
  }
  return "reported";
}

std::optional<ClaimStatus> ParseClaimStatus(std::string_view name) {
  for (ClaimStatus s : {ClaimStatus::kAsserted, ClaimStatus::kReported, ClaimStatus::kAlleged, ClaimStatus::kUnverified,
                        ClaimStatus::kConfirmed, ClaimStatus::kDenied}) {
    if (name == ToString(s)) return s;
  }
  return std::nullopt;
}

namespace {
constexpr std::pair<QuantityBound, const char*> kBoundNames[] = {
    {QuantityBound::kExact, "exact"},        {QuantityBound::kApprox, "approx"},
    {QuantityBound::kAtMostApprox, "at_most_approx"}, {QuantityBound::kAtLeast, "at_least"},
    {QuantityBound::kMoreThan, "more_than"}, {QuantityBound::kAtMost, "at_most"},
    {QuantityBound::kLessThan, "less_than"}};
}  // namespace

const char* ToString(QuantityBound b) {
  for (const auto& [bound, name] : kBoundNames) {
    if (bound == b) return name;
  }
  return "exact";
}

std::optional<QuantityBound> ParseQuantityBound(std::string_view name) {
  for (const auto& [bound, n] : kBoundNames) {
    if (name == n) return bound;
  }
  return std::nullopt;
}

}  // namespace sitrep
