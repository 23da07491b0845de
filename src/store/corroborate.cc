// Rebuilds the near-duplicate clusters and the claim groups: loads what
// verify/corroboration needs of each event claim, groups, writes back.
//
// Neither may depend on the order documents were written in (one reader, or
// many parallel writers): the clusters are connected components, which no
// order changes, and claims are grouped -- greedily, a newcomer against one
// representative per group -- in an order given by the stored content (a
// document's SHA-256, key and version, a claim's span and text), never by
// row ids. One corpus ingested in any order gets the same clusters and
// groups, and the groups are numbered by their first claim in that order.
#include <algorithm>
#include <iterator>
#include <optional>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "store/store_internal.h"
#include "verify/corroboration.h"

namespace sitrep {

namespace {

// A claim without a date of its own is taken to be about the few days
// before its report was published.
constexpr int kUndatedWindowDays = 3;

// What orders documents: their content, then their identity.
struct DocumentKey {
  std::string sha256, doc_key;
  int64_t version = 0;
  bool operator<(const DocumentKey& o) const {
    return std::tie(sha256, doc_key, version) < std::tie(o.sha256, o.doc_key, o.version);
  }
};

// Documents of one MinHash band that are in one near-duplicate component
// (indexes into the pass's documents, in DocumentKey order).
struct Component {
  size_t root = 0;
  std::vector<size_t> members;
};

// The components of one band's list whose members have been joined since
// (their roots now equal) become one, members kept in DocumentKey order;
// every root is brought up to date.
template <typename Find>
void MergeJoinedComponents(std::vector<Component>* components, const Find& find) {
  for (Component& c : *components) c.root = find(c.root);
  if (components->size() < 2) return;
  std::sort(components->begin(), components->end(),
            [](const Component& a, const Component& b) { return a.root < b.root; });
  size_t out = 0;
  for (size_t k = 0; k < components->size(); ++k) {
    Component& c = (*components)[k];
    if (out > 0 && (*components)[out - 1].root == c.root) {
      std::vector<size_t>& into = (*components)[out - 1].members;
      std::vector<size_t> merged;
      merged.reserve(into.size() + c.members.size());
      std::merge(into.begin(), into.end(), c.members.begin(), c.members.end(), std::back_inserter(merged));
      into = std::move(merged);
    } else {
      if (out != k) (*components)[out] = std::move(c);
      ++out;
    }
  }
  components->resize(out);
}

// Near-duplicate clusters of every stored document: the connected
// components of "same bytes under another key, or an estimated similarity of
// kNearDuplicateSimilarity or more between two documents sharing a MinHash
// band" (documents of one key are not compared with each other). Components
// do not depend on any order; the writer's clusters, greedy in the order of
// writing (DocumentWriter::Write), are only a first guess that this pass
// replaces. Writes documents.cluster_id (the id of the cluster's first
// document in DocumentKey order) and near_duplicates (each document's most
// similar earlier document among those compared, in DocumentKey order) where
// they differ from what is stored.
struct StoredDocument {
  DocumentKey key;
  int64_t id = 0, stored_cluster = 0;
  bool has_signature = false;
  MinHashSignature signature{};
};

// Every stored document with its MinHash signature, in DocumentKey order.
Result<std::vector<StoredDocument>> LoadDocuments(sql::Connection* db) {
  static constexpr sql::NamedColumns k({
      {"id", "d.id"},
      {"sha256", "d.sha256"},
      {"doc_key", "d.doc_key"},
      {"version", "d.version"},
      {"cluster_id", "d.cluster_id"},
      {"signature", "m.signature"},
  });
  Result<sql::Statement> st =
      db->Prepare("SELECT " + k.List() + " FROM documents d LEFT JOIN minhash m ON m.document_id = d.id");
  if (!st.ok()) return st.status();
  std::vector<StoredDocument> docs;
  Status s;
  while (st->Step(&s)) {
    StoredDocument d;
    d.id = st->Int(k["id"]);
    d.key = {st->Text(k["sha256"]), st->Text(k["doc_key"]), st->Int(k["version"])};
    d.stored_cluster = st->Int(k["cluster_id"]);
    d.has_signature = !st->IsNull(k["signature"]) && ParseMinHash(st->Blob(k["signature"]), &d.signature);
    docs.push_back(std::move(d));
  }
  if (!s.ok()) return s;
  std::sort(docs.begin(), docs.end(), [](const StoredDocument& a, const StoredDocument& b) { return a.key < b.key; });
  return docs;
}

// A document's most similar earlier document (an index into the pass's
// documents).
struct NearLink {
  size_t to = 0;
  double similarity = 0;
};

struct Clusters {
  std::vector<size_t> cluster;                // per document: its cluster's first document
  std::vector<std::optional<NearLink>> link;  // per document
};

Clusters ClusterDocuments(const std::vector<StoredDocument>& docs) {
  // Union-find whose root is the member first in DocumentKey order.
  std::vector<size_t> parent(docs.size());
  for (size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::vector<std::optional<NearLink>> link(docs.size());
  std::unordered_map<std::string_view, size_t> first_with_bytes;
  // Band key -> the earlier documents in that band, by component (members
  // in DocumentKey order). A document skips whole components it already
  // belongs to, and in another component stops at the first match: the
  // same matches as comparing it with every earlier document, without
  // walking thousands of copies of one story at every band (a 200 MB
  // generated corpus: 94 s, 62% of it in this loop, before; see
  // docs/database.md).
  std::unordered_map<int64_t, std::vector<Component>> indexed;
  for (size_t i = 0; i < docs.size(); ++i) {
    const StoredDocument& d = docs[i];
    auto join = [&](size_t j, double sim) {
      size_t a = find(i), b = find(j);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
      // The most similar match; between equals, the first in DocumentKey order.
      if (!link[i] || sim > link[i]->similarity || (sim == link[i]->similarity && j < link[i]->to)) {
        link[i] = NearLink{j, sim};
      }
    };
    auto [same, fresh] = first_with_bytes.emplace(d.key.sha256, i);
    if (!fresh && docs[same->second].key.doc_key != d.key.doc_key) join(same->second, 1.0);
    if (!d.has_signature) continue;
    const auto bands = MinHashBandKeys(d.signature);
    for (int64_t band : bands) {
      std::vector<Component>& earlier = indexed[band];
      MergeJoinedComponents(&earlier, find);
      for (const Component& c : earlier) {
        if (c.root == find(i)) continue;
        for (size_t j : c.members) {
          if (docs[j].key.doc_key == d.key.doc_key) continue;
          double sim = MinHashSimilarity(d.signature, docs[j].signature);
          if (sim >= kNearDuplicateSimilarity) {
            join(j, sim);
            break;  // the rest of this component is now i's own
          }
        }
      }
      const size_t root = find(i);
      auto mine =
          std::find_if(earlier.begin(), earlier.end(), [&](const Component& c) { return find(c.root) == root; });
      if (mine == earlier.end()) {
        earlier.push_back({root, {i}});
      } else {
        mine->members.push_back(i);  // i is the latest in DocumentKey order
      }
    }
  }
  std::vector<size_t> cluster(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) cluster[i] = find(i);
  return {std::move(cluster), std::move(link)};
}

// Writes the clusters and links that differ from what is stored: an ingest
// that adds documents to existing clusters rewrites nothing else.
Status WriteClusters(sql::Connection* db, const std::vector<StoredDocument>& docs, const Clusters& clusters) {
  const std::vector<size_t>& cluster = clusters.cluster;
  const std::vector<std::optional<NearLink>>& link = clusters.link;
  Status s;
  std::unordered_map<int64_t, std::pair<int64_t, double>> stored_links;
  Result<sql::Statement> nd = db->Prepare("SELECT document_id, similar_to, similarity FROM near_duplicates");
  if (!nd.ok()) return nd.status();
  while (nd->Step(&s)) stored_links[nd->Int(0)] = {nd->Int(1), nd->Double(2)};
  if (!s.ok()) return s;
  Result<sql::Statement> set_cluster = db->Prepare("UPDATE documents SET cluster_id = ? WHERE id = ?");
  Result<sql::Statement> drop_link = db->Prepare("DELETE FROM near_duplicates WHERE document_id = ?");
  Result<sql::Statement> add_link =
      db->Prepare("INSERT INTO near_duplicates(document_id, similar_to, similarity) VALUES (?, ?, ?)");
  if (!set_cluster.ok()) return set_cluster.status();
  if (!drop_link.ok()) return drop_link.status();
  if (!add_link.ok()) return add_link.status();
  for (size_t i = 0; i < docs.size(); ++i) {
    const int64_t id = docs[i].id, cluster_id = docs[cluster[i]].id;
    if (docs[i].stored_cluster != cluster_id) {
      set_cluster->Reset();
      if (Status r = set_cluster->Bind(1, cluster_id).Bind(2, id).Run(); !r.ok()) return r;
    }
    auto stored = stored_links.find(id);
    std::optional<std::pair<int64_t, double>> wanted;
    if (link[i]) wanted = std::make_pair(docs[link[i]->to].id, link[i]->similarity);
    const bool same = stored == stored_links.end() ? !wanted : (wanted && *wanted == stored->second);
    if (same) continue;
    if (stored != stored_links.end()) {
      drop_link->Reset();
      if (Status r = drop_link->Bind(1, id).Run(); !r.ok()) return r;
    }
    if (wanted) {
      add_link->Reset();
      if (Status r = add_link->Bind(1, id).Bind(2, wanted->first).Bind(3, wanted->second).Run(); !r.ok()) return r;
    }
  }
  return Status::Ok();
}

// The clusters recomputed from every stored document, written where they
// changed.
Status ReclusterDocuments(sql::Connection* db) {
  Result<std::vector<StoredDocument>> docs = LoadDocuments(db);
  if (!docs.ok()) return docs.status();
  return WriteClusters(db, *docs, ClusterDocuments(*docs));
}

// Every event claim of the latest document versions with what grouping
// reads of it, in the content order grouping follows (ClaimKey).
Result<std::vector<ClaimEvidence>> LoadClaimEvidence(sql::Connection* db) {
  // A forwarded post's source is the channel it was first posted in.
  static constexpr sql::NamedColumns k({
      {"id", "c.id"},
      {"document_id", "c.document_id"},
      {"cluster_id", "d.cluster_id"},
      {"outlet", "CASE WHEN d.forwarded_from != '' THEN 'Telegram: ' || d.forwarded_from ELSE o.name END"},
      {"event_type", "et.event_type"},
      {"status", "cs.status"},
      {"speaker", "f.speaker"},
      {"date_from", "sitrep_date(c.date_from)"},
      {"date_to", "sitrep_date(c.date_to)"},
      {"published", "d.published"},
      {"place_key", "pe.gazetteer_id"},
      {"country", "pe.country"},
      {"admin1", "pe.admin1"},
      {"place_name", "pe.name"},
      {"lat", "CASE WHEN pe.location_id IS NOT NULL THEN pe.lat END"},
      {"lon", "CASE WHEN pe.location_id IS NOT NULL THEN pe.lon END"},
      {"geo_precision", "pe.geo_precision"},
      {"sha256", "d.sha256"},
      {"doc_key", "d.doc_key"},
      {"version", "d.version"},
      {"begin", "c.begin_byte"},
      {"end", "c.end_byte"},
      {"text", kClaimTextSql},
  });
  Result<sql::Statement> st = db->Prepare(WithClaimText(
      *db,
      "SELECT " + k.List() +
          " FROM claims c JOIN claim_forms f ON f.id = c.form_id JOIN claim_statuses cs ON cs.id = c.status "
          "JOIN event_types et ON et.id = c.event_type JOIN documents d ON d.id = c.document_id "
          "JOIN outlets o ON o.id = d.outlet_id "
          "LEFT JOIN places p ON p.id = c.place_id AND f.place_basis <> 'dateline' "  // a dateline is no event place
          "LEFT JOIN resolved_places pe ON pe.id = p.resolved_id "
          "WHERE c.is_latest = 1 AND c.event_type IS NOT NULL"));
  if (!st.ok()) return st.status();
  std::vector<ClaimEvidence> evidence;
  // The order claims are grouped in: their document's DocumentKey, their span
  // and text; the row id only between claims equal in all of these (whose
  // order cannot change a group).
  struct ClaimKey {
    DocumentKey document;
    int64_t begin = 0, end = 0;
    std::string text;
    int64_t id = 0;
    bool operator<(const ClaimKey& o) const {
      return std::tie(document, begin, end, text, id) < std::tie(o.document, o.begin, o.end, o.text, o.id);
    }
  };
  std::vector<ClaimKey> keys;
  Status s;
  while (st->Step(&s)) {
    ClaimEvidence e;
    e.claim_id = st->Int(k["id"]);
    e.document_id = st->Int(k["document_id"]);
    e.cluster_id = st->Int(k["cluster_id"]);
    e.outlet = st->Text(k["outlet"]);
    e.event_type = st->Text(k["event_type"]);
    e.status = ParseClaimStatus(st->Text(k["status"])).value_or(ClaimStatus::kReported);
    e.speaker = st->Text(k["speaker"]);
    auto date = [&st](int column) {
      return st->IsNull(column) ? std::nullopt : CivilDate::Parse(st->Text(column));
    };
    std::optional<CivilDate> from = date(k["date_from"]);
    std::optional<CivilDate> to = date(k["date_to"]);
    std::optional<CivilDate> published = date(k["published"]);
    if (from && to) {
      e.day_from = from->ToDays();
      e.day_to = to->ToDays();
    } else if (published) {
      e.day_to = published->ToDays();
      e.day_from = e.day_to - kUndatedWindowDays;
    } else {
      continue;
    }
    if (!st->IsNull(k["lat"])) {
      e.has_place = true;
      e.place_key = st->Text(k["place_key"]);
      const std::string admin1 = st->Text(k["admin1"]);
      if (!admin1.empty()) e.region_key = st->Text(k["country"]) + "/" + admin1;
      e.place_name = st->Text(k["place_name"]);
      e.lat = st->Double(k["lat"]);
      e.lon = st->Double(k["lon"]);
      e.geo_precision = static_cast<int>(st->Int(k["geo_precision"]));
    }
    keys.push_back({{st->Text(k["sha256"]), st->Text(k["doc_key"]), st->Int(k["version"])},
                    st->Int(k["begin"]),
                    st->Int(k["end"]),
                    st->Text(k["text"]),
                    e.claim_id});
    evidence.push_back(std::move(e));
  }
  if (!s.ok()) return s;
  {
    std::vector<size_t> order(evidence.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys[a] < keys[b]; });
    std::vector<ClaimEvidence> sorted;
    sorted.reserve(evidence.size());
    for (size_t i : order) sorted.push_back(std::move(evidence[i]));
    evidence = std::move(sorted);
  }
  return evidence;
}

// Each claim's quantities, in the order of its text.
Status AttachQuantities(sql::Connection* db, std::vector<ClaimEvidence>* claims) {
  std::vector<ClaimEvidence>& evidence = *claims;
  Status s;
  std::unordered_map<int64_t, size_t> index_of;
  for (size_t i = 0; i < evidence.size(); ++i) index_of[evidence[i].claim_id] = i;
  static constexpr sql::NamedColumns kq({
      {"claim_id", "cq.claim_id"},
      {"value", "COALESCE(qf.si_value, qf.value)"},
      {"unit", "CASE WHEN qf.si_unit != '' THEN qf.si_unit ELSE qf.unit END"},
      {"bound", "qf.bound"},
  });
  Result<sql::Statement> q =
      db->Prepare("SELECT " + kq.List() +
                  " FROM claim_quantities cq JOIN quantities q ON q.id = cq.quantity_id JOIN quantity_forms qf ON "
                  "qf.id = q.form_id "
                  "JOIN claims c ON c.id = cq.claim_id WHERE c.is_latest = 1 AND c.event_type IS NOT NULL "
                  // In the order of the text: the first disagreement found is then the
                  // same whatever order the rows were written in.
                  "ORDER BY cq.claim_id, q.begin_byte, q.end_byte, q.id");
  if (!q.ok()) return q.status();
  while (q->Step(&s)) {
    auto it = index_of.find(q->Int(kq["claim_id"]));
    if (it == index_of.end()) continue;
    evidence[it->second].quantities.push_back(
        {q->Double(kq["value"]), q->Text(kq["unit"]),
         ParseQuantityBound(q->Text(kq["bound"])).value_or(QuantityBound::kExact)});
  }
  if (!s.ok()) return s;
  return Status::Ok();
}

// Replaces the stored groups with `groups`; returns how many.
Result<uint64_t> WriteGroups(sql::Connection* db, const std::vector<ClaimEvidence>& evidence,
                             const std::vector<ClaimGroup>& groups) {
  if (Status r = db->Exec("UPDATE claims SET group_id = NULL WHERE group_id IS NOT NULL; DELETE FROM claim_groups;");
      !r.ok()) {
    return r;
  }
  Result<sql::Statement> gi = db->Prepare(
      "INSERT INTO claim_groups(id, event_type, status, corroboration, claim_count, contradiction, date_from, date_to, "
      "place_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  Result<sql::Statement> cu = db->Prepare("UPDATE claims SET group_id = ? WHERE id = ?");
  if (!gi.ok()) return gi.status();
  if (!cu.ok()) return cu.status();
  // Group ids are 1..n in the order GroupClaims gives (by each group's first
  // claim in ClaimKey order), whatever the database or the order of writing
  // (the table was emptied above).
  int64_t gid = 0;
  for (const ClaimGroup& g : groups) {
    ++gid;
    gi->Reset();
    gi->Bind(1, gid).Bind(2, g.event_type).Bind(3, ToString(g.status)).Bind(4, g.corroboration);
    gi->Bind(5, static_cast<int64_t>(g.members.size())).Bind(6, g.contradiction);
    gi->Bind(7, CivilDate::FromDays(g.day_from).ToString()).Bind(8, CivilDate::FromDays(g.day_to).ToString());
    gi->Bind(9, g.place_name);
    if (Status r = gi->Run(); !r.ok()) return r;
    for (size_t m : g.members) {
      cu->Reset();
      if (Status r = cu->Bind(1, gid).Bind(2, evidence[m].claim_id).Run(); !r.ok()) return r;
    }
  }
  return static_cast<uint64_t>(groups.size());
}

}  // namespace

Result<uint64_t> RebuildClaimGroups(sql::Connection* db) {
  if (Status r = ReclusterDocuments(db); !r.ok()) return r;
  Result<std::vector<ClaimEvidence>> evidence = LoadClaimEvidence(db);
  if (!evidence.ok()) return evidence.status();
  if (Status r = AttachQuantities(db, &*evidence); !r.ok()) return r;
  return WriteGroups(db, *evidence, GroupClaims(*evidence));
}

}  // namespace sitrep
