// Control-of-terrain maps in the database: dated layers of polygons (who
// held which ground on which day), their geodesic areas, and the change
// between dates. docs/control.md describes inputs, method and output.
#ifndef SITREP_CONTROL_H_
#define SITREP_CONTROL_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"

namespace sitrep {

class Database;  // sitrep/store.h: the reads below run on an open database

inline constexpr double kSquareMilesPerKm2 = 0.386102158542446;  // 1 / 2.589988110336

struct ControlImportOptions {
  std::string db_path = "sitrep.db";
  std::string date;    // YYYY-MM-DD for every feature (else a feature's "date", else the file name's)
  std::string layer;   // layer name for every feature (else its "layer_type"/"layer"/"name", else the file name's stem)
  std::string holder;  // who holds the area: ISO 3166-1 alpha-3 ("UKR", "RUS"), else a feature's "holder"
  bool repair = false; // repair self-intersecting features (reported) instead of leaving them out
};

struct ControlProblem {
  std::string origin;  // file, or file#feature N
  std::string reason;
  bool kept = false;   // repaired and stored
};

struct ControlLayerSummary {
  std::string layer, date, holder, source;
  int features = 0;
  double area_km2 = 0;      // of the union of the features: overlaps count once
  double perimeter_km = 0;  // boundary length of that union
};

struct ControlImportSummary {
  std::vector<ControlLayerSummary> layers;  // stored (a layer and date imported again is replaced)
  std::vector<ControlProblem> problems;     // features not stored, files not read
};

// Reads GeoJSON files and folders of them (*.geojson, *.json) into the
// database at options.db_path (created when missing). Importing and
// verifying write, so they open the database themselves (taking its write
// lock, as `IngestCorpus` does); the reads take a `Database` opened with
// `Database::Open`.
Result<ControlImportSummary> ImportControl(const std::vector<std::string>& paths, const ControlImportOptions& options);

// Stored layers, by layer then date; empty strings match everything.
Result<std::vector<ControlLayerSummary>> ListControlLayers(Database& db, const std::string& layer,
                                                           const std::string& date);

struct ControlLayerShape {
  ControlLayerSummary summary;
  std::string coordinates;  // GeoJSON MultiPolygon coordinates (JSON text)
};

// Each layer's map in force on `date` (its latest on or before it, no older
// than window_days), for drawing: every layer, or the one named.
Result<std::vector<ControlLayerShape>> ControlLayersOn(Database& db, const std::string& date,
                                                        const std::string& layer, int window_days = 3650);

// Every stored layer and date with its geometry, by layer then date; empty
// strings match everything.
Result<std::vector<ControlLayerShape>> ControlLayerShapes(Database& db, const std::string& layer,
                                                          const std::string& date);

enum class ControlExportFormat { kGeoPackage, kGeoJson };
// "gpkg", "geojson"; nullopt for another name.
std::optional<ControlExportFormat> ParseControlExportFormat(std::string_view name);

// Writes the stored layers (as ControlLayerShapes selects them) through GDAL:
// one MultiPolygon feature per layer and date, in WGS84 (EPSG:4326), with
// the fields layer, date (a date), holder, source, features, area_km2,
// area_sq_mi and boundary_km (geodesic, as `control show`). GeoJSON follows
// RFC 7946. To a file (replaced when it exists) or to a stream; returns the
// number of features.
Result<int> ExportControl(Database& db, const std::string& layer, const std::string& date,
                          ControlExportFormat format, const std::string& path);
Result<int> ExportControl(Database& db, const std::string& layer, const std::string& date,
                          ControlExportFormat format, std::ostream& out);

struct ControlChange {
  std::string layer, holder, from_date, to_date;
  double from_km2 = 0, to_km2 = 0;
  double gained_km2 = 0;  // held on to_date, not on from_date
  double lost_km2 = 0;    // held on from_date, not on to_date
};

// For each layer (or the one named), its state on or before `from` and on or
// before `to` (the latest date not after each), compared.
Result<std::vector<ControlChange>> DiffControl(Database& db, const std::string& from,
                                               const std::string& to, const std::string& layer);

struct VerifyOptions {
  std::string db_path = "sitrep.db";
  int window_days = 14;       // a map up to this many days older than the claim still counts
  double region_km = 150;     // how far a layer may lie from a region-level place (a town: town_km)
  double town_km = 50;
};

// What a map check compares: a claimed area with the area the map shows the
// side holding, or a claimed place with who holds it.
enum class CheckKind { kArea, kPlace };
// consistent; overstated (the map shows less than the claim allows);
// understated (more); held_by_other (the place is in another side's
// layer); no_map (no layer of that side near the place and date).
enum class MapVerdict { kConsistent, kOverstated, kUnderstated, kHeldByOther, kNoMap };
// The names stored in claim_checks and printed: "area", "place";
// "consistent", "overstated", "understated", "held_by_other", "no_map".
const char* ToString(CheckKind kind);
const char* ToString(MapVerdict verdict);

struct ClaimCheck {
  int64_t claim_id = 0;
  CheckKind kind = CheckKind::kArea;
  MapVerdict verdict = MapVerdict::kNoMap;
  std::optional<double> claimed_km2, measured_km2, ratio;
  std::string layer, layer_date, holder, method, detail, claim_text;
};

struct VerifySummary {
  std::vector<ClaimCheck> checks;
  uint64_t events_located = 0;  // events with a point and a date
  uint64_t events_in_layers = 0;  // of those, inside some layer that day
};

// Checks every claim of the latest document versions against the stored
// control layers and stores the results (claim_checks, event_control),
// replacing earlier ones. Area claims: a quantity in km² (sq mi, ha
// converted) on a claim whose side (event actor, else the speaker's country)
// and place match a layer held by that side near the place, dated on or up
// to window_days before the claim; compared with the layer's geodesic area.
// Place claims: battles and territorial events at a town, against the
// layers containing the town that day.
Result<VerifySummary> VerifyClaims(const VerifyOptions& options);

}  // namespace sitrep

#endif  // SITREP_CONTROL_H_
