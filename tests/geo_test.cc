// Geodesic areas checked against areas derived independently from the
// ellipsoid's formula, and control-map GeoJSON validation.
#include <gtest/gtest.h>

#include <cmath>

#include "geo/control_geojson.h"
#include "geo/geometry.h"
#include "geo/point_index.h"

namespace sitrep {
namespace {

// WGS84.
constexpr double kA = 6378137.0, kF = 1 / 298.257223563;
const double kB = kA * (1 - kF), kE2 = kF * (2 - kF), kE = std::sqrt(kE2);

// Area between the equator and latitude phi per radian of longitude (m²),
// from the authalic-latitude formula for an ellipsoid of revolution.
double ZoneArea(double phi_deg) {
  double s = std::sin(phi_deg * M_PI / 180);
  return kB * kB / 2 * (s / (1 - kE2 * s * s) + std::log((1 + kE * s) / (1 - kE * s)) / (2 * kE));
}

// Area (km²) of the cell between two meridians and two parallels.
double CellArea(double lat1, double lat2, double dlon_deg) {
  return (ZoneArea(lat2) - ZoneArea(lat1)) * dlon_deg * M_PI / 180 / 1e6;
}

// A ring along meridians and parallels; parallels densified so that
// geodesic edges follow them (a geodesic between two points of a parallel
// bulges poleward).
Ring CellRing(double lon1, double lat1, double lon2, double lat2, int steps = 2000) {
  Ring r;
  for (int i = 0; i <= steps; ++i) r.push_back({lon1 + (lon2 - lon1) * i / steps, lat1});
  for (int i = steps; i >= 0; --i) r.push_back({lon1 + (lon2 - lon1) * i / steps, lat2});
  r.push_back(r.front());
  return r;
}

TEST(GeodesicArea, OneDegreeCellsMatchTheEllipsoidFormula) {
  for (double lat : {0.0, 30.0, 45.0, 51.0, 60.0, 75.0}) {
    double want = CellArea(lat, lat + 1, 1);
    double got = MeasureRing(CellRing(35, lat, 36, lat + 1)).area_km2;
    EXPECT_NEAR(got / want, 1.0, 1e-6) << "cell at " << lat << "°: " << got << " vs " << want << " km²";
  }
  // Undensified, the edges are geodesics, not parallels: a measurable
  // difference at 60°, which the test above would catch if areas were planar.
  double coarse = MeasureRing({{35, 60}, {36, 60}, {36, 61}, {35, 61}, {35, 60}}).area_km2;
  EXPECT_GT(std::fabs(coarse / CellArea(60, 61, 1) - 1), 1e-5);
}

TEST(GeodesicArea, PolarCapMatchesTheEllipsoidFormula) {
  // The cap north of 80°N: a ring along the parallel around the pole.
  Ring r;
  for (int i = 0; i <= 3600; ++i) r.push_back({-180 + i * 0.1, 80});
  double want = CellArea(80, 90, 360);  // ≈ 3.9 million km²
  EXPECT_NEAR(MeasureRing(r).area_km2 / want, 1.0, 1e-6);
}

TEST(GeodesicArea, HolesAreSubtractedAndCountInThePerimeter) {
  Polygon p;
  p.outer = CellRing(35, 51, 36, 52);
  p.holes.push_back(CellRing(35.25, 51.25, 35.75, 51.75));
  GeodesicMeasure m = Measure({p});
  double want = CellArea(51, 52, 1) - CellArea(51.25, 51.75, 0.5);
  EXPECT_NEAR(m.area_km2 / want, 1.0, 1e-6);
  EXPECT_NEAR(m.perimeter_km, MeasureRing(p.outer).perimeter_km + MeasureRing(p.holes[0]).perimeter_km, 1e-9);
  // The orientation of a ring does not change its measure.
  Ring reversed(p.outer.rbegin(), p.outer.rend());
  EXPECT_NEAR(MeasureRing(reversed).area_km2, MeasureRing(p.outer).area_km2, 1e-9);
  EXPECT_NEAR(kSquareMilesPerKm2 * 2.589988110336, 1.0, 1e-12);
}

TEST(GeodesicArea, LongRingsMeasuredByProjectionAgreeWithGeodesics) {
  // 60,000 vertices: over the projection threshold.
  Ring r;
  for (int i = 0; i < 60000; ++i) {
    double t = 2 * M_PI * i / 60000, radius = 0.5 + 0.05 * std::sin(37 * t);
    r.push_back({35.5 + 1.6 * radius * std::cos(t), 51.3 + radius * std::sin(t)});
  }
  r.push_back(r.front());
  GeodesicMeasure fast = MeasureRing(r), exact = MeasureRingGeodesic(r);
  EXPECT_NEAR(fast.area_km2 / exact.area_km2, 1.0, 1e-9);
  EXPECT_NEAR(fast.perimeter_km / exact.perimeter_km, 1.0, 1e-9);
  // A long ring around the pole is not projected: still exact.
  Ring cap;
  for (int i = 0; i <= 36000; ++i) cap.push_back({-180 + i * 0.01, 80});
  EXPECT_NEAR(MeasureRing(cap).area_km2 / CellArea(80, 90, 360), 1.0, 1e-6);
}

TEST(Overlay, DifferenceGivesGainedAndLost) {
  Polygon a, b;
  a.outer = {{35, 51}, {36, 51}, {36, 52}, {35, 52}, {35, 51}};
  b.outer = {{35.5, 51}, {36.5, 51}, {36.5, 52}, {35.5, 52}, {35.5, 51}};
  Result<MultiPolygon> gained = Difference({b}, {a});
  Result<MultiPolygon> lost = Difference({a}, {b});
  ASSERT_TRUE(gained.ok() && lost.ok());
  double half = Measure({a}).area_km2 / 2;
  EXPECT_NEAR(Measure(*gained).area_km2, half, half * 0.01);
  EXPECT_NEAR(Measure(*lost).area_km2, half, half * 0.01);
  Result<MultiPolygon> u = Union({a, b});
  ASSERT_TRUE(u.ok());
  EXPECT_NEAR(Measure(*u).area_km2, 3 * half, half * 0.02);  // overlap counted once
}

TEST(PointInPolygon, HolesAndSeveralPolygons) {
  Polygon a;
  a.outer = {{35, 51}, {36, 51}, {36, 52}, {35, 52}, {35, 51}};
  a.holes.push_back({{35.25, 51.25}, {35.75, 51.25}, {35.75, 51.75}, {35.25, 51.75}, {35.25, 51.25}});
  Polygon b;
  b.outer = {{37, 50}, {38, 50}, {37.5, 51}, {37, 50}};
  PointInPolygonIndex idx({a, b});
  EXPECT_TRUE(idx.Contains(35.1, 51.1));
  EXPECT_FALSE(idx.Contains(35.5, 51.5));  // in the hole
  EXPECT_TRUE(idx.Contains(35.9, 51.9));
  EXPECT_FALSE(idx.Contains(36.5, 51.5));  // between the two
  EXPECT_TRUE(idx.Contains(37.5, 50.5));
  EXPECT_FALSE(idx.Contains(37.1, 50.9));  // in b's box, outside the triangle
  EXPECT_FALSE(idx.Contains(10, 10));
  EXPECT_EQ(idx.edge_count(), 4u + 4u + 3u);
}

TEST(PointInPolygon, AgreesWithABruteForceCountOnAStar) {
  // A 1,000-point star: many concave vertices; compare with testing every edge.
  Ring star;
  for (int i = 0; i < 1000; ++i) {
    double r = i % 2 ? 0.4 : 1.0, t = 2 * M_PI * i / 1000;
    star.push_back({35 + r * std::cos(t), 51 + r * std::sin(t)});
  }
  star.push_back(star.front());
  PointInPolygonIndex idx({Polygon{star, {}}});
  auto brute = [&](double x, double y) {
    bool in = false;
    for (size_t i = 0; i + 1 < star.size(); ++i) {
      const LonLat &p = star[i], &q = star[i + 1];
      if ((p.lat > y) != (q.lat > y) && p.lon + (y - p.lat) * (q.lon - p.lon) / (q.lat - p.lat) > x) in = !in;
    }
    return in;
  };
  int disagreements = 0;
  for (int i = 0; i < 20000; ++i) {
    double x = 33.9 + 2.2 * ((i * 7919) % 10007) / 10007.0, y = 49.9 + 2.2 * ((i * 104729) % 10009) / 10009.0;
    disagreements += idx.Contains(x, y) != brute(x, y);
  }
  EXPECT_EQ(disagreements, 0);
}

TEST(ControlGeoJson, ReportsEveryInvalidFeatureWithItsReason) {
  std::string text = R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"date": "2024-08-12", "layer_type": "advances", "holder": "UKR"},
     "geometry": {"type": "Polygon", "coordinates": [[[35,51,0],[36,51,0],[36,52,0],[35,52,0],[35,51,0]],
                                                   [[35.2,51.2],[35.4,51.2],[35.4,51.4],[35.2,51.4],[35.2,51.2]]]}},
    {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[35,51],[36,51],[36,52],[35,52]]]}},
    {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[35,51],[36,52],[36,51],[35,52],[35,51]]]}},
    {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[35,51],[236,51],[36,52],[35,51]]]}},
    {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[35,51],[36,52]]}},
    {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[35,51],[36,51],[35,51]]]}},
    {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPolygon", "coordinates": [[[[30,50],[31,50],[31,51],[30,50]]], [[[32,50],[33,50],[33,51],[32,50]]]]}}
  ]})";
  std::vector<GeoJsonProblem> problems;
  Result<std::vector<ControlFeature>> f = ParseControlGeoJson(text, &problems);
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f->size(), 2u);
  EXPECT_EQ((*f)[0].number, 1u);
  EXPECT_EQ((*f)[0].date, "2024-08-12");
  EXPECT_EQ((*f)[0].layer, "advances");
  EXPECT_EQ((*f)[0].holder, "UKR");
  EXPECT_EQ((*f)[0].shape[0].holes.size(), 1u);
  EXPECT_EQ((*f)[1].shape.size(), 2u);
  ASSERT_EQ(problems.size(), 5u);
  EXPECT_EQ(problems[0].feature, 2u);
  EXPECT_NE(problems[0].reason.find("not closed"), std::string::npos) << problems[0].reason;
  EXPECT_EQ(problems[1].feature, 3u);
  EXPECT_NE(problems[1].reason.find("Self-intersection"), std::string::npos) << problems[1].reason;
  EXPECT_NE(problems[2].reason.find("out of range"), std::string::npos) << problems[2].reason;
  EXPECT_NE(problems[3].reason.find("LineString is not an area"), std::string::npos);
  EXPECT_NE(problems[4].reason.find("at least 4"), std::string::npos);
  EXPECT_FALSE(ParseControlGeoJson("{not json", &problems).ok());
}

}  // namespace
}  // namespace sitrep
