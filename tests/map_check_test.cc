// Claims against the control map, as pure functions: small invented layers
// (a square of about 11 x 11 km near Pokrovsk) and claims, no database.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "sitrep/extraction.h"
#include "verify/map_check.h"

namespace sitrep {
namespace {

int64_t Day(const char* iso) { return CivilDate::Parse(iso)->ToDays(); }

// A state of `layer` held by `holder` on `date`: the square from (lon, lat)
// 0.15 degrees on a side, with the area the store would have measured.
ControlLayerState Square(const std::string& layer, const char* date, const std::string& holder, double lon,
                         double lat, double area_km2) {
  ControlLayerState s;
  s.layer = layer, s.date = date, s.holder = holder, s.day = Day(date), s.area_km2 = area_km2, s.features = 1;
  s.min_lon = lon, s.min_lat = lat, s.max_lon = lon + 0.15, s.max_lat = lat + 0.15;
  auto point = [](double x, double y) { return "[" + std::to_string(x) + "," + std::to_string(y) + "]"; };
  s.geometry = "[[[" + point(lon, lat) + "," + point(lon + 0.15, lat) + "," + point(lon + 0.15, lat + 0.15) + "," +
               point(lon, lat + 0.15) + "," + point(lon, lat) + "]]]";
  return s;
}

// A claim by `side` dated `date` at a town at (lat, lon).
MapClaim ClaimAt(const std::string& side, const char* date, double lat, double lon) {
  MapClaim c;
  c.id = 7, c.text = "invented", c.side = side, c.date = date, c.place = "Pokrovsk";
  c.located = true, c.lat = lat, c.lon = lon, c.geo_precision = 1;
  return c;
}

// Pokrovsk lies inside the square from (37.1, 48.2).
constexpr double kLat = 48.28, kLon = 37.17;

TEST(MapCheck, ToleranceFollowsTheWording) {
  EXPECT_EQ(AreaVerdict(1036, QuantityBound::kAtMostApprox, 1000),
            MapVerdict::kConsistent);  // "nearly 400 sq mi" vs 1,000 km²
  EXPECT_EQ(AreaVerdict(1036, QuantityBound::kAtMostApprox, 1200), MapVerdict::kUnderstated);
  EXPECT_EQ(AreaVerdict(1036, QuantityBound::kAtMostApprox, 700), MapVerdict::kOverstated);
  EXPECT_EQ(AreaVerdict(480, QuantityBound::kApprox, 560), MapVerdict::kConsistent);
  EXPECT_EQ(AreaVerdict(480, QuantityBound::kExact, 560), MapVerdict::kUnderstated);
  EXPECT_EQ(AreaVerdict(900, QuantityBound::kMoreThan, 5000), MapVerdict::kConsistent);
  EXPECT_EQ(AreaVerdict(900, QuantityBound::kMoreThan, 477), MapVerdict::kOverstated);
  EXPECT_EQ(AreaVerdict(100, QuantityBound::kAtMost, 20), MapVerdict::kConsistent);
  EXPECT_EQ(AreaVerdict(100, QuantityBound::kAtMost, 120), MapVerdict::kUnderstated);
}

TEST(MapCheck, AnExactNumberAcceptsTenPercentEitherWay) {
  AreaTolerance t = ToleranceFor(500, QuantityBound::kExact);
  EXPECT_DOUBLE_EQ(t.low, 450);
  EXPECT_DOUBLE_EQ(t.high, 550);
  EXPECT_EQ(AreaVerdict(500, QuantityBound::kExact, 449), MapVerdict::kOverstated);
  EXPECT_EQ(AreaVerdict(500, QuantityBound::kExact, 549), MapVerdict::kConsistent);
  EXPECT_TRUE(std::isinf(ToleranceFor(500, QuantityBound::kAtLeast).high));  // "at least" sets no upper limit
}

TEST(MapCheck, AnAreaClaimIsComparedWithTheLatestMapOfItsSideWithinTheWindow) {
  ControlMap map({Square("rus", "2024-09-15", "RUS", 37.1, 48.2, 300),  //
                  Square("rus", "2024-10-01", "RUS", 37.1, 48.2, 477)});
  MapClaim c = ClaimAt("RUS", "2024-10-02", kLat, kLon);
  ClaimCheck check = CheckAreaClaim(c, {480, QuantityBound::kApprox, "roughly 480 square kilometres"}, map, {});
  EXPECT_EQ(check.kind, CheckKind::kArea);
  EXPECT_EQ(check.verdict, MapVerdict::kConsistent);  // 477 km² within ±20% of "roughly 480"
  EXPECT_EQ(check.layer_date, "2024-10-01");
  EXPECT_DOUBLE_EQ(*check.measured_km2, 477);
  EXPECT_NEAR(*check.ratio, 480.0 / 477, 1e-9);
  EXPECT_NE(check.detail.find("\"roughly 480 square kilometres\" (approx) accepts 384 to 576 km²"), std::string::npos)
      << check.detail;
  // Dated before the second map: the first one, which shows far less.
  c.date = "2024-09-20";
  check = CheckAreaClaim(c, {480, QuantityBound::kApprox, "roughly 480 square kilometres"}, map, {});
  EXPECT_EQ(check.layer_date, "2024-09-15");
  EXPECT_EQ(check.verdict, MapVerdict::kOverstated);
}

TEST(MapCheck, AMapOlderThanTheWindowDoesNotCountButIsNamedNearby) {
  ControlMap map({Square("rus", "2024-10-01", "RUS", 37.1, 48.2, 477)});
  MapCheckOptions o;
  o.window_days = 0;
  ClaimCheck check =
      CheckAreaClaim(ClaimAt("RUS", "2024-10-02", kLat, kLon), {480, QuantityBound::kApprox, "480 km²"}, map, o);
  EXPECT_EQ(check.verdict, MapVerdict::kNoMap);
  EXPECT_FALSE(check.measured_km2.has_value());
  EXPECT_NE(check.detail.find("or up to 0 days before; near it: rus (held by RUS, maps 2024-10-01 to 2024-10-01)"),
            std::string::npos)
      << check.detail;
}

TEST(MapCheck, AnotherSidesLayerIsNoMapForTheClaim) {
  ControlMap map({Square("rus", "2024-10-01", "RUS", 37.1, 48.2, 477)});
  ClaimCheck check =
      CheckAreaClaim(ClaimAt("UKR", "2024-10-02", kLat, kLon), {480, QuantityBound::kApprox, "480 km²"}, map, {});
  EXPECT_EQ(check.verdict, MapVerdict::kNoMap);
  EXPECT_NE(check.detail.find("no layer held by UKR within 50 km of Pokrovsk"), std::string::npos) << check.detail;
}

TEST(MapCheck, ARegionReachesFartherThanATown) {
  // The square lies about 75 km north of the place: beyond a town's 50 km,
  // within a region's 150 km.
  ControlMap map({Square("rus", "2024-10-01", "RUS", 37.1, 48.9, 477)});
  MapClaim c = ClaimAt("RUS", "2024-10-02", 48.2, 37.17);
  EXPECT_EQ(CheckAreaClaim(c, {480, QuantityBound::kApprox, "480 km²"}, map, {}).verdict, MapVerdict::kNoMap);
  c.geo_precision = 3;
  EXPECT_EQ(CheckAreaClaim(c, {480, QuantityBound::kApprox, "480 km²"}, map, {}).verdict, MapVerdict::kConsistent);
}

TEST(MapCheck, AnAreaClaimSaysWhatItLacks) {
  ControlMap map({Square("rus", "2024-10-01", "RUS", 37.1, 48.2, 477)});
  const ClaimedArea area{480, QuantityBound::kApprox, "480 km²"};
  MapClaim no_side = ClaimAt("", "2024-10-02", kLat, kLon);
  EXPECT_EQ(CheckAreaClaim(no_side, area, map, {}).detail, "the claim names no side whose ground it is");
  MapClaim no_date = ClaimAt("RUS", "2024-10-02", kLat, kLon);
  no_date.date.reset();
  EXPECT_EQ(CheckAreaClaim(no_date, area, map, {}).detail, "the claim has no date");
  MapClaim no_place = ClaimAt("RUS", "2024-10-02", kLat, kLon);
  no_place.located = false;
  ClaimCheck check = CheckAreaClaim(no_place, area, map, {});
  EXPECT_EQ(check.detail, "the claim names no place with coordinates");
  EXPECT_EQ(check.verdict, MapVerdict::kNoMap);
  EXPECT_DOUBLE_EQ(*check.claimed_km2, 480);
}

TEST(MapCheck, ABattleInsideTheOtherSidesLayerIsHeldByOther) {
  ControlMap map({Square("rus", "2024-09-25", "RUS", 37.1, 48.2, 477)});
  MapClaim c = ClaimAt("UKR", "2024-09-30", kLat, kLon);
  c.has_event = true, c.event_type = "Battles";
  MapCheckResult r;
  CheckClaim(c, &map, {}, &r);
  ASSERT_EQ(r.checks.size(), 1u);
  EXPECT_EQ(r.checks[0].kind, CheckKind::kPlace);
  EXPECT_EQ(r.checks[0].verdict, MapVerdict::kHeldByOther);
  EXPECT_EQ(r.checks[0].detail, "Pokrovsk lies in rus (held by RUS) on 2024-09-25, not UKR");
  EXPECT_EQ(r.events_located, 1u);
  EXPECT_EQ(r.events_in_layers, 1u);
  ASSERT_EQ(r.in_layers.size(), 1u);
  EXPECT_EQ(r.in_layers[0].layer, "rus");
  EXPECT_EQ(r.in_layers[0].claim_id, 7);
}

TEST(MapCheck, TheClaimingSidesOwnLayerWinsOverAnotherHoldingThePoint) {
  ControlLayerState rus = Square("rus", "2024-09-25", "RUS", 37.1, 48.2, 477);
  ControlLayerState ukr = Square("ukr", "2024-09-25", "UKR", 37.1, 48.2, 477);
  MapClaim c = ClaimAt("UKR", "2024-09-30", kLat, kLon);
  c.has_event = true, c.event_type = "Strategic developments", c.sub_event_type = "Non-violent transfer of territory";
  std::optional<ClaimCheck> check = CheckPlaceClaim(c, {&rus, &ukr});
  ASSERT_TRUE(check.has_value());
  EXPECT_EQ(check->verdict, MapVerdict::kConsistent);
  EXPECT_EQ(check->layer, "ukr");
}

TEST(MapCheck, OnlyBattlesAndTerritorialChangesArePlaceClaims) {
  ControlLayerState rus = Square("rus", "2024-09-25", "RUS", 37.1, 48.2, 477);
  MapClaim c = ClaimAt("UKR", "2024-09-30", kLat, kLon);
  c.has_event = true, c.event_type = "Explosions/Remote violence", c.sub_event_type = "Air/drone strike";
  EXPECT_FALSE(CheckPlaceClaim(c, {&rus}).has_value());
  c.event_type = "Battles";
  EXPECT_FALSE(CheckPlaceClaim(c, {}).has_value());  // no layer holds the point
  c.side.clear();
  EXPECT_FALSE(CheckPlaceClaim(c, {&rus}).has_value());  // no side to compare
}

TEST(MapCheck, AnEventOutsideEveryLayerOrOnlyRegionPreciseIsNotPlaced) {
  ControlMap map({Square("rus", "2024-09-25", "RUS", 37.1, 48.2, 477)});
  MapClaim outside = ClaimAt("UKR", "2024-09-30", 48.5, 37.5);  // inside no square, near the box
  outside.has_event = true, outside.event_type = "Battles";
  MapCheckResult r;
  CheckClaim(outside, &map, {}, &r);
  EXPECT_EQ(r.events_located, 1u);
  EXPECT_EQ(r.events_in_layers, 0u);
  EXPECT_TRUE(r.checks.empty());
  MapClaim region = ClaimAt("UKR", "2024-09-30", kLat, kLon);
  region.has_event = true, region.event_type = "Battles", region.geo_precision = 3;
  CheckClaim(region, &map, {}, &r);
  EXPECT_EQ(r.events_located, 1u);  // a region's point says nothing of who held it
  EXPECT_TRUE(r.checks.empty());
}

}  // namespace
}  // namespace sitrep
