#!/usr/bin/python3
# examples/acled_append.py on generated data: a small ACLED-format file
# written here (invented rows), sitrep's export of the test reports
# appended to it, the weekly counts checked and the plot drawn.
# Usage: acled_example_test.py SITREP SOURCE_DIR WORK_DIR
import csv
import os
import subprocess
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import acled_support as acled  # noqa: E402

try:
    import pandas  # noqa: F401
    import matplotlib  # noqa: F401
except ImportError as e:
    acled.skip("%s is not installed (apt-get install python3-pandas python3-matplotlib, or run scripts/setup)" % e.name)

sitrep, source_dir, work_dir = sys.argv[1:4]
db = acled.build_database(sitrep, source_dir, work_dir)
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)


# Three invented ACLED rows: two in the week of 2024-08-12, one in the week before.
acled_path = os.path.join(work_dir, "acled.csv")
with open(acled_path, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(acled.ACLED_COLUMNS)
    base = dict.fromkeys(acled.ACLED_COLUMNS, "")
    for i, (day, event_type, sub) in enumerate([("2024-08-12", "Battles", "Armed clash"),
                                                ("2024-08-14", "Protests", "Peaceful protest"),
                                                ("2024-08-07", "Battles", "Armed clash")]):
        row = dict(base, event_id_cnty="UKR9000%d" % i, event_date=day, year="2024", time_precision="1",
                   event_type=event_type, sub_event_type=sub, country="Ukraine", iso="804", fatalities="0")
        w.writerow([row[c] for c in acled.ACLED_COLUMNS])

sitrep_path = os.path.join(work_dir, "sitrep.csv")
acled.run([sitrep, "export", "--db", db, "-o", sitrep_path])
with open(sitrep_path) as f:
    sitrep_rows = list(csv.DictReader(f))

combined_path = os.path.join(work_dir, "combined.csv")
plot_path = os.path.join(work_dir, "weekly.png")
script = os.path.join(source_dir, "examples", "acled_append.py")
r = subprocess.run([sys.executable, script, acled_path, sitrep_path, "-o", combined_path, "--plot", plot_path],
                   capture_output=True, text=True)
check(r.returncode == 0, "the example runs: " + r.stderr)

with open(combined_path) as f:
    reader = csv.DictReader(f)
    combined = list(reader)
    header = reader.fieldnames
check(header[:31] == acled.ACLED_COLUMNS, "the combined file keeps ACLED's columns first")
check(header[-1] == "dataset" and header[31:-1] == acled.SITREP_COLUMNS, "then sitrep's, then dataset")
check(len(combined) == 3 + len(sitrep_rows), "every row of both files: %d" % len(combined))
check(sum(1 for row in combined if row["dataset"] == "sitrep") == len(sitrep_rows), "sitrep's rows are marked")

# The weekly counts printed: computed again here from both files.
expected = {}
for row in [dict(event_date=d, event_type=t) for d, t in
            [("2024-08-12", "Battles"), ("2024-08-14", "Protests"), ("2024-08-07", "Battles")]] + sitrep_rows:
    import datetime
    day = datetime.date.fromisoformat(row["event_date"])
    week = (day - datetime.timedelta(days=day.weekday())).isoformat()
    expected[(week, row["event_type"])] = expected.get((week, row["event_type"]), 0) + 1
lines = r.stdout.splitlines()
types = lines[1].split("\t")[1:]
printed = {}
for line in lines[2:]:
    cells = line.split("\t")
    for t, n in zip(types, cells[1:]):
        if int(n):
            printed[(cells[0], t)] = int(n)
check(printed == expected, "weekly counts %s, expected %s" % (printed, expected))
check(expected.get(("2024-08-12", "Battles"), 0) >= 1 and ("2024-08-05", "Battles") in expected,
      "the generated data spans two weeks")

with open(plot_path, "rb") as f:
    check(f.read(8) == b"\x89PNG\r\n\x1a\n", "the plot is a PNG")

# Ids that meet are refused, not silently duplicated.
clash = os.path.join(work_dir, "clash.csv")
with open(clash, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(acled.ACLED_COLUMNS)
    w.writerow([sitrep_rows[0][c] for c in acled.ACLED_COLUMNS])
r = subprocess.run([sys.executable, script, clash, sitrep_path, "-o", os.path.join(work_dir, "x.csv")],
                   capture_output=True, text=True)
check(r.returncode != 0 and "event ids in both files" in r.stderr, "a shared event id is refused")

if failures:
    print("FAILED:\n  " + "\n  ".join(failures))
    sys.exit(1)
print("examples/acled_append.py: %d ACLED + %d sitrep events combined, weekly counts and plot checked"
      % (3, len(sitrep_rows)))
