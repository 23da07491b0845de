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

}  // namespace sitrep::sql
