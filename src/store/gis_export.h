// GIS exports through GDAL: events as points (GeoPackage, FlatGeobuf,
// Shapefile) and control layers as polygons (GeoPackage, GeoJSON).
#ifndef SITREP_STORE_GIS_EXPORT_H_
#define SITREP_STORE_GIS_EXPORT_H_

#include <ostream>
#include <string>

#include "sitrep/store.h"

namespace sitrep {

// ExportClaims for a GIS format: written in memory (GDAL's /vsimem/), then
// copied to `out` as one file (a Shapefile zipped).
Result<ExportSummary> ExportClaimsGisToStream(Database& db, QueryFilter filter, ExportFormat format,
                                              std::ostream& out, const Extractor* names);

}  // namespace sitrep

#endif  // SITREP_STORE_GIS_EXPORT_H_
