// `sitrep verify`: claims of the corpus against the stored control layers.
#include <utility>
#include <vector>

#include "sitrep/control.h"
#include "store/store_internal.h"
#include "verify/map_check.h"

namespace sitrep {

namespace {

// Every state of every control layer, by layer and date.
Result<std::vector<ControlLayerState>> LoadControlLayers(sql::Connection* db) {
  Result<sql::Statement> st = db->Prepare(
      "SELECT layer, date, holder, area_km2, features, min_lon, min_lat, max_lon, max_lat, geometry "
      "FROM control_layers ORDER BY layer, date");
  if (!st.ok()) return st.status();
  std::vector<ControlLayerState> states;
  Status s;
  while (st->Step(&s)) {
    ControlLayerState l;
    l.layer = st->Text(0);
    l.date = st->Text(1);
    l.holder = st->Text(2);
    // Imports check dates; a row written by hand or an older tool may not.
    std::optional<CivilDate> day = CivilDate::Parse(l.date);
    if (!day)
      return Status::DataError("control layer '" + l.layer + "' has a date that is no YYYY-MM-DD: '" + l.date + "'");
    l.day = day->ToDays();
    l.area_km2 = st->Double(3);
    l.features = static_cast<int>(st->Int(4));
    l.min_lon = st->Double(5), l.min_lat = st->Double(6), l.max_lon = st->Double(7), l.max_lat = st->Double(8);
    l.geometry = st->Text(9);
    states.push_back(std::move(l));
  }
  if (!s.ok()) return s;
  return states;
}

// Claims with a side, a date and a place (the event's, else the claim's
// first located one), and the claim's first area quantity (km², sq mi and
// ha converted): its value, bound and text.
constexpr sql::NamedColumns kClaimColumns({
    {"id", "c.id"},
    {"text", kClaimTextSql},
    {"event_type", "et.event_type"},
    {"sub_event_type", "f.sub_event_type"},
    {"side", "COALESCE(NULLIF(f.actor1, ''), f.speaker_country)"},
    {"date", "sitrep_date(COALESCE(c.date_to, c.when_to))"},
    {"place", "pe.name"},
    {"lat", "CASE WHEN pe.location_id IS NOT NULL THEN pe.lat END"},
    {"lon", "CASE WHEN pe.location_id IS NOT NULL THEN pe.lon END"},
    {"geo_precision", "pe.geo_precision"},
    {"area_km2",
     "(SELECT qf.si_value FROM claim_quantities cq JOIN quantities q ON q.id = cq.quantity_id "
     " JOIN quantity_forms qf ON qf.id = q.form_id "
     " WHERE cq.claim_id = c.id AND qf.si_unit = 'km2' AND qf.si_value > 0 ORDER BY q.begin_byte LIMIT 1)"},
    {"area_bound",
     "(SELECT qf.bound FROM claim_quantities cq JOIN quantities q ON q.id = cq.quantity_id "
     " JOIN quantity_forms qf ON qf.id = q.form_id "
     " WHERE cq.claim_id = c.id AND qf.si_unit = 'km2' AND qf.si_value > 0 ORDER BY q.begin_byte LIMIT 1)"},
    {"area_text",
     "(SELECT qf.text FROM claim_quantities cq JOIN quantities q ON q.id = cq.quantity_id "
     " JOIN quantity_forms qf ON qf.id = q.form_id "
     " WHERE cq.claim_id = c.id AND qf.si_unit = 'km2' AND qf.si_value > 0 ORDER BY q.begin_byte LIMIT 1)"},
});
constexpr const char* kClaimsToCheck =
    " FROM claims c JOIN claim_forms f ON f.id = c.form_id LEFT JOIN event_types et ON et.id = c.event_type "
    "LEFT JOIN places p ON p.id = COALESCE(CASE WHEN f.place_basis <> 'dateline' THEN c.place_id END, "
    " (SELECT MIN(cp.place_id) FROM claim_places cp JOIN places pl ON pl.id = cp.place_id "
    "  JOIN resolved_places rl ON rl.id = pl.resolved_id WHERE cp.claim_id = c.id AND rl.location_id IS NOT NULL)) "
    "LEFT JOIN resolved_places pe ON pe.id = p.resolved_id "
    "WHERE c.is_latest = 1 ORDER BY c.id";

MapClaim ClaimOfRow(const sql::Statement& row) {
  constexpr const auto& k = kClaimColumns;
  MapClaim c;
  c.id = row.Int(k["id"]);
  c.text = row.Text(k["text"]);
  c.has_event = !row.IsNull(k["event_type"]);
  c.event_type = row.Text(k["event_type"]), c.sub_event_type = row.Text(k["sub_event_type"]);
  c.side = row.Text(k["side"]);
  c.date = row.OptionalText(k["date"]);
  c.place = row.Text(k["place"]);
  c.located = !row.IsNull(k["lat"]);
  c.lat = row.Double(k["lat"]), c.lon = row.Double(k["lon"]);
  c.geo_precision = static_cast<int>(row.Int(k["geo_precision"]));
  if (!row.IsNull(k["area_km2"])) {
    c.area = ClaimedArea{row.Double(k["area_km2"]),
                         ParseQuantityBound(row.Text(k["area_bound"])).value_or(QuantityBound::kExact),
                         row.Text(k["area_text"])};
  }
  return c;
}

// Replaces the stored results (claim_checks, event_control) with these.
Status SaveChecks(sql::Connection* db, const MapCheckResult& result) {
  Result<sql::Transaction> txn = sql::Transaction::Begin(db);
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
  for (const ClaimCheck& c : result.checks) {
    ci->Reset();
    ci->Bind(1, c.claim_id).Bind(2, ToString(c.kind)).Bind(3, ToString(c.verdict)).BindOptional(4, c.claimed_km2);
    ci->BindOptional(5, c.measured_km2).BindOptional(6, c.ratio).Bind(7, c.layer);
    if (c.layer_date.empty()) {
      ci->BindNull(8);
    } else {
      ci->Bind(8, c.layer_date);
    }
    ci->Bind(9, c.holder).Bind(10, c.method).Bind(11, c.detail);
    if (Status r = ci->Run(); !r.ok()) return r;
  }
  for (const EventInLayer& e : result.in_layers) {
    ei->Reset();
    if (Status r = ei->Bind(1, e.claim_id).Bind(2, e.layer).Bind(3, e.date).Bind(4, e.holder).Run(); !r.ok()) {
      return r;
    }
  }
  return txn->Commit();
}

}  // namespace

Result<VerifySummary> VerifyClaims(const VerifyOptions& o) {
  if (o.window_days < 0) return Status::InvalidArgument("--window must be 0 or more days");
  if (Result<sql::Connection> existing = OpenForReading(o.db_path); !existing.ok()) return existing.status();
  Result<sql::Connection> db = OpenForWriting(o.db_path);
  if (!db.ok()) return db.status();
  Result<std::vector<ControlLayerState>> states = LoadControlLayers(&*db);
  if (!states.ok()) return states.status();
  ControlMap map(std::move(states).value());
  MapCheckOptions options;
  options.window_days = o.window_days;
  options.region_km = o.region_km;
  options.town_km = o.town_km;
  Result<sql::Statement> claims = db->Prepare(WithClaimText(*db, "SELECT " + kClaimColumns.List() + kClaimsToCheck));
  if (!claims.ok()) return claims.status();
  MapCheckResult result;
  Status s;
  while (claims->Step(&s)) CheckClaim(ClaimOfRow(*claims), &map, options, &result);
  if (!s.ok()) return s;
  if (Status r = SaveChecks(&*db, result); !r.ok()) return r;
  VerifySummary summary;
  summary.checks = std::move(result.checks);
  summary.events_located = result.events_located;
  summary.events_in_layers = result.events_in_layers;
  return summary;
}

}  // namespace sitrep
