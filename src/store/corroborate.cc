// Rebuilds the claim groups from the latest document versions: loads what
// verify/corroboration needs of each event claim, groups, writes back.
#include <unordered_map>

#include "store/store_internal.h"
#include "verify/corroboration.h"

namespace sitrep {

namespace {

// A claim without a date of its own is taken to be about the few days
// before its report was published.
constexpr int kUndatedWindowDays = 3;

}  // namespace

Result<uint64_t> RebuildClaimGroups(sql::Connection* db) {
  Result<sql::Statement> st = db->Prepare(
      "SELECT c.id, c.document_id, d.cluster_id, "
      // A forwarded post's source is the channel it was first posted in.
      "CASE WHEN d.forwarded_from != '' THEN 'Telegram: ' || d.forwarded_from ELSE o.name END, c.event_type, c.status, "
      "c.speaker, c.date_from, c.date_to, "
      "d.published, p.gazetteer_id, p.country, p.admin1, p.name, p.lat, p.lon, p.geo_precision "
      "FROM claims c JOIN documents d ON d.id = c.document_id JOIN outlets o ON o.id = d.outlet_id "
      "LEFT JOIN places p ON p.id = c.place_id "
      "WHERE c.is_latest = 1 AND c.event_type IS NOT NULL ORDER BY c.id");
  if (!st.ok()) return st.status();
  std::vector<ClaimEvidence> evidence;
  std::unordered_map<int64_t, size_t> index_of;
  Status s;
  while (st->Step(&s)) {
    ClaimEvidence e;
    e.claim_id = st->Int(0);
    e.document_id = st->Int(1);
    e.cluster_id = st->Int(2);
    e.outlet = st->Text(3);
    e.event_type = st->Text(4);
    e.status = ParseClaimStatus(st->Text(5)).value_or(ClaimStatus::kReported);
    e.speaker = st->Text(6);
    std::optional<CivilDate> from = st->IsNull(7) ? std::nullopt : CivilDate::Parse(st->Text(7));
    std::optional<CivilDate> to = st->IsNull(8) ? std::nullopt : CivilDate::Parse(st->Text(8));
    std::optional<CivilDate> published = st->IsNull(9) ? std::nullopt : CivilDate::Parse(st->Text(9));
    if (from && to) {
      e.day_from = from->ToDays();
      e.day_to = to->ToDays();
    } else if (published) {
      e.day_to = published->ToDays();
      e.day_from = e.day_to - kUndatedWindowDays;
    } else {
      continue;
    }
    if (!st->IsNull(14)) {
      e.has_place = true;
      e.place_key = st->Text(10);
      e.region_key = st->Text(11) + "/" + st->Text(12);
      if (st->Text(12).empty()) e.region_key.clear();
      e.place_name = st->Text(13);
      e.lat = st->Double(14);
      e.lon = st->Double(15);
      e.geo_precision = static_cast<int>(st->Int(16));
    }
    index_of[e.claim_id] = evidence.size();
    evidence.push_back(std::move(e));
  }
  if (!s.ok()) return s;
  Result<sql::Statement> q = db->Prepare(
      "SELECT cq.claim_id, COALESCE(q.si_value, q.value), CASE WHEN q.si_unit != '' THEN q.si_unit ELSE q.unit END, "
      "q.bound FROM claim_quantities cq JOIN quantities q ON q.id = cq.quantity_id "
      "JOIN claims c ON c.id = cq.claim_id WHERE c.is_latest = 1 AND c.event_type IS NOT NULL");
  if (!q.ok()) return q.status();
  while (q->Step(&s)) {
    auto it = index_of.find(q->Int(0));
    if (it == index_of.end()) continue;
    evidence[it->second].quantities.push_back({q->Double(1), q->Text(2), q->Text(3)});
  }
  if (!s.ok()) return s;

  std::vector<ClaimGroup> groups = GroupClaims(evidence);

  if (Status r = db->Exec("UPDATE claims SET group_id = NULL WHERE group_id IS NOT NULL; DELETE FROM claim_groups;");
      !r.ok()) {
    return r;
  }
  Result<sql::Statement> gi = db->Prepare(
      "INSERT INTO claim_groups(id, event_type, status, corroboration, claim_count, contradiction, date_from, date_to, "
      "place_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  Result<sql::Statement> cu = db->Prepare("UPDATE claims SET group_id = ? WHERE id = ?");
  if (!gi.ok()) return gi.status();
  if (!cu.ok()) return cu.status();
  // Group ids are 1..n in the order GroupClaims gives, whatever the database
  // (the table was emptied above).
  int64_t gid = 0;
  for (const ClaimGroup& g : groups) {
    ++gid;
    gi->Reset();
    gi->Bind(1, gid).Bind(2, g.event_type).Bind(3, ToString(g.status)).Bind(4, g.corroboration);
    gi->Bind(5, static_cast<int64_t>(g.members.size())).Bind(6, g.contradiction);
    gi->Bind(7, CivilDate::FromDays(g.day_from).ToString()).Bind(8, CivilDate::FromDays(g.day_to).ToString());
    gi->Bind(9, g.place_name);
    if (Status r = gi->Run(); !r.ok()) return r;
    for (size_t m : g.members) {
      cu->Reset();
      if (Status r = cu->Bind(1, gid).Bind(2, evidence[m].claim_id).Run(); !r.ok()) return r;
    }
  }
  return static_cast<uint64_t>(groups.size());
}

}  // namespace sitrep
