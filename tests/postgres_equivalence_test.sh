#!/usr/bin/env bash
# The same corpus (the examples, a generated corpus and the bundled control
# layers) in SQLite and in PostgreSQL gives the same answers, byte for byte:
# claims, events, documents shown, statistics, the three text exports,
# control show and diff, verify's verdicts, and the row count of every table.
# Usage: postgres_equivalence_test.sh path/to/sitrep
set -euo pipefail
bin=$1
source "$(dirname "$0")/postgres_support.sh"
lite="$tmp/c.db"

scripts/make-corpus --mb 1 --seed 11 --out "$tmp/corpus.jsonl" 2>/dev/null
for db in "$lite" "$uri"; do
  "$bin" ingest -q --db "$db" --jobs 2 --batch 32 examples "$tmp/corpus.jsonl" >/dev/null || fail "ingest into $db"
  "$bin" control import --db "$db" examples/control >/dev/null || fail "control import into $db"
  "$bin" verify --db "$db" >/dev/null || fail "verify $db"
done
# The ingest time is when each database was written (the timestamp column of
# the exports): set to one instant in both, so that the rest can be compared.
sqlite3 "$lite" "UPDATE documents SET ingested_at = '2024-10-01T12:00:00Z'"
psql_q "UPDATE documents SET ingested_at = '2024-10-01T12:00:00Z'" >/dev/null

compare() {  # name, then the sitrep arguments after the verb's --db
  local name=$1
  shift
  "$bin" "$@" --db "$lite" >"$tmp/a" 2>&1 || true
  "$bin" "$@" --db "$uri" >"$tmp/b" 2>&1 || true
  [[ -s "$tmp/a" ]] || fail "$name: no output from SQLite"
  if ! cmp -s "$tmp/a" "$tmp/b"; then
    diff "$tmp/a" "$tmp/b" | head -20
    fail "$name differs between SQLite and PostgreSQL"
  fi
  compared=$((compared + 1))
}
compared=0
compare claims claims --limit 0
compare claims-all-versions claims --limit 0 --all-versions
compare events events --limit 0
compare claims-text claims --limit 0 --text 'drone* OR "air defence"'
compare claims-bbox claims --limit 0 --bbox 35,47,38,50
compare claims-near claims --limit 0 --near 48.28,37.18,60
compare claims-place claims --limit 0 --place pokrovsk
# Pages: the filters that choose a plan by the size of their set (a place's,
# a box's, a text query's claims), then sort, offset and limit.
compare page-newest claims --limit 100 --offset 20
compare page-place claims --limit 40 --place Pokrovsk --status asserted
compare page-text claims --limit 30 --offset 5 --text 'drone*'
compare page-near claims --limit 50 --near 48.28,37.18,60
compare page-events-place events --limit 25 --place kharkiv --since 2024-03-01
compare export-jsonl export --format jsonl
compare export-acled export --format acled-csv
compare export-geojson export --format geojson
compare verify verify --all
compare control-show control show
compare control-diff control diff 2024-09-15 2024-10-01
compare control-export control export --format geojson
# stats: its first line names the database
"$bin" stats --db "$lite" | tail -n +2 >"$tmp/a"
"$bin" stats --db "$uri" | tail -n +2 >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b" || { diff "$tmp/a" "$tmp/b"; fail "stats differ"; }
docs=$(sqlite3 "$lite" "SELECT count(*) FROM documents")
[[ $docs -gt 100 ]] || fail "only $docs documents in the corpus"
# every document of the examples, then every 9th
shown=0
for id in $(sqlite3 "$lite" "SELECT id FROM documents WHERE id <= 10 OR id % 9 = 0 ORDER BY id"); do
  shown=$((shown + 1))
  "$bin" show "$id" --db "$lite" >"$tmp/a"
  "$bin" show "$id" --db "$uri" >"$tmp/b"
  cmp -s "$tmp/a" "$tmp/b" || { diff "$tmp/a" "$tmp/b" | head; fail "show $id differs"; }
done
for t in outlets documents document_links minhash minhash_bands near_duplicates people locations resolved_places places quantities \
         claims claim_places claim_quantities claim_people claim_groups ingest_problems control_layers claim_checks \
         event_control; do
  a=$(sqlite3 "$lite" "SELECT count(*) FROM $t")
  b=$(psql_q "SELECT count(*) FROM $t")
  [[ "$a" == "$b" ]] || fail "table $t: $a rows in SQLite, $b in PostgreSQL"
done
[[ $(psql_q "SELECT count(*) FROM locations WHERE geom IS NULL") -eq 0 ]] || fail "locations without geometry"
[[ $(psql_q "SELECT count(*) FROM control_layers WHERE geom IS NULL OR NOT ST_IsValid(geom)") -eq 0 ]] ||
  fail "control layers without a valid geometry"
# The API over each store: the same answers to the page's requests.
serve_get() {  # db, output file
  "$bin" serve --db "$1" --port 0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
  local pid=$!
  for _ in $(seq 100); do grep -q "http://" "$tmp/serve.out" && break; sleep 0.1; done
  local url
  url=$(grep -oE "http://127.0.0.1:[0-9]+" "$tmp/serve.out" | head -1)
  [[ -n "$url" ]] || { kill "$pid"; cat "$tmp/serve.err"; fail "serve --db $1 did not start"; }
  : >"$2"
  for path in "/api/stats" "/api/claims?limit=50" "/api/events?limit=50&status=reported" "/api/points?limit=1000" \
              "/api/timeline" "/api/layers" "/api/control?date=2024-10-01" "/api/documents/3" \
              "/api/export?format=jsonl&limit=100"; do
    curl -s --noproxy '*' "$url$path" >>"$2" || { kill "$pid"; fail "serve --db $1: $path"; }
    echo >>"$2"
  done
  kill -TERM "$pid"
  wait "$pid" || true
}
serve_get "$lite" "$tmp/api-a"
serve_get "$uri" "$tmp/api-b"
grep -q '"documents"' "$tmp/api-a" || fail "serve over SQLite: no statistics"
cmp -s "$tmp/api-a" "$tmp/api-b" || { diff "$tmp/api-a" "$tmp/api-b" | head -20; fail "the API differs between SQLite and PostgreSQL"; }
compared=$((compared + 1))
echo "equivalence: ok ($compared outputs, $shown of $docs documents shown, 19 tables counted)"
