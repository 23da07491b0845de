"""Rows of a sitrep store, for tests that compare two stores of one corpus."""
import json
import subprocess


def exported_claims(cli, db):
    """Every claim as `sitrep export --format jsonl` writes it, sorted, without
    the row ids and the time of ingest (they follow the order and moment of
    writing; everything else must not)."""
    out = subprocess.run([cli, "export", "--format", "jsonl", "--db", db], capture_output=True, check=True).stdout
    rows = []
    for line in out.decode("utf-8").splitlines():
        r = json.loads(line)
        for k in ("id", "document_id", "ingested_at"):
            r.pop(k, None)
        rows.append(json.dumps(r, sort_keys=True))
    return sorted(rows)
