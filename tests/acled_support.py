# Shared by the ACLED and GIS export tests: ACLED's schema and code lists
# (ACLED's codebook is the reference; docs/acled.md), and a database built
# from the test reports in tests/data/acled/.
import os
import subprocess
import sys

# ACLED's export, in ACLED's order.
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
SITREP_COLUMNS = [
    "claim_status", "speaker", "corroboration", "group_status", "contradiction", "source_url", "source_span",
    "document_id", "claim_id", "map_check", "map_check_detail", "event_date_to",
]

SUB_EVENT_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
DISORDER_TYPES = {"Political violence", "Demonstrations", "Political violence; Demonstrations",
                  "Strategic developments"}
INTER_CODES = set(range(0, 9))  # 0 no actor, 1 state forces ... 8 external/other forces
# Two actors: the smaller code first; one actor alone: its code times ten.
INTERACTION_CODES = {10 * a + b for a in range(1, 9) for b in range(a, 9)} | {10 * a for a in range(1, 9)}
REGIONS = {"Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa",
           "Middle East", "Caucasus and Central Asia", "South Asia", "Southeast Asia", "East Asia", "Oceania",
           "North America", "Central America", "Caribbean", "South America", "Antarctica", "Europe"}
SOURCE_SCALES = {"Local partner", "National", "Regional", "International", "New media", "Other"}


def skip(message):
    """Exit with CTest's skip code (SKIP_RETURN_CODE 77) and say why."""
    print("SKIP: " + message)
    sys.exit(77)


def run(args, **kwargs):
    r = subprocess.run(args, capture_output=True, **kwargs)
    if r.returncode != 0:
        sys.stderr.write(r.stderr.decode("utf-8", "replace"))
        raise SystemExit("command failed (%d): %s" % (r.returncode, " ".join(args)))
    return r


def build_database(sitrep, source_dir, work_dir, control=False):
    """Ingests tests/data/acled/*.txt (and the example control layers) into
    work_dir/acled.db, fresh; returns its path."""
    os.makedirs(work_dir, exist_ok=True)
    db = os.path.join(work_dir, "acled.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    data = os.path.join(source_dir, "tests", "data", "acled")
    reports = sorted(os.path.join(data, f) for f in os.listdir(data) if f.endswith(".txt"))
    run([sitrep, "ingest", "--quiet", "--db", db] + reports)
    if control:
        run([sitrep, "control", "import", "--db", db, os.path.join(source_dir, "examples", "control")])
    return db
