// The SQLite backend of the store's driver (store/sql.h).
#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <system_error>

#include "sitrep/extraction.h"
#include "store/sql.h"

namespace sitrep {

namespace data {
extern const std::string_view kData_schema;
}

namespace sql {

namespace {

struct ConnectionCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

class SqliteStatement final : public StatementBackend {
 public:
  SqliteStatement(sqlite3_stmt* s, sqlite3* db) : stmt_(s), db_(db) {}
  void BindInt(int i, int64_t v) override { sqlite3_bind_int64(stmt_.get(), i, v); }
  void BindDouble(int i, double v) override { sqlite3_bind_double(stmt_.get(), i, v); }
  void BindText(int i, std::string_view v) override {
    sqlite3_bind_text(stmt_.get(), i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void BindBlob(int i, std::string_view v) override {
    sqlite3_bind_blob(stmt_.get(), i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void BindNull(int i) override { sqlite3_bind_null(stmt_.get(), i); }
  bool Step(Status* status) override {
    int rc = sqlite3_step(stmt_.get());
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) *status = Status::IoError(std::string("database: ") + sqlite3_errmsg(db_));
    return false;
  }
  void Rewind() override { sqlite3_reset(stmt_.get()); }
  void ClearBindings() override { sqlite3_clear_bindings(stmt_.get()); }
  int64_t Int(int col) const override { return sqlite3_column_int64(stmt_.get(), col); }
  double Double(int col) const override { return sqlite3_column_double(stmt_.get(), col); }
  bool IsNull(int col) const override { return sqlite3_column_type(stmt_.get(), col) == SQLITE_NULL; }
  std::string Text(int col) const override {
    const unsigned char* p = sqlite3_column_text(stmt_.get(), col);
    return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_.get(), col)) : std::string();
  }
  std::string_view Blob(int col) const override {
    const void* p = sqlite3_column_blob(stmt_.get(), col);
    return p ? std::string_view(static_cast<const char*>(p), sqlite3_column_bytes(stmt_.get(), col))
             : std::string_view();
  }

 private:
  std::unique_ptr<sqlite3_stmt, StatementFinalizer> stmt_;
  sqlite3* db_ = nullptr;
};

class SqliteConnection final : public ConnectionBackend {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  Backend backend() const override { return Backend::kSqlite; }

  Status Exec(const std::string& sql) override {
    char* err = nullptr;
    if (sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string m = err ? err : sqlite3_errmsg(db_.get());
      sqlite3_free(err);
      return Status::IoError("database: " + m);
    }
    return Status::Ok();
  }

  Result<std::unique_ptr<StatementBackend>> Prepare(std::string_view sql) override {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &s,
                           nullptr) != SQLITE_OK) {
      return Status::Internal(std::string("database: cannot prepare statement: ") + sqlite3_errmsg(db_.get()));
    }
    return std::unique_ptr<StatementBackend>(std::make_unique<SqliteStatement>(s, db_.get()));
  }

  // SQLite has rolled back already after some errors (a full disk).
  bool InTransaction() const override { return !sqlite3_get_autocommit(db_.get()); }
  Status Begin(bool lock) override { return Exec(lock ? "BEGIN IMMEDIATE" : "BEGIN"); }
  std::string_view Schema() const override { return data::kData_schema; }

  Result<int> SchemaVersion() override {
    Result<std::unique_ptr<StatementBackend>> s = Prepare("PRAGMA user_version");
    if (!s.ok()) return s.status();
    Status st;
    int v = (*s)->Step(&st) ? static_cast<int>((*s)->Int(0)) : 0;
    if (!st.ok()) return st;
    return v;
  }
  std::string SetSchemaVersionSql(int version) const override {
    return "PRAGMA user_version = " + std::to_string(version) + ";";
  }
  Result<bool> IsEmpty() override { return Count("SELECT count(*) FROM sqlite_master", "") == 0; }
  Result<bool> HasTable(const std::string& name) override {
    return Count("SELECT count(*) FROM sqlite_master WHERE name = ?", name) > 0;
  }

  // WAL with synchronous=NORMAL: a committed batch survives a crash of the
  // process (kill -9); a power cut may lose the last batches, never corrupt.
  // A large page cache and rarer checkpoints: most of ingest's time went to
  // re-reading and re-writing pages (measured with perf).
  // The checkpoint comes every 32 MiB of WAL whatever the page size (4 KiB
  // before schema version 9, 16 KiB in a database made since).
  Status PrepareForWriting() override {
    const int64_t page = std::max<int64_t>(Count("PRAGMA page_size", ""), 512);
    return Exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF; "
                "PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = " +
                std::to_string((int64_t{32} << 20) / page) +
                "; PRAGMA journal_size_limit = " + std::to_string(kWalKeptBytes) + ";");
  }
  // The WAL is written from its start again only when no reader is still
  // reading frames in it. With readers always present (a server polled
  // while ingest runs) it grew without end: 2.0 GB for a 40 MB corpus and a
  // 322 MB database (scripts/wal-readers). Past kWalBoundBytes, a RESTART
  // checkpoint copies every frame into the database and waits (the busy
  // timeout) until the readers of older snapshots are done, as new readers
  // then read the database file only; the next commit writes the WAL from
  // its start, cut back to kWalKeptBytes. A reader that holds its snapshot
  // past the busy timeout makes it fail: tried again when the WAL has doubled,
  // so the writer is not held up at every batch.
  void AfterCommit() override {
    const uintmax_t size = WalBytes();
    if (size < next_restart_bytes_) return;
    const int rc = sqlite3_wal_checkpoint_v2(db_.get(), nullptr, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
    next_restart_bytes_ = rc == SQLITE_OK ? kWalBoundBytes : 2 * size;
  }
  // The end of a large write: every frame into the database and the WAL
  // truncated, waiting (the busy timeout) for the readers of older snapshots.
  // Called with no statement of this connection still reading: a pending
  // one made it fail at once (SQLITE_LOCKED) and left the WAL whole.
  void AfterLargeWrite() override {
    (void)sqlite3_wal_checkpoint_v2(db_.get(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
  }

  std::string FullTextMembers(const std::string& table) const override {
    return "SELECT rowid FROM " + table + " WHERE " + table + " MATCH ?";
  }
  Result<std::string> FullTextParameter(const std::string& query) const override { return query; }

  // Before version 8 a place row held its location. Since, the box's
  // resolutions are a subquery, so that the plan starts from the R*Tree (as
  // a join the planner scanned claim_places: 384 instead of 15 ms).
  BoxQuery ClaimsInBox(double west, double south, double east, double north, int version) const override {
    const std::string box = std::string("r.min_lat <= ? AND r.max_lat >= ? AND ") +
                            (west <= east ? "r.max_lon >= ? AND r.min_lon <= ?" : "(r.max_lon >= ? OR r.min_lon <= ?)");
    if (version < 8) {
      return {"SELECT cp.claim_id FROM locations_rtree r JOIN places pp ON pp.location_id = r.id"
              " JOIN claim_places cp ON cp.place_id = pp.id WHERE " + box,
              {north, south, west, east}};
    }
    return {"SELECT cp.claim_id FROM places pp JOIN claim_places cp ON cp.place_id = pp.id WHERE pp.resolved_id IN"
            " (SELECT rp.id FROM locations_rtree r JOIN resolved_places rp ON rp.location_id = r.id WHERE " + box + ")",
            {north, south, west, east}};
  }
  // 5,000: driving "drone*" (a large set) sorted hundreds of thousands of
  // rows (600 ms on 1.4 million claims); "+c.id" keeps SQLite from driving
  // with a large set.
  std::string ClaimsAtPlace(int version) const override {
    if (version < 8) {
      return "SELECT cp.claim_id FROM places pp JOIN claim_places cp ON cp.place_id = pp.id"
             " WHERE pp.name = ? COLLATE NOCASE OR pp.mention = ? COLLATE NOCASE";
    }
    return "SELECT cp.claim_id FROM places pp JOIN claim_places cp ON cp.place_id = pp.id"
           " WHERE pp.resolved_id IN (SELECT id FROM resolved_places WHERE name = ? COLLATE NOCASE"
           " OR mention = ? COLLATE NOCASE)";
  }
  int LargeClaimSet(ClaimSet) const override { return 5000; }
  std::string ClaimAmong(const std::string& members, SetSize size) const override {
    return std::string(size == SetSize::kLarge ? "+c.id IN (" : "c.id IN (") + members + ")";
  }
  // claim_text() is registered on every connection (OpenSqlite).
  std::string ClaimText() const override { return "claim_text(c.text, c.document_id, c.begin_byte, c.end_byte)"; }
  std::string LikeIgnoringCase() const override { return "LIKE"; }
  std::string EpochOf(const std::string& expr) const override {
    return "CAST(strftime('%s', " + expr + ") AS INTEGER)";
  }
  std::optional<std::string> LocationIndexInsert() const override {
    return "INSERT INTO locations_rtree(id, min_lat, max_lat, min_lon, max_lon) VALUES (?, ?, ?, ?, ?)";
  }

 private:
  int64_t Count(const char* sql, const std::string& arg) {
    Result<std::unique_ptr<StatementBackend>> s = Prepare(sql);
    if (!s.ok()) return -1;
    if (!arg.empty()) (*s)->BindText(1, arg);
    Status st;
    return (*s)->Step(&st) ? (*s)->Int(0) : -1;
  }

  // The size of the database's WAL file; 0 when there is none.
  uintmax_t WalBytes() const {
    const char* path = sqlite3_db_filename(db_.get(), "main");
    if (path == nullptr || *path == '\0') return 0;
    std::error_code ec;
    const uintmax_t n = std::filesystem::file_size(std::string(path) + "-wal", ec);
    return ec ? 0 : n;
  }

  static constexpr uintmax_t kWalBoundBytes = 64u << 20;
  static constexpr uintmax_t kWalKeptBytes = 16u << 20;
  std::unique_ptr<sqlite3, ConnectionCloser> db_;
  uintmax_t next_restart_bytes_ = kWalBoundBytes;
};

// claim_text(text, document_id, begin_byte, end_byte): the claim's text,
// else (schema version 6: '' stored) the bytes [begin, end) of its
// document's raw text, read through the incremental BLOB API, which reads
// the pages of the span only, not the whole document (a book-length one
// would be copied once per claim).
void ClaimTextFunction(sqlite3_context* ctx, int, sqlite3_value** argv) {
  const unsigned char* text = sqlite3_value_text(argv[0]);
  const int text_bytes = sqlite3_value_bytes(argv[0]);
  if (text != nullptr && text_bytes > 0) {
    sqlite3_result_text(ctx, reinterpret_cast<const char*>(text), text_bytes, SQLITE_TRANSIENT);
    return;
  }
  const sqlite3_int64 doc = sqlite3_value_int64(argv[1]);
  const sqlite3_int64 begin = sqlite3_value_int64(argv[2]);
  const sqlite3_int64 end = sqlite3_value_int64(argv[3]);
  sqlite3_blob* blob = nullptr;
  if (sqlite3_blob_open(sqlite3_context_db_handle(ctx), "main", "documents", "raw", doc, 0, &blob) != SQLITE_OK) {
    sqlite3_blob_close(blob);
    sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);  // no such document: nothing to show
    return;
  }
  const sqlite3_int64 size = sqlite3_blob_bytes(blob);
  const sqlite3_int64 b = std::clamp<sqlite3_int64>(begin, 0, size);
  const sqlite3_int64 e = std::clamp<sqlite3_int64>(end, b, size);
  std::string span(static_cast<size_t>(e - b), '\0');
  const int rc = span.empty()
                     ? SQLITE_OK
                     : sqlite3_blob_read(blob, span.data(), static_cast<int>(span.size()), static_cast<int>(b));
  sqlite3_blob_close(blob);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  sqlite3_result_text(ctx, span.data(), static_cast<int>(span.size()), SQLITE_TRANSIENT);
}

// sitrep_date(days): a date stored as days since 1970-01-01 (schema version
// 9), as YYYY-MM-DD; NULL for NULL.
void DateFunction(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  const std::string date = CivilDate::FromDays(sqlite3_value_int64(argv[0])).ToString();
  sqlite3_result_text(ctx, date.data(), static_cast<int>(date.size()), SQLITE_TRANSIENT);
}

}  // namespace

Result<std::unique_ptr<ConnectionBackend>> OpenSqlite(const std::string& path, Connection::Mode mode) {
  sqlite3* raw = nullptr;
  int flags = mode == Connection::Mode::kReadOnly    ? SQLITE_OPEN_READONLY
              : mode == Connection::Mode::kReadWrite ? SQLITE_OPEN_READWRITE
                                                     : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  auto c = std::make_unique<SqliteConnection>(raw);
  if (rc != SQLITE_OK) {
    std::string why = raw ? sqlite3_errmsg(raw) : "out of memory";
    if (mode != Connection::Mode::kCreate && rc == SQLITE_CANTOPEN) {
      return Status::NotFound("no database at " + path + " (run 'sitrep ingest' first, or give --db FILE)");
    }
    return Status::IoError("cannot open database " + path + ": " + why);
  }
  // A writer waits its turn longer than a reader: shard writers of one
  // store (sitrep.dask, several `ingest` processes) queue behind batches
  // that take seconds on a loaded machine (10 s failed python.dask_sqlite
  // with "database is locked" under load).
  sqlite3_busy_timeout(raw, mode == Connection::Mode::kReadOnly ? 10000 : 60000);
  // A new database gets 16 KiB pages (a no-op on one that has pages): a
  // document row of about a kilobyte left a quarter of each 4 KiB page empty
  // (3.9 of 30.4 MB of documents on a 20 MB corpus; 1.0 MB with 16 KiB).
  if (mode == Connection::Mode::kCreate) {
    sqlite3_exec(raw, "PRAGMA page_size = 16384", nullptr, nullptr, nullptr);
  }
  sqlite3_extended_result_codes(raw, 1);
  if (sqlite3_create_function_v2(raw, "claim_text", 4, SQLITE_UTF8, nullptr, ClaimTextFunction, nullptr, nullptr,
                                 nullptr) != SQLITE_OK) {
    return Status::Internal(std::string("database: cannot register claim_text: ") + sqlite3_errmsg(raw));
  }
  if (sqlite3_create_function_v2(raw, "sitrep_date", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, DateFunction,
                                 nullptr, nullptr, nullptr) != SQLITE_OK) {
    return Status::Internal(std::string("database: cannot register sitrep_date: ") + sqlite3_errmsg(raw));
  }
  return std::unique_ptr<ConnectionBackend>(std::move(c));
}

}  // namespace sql
}  // namespace sitrep
