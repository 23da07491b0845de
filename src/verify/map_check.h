// Claims against the control map: is a claimed area consistent with the
// area the map shows the claimed side holding, given how the claim bounds
// its number ("nearly", "over", "about")?
#ifndef SITREP_VERIFY_MAP_CHECK_H_
#define SITREP_VERIFY_MAP_CHECK_H_

#include <string>

namespace sitrep {

// The measured areas a claim of `claimed` with this bound accepts:
// exact ±10%; approx ("about", "roughly") ±20%; at_most_approx ("nearly",
// "almost") 80–105%; at_least / more_than ("at least", "over") 95% and up;
// at_most / less_than ("up to", "under") up to 105%.
struct AreaTolerance {
  double low = 0, high = 0;  // km²; high may be infinity
};
AreaTolerance ToleranceFor(double claimed_km2, const std::string& bound);

// "consistent", "overstated" (the map shows less than the claim allows) or
// "understated" (more).
std::string AreaVerdict(double claimed_km2, const std::string& bound, double measured_km2);

}  // namespace sitrep

#endif  // SITREP_VERIFY_MAP_CHECK_H_
