#!/usr/bin/env bash
# A PostgreSQL store of schema version 7 (each place row with its resolution,
# each claim row with its form) reads as it is and is upgraded to version 8
# (resolved_places) and 9 (claim_forms) on its next write, giving the same
# answers before and after, and the same as SQLite. The version-7 store is
# made from a new one by undoing versions 9 and 8 in SQL.
# Usage: postgres_upgrade_test.sh path/to/sitrep
set -euo pipefail
bin=$1
source "$(dirname "$0")/postgres_support.sh"
lite="$tmp/c.db"

scripts/make-corpus --mb 0.3 --seed 5 --out "$tmp/corpus.jsonl" 2>/dev/null
for db in "$lite" "$uri"; do
  "$bin" ingest -q --db "$db" examples "$tmp/corpus.jsonl" >/dev/null || fail "ingest into $db"
done
psql_q "
ALTER TABLE claims ADD COLUMN kind TEXT, ADD COLUMN speaker TEXT, ADD COLUMN speaker_role TEXT,
  ADD COLUMN speaker_side TEXT, ADD COLUMN speaker_country TEXT, ADD COLUMN cue TEXT, ADD COLUMN status_cue TEXT,
  ADD COLUMN time_precision BIGINT, ADD COLUMN date_from_context BIGINT, ADD COLUMN sub_event_type TEXT,
  ADD COLUMN actor1 TEXT, ADD COLUMN actor2 TEXT, ADD COLUMN trigger_word TEXT, ADD COLUMN place_basis TEXT,
  ADD COLUMN status_text TEXT, ADD COLUMN event_type_text TEXT;
UPDATE claims c SET kind = f.kind, speaker = f.speaker, speaker_role = f.speaker_role, speaker_side = f.speaker_side,
  speaker_country = f.speaker_country, cue = f.cue, status_cue = f.status_cue, time_precision = f.time_precision,
  date_from_context = f.date_from_context, sub_event_type = f.sub_event_type, actor1 = f.actor1, actor2 = f.actor2,
  trigger_word = f.trigger_word, place_basis = f.place_basis FROM claim_forms f WHERE f.id = c.form_id;
UPDATE claims c SET status_text = s.status FROM claim_statuses s WHERE s.id = c.status;
UPDATE claims c SET event_type_text = e.event_type FROM event_types e WHERE e.id = c.event_type;
DROP VIEW event_points;
ALTER TABLE claims DROP COLUMN form_id, DROP COLUMN status, DROP COLUMN event_type;
ALTER TABLE claims RENAME COLUMN status_text TO status;
ALTER TABLE claims RENAME COLUMN event_type_text TO event_type;
ALTER TABLE claims ALTER COLUMN date_from TYPE TEXT USING sitrep_date(date_from),
  ALTER COLUMN date_to TYPE TEXT USING sitrep_date(date_to),
  ALTER COLUMN when_from TYPE TEXT USING sitrep_date(when_from),
  ALTER COLUMN when_to TYPE TEXT USING sitrep_date(when_to);
DROP TABLE claim_forms, claim_statuses, event_types;
ALTER TABLE quantities ADD COLUMN text TEXT, ADD COLUMN value DOUBLE PRECISION, ADD COLUMN unit TEXT,
  ADD COLUMN si_value DOUBLE PRECISION, ADD COLUMN si_unit TEXT, ADD COLUMN bound TEXT;
UPDATE quantities q SET text = f.text, value = f.value, unit = f.unit, si_value = f.si_value, si_unit = f.si_unit,
  bound = f.bound FROM quantity_forms f WHERE f.id = q.form_id;
ALTER TABLE quantities DROP COLUMN form_id;
DROP TABLE quantity_forms;
DROP INDEX documents_sha256;
CREATE INDEX documents_sha256 ON documents(sha256);
DROP FUNCTION sitrep_date(BIGINT);
CREATE INDEX claims_status_when ON claims(status, when_from NULLS FIRST, id);
CREATE INDEX claims_event_when ON claims(event_type, when_from NULLS FIRST, id) WHERE event_type IS NOT NULL;
CREATE INDEX claims_latest_events_when ON claims(when_from NULLS FIRST, id)
  WHERE event_type IS NOT NULL AND is_latest = 1;
ALTER TABLE places ADD COLUMN mention TEXT, ADD COLUMN gazetteer_id TEXT, ADD COLUMN name TEXT, ADD COLUMN kind TEXT,
  ADD COLUMN country TEXT, ADD COLUMN admin1 TEXT, ADD COLUMN lat DOUBLE PRECISION, ADD COLUMN lon DOUBLE PRECISION,
  ADD COLUMN geo_precision BIGINT, ADD COLUMN confidence DOUBLE PRECISION, ADD COLUMN metonym_for TEXT,
  ADD COLUMN resolution TEXT, ADD COLUMN location_id BIGINT;
UPDATE places p SET mention = r.mention, gazetteer_id = r.gazetteer_id, name = r.name, kind = r.kind,
  country = r.country, admin1 = r.admin1, lat = CASE WHEN r.location_id IS NOT NULL THEN r.lat END,
  lon = CASE WHEN r.location_id IS NOT NULL THEN r.lon END, geo_precision = r.geo_precision,
  confidence = r.confidence, metonym_for = r.metonym_for, resolution = r.resolution, location_id = r.location_id
  FROM resolved_places r WHERE r.id = p.resolved_id;
ALTER TABLE places DROP COLUMN resolved_id;
DROP TABLE resolved_places;
CREATE INDEX places_document ON places(document_id);
CREATE INDEX places_location ON places(location_id);
CREATE INDEX places_name ON places(lower(name));
CREATE INDEX places_mention ON places(lower(mention));
CREATE OR REPLACE FUNCTION sitrep_claim_place_keys() RETURNS trigger LANGUAGE plpgsql AS \$\$
BEGIN
  RETURN NULL;
END \$\$;
CREATE VIEW event_points AS SELECT c.id AS claim_id, p.name AS place, l.geom
  FROM claims c JOIN places p ON p.id = c.place_id JOIN locations l ON l.id = p.location_id;
UPDATE sitrep_schema SET version = 7;" >/dev/null || fail "making a version-7 store"
[[ $(psql_q "SELECT count(*) FROM places WHERE name IS NULL") -eq 0 ]] || fail "places without their resolution"
[[ $(psql_q "SELECT count(*) FROM claims WHERE kind IS NULL OR status IS NULL") -eq 0 ]] || fail "claims without their form"
[[ $(psql_q "SELECT count(*) FROM claims WHERE when_from !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}\$'") -eq 0 ]] ||
  fail "claims without their dates as text"

queries=("claims --limit 0" "events --limit 0" "claims --limit 0 --place Kharkiv" "claims --limit 0 --place kupiansk"
  "claims --limit 0 --near 50.0,36.23,40" "claims --limit 0 --bbox 35,47,38,50" "export --format acled-csv"
  "claims --limit 0 --format json" "claims --limit 0 --speaker zelensky" "events --limit 0 --format csv"
  "claims --limit 0 --status denied --since 2024-03-01 --until 2024-09-30" "events --limit 0 --type Battles" "stats")
answers() {  # db, output folder
  mkdir -p "$2"
  local i=0
  for q in "${queries[@]}"; do
    # shellcheck disable=SC2086
    "$bin" $q --db "$1" >"$2/$i" 2>&1 || fail "$q --db $1"
    i=$((i + 1))
  done
}
answers "$uri" "$tmp/before"
"$bin" ingest -q --db "$uri" examples >/dev/null || fail "the ingest that upgrades"
[[ $(psql_q "SELECT version FROM sitrep_schema") -eq 9 ]] || fail "not upgraded to version 9"
[[ $(psql_q "SELECT count(*) FROM claims c LEFT JOIN claim_forms f ON f.id = c.form_id WHERE f.id IS NULL") -eq 0 ]] ||
  fail "claims without a claim_forms row"
[[ $(psql_q "SELECT count(*) FROM claim_forms") -lt $(psql_q "SELECT count(*) FROM claims") ]] ||
  fail "no claim shares its claim_forms row"
[[ $(psql_q "SELECT count(*) FROM quantities q LEFT JOIN quantity_forms f ON f.id = q.form_id WHERE f.id IS NULL") -eq 0 ]] ||
  fail "quantities without a quantity_forms row"
[[ $(psql_q "SELECT count(*) FROM places WHERE resolved_id IS NULL") -eq 0 ]] || fail "places without a resolved_places row"
[[ $(psql_q "SELECT count(*) FROM resolved_places") -lt $(psql_q "SELECT count(*) FROM places") ]] ||
  fail "no mention shares its resolved_places row"
answers "$uri" "$tmp/after"
answers "$lite" "$tmp/sqlite"
for i in "${!queries[@]}"; do
  [[ -s "$tmp/before/$i" ]] || fail "${queries[$i]}: no output"
  cmp -s "$tmp/before/$i" "$tmp/after/$i" || { diff "$tmp/before/$i" "$tmp/after/$i" | head; fail "${queries[$i]} changed by the upgrade"; }
  # The export's timestamp column is when each store was written; stats names the store.
  [[ ${queries[$i]} == export* || ${queries[$i]} == stats ]] && continue
  cmp -s "$tmp/after/$i" "$tmp/sqlite/$i" || { diff "$tmp/after/$i" "$tmp/sqlite/$i" | head; fail "${queries[$i]} differs from SQLite"; }
done
# New claims after the upgrade: the trigger of version 8 files them under their places.
printf 'Officials said on Monday that two drones struck a depot in Zhytomyr overnight.\n' >"$tmp/new.txt"
"$bin" ingest -q --db "$uri" "$tmp/new.txt" >/dev/null || fail "ingest after the upgrade"
[[ $("$bin" claims --db "$uri" --place zhytomyr --limit 0 --format json | grep -c '"id"') -gt 0 ]] ||
  fail "a claim stored after the upgrade is not found by its place"
echo "ok: ${#queries[@]} queries the same before and after the upgrade, and as SQLite"
