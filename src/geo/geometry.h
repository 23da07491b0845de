// Polygons on the WGS84 ellipsoid: control-of-terrain layers. Coordinates
// are degrees, longitude first (GeoJSON order). Areas and lengths are
// geodesic (GeographicLib), not planar.
#ifndef SITREP_GEO_GEOMETRY_H_
#define SITREP_GEO_GEOMETRY_H_

#include <string>
#include <vector>

#include "sitrep/control.h"  // kSquareMilesPerKm2
#include "sitrep/status.h"

namespace sitrep {

struct LonLat {
  double lon = 0, lat = 0;
  friend bool operator==(LonLat a, LonLat b) = default;
};

using Ring = std::vector<LonLat>;  // closed: front() == back()

struct Polygon {
  Ring outer;
  std::vector<Ring> holes;
};

using MultiPolygon = std::vector<Polygon>;


struct GeodesicMeasure {
  double area_km2 = 0;       // outer rings minus holes
  double perimeter_km = 0;   // every ring, holes included
};

// Geodesic area and perimeter on WGS84 (GeographicLib::PolygonArea). Ring
// orientation does not matter; a hole's area is subtracted.
// Rings of more than 20,000 vertices are measured through an equal-area
// projection (same area to 1e-11, three times faster; see geometry.cc);
// MeasureRingGeodesic always solves a geodesic per edge.
GeodesicMeasure MeasureRing(const Ring& ring);
GeodesicMeasure MeasureRingGeodesic(const Ring& ring);
GeodesicMeasure Measure(const MultiPolygon& shape);

// Overlay (GEOS, in the longitude/latitude plane; the geodesic measure of
// the result is then taken with Measure). Fails only on geometry GEOS
// cannot process.
Result<MultiPolygon> Union(const MultiPolygon& shape);
Result<MultiPolygon> Difference(const MultiPolygon& a, const MultiPolygon& b);

// GEOS's repair of a self-intersecting shape (GEOSMakeValid), areas only.
Result<MultiPolygon> MakeValid(const MultiPolygon& shape);

// Why a shape is not a valid polygon (self-intersection, ring not closed,
// too few points, coordinates out of range), or "" when it is.
std::string InvalidReason(const MultiPolygon& shape);
// True for the reasons MakeValid can repair (topology, not structure: a ring
// that is not closed or a coordinate out of range is never guessed at).
bool Repairable(const std::string& reason);

}  // namespace sitrep

#endif  // SITREP_GEO_GEOMETRY_H_
