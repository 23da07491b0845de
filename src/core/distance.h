// Great-circle distance, for "how far apart are these two places": the
// haversine on a sphere of radius 6371 km (within 0.5% of the ellipsoid;
// geodesic areas and lengths of control maps are in src/geo).
#ifndef SITREP_CORE_DISTANCE_H_
#define SITREP_CORE_DISTANCE_H_

#include <algorithm>
#include <cmath>

namespace sitrep {

inline double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = M_PI / 180;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
             std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace sitrep

#endif  // SITREP_CORE_DISTANCE_H_
