// Shared by the store's translation units: opening the database, writing one
// processed document, rebuilding the claim groups.
#ifndef SITREP_STORE_STORE_INTERNAL_H_
#define SITREP_STORE_STORE_INTERNAL_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "sitrep/store.h"
#include "store/sql.h"
#include "verify/minhash.h"

namespace sitrep {

// Creates the database when missing (schema.sql, user_version), refuses one
// of a newer version, and turns on WAL.
Result<sql::Connection> OpenForWriting(const std::string& path);
// Read-only; checks it is a sitrep database this build can read.
Result<sql::Connection> OpenForReading(const std::string& path);
// The connection of an open Database, for the store's readers.
sql::Connection& ConnectionOf(Database& db);

// A claim's text in a column list (claims aliased c), as SQLite writes it;
// WithClaimText puts the connection's ClaimText() in its place.
inline constexpr char kClaimTextSql[] = "claim_text(c.text, c.document_id, c.begin_byte, c.end_byte)";
std::string WithClaimText(const sql::Connection& db, std::string sql);

// One document after the pipeline, ready for the writer.
struct ProcessedDocument {
  std::string origin;
  std::string key;                 // url, else the reader's fallback key
  std::vector<std::string> links;
  std::vector<std::string> warnings;  // the reader's and the loader's
  Document doc;
  Extraction extraction;
  MinHashSignature signature;
  std::string failure;             // non-empty: LoadDocument or Extract refused it
};

enum class WriteOutcome { kAdded, kNewVersion, kUnchanged };

// Rows of one table waiting to be inserted: Flush() writes them with
// multi-row INSERT statements (INSERT INTO t(...) VALUES (...), (...) ...,
// which both SQLite and PostgreSQL take), a few statements for a whole batch
// instead of one per row.
class RowBuffer {
 public:
  using Value = std::variant<std::monostate, int64_t, double, std::string>;
  RowBuffer() = default;
  // `insert` is "INSERT INTO t(a, b, c)" naming `columns` columns; `tail`
  // follows the VALUES (" ON CONFLICT DO NOTHING", or empty).
  RowBuffer(std::string insert, int columns, std::string tail)
      : insert_(std::move(insert)), tail_(std::move(tail)), columns_(columns) {}
  // Appends one row: exactly `columns` values, in order.
  void Add(std::vector<Value> row);
  size_t rows() const { return values_.size() / static_cast<size_t>(columns_); }
  // Inserts the rows and empties the buffer (also when it fails).
  Status Flush(sql::Connection* db);
  void Clear() { values_.clear(); }

 private:
  Result<sql::Statement> Prepared(sql::Connection* db, size_t rows);

  std::string insert_, tail_;
  int columns_ = 1;
  std::vector<Value> values_;
  sql::Statement full_;  // the statement for a chunk of the largest size (fixed by the columns)
  // The statements for 1, 2, 4, ... rows, prepared when first needed: a
  // flush's last, shorter chunk is written as its binary decomposition, so
  // that no flush parses a statement of hundreds of rows again.
  std::vector<sql::Statement> by_power_;
};

class DocumentWriter {
 public:
  static Result<DocumentWriter> Create(sql::Connection* db);
  // Writes inside the caller's transaction. *near_duplicate is set when the
  // document joined the cluster of an earlier one. What later documents of
  // the batch look up (the document, its MinHash bands, locations) is
  // written at once; what nothing reads before the commit (mentions, claims,
  // links, full-text rows) is buffered, with row ids given by the writer,
  // until Flush().
  Result<WriteOutcome> Write(const ProcessedDocument& p, bool* near_duplicate);
  // Inserts the buffered rows; called before the commit (and before a
  // savepoint is released, so that a refused row is its document's).
  Status Flush();
  // True when (key, sha256) is stored as the latest version.
  Result<bool> Unchanged(const std::string& key, const std::string& sha256);

  // The caller tells whether the transaction it wrote in was committed or
  // rolled back, so that cached row ids never outlive their rows.
  void Committed();
  void RolledBack();

 private:
  using MinHashBands = std::array<int64_t, kMinHashBands>;
  // The latest stored version under the document's key.
  struct StoredVersion {
    bool unchanged = false;  // same key, same bytes
    int64_t previous = 0;    // documents.id of the version this one replaces; 0: none
    int version = 1;         // this one's version number
  };
  // The stored document this one copies or nearly copies; document 0: none.
  struct NearDuplicate {
    int64_t document = 0, cluster = 0;
    double similarity = 0;
  };
  // Extraction ids -> row ids of the mentions of one document.
  struct MentionRows {
    std::unordered_map<int, int64_t> person, place, quantity;
  };

  // The phases of Write(), in order.
  Result<StoredVersion> FindVersion(const ProcessedDocument& p);
  Result<int64_t> OutletId(const std::string& outlet);
  Result<NearDuplicate> FindNearDuplicate(const ProcessedDocument& p, const MinHashBands& bands);
  // The new documents.id; nullopt when another writer stored this version first.
  Result<std::optional<int64_t>> InsertDocument(const ProcessedDocument& p, int version, int64_t outlet_id,
                                                int64_t cluster);
  // Cluster or near-duplicate link, retirement of the previous version, MinHash signature and bands.
  Status LinkDocument(const ProcessedDocument& p, int64_t doc_id, int64_t previous, const NearDuplicate& similar,
                      const MinHashBands& bands, bool* near_duplicate);
  Result<MentionRows> BufferMentions(const ProcessedDocument& p, int64_t doc_id);
  Status BufferClaims(const ProcessedDocument& p, int64_t doc_id, const MentionRows& rows);
  // Buffers a (claim, row) pair for each id of `ids` that has a row, once each.
  static void LinkClaim(int64_t claim_id, const std::vector<int>& ids, const std::unordered_map<int, int64_t>& rows,
                        RowBuffer* buffer);

  Result<int64_t> LocationOf(const Place& place);
  // The resolved_places row of what a place mention says (its text,
  // resolution, point, confidence, metonym), found or added.
  Result<int64_t> ResolvedOf(const Place& place, std::optional<int64_t> location);
  // A row id of a table of names (claim_statuses, event_types), found or
  // added: the statements that select and insert one name, and the ids known.
  struct NameIds {
    sql::Statement select, insert;
    std::unordered_map<std::string, int64_t> known, fresh;  // committed, and added in this transaction
  };
  Result<int64_t> IdOf(NameIds* table, const std::string& name);
  // The claim_forms row of what a claim says besides its text, status,
  // event type and dates (ClaimForm in writer.cc), found or added.
  // The quantity_forms row of what a quantity says (text, value, unit, SI
  // value and unit, bound), found or added.
  Result<int64_t> QuantityFormOf(const Quantity& q);
  Result<int64_t> FormOf(const std::vector<std::string>& texts, const std::array<int64_t, 2>& numbers);
  // The next free ids of the tables whose ids the writer gives, read under
  // the write lock at the first write of a transaction (or after a rollback).
  Status LoadNextIds();

  sql::Connection* db_ = nullptr;
  bool has_location_index_ = false;  // rtree_insert_ is prepared
  // gazetteer id -> locations.id: committed, and created in this transaction
  std::unordered_map<std::string, int64_t> locations_, new_locations_;
  // a resolution's key (ResolvedKey in writer.cc) -> resolved_places.id, the same way
  std::unordered_map<std::string, int64_t> resolved_, new_resolved_;
  // a claim form's key (its fields joined) -> claim_forms.id, the same way
  std::unordered_map<std::string, int64_t> forms_, new_forms_, quantity_forms_, new_quantity_forms_;
  NameIds statuses_, event_types_;
  sql::Statement location_select_, location_insert_, resolved_select_, resolved_insert_, form_select_, form_insert_,
      quantity_form_select_, quantity_form_insert_,
      latest_, outlet_insert_,
      outlet_select_, same_bytes_, band_lookup_, doc_insert_, set_cluster_, retire_doc_, retire_claims_,
      minhash_insert_, band_insert_, near_insert_, rtree_insert_, next_ids_;
  bool ids_loaded_ = false;
  int64_t next_person_ = 0, next_place_ = 0, next_quantity_ = 0, next_claim_ = 0;
  RowBuffer links_, people_, places_, quantities_, claims_, claims_fts_, claim_places_,
      claim_quantities_, claim_people_;
};

// The time now, UTC, as SQLite's datetime('now') writes it: the run and
// import times are given by sitrep, not by the database, so that both
// databases store the same text.
std::string SqlNow();

// Recomputes the near-duplicate clusters (documents.cluster_id,
// near_duplicates) from every stored signature, then claim_groups and
// claims.group_id from the latest versions; neither depends on the order the
// rows were written in (src/store/corroborate.cc).
Result<uint64_t> RebuildClaimGroups(sql::Connection* db);

// "people killed" counts: the value of a people-like quantity in a claim that
// says someone was killed; nullopt otherwise.
std::optional<double> FatalitiesOf(const std::string& claim_text,
                                   const std::vector<std::pair<std::string, double>>& quantities);

}  // namespace sitrep

#endif  // SITREP_STORE_STORE_INTERNAL_H_
