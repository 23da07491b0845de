#include <chrono>
#include <ctime>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "store/store_internal.h"

namespace sitrep {

namespace {

// The time now in UTC, as `format` (strftime) writes it.
std::string UtcNow(const char* format) {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, format, &tm);
  return buf;
}

// The id of the row an INSERT ... RETURNING id statement (without ON
// CONFLICT) inserted.
Result<int64_t> InsertedId(sql::Statement& st) {
  Result<std::optional<int64_t>> id = st.RunReturningId();
  if (!id.ok()) return id.status();
  if (!*id) return Status::Internal("database: an insert returned no row id");
  return **id;
}

}  // namespace

std::string SqlNow() { return UtcNow("%Y-%m-%d %H:%M:%S"); }

Result<DocumentWriter> DocumentWriter::Create(sql::Connection* db) {
  DocumentWriter w;
  w.db_ = db;
  struct {
    sql::Statement* s;
    const char* text;
  } statements[] = {
      {&w.latest_, "SELECT id, sha256 FROM documents WHERE doc_key = ? AND is_latest = 1"},
      {&w.outlet_insert_, "INSERT INTO outlets(name) VALUES (?) ON CONFLICT DO NOTHING RETURNING id"},
      {&w.outlet_select_, "SELECT id FROM outlets WHERE name = ?"},
      {&w.same_bytes_, "SELECT id, cluster_id FROM documents WHERE sha256 = ? AND doc_key != ? ORDER BY id LIMIT 1"},
      {&w.band_lookup_,
       "SELECT DISTINCT b.document_id, d.cluster_id, d.doc_key, m.signature FROM minhash_bands b "
       "JOIN documents d ON d.id = b.document_id JOIN minhash m ON m.document_id = b.document_id "
       "WHERE b.band_key IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ORDER BY b.document_id DESC LIMIT 256"},
      {&w.doc_insert_,
       "INSERT INTO documents(doc_key, version, is_latest, sha256, outlet_id, url, title, published, language, "
       "format, origin, bytes, raw, warnings, ingested_at, cluster_id, claim_count, forwarded_from, reply_to) "
       "VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id"},
      {&w.set_cluster_, "UPDATE documents SET cluster_id = id WHERE id = ?"},
      {&w.retire_doc_, "UPDATE documents SET is_latest = 0 WHERE doc_key = ? AND id != ?"},
      {&w.retire_claims_, "UPDATE claims SET is_latest = 0 WHERE document_id = ?"},
      {&w.minhash_insert_, "INSERT INTO minhash(document_id, signature) VALUES (?, ?)"},
      {&w.band_insert_, "INSERT INTO minhash_bands(band_key, document_id) VALUES (?, ?)"},
      {&w.near_insert_,
       "INSERT INTO near_duplicates(document_id, similar_to, similarity) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"},
      {&w.link_insert_, "INSERT INTO document_links(document_id, url) VALUES (?, ?)"},
      {&w.doc_fts_, "INSERT INTO documents_fts(rowid, title, body) VALUES (?, ?, ?)"},
      {&w.person_insert_,
       "INSERT INTO people(document_id, name, role, country, side) VALUES (?, ?, ?, ?, ?) RETURNING id"},
      {&w.place_insert_,
       "INSERT INTO places(document_id, mention, begin_byte, end_byte, gazetteer_id, name, kind, country, admin1, "
       "lat, lon, geo_precision, confidence, metonym_for, resolution, location_id) "
       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"},
      {&w.location_select_, "SELECT id FROM locations WHERE gazetteer_id = ?"},
      {&w.location_insert_,
       "INSERT INTO locations(gazetteer_id, lat, lon) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING id"},
      {&w.quantity_insert_,
       "INSERT INTO quantities(document_id, text, begin_byte, end_byte, value, unit, si_value, si_unit, bound) "
       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"},
      {&w.claim_insert_,
       "INSERT INTO claims(document_id, text, begin_byte, end_byte, kind, status, speaker, speaker_role, "
       "speaker_side, speaker_country, cue, status_cue, date_from, date_to, time_precision, date_from_context, "
       "event_type, sub_event_type, actor1, actor2, place_id, trigger_word, group_id, is_latest, when_from, when_to) "
       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 1, ?, ?) RETURNING id"},
      {&w.claim_fts_, "INSERT INTO claims_fts(rowid, text, speaker) VALUES (?, ?, ?)"},
      {&w.claim_place_, "INSERT INTO claim_places(claim_id, place_id) VALUES (?, ?) ON CONFLICT DO NOTHING"},
      {&w.claim_quantity_, "INSERT INTO claim_quantities(claim_id, quantity_id) VALUES (?, ?) ON CONFLICT DO NOTHING"},
      {&w.claim_person_, "INSERT INTO claim_people(claim_id, person_id) VALUES (?, ?) ON CONFLICT DO NOTHING"},
  };
  for (auto& [s, text] : statements) {
    Result<sql::Statement> p = db->Prepare(text);
    if (!p.ok()) return p.status();
    *s = std::move(p).value();
  }
  if (std::optional<std::string> index = db->dialect().LocationIndexInsert()) {
    Result<sql::Statement> p = db->Prepare(*index);
    if (!p.ok()) return p.status();
    w.rtree_insert_ = std::move(p).value();
    w.has_location_index_ = true;
  }
  return w;
}

Result<int64_t> DocumentWriter::LocationOf(const Place& pl) {
  auto it = locations_.find(pl.gazetteer_id);
  if (it != locations_.end()) return it->second;
  it = new_locations_.find(pl.gazetteer_id);
  if (it != new_locations_.end()) return it->second;
  Status s;
  int64_t id = 0;
  location_select_.Reset();
  location_select_.Bind(1, pl.gazetteer_id);
  if (location_select_.Step(&s)) id = location_select_.Int(0);
  location_select_.Reset();
  if (!s.ok()) return s;
  if (id == 0) {
    location_insert_.Reset();
    Result<std::optional<int64_t>> inserted =
        location_insert_.Bind(1, pl.gazetteer_id).Bind(2, pl.lat).Bind(3, pl.lon).RunReturningId();
    if (!inserted.ok()) return inserted.status();
    if (!*inserted) return Status::Internal("location " + pl.gazetteer_id + " appeared while the write lock was held");
    id = **inserted;
    if (has_location_index_) {
      rtree_insert_.Reset();
      rtree_insert_.Bind(1, id).Bind(2, pl.lat).Bind(3, pl.lat).Bind(4, pl.lon).Bind(5, pl.lon);
      if (Status r = rtree_insert_.Run(); !r.ok()) return r;
    }
  }
  new_locations_[pl.gazetteer_id] = id;
  return id;
}

void DocumentWriter::Committed() {
  locations_.merge(new_locations_);
  new_locations_.clear();
}

Result<bool> DocumentWriter::Unchanged(const std::string& key, const std::string& sha256) {
  latest_.Reset();
  latest_.Bind(1, key);
  Status s;
  bool same = latest_.Step(&s) && latest_.Text(1) == sha256;
  latest_.Reset();
  if (!s.ok()) return s;
  return same;
}

Result<WriteOutcome> DocumentWriter::Write(const ProcessedDocument& p, bool* near_duplicate) {
  *near_duplicate = false;
  const DocumentMeta& m = p.doc.meta;
  Status s;
  // Same key: unchanged, or a new version of it.
  latest_.Reset();
  latest_.Bind(1, p.key);
  int64_t previous = 0;
  if (latest_.Step(&s)) {
    if (latest_.Text(1) == m.sha256) {
      latest_.Reset();
      return WriteOutcome::kUnchanged;
    }
    previous = latest_.Int(0);
  }
  latest_.Reset();
  if (!s.ok()) return s;
  int version = 1;
  if (previous != 0) {
    Result<sql::Statement> v = db_->Prepare("SELECT MAX(version) FROM documents WHERE doc_key = ?");
    if (!v.ok()) return v.status();
    v->Bind(1, p.key);
    if (v->Step(&s)) version = static_cast<int>(v->Int(0)) + 1;
    if (!s.ok()) return s;
  }
  // Outlet: looked up first, so that no row id is spent on a known one.
  outlet_select_.Reset();
  outlet_select_.Bind(1, m.outlet);
  int64_t outlet_id = outlet_select_.Step(&s) ? outlet_select_.Int(0) : 0;
  outlet_select_.Reset();
  if (!s.ok()) return s;
  if (outlet_id == 0) {
    outlet_insert_.Reset();
    Result<std::optional<int64_t>> inserted = outlet_insert_.Bind(1, m.outlet).RunReturningId();
    if (!inserted.ok()) return inserted.status();
    if (!*inserted) return Status::Internal("outlet row appeared while the write lock was held");
    outlet_id = **inserted;
  }
  // Near-duplicates: an exact copy under another key, else the most similar
  // document sharing a MinHash band, when similar enough.
  int64_t similar_doc = 0, cluster = 0;
  double similarity = 0;
  same_bytes_.Reset();
  same_bytes_.Bind(1, m.sha256).Bind(2, p.key);
  if (same_bytes_.Step(&s)) {
    similar_doc = same_bytes_.Int(0);
    cluster = same_bytes_.Int(1);
    similarity = 1;
  }
  same_bytes_.Reset();
  if (!s.ok()) return s;
  auto bands = MinHashBandKeys(p.signature);
  if (similar_doc == 0) {
    // Every cluster representative sharing a band (the newest 256), with its
    // signature, in one query.
    band_lookup_.Reset();
    for (int b = 0; b < kMinHashBands; ++b) band_lookup_.Bind(b + 1, bands[b]);
    while (band_lookup_.Step(&s)) {
      int64_t cand = band_lookup_.Int(0);
      if (band_lookup_.Text(2) == p.key) continue;
      MinHashSignature other;
      if (!ParseMinHash(band_lookup_.Blob(3), &other)) continue;
      double sim = MinHashSimilarity(p.signature, other);
      if (sim >= kNearDuplicateSimilarity && (sim > similarity || (sim == similarity && cand < similar_doc))) {
        similarity = sim;
        similar_doc = cand;
        cluster = band_lookup_.Int(1);
      }
    }
    band_lookup_.Reset();
    if (!s.ok()) return s;
  }
  // The document.
  nlohmann::json warnings = p.warnings;
  const Extraction& x = p.extraction;
  doc_insert_.Reset();
  doc_insert_.Bind(1, p.key).Bind(2, version).Bind(3, m.sha256).Bind(4, outlet_id).Bind(5, m.url).Bind(6, m.title);
  if (m.published.empty()) {
    doc_insert_.BindNull(7);
  } else {
    doc_insert_.Bind(7, m.published);
  }
  doc_insert_.Bind(8, m.language).Bind(9, m.format).Bind(10, p.origin).Bind(11, static_cast<int64_t>(m.bytes));
  doc_insert_.Bind(12, p.doc.raw).Bind(13, warnings.dump()).Bind(14, UtcNow("%Y-%m-%dT%H:%M:%SZ")).Bind(15, cluster);
  doc_insert_.Bind(16, static_cast<int64_t>(x.claims.size()));
  doc_insert_.Bind(17, m.forwarded_from).Bind(18, m.reply_to);
  Result<std::optional<int64_t>> inserted = doc_insert_.RunReturningId();
  if (!inserted.ok()) return inserted.status();
  // No row: another writer stored this version of the document first.
  if (!*inserted) return WriteOutcome::kUnchanged;
  const int64_t doc_id = **inserted;
  if (similar_doc == 0) {
    set_cluster_.Reset();
    if (Status r = set_cluster_.Bind(1, doc_id).Run(); !r.ok()) return r;
  } else {
    near_insert_.Reset();
    if (Status r = near_insert_.Bind(1, doc_id).Bind(2, similar_doc).Bind(3, similarity).Run(); !r.ok()) return r;
    *near_duplicate = true;
  }
  if (previous != 0) {
    retire_doc_.Reset();
    if (Status r = retire_doc_.Bind(1, p.key).Bind(2, doc_id).Run(); !r.ok()) return r;
    retire_claims_.Reset();
    if (Status r = retire_claims_.Bind(1, previous).Run(); !r.ok()) return r;
  }
  minhash_insert_.Reset();
  if (Status r = minhash_insert_.Bind(1, doc_id).BindBlob(2, SerializeMinHash(p.signature)).Run(); !r.ok()) return r;
  // Only the first document of a cluster is indexed: a newcomer is compared
  // with one representative per cluster, so a story copied a thousand times
  // costs one comparison, not a thousand.
  for (int64_t key : bands) {
    if (similar_doc != 0) break;
    band_insert_.Reset();
    if (Status r = band_insert_.Bind(1, key).Bind(2, doc_id).Run(); !r.ok()) return r;
  }
  for (const std::string& l : p.links) {
    link_insert_.Reset();
    if (Status r = link_insert_.Bind(1, doc_id).Bind(2, l).Run(); !r.ok()) return r;
  }
  doc_fts_.Reset();
  if (Status r = doc_fts_.Bind(1, doc_id).Bind(2, m.title).Bind(3, p.doc.text).Run(); !r.ok()) return r;
  // What the document mentions; extraction ids -> row ids.
  std::unordered_map<int, int64_t> person_row, place_row, quantity_row;
  for (const Person& person : x.people) {
    person_insert_.Reset();
    person_insert_.Bind(1, doc_id)
        .Bind(2, person.name)
        .Bind(3, person.role)
        .Bind(4, person.country)
        .Bind(5, person.side);
    Result<int64_t> row = InsertedId(person_insert_);
    if (!row.ok()) return row.status();
    person_row[person.id] = *row;
  }
  for (const Place& pl : x.places) {
    bool located = !pl.gazetteer_id.empty();
    place_insert_.Reset();
    place_insert_.Bind(1, doc_id).Bind(2, pl.mention).Bind(3, static_cast<int64_t>(pl.span.begin));
    place_insert_.Bind(4, static_cast<int64_t>(pl.span.end)).Bind(5, pl.gazetteer_id).Bind(6, pl.name);
    place_insert_.Bind(7, pl.kind).Bind(8, pl.country).Bind(9, pl.admin1);
    if (located) {
      place_insert_.Bind(10, pl.lat).Bind(11, pl.lon);
    } else {
      place_insert_.BindNull(10).BindNull(11);
    }
    place_insert_.Bind(12, pl.geo_precision).Bind(13, pl.confidence).Bind(14, pl.metonym_for).Bind(15, pl.resolution);
    if (located) {
      Result<int64_t> loc = LocationOf(pl);
      if (!loc.ok()) return loc.status();
      place_insert_.Bind(16, *loc);
    } else {
      place_insert_.BindNull(16);
    }
    Result<int64_t> row = InsertedId(place_insert_);
    if (!row.ok()) return row.status();
    place_row[pl.id] = *row;
  }
  for (const Quantity& q : x.quantities) {
    quantity_insert_.Reset();
    quantity_insert_.Bind(1, doc_id).Bind(2, q.text).Bind(3, static_cast<int64_t>(q.span.begin));
    quantity_insert_.Bind(4, static_cast<int64_t>(q.span.end)).Bind(5, q.value).Bind(6, q.unit);
    quantity_insert_.BindOptional(7, q.value_in_si).Bind(8, q.si_unit).Bind(9, q.bound);
    Result<int64_t> row = InsertedId(quantity_insert_);
    if (!row.ok()) return row.status();
    quantity_row[q.id] = *row;
  }
  for (const Claim& c : x.claims) {
    std::optional<std::string> from, to;
    if (c.date) {
      from = to = c.date->ToString();
    } else if (c.date_range) {
      from = c.date_range->first.ToString();
      to = c.date_range->second.ToString();
    }
    const Speaker empty;
    const Speaker& sp = c.speaker ? *c.speaker : empty;
    claim_insert_.Reset();
    claim_insert_.Bind(1, doc_id).Bind(2, c.text).Bind(3, static_cast<int64_t>(c.span.begin));
    claim_insert_.Bind(4, static_cast<int64_t>(c.span.end)).Bind(5, ToString(c.kind)).Bind(6, ToString(c.status));
    claim_insert_.Bind(7, sp.name).Bind(8, sp.role).Bind(9, sp.side).Bind(10, sp.country).Bind(11, c.cue);
    claim_insert_.Bind(12, c.status_cue ? c.status_cue->text : std::string());
    claim_insert_.BindOptional(13, from).BindOptional(14, to).Bind(15, c.time_precision);
    claim_insert_.Bind(16, c.date_from_context ? 1 : 0);
    if (c.event) {
      claim_insert_.Bind(17, c.event->type).Bind(18, c.event->sub_type).Bind(19, c.event->actor1);
      claim_insert_.Bind(20, c.event->actor2);
      auto it = place_row.find(c.event->place_id);
      if (it != place_row.end()) {
        claim_insert_.Bind(21, it->second);
      } else {
        claim_insert_.BindNull(21);
      }
      claim_insert_.Bind(22, c.event->trigger);
    } else {
      claim_insert_.BindNull(17).Bind(18, "").Bind(19, "").Bind(20, "").BindNull(21).Bind(22, "");
    }
    std::optional<std::string> published =
        m.published.empty() ? std::nullopt : std::optional<std::string>(m.published);
    claim_insert_.BindOptional(23, from ? from : published).BindOptional(24, to ? to : published);
    Result<int64_t> claim_row = InsertedId(claim_insert_);
    if (!claim_row.ok()) return claim_row.status();
    const int64_t claim_id = *claim_row;
    claim_fts_.Reset();
    if (Status r = claim_fts_.Bind(1, claim_id).Bind(2, c.text).Bind(3, sp.name).Run(); !r.ok()) return r;
    auto link = [&](sql::Statement& st, const std::vector<int>& ids, const std::unordered_map<int, int64_t>& rows) {
      for (int id : ids) {
        auto it = rows.find(id);
        if (it == rows.end()) continue;
        st.Reset();
        if (Status r = st.Bind(1, claim_id).Bind(2, it->second).Run(); !r.ok()) return r;
      }
      return Status::Ok();
    };
    // The event's place is one of the claim's places, so that one index
    // answers "claims at X".
    std::vector<int> places = c.places;
    if (c.event && c.event->place_id != 0) places.push_back(c.event->place_id);
    if (Status r = link(claim_place_, places, place_row); !r.ok()) return r;
    if (Status r = link(claim_quantity_, c.quantities, quantity_row); !r.ok()) return r;
    if (Status r = link(claim_person_, c.people, person_row); !r.ok()) return r;
  }
  return previous != 0 ? WriteOutcome::kNewVersion : WriteOutcome::kAdded;
}

}  // namespace sitrep
