// The PostgreSQL backend of the store's driver (store/sql.h), over libpq:
// statements are prepared on the server (? placeholders rewritten to $n),
// parameters go as text (bytea in binary), results come back as text and are
// parsed by the typed reads. A statement's rows are fetched whole at its
// first Step, so that another statement may run on the connection while
// they are read (the claim query reads each claim's quantities).
#include <libpq-fe.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include "store/sql.h"

namespace sitrep {

namespace data {
extern const std::string_view kData_schema_postgres;
}

namespace sql {

namespace {

// The key of the advisory lock every writing transaction takes: writers
// (ingest batches, group rebuilds, control import, verify) are serialized
// as SQLite's BEGIN IMMEDIATE serializes them; reading and extracting are not.
constexpr const char* kWriteLockKey = "7305729365112";  // "sitrep" on a phone keypad, and a 1

constexpr Oid kByteaOid = 17;
constexpr Oid kBoolOid = 16;

// Shared by the connection and its statements: as SQLite's close_v2 waits
// for the last statement, the libpq connection is finished after the last
// statement that needs it (to deallocate itself) is gone.
struct Conn {
  PGconn* pg = nullptr;
  uint64_t next_statement = 0;
  ~Conn() {
    if (pg != nullptr) PQfinish(pg);
  }
};

std::string ErrorOf(PGconn* pg) {
  std::string m = PQerrorMessage(pg);
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return m;
}

std::string ErrorOf(PGresult* r, PGconn* pg) {
  const char* m = r != nullptr ? PQresultErrorMessage(r) : nullptr;
  std::string s = (m != nullptr && *m != '\0') ? m : ErrorOf(pg);
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

struct ResultFree {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultFree>;

class PostgresStatement final : public StatementBackend {
 public:
  PostgresStatement(std::shared_ptr<Conn> conn, std::string name, int params)
      : conn_(std::move(conn)), name_(std::move(name)), values_(params), formats_(params, 0) {}
  ~PostgresStatement() override {
    result_.reset();
    // Not transactional: a statement freed in an aborted transaction still goes.
    ResultPtr r(PQexec(conn_->pg, ("DEALLOCATE " + name_).c_str()));
  }

  void BindInt(int i, int64_t v) override { Set(i, std::to_string(v), 0); }
  void BindDouble(int i, double v) override {
    char buf[32];
    if (std::isnan(v)) {
      std::snprintf(buf, sizeof buf, "NaN");
    } else if (std::isinf(v)) {
      std::snprintf(buf, sizeof buf, v > 0 ? "Infinity" : "-Infinity");
    } else {
      std::snprintf(buf, sizeof buf, "%.17g", v);
    }
    Set(i, buf, 0);
  }
  void BindText(int i, std::string_view v) override { Set(i, std::string(v), 0); }
  void BindBlob(int i, std::string_view v) override { Set(i, std::string(v), 1); }
  void BindNull(int i) override {
    if (i < 1 || i > static_cast<int>(values_.size())) return;
    values_[i - 1].reset();
  }

  bool Step(Status* status) override {
    if (!result_) {
      std::vector<const char*> values(values_.size());
      std::vector<int> lengths(values_.size());
      for (size_t i = 0; i < values_.size(); ++i) {
        values[i] = values_[i] ? values_[i]->data() : nullptr;
        lengths[i] = values_[i] ? static_cast<int>(values_[i]->size()) : 0;
      }
      result_.reset(PQexecPrepared(conn_->pg, name_.c_str(), static_cast<int>(values_.size()), values.data(),
                                   lengths.data(), formats_.data(), 0));
      ExecStatusType st = result_ ? PQresultStatus(result_.get()) : PGRES_FATAL_ERROR;
      if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
        *status = Status::IoError("database: " + ErrorOf(result_.get(), conn_->pg));
        rows_ = 0;
        row_ = 0;
        return false;
      }
      rows_ = PQntuples(result_.get());
      row_ = 0;
    } else {
      ++row_;
    }
    blobs_.clear();
    return row_ < rows_;
  }
  void Rewind() override {
    result_.reset();
    blobs_.clear();
  }
  void ClearBindings() override {
    for (auto& v : values_) v.reset();
    std::fill(formats_.begin(), formats_.end(), 0);
  }

  int64_t Int(int col) const override {
    const char* v = Value(col);
    if (v == nullptr) return 0;
    if (PQftype(result_.get(), col) == kBoolOid) return *v == 't' ? 1 : 0;
    if (std::strpbrk(v, ".eE") != nullptr) return static_cast<int64_t>(std::strtod(v, nullptr));
    return std::strtoll(v, nullptr, 10);
  }
  double Double(int col) const override {
    const char* v = Value(col);
    return v == nullptr ? 0.0 : std::strtod(v, nullptr);
  }
  bool IsNull(int col) const override {
    return !result_ || row_ >= rows_ || PQgetisnull(result_.get(), row_, col);
  }
  std::string Text(int col) const override {
    const char* v = Value(col);
    if (v == nullptr) return std::string();
    if (PQftype(result_.get(), col) == kByteaOid) return std::string(Blob(col));
    if (PQftype(result_.get(), col) == kBoolOid) return *v == 't' ? "1" : "0";
    return std::string(v, PQgetlength(result_.get(), row_, col));
  }
  std::string_view Blob(int col) const override {
    const char* v = Value(col);
    if (v == nullptr) return std::string_view();
    if (PQftype(result_.get(), col) != kByteaOid) return std::string_view(v, PQgetlength(result_.get(), row_, col));
    auto it = blobs_.find(col);
    if (it == blobs_.end()) {
      size_t n = 0;
      unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(v), &n);
      std::string bytes = raw != nullptr ? std::string(reinterpret_cast<const char*>(raw), n) : std::string();
      PQfreemem(raw);
      it = blobs_.emplace(col, std::move(bytes)).first;
    }
    return it->second;
  }

 private:
  void Set(int i, std::string v, int format) {
    if (i < 1 || i > static_cast<int>(values_.size())) return;  // as SQLite: out of range is ignored
    values_[i - 1] = std::move(v);
    formats_[i - 1] = format;
  }
  const char* Value(int col) const {
    if (IsNull(col)) return nullptr;
    return PQgetvalue(result_.get(), row_, col);
  }

  std::shared_ptr<Conn> conn_;
  std::string name_;
  std::vector<std::optional<std::string>> values_;
  std::vector<int> formats_;
  ResultPtr result_;
  int rows_ = 0, row_ = 0;
  mutable std::unordered_map<int, std::string> blobs_;  // bytea columns of this row, decoded
};

class PostgresConnection final : public ConnectionBackend {
 public:
  explicit PostgresConnection(std::shared_ptr<Conn> c) : c_(std::move(c)) {}
  Backend backend() const override { return Backend::kPostgres; }

  Status Exec(const std::string& sql) override {
    ResultPtr r(PQexec(c_->pg, sql.c_str()));
    ExecStatusType st = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
      return Status::IoError("database: " + ErrorOf(r.get(), c_->pg));
    return Status::Ok();
  }

  Result<std::unique_ptr<StatementBackend>> Prepare(std::string_view sql) override {
    int params = 0;
    std::string text = RewritePlaceholders(sql, &params);
    std::string name = "sitrep_" + std::to_string(++c_->next_statement);
    ResultPtr r(PQprepare(c_->pg, name.c_str(), text.c_str(), params, nullptr));
    if (!r || PQresultStatus(r.get()) != PGRES_COMMAND_OK) {
      return Status::Internal("database: cannot prepare statement: " + ErrorOf(r.get(), c_->pg));
    }
    return std::unique_ptr<StatementBackend>(std::make_unique<PostgresStatement>(c_, name, params));
  }

  bool InTransaction() const override { return PQtransactionStatus(c_->pg) != PQTRANS_IDLE; }
  Status Begin(bool lock) override {
    if (!lock) return Exec("BEGIN");
    return Exec(std::string("BEGIN; SELECT pg_advisory_xact_lock(") + kWriteLockKey + ")");
  }
  std::string_view Schema() const override { return data::kData_schema_postgres; }

  Result<int> SchemaVersion() override {
    Result<int64_t> exists = Scalar("SELECT to_regclass('sitrep_schema') IS NOT NULL");
    if (!exists.ok()) return exists.status();
    if (*exists == 0) return 0;
    Result<int64_t> v = Scalar("SELECT COALESCE(MAX(version), 0) FROM sitrep_schema");
    if (!v.ok()) return v.status();
    return static_cast<int>(*v);
  }
  std::string SetSchemaVersionSql(int version) const override {
    return "DELETE FROM sitrep_schema; INSERT INTO sitrep_schema(version) VALUES (" + std::to_string(version) + ");";
  }
  // PostGIS's own table (spatial_ref_sys) does not count.
  Result<bool> IsEmpty() override {
    Result<int64_t> n = Scalar(
        "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename != 'spatial_ref_sys'");
    if (!n.ok()) return n.status();
    return *n == 0;
  }
  Result<bool> HasTable(const std::string& name) override {
    std::string quoted;
    for (char ch : name) {
      if (ch == '\'') return false;
      quoted += ch;
    }
    Result<int64_t> n = Scalar("SELECT to_regclass('" + quoted + "') IS NOT NULL");
    if (!n.ok()) return n.status();
    return *n != 0;
  }
  // Durability is the server's (fsync, WAL); nothing to set per session.
  Status PrepareForWriting() override { return Status::Ok(); }
  void AfterCommit() override {}
  void AfterLargeWrite() override { (void)Exec("ANALYZE"); }

  std::string FullTextMembers(const std::string& table) const override {
    return "SELECT rowid FROM " + table + " WHERE tsv @@ to_tsquery('simple', ?)";
  }
  Result<std::string> FullTextParameter(const std::string& query) const override { return Fts5ToTsquery(query); }

  BoxQuery ClaimsInBox(double west, double south, double east, double north, int) const override {
    std::string head = "SELECT cl.claim_id FROM locations l JOIN claim_locations cl ON cl.location_id = l.id WHERE ";
    if (west <= east) return {head + "l.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)", {west, south, east, north}};
    return {head + "(l.geom && ST_MakeEnvelope(?, ?, 180, ?, 4326) OR l.geom && ST_MakeEnvelope(-180, ?, ?, ?, 4326))",
            {west, south, north, south, east, north}};
  }
  // From the table of claims by lower-case place name (schema version 5).
  std::string ClaimsAtPlace(int) const override {
    return "SELECT claim_id FROM claim_place_names WHERE name IN (lower(?), lower(?))";
  }
  // A place's or a box's claims are counted (a range of claim_place_names
  // or claim_locations): up to 20,000 they are fetched by id and sorted (the
  // ARRAY is computed once; as a plain IN the planner walks the date index
  // and probes each claim: 28,211 claims probed for 100 of Kharkiv's 5,447,
  // its statistics assuming Kharkiv's claims spread evenly over the dates).
  // A full-text set is not counted (counting 20,000 claims of "drone*" read
  // the table for 65 ms): the planner's statistics of the words choose.
  int LargeClaimSet(ClaimSet kind) const override { return kind == ClaimSet::kText ? 0 : 20000; }
  std::string ClaimAmong(const std::string& members, SetSize size) const override {
    if (size == SetSize::kSmall) return "c.id = ANY(ARRAY(" + members + "))";
    return "c.id IN (" + members + ")";
  }
  // Inline rather than a server function, so that a database of version 5
  // (every text stored) reads before its upgrade. The bytes of the span:
  // begin_byte and end_byte count bytes, substring() of text characters.
  std::string ClaimText() const override {
    return "CASE WHEN c.text <> '' THEN c.text ELSE (SELECT convert_from(substring(convert_to(sd.raw, 'UTF8') "
           "FROM (c.begin_byte + 1)::int FOR (c.end_byte - c.begin_byte)::int), 'UTF8') FROM documents sd "
           "WHERE sd.id = c.document_id) END";
  }
  std::string LikeIgnoringCase() const override { return "ILIKE"; }
  std::string EpochOf(const std::string& expr) const override {
    return "CAST(EXTRACT(EPOCH FROM CAST(" + expr + " AS timestamptz)) AS BIGINT)";
  }
  std::optional<std::string> LocationIndexInsert() const override { return std::nullopt; }

 private:
  Result<int64_t> Scalar(const std::string& sql) {
    ResultPtr r(PQexec(c_->pg, sql.c_str()));
    if (!r || PQresultStatus(r.get()) != PGRES_TUPLES_OK)
      return Status::IoError("database: " + ErrorOf(r.get(), c_->pg));
    if (PQntuples(r.get()) == 0 || PQgetisnull(r.get(), 0, 0)) return 0;
    const char* v = PQgetvalue(r.get(), 0, 0);
    if (*v == 't') return 1;
    if (*v == 'f') return 0;
    return std::strtoll(v, nullptr, 10);
  }

  std::shared_ptr<Conn> c_;
};

}  // namespace

Result<std::unique_ptr<ConnectionBackend>> OpenPostgres(const std::string& uri, Connection::Mode mode) {
  auto c = std::make_shared<Conn>();
  c->pg = PQconnectdb(uri.c_str());
  if (c->pg == nullptr) return Status::IoError("cannot connect to " + Redact(uri) + ": out of memory");
  if (PQstatus(c->pg) != CONNECTION_OK) {
    return Status::IoError("cannot connect to " + Redact(uri) + ": " + ErrorOf(c->pg));
  }
  // NOTICEs (an existing extension, say) are not the user's business.
  PQsetNoticeProcessor(c->pg, [](void*, const char*) {}, nullptr);
  auto conn = std::make_unique<PostgresConnection>(c);
  std::string setup = "SET client_min_messages = warning; SET client_encoding = 'UTF8'";
  if (mode == Connection::Mode::kReadOnly) setup += "; SET default_transaction_read_only = on";
  if (Status s = conn->Exec(setup); !s.ok()) return s;
  return std::unique_ptr<ConnectionBackend>(std::move(conn));
}

}  // namespace sql
}  // namespace sitrep
