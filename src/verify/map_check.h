// Claims against the control map: is a claimed area consistent with the
// area the map shows the claimed side holding, given how the claim bounds
// its number ("nearly", "over", "about")? Does the map show the side a
// battle claim is about holding the town that day?
//
// Pure functions over plain structs: the store loads the layers and the
// claims (src/store/verify_store.cc) and saves the checks; nothing here
// reads or writes a database.
#ifndef SITREP_VERIFY_MAP_CHECK_H_
#define SITREP_VERIFY_MAP_CHECK_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "geo/point_index.h"
#include "sitrep/control.h"
#include "sitrep/extraction.h"

namespace sitrep {

// The measured areas a claim of `claimed` with this bound accepts:
// exact ±10%; approx ("about", "roughly") ±20%; at_most_approx ("nearly",
// "almost") 80–105%; at_least / more_than ("at least", "over") 95% and up;
// at_most / less_than ("up to", "under") up to 105%.
struct AreaTolerance {
  double low = 0, high = 0;  // km²; high may be infinity
};
AreaTolerance ToleranceFor(double claimed_km2, QuantityBound bound);

// Consistent, overstated (the map shows less than the claim allows) or
// understated (more).
MapVerdict AreaVerdict(double claimed_km2, QuantityBound bound, double measured_km2);

struct MapCheckOptions {
  // A map up to this many days older than the claim still counts: control
  // maps are published every few days to weeks, rarely on the claim's day.
  int window_days = 14;
  // How far a layer may lie from the claim's place: a region-level place
  // (geo_precision 3) stands for ground far from its centre point, a town
  // for ground near it.
  double region_km = 150;
  double town_km = 50;
};

// One layer of the control map on one date (a row of control_layers).
struct ControlLayerState {
  std::string layer, date, holder;  // date YYYY-MM-DD; holder ISO 3166-1 alpha-3, or empty
  int64_t day = 0;                  // the date as days since 1970-01-01
  double area_km2 = 0;              // geodesic area of the union of its features
  int features = 0;
  double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;  // bounding box
  std::string geometry;             // MultiPolygon coordinates as JSON
};

// The control map: every layer's states by date, each state's polygons
// indexed the first time a point is tested against them.
class ControlMap {
 public:
  // `states` in layer order and, within a layer, by date (as the store
  // reads them).
  explicit ControlMap(std::vector<ControlLayerState> states);

  // The state of `layer` in force on `day`: the latest on or before it, no
  // more than `window_days` older; nullptr when none.
  const ControlLayerState* StateOn(const std::string& layer, int64_t day, int window_days) const;
  // The states in force on `day` (one per layer at most) whose polygons
  // hold the point, in layer order.
  std::vector<const ControlLayerState*> Containing(double lat, double lon, int64_t day, int window_days);
  // For the reader of a "no map" verdict: every layer whose first state
  // lies within `km` of the point, with its holder and the dates it maps.
  std::string Nearby(double lat, double lon, double km) const;
  // Layer names in order.
  std::vector<std::string> Layers() const;

 private:
  struct Entry {
    ControlLayerState state;
    std::unique_ptr<PointInPolygonIndex> index;  // built on first use
  };
  std::map<std::string, std::vector<Entry>> layers_;
};

// Distance in km from a point to a state's bounding box (0 inside it), on a
// local flat scale.
double KmToBox(const ControlLayerState& state, double lat, double lon);

// A quantity in km² a claim names (sq mi and ha converted).
struct ClaimedArea {
  double km2 = 0;
  QuantityBound bound = QuantityBound::kExact;
  std::string text;   // as written: "nearly 400 square miles"
};

// What a map check needs to know of one claim.
struct MapClaim {
  int64_t id = 0;
  std::string text;
  bool has_event = false;
  std::string event_type, sub_event_type;
  std::string side;                 // ISO alpha-3 of the event's actor1, else the speaker's country
  std::optional<std::string> date;  // YYYY-MM-DD: the end of the claim's date range
  std::string place;                // the event's place, else the claim's first located place
  bool located = false;             // lat, lon and geo_precision are known
  double lat = 0, lon = 0;
  int geo_precision = 0;
  std::optional<ClaimedArea> area;  // the claim's first area quantity
};

// An event inside a layer on its day.
struct EventInLayer {
  int64_t claim_id = 0;
  std::string layer, date, holder;
};

struct MapCheckResult {
  std::vector<ClaimCheck> checks;
  std::vector<EventInLayer> in_layers;
  uint64_t events_located = 0;    // events with a point and a date
  uint64_t events_in_layers = 0;  // of those, inside some layer that day
};

// A place claim — a battle or a territorial change at a located place, by a
// side — against the states that hold the place that day: "consistent" when
// one of them is the side's, else "held_by_other". nullopt when the claim is
// no place claim or no state holds the place.
std::optional<ClaimCheck> CheckPlaceClaim(const MapClaim& claim,
                                          const std::vector<const ControlLayerState*>& holding);

// An area claim against the latest state in force on the claim's date, held
// by the claim's side, near the claim's place: AreaVerdict() of the two, or
// "no_map" with the reason (no side, no date, no place, no such layer).
ClaimCheck CheckAreaClaim(const MapClaim& claim, const ClaimedArea& area, const ControlMap& map,
                          const MapCheckOptions& options);

// Both checks of one claim, added to *result (the place check first); an
// event with a point, a date and at most geo_precision 2 is counted and
// placed in the layers that hold it.
void CheckClaim(const MapClaim& claim, ControlMap* map, const MapCheckOptions& options, MapCheckResult* result);

}  // namespace sitrep

#endif  // SITREP_VERIFY_MAP_CHECK_H_
