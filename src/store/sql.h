// The store's database driver: one interface (Connection, Statement,
// Transaction, Savepoint) over two backends, SQLite (a file) and PostgreSQL
// with PostGIS (a libpq URI). The store's logic and SQL are written once; what
// truly differs between the two (schema DDL, schema version, full-text and
// bounding-box predicates, epoch of a timestamp, the write lock) is asked of
// the connection, never tested for in the store. Not thread-safe: one
// connection per thread.
#ifndef SITREP_STORE_SQL_H_
#define SITREP_STORE_SQL_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/status.h"

namespace sitrep::sql {

enum class Backend { kSqlite, kPostgres };

// True for a `--db` value naming a PostgreSQL server (postgresql:// or
// postgres://), false for a SQLite file.
bool IsServerUri(std::string_view db);
// The --db value fit for messages and logs: a server URI without its
// password (userinfo or password= parameter); a file path as it is.
std::string Redact(std::string_view db);
// Rewrites ? and ?N placeholders to PostgreSQL's $n, leaving string literals,
// quoted identifiers and comments alone. *count is the number of parameters.
std::string RewritePlaceholders(std::string_view sql, int* count);
// An FTS5 query (words, "a phrase", AND, OR, NOT, prefix*, parentheses) as a
// PostgreSQL tsquery; InvalidArgument when it is malformed.
Result<std::string> Fts5ToTsquery(std::string_view query);

// One backend's prepared statement.
class StatementBackend {
 public:
  virtual ~StatementBackend() = default;
  virtual void BindInt(int i, int64_t v) = 0;
  virtual void BindDouble(int i, double v) = 0;
  virtual void BindText(int i, std::string_view v) = 0;
  virtual void BindBlob(int i, std::string_view v) = 0;
  virtual void BindNull(int i) = 0;
  virtual bool Step(Status* status) = 0;
  virtual void Rewind() = 0;         // back to the start, bindings kept
  virtual void ClearBindings() = 0;
  virtual int64_t Int(int col) const = 0;
  virtual double Double(int col) const = 0;
  virtual bool IsNull(int col) const = 0;
  virtual std::string Text(int col) const = 0;
  virtual std::string_view Blob(int col) const = 0;
};

class Statement {
 public:
  Statement() = default;
  explicit Statement(std::unique_ptr<StatementBackend> b) : b_(std::move(b)) {}

  // Binds are 1-based, as in SQLite.
  Statement& Bind(int i, int64_t v) { b_->BindInt(i, v); return *this; }
  Statement& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Statement& Bind(int i, double v) { b_->BindDouble(i, v); return *this; }
  Statement& Bind(int i, std::string_view v) { b_->BindText(i, v); return *this; }
  Statement& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Statement& BindBlob(int i, std::string_view v) { b_->BindBlob(i, v); return *this; }
  Statement& BindNull(int i) { b_->BindNull(i); return *this; }
  Statement& BindOptional(int i, const std::optional<std::string>& v) { return v ? Bind(i, *v) : BindNull(i); }
  Statement& BindOptional(int i, const std::optional<double>& v) { return v ? Bind(i, *v) : BindNull(i); }

  // Steps once: true when a row is available, false when done; errors go
  // to *status (left unchanged on success).
  bool Step(Status* status) { return b_->Step(status); }
  // Runs to completion (for statements without rows).
  Status Run();
  // Runs an INSERT ... RETURNING id: the id, or nullopt when no row was
  // inserted (ON CONFLICT DO NOTHING met an existing row).
  Result<std::optional<int64_t>> RunReturningId();
  void Reset() {
    b_->Rewind();
    b_->ClearBindings();
  }

  int64_t Int(int col) const { return b_->Int(col); }
  double Double(int col) const { return b_->Double(col); }
  bool IsNull(int col) const { return b_->IsNull(col); }
  std::string Text(int col) const { return b_->Text(col); }
  std::string_view Blob(int col) const { return b_->Blob(col); }
  std::optional<std::string> OptionalText(int col) const {
    return IsNull(col) ? std::nullopt : std::optional<std::string>(Text(col));
  }
  // False for a default-constructed (never prepared) statement.
  bool valid() const { return b_ != nullptr; }

 private:
  std::unique_ptr<StatementBackend> b_;
};

// SQL that selects rows of a spatial index in a box, and its parameters in
// the order they are bound.
struct BoxQuery {
  std::string sql;
  std::vector<double> params;
};

// Sets of claims a query filters on, and how large one was found to be.
enum class ClaimSet { kPlace, kText, kBox };
enum class SetSize { kUncounted, kSmall, kLarge };

// One backend's connection, and what differs between the backends.
class ConnectionBackend {
 public:
  virtual ~ConnectionBackend() = default;
  virtual Backend backend() const = 0;
  virtual Status Exec(const std::string& sql) = 0;
  virtual Result<std::unique_ptr<StatementBackend>> Prepare(std::string_view sql) = 0;
  virtual bool InTransaction() const = 0;
  // BEGIN, taking the database's write lock when `lock` (BEGIN IMMEDIATE;
  // BEGIN and a transaction-scoped advisory lock).
  virtual Status Begin(bool lock) = 0;
  // The schema's DDL (with "-- version N:" migration markers).
  virtual std::string_view Schema() const = 0;
  // 0 when the database has no sitrep schema version.
  virtual Result<int> SchemaVersion() = 0;
  virtual std::string SetSchemaVersionSql(int version) const = 0;
  // No tables at all (a new database: sitrep may create its schema).
  virtual Result<bool> IsEmpty() = 0;
  virtual Result<bool> HasTable(const std::string& name) = 0;
  // Session settings for a writer (pragmas); after each committed batch
  // (keep the journal bounded while readers come and go); after a large
  // write (checkpoint), with none of this connection's statements pending.
  virtual Status PrepareForWriting() = 0;
  virtual void AfterCommit() = 0;
  virtual void AfterLargeWrite() = 0;
  // SELECT rowid of `table`'s full-text index matching one parameter, the
  // parameter as this backend takes it, and the syntax for messages.
  virtual std::string FullTextMembers(const std::string& table) const = 0;
  virtual Result<std::string> FullTextParameter(const std::string& query) const = 0;
  // SELECT of the ids of claims with a place whose resolved name (first
  // parameter) or mention (second) is the same text, ignoring case, in a
  // database of schema `version` (read before its upgrade).
  virtual std::string ClaimsAtPlace(int version) const = 0;
  // SELECT of the ids of claims with a located place in the box (west >
  // east crosses the antimeridian).
  virtual BoxQuery ClaimsInBox(double west, double south, double east, double north, int version) const = 0;
  // A set of claims (a SELECT of claim ids: a place's, a full-text
  // query's, a box's) is counted up to LargeClaimSet(kind) claims before a
  // filtered query (0: not counted). ClaimAmong(members, size) is the
  // condition "c.id is one of them": a large set is tested on each claim met
  // on the walk down the newest-first index; a small one is the claims the
  // query starts from, fetched and sorted; an uncounted one is left to the
  // planner.
  virtual int LargeClaimSet(ClaimSet kind) const = 0;
  virtual std::string ClaimAmong(const std::string& members, SetSize size) const = 0;
  // The text of claim c: claims.text, else (schema version 6 stores ''
  // when the text is its document's bytes at its span) that span of
  // documents.raw.
  virtual std::string ClaimText() const = 0;
  // LIKE ignoring case.
  virtual std::string LikeIgnoringCase() const = 0;
  // Seconds since 1970 of an ISO 8601 UTC text column, as an integer.
  virtual std::string EpochOf(const std::string& expr) const = 0;
  // The statement that indexes a new location (id, min_lat, max_lat, min_lon,
  // max_lon), or nullopt when the location table indexes itself.
  virtual std::optional<std::string> LocationIndexInsert() const = 0;
};

class Connection {
 public:
  enum class Mode { kReadOnly, kReadWrite, kCreate };
  // A file path opens SQLite; a postgresql:// URI opens PostgreSQL.
  static Result<Connection> Open(const std::string& db, Mode mode);

  Connection() = default;
  explicit Connection(std::unique_ptr<ConnectionBackend> b) : b_(std::move(b)) {}

  Status Exec(const std::string& sql) { return b_->Exec(sql); }
  Result<Statement> Prepare(std::string_view sql);
  ConnectionBackend& dialect() { return *b_; }
  const ConnectionBackend& dialect() const { return *b_; }
  Backend backend() const { return b_->backend(); }

 private:
  std::unique_ptr<ConnectionBackend> b_;
};

Result<std::unique_ptr<ConnectionBackend>> OpenSqlite(const std::string& path, Connection::Mode mode);
Result<std::unique_ptr<ConnectionBackend>> OpenPostgres(const std::string& uri, Connection::Mode mode);

// A transaction on a connection (not owned; it outlives the guard): Begin()
// starts it, Commit() makes it durable, and one that goes out of scope
// uncommitted (an early return on an error) is rolled back.
class Transaction {
 public:
  // BEGIN, or one that takes the write lock now (BEGIN IMMEDIATE in SQLite,
  // an advisory lock in PostgreSQL: writers are serialized).
  enum class Kind { kDeferred, kImmediate };
  static Result<Transaction> Begin(Connection* db, Kind kind = Kind::kImmediate);
  Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction() { Rollback(); }
  // On failure the transaction stays open, and is rolled back with the guard.
  Status Commit();
  // Rolls back now (a no-op once committed or rolled back).
  void Rollback();

 private:
  explicit Transaction(Connection* db) : db_(db) {}
  Connection* db_;  // null once committed or rolled back
};

// A SELECT list whose columns are read by name instead of by position: the
// name and the SQL expression of each column are written side by side, the
// list is built from them, and `columns["name"]` is the column's index,
// found while compiling (a name not in the list does not compile).
//
//   constexpr sql::NamedColumns kPlace({{"name", "p.name"}, {"lat", "p.lat"}});
//   "SELECT " + kPlace.List() + " FROM places p" ... row.Double(kPlace["lat"])
struct Column {
  std::string_view name;        // as the reader asks for it
  std::string_view expression;  // as the SELECT list holds it
};

template <size_t N>
class NamedColumns {
 public:
  consteval explicit NamedColumns(const Column (&columns)[N]) {
    for (size_t i = 0; i < N; ++i) columns_[i] = columns[i];
    for (size_t i = 0; i < N; ++i) {
      for (size_t j = 0; j < i; ++j) {
        if (columns_[i].name == columns_[j].name) throw "sql::NamedColumns: a column name given twice";
      }
    }
  }
  consteval int operator[](std::string_view name) const {
    for (size_t i = 0; i < N; ++i) {
      if (columns_[i].name == name) return static_cast<int>(i);
    }
    throw "sql::NamedColumns: no column of that name";
  }
  static constexpr int size() { return static_cast<int>(N); }
  // "expression, expression, ..." in the order given.
  std::string List() const {
    std::string out;
    for (size_t i = 0; i < N; ++i) {
      if (i > 0) out += ", ";
      out += columns_[i].expression;
    }
    return out;
  }

 private:
  Column columns_[N] = {};
};

// A savepoint inside a transaction, the same way: Release() keeps its work,
// and one that goes out of scope unreleased undoes its work only.
class Savepoint {
 public:
  static Result<Savepoint> Begin(Connection* db);
  Savepoint(Savepoint&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}
  Savepoint& operator=(Savepoint&&) = delete;
  ~Savepoint() { Rollback(); }
  Status Release();
  void Rollback();

 private:
  explicit Savepoint(Connection* db) : db_(db) {}
  Connection* db_;
};

}  // namespace sitrep::sql

#endif  // SITREP_STORE_SQL_H_
