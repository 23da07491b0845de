#!/usr/bin/env bash
# kill -9 in the middle of an ingest leaves a database that opens, passes
# SQLite's integrity check and holds only whole documents (each with all its
# claims); a rerun completes the rest. Usage: ingest_crash_test.sh path/to/sitrep
set -euo pipefail
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
q() { sqlite3 "$tmp/c.db" "$1"; }

scripts/make-corpus --mb 4 --seed 7 --out "$tmp/c.jsonl" 2>/dev/null
total=$(wc -l <"$tmp/c.jsonl")
"$bin" ingest -q --db "$tmp/c.db" --jobs 1 --batch 16 "$tmp/c.jsonl" >/dev/null 2>&1 &
pid=$!
n=0
for _ in $(seq 1 1200); do
  n=$( (q "SELECT count(*) FROM documents" 2>/dev/null) || echo 0)
  [[ ${n:-0} -ge 64 ]] && break
  sleep 0.05
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
stored=$(q "SELECT count(*) FROM documents")
echo "killed after $stored of $total documents were committed"
fail() { echo "FAIL: $*"; exit 1; }
[[ $stored -gt 0 ]] || fail "nothing was committed before the kill"
[[ $stored -lt $total ]] || fail "the ingest finished before the kill; use a bigger corpus"
[[ $(q "PRAGMA integrity_check") == ok ]] || fail "integrity check"
partial=$(q "SELECT count(*) FROM documents d WHERE claim_count != (SELECT count(*) FROM claims c WHERE c.document_id = d.id)")
[[ $partial -eq 0 ]] || fail "$partial documents without all their claims"
[[ $(q "SELECT count(*) FROM ingest_runs WHERE finished_at IS NULL") -eq 1 ]] || fail "the run is not marked unfinished"

"$bin" ingest -q --db "$tmp/c.db" --jobs 2 "$tmp/c.jsonl" >"$tmp/out" || fail "rerun exited $?"
grep -qE "added [0-9,]+, new versions 0, unchanged [0-9,]+" "$tmp/out" || fail "rerun summary: $(cat "$tmp/out")"
[[ $(q "SELECT count(*) FROM documents") -eq $total ]] || fail "after the rerun: $(q "SELECT count(*) FROM documents") documents, want $total"
[[ $(q "SELECT count(DISTINCT doc_key) FROM documents") -eq $total ]] || fail "a document stored twice"
partial=$(q "SELECT count(*) FROM documents d WHERE claim_count != (SELECT count(*) FROM claims c WHERE c.document_id = d.id)")
[[ $partial -eq 0 ]] || fail "$partial documents without all their claims after the rerun"
[[ $(q "SELECT count(*) FROM ingest_runs WHERE finished_at IS NULL") -eq 1 ]] || fail "runs"
echo "crash test: ok ($total documents after the rerun)"
