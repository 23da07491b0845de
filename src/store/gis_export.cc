// GIS exports through GDAL (Debian libgdal-dev): typed fields, WGS84.
#include "store/gis_export.h"

#include <atomic>
#include <mutex>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include "sitrep/control.h"
#include "store/acled.h"

namespace sitrep {

namespace {

void RegisterDrivers() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

// GDAL reports errors through a handler; while one of ours runs they are
// kept quiet and read back as a Status.
class QuietErrors {
 public:
  QuietErrors() {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
  }
  ~QuietErrors() { CPLPopErrorHandler(); }
  QuietErrors(const QuietErrors&) = delete;
  QuietErrors& operator=(const QuietErrors&) = delete;
  static Status Failed(const std::string& what) {
    std::string detail = CPLGetLastErrorMsg();
    return Status::IoError(what + (detail.empty() ? "" : ": " + detail));
  }
  static bool Any() { return CPLGetLastErrorType() >= CE_Failure; }
};

// A dataset closed (and flushed) on every path.
class Dataset {
 public:
  explicit Dataset(GDALDatasetH ds) : ds_(ds) {}
  ~Dataset() { Close(); }
  Dataset(const Dataset&) = delete;
  Dataset& operator=(const Dataset&) = delete;
  GDALDatasetH get() const { return ds_; }
  void Close() {
    if (ds_ != nullptr) GDALClose(ds_);
    ds_ = nullptr;
  }

 private:
  GDALDatasetH ds_;
};

class SpatialReference {
 public:
  SpatialReference() : srs_(OSRNewSpatialReference(nullptr)) {
    OSRImportFromEPSG(srs_, 4326);
    // Longitude first, as GeoJSON, shapefiles and QGIS expect.
    OSRSetAxisMappingStrategy(srs_, OAMS_TRADITIONAL_GIS_ORDER);
  }
  ~SpatialReference() { OSRRelease(srs_); }
  SpatialReference(const SpatialReference&) = delete;
  SpatialReference& operator=(const SpatialReference&) = delete;
  OGRSpatialReferenceH get() const { return srs_; }

 private:
  OGRSpatialReferenceH srs_;
};

struct Driver {
  const char* gdal_name;
  const char* what;
};

Driver DriverOf(ExportFormat f) {
  switch (f) {
    case ExportFormat::kGeoPackage: return {"GPKG", "GeoPackage"};
    case ExportFormat::kFlatGeobuf: return {"FlatGeobuf", "FlatGeobuf"};
    case ExportFormat::kShapefile: return {"ESRI Shapefile", "Shapefile"};
    default: return {"", ""};
  }
}

// Creates `path` with `driver` (an existing file is replaced).
Result<GDALDatasetH> Create(const char* driver_name, const std::string& path) {
  RegisterDrivers();
  GDALDriverH driver = GDALGetDriverByName(driver_name);
  if (driver == nullptr) {
    return Status::Internal(std::string("this GDAL has no ") + driver_name + " driver (apt-get install libgdal-dev)");
  }
  VSIStatBufL st;
  if (VSIStatL(path.c_str(), &st) == 0) {
    if (GDALDeleteDataset(driver, path.c_str()) != CE_None && VSIUnlink(path.c_str()) != 0) {
      return QuietErrors::Failed("cannot replace " + path);
    }
  }
  GDALDatasetH ds = GDALCreate(driver, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  if (ds == nullptr) return QuietErrors::Failed("cannot create " + path);
  return ds;
}

OGRFieldType OgrType(FieldType t) {
  switch (t) {
    case FieldType::kText: return OFTString;
    case FieldType::kInteger: return OFTInteger;
    case FieldType::kInteger64: return OFTInteger64;
    case FieldType::kReal: return OFTReal;
    case FieldType::kDate: return OFTDate;
  }
  return OFTString;
}

Status AddField(OGRLayerH layer, const std::string& name, OGRFieldType type) {
  OGRFieldDefnH field = OGR_Fld_Create(name.c_str(), type);
  OGRErr e = OGR_L_CreateField(layer, field, TRUE);
  OGR_Fld_Destroy(field);
  if (e != OGRERR_NONE) return QuietErrors::Failed("cannot add the field " + name);
  return Status::Ok();
}

// A dBase text field holds 254 bytes: cut at a code point, not inside one.
std::string FitShapefile(const std::string& s) {
  constexpr size_t kMax = 254;
  if (s.size() <= kMax) return s;
  size_t end = kMax;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

void SetField(OGRFeatureH f, int i, FieldType type, const std::string& v, bool shapefile) {
  if (v.empty()) {
    OGR_F_SetFieldNull(f, i);
    return;
  }
  switch (type) {
    case FieldType::kText: OGR_F_SetFieldString(f, i, (shapefile ? FitShapefile(v) : v).c_str()); break;
    case FieldType::kInteger:
      if (std::optional<int> x = ParseField<int>(v)) OGR_F_SetFieldInteger(f, i, *x);
      else OGR_F_SetFieldNull(f, i);
      break;
    case FieldType::kInteger64:
      if (std::optional<int64_t> x = ParseField<int64_t>(v)) OGR_F_SetFieldInteger64(f, i, *x);
      else OGR_F_SetFieldNull(f, i);
      break;
    case FieldType::kReal:
      if (std::optional<double> x = ParseField<double>(v)) OGR_F_SetFieldDouble(f, i, *x);
      else OGR_F_SetFieldNull(f, i);
      break;
    case FieldType::kDate: {
      std::optional<CivilDate> d = CivilDate::Parse(v);
      if (d) {
        OGR_F_SetFieldDateTime(f, i, d->year, d->month, d->day, 0, 0, 0, 0);
      } else {
        OGR_F_SetFieldNull(f, i);
      }
      break;
    }
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

// A fresh name under GDAL's in-memory file system.
std::string MemoryPath(const std::string& extension) {
  static std::atomic<uint64_t> counter{0};
  return "/vsimem/sitrep-export-" + std::to_string(counter++) + extension;
}

// Moves an in-memory file's bytes to `out` and frees it.
Status CopyOut(const std::string& path, std::ostream& out) {
  vsi_l_offset size = 0;
  GByte* bytes = VSIGetMemFileBuffer(path.c_str(), &size, TRUE);
  if (bytes == nullptr) return Status::Internal("GDAL wrote no file at " + path);
  out.write(reinterpret_cast<const char*>(bytes), static_cast<std::streamsize>(size));
  CPLFree(bytes);
  if (!out.good()) return Status::IoError("cannot write the export (disk full or closed pipe?)");
  return Status::Ok();
}

}  // namespace

bool IsGisFormat(ExportFormat format) {
  return format == ExportFormat::kGeoPackage || format == ExportFormat::kFlatGeobuf ||
         format == ExportFormat::kShapefile;
}

Result<ExportSummary> ExportClaimsToFile(Database& db, QueryFilter filter, ExportFormat format,
                                         const std::string& path, const Extractor* names) {
  if (!IsGisFormat(format)) return Status::InvalidArgument("ExportClaimsToFile writes gpkg, fgb or shp");
  QuietErrors quiet;
  Driver driver = DriverOf(format);
  Result<GDALDatasetH> created = Create(driver.gdal_name, path);
  if (!created.ok()) return created.status();
  Dataset ds(*created);
  SpatialReference srs;
  const bool shapefile = format == ExportFormat::kShapefile;
  char** options = nullptr;
  if (shapefile) options = CSLSetNameValue(options, "ENCODING", "UTF-8");
  if (format == ExportFormat::kFlatGeobuf) options = CSLSetNameValue(options, "SPATIAL_INDEX", "YES");
  OGRLayerH layer = GDALDatasetCreateLayer(ds.get(), "events", srs.get(), wkbPoint, options);
  CSLDestroy(options);
  if (layer == nullptr) return QuietErrors::Failed("cannot create the events layer in " + path);
  const std::vector<ExportColumn>& columns = EventColumns();
  const size_t latitude = EventColumnIndex("latitude"), longitude = EventColumnIndex("longitude");
  for (const ExportColumn& c : columns) {
    if (Status s = AddField(layer, std::string(shapefile ? c.short_name : c.name), OgrType(c.type)); !s.ok()) return s;
  }
  ExportSummary summary;
  Status write_error;
  const bool transaction = GDALDatasetStartTransaction(ds.get(), FALSE) == OGRERR_NONE;
  Status s = ForEachEventRow(db, std::move(filter), names, &summary, [&](const ClaimRecord& c, const EventRow& row) {
    if (!c.lat || !c.lon) {
      ++summary.without_coordinates;
      return true;
    }
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
    for (size_t i = 0; i < columns.size(); ++i) {
      SetField(f, static_cast<int>(i), columns[i].type, row.values[i], shapefile);
    }
    OGRGeometryH point = OGR_G_CreateGeometry(wkbPoint);
    // The rounded values of the latitude/longitude fields.
    OGR_G_SetPoint_2D(point, 0, ParseField<double>(row.values[longitude]).value_or(0),
                      ParseField<double>(row.values[latitude]).value_or(0));
    OGR_F_SetGeometryDirectly(f, point);
    OGRErr e = OGR_L_CreateFeature(layer, f);
    OGR_F_Destroy(f);
    if (e != OGRERR_NONE) {
      write_error = QuietErrors::Failed("cannot write event " + std::to_string(c.id) + " to " + path);
      return false;
    }
    ++summary.written;
    return true;
  });
  if (!write_error.ok()) return write_error;
  if (!s.ok()) return s;
  if (transaction && GDALDatasetCommitTransaction(ds.get()) != OGRERR_NONE) {
    return QuietErrors::Failed("cannot write " + path);
  }
  ds.Close();
  if (QuietErrors::Any()) return QuietErrors::Failed("cannot finish " + path);
  return summary;
}

Result<ExportSummary> ExportClaimsGisToStream(Database& db, QueryFilter filter, ExportFormat format,
                                              std::ostream& out, const Extractor* names) {
  std::string path = MemoryPath(Extension(format));
  Result<ExportSummary> r = ExportClaimsToFile(db, std::move(filter), format, path, names);
  if (!r.ok()) {
    VSIUnlink(path.c_str());
    return r.status();
  }
  if (Status s = CopyOut(path, out); !s.ok()) return s;
  return r;
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
  QuietErrors quiet;
  const bool geojson = format == ControlExportFormat::kGeoJson;
  Result<GDALDatasetH> created = Create(geojson ? "GeoJSON" : "GPKG", path);
  if (!created.ok()) return created.status();
  Dataset ds(*created);
  SpatialReference srs;
  char** options = nullptr;
  // RFC 7946: WGS84 longitude/latitude, counter-clockwise outer rings.
  if (geojson) options = CSLSetNameValue(options, "RFC7946", "YES");
  OGRLayerH layer = GDALDatasetCreateLayer(ds.get(), "control", srs.get(), wkbMultiPolygon, options);
  CSLDestroy(options);
  if (layer == nullptr) return QuietErrors::Failed("cannot create the control layer in " + path);
  struct Field {
    const char* name;
    OGRFieldType type;
  };
  static constexpr Field kFields[] = {{"layer", OFTString},     {"date", OFTDate},        {"holder", OFTString},
                                      {"source", OFTString},    {"features", OFTInteger}, {"area_km2", OFTReal},
                                      {"area_sq_mi", OFTReal}, {"boundary_km", OFTReal}};
  for (const Field& f : kFields) {
    if (Status s = AddField(layer, f.name, f.type); !s.ok()) return s;
  }
  const bool transaction = GDALDatasetStartTransaction(ds.get(), FALSE) == OGRERR_NONE;
  int written = 0;
  for (const ControlLayerShape& shape : *shapes) {
    const ControlLayerSummary& l = shape.summary;
    std::string json = "{\"type\":\"MultiPolygon\",\"coordinates\":" + shape.coordinates + "}";
    OGRGeometryH geometry = OGR_G_CreateGeometryFromJson(json.c_str());
    if (geometry == nullptr)
      return QuietErrors::Failed("the stored geometry of " + l.layer + " " + l.date + " does not read");
    OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(layer));
    OGR_F_SetFieldString(f, 0, l.layer.c_str());
    SetField(f, 1, FieldType::kDate, l.date, false);
    OGR_F_SetFieldString(f, 2, l.holder.c_str());
    OGR_F_SetFieldString(f, 3, l.source.c_str());
    OGR_F_SetFieldInteger(f, 4, l.features);
    OGR_F_SetFieldDouble(f, 5, l.area_km2);
    OGR_F_SetFieldDouble(f, 6, l.area_km2 * kSquareMilesPerKm2);
    OGR_F_SetFieldDouble(f, 7, l.perimeter_km);
    OGR_F_SetGeometryDirectly(f, geometry);
    OGRErr e = OGR_L_CreateFeature(layer, f);
    OGR_F_Destroy(f);
    if (e != OGRERR_NONE) return QuietErrors::Failed("cannot write " + l.layer + " " + l.date + " to " + path);
    ++written;
  }
  if (transaction && GDALDatasetCommitTransaction(ds.get()) != OGRERR_NONE) {
    return QuietErrors::Failed("cannot write " + path);
  }
  ds.Close();
  if (QuietErrors::Any()) return QuietErrors::Failed("cannot finish " + path);
  return written;
}

Result<int> ExportControl(Database& db, const std::string& layer, const std::string& date,
                          ControlExportFormat format, std::ostream& out) {
  std::string path = MemoryPath(format == ControlExportFormat::kGeoJson ? ".geojson" : ".gpkg");
  Result<int> r = ExportControl(db, layer, date, format, path);
  if (!r.ok()) {
    VSIUnlink(path.c_str());
    return r.status();
  }
  if (Status s = CopyOut(path, out); !s.ok()) return s;
  return r;
}

}  // namespace sitrep
