// Control-of-terrain layers from GeoJSON: Polygons and MultiPolygons (holes
// included) with their date, layer and holder properties. Every feature that
// is not a valid area is reported with its number and the reason, never kept.
#ifndef SITREP_GEO_CONTROL_GEOJSON_H_
#define SITREP_GEO_CONTROL_GEOJSON_H_

#include <string>
#include <string_view>
#include <vector>

#include "geo/geometry.h"

namespace sitrep {

struct ControlFeature {
  size_t number = 0;   // 1-based position in its FeatureCollection
  MultiPolygon shape;
  std::string date;    // properties.date as YYYY-MM-DD, or ""
  std::string layer;   // properties.layer_type, .layer or .name, or ""
  std::string holder;  // properties.holder, or ""
};

struct GeoJsonProblem {
  size_t feature = 0;  // 0: the file as a whole
  std::string reason;
  bool repaired = false;  // kept after repair
};

struct GeoJsonProblem;

// A FeatureCollection, a single Feature, or a bare Polygon/MultiPolygon.
// Fails (DataError) only when the text is not GeoJSON at all. With `repair`,
// a self-intersecting feature is repaired (GEOS MakeValid) and kept, and the
// problem is still reported, marked repaired.
Result<std::vector<ControlFeature>> ParseControlGeoJson(std::string_view json, std::vector<GeoJsonProblem>* problems,
                                                        bool repair = false);

// The stored form of a layer (control_layers.geometry): GeoJSON MultiPolygon
// coordinates, and back. Parsing repairs what GEOS's own output may still
// hold when `repair` is set.
std::string ToMultiPolygonCoordinates(const MultiPolygon& shape);
Result<MultiPolygon> ParseMultiPolygonCoordinates(const std::string& coordinates, bool repair = false);

}  // namespace sitrep

#endif  // SITREP_GEO_CONTROL_GEOJSON_H_
