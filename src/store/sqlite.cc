#include "store/sqlite.h"

namespace sitrep::sql {

bool Statement::Step(Status* status) {
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) *status = Status::IoError(std::string("database: ") + sqlite3_errmsg(db_));
  return false;
}

Status Statement::Run() {
  Status s;
  while (Step(&s)) {
  }
  sqlite3_reset(stmt_.get());
  return s;
}

Result<Connection> Connection::Open(const std::string& path, Mode mode) {
  sqlite3* raw = nullptr;
  int flags = mode == Mode::kReadOnly ? SQLITE_OPEN_READONLY
              : mode == Mode::kReadWrite ? SQLITE_OPEN_READWRITE
                                         : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
  Connection c;
  c.db_.reset(raw);
  if (rc != SQLITE_OK) {
    std::string why = raw ? sqlite3_errmsg(raw) : "out of memory";
    if (mode != Mode::kCreate && rc == SQLITE_CANTOPEN) {
      return Status::NotFound("no database at " + path + " (run 'sitrep ingest' first, or give --db FILE)");
    }
    return Status::IoError("cannot open database " + path + ": " + why);
  }
  sqlite3_busy_timeout(raw, 10000);
  sqlite3_extended_result_codes(raw, 1);
  return c;
}

Status Connection::Exec(const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string m = err ? err : Error();
    sqlite3_free(err);
    return Status::IoError("database: " + m);
  }
  return Status::Ok();
}

Result<Statement> Connection::Prepare(std::string_view sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &s,
                         nullptr) != SQLITE_OK) {
    return Status::Internal("database: cannot prepare statement: " + Error());
  }
  return Statement(s, db_.get());
}

Result<Transaction> Transaction::Begin(Connection* db, Kind kind) {
  if (Status s = db->Exec(kind == Kind::kImmediate ? "BEGIN IMMEDIATE" : "BEGIN"); !s.ok()) return s;
  return Transaction(db);
}

Status Transaction::Commit() {
  if (db_ == nullptr) return Status::Internal("database: commit of a transaction that is over");
  if (Status s = db_->Exec("COMMIT"); !s.ok()) return s;
  db_ = nullptr;
  return Status::Ok();
}

void Transaction::Rollback() {
  if (db_ == nullptr) return;
  // SQLite has rolled back already after some errors (a full disk).
  if (!sqlite3_get_autocommit(db_->get())) (void)db_->Exec("ROLLBACK");
  db_ = nullptr;
}

Result<Savepoint> Savepoint::Begin(Connection* db) {
  if (Status s = db->Exec("SAVEPOINT sitrep_savepoint"); !s.ok()) return s;
  return Savepoint(db);
}

Status Savepoint::Release() {
  if (db_ == nullptr) return Status::Internal("database: release of a savepoint that is over");
  if (Status s = db_->Exec("RELEASE sitrep_savepoint"); !s.ok()) return s;
  db_ = nullptr;
  return Status::Ok();
}

void Savepoint::Rollback() {
  if (db_ == nullptr) return;
  if (!sqlite3_get_autocommit(db_->get())) (void)db_->Exec("ROLLBACK TO sitrep_savepoint; RELEASE sitrep_savepoint");
  db_ = nullptr;
}

}  // namespace sitrep::sql
