#include "verify/map_check.h"

#include <cmath>

namespace sitrep {

AreaTolerance ToleranceFor(double c, const std::string& bound) {
  if (bound == "approx") return {0.8 * c, 1.2 * c};
  if (bound == "at_most_approx") return {0.8 * c, 1.05 * c};
  if (bound == "at_least" || bound == "more_than") return {0.95 * c, INFINITY};
  if (bound == "at_most" || bound == "less_than") return {0, 1.05 * c};
  return {0.9 * c, 1.1 * c};
}

std::string AreaVerdict(double claimed_km2, const std::string& bound, double measured_km2) {
  AreaTolerance t = ToleranceFor(claimed_km2, bound);
  if (measured_km2 < t.low) return "overstated";
  if (measured_km2 > t.high) return "understated";
  return "consistent";
}

}  // namespace sitrep
