// The backend-independent part of the store's driver (store/sql.h).
#include "store/sql.h"

#include <cctype>

namespace sitrep::sql {

bool IsServerUri(std::string_view db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

std::string Redact(std::string_view db) {
  if (!IsServerUri(db)) return std::string(db);
  std::string out(db);
  // userinfo: scheme://user:password@host
  size_t start = out.find("://") + 3;
  size_t end = out.find_first_of("/?#", start);
  if (end == std::string::npos) end = out.size();
  size_t at = out.rfind('@', end);
  if (at != std::string::npos && at >= start) {
    size_t colon = out.find(':', start);
    if (colon != std::string::npos && colon < at) {
      out.replace(colon, at - colon, "");
      end -= at - colon;
    }
  }
  // password=... among the parameters
  size_t q = out.find('?');
  if (q != std::string::npos) {
    std::string query = out.substr(q + 1), kept;
    out.resize(q);
    size_t from = 0;
    while (from <= query.size()) {
      size_t amp = query.find('&', from);
      if (amp == std::string::npos) amp = query.size();
      std::string part = query.substr(from, amp - from);
      if (!part.empty() && part.rfind("password=", 0) != 0) kept += (kept.empty() ? "" : "&") + part;
      from = amp + 1;
    }
    if (!kept.empty()) out += "?" + kept;
  }
  return out;
}

std::string RewritePlaceholders(std::string_view sql, int* count) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 0, max = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'' || c == '"') {  // a literal or quoted identifier; doubled quotes escape
      size_t j = i + 1;
      while (j < sql.size()) {
        if (sql[j] == c) {
          if (j + 1 < sql.size() && sql[j + 1] == c) {
            j += 2;
            continue;
          }
          break;
        }
        ++j;
      }
      out.append(sql.substr(i, j + 1 - i));
      i = j;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      size_t j = sql.find('\n', i);
      if (j == std::string_view::npos) j = sql.size() - 1;
      out.append(sql.substr(i, j + 1 - i));
      i = j;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      size_t j = sql.find("*/", i + 2);
      j = j == std::string_view::npos ? sql.size() - 1 : j + 1;
      out.append(sql.substr(i, j + 1 - i));
      i = j;
    } else if (c == '?') {
      size_t j = i + 1;
      int n = 0;
      while (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j]))) n = n * 10 + (sql[j++] - '0');
      if (j == i + 1) n = ++next;  // "?" is one more than the largest before it, as in SQLite
      if (n > next) next = n;
      if (n > max) max = n;
      out += '$' + std::to_string(n);
      i = j - 1;
    } else {
      out += c;
    }
  }
  *count = max;
  return out;
}

Result<std::string> Fts5ToTsquery(std::string_view q) {
  // Tokens: words (with a trailing * for a prefix), phrases, operators and
  // parentheses; adjacent operands are joined with AND, as in FTS5.
  std::string out;
  bool operand_before = false;  // the last token ends an operand
  int depth = 0;
  auto quote = [](std::string_view w) {
    std::string s = "'";
    for (char c : w) {
      if (c == '\'') s += "''";
      else if (c == '\\') s += "\\\\";
      else s += c;
    }
    return s + "'";
  };
  auto bad = [&](const std::string& why) {
    return Status::InvalidArgument("full-text query: " + why);
  };
  auto operand = [&](const std::string& text) {
    if (operand_before) out += " & ";
    out += text;
    operand_before = true;
  };
  size_t i = 0;
  while (i < q.size()) {
    unsigned char c = static_cast<unsigned char>(q[i]);
    if (std::isspace(c)) {
      ++i;
    } else if (c == '(') {
      if (operand_before) out += " & ";
      out += '(';
      operand_before = false;
      ++depth, ++i;
    } else if (c == ')') {
      if (!operand_before || depth == 0) return bad("unbalanced or empty parentheses");
      out += ')';
      --depth, ++i;
    } else if (c == '"') {
      size_t end = q.find('"', i + 1);
      if (end == std::string_view::npos) return bad("unterminated phrase");
      std::string phrase;
      size_t k = i + 1;
      while (k < end) {
        while (k < end && std::isspace(static_cast<unsigned char>(q[k]))) ++k;
        size_t w = k;
        while (k < end && !std::isspace(static_cast<unsigned char>(q[k]))) ++k;
        if (k > w) phrase += (phrase.empty() ? "" : " <-> ") + quote(q.substr(w, k - w));
      }
      if (phrase.empty()) return bad("empty phrase");
      operand("(" + phrase + ")");
      i = end + 1;
    } else {
      size_t w = i;
      while (i < q.size() && !std::isspace(static_cast<unsigned char>(q[i])) && q[i] != '(' && q[i] != ')' &&
             q[i] != '"') {
        ++i;
      }
      std::string_view word = q.substr(w, i - w);
      if (word == "AND" || word == "OR" || word == "NOT") {
        if (!operand_before) return bad(std::string(word) + " without a word before it");
        out += word == "AND" ? " & " : word == "OR" ? " | " : " & !";
        operand_before = false;
        continue;
      }
      bool prefix = word.size() > 1 && word.back() == '*';
      if (prefix) word.remove_suffix(1);
      operand(quote(word) + (prefix ? ":*" : ""));
    }
  }
  if (!operand_before || depth != 0) return bad(out.empty() ? "no words" : "incomplete");
  return out;
}

Status Statement::Run() {
  Status s;
  while (Step(&s)) {
  }
  b_->Rewind();
  return s;
}

Result<std::optional<int64_t>> Statement::RunReturningId() {
  Status s;
  std::optional<int64_t> id;
  if (Step(&s)) id = Int(0);
  while (s.ok() && Step(&s)) {
  }
  b_->Rewind();
  if (!s.ok()) return s;
  return id;
}

Result<Connection> Connection::Open(const std::string& db, Mode mode) {
  Result<std::unique_ptr<ConnectionBackend>> b = IsServerUri(db) ? OpenPostgres(db, mode) : OpenSqlite(db, mode);
  if (!b.ok()) return b.status();
  return Connection(std::move(b).value());
}

Result<Statement> Connection::Prepare(std::string_view sql) {
  Result<std::unique_ptr<StatementBackend>> s = b_->Prepare(sql);
  if (!s.ok()) return s.status();
  return Statement(std::move(s).value());
}

Result<Transaction> Transaction::Begin(Connection* db, Kind kind) {
  if (Status s = db->dialect().Begin(kind == Kind::kImmediate); !s.ok()) return s;
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
  if (db_->dialect().InTransaction()) (void)db_->Exec("ROLLBACK");
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
  if (db_->dialect().InTransaction()) (void)db_->Exec("ROLLBACK TO sitrep_savepoint; RELEASE sitrep_savepoint");
  db_ = nullptr;
}

}  // namespace sitrep::sql
