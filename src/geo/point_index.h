// Point in polygon for many points against one shape: the shape's edges are
// bucketed into latitude bands, so a query tests only the few edges of its
// band (crossing number, even-odd: holes and several polygons need nothing
// special). Build is linear in the edges; a query is O(edges per band).
#ifndef SITREP_GEO_POINT_INDEX_H_
#define SITREP_GEO_POINT_INDEX_H_

#include <vector>

#include "geo/geometry.h"

namespace sitrep {

class PointInPolygonIndex {
 public:
  explicit PointInPolygonIndex(const MultiPolygon& shape);
  // True when (lon, lat) is inside the shape (outside its holes). Points on
  // the boundary may go either way.
  bool Contains(double lon, double lat) const;
  size_t edge_count() const { return edges_; }

 private:
  struct Edge {
    double x1, y1, x2, y2;
  };
  double min_lon_ = 0, max_lon_ = 0, min_lat_ = 0, max_lat_ = 0, band_height_ = 1;
  std::vector<std::vector<Edge>> bands_;
  size_t edges_ = 0;
};

}  // namespace sitrep

#endif  // SITREP_GEO_POINT_INDEX_H_
