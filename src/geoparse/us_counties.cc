#include "geoparse/us_counties.h"

#include <cmath>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>

namespace sitrep {

namespace {

using Json = nlohmann::json;

struct Point {
  double x = 0, y = 0;  // longitude, latitude
};

// TopoJSON arcs are quantized and delta-encoded: each position after the
// first is the difference from the one before, in units of `transform`.
Result<std::vector<std::vector<Point>>> DecodeArcs(const Json& topo) {
  auto bad = [](const std::string& why) { return Status::DataError("us-atlas TopoJSON: " + why); };
  auto t = topo.find("transform");
  auto arcs = topo.find("arcs");
  if (t == topo.end() || !t->is_object() || arcs == topo.end() || !arcs->is_array())
    return bad("no transform or arcs (expected a quantized TopoJSON file)");
  const Json& scale = (*t)["scale"];
  const Json& translate = (*t)["translate"];
  if (!scale.is_array() || scale.size() != 2 || !translate.is_array() || translate.size() != 2 ||
      !scale[0].is_number() || !scale[1].is_number() || !translate[0].is_number() || !translate[1].is_number())
    return bad("transform needs scale and translate pairs");
  double sx = scale[0].get<double>(), sy = scale[1].get<double>();
  double tx = translate[0].get<double>(), ty = translate[1].get<double>();
  std::vector<std::vector<Point>> out;
  out.reserve(arcs->size());
  for (const Json& arc : *arcs) {
    if (!arc.is_array()) return bad("an arc is not an array");
    std::vector<Point> points;
    points.reserve(arc.size());
    int64_t x = 0, y = 0;
    for (const Json& p : arc) {
      if (!p.is_array() || p.size() < 2 || !p[0].is_number_integer() || !p[1].is_number_integer())
        return bad("an arc position is not a pair of integers");
      x += p[0].get<int64_t>();
      y += p[1].get<int64_t>();
      points.push_back({static_cast<double>(x) * sx + tx, static_cast<double>(y) * sy + ty});
    }
    out.push_back(std::move(points));
  }
  return out;
}

// A ring's positions from its arc indexes (~i: arc i reversed); shared
// end points are not repeated.
bool Ring(const Json& indexes, const std::vector<std::vector<Point>>& arcs, std::vector<Point>* ring) {
  ring->clear();
  if (!indexes.is_array()) return false;
  for (const Json& j : indexes) {
    if (!j.is_number_integer()) return false;
    int64_t i = j.get<int64_t>();
    size_t k = static_cast<size_t>(i >= 0 ? i : ~i);
    if (k >= arcs.size()) return false;
    const std::vector<Point>& arc = arcs[k];
    size_t first = ring->empty() ? 0 : 1;
    for (size_t m = first; m < arc.size(); ++m) ring->push_back(i >= 0 ? arc[m] : arc[arc.size() - 1 - m]);
  }
  return !ring->empty();
}

// The centroid of a ring (shoelace formula on longitude and latitude,
// which is close enough for a county), and its area, unsigned.
Point Centroid(const std::vector<Point>& ring, double* area) {
  double a = 0, cx = 0, cy = 0;
  for (size_t i = 0; i < ring.size(); ++i) {
    const Point& p = ring[i];
    const Point& q = ring[(i + 1) % ring.size()];
    double cross = p.x * q.y - q.x * p.y;
    a += cross;
    cx += (p.x + q.x) * cross;
    cy += (p.y + q.y) * cross;
  }
  if (std::abs(a) < 1e-12) {
    // Degenerate: the mean of its positions.
    Point m;
    for (const Point& p : ring) {
      m.x += p.x / static_cast<double>(ring.size());
      m.y += p.y / static_cast<double>(ring.size());
    }
    *area = 0;
    return m;
  }
  *area = std::abs(a) / 2;
  return {cx / (3 * a), cy / (3 * a)};
}

// The word news writes after a county's name, by state FIPS code; empty
// for what is left out.
std::string_view Suffix(std::string_view state_fips, std::string_view county_code) {
  int state = std::atoi(std::string(state_fips).c_str());
  int county = std::atoi(std::string(county_code).c_str());
  if (state == 2 || state == 11 || state > 56) return "";  // Alaska, DC, territories
  // Independent cities: Baltimore, St. Louis, Carson City, Virginia's.
  if ((state == 24 || state == 29 || state == 32 || state == 51) && county >= 500) return "";
  return state == 22 ? " Parish" : " County";
}

}  // namespace

Result<std::vector<UsCounty>> ReadUsCounties(std::string_view topojson) {
  auto bad = [](const std::string& why) { return Status::DataError("us-atlas TopoJSON: " + why); };
  Json topo = Json::parse(topojson, nullptr, /*allow_exceptions=*/false);
  if (topo.is_discarded() || !topo.is_object()) return bad("not a JSON object");
  auto arcs = DecodeArcs(topo);
  if (!arcs.ok()) return arcs.status();
  auto objects = topo.find("objects");
  if (objects == topo.end() || !objects->is_object()) return bad("no objects");
  auto geometries = [&](const char* name) -> const Json* {
    auto o = objects->find(name);
    if (o == objects->end() || !o->is_object()) return nullptr;
    auto g = o->find("geometries");
    return g != o->end() && g->is_array() ? &*g : nullptr;
  };
  const Json* counties = geometries("counties");
  const Json* states = geometries("states");
  if (counties == nullptr || states == nullptr) return bad("needs 'counties' and 'states' objects");
  auto id_and_name = [](const Json& g, std::string* id, std::string* name) {
    auto i = g.find("id");
    auto p = g.find("properties");
    if (i == g.end() || !i->is_string() || p == g.end() || !p->is_object()) return false;
    auto n = p->find("name");
    if (n == p->end() || !n->is_string()) return false;
    *id = i->get<std::string>();
    *name = n->get<std::string>();
    return true;
  };
  std::map<std::string, std::string> state_name;  // FIPS -> name
  for (const Json& g : *states) {
    std::string id, name;
    if (!id_and_name(g, &id, &name)) return bad("a state without an id or a name");
    state_name[id] = name;
  }
  std::vector<UsCounty> out;
  std::vector<Point> ring;
  for (const Json& g : *counties) {
    std::string id, name;
    if (!id_and_name(g, &id, &name) || id.size() != 5) return bad("a county without a 5-digit id or a name");
    std::string_view suffix = Suffix(std::string_view(id).substr(0, 2), std::string_view(id).substr(2));
    if (suffix.empty()) continue;
    auto s = state_name.find(id.substr(0, 2));
    if (s == state_name.end()) return bad("county " + id + " is in no listed state");
    // The outer ring of each part; the largest part's centroid.
    auto type = g.find("type");
    auto rings = g.find("arcs");
    if (type == g.end() || !type->is_string() || rings == g.end() || !rings->is_array())
      return bad("county " + id + " has no geometry");
    std::vector<const Json*> outer;
    if (*type == "Polygon") {
      if (!rings->empty()) outer.push_back(&(*rings)[0]);
    } else if (*type == "MultiPolygon") {
      for (const Json& polygon : *rings) {
        if (polygon.is_array() && !polygon.empty()) outer.push_back(&polygon[0]);
      }
    } else {
      return bad("county " + id + " is a " + type->dump() + ", not a polygon");
    }
    double best_area = -1;
    Point best;
    for (const Json* r : outer) {
      if (!Ring(*r, *arcs, &ring)) return bad("county " + id + " has a ring with a bad arc index");
      double area = 0;
      Point c = Centroid(ring, &area);
      if (area > best_area) {
        best_area = area;
        best = c;
      }
    }
    if (best_area < 0) return bad("county " + id + " has no ring");
    out.push_back({name + std::string(suffix), s->second, id, best.y, best.x});
  }
  return out;
}

}  // namespace sitrep
