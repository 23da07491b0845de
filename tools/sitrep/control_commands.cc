// `sitrep control import|show|diff`: control-of-terrain maps.
#include <cstdio>
#include <iostream>
#include <map>

#include "sitrep/control.h"
#include "sitrep/store.h"
#include "tools/sitrep/commands.h"

namespace sitrep::cli {

namespace {

int StatusExit(const Status& s) { return s.code() == StatusCode::kInvalidArgument ? 2 : 1; }

}  // namespace

void AddControlCommands(CLI::App* app, ControlArgs* a) {
  CLI::App* control = app->add_subcommand("control", "Control-of-terrain maps: import dated layers, areas, change");
  control->require_subcommand(1);
  a->import = control->add_subcommand("import", "Read GeoJSON layers (files or folders of one file per date)");
  a->import->add_option("PATH", a->paths, "GeoJSON files or folders")->required();
  a->import->add_option("--db", a->db, "Database: a SQLite file or a postgresql:// URI")->capture_default_str();
  a->import->add_option("--date", a->options.date,
                        "Date of every feature, YYYY-MM-DD (else a \"date\" property, else the file name)");
  a->import->add_option("--layer", a->options.layer,
                        "Layer name (else a \"layer_type\"/\"layer\"/\"name\" property, else the file name)");
  a->import->add_option("--holder", a->options.holder,
                        "Who holds the area: UKR, RUS, ... (else a \"holder\" property)");
  a->import->add_flag("--repair", a->options.repair,
                      "Repair self-intersecting features (GEOS MakeValid) and keep them; each is still listed");
  a->import->footer(
      "Polygons and MultiPolygons, holes included; invalid features (unclosed or too short rings, "
      "coordinates out of range, self-intersections, non-areas) are listed with their number and "
      "reason and left out. A layer and date imported again replaces the earlier one. Exit 3 when "
      "some feature was left out. With --repair, self-intersecting features are repaired and kept (still listed).");
  a->show = control->add_subcommand("show", "Area (km², sq mi) and boundary length of each stored layer and date");
  a->show->add_option("--db", a->db, "Database: a SQLite file or a postgresql:// URI")->capture_default_str();
  a->show->add_option("--layer", a->layer, "Only this layer");
  a->show->add_option("--date", a->date, "Only this date");
  a->show->add_option("--format", a->format, "table or csv (a daily series)")
      ->check(CLI::IsMember({"table", "csv"}))
      ->capture_default_str();
  a->export_layers = control->add_subcommand("export", "Write the stored layers as GIS polygons (GeoPackage, GeoJSON)");
  a->export_layers->add_option("--db", a->db, "Database: a SQLite file or a postgresql:// URI")->capture_default_str();
  a->export_layers->add_option("--format", a->export_format, "gpkg or geojson")
      ->check(CLI::IsMember({"gpkg", "geojson"}))->capture_default_str();
  a->export_layers->add_option("--output,-o", a->output, "Write to this file instead of standard output");
  a->export_layers->add_option("--layer", a->layer, "Only this layer");
  a->export_layers->add_option("--date", a->date, "Only this date");
  a->export_layers->footer("One MultiPolygon feature per layer and date, in WGS84 (EPSG:4326), written by GDAL, with "
                           "its layer, date (a date field), holder, source file, feature count, area_km2, area_sq_mi "
                           "and boundary_km (geodesic, as 'control show'). GeoJSON follows RFC 7946.");
  a->diff = control->add_subcommand("diff", "Area gained and lost between two dates, per layer");
  a->diff->add_option("FROM", a->from, "YYYY-MM-DD (the layer's latest state on or before it)")->required();
  a->diff->add_option("TO", a->to, "YYYY-MM-DD")->required();
  a->diff->add_option("--db", a->db, "Database: a SQLite file or a postgresql:// URI")->capture_default_str();
  a->diff->add_option("--layer", a->layer, "Only this layer");
}

void AddVerifyCommand(CLI::App* app, VerifyArgs* v) {
  v->cmd = app->add_subcommand("verify", "Check claims against the control map: claimed areas, who held the places");
  v->cmd->add_option("--db", v->options.db_path, "Database: a SQLite file or a postgresql:// URI")
      ->capture_default_str();
  v->cmd->add_option("--window", v->options.window_days, "A map up to this many days older than the claim counts")
      ->capture_default_str();
  v->cmd->add_flag("--all", v->all, "List every check (default: every area check and place checks that disagree)");
  v->cmd->footer("Area claims (a quantity in km², sq mi or ha) are compared with the geodesic area of the layer "
                 "held by the claimed side (the event's actor, else the speaker's country) near the claim's place, "
                 "dated on or up to --window days before the claim. Verdicts: consistent (within the tolerance its "
                 "wording allows: \"nearly\" 80-105%, \"about\" ±20%, \"over\" 95% and up, exact ±10%), "
                 "overstated, understated, no_map (with what exists nearby). Battles and territorial events at a "
                 "town are checked against the layers containing it that day (consistent / held_by_other). Results "
                 "are stored with the claims (claim_checks, event_control), shown by 'sitrep claims' and exported.");
}

int RunVerify(const VerifyArgs& v) {
  Result<VerifySummary> r = VerifyClaims(v.options);
  if (!r.ok()) {
    Fail("verify: " + r.status().message());
    return StatusExit(r.status());
  }
  std::map<std::string, int> counts;
  for (const ClaimCheck& c : r->checks) {
    ++counts[std::string(ToString(c.kind)) + " " + ToString(c.verdict)];
    if (!v.all && c.kind == CheckKind::kPlace && c.verdict == MapVerdict::kConsistent) continue;
    std::printf("claim %lld [%s] %s: %s\n  %s\n  method: %s\n", static_cast<long long>(c.claim_id), ToString(c.kind),
                ToString(c.verdict), c.claim_text.substr(0, 160).c_str(), c.detail.c_str(), c.method.c_str());
  }
  std::printf("checked %zu claims against the map", r->checks.size());
  for (const auto& [k, n] : counts) std::printf("; %s %d", k.c_str(), n);
  std::printf("\nevents with a point and a date: %llu, inside a control layer that day: %llu\n",
              static_cast<unsigned long long>(r->events_located), static_cast<unsigned long long>(r->events_in_layers));
  return 0;
}

int RunControl(const ControlArgs& a) {
  if (a.import->parsed()) {
    ControlImportOptions o = a.options;
    o.db_path = a.db;
    Result<ControlImportSummary> r = ImportControl(a.paths, o);
    if (!r.ok()) {
      Fail("control import: " + r.status().message());
      return StatusExit(r.status());
    }
    size_t left_out = 0;
    for (const ControlProblem& p : r->problems) {
      Fail(std::string(p.kept ? "warning: " : "") + p.origin + ": " + p.reason);
      left_out += !p.kept;
    }
    std::printf("%-28s %-10s %-6s %8s %12s %12s %12s\n", "LAYER", "DATE", "HOLDER", "FEATURES", "AREA km²", "sq mi",
                "BOUNDARY km");
    for (const ControlLayerSummary& l : r->layers) {
      std::printf("%-28s %-10s %-6s %8d %12.1f %12.1f %12.1f\n", l.layer.c_str(), l.date.c_str(),
                  l.holder.empty() ? "?" : l.holder.c_str(), l.features, l.area_km2, l.area_km2 * kSquareMilesPerKm2,
                  l.perimeter_km);
    }
    std::printf("imported %zu layer-dates into %s; %zu features or files left out, %zu repaired\n", r->layers.size(),
                DisplayDatabaseName(a.db).c_str(), left_out, r->problems.size() - left_out);
    return left_out == 0 ? 0 : 3;
  }
  // show, export and diff read the database.
  const char* command = a.show->parsed()            ? "control show"
                        : a.export_layers->parsed() ? "control export"
                                                    : "control diff";
  Result<Database> db = Database::Open(a.db);
  if (!db.ok()) {
    Fail(std::string(command) + ": " + db.status().message());
    return StatusExit(db.status());
  }
  if (a.show->parsed()) {
    Result<std::vector<ControlLayerSummary>> r = ListControlLayers(*db, a.layer, a.date);
    if (!r.ok()) {
      Fail("control show: " + r.status().message());
      return StatusExit(r.status());
    }
    const bool csv = a.format == "csv";
    if (csv) {
      std::printf("layer,date,holder,features,area_km2,area_sq_mi,boundary_km,change_km2\n");
    } else {
      std::printf("%-28s %-10s %-6s %8s %12s %12s %12s %10s\n", "LAYER", "DATE", "HOLDER", "FEATURES", "AREA km²",
                  "sq mi", "BOUNDARY km", "CHANGE km²");
    }
    std::string previous_layer;
    double previous = 0;
    for (const ControlLayerSummary& l : *r) {
      bool first = l.layer != previous_layer;
      double change = first ? 0 : l.area_km2 - previous;
      if (csv) {
        char change_text[32] = "";
        if (!first) std::snprintf(change_text, sizeof change_text, "%.3f", change);
        std::printf("%s,%s,%s,%d,%.3f,%.3f,%.3f,%s\n", l.layer.c_str(), l.date.c_str(), l.holder.c_str(), l.features,
                    l.area_km2, l.area_km2 * kSquareMilesPerKm2, l.perimeter_km, change_text);
      } else {
        char change_text[32] = "";
        if (!first) std::snprintf(change_text, sizeof change_text, "%+.1f", change);
        std::printf("%-28s %-10s %-6s %8d %12.1f %12.1f %12.1f %10s\n", l.layer.c_str(), l.date.c_str(),
                    l.holder.empty() ? "?" : l.holder.c_str(), l.features, l.area_km2,
                    l.area_km2 * kSquareMilesPerKm2, l.perimeter_km, change_text);
      }
      previous_layer = l.layer;
      previous = l.area_km2;
    }
    if (r->empty())
      std::fprintf(stderr, "sitrep: no control layers match (import some with 'sitrep control import')\n");
    return 0;
  }
  if (a.export_layers->parsed()) {
    ControlExportFormat format = *ParseControlExportFormat(a.export_format);  // CLI11 checked the name
    Result<int> r = Status::Internal("no export");
    if (!a.output.empty() && a.output != "-") {
      r = ExportControl(*db, a.layer, a.date, format, a.output);
    } else {
      r = ExportControl(*db, a.layer, a.date, format, std::cout);
    }
    if (!r.ok()) {
      Fail("control export: " + r.status().message());
      return StatusExit(r.status());
    }
    std::fprintf(stderr, "sitrep: exported %d layer-dates\n", *r);
    return 0;
  }
  Result<std::vector<ControlChange>> r = DiffControl(*db, a.from, a.to, a.layer);
  if (!r.ok()) {
    Fail("control diff: " + r.status().message());
    return StatusExit(r.status());
  }
  std::printf("%-28s %-6s %-10s %12s %-10s %12s %12s %12s %12s\n", "LAYER", "HOLDER", "FROM", "km²", "TO", "km²",
              "GAINED km²", "LOST km²", "NET sq mi");
  for (const ControlChange& c : *r) {
    std::printf("%-28s %-6s %-10s %12.1f %-10s %12.1f %12.1f %12.1f %12.1f\n", c.layer.c_str(),
                c.holder.empty() ? "?" : c.holder.c_str(), c.from_date.empty() ? "(none)" : c.from_date.c_str(),
                c.from_km2, c.to_date.c_str(), c.to_km2, c.gained_km2, c.lost_km2,
                (c.gained_km2 - c.lost_km2) * kSquareMilesPerKm2);
  }
  if (r->empty()) std::fprintf(stderr, "sitrep: no control layer has a state on or before %s\n", a.to.c_str());
  return 0;
}

}  // namespace sitrep::cli
