// A thin RAII layer over the SQLite C API: a connection, prepared statements
// with typed binds and reads, and errors as Status. Not thread-safe: one
// connection per thread.
#ifndef SITREP_STORE_SQLITE_H_
#define SITREP_STORE_SQLITE_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "sitrep/status.h"

namespace sitrep::sql {

struct ConnectionCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3_stmt* s, sqlite3* db) : stmt_(s), db_(db) {}

  // Binds are 1-based, as in SQLite.
  Statement& Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_.get(), i, v); return *this; }
  Statement& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Statement& Bind(int i, double v) { sqlite3_bind_double(stmt_.get(), i, v); return *this; }
  Statement& Bind(int i, std::string_view v) {
    sqlite3_bind_text(stmt_.get(), i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& Bind(int i, const char* v) { return Bind(i, std::string_view(v)); }
  Statement& Bind(int i, const std::string& v) { return Bind(i, std::string_view(v)); }
  Statement& BindBlob(int i, std::string_view v) {
    sqlite3_bind_blob(stmt_.get(), i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& BindNull(int i) { sqlite3_bind_null(stmt_.get(), i); return *this; }
  Statement& BindOptional(int i, const std::optional<std::string>& v) { return v ? Bind(i, *v) : BindNull(i); }
  Statement& BindOptional(int i, const std::optional<double>& v) { return v ? Bind(i, *v) : BindNull(i); }

  // Steps once: true when a row is available, false when done; errors go
  // to *status (left unchanged on success).
  bool Step(Status* status);
  // Runs to completion (for statements without rows).
  Status Run();
  void Reset() {
    sqlite3_reset(stmt_.get());
    sqlite3_clear_bindings(stmt_.get());
  }

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_.get(), col); }
  double Double(int col) const { return sqlite3_column_double(stmt_.get(), col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_.get(), col) == SQLITE_NULL; }
  std::string Text(int col) const {
    const unsigned char* p = sqlite3_column_text(stmt_.get(), col);
    return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_.get(), col)) : std::string();
  }
  std::string_view Blob(int col) const {
    const void* p = sqlite3_column_blob(stmt_.get(), col);
    return p ? std::string_view(static_cast<const char*>(p), sqlite3_column_bytes(stmt_.get(), col)) : std::string_view();
  }
  std::optional<std::string> OptionalText(int col) const {
    return IsNull(col) ? std::nullopt : std::optional<std::string>(Text(col));
  }

 private:
  std::unique_ptr<sqlite3_stmt, StatementFinalizer> stmt_;
  sqlite3* db_ = nullptr;
};

class Connection {
 public:
  enum class Mode { kReadOnly, kReadWrite, kCreate };
  static Result<Connection> Open(const std::string& path, Mode mode);

  Status Exec(const std::string& sql);
  Result<Statement> Prepare(std::string_view sql);
  int64_t LastInsertId() const { return sqlite3_last_insert_rowid(db_.get()); }
  sqlite3* get() const { return db_.get(); }
  std::string Error() const { return sqlite3_errmsg(db_.get()); }

 private:
  std::unique_ptr<sqlite3, ConnectionCloser> db_;
};

// A transaction on a connection (not owned; it outlives the guard): Begin()
// starts it, Commit() makes it durable, and one that goes out of scope
// uncommitted (an early return on an error) is rolled back.
class Transaction {
 public:
  enum class Kind { kDeferred, kImmediate };  // BEGIN, or BEGIN IMMEDIATE (takes the write lock now)
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

#endif  // SITREP_STORE_SQLITE_H_
