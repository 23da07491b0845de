// libsitrep_gdal.so: GIS files through GDAL (Debian libgdal-dev), loaded by
// LoadGdalPlugin when one is asked for (store/gdal_plugin.h says why).
#include "store/gdal_plugin.h"

#include <atomic>
#include <memory>
#include <mutex>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

namespace sitrep::gdal {

namespace {

void RegisterDrivers() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

// GDAL reports errors through a handler; while a layer is written they are
// kept quiet and read back as messages.
class QuietErrors {
 public:
  QuietErrors() {
    CPLPushErrorHandler(CPLQuietErrorHandler);
    CPLErrorReset();
  }
  ~QuietErrors() { CPLPopErrorHandler(); }
  QuietErrors(const QuietErrors&) = delete;
  QuietErrors& operator=(const QuietErrors&) = delete;
  // `what`, with GDAL's last message; always false.
  static bool Failed(const std::string& what, std::string* error) {
    std::string detail = CPLGetLastErrorMsg();
    *error = what + (detail.empty() ? "" : ": " + detail);
    return false;
  }
  static bool Any() { return CPLGetLastErrorType() >= CE_Failure; }
};

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

// One open file and its layer.
struct Layer {
  std::string path;
  GDALDatasetH dataset = nullptr;
  OGRSpatialReferenceH srs = nullptr;
  OGRLayerH layer = nullptr;
  std::vector<FieldType> types;
  bool transaction = false;

  ~Layer() {
    if (dataset != nullptr) GDALClose(dataset);
    if (srs != nullptr) OSRRelease(srs);
  }
};

// Creates `path` with the driver (an existing file is replaced).
GDALDatasetH Create(const std::string& driver_name, const std::string& path, std::string* error) {
  RegisterDrivers();
  GDALDriverH driver = GDALGetDriverByName(driver_name.c_str());
  if (driver == nullptr) {
    *error = "this GDAL has no " + driver_name + " driver (apt-get install libgdal-dev)";
    return nullptr;
  }
  VSIStatBufL st;
  if (VSIStatL(path.c_str(), &st) == 0) {
    if (GDALDeleteDataset(driver, path.c_str()) != CE_None && VSIUnlink(path.c_str()) != 0) {
      QuietErrors::Failed("cannot replace " + path, error);
      return nullptr;
    }
  }
  GDALDatasetH ds = GDALCreate(driver, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  if (ds == nullptr) QuietErrors::Failed("cannot create " + path, error);
  return ds;
}

bool AddFields(Layer* l, const LayerSpec& spec, std::string* error) {
  for (const auto& [name, type] : spec.fields) {
    OGRFieldDefnH field = OGR_Fld_Create(name.c_str(), OgrType(type));
    OGRErr e = OGR_L_CreateField(l->layer, field, TRUE);
    OGR_Fld_Destroy(field);
    if (e != OGRERR_NONE) return QuietErrors::Failed("cannot add the field " + name, error);
    l->types.push_back(type);
  }
  return true;
}

void* Open(const LayerSpec& spec, std::string* error) {
  QuietErrors quiet;
  auto l = std::make_unique<Layer>();
  l->path = spec.path;
  l->dataset = Create(spec.driver, spec.path, error);
  if (l->dataset == nullptr) return nullptr;
  l->srs = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(l->srs, 4326);
  // Longitude first, as GeoJSON, shapefiles and QGIS expect.
  OSRSetAxisMappingStrategy(l->srs, OAMS_TRADITIONAL_GIS_ORDER);
  char** options = nullptr;
  for (const auto& [key, value] : spec.options) options = CSLSetNameValue(options, key.c_str(), value.c_str());
  l->layer = GDALDatasetCreateLayer(l->dataset, spec.layer.c_str(), l->srs, spec.polygons ? wkbMultiPolygon : wkbPoint,
                                    options);
  CSLDestroy(options);
  if (l->layer == nullptr) {
    QuietErrors::Failed("cannot create the " + spec.layer + " layer in " + spec.path, error);
    return nullptr;
  }
  if (!AddFields(l.get(), spec, error)) return nullptr;
  l->transaction = GDALDatasetStartTransaction(l->dataset, FALSE) == OGRERR_NONE;
  return l.release();
}

void SetField(OGRFeatureH f, int i, FieldType type, const Value& v) {
  if (v.null) {
    OGR_F_SetFieldNull(f, i);
    return;
  }
  switch (type) {
    case FieldType::kText: OGR_F_SetFieldString(f, i, v.text.c_str()); break;
    case FieldType::kInteger: OGR_F_SetFieldInteger(f, i, static_cast<int>(v.integer)); break;
    case FieldType::kInteger64: OGR_F_SetFieldInteger64(f, i, v.integer); break;
    case FieldType::kReal: OGR_F_SetFieldDouble(f, i, v.real); break;
    case FieldType::kDate: OGR_F_SetFieldDateTime(f, i, v.year, v.month, v.day, 0, 0, 0, 0); break;
  }
}

// Adds one feature with `geometry` (owned by the feature from here on).
bool AddFeature(void* handle, const std::vector<Value>& values, OGRGeometryH geometry, std::string* error) {
  QuietErrors quiet;
  auto* l = static_cast<Layer*>(handle);
  OGRFeatureH f = OGR_F_Create(OGR_L_GetLayerDefn(l->layer));
  for (size_t i = 0; i < values.size() && i < l->types.size(); ++i) {
    SetField(f, static_cast<int>(i), l->types[i], values[i]);
  }
  OGR_F_SetGeometryDirectly(f, geometry);
  OGRErr e = OGR_L_CreateFeature(l->layer, f);
  OGR_F_Destroy(f);
  if (e != OGRERR_NONE) return QuietErrors::Failed("cannot write to " + l->path, error);
  return true;
}

bool AddPoint(void* handle, const std::vector<Value>& values, double lon, double lat, std::string* error) {
  OGRGeometryH point = OGR_G_CreateGeometry(wkbPoint);
  OGR_G_SetPoint_2D(point, 0, lon, lat);
  return AddFeature(handle, values, point, error);
}

bool AddGeometry(void* handle, const std::vector<Value>& values, const std::string& geojson, std::string* error) {
  QuietErrors quiet;
  OGRGeometryH geometry = OGR_G_CreateGeometryFromJson(geojson.c_str());
  if (geometry == nullptr) return QuietErrors::Failed("a geometry does not read", error);
  return AddFeature(handle, values, geometry, error);
}

bool Finish(void* handle, std::string* error) {
  QuietErrors quiet;
  std::unique_ptr<Layer> l(static_cast<Layer*>(handle));
  if (l->transaction && GDALDatasetCommitTransaction(l->dataset) != OGRERR_NONE) {
    return QuietErrors::Failed("cannot write " + l->path, error);
  }
  GDALClose(l->dataset);
  l->dataset = nullptr;
  if (QuietErrors::Any()) return QuietErrors::Failed("cannot finish " + l->path, error);
  return true;
}

void Abandon(void* handle) {
  QuietErrors quiet;
  delete static_cast<Layer*>(handle);
}

std::string MemoryPath(const std::string& extension) {
  static std::atomic<uint64_t> counter{0};
  return "/vsimem/sitrep-export-" + std::to_string(counter++) + extension;
}

bool CopyOut(const std::string& path, std::ostream& out, std::string* error) {
  vsi_l_offset size = 0;
  GByte* bytes = VSIGetMemFileBuffer(path.c_str(), &size, TRUE);
  if (bytes == nullptr) {
    VSIUnlink(path.c_str());
    *error = "GDAL wrote no file at " + path;
    return false;
  }
  out.write(reinterpret_cast<const char*>(bytes), static_cast<std::streamsize>(size));
  CPLFree(bytes);
  if (!out.good()) {
    *error = "cannot write the export (disk full or closed pipe?)";
    return false;
  }
  return true;
}

void Discard(const std::string& path) { VSIUnlink(path.c_str()); }

constexpr Api kApi = {kGdalPluginVersion, Open, AddPoint, AddGeometry, Finish, Abandon, MemoryPath, CopyOut, Discard};

}  // namespace

}  // namespace sitrep::gdal

extern "C" __attribute__((visibility("default"))) const sitrep::gdal::Api* sitrep_gdal_plugin_api() {
  return &sitrep::gdal::kApi;
}
