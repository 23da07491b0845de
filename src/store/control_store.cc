// Control layers in the database: import (GeoJSON -> union per layer and
// date -> geodesic measure), listing, and the change between two dates.
#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <regex>

#include "geo/control_geojson.h"
#include "sitrep/control.h"
#include "store/store_internal.h"

namespace sitrep {

namespace fs = std::filesystem;

namespace {

// A date in a file name: 2024-08-12 or 20240812.
std::string DateFromName(const std::string& name) {
  static const std::regex kDash(R"((\d{4})-(\d{2})-(\d{2}))"), kPlain(R"((\d{4})(\d{2})(\d{2}))");
  std::smatch m;
  if (std::regex_search(name, m, kDash) || std::regex_search(name, m, kPlain)) {
    std::string d = m[1].str() + "-" + m[2].str() + "-" + m[3].str();
    if (CivilDate::Parse(d)) return d;
  }
  return "";
}

std::string NormalizeDate(const std::string& d) {
  if (d.size() >= 10 && CivilDate::Parse(d.substr(0, 10))) return d.substr(0, 10);
  return "";
}

}  // namespace

Result<ControlImportSummary> ImportControl(const std::vector<std::string>& paths, const ControlImportOptions& o) {
  if (paths.empty()) return Status::InvalidArgument("nothing to import: give GeoJSON files or folders");
  if (!o.date.empty() && !CivilDate::Parse(o.date))
    return Status::InvalidArgument("--date '" + o.date + "' is not YYYY-MM-DD");
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::exists(p, ec)) return Status::NotFound("no such file or folder: " + p);
    if (!fs::is_directory(p, ec)) {
      files.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& e : fs::recursive_directory_iterator(p, ec)) {
      std::string ext = e.path().extension().string();
      if (e.is_regular_file() && (ext == ".geojson" || ext == ".json")) found.push_back(e.path().string());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  ControlImportSummary summary;
  // (layer, date) -> features, holder, source
  struct Group {
    MultiPolygon shape;
    int features = 0;
    std::string holder, source;
  };
  std::map<std::pair<std::string, std::string>, Group> groups;
  for (const std::string& file : files) {
    Result<std::string> bytes = ReadInput(file, 1ull << 30);
    if (!bytes.ok()) {
      summary.problems.push_back({file, bytes.status().message()});
      continue;
    }
    std::vector<GeoJsonProblem> problems;
    Result<std::vector<ControlFeature>> features = ParseControlGeoJson(*bytes, &problems, o.repair);
    if (!features.ok()) {
      summary.problems.push_back({file, features.status().message()});
      continue;
    }
    for (const GeoJsonProblem& p : problems) {
      summary.problems.push_back({file + "#feature " + std::to_string(p.feature), p.reason, p.repaired});
    }
    const std::string stem = fs::path(file).stem().string();
    for (ControlFeature& f : *features) {
      std::string date = !o.date.empty() ? o.date : NormalizeDate(f.date);
      if (date.empty()) date = DateFromName(stem);
      if (date.empty()) {
        summary.problems.push_back({file + "#feature " + std::to_string(f.number),
                                    "no date: give --date, a \"date\" property or a date in the file name"});
        continue;
      }
      std::string layer = !o.layer.empty() ? o.layer : !f.layer.empty() ? f.layer : stem;
      Group& g = groups[{layer, date}];
      g.shape.insert(g.shape.end(), f.shape.begin(), f.shape.end());
      ++g.features;
      if (g.holder.empty()) g.holder = !o.holder.empty() ? o.holder : f.holder;
      if (g.source.empty() || g.source.find(file) == std::string::npos) {
        g.source += (g.source.empty() ? "" : ", ") + file;
      }
    }
  }
  Result<sql::Connection> db = OpenForWriting(o.db_path);
  if (!db.ok()) return db.status();
  Result<sql::Statement> insert = db->Prepare(
      "INSERT INTO control_layers(layer, date, holder, source, features, geometry, area_km2, perimeter_km, "
      "min_lon, min_lat, max_lon, max_lat, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT(layer, date) DO UPDATE SET holder = excluded.holder, source = excluded.source, "
      "features = excluded.features, geometry = excluded.geometry, area_km2 = excluded.area_km2, "
      "perimeter_km = excluded.perimeter_km, min_lon = excluded.min_lon, min_lat = excluded.min_lat, "
      "max_lon = excluded.max_lon, max_lat = excluded.max_lat, imported_at = excluded.imported_at");
  if (!insert.ok()) return insert.status();
  Result<sql::Transaction> txn = sql::Transaction::Begin(&*db);
  if (!txn.ok()) return txn.status();
  for (auto& [key, g] : groups) {
    Result<MultiPolygon> merged = Union(g.shape);
    if (!merged.ok()) {
      summary.problems.push_back({g.source, key.first + " " + key.second + ": " + merged.status().message()});
      continue;
    }
    GeodesicMeasure m = Measure(*merged);
    double min_lon = 180, min_lat = 90, max_lon = -180, max_lat = -90;
    for (const Polygon& p : *merged) {
      for (const LonLat& q : p.outer) {
        min_lon = std::min(min_lon, q.lon), max_lon = std::max(max_lon, q.lon);
        min_lat = std::min(min_lat, q.lat), max_lat = std::max(max_lat, q.lat);
      }
    }
    insert->Reset();
    insert->Bind(1, key.first).Bind(2, key.second).Bind(3, g.holder).Bind(4, g.source).Bind(5, g.features);
    insert->Bind(6, ToMultiPolygonCoordinates(*merged)).Bind(7, m.area_km2).Bind(8, m.perimeter_km);
    insert->Bind(9, min_lon).Bind(10, min_lat).Bind(11, max_lon).Bind(12, max_lat);
    insert->Bind(13, SqlNow());
    if (Status s = insert->Run(); !s.ok()) return s;
    summary.layers.push_back({key.first, key.second, g.holder, g.source, g.features, m.area_km2, m.perimeter_km});
  }
  if (Status s = txn->Commit(); !s.ok()) return s;
  return summary;
}

namespace {

// A control layer row: its summary and, when asked for, its geometry.
constexpr sql::NamedColumns kLayerColumns({
    {"layer", "l.layer"},
    {"date", "l.date"},
    {"holder", "l.holder"},
    {"source", "l.source"},
    {"features", "l.features"},
    {"area_km2", "l.area_km2"},
    {"perimeter_km", "l.perimeter_km"},
    {"geometry", "l.geometry"},
});
// The same without the geometry (the last column).
const std::string& SummaryColumns() {
  static const std::string list = [] {
    std::string all = kLayerColumns.List();
    return all.substr(0, all.rfind(", "));
  }();
  return list;
}

ControlLayerSummary SummaryOf(const sql::Statement& row) {
  constexpr const auto& k = kLayerColumns;
  return {row.Text(k["layer"]),
          row.Text(k["date"]),
          row.Text(k["holder"]),
          row.Text(k["source"]),
          static_cast<int>(row.Int(k["features"])),
          row.Double(k["area_km2"]),
          row.Double(k["perimeter_km"])};
}

ControlLayerShape ShapeOf(const sql::Statement& row) { return {SummaryOf(row), row.Text(kLayerColumns["geometry"])}; }

Status NoLayersTable(Database& db) {
  return Status::DataError(db.path() + " has no control layers table (run 'sitrep control import')");
}

// The control layers named (every one when `layer` is empty) on `date`
// (every date when empty), in layer and date order, each handed to
// on_row(statement), with the geometry column when with_geometry.
Status ForEachControlLayer(Database& db, const std::string& layer, const std::string& date, bool with_geometry,
                           const std::function<void(const sql::Statement&)>& on_row) {
  if (!date.empty() && !CivilDate::Parse(date))
    return Status::InvalidArgument("--date '" + date + "' is not YYYY-MM-DD");
  Result<sql::Statement> st = ConnectionOf(db).Prepare(
      "SELECT " + (with_geometry ? kLayerColumns.List() : SummaryColumns()) +
      " FROM control_layers l WHERE (?1 = '' OR l.layer = ?1) AND (?2 = '' OR l.date = ?2) ORDER BY l.layer, l.date");
  if (!st.ok()) return NoLayersTable(db);
  st->Bind(1, layer).Bind(2, date);
  Status s;
  while (st->Step(&s)) on_row(*st);
  return s;
}

}  // namespace

Result<std::vector<ControlLayerSummary>> ListControlLayers(Database& db, const std::string& layer,
                                                           const std::string& date) {
  std::vector<ControlLayerSummary> out;
  Status s =
      ForEachControlLayer(db, layer, date, false, [&](const sql::Statement& st) { out.push_back(SummaryOf(st)); });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<ControlLayerShape>> ControlLayerShapes(Database& db, const std::string& layer,
                                                          const std::string& date) {
  std::vector<ControlLayerShape> out;
  Status s = ForEachControlLayer(db, layer, date, true, [&](const sql::Statement& st) { out.push_back(ShapeOf(st)); });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<ControlLayerShape>> ControlLayersOn(Database& db, const std::string& date,
                                                        const std::string& layer, int window_days) {
  std::optional<CivilDate> day = CivilDate::Parse(date);
  if (!day) return Status::InvalidArgument("date '" + date + "' is not YYYY-MM-DD");
  std::string earliest = CivilDate::FromDays(day->ToDays() - window_days).ToString();
  Result<sql::Statement> st = ConnectionOf(db).Prepare(
      "SELECT " + kLayerColumns.List() +
      " FROM control_layers l WHERE (?1 = '' OR l.layer = ?1) AND l.date = (SELECT MAX(m.date) FROM control_layers m "
      "WHERE m.layer = l.layer AND m.date <= ?2 AND m.date >= ?3) ORDER BY l.layer");
  if (!st.ok()) return st.status();
  st->Bind(1, layer).Bind(2, date).Bind(3, earliest);
  std::vector<ControlLayerShape> out;
  Status s;
  while (st->Step(&s)) out.push_back(ShapeOf(*st));
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<ControlChange>> DiffControl(Database& database, const std::string& from,
                                               const std::string& to, const std::string& layer) {
  if (!CivilDate::Parse(from) || !CivilDate::Parse(to)) return Status::InvalidArgument("dates must be YYYY-MM-DD");
  sql::Connection* db = &ConnectionOf(database);
  Result<sql::Statement> names = db->Prepare(
      "SELECT DISTINCT layer FROM control_layers WHERE (?1 = '' OR layer = ?1) ORDER BY layer");
  Result<sql::Statement> at = db->Prepare("SELECT " + kLayerColumns.List() +
                                          " FROM control_layers l WHERE l.layer = ? AND l.date <= ? "
                                          "ORDER BY l.date DESC LIMIT 1");
  if (!names.ok() || !at.ok()) return NoLayersTable(database);
  names->Bind(1, layer);
  std::vector<std::string> layers;
  Status s;
  while (names->Step(&s)) layers.push_back(names->Text(0));
  if (!s.ok()) return s;
  if (!layer.empty() && layers.empty()) return Status::NotFound("no control layer named '" + layer + "'");
  std::vector<ControlChange> out;
  for (const std::string& name : layers) {
    ControlChange c;
    c.layer = name;
    MultiPolygon shapes[2];
    bool found[2] = {false, false};
    const std::string* dates[2] = {&from, &to};
    for (int k = 0; k < 2; ++k) {
      at->Reset();
      at->Bind(1, name).Bind(2, *dates[k]);
      if (at->Step(&s)) {
        found[k] = true;
        (k == 0 ? c.from_date : c.to_date) = at->Text(kLayerColumns["date"]);
        c.holder = at->Text(kLayerColumns["holder"]);
        Result<MultiPolygon> shape = ParseMultiPolygonCoordinates(at->Text(kLayerColumns["geometry"]));
        if (!shape.ok()) return shape.status();
        shapes[k] = std::move(shape).value();
        (k == 0 ? c.from_km2 : c.to_km2) = at->Double(kLayerColumns["area_km2"]);
      }
      if (!s.ok()) return s;
    }
    if (!found[1]) continue;  // the layer starts after `to`
    Result<MultiPolygon> gained = Difference(shapes[1], shapes[0]);
    Result<MultiPolygon> lost = Difference(shapes[0], shapes[1]);
    if (!gained.ok()) return gained.status();
    if (!lost.ok()) return lost.status();
    c.gained_km2 = Measure(*gained).area_km2;
    c.lost_km2 = Measure(*lost).area_km2;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace sitrep
