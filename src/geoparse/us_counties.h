// US counties for the gazetteer: their names and points, read from the
// Census Bureau's cartographic boundaries as the npm package us-atlas
// redistributes them (counties-10m.json, TopoJSON).
#ifndef SITREP_GEOPARSE_US_COUNTIES_H_
#define SITREP_GEOPARSE_US_COUNTIES_H_

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"

namespace sitrep {

struct UsCounty {
  std::string name;   // as written in news: "Licking County", "Rapides Parish"
  std::string state;  // "Ohio"
  std::string fips;   // "39089"
  double lat = 0, lon = 0;  // the centroid of its largest part
};

// The counties (parishes in Louisiana, boroughs in Alaska) of the 50
// states in a us-atlas TopoJSON file with "counties" and "states" objects.
// Left out: Virginia's and three other states' independent cities (they
// are towns in GeoNames), the District of Columbia, Alaska's census areas
// and the territories. An error names what is malformed.
Result<std::vector<UsCounty>> ReadUsCounties(std::string_view topojson);

}  // namespace sitrep

#endif  // SITREP_GEOPARSE_US_COUNTIES_H_
