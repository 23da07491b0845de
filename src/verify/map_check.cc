#include "verify/map_check.h"

#include <cmath>
#include <cstdio>
#include <utility>

#include "geo/control_geojson.h"
#include "sitrep/extraction.h"

namespace sitrep {

AreaTolerance ToleranceFor(double c, QuantityBound bound) {
  switch (bound) {
    case QuantityBound::kApprox:
      return {0.8 * c, 1.2 * c};
    case QuantityBound::kAtMostApprox:
      return {0.8 * c, 1.05 * c};
    case QuantityBound::kAtLeast:
    case QuantityBound::kMoreThan:
      return {0.95 * c, INFINITY};
    case QuantityBound::kAtMost:
    case QuantityBound::kLessThan:
      return {0, 1.05 * c};
    case QuantityBound::kExact:
      break;
  }
  return {0.9 * c, 1.1 * c};
}

const char* ToString(CheckKind kind) { return kind == CheckKind::kArea ? "area" : "place"; }

const char* ToString(MapVerdict verdict) {
  switch (verdict) {
    case MapVerdict::kConsistent:
      return "consistent";
    case MapVerdict::kOverstated:
      return "overstated";
    case MapVerdict::kUnderstated:
      return "understated";
    case MapVerdict::kHeldByOther:
      return "held_by_other";
    case MapVerdict::kNoMap:
      return "no_map";
  }
  return "no_map";
}

MapVerdict AreaVerdict(double claimed_km2, QuantityBound bound, double measured_km2) {
  AreaTolerance t = ToleranceFor(claimed_km2, bound);
  if (measured_km2 < t.low) return MapVerdict::kOverstated;
  if (measured_km2 > t.high) return MapVerdict::kUnderstated;
  return MapVerdict::kConsistent;
}

double KmToBox(const ControlLayerState& l, double lat, double lon) {
  double dlat = lat < l.min_lat ? l.min_lat - lat : lat > l.max_lat ? lat - l.max_lat : 0;
  double dlon = lon < l.min_lon ? l.min_lon - lon : lon > l.max_lon ? lon - l.max_lon : 0;
  double y = dlat * 111.2, x = dlon * 111.2 * std::cos(lat * M_PI / 180);
  return std::sqrt(x * x + y * y);
}

ControlMap::ControlMap(std::vector<ControlLayerState> states) {
  for (ControlLayerState& s : states) {
    std::vector<Entry>& entries = layers_[s.layer];
    entries.push_back(Entry{std::move(s), nullptr});
  }
}

const ControlLayerState* ControlMap::StateOn(const std::string& layer, int64_t day, int window_days) const {
  auto it = layers_.find(layer);
  if (it == layers_.end()) return nullptr;
  const ControlLayerState* best = nullptr;
  for (const Entry& e : it->second) {
    if (e.state.day <= day && day - e.state.day <= window_days) best = &e.state;
  }
  return best;
}

std::vector<const ControlLayerState*> ControlMap::Containing(double lat, double lon, int64_t day, int window_days) {
  std::vector<const ControlLayerState*> holding;
  for (auto& [name, entries] : layers_) {
    Entry* in_force = nullptr;
    for (Entry& e : entries) {
      if (e.state.day <= day && day - e.state.day <= window_days) in_force = &e;
    }
    if (in_force == nullptr || KmToBox(in_force->state, lat, lon) > 0) continue;
    if (!in_force->index) {
      Result<MultiPolygon> shape = ParseMultiPolygonCoordinates(in_force->state.geometry, /*repair=*/true);
      in_force->index = std::make_unique<PointInPolygonIndex>(shape.ok() ? *shape : MultiPolygon());
      in_force->state.geometry.clear();  // the index holds it now
    }
    if (in_force->index->Contains(lon, lat)) holding.push_back(&in_force->state);
  }
  return holding;
}

std::string ControlMap::Nearby(double lat, double lon, double km) const {
  std::string out;
  for (const auto& [name, entries] : layers_) {
    if (entries.empty() || KmToBox(entries.front().state, lat, lon) > km) continue;
    const ControlLayerState& first = entries.front().state;
    out += (out.empty() ? "" : "; ") + name + " (held by " + (first.holder.empty() ? std::string("?") : first.holder) +
           ", maps " + first.date + " to " + entries.back().state.date + ")";
  }
  return out;
}

std::vector<std::string> ControlMap::Layers() const {
  std::vector<std::string> names;
  for (const auto& [name, entries] : layers_) names.push_back(name);
  return names;
}

namespace {

std::string Km2(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f km² (%.0f sq mi)", v, v * kSquareMilesPerKm2);
  return buf;
}

// The day of a YYYY-MM-DD date; nullopt when it is none.
std::optional<int64_t> DayOf(const std::optional<std::string>& date) {
  if (!date) return std::nullopt;
  std::optional<CivilDate> parsed = CivilDate::Parse(*date);
  if (!parsed) return std::nullopt;
  return parsed->ToDays();
}

}  // namespace

std::optional<ClaimCheck> CheckPlaceClaim(const MapClaim& claim,
                                          const std::vector<const ControlLayerState*>& holding) {
  const std::string& side = claim.side;
  bool territorial = claim.event_type == "Battles" || claim.sub_event_type.find("territory") != std::string::npos;
  if (!territorial || side.empty() || holding.empty()) return std::nullopt;
  ClaimCheck c;
  c.claim_id = claim.id, c.kind = CheckKind::kPlace, c.holder = side, c.claim_text = claim.text;
  const ControlLayerState* own = nullptr;
  for (const ControlLayerState* l : holding) {
    if (l->holder == side) own = l;
  }
  const ControlLayerState* shown = own != nullptr ? own : holding.front();
  c.layer = shown->layer, c.layer_date = shown->date;
  c.verdict = own != nullptr ? MapVerdict::kConsistent : MapVerdict::kHeldByOther;
  c.method = "point in polygon: " + claim.place + " against " + shown->layer + " of " + shown->date;
  c.detail = claim.place + " lies in " + shown->layer + " (held by " + (shown->holder.empty() ? "?" : shown->holder) +
             ") on " + shown->date + (own != nullptr ? ", the side the claim is about" : ", not " + side);
  return c;
}

ClaimCheck CheckAreaClaim(const MapClaim& claim, const ClaimedArea& area, const ControlMap& map,
                          const MapCheckOptions& o) {
  ClaimCheck c;
  c.claim_id = claim.id, c.kind = CheckKind::kArea, c.holder = claim.side, c.claim_text = claim.text;
  c.claimed_km2 = area.km2;
  c.verdict = MapVerdict::kNoMap;
  c.method = "geodesic area on WGS84 (GeographicLib) of the claimed side's control layer";
  const std::optional<int64_t> day = DayOf(claim.date);
  if (claim.side.empty()) {
    c.detail = "the claim names no side whose ground it is";
    return c;
  }
  if (!day) {
    c.detail = "the claim has no date";
    return c;
  }
  if (!claim.located) {
    c.detail = "the claim names no place with coordinates";
    return c;
  }
  const double km = claim.geo_precision >= 3 ? o.region_km : o.town_km;
  const ControlLayerState* best = nullptr;
  for (const std::string& name : map.Layers()) {
    const ControlLayerState* l = map.StateOn(name, *day, o.window_days);
    if (l == nullptr || l->holder != claim.side || KmToBox(*l, claim.lat, claim.lon) > km) continue;
    if (best == nullptr || l->day > best->day) best = l;
  }
  if (best == nullptr) {
    std::string near = map.Nearby(claim.lat, claim.lon, km);
    c.detail = "no map for that place and date: no layer held by " + claim.side + " within " +
               std::to_string(static_cast<int>(km)) + " km of " + claim.place + " dated " + *claim.date +
               " or up to " + std::to_string(o.window_days) + " days before" +
               (near.empty() ? "" : "; near it: " + near);
    return c;
  }
  c.measured_km2 = best->area_km2;
  c.ratio = area.km2 / best->area_km2;
  c.layer = best->layer, c.layer_date = best->date;
  c.verdict = AreaVerdict(area.km2, area.bound, best->area_km2);
  AreaTolerance t = ToleranceFor(area.km2, area.bound);
  char buf[96];
  std::snprintf(buf, sizeof buf, "ratio %.2f; \"%s\" (%s) accepts %.0f to %s km²", *c.ratio, area.text.c_str(),
                ToString(area.bound), t.low,
                std::isinf(t.high) ? "any" : std::to_string(static_cast<long long>(t.high)).c_str());
  c.method += ": " + best->layer + " of " + best->date + " (union of " + std::to_string(best->features) +
              " features), claim dated " + *claim.date;
  c.detail = "claimed " + Km2(area.km2) + ", map " + Km2(best->area_km2) + "; " + buf;
  return c;
}

void CheckClaim(const MapClaim& claim, ControlMap* map, const MapCheckOptions& options, MapCheckResult* result) {
  const std::optional<int64_t> day = DayOf(claim.date);
  // Who held the event's point that day.
  if (claim.has_event && claim.located && day && claim.geo_precision <= 2) {
    ++result->events_located;
    std::vector<const ControlLayerState*> holding = map->Containing(claim.lat, claim.lon, *day, options.window_days);
    for (const ControlLayerState* l : holding) result->in_layers.push_back({claim.id, l->layer, l->date, l->holder});
    result->events_in_layers += !holding.empty();
    if (std::optional<ClaimCheck> c = CheckPlaceClaim(claim, holding)) result->checks.push_back(std::move(*c));
  }
  if (claim.area) result->checks.push_back(CheckAreaClaim(claim, *claim.area, *map, options));
}

}  // namespace sitrep
