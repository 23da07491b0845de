// Opening the database, and the read side: claims, documents, statistics.
#include <cmath>
#include <filesystem>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/distance.h"
#include "core/utf8.h"
#include "store/store_internal.h"

namespace sitrep {

namespace {

// The name of the database for messages: a server URI without its password.
std::string Shown(const std::string& db) { return sql::Redact(db); }

Status CheckReadable(sql::Connection* db, const std::string& path) {
  Result<int> v = db->dialect().SchemaVersion();
  if (!v.ok()) {
    return Status::DataError(Shown(path) + " is not a SQLite database (" + v.status().message() + ")");
  }
  if (*v == 0) return Status::DataError(Shown(path) + " is not a sitrep database (no schema version)");
  if (*v > kSchemaVersion) {
    return Status::DataError(Shown(path) + " has schema version " + std::to_string(*v) + ", newer than this sitrep (" +
                             std::to_string(kSchemaVersion) + "); upgrade sitrep");
  }
  Result<bool> claims = db->dialect().HasTable("claims");
  if (!claims.ok() || !*claims) return Status::DataError(Shown(path) + " is not a sitrep database (no claims table)");
  return Status::Ok();
}

// Creates or upgrades the schema in one transaction that holds the write
// lock, reading the version again inside it: of several writers starting on
// a new database, one creates the schema and the others find it.
Status CreateOrUpgrade(sql::Connection* c, const std::string& path) {
  Result<sql::Transaction> txn = sql::Transaction::Begin(c, sql::Transaction::Kind::kImmediate);
  if (!txn.ok()) return txn.status();
  Result<int> v = c->dialect().SchemaVersion();
  if (!v.ok()) return v.status();
  std::string schema(c->dialect().Schema());
  if (*v == 0) {
    Result<bool> empty = c->dialect().IsEmpty();
    if (!empty.ok() || !*empty) {
      return Status::DataError(Shown(path) + " is a database but not sitrep's; give another --db");
    }
    if (Status s = c->Exec(schema + "\n" + c->dialect().SetSchemaVersionSql(kSchemaVersion)); !s.ok()) {
      return Status::IoError("cannot create the database schema in " + Shown(path) + ": " + s.message());
    }
  } else if (Status s = CheckReadable(c, path); !s.ok()) {
    return s;
  } else if (*v < kSchemaVersion) {
    // Migration: the schema's statements after the "-- version N+1" marker.
    size_t at = schema.find("\n-- version " + std::to_string(*v + 1) + ":");
    if (at == std::string::npos) return Status::Internal("no migration from schema version " + std::to_string(*v));
    if (Status m = c->Exec(schema.substr(at) + "\n" + c->dialect().SetSchemaVersionSql(kSchemaVersion)); !m.ok()) {
      return Status::IoError("cannot upgrade the database schema of " + Shown(path) + ": " + m.message());
    }
  } else {
    return Status::Ok();  // the guard rolls back the empty transaction
  }
  return txn->Commit();
}

}  // namespace

Result<sql::Connection> OpenForWriting(const std::string& path) {
  std::error_code ec;
  if (!sql::IsServerUri(path) && std::filesystem::is_directory(path, ec)) {
    return Status::InvalidArgument(path + " is a folder; --db takes a file");
  }
  Result<sql::Connection> c = sql::Connection::Open(path, sql::Connection::Mode::kCreate);
  if (!c.ok()) return c.status();
  Result<int> v = c->dialect().SchemaVersion();
  if (!v.ok()) return Status::DataError(Shown(path) + " is not a SQLite database (" + v.status().message() + ")");
  if (*v != kSchemaVersion) {
    if (Status s = CreateOrUpgrade(&*c, path); !s.ok()) return s;
  } else if (Status s = CheckReadable(&*c, path); !s.ok()) {
    return s;
  }
  if (Status s = c->dialect().PrepareForWriting(); !s.ok()) return s;
  return c;
}

Result<sql::Connection> OpenForReading(const std::string& path) {
  if (!sql::IsServerUri(path)) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      return Status::NotFound("no database at " + path + " (run 'sitrep ingest' first, or give --db FILE)");
    }
    if (std::filesystem::is_directory(path, ec))
      return Status::InvalidArgument(path + " is a folder; --db takes a file");
  }
  Result<sql::Connection> c = sql::Connection::Open(path, sql::Connection::Mode::kReadOnly);
  if (!c.ok()) return c.status();
  if (Status s = CheckReadable(&*c, path); !s.ok()) return s;
  return c;
}

std::string DisplayDatabaseName(const std::string& db) { return sql::Redact(db); }

std::optional<double> FatalitiesOf(const std::string& text,
                                   const std::vector<std::pair<std::string, double>>& quantities) {
  static const char* kKilled[] = {"killed", "dead", "died", "deaths", "death toll", "killing", "lost their lives"};
  bool killed = false;
  for (const char* k : kKilled) killed = killed || text.find(k) != std::string::npos;
  if (!killed) return std::nullopt;
  static const char* kPeople[] = {"people", "civilians", "soldiers", "residents", "servicemen", "troops",
                                  "persons", "children", "women", "men", "fighters", "victims"};
  for (const auto& [unit, value] : quantities) {
    for (const char* p : kPeople) {
      if (unit == p) return value;
    }
  }
  return std::nullopt;
}

Status ValidateFilter(const QueryFilter& f) {
  if (!f.status.empty()) {
    if (!ParseClaimStatus(f.status)) {
      return Status::InvalidArgument("status '" + Printable(f.status, kMessageExcerptBytes) +
                                     "' is not one of asserted, reported, alleged, unverified, confirmed, denied");
    }
  }
  if (!f.since.empty() && !CivilDate::Parse(f.since)) {
    return Status::InvalidArgument("since '" + Printable(f.since, kMessageExcerptBytes) +
                                   "' is not a date (YYYY-MM-DD)");
  }
  if (!f.until.empty() && !CivilDate::Parse(f.until)) {
    return Status::InvalidArgument("until '" + Printable(f.until, kMessageExcerptBytes) +
                                   "' is not a date (YYYY-MM-DD)");
  }
  if (!f.since.empty() && !f.until.empty() && f.until < f.since) {
    return Status::InvalidArgument("until " + f.until + " is before since " + f.since);
  }
  if (f.near_lat || f.near_lon || f.near_km) {
    if (!f.near_lat || !f.near_lon || !f.near_km) return Status::InvalidArgument("near needs LAT,LON,KM");
    if (!(std::fabs(*f.near_lat) <= 90)) return Status::InvalidArgument("near: latitude must be within -90..90");
    if (!(std::fabs(*f.near_lon) <= 180)) return Status::InvalidArgument("near: longitude must be within -180..180");
    if (!(*f.near_km > 0 && *f.near_km <= 20000))
      return Status::InvalidArgument("near: radius must be 0 < KM <= 20000");
  }
  if (f.bbox) {
    const auto& [w, s, e, n] = *f.bbox;
    for (double lon : {w, e}) {
      if (!(std::fabs(lon) <= 180)) return Status::InvalidArgument("bbox: longitudes must be within -180..180");
    }
    for (double lat : {s, n}) {
      if (!(std::fabs(lat) <= 90)) return Status::InvalidArgument("bbox: latitudes must be within -90..90");
    }
    if (s > n) return Status::InvalidArgument("bbox: south is above north (the order is WEST,SOUTH,EAST,NORTH)");
  }
  if (f.offset < 0) return Status::InvalidArgument("offset must be 0 or more");
  if (f.limit > 1000000) return Status::InvalidArgument("limit must be at most 1000000");
  return Status::Ok();
}

Status ParseNear(const std::string& text, QueryFilter* f) {
  if (text.empty()) return Status::Ok();
  double lat, lon, km;
  char extra;
  if (std::sscanf(text.c_str(), "%lf,%lf,%lf%c", &lat, &lon, &km, &extra) != 3) {
    return Status::InvalidArgument("near takes LAT,LON,KM (e.g. 51.3,35.2,50), not '" + text + "'");
  }
  f->near_lat = lat, f->near_lon = lon, f->near_km = km;
  return Status::Ok();
}

Status ParseBbox(const std::string& text, QueryFilter* f) {
  if (text.empty()) return Status::Ok();
  double w, s, e, n;
  char extra;
  if (std::sscanf(text.c_str(), "%lf,%lf,%lf,%lf%c", &w, &s, &e, &n, &extra) != 4) {
    return Status::InvalidArgument("bbox takes WEST,SOUTH,EAST,NORTH in degrees (e.g. 30,46,40,52), not '" + text +
                                   "'");
  }
  f->bbox = std::array<double, 4>{w, s, e, n};
  return Status::Ok();
}

struct Database::Impl {
  sql::Connection db;
  std::string path;
  int schema_version = kSchemaVersion;  // an older database is read as it is until a write upgrades it
};

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

sql::Connection& ConnectionOf(Database& db) { return db.impl_->db; }
const std::string& Database::path() const { return impl_->path; }

Result<Database> Database::Open(const std::string& path) {
  Result<sql::Connection> c = OpenForReading(path);
  if (!c.ok()) return c.status();
  auto impl = std::make_unique<Impl>();
  impl->db = std::move(c).value();
  impl->path = path;
  if (Result<int> v = impl->db.dialect().SchemaVersion(); v.ok()) impl->schema_version = *v;
  return Database(std::move(impl));
}

namespace {

// A select list for a database of schema `version`, read as it is until a
// write upgrades it: before version 7 no claim says where its event's place
// came from, nor how confident the event model was.
std::string ColumnsForSchema(std::string columns, int version) {
  using Column = std::pair<std::string_view, std::string_view>;
  auto replace = [&columns](Column c) {
    for (size_t at; (at = columns.find(c.first)) != std::string::npos;) columns.replace(at, c.first.size(), c.second);
  };
  if (version >= 9) return columns;
  // Before version 9, dates are YYYY-MM-DD text, not days.
  for (Column c : {Column{"sitrep_date(c.date_from)", "c.date_from"}, Column{"sitrep_date(c.date_to)", "c.date_to"},
                   Column{"sitrep_date(c.when_from)", "c.when_from"}, Column{"sitrep_date(c.when_to)", "c.when_to"}}) {
    replace(c);
  }
  if (version >= 7) return columns;
  for (Column c : {Column{"f.place_basis", "''"}, Column{"c.event_confidence", "NULL"}}) replace(c);
  return columns;
}

// A query for a database of schema `version`: before version 9 what a
// claim (a quantity) says besides its text and dates is in its own row, so
// `f` (`cs`, `et`, `qf`) is that row again instead of its claim_forms
// (claim_statuses, event_types, quantity_forms) row; before
// version 8 what a place mention says (name, kind, point, metonym, ...) is in
// its own row of places, so `pe` (`mr`) is that row again instead of its
// resolved_places row.
std::string JoinsForSchema(std::string sql, int version) {
  using Join = std::pair<std::string_view, std::string_view>;
  if (version < 9) {
    for (auto [join, before] : {Join{"claim_forms f ON f.id = c.form_id", "claims f ON f.id = c.id"},
                                Join{"claim_statuses cs ON cs.id = c.status", "claims cs ON cs.id = c.id"},
                                Join{"event_types et ON et.id = c.event_type", "claims et ON et.id = c.id"},
                                Join{"quantity_forms qf ON qf.id = q.form_id", "quantities qf ON qf.id = q.id"}}) {
      for (size_t at; (at = sql.find(join)) != std::string::npos;) sql.replace(at, join.size(), before);
    }
  }
  if (version >= 8) return sql;
  for (auto [join, before] : {Join{"resolved_places pe ON pe.id = p.resolved_id", "places pe ON pe.id = p.id"},
                              Join{"resolved_places mr ON mr.id = mp.resolved_id", "places mr ON mr.id = mp.id"}}) {
    for (size_t at; (at = sql.find(join)) != std::string::npos;) sql.replace(at, join.size(), before);
  }
  return sql;
}

// A resolution's point: lat and lon are 0 in resolved_places when there is
// none (and NULL in a place row before version 8, with no location either).
constexpr const char* kResolvedLat = "CASE WHEN pe.location_id IS NOT NULL THEN pe.lat END";
constexpr const char* kResolvedLon = "CASE WHEN pe.location_id IS NOT NULL THEN pe.lon END";

// The columns every claim query selects.
constexpr sql::NamedColumns kClaimColumns({
    {"id", "c.id"},
    {"document_id", "c.document_id"},
    {"text", kClaimTextSql},
    {"begin", "c.begin_byte"},
    {"end", "c.end_byte"},
    {"kind", "f.kind"},
    {"status", "cs.status"},
    {"speaker", "f.speaker"},
    {"speaker_role", "f.speaker_role"},
    {"speaker_side", "f.speaker_side"},
    {"speaker_country", "f.speaker_country"},
    {"cue", "f.cue"},
    {"status_cue", "f.status_cue"},
    {"date_from", "sitrep_date(c.date_from)"},
    {"date_to", "sitrep_date(c.date_to)"},
    {"time_precision", "f.time_precision"},
    {"event_type", "et.event_type"},
    {"sub_event_type", "f.sub_event_type"},
    {"actor1", "f.actor1"},
    {"actor2", "f.actor2"},
    {"place", "pe.name"},
    {"place_country", "pe.country"},
    {"place_admin1", "pe.admin1"},
    {"place_kind", "pe.kind"},
    {"lat", kResolvedLat},
    {"lon", kResolvedLon},
    {"geo_precision", "CASE WHEN f.place_basis = 'dateline' AND pe.geo_precision < 3 THEN 3 ELSE pe.geo_precision END"},
    {"place_basis", "f.place_basis"},
    {"event_confidence", "c.event_confidence"},
    {"outlet", "o.name"},
    {"url", "d.url"},
    {"title", "d.title"},
    {"published", "d.published"},
    {"group_id", "c.group_id"},
    {"corroboration", "g.corroboration"},
    {"group_status", "g.status"},
    {"contradiction", "g.contradiction"},
    {"map_check", "(SELECT verdict FROM claim_checks k WHERE k.claim_id = c.id ORDER BY k.kind LIMIT 1)"},
    {"map_check_detail", "(SELECT detail FROM claim_checks k WHERE k.claim_id = c.id ORDER BY k.kind LIMIT 1)"},
});
// After them, the epoch of d.ingested_at, written by the backend's dialect.
constexpr int kClaimIngestedAt = kClaimColumns.size();

// The place shown with a claim: its event's, else the first location it
// mentions (not a metonym: "Moscow declared", "Russian forces" say who, not
// where; the map's points skip them too).
constexpr const char* kClaimJoins =
    " FROM claims c JOIN claim_forms f ON f.id = c.form_id JOIN claim_statuses cs ON cs.id = c.status"
    " LEFT JOIN event_types et ON et.id = c.event_type JOIN documents d ON d.id = c.document_id"
    " JOIN outlets o ON o.id = d.outlet_id LEFT JOIN places p ON p.id = COALESCE(c.place_id,"
    " (SELECT MIN(cp.place_id) FROM claim_places cp JOIN places mp ON mp.id = cp.place_id"
    " JOIN resolved_places mr ON mr.id = mp.resolved_id WHERE cp.claim_id = c.id AND mr.metonym_for = ''))"
    " LEFT JOIN resolved_places pe ON pe.id = p.resolved_id"
    " LEFT JOIN claim_groups g ON g.id = c.group_id";

ClaimRecord ReadClaim(const sql::Statement& s) {
  constexpr const auto& k = kClaimColumns;
  ClaimRecord r;
  r.id = s.Int(k["id"]);
  r.document_id = s.Int(k["document_id"]);
  r.text = s.Text(k["text"]);
  r.begin = static_cast<uint32_t>(s.Int(k["begin"]));
  r.end = static_cast<uint32_t>(s.Int(k["end"]));
  r.kind = s.Text(k["kind"]);
  r.status = s.Text(k["status"]);
  r.speaker = s.Text(k["speaker"]);
  r.speaker_role = s.Text(k["speaker_role"]);
  r.speaker_side = s.Text(k["speaker_side"]);
  r.speaker_country = s.Text(k["speaker_country"]);
  r.cue = s.Text(k["cue"]);
  r.status_cue = s.Text(k["status_cue"]);
  r.date_from = s.OptionalText(k["date_from"]);
  r.date_to = s.OptionalText(k["date_to"]);
  r.time_precision = static_cast<int>(s.Int(k["time_precision"]));
  r.event_type = s.OptionalText(k["event_type"]);
  r.sub_event_type = s.Text(k["sub_event_type"]);
  r.actor1 = s.Text(k["actor1"]);
  r.actor2 = s.Text(k["actor2"]);
  r.place = s.Text(k["place"]);
  r.place_country = s.Text(k["place_country"]);
  r.place_admin1 = s.Text(k["place_admin1"]);
  r.place_kind = s.Text(k["place_kind"]);
  if (!s.IsNull(k["lat"])) r.lat = s.Double(k["lat"]);
  if (!s.IsNull(k["lon"])) r.lon = s.Double(k["lon"]);
  r.geo_precision = static_cast<int>(s.Int(k["geo_precision"]));
  r.place_basis = s.Text(k["place_basis"]);
  if (!s.IsNull(k["event_confidence"])) r.event_confidence = s.Double(k["event_confidence"]);
  r.outlet = s.Text(k["outlet"]);
  r.url = s.Text(k["url"]);
  r.title = s.Text(k["title"]);
  r.published = s.OptionalText(k["published"]);
  r.group_id = s.Int(k["group_id"]);
  r.corroboration = s.IsNull(k["corroboration"]) ? 1 : static_cast<int>(s.Int(k["corroboration"]));
  r.group_status = s.Text(k["group_status"]);
  r.contradiction = s.Text(k["contradiction"]);
  r.map_check = s.Text(k["map_check"]);
  r.map_check_detail = s.Text(k["map_check_detail"]);
  r.ingested_at = s.Int(kClaimIngestedAt);
  return r;
}

}  // namespace

Result<std::vector<ClaimRecord>> Database::Claims(const QueryFilter& f) {
  std::vector<ClaimRecord> out;
  Status s = ForEachClaim(f, [&](ClaimRecord&& r) {
    out.push_back(std::move(r));
    return true;
  });
  if (!s.ok()) return s;
  return out;
}

namespace {

// The WHERE clause of a filtered claim query (over claims c, nothing else:
// the map's points and timeline join no other table) and its parameters:
// text first, then numbers.
struct Where {
  std::string where;
  std::vector<std::string> args;
  std::vector<double> numbers;  // the coordinates of place boxes
};

Result<Where> BuildWhere(sql::Connection* db, const QueryFilter& f, int version) {
  if (Status s = ValidateFilter(f); !s.ok()) return s;
  std::string where = " WHERE TRUE";
  std::vector<std::string> args;  // bound in order, as text
  std::vector<double> numbers;    // bound after them
  if (!f.all_versions) where += " AND c.is_latest = 1";
  if (f.events_only) where += " AND c.event_type IS NOT NULL";
  // Since version 9 a status and an event type are ids of claim_statuses and
  // event_types, and dates are days since 1970-01-01.
  const bool ids = version >= 9;
  if (!f.status.empty()) {
    where += ids ? " AND c.status = (SELECT id FROM claim_statuses WHERE status = ?)" : " AND c.status = ?";
    args.push_back(f.status);
  }
  if (!f.event_type.empty()) {
    where += ids ? " AND c.event_type = (SELECT id FROM event_types WHERE event_type = ?)" : " AND c.event_type = ?";
    args.push_back(f.event_type);
  }
  auto day = [ids](const std::string& date) { return ids ? std::to_string(CivilDate::Parse(date)->ToDays()) : date; };
  if (!f.speaker.empty()) {
    // A substring: LIKE's wildcards in the name are escaped.
    std::string pattern = "%";
    for (char ch : f.speaker) {
      if (ch == '%' || ch == '_' || ch == '\\') pattern += '\\';
      pattern += ch;
    }
    // Since version 9 the speakers are claim_forms': the claims of the forms that match.
    const std::string like = " " + db->dialect().LikeIgnoringCase() + " ? ESCAPE '\\'";
    where += version >= 9 ? " AND c.form_id IN (SELECT id FROM claim_forms WHERE speaker" + like + ")"
                          : " AND c.speaker" + like;
    args.push_back(pattern + "%");
  }
  if (f.document_id != 0) where += " AND c.document_id = ?", args.push_back(std::to_string(f.document_id));
  // Dates: the claim's own, else its document's publication date.
  if (!f.since.empty()) where += " AND c.when_to >= ?", args.push_back(day(f.since));
  if (!f.until.empty()) where += " AND c.when_from <= ?", args.push_back(day(f.until));
  // Place, text and distance filters each select a set of claims. A small
  // set drives the query (fetch those claims, sort them); a large one is a
  // filter on the walk down the newest-first index. The set is counted up
  // to the connection's LargeClaimSet() to tell which (or the connection's
  // planner tells, from its statistics).
  auto member_of = [&](sql::ClaimSet kind, const std::string& members, const std::vector<std::string>& text_args,
                       const std::vector<double>& num_args) {
    sql::SetSize size = sql::SetSize::kUncounted;
    const int large_set = db->dialect().LargeClaimSet(kind);
    if (f.limit > 0 && large_set > 0) {
      Result<sql::Statement> count =
          db->Prepare("SELECT count(*) FROM (" + members + " LIMIT " + std::to_string(large_set) + ") m");
      if (count.ok()) {
        int i = 1;
        for (const std::string& a : text_args) count->Bind(i++, a);
        for (double v : num_args) count->Bind(i++, v);
        Status cs;
        if (count->Step(&cs)) size = count->Int(0) >= large_set ? sql::SetSize::kLarge : sql::SetSize::kSmall;
      }
    }
    return " AND " + db->dialect().ClaimAmong(members, size);
  };
  if (!f.place.empty()) {
    where += member_of(sql::ClaimSet::kPlace, db->dialect().ClaimsAtPlace(version), {f.place, f.place}, {});
    args.insert(args.end(), {f.place, f.place});
  }
  if (!f.text.empty()) {
    // A malformed full-text query is the caller's mistake: say so.
    Result<std::string> text = db->dialect().FullTextParameter(f.text);
    Status cs = text.status();
    if (cs.ok()) {
      Result<sql::Statement> check = db->Prepare(db->dialect().FullTextMembers("claims_fts") + " LIMIT 1");
      if (!check.ok()) return check.status();
      check->Bind(1, *text);
      check->Step(&cs);
    }
    if (!cs.ok()) {
      return Status::InvalidArgument("text query '" + Printable(f.text, kMessageExcerptBytes) +
                                     "' is not valid (FTS5 syntax: words, \"a phrase\", "
                                     "AND, OR, NOT, prefix*): " +
                                     cs.message());
    }
    where += member_of(sql::ClaimSet::kText, db->dialect().FullTextMembers("claims_fts"), {*text}, {});
    args.push_back(*text);
  }
  // Claims with a place in a box, from the R*Tree; west > east crosses the
  // antimeridian.
  auto in_box = [&](double west, double south, double east, double north) {
    sql::BoxQuery box = db->dialect().ClaimsInBox(west, south, east, north, version);
    where += member_of(sql::ClaimSet::kBox, box.sql, {}, box.params);
    numbers.insert(numbers.end(), box.params.begin(), box.params.end());
  };
  if (f.near_km) {
    // The box around the circle; ForEachClaim keeps what is within the radius.
    double dlat = *f.near_km / 111.2;
    double dlon = *f.near_km / (111.2 * std::max(0.01, std::cos(*f.near_lat * M_PI / 180)));
    in_box(*f.near_lon - dlon, *f.near_lat - dlat, *f.near_lon + dlon, *f.near_lat + dlat);
  }
  if (f.bbox) {
    const auto& [west, south, east, north] = *f.bbox;
    in_box(west, south, east, north);
  }
  return Where{where, args, numbers};
}

void BindWhere(const Where& w, sql::Statement* st) {
  int i = 1;
  for (const std::string& a : w.args) st->Bind(i++, a);
  for (double v : w.numbers) st->Bind(i++, v);
}

}  // namespace

Status Database::ForEachClaim(const QueryFilter& f, const std::function<bool(ClaimRecord&&)>& fn) {
  Result<Where> w = BuildWhere(&impl_->db, f, impl_->schema_version);
  if (!w.ok()) return w.status();
  constexpr const char* kOrder = " ORDER BY c.when_from DESC NULLS LAST, c.id DESC";
  // A page of claim ids is chosen among the claims alone (sorting ids, not
  // whole rows), then joined to the claims, their documents and places: the
  // joins run for the page's rows, not for every claim the filter walks or
  // sorts.
  std::string from = kClaimJoins;
  if (f.limit > 0) {
    from.replace(from.find(" FROM claims c"), std::string(" FROM claims c").size(),
                 std::string(" FROM (SELECT c.id FROM claims c") + w->where + kOrder + " LIMIT " +
                     std::to_string(f.limit) + " OFFSET " + std::to_string(f.offset) +
                     ") page JOIN claims c ON c.id = page.id");
  } else {
    from += w->where;
  }
  const std::string columns = ColumnsForSchema(kClaimColumns.List(), impl_->schema_version);
  std::string sql = "SELECT " + columns + ", " + impl_->db.dialect().EpochOf("d.ingested_at") + from + kOrder;
  Result<sql::Statement> st = impl_->db.Prepare(WithClaimText(impl_->db, JoinsForSchema(sql, impl_->schema_version)));
  if (!st.ok()) return st.status();
  BindWhere(*w, &*st);
  // Quantities of up to kChunk claims in one query (the unused ids are 0,
  // which no claim has): one round trip to a server per chunk, not per claim.
  constexpr int kChunk = 128;
  std::string in = "?";
  for (int i = 1; i < kChunk; ++i) in += ", ?";
  Result<sql::Statement> quantities = impl_->db.Prepare(JoinsForSchema(
      "SELECT cq.claim_id, qf.text, qf.unit, qf.value FROM claim_quantities cq "
      "JOIN quantities q ON q.id = cq.quantity_id JOIN quantity_forms qf ON qf.id = q.form_id WHERE cq.claim_id IN (" +
          in + ") ORDER BY cq.claim_id, q.begin_byte",
      impl_->schema_version));
  if (!quantities.ok()) return quantities.status();
  std::vector<ClaimRecord> chunk;
  // Fills the chunk's quantities and hands its claims on; false when fn
  // asked to stop or on an error (in *s).
  auto pass_on = [&](Status* s) {
    if (chunk.empty()) return true;
    quantities->Reset();
    std::unordered_map<int64_t, size_t> at;
    for (int i = 0; i < kChunk; ++i) {
      quantities->Bind(i + 1, i < static_cast<int>(chunk.size()) ? chunk[i].id : int64_t{0});
      if (i < static_cast<int>(chunk.size())) at[chunk[i].id] = i;
    }
    std::vector<std::vector<std::pair<std::string, double>>> units(chunk.size());
    while (quantities->Step(s)) {
      auto it = at.find(quantities->Int(0));
      if (it == at.end()) continue;
      ClaimRecord& r = chunk[it->second];
      r.quantities.push_back(quantities->Text(1));
      r.quantity_units.push_back(quantities->Text(2));
      units[it->second].emplace_back(quantities->Text(2), quantities->Double(3));
    }
    quantities->Reset();
    if (!s->ok()) return false;
    for (size_t i = 0; i < chunk.size(); ++i) {
      chunk[i].fatalities = FatalitiesOf(chunk[i].text, units[i]);
      if (!fn(std::move(chunk[i]))) {
        chunk.clear();
        return false;
      }
    }
    chunk.clear();
    return true;
  };
  Status s;
  bool more = true;
  while (more && st->Step(&s)) {
    ClaimRecord r = ReadClaim(*st);
    // The bounding box is a coarse filter: keep what is within the radius.
    if (f.near_km && r.lat) {
      if (DistanceKm(*r.lat, *r.lon, *f.near_lat, *f.near_lon) > *f.near_km) continue;
    }
    chunk.push_back(std::move(r));
    if (static_cast<int>(chunk.size()) == kChunk) more = pass_on(&s);
  }
  if (more && s.ok()) pass_on(&s);
  return s;
}

Result<std::vector<Database::DayCount>> Database::Timeline(const QueryFilter& filter) {
  QueryFilter f = filter;
  f.events_only = true;
  f.limit = 0;
  Result<Where> w = BuildWhere(&impl_->db, f, impl_->schema_version);
  if (!w.ok()) return w.status();
  const std::string day_and_type = impl_->schema_version >= 9
                                       ? "SELECT sitrep_date(c.when_from), et.event_type, count(*) FROM claims c "
                                         "JOIN event_types et ON et.id = c.event_type"
                                       : "SELECT c.when_from, c.event_type, count(*) FROM claims c";
  Result<sql::Statement> st =
      impl_->db.Prepare(day_and_type + w->where + " AND c.when_from IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2");
  if (!st.ok()) return st.status();
  BindWhere(*w, &*st);
  std::vector<DayCount> out;
  Status s;
  while (st->Step(&s)) out.push_back({st->Text(0), st->Text(1), st->Int(2)});
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<Database::EventPoint>> Database::EventPoints(const QueryFilter& filter) {
  QueryFilter f = filter;
  f.events_only = true;
  Result<Where> w = BuildWhere(&impl_->db, f, impl_->schema_version);
  if (!w.ok()) return w.status();
  static constexpr sql::NamedColumns k({
      {"id", "c.id"},
      {"document_id", "c.document_id"},
      {"lat", kResolvedLat},
      {"lon", kResolvedLon},
      {"place", "pe.name"},
      {"place_kind", "pe.kind"},
      {"date", "sitrep_date(c.when_from)"},
      {"event_type", "et.event_type"},
      {"sub_event_type", "f.sub_event_type"},
      {"status", "cs.status"},
      {"corroboration", "COALESCE(g.corroboration, 1)"},
      {"map_check",
       "COALESCE((SELECT verdict FROM claim_checks k WHERE k.claim_id = c.id ORDER BY k.kind LIMIT 1), '')"},
      {"confidence", "c.event_confidence"},
  });
  std::string sql = "SELECT " + ColumnsForSchema(k.List(), impl_->schema_version) +
                    " FROM claims c JOIN claim_forms f ON f.id = c.form_id JOIN claim_statuses cs ON cs.id = c.status "
                    "JOIN event_types et ON et.id = c.event_type JOIN places p ON p.id = c.place_id "
                    "JOIN resolved_places pe ON pe.id = p.resolved_id LEFT JOIN claim_groups g ON g.id = c.group_id" +
                    w->where + " AND pe.location_id IS NOT NULL ORDER BY c.when_from DESC NULLS LAST, c.id DESC";
  if (f.limit > 0) sql += " LIMIT " + std::to_string(f.limit) + " OFFSET " + std::to_string(f.offset);
  Result<sql::Statement> st = impl_->db.Prepare(WithClaimText(impl_->db, JoinsForSchema(sql, impl_->schema_version)));
  if (!st.ok()) return st.status();
  BindWhere(*w, &*st);
  std::vector<EventPoint> out;
  Status s;
  while (st->Step(&s)) {
    EventPoint e;
    e.id = st->Int(k["id"]);
    e.document_id = st->Int(k["document_id"]);
    e.lat = st->Double(k["lat"]);
    e.lon = st->Double(k["lon"]);
    e.place = st->Text(k["place"]);
    e.place_kind = st->Text(k["place_kind"]);
    e.date = st->Text(k["date"]);
    e.event_type = st->Text(k["event_type"]);
    e.sub_event_type = st->Text(k["sub_event_type"]);
    e.status = st->Text(k["status"]);
    e.map_check = st->Text(k["map_check"]);
    e.corroboration = static_cast<int>(st->Int(k["corroboration"]));
    if (!st->IsNull(k["confidence"])) e.confidence = st->Double(k["confidence"]);
    out.push_back(std::move(e));
  }
  if (!s.ok()) return s;
  return out;
}

Result<DocumentRecord> Database::Document(int64_t id) {
  static constexpr sql::NamedColumns k({
      {"id", "d.id"},
      {"doc_key", "d.doc_key"},
      {"url", "d.url"},
      {"title", "d.title"},
      {"outlet", "o.name"},
      {"language", "d.language"},
      {"format", "d.format"},
      {"origin", "d.origin"},
      {"sha256", "d.sha256"},
      {"published", "d.published"},
      {"version", "d.version"},
      {"is_latest", "d.is_latest"},
      {"cluster_id", "d.cluster_id"},
      {"warnings", "d.warnings"},
      {"raw", "d.raw"},
      {"forwarded_from", "d.forwarded_from"},
      {"reply_to", "d.reply_to"},
  });
  Result<sql::Statement> st =
      impl_->db.Prepare("SELECT " + k.List() + " FROM documents d JOIN outlets o ON o.id = d.outlet_id WHERE d.id = ?");
  if (!st.ok()) return st.status();
  st->Bind(1, id);
  Status s;
  if (!st->Step(&s)) {
    if (!s.ok()) return s;
    return Status::NotFound("no document " + std::to_string(id));
  }
  DocumentRecord d;
  d.id = st->Int(k["id"]);
  d.doc_key = st->Text(k["doc_key"]);
  d.url = st->Text(k["url"]);
  d.title = st->Text(k["title"]);
  d.outlet = st->Text(k["outlet"]);
  d.language = st->Text(k["language"]);
  d.format = st->Text(k["format"]);
  d.origin = st->Text(k["origin"]);
  d.sha256 = st->Text(k["sha256"]);
  d.published = st->OptionalText(k["published"]);
  d.version = static_cast<int>(st->Int(k["version"]));
  d.is_latest = st->Int(k["is_latest"]) != 0;
  d.cluster_id = st->Int(k["cluster_id"]);
  d.forwarded_from = st->Text(k["forwarded_from"]);
  d.reply_to = st->Text(k["reply_to"]);
  try {
    for (const auto& w : nlohmann::json::parse(st->Text(k["warnings"]))) d.warnings.push_back(w.get<std::string>());
  } catch (const nlohmann::json::exception&) {
    d.warnings.push_back("(warnings column unreadable)");
  }
  d.raw = st->Text(k["raw"]);
  Result<sql::Statement> nd = impl_->db.Prepare(
      "SELECT similar_to, similarity FROM near_duplicates WHERE document_id = ?1 "
      "UNION SELECT document_id, similarity FROM near_duplicates WHERE similar_to = ?1 ORDER BY 1");
  if (!nd.ok()) return nd.status();
  nd->Bind(1, id);
  while (nd->Step(&s)) d.near_duplicates.emplace_back(nd->Int(0), nd->Double(1));
  if (!s.ok()) return s;
  QueryFilter f;
  f.document_id = id;
  f.all_versions = true;
  f.limit = 0;
  Result<std::vector<ClaimRecord>> claims = Claims(f);
  if (!claims.ok()) return claims.status();
  d.claims = std::move(claims).value();
  std::sort(d.claims.begin(), d.claims.end(),
            [](const ClaimRecord& a, const ClaimRecord& b) { return a.begin < b.begin; });
  return d;
}

Result<DatabaseStats> Database::Stats() {
  std::string sql =
      "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM documents WHERE is_latest = 1), "
      "(SELECT count(*) FROM outlets), (SELECT count(*) FROM claims WHERE is_latest = 1), "
      "(SELECT count(*) FROM claims WHERE is_latest = 1 AND event_type IS NOT NULL), (SELECT count(*) FROM places), "
      "(SELECT count(*) FROM claim_groups), (SELECT count(*) FROM claim_groups WHERE corroboration > 1), "
      "(SELECT count(*) FROM claim_groups WHERE contradiction != ''), (SELECT count(*) FROM ingest_problems), "
      "(SELECT count(DISTINCT cluster_id) FROM documents WHERE id != cluster_id), "
      "(SELECT MIN(when_from) FROM claims), (SELECT MAX(when_to) FROM claims)";
  // Since version 9 dates are days since 1970-01-01.
  if (impl_->schema_version >= 9) {
    for (const std::string m : {"MIN(when_from)", "MAX(when_to)"}) {
      sql.replace(sql.find(m), m.size(), "sitrep_date(" + m + ")");
    }
  }
  Result<sql::Statement> st = impl_->db.Prepare(sql);
  if (!st.ok()) return st.status();
  Status s;
  if (!st->Step(&s)) return s.ok() ? Status::Internal("no statistics row") : s;
  DatabaseStats r;
  int64_t* fields[] = {&r.documents, &r.latest_documents, &r.outlets, &r.claims, &r.events, &r.places, &r.groups,
                       &r.corroborated_groups, &r.contradictions, &r.problems, &r.clusters_with_duplicates};
  int i = 0;
  for (int64_t* f : fields) *f = st->Int(i++);
  r.first_date = st->OptionalText(i++);
  r.last_date = st->OptionalText(i++);
  return r;
}

}  // namespace sitrep
