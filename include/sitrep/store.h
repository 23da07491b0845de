// The corpus database: ingest files into SQLite, query claims and events,
// export them. The schema is src/store/schema.sql, described in
// docs/database.md.
//
//   sitrep::IngestOptions o;
//   o.db_path = "corpus.db";
//   auto summary = sitrep::IngestCorpus({"reports/"}, o);
//   auto db = sitrep::Database::Open("corpus.db");
//   auto claims = db->Claims({.status = "confirmed", .since = "2024-08-01"});
//
// A Database is one SQLite connection: use it from one thread at a time.
#ifndef SITREP_STORE_H_
#define SITREP_STORE_H_

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/sitrep.h"

namespace sitrep {

namespace sql {
class Connection;
}  // namespace sql

inline constexpr int kSchemaVersion = 9;

struct IngestProblem {
  std::string origin;   // file, file:LINE, file#message ID, file#item N
  std::string reason;
  bool skipped = true;  // false: stored, with a warning
};

struct IngestProgress {
  uint64_t records = 0;  // documents read so far
  uint64_t bytes = 0;    // of their text
  uint64_t stored = 0;   // new documents and versions written
  double seconds = 0;
};

struct IngestOptions {
  std::string db_path = "sitrep.db";
  int jobs = 1;                    // extraction threads; one writer besides
  size_t batch_documents = 1024;   // documents per transaction
  uint64_t max_bytes = kDefaultMaxBytes;  // one document
  std::string arguments;           // recorded with the run
  std::string published;           // YYYY-MM-DD for documents that give no date of their own
  std::string outlet;              // for documents that name no outlet
  // Rebuild the corroboration groups even when no document changed. They
  // are also rebuilt when the previous run did not finish (killed after
  // its documents were committed, before the groups were).
  bool rebuild_groups = false;
  // False: leave the corroboration groups to a later pass over the whole
  // corpus (a distributed ingest runs many IngestCorpus at once, then one
  // with rebuild_groups and no paths). The run is then recorded as not
  // finished, so that a later ingest rebuilds the groups should that pass
  // never come.
  bool corroborate = true;
  // Ingest only shard shard_index (0-based) of shard_count of the inputs,
  // so that separate calls share them out: of a JSON Lines file, the lines
  // that start in that share of its bytes; of other files, every
  // shard_count-th record (each shard reads the whole container). Every
  // record and every problem of the reading belongs to one shard; the file
  // counts to shard 0.
  int shard_index = 0;
  int shard_count = 1;
  // Shared by the extraction threads; null: DefaultExtractor().
  const Extractor* extractor = nullptr;
  // Called from the ingesting thread, at most every progress_interval_ms and
  // once at the end.
  std::function<void(const IngestProgress&)> on_progress;
  int progress_interval_ms = 200;
  std::function<void(const IngestProblem&)> on_problem;
};

struct IngestSummary {
  uint64_t files = 0;
  uint64_t ignored_files = 0;     // in folders, not a known type
  uint64_t records = 0;           // documents read
  uint64_t bytes = 0;             // of their text
  uint64_t added = 0;             // new documents
  uint64_t new_versions = 0;      // changed documents at a known URL or key
  uint64_t unchanged = 0;         // already stored: skipped
  uint64_t near_duplicates = 0;   // of the added ones, linked to an earlier document
  uint64_t claims = 0;            // written
  uint64_t problems = 0;          // records not stored
  uint64_t warnings = 0;          // records stored with a warning
  uint64_t skipped_records = 0;   // not documents: Telegram service messages, posts without text
  uint64_t groups = 0;            // claim groups after corroboration
  double seconds = 0;
};

// Reads `paths` (files and folders) into the database at options.db_path,
// creating it when needed. Idempotent: a document already stored (same key,
// same bytes) is skipped; a changed one becomes a new version. Commits one
// transaction per batch, so an interrupted run leaves whole documents and a
// rerun completes it. Problems with single records go to on_problem and are
// stored in ingest_problems; the Status is an error only when nothing can go
// on (no such path, database unusable).
Result<IngestSummary> IngestCorpus(const std::vector<std::string>& paths, const IngestOptions& options);

struct QueryFilter {
  std::string status;      // one ClaimStatus name
  std::string speaker;     // substring, case-insensitive
  std::string place;       // a place name or mention, case-insensitive
  std::optional<double> near_lat, near_lon, near_km;
  // Claims with a place inside west,south,east,north (degrees; the web map's
  // view). west > east crosses the antimeridian.
  std::optional<std::array<double, 4>> bbox;
  std::string since, until;  // YYYY-MM-DD: the claim's date (or its document's) overlaps
  std::string text;        // full-text query (SQLite FTS5 syntax)
  std::string event_type;  // ACLED event type
  int64_t document_id = 0; // 0: any
  bool events_only = false;
  bool all_versions = false;  // include claims of superseded document versions
  int limit = 100;
  int offset = 0;
};

// "LAT,LON,KM" and "WEST,SOUTH,EAST,NORTH" into the filter; empty text sets
// nothing. The message names the expected form.
// A --db value fit for messages and logs: a postgresql:// URI without its
// password; a file path as given.
std::string DisplayDatabaseName(const std::string& db);

Status ParseNear(const std::string& text, QueryFilter* f);
Status ParseBbox(const std::string& text, QueryFilter* f);

// Checks the filter (dates, status, coordinates, limits); the message says
// which field is wrong and why.
Status ValidateFilter(const QueryFilter& filter);

struct ClaimRecord {
  int64_t id = 0;
  int64_t document_id = 0;
  std::string text;
  uint32_t begin = 0, end = 0;  // bytes of the document's raw text
  std::string kind, status, speaker, speaker_role, speaker_side, speaker_country, cue, status_cue;
  std::optional<std::string> date_from, date_to;
  int time_precision = 0;
  std::optional<std::string> event_type;
  std::string sub_event_type, actor1, actor2;
  std::optional<double> event_confidence;  // the event model's 0..1 (Event::confidence); none before schema 7
  std::string place, place_country, place_admin1, place_kind;  // the event's place, else the claim's first
  std::optional<double> lat, lon;
  int geo_precision = 0;         // of the place; at least 3 when the event's place is only its dateline
  std::string place_basis;       // Event::place_basis of the claim's event ('' when none)
  std::string outlet, url, title;
  std::optional<std::string> published;
  int64_t group_id = 0;         // 0: in no group
  int corroboration = 1;        // independent sources for this event
  std::string group_status;     // strongest status in the group ('' when none)
  std::string contradiction;
  std::string map_check;         // verdict of `sitrep verify` ('' when not checked): area first, else place
  std::string map_check_detail;  // its one-sentence explanation
  std::optional<double> fatalities;  // a count of people killed the claim states
  std::vector<std::string> quantities;  // "nearly 400 square miles"
  std::vector<std::string> quantity_units;  // each quantity's unit ("sq mi", "people")
  int64_t ingested_at = 0;  // when its document was stored, seconds since 1970-01-01 UTC
};

struct DocumentRecord {
  int64_t id = 0;
  std::string doc_key, url, title, outlet, language, format, origin, sha256;
  std::optional<std::string> published;
  int version = 1;
  bool is_latest = true;
  int64_t cluster_id = 0;
  std::vector<std::pair<int64_t, double>> near_duplicates;  // (document, similarity)
  std::vector<std::string> warnings;
  std::string forwarded_from, reply_to;  // as in DocumentMeta
  std::string raw;
  std::vector<ClaimRecord> claims;
};

struct DatabaseStats {
  int64_t documents = 0, latest_documents = 0, outlets = 0, claims = 0, events = 0, places = 0, groups = 0,
          corroborated_groups = 0, contradictions = 0, problems = 0, clusters_with_duplicates = 0;
  std::optional<std::string> first_date, last_date;
};

class Database {
 public:
  // Opens an existing database read-only; NotFound when there is none, and
  // an error when the file is not a sitrep database or is newer than this
  // build understands.
  static Result<Database> Open(const std::string& path);
  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  Result<std::vector<ClaimRecord>> Claims(const QueryFilter& filter);
  // The same, one claim at a time (for exports of any size); fn returns
  // false to stop.
  Status ForEachClaim(const QueryFilter& filter, const std::function<bool(ClaimRecord&&)>& fn);
  Result<DocumentRecord> Document(int64_t id);
  Result<DatabaseStats> Stats();
  // The path or connection string it was opened with.
  const std::string& path() const;

  // Events per day and type for the filter (limit and offset ignored):
  // the day is the event's own date, else its report's.
  struct DayCount {
    std::string date, event_type;
    int64_t count = 0;
  };
  Result<std::vector<DayCount>> Timeline(const QueryFilter& filter);

  // Events with coordinates, compact, newest first (for a map of thousands).
  struct EventPoint {
    int64_t id = 0, document_id = 0;
    double lat = 0, lon = 0;
    std::string place, place_kind, date, event_type, sub_event_type, status, map_check;
    int corroboration = 1;
    std::optional<double> confidence;  // the event model's (none before schema version 7)
  };
  Result<std::vector<EventPoint>> EventPoints(const QueryFilter& filter);

 private:
  struct Impl;
  explicit Database(std::unique_ptr<Impl> impl);
  // The store's other readers (control layers) query the same connection.
  friend sql::Connection& ConnectionOf(Database& db);
  std::unique_ptr<Impl> impl_;
};

enum class ExportFormat { kAcledCsv, kGeoJson, kJsonLines, kGeoPackage, kFlatGeobuf, kShapefile };

// "acled-csv", "geojson", "jsonl", "gpkg", "fgb", "shp"; nullopt for another name.
std::optional<ExportFormat> ParseExportFormat(std::string_view name);
// GeoPackage, FlatGeobuf and Shapefile: written through GDAL to a file.
bool IsGisFormat(ExportFormat format);

struct ExportSummary {
  uint64_t written = 0;
  uint64_t without_coordinates = 0;  // GeoJSON and GIS formats: events left out for want of a point
  // Events whose own date starts after their report's publication ("by
  // 2030": a plan or a forecast), left out of every event export; JSON
  // Lines keeps them, flagged date_after_publication.
  uint64_t after_publication = 0;
  uint64_t not_acled = 0;  // ACLED CSV: events of a type ACLED does not code (Displacement), left out
};

// Writes the events (or, for JSON Lines, the claims) the filter selects
// (limit and offset apply; a limit of 0 or less means all). ACLED CSV is
// ACLED's 31 columns in ACLED's order and meaning, then sitrep's
// (docs/acled.md); GeoJSON and the GIS formats carry the same columns,
// typed, for events with a point, in WGS84 (EPSG:4326). JSON Lines carries
// every claim. A GIS format written to a stream is one file: GeoPackage,
// FlatGeobuf, or a zipped Shapefile (.shp.zip). Country names are ACLED's
// (data/acled/acled_countries.tsv); a code that table lacks is named as
// `names`'s gazetteer names it, else by the code.
Result<ExportSummary> ExportClaims(Database& db, QueryFilter filter, ExportFormat format, std::ostream& out,
                                   const Extractor* names = nullptr);

// The same for a GIS format, into a file: PATH.gpkg, PATH.fgb, PATH.shp
// (with its .shx, .dbf, .prj and .cpg beside it) or PATH.shp.zip. An
// existing file is replaced.
Result<ExportSummary> ExportClaimsToFile(Database& db, QueryFilter filter, ExportFormat format,
                                         const std::string& path, const Extractor* names = nullptr);

// One claim as JSON: ToJson(const ClaimRecord&) in sitrep/json.h.

// One CSV field (RFC 4180): quoted when it holds a comma, quote or line
// break, quotes doubled. A text that a spreadsheet would run as a formula
// (starting with = + - @, a tab or a carriage return, and not a number
// such as -12.5) is prefixed with ' (an outlet named =HYPERLINK(...)).
std::string CsvField(std::string_view field);

// The columns of the ACLED CSV, in order: ACLED's 31, then sitrep's.
const std::vector<std::string>& AcledCsvColumns();

}  // namespace sitrep

#endif  // SITREP_STORE_H_
