#include "geo/point_index.h"

#include <algorithm>
#include <cmath>

namespace sitrep {

PointInPolygonIndex::PointInPolygonIndex(const MultiPolygon& shape) {
  std::vector<Edge> all;
  min_lon_ = min_lat_ = INFINITY;
  max_lon_ = max_lat_ = -INFINITY;
  auto add_ring = [&](const Ring& r) {
    for (size_t i = 0; i + 1 < r.size(); ++i) {
      all.push_back({r[i].lon, r[i].lat, r[i + 1].lon, r[i + 1].lat});
      min_lon_ = std::min(min_lon_, r[i].lon), max_lon_ = std::max(max_lon_, r[i].lon);
      min_lat_ = std::min(min_lat_, r[i].lat), max_lat_ = std::max(max_lat_, r[i].lat);
    }
  };
  for (const Polygon& p : shape) {
    add_ring(p.outer);
    for (const Ring& h : p.holes) add_ring(h);
  }
  edges_ = all.size();
  if (all.empty()) return;
  // About two edges a band on average; bands hold every edge that overlaps them.
  size_t bands = std::clamp<size_t>(all.size() / 2, 1, 1 << 20);
  band_height_ = std::max((max_lat_ - min_lat_) / static_cast<double>(bands), 1e-12);
  bands_.resize(bands);
  for (const Edge& e : all) {
    double lo = std::min(e.y1, e.y2), hi = std::max(e.y1, e.y2);
    size_t b0 = static_cast<size_t>(std::clamp((lo - min_lat_) / band_height_, 0.0, static_cast<double>(bands - 1)));
    size_t b1 = static_cast<size_t>(std::clamp((hi - min_lat_) / band_height_, 0.0, static_cast<double>(bands - 1)));
    for (size_t b = b0; b <= b1; ++b) bands_[b].push_back(e);
  }
}

bool PointInPolygonIndex::Contains(double lon, double lat) const {
  if (bands_.empty() || lon < min_lon_ || lon > max_lon_ || lat < min_lat_ || lat > max_lat_) return false;
  size_t b =
      static_cast<size_t>(std::clamp((lat - min_lat_) / band_height_, 0.0, static_cast<double>(bands_.size() - 1)));
  bool inside = false;
  for (const Edge& e : bands_[b]) {
    // Crossing number: edges straddling the point's latitude whose crossing
    // lies east of the point (half-open in latitude, so a vertex counts once).
    if ((e.y1 > lat) != (e.y2 > lat)) {
      double x = e.x1 + (lat - e.y1) * (e.x2 - e.x1) / (e.y2 - e.y1);
      if (x > lon) inside = !inside;
    }
  }
  return inside;
}

}  // namespace sitrep
