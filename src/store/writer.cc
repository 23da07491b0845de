#include <algorithm>
#include <bit>
#include <chrono>
#include <ctime>
#include <string_view>
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

// The most parameters one multi-row INSERT binds: under SQLite's limit
// (32766) and PostgreSQL's (65535), and large enough that a batch of 256
// documents needs a few statements per table.
constexpr size_t kMaxParameters = 8192;

// "(?, ?), (?, ?)" for 2 columns and 2 rows.
std::string RowsOfPlaceholders(int columns, size_t rows) {
  std::string row = "(";
  for (int i = 0; i < columns; ++i) row += i == 0 ? "?" : ", ?";
  row += ")";
  std::string all;
  for (size_t i = 0; i < rows; ++i) all += (i == 0 ? "" : ", ") + row;
  return all;
}

}  // namespace

void RowBuffer::Add(std::vector<Value> row) {
  for (Value& v : row) values_.push_back(std::move(v));
}

Result<sql::Statement> RowBuffer::Prepared(sql::Connection* db, size_t rows) {
  return db->Prepare(insert_ + " VALUES " + RowsOfPlaceholders(columns_, rows) + tail_);
}

Status RowBuffer::Flush(sql::Connection* db) {
  std::vector<Value> values = std::move(values_);
  values_.clear();
  const size_t cols = static_cast<size_t>(columns_);
  const size_t total = values.size() / cols;
  const size_t chunk = std::max<size_t>(1, kMaxParameters / cols);
  // Runs `st` over `rows` rows from row `first`.
  auto run = [&](sql::Statement* st, size_t first, size_t rows) -> Status {
    st->Reset();
    int i = 1;
    for (size_t k = first * cols; k < (first + rows) * cols; ++k, ++i) {
      const Value& v = values[k];
      if (const auto* n = std::get_if<int64_t>(&v)) {
        st->Bind(i, *n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        st->Bind(i, *d);
      } else if (const auto* t = std::get_if<std::string>(&v)) {
        st->Bind(i, std::string_view(*t));
      } else {
        st->BindNull(i);
      }
    }
    Status s = st->Run();
    st->Reset();
    return s;
  };
  // Prepares `st` for `rows` rows the first time it is needed.
  auto prepare = [&](sql::Statement& st, size_t rows) -> Status {
    if (st.valid()) return Status::Ok();
    Result<sql::Statement> p = Prepared(db, rows);
    if (!p.ok()) return p.status();
    st = std::move(p).value();
    return Status::Ok();
  };
  size_t first = 0;
  // Full chunks share one prepared statement.
  for (; total - first >= chunk; first += chunk) {
    if (Status s = prepare(full_, chunk); !s.ok()) return s;
    if (Status s = run(&full_, first, chunk); !s.ok()) return s;
  }
  // The rest, in chunks of the powers of two its count is the sum of,
  // largest first: the rows go in in the same order.
  while (first < total) {
    const size_t rows = std::bit_floor(total - first);
    const size_t power = static_cast<size_t>(std::countr_zero(rows));
    if (by_power_.size() <= power) by_power_.resize(power + 1);
    if (Status s = prepare(by_power_[power], rows); !s.ok()) return s;
    if (Status s = run(&by_power_[power], first, rows); !s.ok()) return s;
    first += rows;
  }
  return Status::Ok();
}

std::string SqlNow() { return UtcNow("%Y-%m-%d %H:%M:%S"); }

std::string WithClaimText(const sql::Connection& db, std::string sql) {
  const std::string_view placeholder = kClaimTextSql;
  const std::string text = db.dialect().ClaimText();
  for (size_t at = sql.find(placeholder); at != std::string::npos; at = sql.find(placeholder, at + text.size())) {
    sql.replace(at, placeholder.size(), text);
  }
  return sql;
}

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
      {&w.same_bytes_,
       "SELECT id, cluster_id, sha256 FROM documents WHERE substr(sha256, 1, 16) = ? AND doc_key != ? ORDER BY id"},
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
      {&w.near_insert_,
       "INSERT INTO near_duplicates(document_id, similar_to, similarity) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"},
      {&w.location_select_, "SELECT id FROM locations WHERE gazetteer_id = ?"},
      {&w.location_insert_,
       "INSERT INTO locations(gazetteer_id, lat, lon) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING id"},
      {&w.resolved_select_,
       "SELECT id FROM resolved_places WHERE mention = ? AND gazetteer_id = ? AND name = ? AND kind = ? "
       "AND country = ? AND admin1 = ? AND geo_precision = ? AND lat = ? AND lon = ? AND confidence = ? "
       "AND metonym_for = ? AND resolution = ?"},
      {&w.resolved_insert_,
       "INSERT INTO resolved_places(mention, gazetteer_id, name, kind, country, admin1, geo_precision, lat, lon, "
       "confidence, metonym_for, resolution, location_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
       "ON CONFLICT DO NOTHING RETURNING id"},
      {&w.form_select_,
       "SELECT id FROM claim_forms WHERE kind = ? AND speaker = ? AND speaker_role = ? AND speaker_side = ? "
       "AND speaker_country = ? AND cue = ? AND status_cue = ? AND sub_event_type = ? AND actor1 = ? AND actor2 = ? "
       "AND trigger_word = ? AND place_basis = ? AND time_precision = ? AND date_from_context = ?"},
      {&w.form_insert_,
       "INSERT INTO claim_forms(kind, speaker, speaker_role, speaker_side, speaker_country, cue, status_cue, "
       "sub_event_type, actor1, actor2, trigger_word, place_basis, time_precision, date_from_context) "
       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id"},
      {&w.statuses_.select, "SELECT id FROM claim_statuses WHERE status = ?"},
      {&w.statuses_.insert, "INSERT INTO claim_statuses(status) VALUES (?) ON CONFLICT DO NOTHING RETURNING id"},
      {&w.event_types_.select, "SELECT id FROM event_types WHERE event_type = ?"},
      {&w.event_types_.insert, "INSERT INTO event_types(event_type) VALUES (?) ON CONFLICT DO NOTHING RETURNING id"},
      {&w.quantity_form_select_,
       "SELECT id FROM quantity_forms WHERE text = ? AND value = ? AND unit = ? AND si_value IS NOT DISTINCT FROM ? "
       "AND si_unit = ? AND bound = ?"},
      {&w.quantity_form_insert_,
       "INSERT INTO quantity_forms(text, value, unit, si_value, si_unit, bound) VALUES (?, ?, ?, ?, ?, ?) "
       "ON CONFLICT DO NOTHING RETURNING id"},
      {&w.next_ids_,
       "SELECT (SELECT COALESCE(MAX(id), 0) FROM people), (SELECT COALESCE(MAX(id), 0) FROM places), "
       "(SELECT COALESCE(MAX(id), 0) FROM quantities), (SELECT COALESCE(MAX(id), 0) FROM claims)"},
  };
  for (auto& [s, text] : statements) {
    Result<sql::Statement> p = db->Prepare(text);
    if (!p.ok()) return p.status();
    *s = std::move(p).value();
  }
  // A new cluster's 16 band keys in one statement.
  {
    Result<sql::Statement> p = db->Prepare("INSERT INTO minhash_bands(band_key, document_id) VALUES " +
                                           RowsOfPlaceholders(2, kMinHashBands));
    if (!p.ok()) return p.status();
    w.band_insert_ = std::move(p).value();
  }
  w.links_ = RowBuffer("INSERT INTO document_links(document_id, url)", 2, "");
  w.people_ = RowBuffer("INSERT INTO people(id, document_id, name, role, country, side)", 6, "");
  w.places_ = RowBuffer(
      "INSERT INTO places(id, document_id, begin_byte, end_byte, resolved_id)", 5, "");
  w.quantities_ = RowBuffer("INSERT INTO quantities(id, document_id, begin_byte, end_byte, form_id)", 5, "");
  w.claims_ = RowBuffer(
      "INSERT INTO claims(id, document_id, text, begin_byte, end_byte, form_id, status, date_from, date_to, "
      "event_type, place_id, event_confidence, group_id, is_latest, when_from, when_to)",
      16, "");
  w.claims_fts_ = RowBuffer("INSERT INTO claims_fts(rowid, text, speaker)", 3, "");
  w.claim_places_ = RowBuffer("INSERT INTO claim_places(claim_id, place_id)", 2, " ON CONFLICT DO NOTHING");
  w.claim_quantities_ =
      RowBuffer("INSERT INTO claim_quantities(claim_id, quantity_id)", 2, " ON CONFLICT DO NOTHING");
  w.claim_people_ = RowBuffer("INSERT INTO claim_people(claim_id, person_id)", 2, " ON CONFLICT DO NOTHING");
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

namespace {

// What tells two rows of resolved_places apart, as one string (fields
// joined by a separator no text holds; numbers' bits exactly).
std::string ResolvedKey(const Place& pl, bool located) {
  std::string key;
  for (const std::string* f : {&pl.mention, &pl.gazetteer_id, &pl.name, &pl.kind, &pl.country, &pl.admin1,
                               &pl.metonym_for, &pl.resolution}) {
    key += *f;
    key += '\x1f';
  }
  char numbers[128];
  std::snprintf(numbers, sizeof numbers, "%d|%a|%a|%a", pl.geo_precision, located ? pl.lat : 0.0,
                located ? pl.lon : 0.0, pl.confidence);
  return key + numbers;
}

}  // namespace

Result<int64_t> DocumentWriter::ResolvedOf(const Place& pl, std::optional<int64_t> location) {
  const std::string key = ResolvedKey(pl, location.has_value());
  if (auto it = resolved_.find(key); it != resolved_.end()) return it->second;
  if (auto it = new_resolved_.find(key); it != new_resolved_.end()) return it->second;
  const double lat = location ? pl.lat : 0, lon = location ? pl.lon : 0;
  Status s;
  int64_t id = 0;
  auto bind_key = [&](sql::Statement& st) {
    st.Bind(1, pl.mention).Bind(2, pl.gazetteer_id).Bind(3, pl.name).Bind(4, pl.kind).Bind(5, pl.country);
    st.Bind(6, pl.admin1).Bind(7, int64_t{pl.geo_precision}).Bind(8, lat).Bind(9, lon).Bind(10, pl.confidence);
    st.Bind(11, pl.metonym_for).Bind(12, pl.resolution);
  };
  resolved_select_.Reset();
  bind_key(resolved_select_);
  if (resolved_select_.Step(&s)) id = resolved_select_.Int(0);
  resolved_select_.Reset();
  if (!s.ok()) return s;
  if (id == 0) {
    resolved_insert_.Reset();
    bind_key(resolved_insert_);
    if (location) resolved_insert_.Bind(13, *location);
    else resolved_insert_.BindNull(13);
    Result<std::optional<int64_t>> inserted = resolved_insert_.RunReturningId();
    if (!inserted.ok()) return inserted.status();
    if (!*inserted) return Status::Internal("resolved place " + pl.name + " appeared while the write lock was held");
    id = **inserted;
  }
  new_resolved_[key] = id;
  return id;
}

Result<int64_t> DocumentWriter::FormOf(const std::vector<std::string>& texts, const std::array<int64_t, 2>& numbers) {
  std::string key;
  for (const std::string& t : texts) key += t + '\x1f';
  key += std::to_string(numbers[0]) + '|' + std::to_string(numbers[1]);
  if (auto it = forms_.find(key); it != forms_.end()) return it->second;
  if (auto it = new_forms_.find(key); it != new_forms_.end()) return it->second;
  auto bind_key = [&](sql::Statement& st) {
    int i = 1;
    for (const std::string& t : texts) st.Bind(i++, t);
    for (int64_t n : numbers) st.Bind(i++, n);
  };
  Status s;
  int64_t id = 0;
  form_select_.Reset();
  bind_key(form_select_);
  if (form_select_.Step(&s)) id = form_select_.Int(0);
  form_select_.Reset();
  if (!s.ok()) return s;
  if (id == 0) {
    form_insert_.Reset();
    bind_key(form_insert_);
    Result<std::optional<int64_t>> inserted = form_insert_.RunReturningId();
    if (!inserted.ok()) return inserted.status();
    if (!*inserted) return Status::Internal("claim form appeared while the write lock was held");
    id = **inserted;
  }
  new_forms_[key] = id;
  return id;
}

Result<int64_t> DocumentWriter::IdOf(NameIds* table, const std::string& name) {
  if (auto it = table->known.find(name); it != table->known.end()) return it->second;
  if (auto it = table->fresh.find(name); it != table->fresh.end()) return it->second;
  Status s;
  int64_t id = 0;
  table->select.Reset();
  table->select.Bind(1, name);
  if (table->select.Step(&s)) id = table->select.Int(0);
  table->select.Reset();
  if (!s.ok()) return s;
  if (id == 0) {
    table->insert.Reset();
    Result<std::optional<int64_t>> inserted = table->insert.Bind(1, name).RunReturningId();
    if (!inserted.ok()) return inserted.status();
    if (!*inserted) return Status::Internal("'" + name + "' appeared while the write lock was held");
    id = **inserted;
  }
  table->fresh[name] = id;
  return id;
}

Result<int64_t> DocumentWriter::QuantityFormOf(const Quantity& q) {
  char number[64];
  std::snprintf(number, sizeof number, "|%a|%d%a|", q.value, q.value_in_si ? 1 : 0, q.value_in_si.value_or(0));
  const std::string bound = ToString(q.bound);
  const std::string key = q.text + '\x1f' + q.unit + '\x1f' + q.si_unit + '\x1f' + bound + number;
  if (auto it = quantity_forms_.find(key); it != quantity_forms_.end()) return it->second;
  if (auto it = new_quantity_forms_.find(key); it != new_quantity_forms_.end()) return it->second;
  auto bind_key = [&](sql::Statement& st) {
    st.Bind(1, q.text).Bind(2, q.value).Bind(3, q.unit);
    if (q.value_in_si) st.Bind(4, *q.value_in_si);
    else st.BindNull(4);
    st.Bind(5, q.si_unit).Bind(6, bound);
  };
  Status s;
  int64_t id = 0;
  quantity_form_select_.Reset();
  bind_key(quantity_form_select_);
  if (quantity_form_select_.Step(&s)) id = quantity_form_select_.Int(0);
  quantity_form_select_.Reset();
  if (!s.ok()) return s;
  if (id == 0) {
    quantity_form_insert_.Reset();
    bind_key(quantity_form_insert_);
    Result<std::optional<int64_t>> inserted = quantity_form_insert_.RunReturningId();
    if (!inserted.ok()) return inserted.status();
    if (!*inserted) return Status::Internal("quantity form appeared while the write lock was held");
    id = **inserted;
  }
  new_quantity_forms_[key] = id;
  return id;
}

void DocumentWriter::Committed() {
  locations_.merge(new_locations_);
  new_locations_.clear();
  resolved_.merge(new_resolved_);
  new_resolved_.clear();
  forms_.merge(new_forms_);
  new_forms_.clear();
  quantity_forms_.merge(new_quantity_forms_);
  new_quantity_forms_.clear();
  for (NameIds* t : {&statuses_, &event_types_}) {
    t->known.merge(t->fresh);
    t->fresh.clear();
  }
  ids_loaded_ = false;  // another writer may add rows before our next transaction
}

void DocumentWriter::RolledBack() {
  new_locations_.clear();
  new_resolved_.clear();
  new_forms_.clear();
  new_quantity_forms_.clear();
  statuses_.fresh.clear();
  event_types_.fresh.clear();
  ids_loaded_ = false;
  for (RowBuffer* b : {&links_, &people_, &places_, &quantities_, &claims_, &claims_fts_, &claim_places_,
                       &claim_quantities_, &claim_people_}) {
    b->Clear();
  }
}

Status DocumentWriter::LoadNextIds() {
  next_ids_.Reset();
  Status s;
  if (!next_ids_.Step(&s)) return s.ok() ? Status::Internal("database: no row of next ids") : s;
  next_person_ = next_ids_.Int(0) + 1;
  next_place_ = next_ids_.Int(1) + 1;
  next_quantity_ = next_ids_.Int(2) + 1;
  next_claim_ = next_ids_.Int(3) + 1;
  next_ids_.Reset();
  ids_loaded_ = true;
  return Status::Ok();
}

Status DocumentWriter::Flush() {
  // Mentions before the claims and links that point to them.
  for (RowBuffer* b : {&links_, &people_, &places_, &quantities_, &claims_, &claims_fts_, &claim_places_,
                       &claim_quantities_, &claim_people_}) {
    if (Status s = b->Flush(db_); !s.ok()) return s;
  }
  return Status::Ok();
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
  Result<StoredVersion> stored = FindVersion(p);
  if (!stored.ok()) return stored.status();
  if (stored->unchanged) return WriteOutcome::kUnchanged;
  if (!ids_loaded_) {
    if (Status r = LoadNextIds(); !r.ok()) return r;
  }
  Result<int64_t> outlet_id = OutletId(p.doc.meta.outlet);
  if (!outlet_id.ok()) return outlet_id.status();
  const MinHashBands bands = MinHashBandKeys(p.signature);
  Result<NearDuplicate> similar = FindNearDuplicate(p, bands);
  if (!similar.ok()) return similar.status();
  Result<std::optional<int64_t>> inserted = InsertDocument(p, stored->version, *outlet_id, similar->cluster);
  if (!inserted.ok()) return inserted.status();
  // No row: another writer stored this version of the document first.
  if (!*inserted) return WriteOutcome::kUnchanged;
  const int64_t doc_id = **inserted;
  if (Status r = LinkDocument(p, doc_id, stored->previous, *similar, bands, near_duplicate); !r.ok()) return r;
  Result<MentionRows> rows = BufferMentions(p, doc_id);
  if (!rows.ok()) return rows.status();
  if (Status r = BufferClaims(p, doc_id, *rows); !r.ok()) return r;
  return stored->previous != 0 ? WriteOutcome::kNewVersion : WriteOutcome::kAdded;
}

Result<DocumentWriter::StoredVersion> DocumentWriter::FindVersion(const ProcessedDocument& p) {
  // Same key: unchanged, or a new version of it.
  StoredVersion stored;
  Status s;
  latest_.Reset();
  latest_.Bind(1, p.key);
  if (latest_.Step(&s)) {
    if (latest_.Text(1) == p.doc.meta.sha256) {
      latest_.Reset();
      stored.unchanged = true;
      return stored;
    }
    stored.previous = latest_.Int(0);
  }
  latest_.Reset();
  if (!s.ok()) return s;
  if (stored.previous != 0) {
    Result<sql::Statement> v = db_->Prepare("SELECT MAX(version) FROM documents WHERE doc_key = ?");
    if (!v.ok()) return v.status();
    v->Bind(1, p.key);
    if (v->Step(&s)) stored.version = static_cast<int>(v->Int(0)) + 1;
    if (!s.ok()) return s;
  }
  return stored;
}

Result<int64_t> DocumentWriter::OutletId(const std::string& outlet) {
  // Looked up first, so that no row id is spent on a known outlet.
  Status s;
  outlet_select_.Reset();
  outlet_select_.Bind(1, outlet);
  int64_t outlet_id = outlet_select_.Step(&s) ? outlet_select_.Int(0) : 0;
  outlet_select_.Reset();
  if (!s.ok()) return s;
  if (outlet_id == 0) {
    outlet_insert_.Reset();
    Result<std::optional<int64_t>> inserted = outlet_insert_.Bind(1, outlet).RunReturningId();
    if (!inserted.ok()) return inserted.status();
    if (!*inserted) return Status::Internal("outlet row appeared while the write lock was held");
    outlet_id = **inserted;
  }
  return outlet_id;
}

Result<DocumentWriter::NearDuplicate> DocumentWriter::FindNearDuplicate(const ProcessedDocument& p,
                                                                         const MinHashBands& bands) {
  // An exact copy under another key, else the most similar document sharing
  // a MinHash band, when similar enough.
  NearDuplicate similar;
  Status s;
  same_bytes_.Reset();
  // The index holds the first 16 hex digits (schema version 9); the whole
  // is compared here (an equality on sha256 in the query would keep SQLite
  // from using the index on the prefix).
  same_bytes_.Bind(1, p.doc.meta.sha256.substr(0, 16)).Bind(2, p.key);
  while (same_bytes_.Step(&s)) {
    if (same_bytes_.Text(2) != p.doc.meta.sha256) continue;
    similar.document = same_bytes_.Int(0);
    similar.cluster = same_bytes_.Int(1);
    similar.similarity = 1;
    break;
  }
  same_bytes_.Reset();
  if (!s.ok()) return s;
  if (similar.document != 0) return similar;
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
    if (sim >= kNearDuplicateSimilarity &&
        (sim > similar.similarity || (sim == similar.similarity && cand < similar.document))) {
      similar.similarity = sim;
      similar.document = cand;
      similar.cluster = band_lookup_.Int(1);
    }
  }
  band_lookup_.Reset();
  if (!s.ok()) return s;
  return similar;
}

Result<std::optional<int64_t>> DocumentWriter::InsertDocument(const ProcessedDocument& p, int version,
                                                              int64_t outlet_id, int64_t cluster) {
  const DocumentMeta& m = p.doc.meta;
  nlohmann::json warnings = p.warnings;
  doc_insert_.Reset();
  doc_insert_.Bind(1, p.key).Bind(2, version).Bind(3, m.sha256).Bind(4, outlet_id).Bind(5, m.url).Bind(6, m.title);
  if (m.published.empty()) {
    doc_insert_.BindNull(7);
  } else {
    doc_insert_.Bind(7, m.published);
  }
  doc_insert_.Bind(8, m.language).Bind(9, m.format).Bind(10, p.origin).Bind(11, static_cast<int64_t>(m.bytes));
  doc_insert_.Bind(12, p.doc.raw).Bind(13, warnings.dump()).Bind(14, UtcNow("%Y-%m-%dT%H:%M:%SZ")).Bind(15, cluster);
  doc_insert_.Bind(16, static_cast<int64_t>(p.extraction.claims.size()));
  doc_insert_.Bind(17, m.forwarded_from).Bind(18, m.reply_to);
  return doc_insert_.RunReturningId();
}

Status DocumentWriter::LinkDocument(const ProcessedDocument& p, int64_t doc_id, int64_t previous,
                                    const NearDuplicate& similar, const MinHashBands& bands,
                                    bool* near_duplicate) {
  if (similar.document == 0) {
    set_cluster_.Reset();
    if (Status r = set_cluster_.Bind(1, doc_id).Run(); !r.ok()) return r;
  } else {
    near_insert_.Reset();
    near_insert_.Bind(1, doc_id).Bind(2, similar.document).Bind(3, similar.similarity);
    if (Status r = near_insert_.Run(); !r.ok()) return r;
    *near_duplicate = true;
  }
  if (previous != 0) {
    // The earlier version's claims may still be buffered (written earlier
    // in this batch): insert them before they are retired.
    if (Status r = Flush(); !r.ok()) return r;
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
  if (similar.document == 0) {
    band_insert_.Reset();
    for (int b = 0; b < kMinHashBands; ++b) band_insert_.Bind(2 * b + 1, bands[b]).Bind(2 * b + 2, doc_id);
    if (Status r = band_insert_.Run(); !r.ok()) return r;
  }
  return Status::Ok();
}

namespace {

using Row = std::vector<RowBuffer::Value>;
RowBuffer::Value Text(const std::string& v) { return RowBuffer::Value(v); }
RowBuffer::Value Integer(int64_t v) { return RowBuffer::Value(v); }
RowBuffer::Value Real(double v) { return RowBuffer::Value(v); }
RowBuffer::Value OptionalInteger(const std::optional<int64_t>& v) { return v ? Integer(*v) : RowBuffer::Value(); }

// What claims.text holds: '' when the claim's text is the document's bytes
// at its span (claim_text() reads them there), else the text (an HTML
// document's, whose span covers markup; a decoded entity).
std::string StoredClaimText(const Claim& c, const std::string& raw) {
  const bool is_span = !c.text.empty() && c.span.begin <= c.span.end && c.span.end <= raw.size() &&
                       std::string_view(raw).substr(c.span.begin, c.span.end - c.span.begin) == c.text;
  return is_span ? std::string() : c.text;
}

}  // namespace

Result<DocumentWriter::MentionRows> DocumentWriter::BufferMentions(const ProcessedDocument& p, int64_t doc_id) {
  const Extraction& x = p.extraction;
  const RowBuffer::Value null;
  for (const std::string& l : p.links) links_.Add(Row{doc_id, Text(l)});
  // What the document mentions; extraction ids -> row ids, given here (the
  // write lock is held: no other writer adds rows to these tables).
  MentionRows rows;
  for (const Person& person : x.people) {
    const int64_t row = next_person_++;
    people_.Add(Row{row, doc_id, Text(person.name), Text(person.role), Text(person.country), Text(person.side)});
    rows.person[person.id] = row;
  }
  for (const Place& pl : x.places) {
    std::optional<int64_t> location;
    if (!pl.gazetteer_id.empty()) {
      Result<int64_t> loc = LocationOf(pl);
      if (!loc.ok()) return loc.status();
      location = *loc;
    }
    Result<int64_t> resolved = ResolvedOf(pl, location);
    if (!resolved.ok()) return resolved.status();
    const int64_t row = next_place_++;
    places_.Add(Row{row, doc_id, Integer(pl.span.begin), Integer(pl.span.end), Integer(*resolved)});
    rows.place[pl.id] = row;
  }
  for (const Quantity& q : x.quantities) {
    const int64_t row = next_quantity_++;
    Result<int64_t> form = QuantityFormOf(q);
    if (!form.ok()) return form.status();
    quantities_.Add(Row{row, doc_id, Integer(q.span.begin), Integer(q.span.end), Integer(*form)});
    rows.quantity[q.id] = row;
  }
  return rows;
}

Status DocumentWriter::BufferClaims(const ProcessedDocument& p, int64_t doc_id, const MentionRows& rows) {
  const DocumentMeta& m = p.doc.meta;
  const RowBuffer::Value null;
  // Dates are days since 1970-01-01 (schema version 9).
  const std::optional<CivilDate> published_date = CivilDate::Parse(m.published);
  const std::optional<int64_t> published =
      published_date ? std::optional<int64_t>(published_date->ToDays()) : std::nullopt;
  for (const Claim& c : p.extraction.claims) {
    std::optional<int64_t> from, to;
    if (c.date) {
      from = to = c.date->ToDays();
    } else if (c.date_range) {
      from = c.date_range->first.ToDays();
      to = c.date_range->second.ToDays();
    }
    Result<int64_t> status = IdOf(&statuses_, ToString(c.status));
    if (!status.ok()) return status.status();
    std::optional<int64_t> event_type;
    if (c.event) {
      Result<int64_t> id = IdOf(&event_types_, c.event->type);
      if (!id.ok()) return id.status();
      event_type = *id;
    }
    const Speaker empty;
    const Speaker& sp = c.speaker ? *c.speaker : empty;
    auto place = c.event ? rows.place.find(c.event->place_id) : rows.place.end();
    const bool has_place = place != rows.place.end();
    const Event none;
    const Event& e = c.event ? *c.event : none;
    // The columns of claim_forms, in form_select_'s order.
    Result<int64_t> form = FormOf({ToString(c.kind), sp.name, sp.role, sp.side, sp.country, c.cue,
                                   c.status_cue ? c.status_cue->text : std::string(), e.sub_type, e.actor1, e.actor2,
                                   e.trigger, has_place ? e.place_basis : std::string()},
                                  {c.time_precision, c.date_from_context ? 1 : 0});
    if (!form.ok()) return form.status();
    const int64_t claim_id = next_claim_++;
    Row row{claim_id,
            doc_id,
            Text(StoredClaimText(c, p.doc.raw)),
            Integer(c.span.begin),
            Integer(c.span.end),
            Integer(*form),
            Integer(*status),
            OptionalInteger(from),
            OptionalInteger(to),
            event_type ? Integer(*event_type) : null,
            has_place ? Integer(place->second) : null,
            c.event ? Real(c.event->confidence) : null};
    // group_id (given by the rebuild), is_latest, the dates queries use.
    row.insert(row.end(),
               {null, Integer(1), OptionalInteger(from ? from : published), OptionalInteger(to ? to : published)});
    claims_.Add(std::move(row));
    claims_fts_.Add(Row{claim_id, Text(c.text), Text(sp.name)});
    // The event's place is one of the claim's places, so that one index
    // answers "claims at X" (not a dateline: the claim does not name it).
    std::vector<int> places = c.places;
    if (c.event && c.event->place_id != 0 && c.event->place_basis != kDatelineBasis) {
      places.push_back(c.event->place_id);
    }
    LinkClaim(claim_id, places, rows.place, &claim_places_);
    LinkClaim(claim_id, c.quantities, rows.quantity, &claim_quantities_);
    LinkClaim(claim_id, c.people, rows.person, &claim_people_);
  }
  return Status::Ok();
}

void DocumentWriter::LinkClaim(int64_t claim_id, const std::vector<int>& ids,
                               const std::unordered_map<int, int64_t>& rows, RowBuffer* buffer) {
  std::unordered_set<int64_t> seen;
  for (int id : ids) {
    auto it = rows.find(id);
    if (it == rows.end() || !seen.insert(it->second).second) continue;
    buffer->Add(Row{claim_id, it->second});
  }
}

}  // namespace sitrep
