#include "geo/control_geojson.h"

#include <nlohmann/json.hpp>

#include "core/utf8.h"

namespace sitrep {

namespace {

using nlohmann::json;

// The "type" of a GeoJSON object: "" when absent or not a string (never a
// value()/get<>() that throws on a wrong type).
std::string TypeOf(const json& object) {
  if (!object.is_object()) return "";
  auto it = object.find("type");
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

// The member `key` of an object, or null when there is none.
const json* Member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

// Positions -> ring; false with a reason when the shape is not GeoJSON's.
bool ReadRing(const json& positions, Ring* ring, std::string* why) {
  if (!positions.is_array()) {
    *why = "a ring is not an array of positions";
    return false;
  }
  for (const json& p : positions) {
    if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number()) {
      *why = "a position is not [longitude, latitude]";
      return false;
    }
    ring->push_back({p[0].get<double>(), p[1].get<double>()});
  }
  return true;
}

bool ReadPolygon(const json& rings, Polygon* polygon, std::string* why) {
  if (!rings.is_array() || rings.empty()) {
    *why = "a polygon has no rings";
    return false;
  }
  for (size_t i = 0; i < rings.size(); ++i) {
    Ring r;
    if (!ReadRing(rings[i], &r, why)) return false;
    if (i == 0) {
      polygon->outer = std::move(r);
    } else {
      polygon->holes.push_back(std::move(r));
    }
  }
  return true;
}

bool ReadGeometry(const json& g, MultiPolygon* shape, std::string* why) {
  if (!g.is_object()) {
    *why = "no geometry";
    return false;
  }
  const std::string type = TypeOf(g);
  const json* coords = Member(g, "coordinates");
  if (type == "Polygon" && coords != nullptr) {
    Polygon p;
    if (!ReadPolygon(*coords, &p, why)) return false;
    shape->push_back(std::move(p));
    return true;
  }
  if (type == "MultiPolygon" && coords != nullptr && coords->is_array()) {
    for (const json& rings : *coords) {
      Polygon p;
      if (!ReadPolygon(rings, &p, why)) return false;
      shape->push_back(std::move(p));
    }
    return true;
  }
  const json* geometries = Member(g, "geometries");
  if (type == "GeometryCollection" && geometries != nullptr && geometries->is_array()) {
    for (const json& part : *geometries) {
      if (!ReadGeometry(part, shape, why)) return false;
    }
    return true;
  }
  *why = type.empty() ? "geometry has no \"type\" string"
                      : "a " + type + " is not an area (Polygon or MultiPolygon needed)";
  return false;
}

std::string StringProperty(const json& props, std::initializer_list<const char*> keys) {
  if (!props.is_object()) return "";
  for (const char* k : keys) {
    auto it = props.find(k);
    if (it != props.end() && it->is_string()) return it->get<std::string>();
  }
  return "";
}

}  // namespace

Result<std::vector<ControlFeature>> ParseControlGeoJson(std::string_view text, std::vector<GeoJsonProblem>* problems,
                                                        bool repair) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::exception& e) {
    std::string what = e.what();
    return Status::DataError("not valid JSON (" + Printable(what.substr(what.find(']') + 2), kMessageExcerptBytes) +
                             ")");
  }
  const std::string type = TypeOf(root);
  if (type.empty()) return Status::DataError("not GeoJSON: no \"type\" string");
  std::vector<json> features;
  if (type == "FeatureCollection") {
    const json* list = Member(root, "features");
    if (list == nullptr || !list->is_array()) {
      return Status::DataError("a FeatureCollection without a \"features\" array");
    }
    for (const json& f : *list) features.push_back(f);
  } else if (type == "Feature") {
    features.push_back(root);
  } else {
    features.push_back(json{{"type", "Feature"}, {"geometry", root}, {"properties", json::object()}});
  }
  std::vector<ControlFeature> out;
  for (size_t i = 0; i < features.size(); ++i) {
    const json& f = features[i];
    ControlFeature cf;
    cf.number = i + 1;
    std::string why;
    if (TypeOf(f) != "Feature") {
      problems->push_back({cf.number, "not a Feature (an object with \"type\": \"Feature\")"});
      continue;
    }
    const json* geometry = Member(f, "geometry");
    if (geometry == nullptr || geometry->is_null()) {
      problems->push_back({cf.number, "geometry is null (a feature without a location has no area)"});
      continue;
    }
    if (!ReadGeometry(*geometry, &cf.shape, &why)) {
      problems->push_back({cf.number, why});
      continue;
    }
    if (std::string bad = InvalidReason(cf.shape); !bad.empty()) {
      Result<MultiPolygon> fixed =
          repair && Repairable(bad) ? MakeValid(cf.shape) : Result<MultiPolygon>(Status::DataError(""));
      if (!fixed.ok() || fixed->empty()) {
        problems->push_back({cf.number, bad});
        continue;
      }
      problems->push_back({cf.number, bad + "; repaired (GEOS MakeValid) and kept", true});
      cf.shape = std::move(fixed).value();
    }
    static const json kNoProperties = json::object();
    const json* found = Member(f, "properties");
    const json& props = found != nullptr ? *found : kNoProperties;
    cf.date = StringProperty(props, {"date", "Date"});
    cf.layer = StringProperty(props, {"layer_type", "layer", "name"});
    cf.holder = StringProperty(props, {"holder", "controlled_by"});
    out.push_back(std::move(cf));
  }
  return out;
}

std::string ToMultiPolygonCoordinates(const MultiPolygon& shape) {
  json polys = json::array();
  auto ring = [](const Ring& r) {
    json a = json::array();
    for (const LonLat& q : r) a.push_back({q.lon, q.lat});
    return a;
  };
  for (const Polygon& p : shape) {
    json rings = json::array();
    rings.push_back(ring(p.outer));
    for (const Ring& h : p.holes) rings.push_back(ring(h));
    polys.push_back(rings);
  }
  return polys.dump();
}

Result<MultiPolygon> ParseMultiPolygonCoordinates(const std::string& coordinates, bool repair) {
  std::vector<GeoJsonProblem> problems;
  Result<std::vector<ControlFeature>> f =
      ParseControlGeoJson("{\"type\":\"MultiPolygon\",\"coordinates\":" + coordinates + "}", &problems, repair);
  if (!f.ok()) return f.status();
  if (f->empty()) return MultiPolygon();
  return (*f)[0].shape;
}

}  // namespace sitrep
