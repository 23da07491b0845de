// Exports: ACLED CSV, GeoJSON points, JSON Lines (GIS formats: gis_export.cc).
#include <set>

#include <nlohmann/json.hpp>

#include "sitrep/extractor.h"
#include "sitrep/json.h"
#include "store/acled.h"
#include "store/gis_export.h"
#include "store/store_internal.h"

namespace sitrep {

nlohmann::ordered_json ToJson(const ClaimRecord& c) {
  nlohmann::ordered_json j;
  auto opt = [](const std::optional<std::string>& v) {
    return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json();
  };
  j["id"] = c.id;
  j["document_id"] = c.document_id;
  j["text"] = c.text;
  j["span"] = {c.begin, c.end};
  j["kind"] = c.kind;
  j["status"] = c.status;
  j["speaker"] = c.speaker.empty() ? nlohmann::ordered_json()
                                   : nlohmann::ordered_json{{"name", c.speaker},
                                                            {"role", c.speaker_role},
                                                            {"side", c.speaker_side},
                                                            {"country", c.speaker_country}};
  j["cue"] = c.cue;
  j["status_cue"] = c.status_cue;
  j["date_from"] = opt(c.date_from);
  j["date_to"] = opt(c.date_to);
  j["time_precision"] = c.time_precision;
  j["event"] = c.event_type ? nlohmann::ordered_json{{"type", *c.event_type},
                                                     {"sub_type", c.sub_event_type},
                                                     {"actor1", c.actor1},
                                                     {"actor2", c.actor2},
                                                     {"confidence", c.event_confidence
                                                                        ? nlohmann::ordered_json(*c.event_confidence)
                                                                        : nlohmann::ordered_json()}}
                            : nlohmann::ordered_json();
  if (c.place.empty()) {
    j["place"] = nullptr;
  } else {
    nlohmann::ordered_json p;
    p["name"] = c.place;
    p["kind"] = c.place_kind;
    p["country"] = c.place_country;
    p["admin1"] = c.place_admin1;
    p["lat"] = c.lat ? nlohmann::ordered_json(*c.lat) : nlohmann::ordered_json();
    p["lon"] = c.lon ? nlohmann::ordered_json(*c.lon) : nlohmann::ordered_json();
    p["geo_precision"] = c.geo_precision;
    // Where the event's place came from; "dateline": only where the report was filed.
    p["basis"] = c.place_basis.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.place_basis);
    j["place"] = p;
  }
  j["quantities"] = c.quantities;
  j["fatalities"] = c.fatalities ? nlohmann::ordered_json(*c.fatalities) : nlohmann::ordered_json();
  j["corroboration"] = c.corroboration;
  j["group_id"] = c.group_id ? nlohmann::ordered_json(c.group_id) : nlohmann::ordered_json();
  j["group_status"] = c.group_status.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.group_status);
  j["contradiction"] = c.contradiction.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.contradiction);
  // A date after the report's publication: a plan or forecast, not an event.
  j["date_after_publication"] = c.date_from && c.published && *c.date_from > *c.published;
  j["map_check"] = c.map_check.empty()
                       ? nlohmann::ordered_json()
                       : nlohmann::ordered_json{{"verdict", c.map_check}, {"detail", c.map_check_detail}};
  j["source"] = {{"outlet", c.outlet}, {"url", c.url}, {"title", c.title}, {"published", opt(c.published)}};
  return j;
}

namespace {

// "-12.5", "+3", "1e-3": a number a spreadsheet reads as one, not a formula.
bool IsPlainNumber(std::string_view s) {
  size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
  bool digits = false, dot = false;
  for (; i < s.size(); ++i) {
    if (s[i] >= '0' && s[i] <= '9') {
      digits = true;
    } else if (s[i] == '.' && !dot) {
      dot = true;
    } else {
      return false;
    }
  }
  return digits;
}

}  // namespace

std::string CsvField(std::string_view field) {
  std::string guarded;
  std::string_view s = field;
  if (!s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos && !IsPlainNumber(s)) {
    guarded.reserve(s.size() + 1);
    guarded += '\'';  // formula injection: shown as text
    guarded.append(s);
    s = guarded;
  }
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

const std::vector<std::string>& AcledCsvColumns() {
  static const std::vector<std::string> kColumns = [] {
    std::vector<std::string> names;
    for (const ExportColumn& c : EventColumns()) names.emplace_back(c.name);
    return names;
  }();
  return kColumns;
}

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  static const std::pair<std::string_view, ExportFormat> kNames[] = {
      {"acled-csv", ExportFormat::kAcledCsv},   {"geojson", ExportFormat::kGeoJson},
      {"jsonl", ExportFormat::kJsonLines},      {"gpkg", ExportFormat::kGeoPackage},
      {"fgb", ExportFormat::kFlatGeobuf},       {"shp", ExportFormat::kShapefile}};
  for (const auto& [n, f] : kNames) {
    if (n == name) return f;
  }
  return std::nullopt;
}

Result<ExportSummary> ExportClaims(Database& db, QueryFilter filter, ExportFormat format, std::ostream& out,
                                   const Extractor* names) {
  if (IsGisFormat(format)) return ExportClaimsGisToStream(db, std::move(filter), format, out, names);
  ExportSummary summary;
  // JSON Lines: every claim; the others: event rows.
  auto write_jsonl = [&] {
    return db.ForEachClaim(filter, [&](ClaimRecord&& c) {
      out << ToJson(c).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      ++summary.written;
      return out.good();
    });
  };
  const std::vector<ExportColumn>& columns = EventColumns();
  if (format == ExportFormat::kAcledCsv) {
    for (size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << columns[i].name;
    out << "\n";
  } else if (format == ExportFormat::kGeoJson) {
    out << "{\"type\":\"FeatureCollection\",\"features\":[";
  }
  auto write_event = [&](const ClaimRecord& c, const EventRow& row) {
    if (format == ExportFormat::kAcledCsv) {
      if (!row.acled_type) {
        ++summary.not_acled;
        return true;
      }
      for (size_t i = 0; i < row.values.size(); ++i) out << (i ? "," : "") << CsvField(row.values[i]);
      out << "\n";
    } else {
      if (!c.lat || !c.lon) {
        ++summary.without_coordinates;
        return true;
      }
      nlohmann::ordered_json f;
      f["type"] = "Feature";
      f["id"] = c.id;
      const std::vector<std::string>& v = row.values;
      nlohmann::ordered_json props;
      for (size_t i = 0; i < columns.size(); ++i) {
        const std::string name(columns[i].name);
        if (columns[i].type == FieldType::kText || columns[i].type == FieldType::kDate) {
          props[name] = v[i];
        } else {
          std::optional<double> x = ParseField<double>(v[i]);
          props[name] = x ? nlohmann::ordered_json(*x) : nlohmann::ordered_json();
        }
      }
      // The same rounded values as the latitude/longitude properties.
      f["geometry"] = {{"type", "Point"}, {"coordinates", {props["longitude"], props["latitude"]}}};
      f["properties"] = props;
      out << (summary.written ? ",\n" : "\n") << f.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    ++summary.written;
    return out.good();
  };
  Status s = format == ExportFormat::kJsonLines ? write_jsonl()
                                                : ForEachEventRow(db, std::move(filter), names, &summary, write_event);
  if (!s.ok()) return s;
  if (format == ExportFormat::kGeoJson) out << "\n]}\n";
  if (!out.good()) return Status::IoError("cannot write the export (disk full or closed pipe?)");
  return summary;
}

}  // namespace sitrep
