-- sitrep database schema, version 9 (PRAGMA user_version = 9).
-- docs/database.md describes every table. Spans (begin_byte, end_byte) are
-- byte offsets [begin, end) into documents.raw. Dates are 'YYYY-MM-DD' text.
-- Applied in one transaction on a new database. A database of an earlier
-- version gets the statements after its "-- version N" marker (migration).

CREATE TABLE outlets (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE          -- '' when the source names none
);

-- One row per version of a document. doc_key identifies the document across
-- versions: its URL, else the record id of its corpus, else its file path.
CREATE TABLE documents (
  id              INTEGER PRIMARY KEY,
  doc_key         TEXT NOT NULL,
  version         INTEGER NOT NULL,     -- 1, 2, ... in order of ingest
  is_latest       INTEGER NOT NULL,     -- 1 for the newest version of doc_key
  sha256          TEXT NOT NULL,        -- of raw
  outlet_id       INTEGER NOT NULL REFERENCES outlets(id),
  url             TEXT NOT NULL,
  title           TEXT NOT NULL,
  published       TEXT,                 -- NULL when unknown
  language        TEXT NOT NULL,
  format          TEXT NOT NULL,        -- text | html
  origin          TEXT NOT NULL,        -- file, file:line or file#message id
  bytes           INTEGER NOT NULL,
  raw             TEXT NOT NULL,        -- the bytes as given; spans point here
  warnings        TEXT NOT NULL,        -- JSON array of strings
  ingested_at     TEXT NOT NULL,        -- UTC, ISO 8601
  cluster_id      INTEGER NOT NULL,     -- near-duplicate cluster: id of its first document
  claim_count     INTEGER NOT NULL,     -- claims written with the document
  UNIQUE (doc_key, version)
);
CREATE INDEX documents_sha256 ON documents(sha256);
CREATE INDEX documents_cluster ON documents(cluster_id);
CREATE INDEX documents_published ON documents(published);

-- Links a document carries (Telegram text links, feed item links).
CREATE TABLE document_links (
  document_id  INTEGER NOT NULL REFERENCES documents(id),
  url          TEXT NOT NULL
);
CREATE INDEX document_links_document ON document_links(document_id);

-- MinHash signatures (64 x 32-bit, little-endian) and the LSH band keys of
-- each near-duplicate cluster's first document.
CREATE TABLE minhash (
  document_id  INTEGER PRIMARY KEY REFERENCES documents(id),
  signature    BLOB NOT NULL
);
CREATE TABLE minhash_bands (
  band_key     INTEGER NOT NULL,        -- band number and its rows, hashed
  document_id  INTEGER NOT NULL
);
CREATE INDEX minhash_bands_key ON minhash_bands(band_key);

-- A document that is a near-duplicate (or an exact copy) of an earlier one.
CREATE TABLE near_duplicates (
  document_id  INTEGER NOT NULL REFERENCES documents(id),
  similar_to   INTEGER NOT NULL REFERENCES documents(id),
  similarity   REAL NOT NULL,           -- estimated Jaccard of word 4-shingles
  PRIMARY KEY (document_id, similar_to)
);

CREATE TABLE people (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents(id),
  name         TEXT NOT NULL,
  role         TEXT NOT NULL,
  country      TEXT NOT NULL,
  side         TEXT NOT NULL
);
CREATE INDEX people_document ON people(document_id);

-- Each distinct point places resolve to (a gazetteer entry), once, with the
-- R*Tree over them: a corpus names the same towns over and over.
CREATE TABLE locations (
  id            INTEGER PRIMARY KEY,
  gazetteer_id  TEXT NOT NULL UNIQUE,
  lat           REAL NOT NULL,
  lon           REAL NOT NULL
);
CREATE VIRTUAL TABLE locations_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);

CREATE TABLE places (
  id             INTEGER PRIMARY KEY,
  document_id    INTEGER NOT NULL REFERENCES documents(id),
  mention        TEXT NOT NULL,
  begin_byte     INTEGER NOT NULL,
  end_byte       INTEGER NOT NULL,
  gazetteer_id   TEXT NOT NULL,
  name           TEXT NOT NULL,
  kind           TEXT NOT NULL,
  country        TEXT NOT NULL,
  admin1         TEXT NOT NULL,
  lat            REAL,                  -- NULL when unresolved
  lon            REAL,
  geo_precision  INTEGER NOT NULL,
  confidence     REAL NOT NULL,
  metonym_for    TEXT NOT NULL,
  resolution     TEXT NOT NULL,
  location_id    INTEGER REFERENCES locations(id)  -- NULL when unresolved
);
CREATE INDEX places_document ON places(document_id);
CREATE INDEX places_location ON places(location_id);
CREATE INDEX places_name ON places(name COLLATE NOCASE);
CREATE INDEX places_mention ON places(mention COLLATE NOCASE);

CREATE TABLE quantities (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents(id),
  text         TEXT NOT NULL,
  begin_byte   INTEGER NOT NULL,
  end_byte     INTEGER NOT NULL,
  value        REAL NOT NULL,
  unit         TEXT NOT NULL,
  si_value     REAL,
  si_unit      TEXT NOT NULL,
  bound        TEXT NOT NULL
);
CREATE INDEX quantities_document ON quantities(document_id);

-- Claims with their event (event_type NULL when the claim describes none).
-- date_from/date_to are the claim's own date; NULL when it gives none.
-- when_from/when_to are what queries filter and sort on: the claim's own
-- dates, else its document's publication date (NULL when neither is known).
CREATE TABLE claims (
  id                INTEGER PRIMARY KEY,
  document_id       INTEGER NOT NULL REFERENCES documents(id),
  text              TEXT NOT NULL,      -- version 6: '' when it is documents.raw's span (claim_text() reads it)
  begin_byte        INTEGER NOT NULL,
  end_byte          INTEGER NOT NULL,
  kind              TEXT NOT NULL,      -- quote | reported_speech | report | narration
  status            TEXT NOT NULL,      -- asserted | reported | alleged | unverified | confirmed | denied
  speaker           TEXT NOT NULL,
  speaker_role      TEXT NOT NULL,
  speaker_side      TEXT NOT NULL,
  speaker_country   TEXT NOT NULL,
  cue               TEXT NOT NULL,
  status_cue        TEXT NOT NULL,
  date_from         TEXT,
  date_to           TEXT,
  time_precision    INTEGER NOT NULL,   -- ACLED: 1 day, 2 week, 3 month; 0 none
  date_from_context INTEGER NOT NULL,
  event_type        TEXT,
  sub_event_type    TEXT NOT NULL,
  actor1            TEXT NOT NULL,
  actor2            TEXT NOT NULL,
  place_id          INTEGER REFERENCES places(id),  -- the event's place
  trigger_word      TEXT NOT NULL,
  group_id          INTEGER REFERENCES claim_groups(id),
  is_latest         INTEGER NOT NULL,   -- copied from its document
  when_from         TEXT,
  when_to           TEXT
);
CREATE INDEX claims_document ON claims(document_id);
CREATE INDEX claims_when ON claims(when_from);
CREATE INDEX claims_status_when ON claims(status, when_from);
CREATE INDEX claims_event_when ON claims(event_type, when_from);
CREATE INDEX claims_group ON claims(group_id);

-- A claim's places, its event's place included.
CREATE TABLE claim_places (
  claim_id  INTEGER NOT NULL REFERENCES claims(id),
  place_id  INTEGER NOT NULL REFERENCES places(id),
  PRIMARY KEY (claim_id, place_id)
) WITHOUT ROWID;
CREATE INDEX claim_places_place ON claim_places(place_id);
CREATE TABLE claim_quantities (
  claim_id     INTEGER NOT NULL REFERENCES claims(id),
  quantity_id  INTEGER NOT NULL REFERENCES quantities(id),
  PRIMARY KEY (claim_id, quantity_id)
) WITHOUT ROWID;
CREATE TABLE claim_people (
  claim_id   INTEGER NOT NULL REFERENCES claims(id),
  person_id  INTEGER NOT NULL REFERENCES people(id),
  PRIMARY KEY (claim_id, person_id)
) WITHOUT ROWID;

-- Claims from different documents that describe the same event. Rebuilt
-- after every ingest from the latest document versions.
CREATE TABLE claim_groups (
  id             INTEGER PRIMARY KEY,
  event_type     TEXT NOT NULL,
  status         TEXT NOT NULL,         -- the strongest evidence in the group
  corroboration  INTEGER NOT NULL,      -- independent sources (outlets, near-duplicates counted once)
  claim_count    INTEGER NOT NULL,
  contradiction  TEXT NOT NULL,         -- '' or what disagrees: a denial, different quantities
  date_from      TEXT,
  date_to        TEXT,
  place_name     TEXT NOT NULL
);

-- Full-text search of claims, contentless: the text lives in documents and
-- claims. No column sizes (columnsize=0: nothing ranks by bm25). Version 6
-- dropped documents_fts (a full-text index of documents no query read).
CREATE VIRTUAL TABLE claims_fts USING fts5(text, speaker, content='', columnsize=0,
  tokenize='unicode61 remove_diacritics 2');

-- Every ingest run and every record it could not take, so nothing is lost.
CREATE TABLE ingest_runs (
  id           INTEGER PRIMARY KEY,
  started_at   TEXT NOT NULL,
  finished_at  TEXT,                    -- NULL when the run was interrupted
  arguments    TEXT NOT NULL,
  documents    INTEGER NOT NULL DEFAULT 0,
  problems     INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE ingest_problems (
  run_id   INTEGER NOT NULL REFERENCES ingest_runs(id),
  origin   TEXT NOT NULL,               -- file, file:line or file#message id
  reason   TEXT NOT NULL,
  skipped  INTEGER NOT NULL             -- 1 record not stored, 0 stored with a warning
);

-- version 2: control-of-terrain maps.
-- One row per layer and date: the union of that day's features (overlaps
-- count once) as GeoJSON MultiPolygon coordinates, with its geodesic area
-- and boundary length on WGS84 and its bounding box.
CREATE TABLE control_layers (
  id             INTEGER PRIMARY KEY,
  layer          TEXT NOT NULL,
  date           TEXT NOT NULL,
  holder         TEXT NOT NULL,        -- ISO alpha-3 of the side holding the area, '' unknown
  source         TEXT NOT NULL,        -- the file it came from
  features       INTEGER NOT NULL,
  geometry       TEXT NOT NULL,
  area_km2       REAL NOT NULL,
  perimeter_km   REAL NOT NULL,
  min_lon REAL NOT NULL, min_lat REAL NOT NULL, max_lon REAL NOT NULL, max_lat REAL NOT NULL,
  imported_at    TEXT NOT NULL,
  UNIQUE (layer, date)
);

-- Claims checked against the control map, rebuilt by `sitrep verify`: an
-- area claim against the area the claimed side held, a place claim against
-- who held the place that day.
CREATE TABLE claim_checks (
  claim_id       INTEGER NOT NULL REFERENCES claims(id),
  kind           TEXT NOT NULL,        -- area | place
  verdict        TEXT NOT NULL,        -- consistent | overstated | understated | held_by_other | no_map
  claimed_km2    REAL,
  measured_km2   REAL,
  ratio          REAL,                 -- claimed / measured
  layer          TEXT NOT NULL,
  layer_date     TEXT,
  holder         TEXT NOT NULL,        -- the side the claim is about
  method         TEXT NOT NULL,
  detail         TEXT NOT NULL,        -- one sentence a reader can check
  PRIMARY KEY (claim_id, kind)
);

-- Events with a point and a date: the control layers that contained the
-- point on that day (their latest map on or before it, within the window).
CREATE TABLE event_control (
  claim_id    INTEGER NOT NULL REFERENCES claims(id),
  layer       TEXT NOT NULL,
  layer_date  TEXT NOT NULL,
  holder      TEXT NOT NULL,
  PRIMARY KEY (claim_id, layer)
);

-- version 3: current events newest first (the map's points, `sitrep
-- events`, the timeline) walk an index of events only, not of every claim:
-- 55 instead of 81 ms for 10,000 map points out of 47,000 claims.
CREATE INDEX claims_latest_events_when ON claims(when_from, id) WHERE event_type IS NOT NULL AND is_latest = 1;

-- version 4: Telegram posts say where they came from: a forwarded post keeps
-- the channel it was first posted in (the source, for corroboration: two
-- channels forwarding one post are one source), a reply the message it
-- answers. Empty for everything else.
ALTER TABLE documents ADD COLUMN forwarded_from TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN reply_to TEXT NOT NULL DEFAULT '';

-- version 5: nothing changes in SQLite (its indexes end with the rowid, so
-- claims_when already orders claims by date, then id); PostgreSQL's claim
-- indexes gain the id (schema_postgres.sql).

-- version 6: a smaller database (8.1 -> 6.5 MB per MB of text on a 20 MB
-- corpus: docs/performance.md). A claim's text is not copied when it is the
-- bytes of its span in documents.raw (plain text; HTML keeps its copy):
-- claims.text is '' and claim_text(text, document_id, begin_byte, end_byte),
-- a function sitrep registers on every connection, reads the span.
-- documents_fts, which no query read, is gone. The index by event type holds
-- events only; the indexes by group (only the rebuild of the groups, which
-- rewrites them all, read it) and by publication date (no query) are gone.
-- (claims_fts of a database made before keeps its column sizes.)
DROP TABLE IF EXISTS documents_fts;
DROP INDEX claims_group;
DROP INDEX documents_published;
DROP INDEX claims_event_when;
CREATE INDEX claims_event_when ON claims(event_type, when_from) WHERE event_type IS NOT NULL;

-- version 7: where an event's place came from (Event::place_basis: claim,
-- speaker, sentence, paragraph, dateline; '' without a place). A "dateline"
-- place is only where the reporter filed from: it is shown with geo_precision
-- 3, and neither groups claims nor is checked against control maps.
ALTER TABLE claims ADD COLUMN place_basis TEXT NOT NULL DEFAULT '';
-- And the event model's confidence in the claim's event (Event::confidence,
-- 0..1; NULL without an event or in claims stored before version 7), so the
-- map and the API can hide doubtful events.
ALTER TABLE claims ADD COLUMN event_confidence REAL;

-- version 8: a smaller database (docs/performance.md). What a place mention
-- says -- its text, gazetteer entry, resolved name, kind, country, admin1,
-- precision, point, location, confidence, metonym and how it was resolved --
-- is stored once in resolved_places, and each mention keeps only its
-- document, span and that row (a corpus names the same few towns the same
-- way again and again: 187,701 mentions of 83 such rows in a 20 MB corpus).
-- lat and lon are 0 when the place has no point (location_id NULL): read
-- them through location_id. `--place` (resolved name or mention) reads the
-- small table's indexes, then places by resolved_id. The statements rebuild
-- places (a database upgraded from version 7 keeps the old table's pages as
-- free pages until VACUUM).
CREATE TABLE resolved_places (
  id             INTEGER PRIMARY KEY,
  mention        TEXT NOT NULL,         -- the text as written
  gazetteer_id   TEXT NOT NULL,
  name           TEXT NOT NULL,
  kind           TEXT NOT NULL,
  country        TEXT NOT NULL,
  admin1         TEXT NOT NULL,
  geo_precision  INTEGER NOT NULL,
  lat            REAL NOT NULL,
  lon            REAL NOT NULL,
  confidence     REAL NOT NULL,
  metonym_for    TEXT NOT NULL,
  resolution     TEXT NOT NULL,
  location_id    INTEGER REFERENCES locations(id),  -- NULL when the place has no point
  UNIQUE (mention, gazetteer_id, name, kind, country, admin1, geo_precision, lat, lon, confidence, metonym_for,
          resolution)
);
CREATE INDEX resolved_places_name ON resolved_places(name COLLATE NOCASE);
CREATE INDEX resolved_places_mention ON resolved_places(mention COLLATE NOCASE);
CREATE INDEX resolved_places_location ON resolved_places(location_id);
INSERT INTO resolved_places(mention, gazetteer_id, name, kind, country, admin1, geo_precision, lat, lon, confidence,
                            metonym_for, resolution, location_id)
  SELECT mention, gazetteer_id, name, kind, country, admin1, geo_precision, COALESCE(lat, 0), COALESCE(lon, 0),
         confidence, metonym_for, resolution, MIN(location_id)
  FROM places GROUP BY mention, gazetteer_id, name, kind, country, admin1, geo_precision, COALESCE(lat, 0),
    COALESCE(lon, 0), confidence, metonym_for, resolution
  ORDER BY MIN(id);
CREATE TABLE places_v8 (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents(id),
  begin_byte   INTEGER NOT NULL,
  end_byte     INTEGER NOT NULL,
  resolved_id  INTEGER NOT NULL REFERENCES resolved_places(id)
);
INSERT INTO places_v8(id, document_id, begin_byte, end_byte, resolved_id)
  SELECT p.id, p.document_id, p.begin_byte, p.end_byte, r.id
  FROM places p JOIN resolved_places r ON r.mention = p.mention AND r.gazetteer_id = p.gazetteer_id
    AND r.name = p.name AND r.kind = p.kind AND r.country = p.country AND r.admin1 = p.admin1
    AND r.geo_precision = p.geo_precision AND r.lat = COALESCE(p.lat, 0) AND r.lon = COALESCE(p.lon, 0)
    AND r.confidence = p.confidence AND r.metonym_for = p.metonym_for AND r.resolution = p.resolution;
DROP TABLE places;
ALTER TABLE places_v8 RENAME TO places;
CREATE INDEX places_resolved ON places(resolved_id);
-- No query reads a document's mentions or links by document (a claim's are
-- read through claim_places, claim_quantities, claim_people): those indexes
-- are gone (places_document with the old table).
DROP INDEX IF EXISTS quantities_document;
DROP INDEX IF EXISTS people_document;
DROP INDEX IF EXISTS document_links_document;

-- version 9: a smaller database (docs/performance.md). What a claim says
-- besides its text, status, event type and dates -- kind, speaker (name,
-- role, side, country), cue, status cue, time precision, whether its date
-- came from the context, and its event's sub-type, actors, trigger and place
-- basis -- is stored once in claim_forms, and each claim keeps that row's id
-- (form_id): a corpus repeats the same few combinations (57 for 151,908
-- claims of a 20 MB generated corpus). Its status and event type are ids of
-- claim_statuses and event_types, and its four dates are days since
-- 1970-01-01 (integers: sitrep_date(N), a function sitrep registers, or
-- date(N * 86400, 'unixepoch') in the sqlite3 shell, writes them
-- YYYY-MM-DD), in the row and in the indexes. Read a claim with
-- `JOIN claim_forms f ON f.id = c.form_id JOIN claim_statuses s ON s.id =
-- c.status LEFT JOIN event_types e ON e.id = c.event_type`. What a quantity
-- says (its text, value, unit, SI value and unit, bound) is stored once in
-- quantity_forms, as places' resolutions are (96,117 quantities, 88 forms).
-- The statements rebuild claims and quantities (an upgraded database keeps
-- the old tables' pages as free pages until VACUUM). A new database has
-- pages of 16 KiB (sitrep sets it).
CREATE TABLE claim_forms (
  id                INTEGER PRIMARY KEY,
  kind              TEXT NOT NULL,      -- quote | reported_speech | report | narration
  speaker           TEXT NOT NULL,
  speaker_role      TEXT NOT NULL,
  speaker_side      TEXT NOT NULL,
  speaker_country   TEXT NOT NULL,
  cue               TEXT NOT NULL,
  status_cue        TEXT NOT NULL,
  time_precision    INTEGER NOT NULL,   -- ACLED: 1 day, 2 week, 3 month; 0 none
  date_from_context INTEGER NOT NULL,
  sub_event_type    TEXT NOT NULL,
  actor1            TEXT NOT NULL,
  actor2            TEXT NOT NULL,
  trigger_word      TEXT NOT NULL,
  place_basis       TEXT NOT NULL,
  UNIQUE (kind, speaker, speaker_role, speaker_side, speaker_country, cue, status_cue, time_precision,
          date_from_context, sub_event_type, actor1, actor2, trigger_word, place_basis)
);
INSERT INTO claim_forms(kind, speaker, speaker_role, speaker_side, speaker_country, cue, status_cue, time_precision,
                        date_from_context, sub_event_type, actor1, actor2, trigger_word, place_basis)
  SELECT kind, speaker, speaker_role, speaker_side, speaker_country, cue, status_cue, time_precision,
         date_from_context, sub_event_type, actor1, actor2, trigger_word, place_basis
  FROM claims GROUP BY kind, speaker, speaker_role, speaker_side, speaker_country, cue, status_cue, time_precision,
    date_from_context, sub_event_type, actor1, actor2, trigger_word, place_basis
  ORDER BY MIN(id);
CREATE TABLE claim_statuses (
  id      INTEGER PRIMARY KEY,
  status  TEXT NOT NULL UNIQUE         -- asserted | reported | alleged | unverified | confirmed | denied
);
INSERT INTO claim_statuses(status) SELECT status FROM claims GROUP BY status ORDER BY MIN(id);
CREATE TABLE event_types (
  id          INTEGER PRIMARY KEY,
  event_type  TEXT NOT NULL UNIQUE     -- ACLED event type, or Displacement
);
INSERT INTO event_types(event_type) SELECT event_type FROM claims WHERE event_type IS NOT NULL
  GROUP BY event_type ORDER BY MIN(id);
CREATE TABLE claims_v9 (
  id                INTEGER PRIMARY KEY,
  document_id       INTEGER NOT NULL REFERENCES documents(id),
  text              TEXT NOT NULL,      -- '' when it is documents.raw's span (claim_text() reads it)
  begin_byte        INTEGER NOT NULL,
  end_byte          INTEGER NOT NULL,
  form_id           INTEGER NOT NULL REFERENCES claim_forms(id),
  status            INTEGER NOT NULL REFERENCES claim_statuses(id),
  date_from         INTEGER,            -- days since 1970-01-01
  date_to           INTEGER,
  event_type        INTEGER REFERENCES event_types(id),  -- NULL when the claim describes no event
  place_id          INTEGER REFERENCES places(id),  -- the event's place
  event_confidence  REAL,
  group_id          INTEGER REFERENCES claim_groups(id),
  is_latest         INTEGER NOT NULL,   -- copied from its document
  when_from         INTEGER,            -- days since 1970-01-01
  when_to           INTEGER
);
INSERT INTO claims_v9(id, document_id, text, begin_byte, end_byte, form_id, status, date_from, date_to, event_type,
                      place_id, event_confidence, group_id, is_latest, when_from, when_to)
  SELECT c.id, c.document_id, c.text, c.begin_byte, c.end_byte, f.id, s.id,
         CAST(julianday(c.date_from) - 2440587.5 AS INTEGER), CAST(julianday(c.date_to) - 2440587.5 AS INTEGER),
         e.id, c.place_id, c.event_confidence, c.group_id, c.is_latest,
         CAST(julianday(c.when_from) - 2440587.5 AS INTEGER), CAST(julianday(c.when_to) - 2440587.5 AS INTEGER)
  FROM claims c JOIN claim_forms f ON f.kind = c.kind AND f.speaker = c.speaker AND f.speaker_role = c.speaker_role
    AND f.speaker_side = c.speaker_side AND f.speaker_country = c.speaker_country AND f.cue = c.cue
    AND f.status_cue = c.status_cue AND f.time_precision = c.time_precision
    AND f.date_from_context = c.date_from_context AND f.sub_event_type = c.sub_event_type AND f.actor1 = c.actor1
    AND f.actor2 = c.actor2 AND f.trigger_word = c.trigger_word AND f.place_basis = c.place_basis
    JOIN claim_statuses s ON s.status = c.status LEFT JOIN event_types e ON e.event_type = c.event_type;
DROP TABLE claims;
ALTER TABLE claims_v9 RENAME TO claims;
CREATE INDEX claims_document ON claims(document_id);
CREATE INDEX claims_when ON claims(when_from);
CREATE INDEX claims_status_when ON claims(status, when_from);
CREATE INDEX claims_event_when ON claims(event_type, when_from) WHERE event_type IS NOT NULL;
CREATE INDEX claims_latest_events_when ON claims(when_from, id) WHERE event_type IS NOT NULL AND is_latest = 1;
CREATE TABLE quantity_forms (
  id        INTEGER PRIMARY KEY,
  text      TEXT NOT NULL,
  value     REAL NOT NULL,
  unit      TEXT NOT NULL,
  si_value  REAL,                       -- NULL when not converted
  si_unit   TEXT NOT NULL,
  bound     TEXT NOT NULL,
  UNIQUE (text, value, unit, si_value, si_unit, bound)
);
INSERT INTO quantity_forms(text, value, unit, si_value, si_unit, bound)
  SELECT text, value, unit, si_value, si_unit, bound FROM quantities
  GROUP BY text, value, unit, si_value, si_unit, bound ORDER BY MIN(id);
CREATE TABLE quantities_v9 (
  id           INTEGER PRIMARY KEY,
  document_id  INTEGER NOT NULL REFERENCES documents(id),
  begin_byte   INTEGER NOT NULL,
  end_byte     INTEGER NOT NULL,
  form_id      INTEGER NOT NULL REFERENCES quantity_forms(id)
);
INSERT INTO quantities_v9(id, document_id, begin_byte, end_byte, form_id)
  SELECT q.id, q.document_id, q.begin_byte, q.end_byte, f.id
  FROM quantities q JOIN quantity_forms f ON f.text = q.text AND f.value = q.value AND f.unit = q.unit
    AND f.si_value IS NOT DISTINCT FROM q.si_value AND f.si_unit = q.si_unit AND f.bound = q.bound;
DROP TABLE quantities;
ALTER TABLE quantities_v9 RENAME TO quantities;
-- The documents with the same bytes under another key are found by the
-- first 16 hex digits of their SHA-256 (64 bits), then the whole: the index
-- holds a quarter of the text.
DROP INDEX documents_sha256;
CREATE INDEX documents_sha256 ON documents(substr(sha256, 1, 16));
