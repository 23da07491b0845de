// The GDAL plugin's interface: GIS files (GeoPackage, FlatGeobuf, Shapefile,
// GeoJSON polygons) are written by libsitrep_gdal.so, which links GDAL and
// is loaded only when such a file is asked for (LoadGdalPlugin). GDAL brings
// about a hundred shared libraries; linked into every sitrep process they
// cost a quarter of a second to start and ~30 MB of memory
// (docs/performance.md), for a feature most commands never use.
//
// The plugin knows nothing of sitrep but the export columns' FieldType: it
// is given typed values and geometries and writes them; the store decides what to write. Both sides
// are built together, so the interface is C++ (std::string, std::vector)
// behind one C entry point, checked by kGdalPluginVersion.
#ifndef SITREP_STORE_GDAL_PLUGIN_H_
#define SITREP_STORE_GDAL_PLUGIN_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "store/field_type.h"

namespace sitrep::gdal {

// Raised whenever a declaration below changes.
inline constexpr int kGdalPluginVersion = 1;

struct Value {
  bool null = true;
  std::string text;
  int64_t integer = 0;
  double real = 0;
  int year = 0, month = 0, day = 0;
};

struct LayerSpec {
  std::string driver;  // GDAL's name: "GPKG", "FlatGeobuf", "ESRI Shapefile", "GeoJSON"
  std::string path;    // a file, or a /vsimem/ path from MemoryPath
  std::string layer;
  bool polygons = false;                                      // MultiPolygons, else points
  std::vector<std::pair<std::string, std::string>> options;   // layer creation options
  std::vector<std::pair<std::string, FieldType>> fields;
};

// Every function that can fail returns false with a message in `error`.
struct Api {
  int version;  // kGdalPluginVersion of the plugin's build
  // Creates spec.path (an existing file is replaced) with one layer, in WGS84
  // (longitude first). nullptr on failure.
  void* (*open)(const LayerSpec& spec, std::string* error);
  // One feature: the values in the order of spec.fields and a point, or a
  // GeoJSON MultiPolygon geometry ({"type": ..., "coordinates": ...}).
  bool (*add_point)(void* layer, const std::vector<Value>& values, double lon, double lat, std::string* error);
  bool (*add_geometry)(void* layer, const std::vector<Value>& values, const std::string& geojson,
                       std::string* error);
  // Commits and closes the file and frees `layer`, on failure too.
  bool (*finish)(void* layer, std::string* error);
  // Closes without committing and frees `layer` (an earlier step failed).
  void (*abandon)(void* layer);
  // A fresh path in GDAL's in-memory file system, ending in `extension`.
  std::string (*memory_path)(const std::string& extension);
  // Writes an in-memory file to `out` and frees it; frees it on failure too.
  bool (*copy_out)(const std::string& path, std::ostream& out, std::string* error);
  // Frees an in-memory file (after a failed export).
  void (*discard)(const std::string& path);
};

}  // namespace sitrep::gdal

// The plugin's one exported symbol.
extern "C" const sitrep::gdal::Api* sitrep_gdal_plugin_api();

#endif  // SITREP_STORE_GDAL_PLUGIN_H_
