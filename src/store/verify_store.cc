// `sitrep verify`: claims of the corpus against the stored control layers.
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "geo/control_geojson.h"
#include "geo/point_index.h"
#include "sitrep/control.h"
#include "store/store_internal.h"
#include "verify/map_check.h"

namespace sitrep {

namespace {

struct LayerState {
  std::string layer, date, holder;
  int64_t day = 0;
  double area_km2 = 0;
  int features = 0;
  double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
  std::string geometry;                        // JSON coordinates, parsed on first use
  std::unique_ptr<PointInPolygonIndex> index;  // built on first use
};

double KmToBox(const LayerState& l, double lat, double lon) {
  // Distance from a point to a layer's bounding box, on a local flat scale.
  double dlat = lat < l.min_lat ? l.min_lat - lat : lat > l.max_lat ? lat - l.max_lat : 0;
  double dlon = lon < l.min_lon ? l.min_lon - lon : lon > l.max_lon ? lon - l.max_lon : 0;
  double y = dlat * 111.2, x = dlon * 111.2 * std::cos(lat * M_PI / 180);
  return std::sqrt(x * x + y * y);
}

const PointInPolygonIndex* IndexOf(LayerState* l) {
  if (!l->index) {
    Result<MultiPolygon> shape = ParseMultiPolygonCoordinates(l->geometry, /*repair=*/true);
    l->index = std::make_unique<PointInPolygonIndex>(shape.ok() ? *shape : MultiPolygon());
    l->geometry.clear();
  }
  return l->index.get();
}

std::string Km2(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.0f km² (%.0f sq mi)", v, v * kSquareMilesPerKm2);
  return buf;
}

}  // namespace

Result<VerifySummary> VerifyClaims(const VerifyOptions& o) {
  if (o.window_days < 0) return Status::InvalidArgument("--window must be 0 or more days");
  if (Result<sql::Connection> existing = OpenForReading(o.db_path); !existing.ok()) return existing.status();
  Result<sql::Connection> db = OpenForWriting(o.db_path);
  if (!db.ok()) return db.status();
  // Layers by name, each name's states by date.
  std::map<std::string, std::vector<std::unique_ptr<LayerState>>> layers;
  {
    Result<sql::Statement> st = db->Prepare(
        "SELECT layer, date, holder, area_km2, features, min_lon, min_lat, max_lon, max_lat, geometry "
        "FROM control_layers ORDER BY layer, date");
    if (!st.ok()) return st.status();
    Status s;
    while (st->Step(&s)) {
      auto l = std::make_unique<LayerState>();
      l->layer = st->Text(0);
      l->date = st->Text(1);
      l->holder = st->Text(2);
      l->day = CivilDate::Parse(l->date)->ToDays();
      l->area_km2 = st->Double(3);
      l->features = static_cast<int>(st->Int(4));
      l->min_lon = st->Double(5), l->min_lat = st->Double(6), l->max_lon = st->Double(7), l->max_lat = st->Double(8);
      l->geometry = st->Text(9);
      layers[l->layer].push_back(std::move(l));
    }
    if (!s.ok()) return s;
  }
  // The state of `name` in force on `day`: the latest on or before it, within the window.
  auto state_on = [&](const std::string& name, int64_t day) -> LayerState* {
    LayerState* best = nullptr;
    for (auto& l : layers[name]) {
      if (l->day <= day && day - l->day <= o.window_days) best = l.get();
    }
    return best;
  };
  // What exists near a point, for the reader of a "no map" verdict.
  auto nearby = [&](double lat, double lon, double km) {
    std::string out;
    for (auto& [name, states] : layers) {
      if (states.empty() || KmToBox(*states.front(), lat, lon) > km) continue;
      out += (out.empty() ? "" : "; ") + name + " (held by " +
             (states.front()->holder.empty() ? std::string("?") : states.front()->holder) + ", maps " +
             states.front()->date + " to " + states.back()->date + ")";
    }
    return out;
  };

  VerifySummary summary;
  // Claims with a side, a date and a place (the event's, else the claim's first).
  Result<sql::Statement> claims = db->Prepare(
      "SELECT c.id, c.text, c.event_type, c.sub_event_type, COALESCE(NULLIF(c.actor1, ''), c.speaker_country), "
      "COALESCE(c.date_to, c.when_to), p.name, p.lat, p.lon, p.geo_precision, "
      "(SELECT q.si_value FROM claim_quantities cq JOIN quantities q ON q.id = cq.quantity_id "
      " WHERE cq.claim_id = c.id AND q.si_unit = 'km2' AND q.si_value > 0 ORDER BY q.begin_byte LIMIT 1), "
      "(SELECT q.bound FROM claim_quantities cq JOIN quantities q ON q.id = cq.quantity_id "
      " WHERE cq.claim_id = c.id AND q.si_unit = 'km2' AND q.si_value > 0 ORDER BY q.begin_byte LIMIT 1), "
      "(SELECT q.text FROM claim_quantities cq JOIN quantities q ON q.id = cq.quantity_id "
      " WHERE cq.claim_id = c.id AND q.si_unit = 'km2' AND q.si_value > 0 ORDER BY q.begin_byte LIMIT 1) "
      "FROM claims c LEFT JOIN places p ON p.id = COALESCE(c.place_id, "
      " (SELECT MIN(cp.place_id) FROM claim_places cp JOIN places pl ON pl.id = cp.place_id "
      "  WHERE cp.claim_id = c.id AND pl.lat IS NOT NULL)) "
      "WHERE c.is_latest = 1 ORDER BY c.id");
  if (!claims.ok()) return claims.status();
  struct EventRow {
    int64_t claim;
    std::string layer, date, holder;
  };
  std::vector<EventRow> in_layers;
  Status s;
  while (claims->Step(&s)) {
    const int64_t id = claims->Int(0);
    const std::string text = claims->Text(1);
    const bool has_event = !claims->IsNull(2);
    const std::string type = claims->Text(2), sub_type = claims->Text(3), side = claims->Text(4);
    const std::optional<std::string> date = claims->OptionalText(5);
    const std::string place = claims->Text(6);
    const bool located = !claims->IsNull(7);
    const double lat = claims->Double(7), lon = claims->Double(8);
    const int precision = static_cast<int>(claims->Int(9));
    const bool area_claim = !claims->IsNull(10);
    std::optional<CivilDate> parsed = date ? CivilDate::Parse(*date) : std::nullopt;
    const int64_t day = parsed ? parsed->ToDays() : INT64_MIN;  // INT64_MIN: no date

    // Who held the event's point that day.
    if (has_event && located && parsed && precision <= 2) {
      ++summary.events_located;
      bool inside = false;
      std::vector<const LayerState*> holding;
      for (auto& [name, states] : layers) {
        LayerState* l = state_on(name, day);
        if (l == nullptr || KmToBox(*l, lat, lon) > 0) continue;
        if (IndexOf(l)->Contains(lon, lat)) {
          in_layers.push_back({id, l->layer, l->date, l->holder});
          holding.push_back(l);
          inside = true;
        }
      }
      summary.events_in_layers += inside;
      // A place claim: a battle or a territorial change at a town, by a side.
      bool territorial = type == "Battles" || sub_type.find("territory") != std::string::npos;
      if (territorial && !side.empty() && !holding.empty()) {
        ClaimCheck c;
        c.claim_id = id, c.kind = "place", c.holder = side, c.claim_text = text;
        const LayerState* own = nullptr;
        for (const LayerState* l : holding) {
          if (l->holder == side) own = l;
        }
        const LayerState* shown = own != nullptr ? own : holding.front();
        c.layer = shown->layer, c.layer_date = shown->date;
        c.verdict = own != nullptr ? "consistent" : "held_by_other";
        c.method = "point in polygon: " + place + " against " + shown->layer + " of " + shown->date;
        c.detail = place + " lies in " + shown->layer + " (held by " + (shown->holder.empty() ? "?" : shown->holder) +
                   ") on " + shown->date + (own != nullptr ? ", the side the claim is about" : ", not " + side);
        summary.checks.push_back(std::move(c));
      }
    }
    if (!area_claim) continue;
    // An area claim.
    ClaimCheck c;
    c.claim_id = id, c.kind = "area", c.holder = side, c.claim_text = text;
    const double claimed = claims->Double(10);
    const std::string bound = claims->Text(11), quantity = claims->Text(12);
    c.claimed_km2 = claimed;
    c.verdict = "no_map";
    c.method = "geodesic area on WGS84 (GeographicLib) of the claimed side's control layer";
    if (side.empty()) {
      c.detail = "the claim names no side whose ground it is";
    } else if (!parsed) {
      c.detail = "the claim has no date";
    } else if (!located) {
      c.detail = "the claim names no place with coordinates";
    } else {
      const double km = precision >= 3 ? o.region_km : o.town_km;
      LayerState* best = nullptr;
      for (auto& [name, states] : layers) {
        LayerState* l = state_on(name, day);
        if (l == nullptr || l->holder != side || KmToBox(*l, lat, lon) > km) continue;
        if (best == nullptr || l->day > best->day) best = l;
      }
      if (best == nullptr) {
        std::string near = nearby(lat, lon, km);
        c.detail = "no map for that place and date: no layer held by " + side + " within " +
                   std::to_string(static_cast<int>(km)) + " km of " + place + " dated " + *date + " or up to " +
                   std::to_string(o.window_days) + " days before" + (near.empty() ? "" : "; near it: " + near);
      } else {
        c.measured_km2 = best->area_km2;
        c.ratio = claimed / best->area_km2;
        c.layer = best->layer, c.layer_date = best->date;
        c.verdict = AreaVerdict(claimed, bound, best->area_km2);
        AreaTolerance t = ToleranceFor(claimed, bound);
        char buf[96];
        std::snprintf(buf, sizeof buf, "ratio %.2f; \"%s\" (%s) accepts %.0f to %s km²", *c.ratio, quantity.c_str(),
                      bound.c_str(), t.low,
                      std::isinf(t.high) ? "any" : std::to_string(static_cast<long long>(t.high)).c_str());
        c.method += ": " + best->layer + " of " + best->date + " (union of " + std::to_string(best->features) +
                    " features), claim dated " + *date;
        c.detail = "claimed " + Km2(claimed) + ", map " + Km2(best->area_km2) + "; " + buf;
      }
    }
    summary.checks.push_back(std::move(c));
  }
  if (!s.ok()) return s;
  // Store: replace earlier results.
  Result<sql::Transaction> txn = sql::Transaction::Begin(&*db);
  if (!txn.ok()) return txn.status();
  if (Status r = db->Exec("DELETE FROM claim_checks; DELETE FROM event_control;"); !r.ok()) return r;
  Result<sql::Statement> ci = db->Prepare(
      "INSERT INTO claim_checks(claim_id, kind, verdict, claimed_km2, measured_km2, ratio, layer, layer_date, "
      "holder, method, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT(claim_id, kind) DO UPDATE SET verdict = excluded.verdict, claimed_km2 = excluded.claimed_km2, "
      "measured_km2 = excluded.measured_km2, ratio = excluded.ratio, layer = excluded.layer, "
      "layer_date = excluded.layer_date, holder = excluded.holder, method = excluded.method, detail = excluded.detail");
  Result<sql::Statement> ei = db->Prepare(
      "INSERT INTO event_control(claim_id, layer, layer_date, holder) VALUES (?, ?, ?, ?) "
      "ON CONFLICT(claim_id, layer) DO UPDATE SET layer_date = excluded.layer_date, holder = excluded.holder");
  if (!ci.ok() || !ei.ok()) return ci.ok() ? ei.status() : ci.status();
  for (const ClaimCheck& c : summary.checks) {
    ci->Reset();
    ci->Bind(1, c.claim_id).Bind(2, c.kind).Bind(3, c.verdict).BindOptional(4, c.claimed_km2);
    ci->BindOptional(5, c.measured_km2).BindOptional(6, c.ratio).Bind(7, c.layer);
    if (c.layer_date.empty()) {
      ci->BindNull(8);
    } else {
      ci->Bind(8, c.layer_date);
    }
    ci->Bind(9, c.holder).Bind(10, c.method).Bind(11, c.detail);
    if (Status r = ci->Run(); !r.ok()) return r;
  }
  for (const EventRow& e : in_layers) {
    ei->Reset();
    if (Status r = ei->Bind(1, e.claim).Bind(2, e.layer).Bind(3, e.date).Bind(4, e.holder).Run(); !r.ok()) return r;
  }
  if (Status r = txn->Commit(); !r.ok()) return r;
  return summary;
}

}  // namespace sitrep
