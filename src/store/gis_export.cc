// GIS exports: what to write is decided here, from the database; GDAL
// writes it, in the plugin libsitrep_gdal.so (store/gdal_plugin.h), loaded
// on the first GIS file asked for.
#include "store/gis_export.h"

#include <dlfcn.h>

#include <functional>
#include <utility>

#include "pipeline/data_paths.h"
#include "sitrep/control.h"
#include "store/acled.h"
#include "store/gdal_plugin.h"

namespace sitrep {

namespace {

struct LoadedPlugin {
  const gdal::Api* api = nullptr;
  Status status;
};

LoadedPlugin LoadPlugin() {
  Result<std::string> path = DefaultGdalPluginPath();
  const std::string need = "GIS files (gpkg, fgb, shp; control layers) are written by sitrep's GDAL plugin: ";
  if (!path.ok()) return {nullptr, Status::NotFound(need + path.status().message())};
  // RTLD_LOCAL: GDAL's symbols stay the plugin's. The handle is kept for
  // the life of the process (GDAL keeps state of its own).
  void* handle = dlopen(path->c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = dlerror();
    return {nullptr, Status::NotFound(need + "cannot load " + *path + ": " + (why != nullptr ? why : "?"))};
  }
  auto entry = reinterpret_cast<const gdal::Api* (*)()>(dlsym(handle, "sitrep_gdal_plugin_api"));
  const gdal::Api* api = entry != nullptr ? entry() : nullptr;
  if (api == nullptr) return {nullptr, Status::DataError(*path + " is not sitrep's GDAL plugin")};
  if (api->version != gdal::kGdalPluginVersion) {
    return {nullptr, Status::DataError(*path + " is the GDAL plugin of another sitrep build (interface " +
                                       std::to_string(api->version) + ", this build " +
                                       std::to_string(gdal::kGdalPluginVersion) + "); rebuild or reinstall")};
  }
  return {api, Status::Ok()};
}

Result<const gdal::Api*> Plugin() {
  static const LoadedPlugin loaded = LoadPlugin();
  if (loaded.api == nullptr) return loaded.status;
  return loaded.api;
}

// A layer open in the plugin, abandoned unless finished.
class PluginLayer {
 public:
  static Result<PluginLayer> Open(const gdal::Api* api, const gdal::LayerSpec& spec) {
    std::string error;
    void* handle = api->open(spec, &error);
    if (handle == nullptr) return Status::IoError(error);
    return PluginLayer(api, handle);
  }
  PluginLayer(PluginLayer&& o) noexcept : api_(o.api_), handle_(std::exchange(o.handle_, nullptr)) {}
  PluginLayer& operator=(PluginLayer&&) = delete;
  PluginLayer(const PluginLayer&) = delete;
  ~PluginLayer() {
    if (handle_ != nullptr) api_->abandon(handle_);
  }
  Status AddPoint(const std::vector<gdal::Value>& values, double lon, double lat) {
    std::string error;
    return api_->add_point(handle_, values, lon, lat, &error) ? Status::Ok() : Status::IoError(error);
  }
  Status AddGeometry(const std::vector<gdal::Value>& values, const std::string& geojson) {
    std::string error;
    return api_->add_geometry(handle_, values, geojson, &error) ? Status::Ok() : Status::IoError(error);
  }
  Status Finish() {
    std::string error;
    return api_->finish(std::exchange(handle_, nullptr), &error) ? Status::Ok() : Status::IoError(error);
  }

 private:
  PluginLayer(const gdal::Api* api, void* handle) : api_(api), handle_(handle) {}
  const gdal::Api* api_;
  void* handle_;
};

// A dBase text field holds 254 bytes: cut at a code point, not inside one.
std::string FitShapefile(const std::string& s) {
  constexpr size_t kMax = 254;
  if (s.size() <= kMax) return s;
  size_t end = kMax;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

// An export field's text as the plugin's typed value; empty or unreadable
// text is null.
gdal::Value PluginValue(FieldType type, const std::string& v, bool shapefile) {
  gdal::Value out;
  if (v.empty()) return out;
  switch (type) {
    case FieldType::kText:
      out.null = false;
      out.text = shapefile ? FitShapefile(v) : v;
      break;
    case FieldType::kInteger:
      if (std::optional<int> x = ParseField<int>(v)) out.null = false, out.integer = *x;
      break;
    case FieldType::kInteger64:
      if (std::optional<int64_t> x = ParseField<int64_t>(v)) out.null = false, out.integer = *x;
      break;
    case FieldType::kReal:
      if (std::optional<double> x = ParseField<double>(v)) out.null = false, out.real = *x;
      break;
    case FieldType::kDate:
      if (std::optional<CivilDate> d = CivilDate::Parse(v)) {
        out.null = false;
        out.year = d->year;
        out.month = d->month;
        out.day = d->day;
      }
      break;
  }
  return out;
}

gdal::Value Text(std::string s) {
  gdal::Value v;
  v.null = false;
  v.text = std::move(s);
  return v;
}

gdal::Value Number(double x) {
  gdal::Value v;
  v.null = false;
  v.real = x;
  v.integer = static_cast<int64_t>(x);
  return v;
}

const char* DriverOf(ExportFormat f) {
  switch (f) {
    case ExportFormat::kGeoPackage: return "GPKG";
    case ExportFormat::kFlatGeobuf: return "FlatGeobuf";
    case ExportFormat::kShapefile: return "ESRI Shapefile";
    default: return "";
  }
}

std::string Extension(ExportFormat f) {
  switch (f) {
    case ExportFormat::kGeoPackage: return ".gpkg";
    case ExportFormat::kFlatGeobuf: return ".fgb";
    case ExportFormat::kShapefile: return ".shp.zip";
    default: return "";
  }
}

// Writes to a fresh in-memory file through `write`, then copies it to `out`.
template <typename T>
Result<T> ThroughMemory(const std::string& extension, std::ostream& out,
                        const std::function<Result<T>(const std::string& path)>& write) {
  Result<const gdal::Api*> api = Plugin();
  if (!api.ok()) return api.status();
  std::string path = (*api)->memory_path(extension);
  Result<T> r = write(path);
  if (!r.ok()) {
    (*api)->discard(path);
    return r.status();
  }
  std::string error;
  if (!(*api)->copy_out(path, out, &error)) return Status::IoError(error);
  return r;
}

}  // namespace

bool IsGisFormat(ExportFormat format) {
  return format == ExportFormat::kGeoPackage || format == ExportFormat::kFlatGeobuf ||
         format == ExportFormat::kShapefile;
}

Result<ExportSummary> ExportClaimsToFile(Database& db, QueryFilter filter, ExportFormat format,
                                         const std::string& path, const Extractor* names) {
  if (!IsGisFormat(format)) return Status::InvalidArgument("ExportClaimsToFile writes gpkg, fgb or shp");
  Result<const gdal::Api*> api = Plugin();
  if (!api.ok()) return api.status();
  const bool shapefile = format == ExportFormat::kShapefile;
  gdal::LayerSpec spec;
  spec.driver = DriverOf(format);
  spec.path = path;
  spec.layer = "events";
  if (shapefile) spec.options.emplace_back("ENCODING", "UTF-8");
  if (format == ExportFormat::kFlatGeobuf) spec.options.emplace_back("SPATIAL_INDEX", "YES");
  const std::vector<ExportColumn>& columns = EventColumns();
  for (const ExportColumn& c : columns) {
    spec.fields.emplace_back(std::string(shapefile ? c.short_name : c.name), c.type);
  }
  Result<PluginLayer> layer = PluginLayer::Open(*api, spec);
  if (!layer.ok()) return layer.status();
  const size_t latitude = EventColumnIndex("latitude"), longitude = EventColumnIndex("longitude");
  ExportSummary summary;
  Status write_error;
  std::vector<gdal::Value> values(columns.size());
  Status s = ForEachEventRow(db, std::move(filter), names, &summary, [&](const ClaimRecord& c, const EventRow& row) {
    if (!c.lat || !c.lon) {
      ++summary.without_coordinates;
      return true;
    }
    for (size_t i = 0; i < columns.size(); ++i) values[i] = PluginValue(columns[i].type, row.values[i], shapefile);
    // The rounded values of the latitude/longitude fields.
    write_error = layer->AddPoint(values, ParseField<double>(row.values[longitude]).value_or(0),
                                  ParseField<double>(row.values[latitude]).value_or(0));
    if (!write_error.ok()) {
      write_error = Status::IoError("event " + std::to_string(c.id) + ": " + write_error.message());
      return false;
    }
    ++summary.written;
    return true;
  });
  if (!write_error.ok()) return write_error;
  if (!s.ok()) return s;
  if (Status f = layer->Finish(); !f.ok()) return f;
  return summary;
}

Result<ExportSummary> ExportClaimsGisToStream(Database& db, QueryFilter filter, ExportFormat format,
                                              std::ostream& out, const Extractor* names) {
  return ThroughMemory<ExportSummary>(Extension(format), out, [&](const std::string& path) {
    return ExportClaimsToFile(db, std::move(filter), format, path, names);
  });
}

std::optional<ControlExportFormat> ParseControlExportFormat(std::string_view name) {
  if (name == "gpkg") return ControlExportFormat::kGeoPackage;
  if (name == "geojson") return ControlExportFormat::kGeoJson;
  return std::nullopt;
}

Result<int> ExportControl(Database& db, const std::string& layer_name, const std::string& date,
                          ControlExportFormat format, const std::string& path) {
  Result<std::vector<ControlLayerShape>> shapes = ControlLayerShapes(db, layer_name, date);
  if (!shapes.ok()) return shapes.status();
  Result<const gdal::Api*> api = Plugin();
  if (!api.ok()) return api.status();
  const bool geojson = format == ControlExportFormat::kGeoJson;
  gdal::LayerSpec spec;
  spec.driver = geojson ? "GeoJSON" : "GPKG";
  spec.path = path;
  spec.layer = "control";
  spec.polygons = true;
  // RFC 7946: WGS84 longitude/latitude, counter-clockwise outer rings.
  if (geojson) spec.options.emplace_back("RFC7946", "YES");
  spec.fields = {{"layer", FieldType::kText},     {"date", FieldType::kDate},      {"holder", FieldType::kText},
                 {"source", FieldType::kText},    {"features", FieldType::kInteger}, {"area_km2", FieldType::kReal},
                 {"area_sq_mi", FieldType::kReal}, {"boundary_km", FieldType::kReal}};
  Result<PluginLayer> layer = PluginLayer::Open(*api, spec);
  if (!layer.ok()) return layer.status();
  int written = 0;
  for (const ControlLayerShape& shape : *shapes) {
    const ControlLayerSummary& l = shape.summary;
    std::vector<gdal::Value> values = {Text(l.layer),
                                       PluginValue(FieldType::kDate, l.date, false),
                                       Text(l.holder),
                                       Text(l.source),
                                       Number(l.features),
                                       Number(l.area_km2),
                                       Number(l.area_km2 * kSquareMilesPerKm2),
                                       Number(l.perimeter_km)};
    std::string json = "{\"type\":\"MultiPolygon\",\"coordinates\":" + shape.coordinates + "}";
    if (Status s = layer->AddGeometry(values, json); !s.ok()) {
      return Status::IoError(l.layer + " " + l.date + ": " + s.message());
    }
    ++written;
  }
  if (Status f = layer->Finish(); !f.ok()) return f;
  return written;
}

Result<int> ExportControl(Database& db, const std::string& layer, const std::string& date,
                          ControlExportFormat format, std::ostream& out) {
  return ThroughMemory<int>(format == ControlExportFormat::kGeoJson ? ".geojson" : ".gpkg", out,
                            [&](const std::string& path) { return ExportControl(db, layer, date, format, path); });
}

}  // namespace sitrep
