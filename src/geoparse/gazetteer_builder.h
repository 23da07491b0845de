// Compiles the gazetteer file (geoparse/gazetteer_format.h) from sitrep's
// reviewed place table and GeoNames' cities500.txt. Run at build time by
// tools/gazetteer_build; tests call it on small texts of their own.
#ifndef SITREP_GEOPARSE_GAZETTEER_BUILDER_H_
#define SITREP_GEOPARSE_GAZETTEER_BUILDER_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "sitrep/status.h"

namespace sitrep {

struct GazetteerSources {
  std::string_view places_tsv;  // data/places.tsv
  std::string_view geonames;    // GeoNames dump rows (cities500.txt); may be empty
  std::string source_label;     // recorded in the header
  // Ordinary lower-case words (a spelling dictionary): names that are also
  // one of them ("Mobile", "Reading", "Nice") are flagged kCommonWord.
  const std::unordered_set<std::string>* common_words = nullptr;
  // data/geonames_points.tsv: GeoNames' own points of countries, regions and
  // continents; moves the table's places there and adds the regions and
  // continents the table lacks. May be empty.
  std::string_view points_tsv;
  // data/demonyms.tsv: demonyms and adjectives, posted as names of their
  // place with Gazetteer::kDemonym. May be empty.
  std::string_view demonyms_tsv;
  // data/toponym_declension.tsv: the oblique forms of the Cyrillic names of
  // places in Ukraine, Russia and Belarus, of table places and of cities
  // elsewhere are posted as names of the same place, and the districts
  // ("Покровський район", "Великописарівська громада") named after the
  // seats of districts there, in every case, with Gazetteer::kDistrict. May
  // be empty: no forms.
  std::string_view declension_tsv;
  // True for an ordinary lower-case Russian or Ukrainian word (folded), as
  // a spelling dictionary knows it ("там", "мирное"): single-word Cyrillic
  // names of towns under 100,000 people that are one are flagged
  // kCommonWord. May be empty.
  std::function<bool(std::string_view)> common_cyrillic;
  // us-atlas' counties-10m.json (the Census Bureau's county boundaries as
  // TopoJSON): US counties and parishes ("Licking County") are posted as
  // admin2 places at their centroids, in their state. May be empty.
  std::string_view us_counties_topojson;
};

struct GazetteerBuildReport {
  size_t table_rows = 0;
  size_t geonames_rows = 0;
  size_t geonames_skipped = 0;    // malformed rows, listed in warnings
  size_t table_cities_merged = 0;  // table cities matched to a GeoNames town
  size_t names = 0;                // distinct name keys
  size_t admin1_derived = 0;
  size_t points_moved = 0;   // table places moved to GeoNames' point
  size_t points_added = 0;   // regions and continents added from the points table
  size_t demonyms = 0;       // demonym forms posted
  size_t declined_forms = 0;  // oblique forms of Cyrillic names posted
  size_t district_names = 0;  // district names (nominative and oblique) posted
  size_t common_cyrillic = 0;  // Cyrillic names flagged as ordinary words
  size_t transliterated_names = 0;  // Russian names made from GeoNames' Latin ones
  size_t transliterated_places = 0;  // places in Ukraine, Russia, Belarus that got one
  size_t cyrillic_by_transliteration = 0;  // of them, places with no Cyrillic name before
  size_t us_counties = 0;  // counties and parishes added from us-atlas
  std::vector<std::string> warnings;
  std::vector<std::string> derived;  // "a-RU-kursk-oblast -> 41 (12 of 15 nearest towns)"
};

// The file's bytes, or an error naming the bad row of the table.
Result<std::string> BuildGazetteer(const GazetteerSources& sources, GazetteerBuildReport* report);

}  // namespace sitrep

#endif  // SITREP_GEOPARSE_GAZETTEER_BUILDER_H_
