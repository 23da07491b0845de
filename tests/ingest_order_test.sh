#!/usr/bin/env bash
# One corpus ingested in two orders -- the files reversed, one extracting
# thread against two -- gives the same near-duplicate clusters and the same
# corroboration groups: every claim's group_id, corroboration, group_status
# and contradiction are equal (src/store/corroborate.cc clusters and groups
# in an order of the content, never of the writing). The corpus is
# scripts/make-corpus's near-copies of the examples, where a greedy,
# write-ordered clustering does differ between the two orders.
# Usage: ingest_order_test.sh path/to/sitrep PROJECT_DIR
set -eu
bin=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
python3 "$root/scripts/make-corpus" --mb 0.8 --seed 11 --out all.jsonl >/dev/null
split -n l/4 -d --additional-suffix=.jsonl all.jsonl part
rm all.jsonl
mkdir articles
cp "$root"/examples/*.txt "$root"/examples/*.html "$root"/tests/data/corpus/articles/*.txt articles/
"$bin" ingest -q --jobs 1 --db one.db part00.jsonl part01.jsonl part02.jsonl part03.jsonl articles >/dev/null
"$bin" ingest -q --jobs 2 --db two.db articles part03.jsonl part02.jsonl part01.jsonl part00.jsonl >/dev/null

# Claims as exported, row ids left out (they follow the order of writing),
# and each document's key with the key of its cluster's first document.
python3 - "$bin" "$root" <<'PY'
import sqlite3, sys
bin = sys.argv[1]
sys.path.insert(0, sys.argv[2] + "/tests")
from store_rows import exported_claims

def claims(db):
    return exported_claims(bin, db)

def clusters(db):
    c = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    rows = c.execute("SELECT d.doc_key, d.version, r.doc_key FROM documents d "
                     "JOIN documents r ON r.id = d.cluster_id").fetchall()
    links = c.execute("SELECT a.doc_key, b.doc_key, n.similarity FROM near_duplicates n "
                      "JOIN documents a ON a.id = n.document_id JOIN documents b ON b.id = n.similar_to").fetchall()
    groups = c.execute("SELECT count(*), sum(corroboration >= 2) FROM claim_groups").fetchone()
    c.close()
    return sorted(rows), sorted(links), groups

a, b = claims("one.db"), claims("two.db")
(ca, la, ga), (cb, lb, gb) = clusters("one.db"), clusters("two.db")
fails = []
if len(a) < 1000 or sum('"group_id": null' not in r for r in a) < 100:
    fails.append("the corpus is too small to test anything: %d claims" % len(a))
if len(set(r for _, _, r in ca)) >= len(ca) - 10:
    fails.append("hardly any near-duplicates: %d clusters of %d documents" % (len(set(r for _, _, r in ca)), len(ca)))
if a != b:
    differ = len(set(a) ^ set(b)) // 2
    fails.append("claims (group fields included) differ between the two orders: %d of %d" % (differ, len(a)))
if ca != cb:
    fails.append("near-duplicate clusters differ between the two orders")
if la != lb:
    fails.append("near_duplicates links differ between the two orders")
if ga != gb:
    fails.append("claim groups differ: %s vs %s" % (ga, gb))
for f in fails:
    print("FAIL:", f)
if fails:
    sys.exit(1)
print("ingest order: %d claims, %d documents in %d clusters, %d groups (%d corroborated): equal in both orders"
      % (len(a), len(ca), len(set(r for _, _, r in ca)), ga[0], ga[1]))
PY
