// Shared by the store's translation units: opening the database, writing one
// processed document, rebuilding the claim groups.
#ifndef SITREP_STORE_STORE_INTERNAL_H_
#define SITREP_STORE_STORE_INTERNAL_H_

#include <string>
#include <unordered_map>
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

class DocumentWriter {
 public:
  static Result<DocumentWriter> Create(sql::Connection* db);
  // Writes inside the caller's transaction. *near_duplicate is set when the
  // document joined the cluster of an earlier one.
  Result<WriteOutcome> Write(const ProcessedDocument& p, bool* near_duplicate);
  // True when (key, sha256) is stored as the latest version.
  Result<bool> Unchanged(const std::string& key, const std::string& sha256);

  // The caller tells whether the transaction it wrote in was committed or
  // rolled back, so that cached row ids never outlive their rows.
  void Committed();
  void RolledBack() { new_locations_.clear(); }

 private:
  Result<int64_t> LocationOf(const Place& place);

  sql::Connection* db_ = nullptr;
  bool has_location_index_ = false;  // rtree_insert_ is prepared
  // gazetteer id -> locations.id: committed, and created in this transaction
  std::unordered_map<std::string, int64_t> locations_, new_locations_;
  sql::Statement location_select_, location_insert_, latest_, outlet_insert_, outlet_select_, same_bytes_, band_lookup_,
      doc_insert_, set_cluster_, retire_doc_, retire_claims_, minhash_insert_, band_insert_, near_insert_, link_insert_,
      doc_fts_, person_insert_, place_insert_, rtree_insert_, quantity_insert_, claim_insert_, claim_fts_, claim_place_,
      claim_quantity_, claim_person_;
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
