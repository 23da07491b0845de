// Exports: ACLED-style CSV, GeoJSON points, JSON Lines.
#include <set>

#include <nlohmann/json.hpp>

#include "sitrep/extractor.h"
#include "sitrep/json.h"
#include "store/store_internal.h"

namespace sitrep {

namespace {

// The gazetteer's name of a country; its code without one.
std::string CountryName(const std::string& iso3, const Extractor* names) {
  if (iso3.empty() || names == nullptr) return iso3;
  return names->CountryName(iso3);
}

// Up to six decimals (0.1 m), trailing zeros dropped.
std::string Number(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// The event's date: the claim's own, else its report's publication date
// (then known to within the week before: time precision 2).
std::pair<std::string, int> EventDate(const ClaimRecord& c) {
  if (c.date_from) return {*c.date_from, c.time_precision > 0 ? c.time_precision : 1};
  if (c.published) return {*c.published, 2};
  return {"", 3};
}

// One row as (column, value) pairs in AcledCsvColumns() order.
std::vector<std::string> AcledRow(const ClaimRecord& c, const Extractor* names) {
  auto [date, precision] = EventDate(c);
  return {date,
          std::to_string(precision),
          c.event_type.value_or(""),
          c.sub_event_type,
          CountryName(c.actor1, names),
          CountryName(c.actor2, names),
          CountryName(c.place_country, names),
          c.place_admin1,
          c.place,
          c.lat ? Number(*c.lat) : "",
          c.lon ? Number(*c.lon) : "",
          c.geo_precision > 0 ? std::to_string(c.geo_precision) : "",
          c.outlet,
          c.text,
          c.fatalities ? Number(*c.fatalities) : "",
          c.status,
          c.speaker,
          std::to_string(c.corroboration),
          c.group_status,
          c.contradiction,
          c.url,
          std::to_string(c.begin) + "-" + std::to_string(c.end),
          std::to_string(c.document_id),
          std::to_string(c.id),
          c.map_check,
          c.map_check_detail};
}

}  // namespace

nlohmann::ordered_json ToJson(const ClaimRecord& c) {
  nlohmann::ordered_json j;
  auto opt = [](const std::optional<std::string>& v) { return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(); };
  j["id"] = c.id;
  j["document_id"] = c.document_id;
  j["text"] = c.text;
  j["span"] = {c.begin, c.end};
  j["kind"] = c.kind;
  j["status"] = c.status;
  j["speaker"] = c.speaker.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json{{"name", c.speaker}, {"role", c.speaker_role}, {"side", c.speaker_side}, {"country", c.speaker_country}};
  j["cue"] = c.cue;
  j["status_cue"] = c.status_cue;
  j["date_from"] = opt(c.date_from);
  j["date_to"] = opt(c.date_to);
  j["time_precision"] = c.time_precision;
  j["event"] = c.event_type ? nlohmann::ordered_json{{"type", *c.event_type}, {"sub_type", c.sub_event_type}, {"actor1", c.actor1}, {"actor2", c.actor2}} : nlohmann::ordered_json();
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
    j["place"] = p;
  }
  j["quantities"] = c.quantities;
  j["fatalities"] = c.fatalities ? nlohmann::ordered_json(*c.fatalities) : nlohmann::ordered_json();
  j["corroboration"] = c.corroboration;
  j["group_id"] = c.group_id ? nlohmann::ordered_json(c.group_id) : nlohmann::ordered_json();
  j["group_status"] = c.group_status.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.group_status);
  j["contradiction"] = c.contradiction.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(c.contradiction);
  j["map_check"] = c.map_check.empty() ? nlohmann::ordered_json()
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
  static const std::vector<std::string> kColumns = {
      "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
      "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
      // sitrep's own
      "claim_status", "speaker", "corroboration", "group_status", "contradiction", "source_url", "source_span",
      "document_id", "claim_id", "map_check", "map_check_detail"};
  return kColumns;
}

Result<ExportSummary> ExportClaims(Database& db, QueryFilter filter, ExportFormat format, std::ostream& out,
                                   const Extractor* names) {
  ExportSummary summary;
  if (format != ExportFormat::kJsonLines) filter.events_only = true;
  const std::vector<std::string>& columns = AcledCsvColumns();
  if (format == ExportFormat::kAcledCsv) {
    for (size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << columns[i];
    out << "\n";
  } else if (format == ExportFormat::kGeoJson) {
    out << "{\"type\":\"FeatureCollection\",\"features\":[";
  }
  Status s = db.ForEachClaim(filter, [&](ClaimRecord&& c) {
    if (format == ExportFormat::kAcledCsv) {
      std::vector<std::string> row = AcledRow(c, names);
      for (size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << CsvField(row[i]);
      out << "\n";
    } else if (format == ExportFormat::kJsonLines) {
      out << ToJson(c).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
      if (!c.lat || !c.lon) {
        ++summary.without_coordinates;
        return true;
      }
      nlohmann::ordered_json f;
      f["type"] = "Feature";
      f["id"] = c.id;
      std::vector<std::string> row = AcledRow(c, names);
      // The same rounded values as the latitude/longitude properties.
      f["geometry"] = {{"type", "Point"}, {"coordinates", {std::stod(row[10]), std::stod(row[9])}}};
      nlohmann::ordered_json props;
      for (size_t i = 0; i < columns.size(); ++i) {
        static const std::set<std::string> kNumeric = {"time_precision", "latitude", "longitude", "geo_precision",
                                                       "fatalities", "corroboration", "document_id", "claim_id"};
        if (kNumeric.count(columns[i])) {
          props[columns[i]] = row[i].empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(std::stod(row[i]));
        } else {
          props[columns[i]] = row[i];
        }
      }
      f["properties"] = props;
      out << (summary.written ? ",\n" : "\n") << f.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    ++summary.written;
    return out.good();
  });
  if (!s.ok()) return s;
  if (format == ExportFormat::kGeoJson) out << "\n]}\n";
  if (!out.good()) return Status::IoError("cannot write the export (disk full or closed pipe?)");
  return summary;
}

}  // namespace sitrep
