// The type of an export column, shared by the export schema (store/acled.h)
// and the GDAL plugin (store/gdal_plugin.h), which knows nothing else of sitrep.
#ifndef SITREP_STORE_FIELD_TYPE_H_
#define SITREP_STORE_FIELD_TYPE_H_

namespace sitrep {

// What GIS formats and GeoJSON store, and what a CSV reader should parse.
enum class FieldType { kText, kInteger, kInteger64, kReal, kDate };

}  // namespace sitrep

#endif  // SITREP_STORE_FIELD_TYPE_H_
