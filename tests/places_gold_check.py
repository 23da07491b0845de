#!/usr/bin/env python3
"""Russian and Ukrainian place gold (tests/data/gold/places-ru, places-uk):
recall from `sitrep eval` (places within the gold tolerance) and precision
from `sitrep extract` (predicted places that are no gold mention: the
sentence-initial "Они", "Там", "Саме" and common words must not be places).

Usage: places_gold_check.py SITREP MIN_RECALL MAX_SPURIOUS GOLD_DIR...
Exits 1 when recall is below MIN_RECALL (0-1) or more than MAX_SPURIOUS
places are predicted that no gold mention covers.
"""
import glob
import json
import re
import subprocess
import sys


def main():
    if len(sys.argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    sitrep, min_recall, max_spurious = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    golds = []
    for d in sys.argv[4:]:
        golds += sorted(glob.glob(d + "/*.gold.json"))
    if not golds:
        print("places_gold_check: no gold files", file=sys.stderr)
        return 2
    out = subprocess.run([sitrep, "eval", "--quiet"] + golds, capture_output=True, text=True, check=True).stdout
    m = re.search(r"places within tolerance: (\d+)/(\d+)", out)
    hit, total = int(m.group(1)), int(m.group(2))
    spurious = []
    for g in golds:
        gold = json.load(open(g, encoding="utf-8"))
        firsts = [p["mention"].lower().split(" ")[0] for p in gold["places"]]
        text = g[: -len(".gold.json")] + ".txt"
        x = json.loads(subprocess.run([sitrep, "extract", text], capture_output=True, text=True, check=True).stdout)
        for p in x["places"]:
            if not any(f in p["mention"].lower() for f in firsts):
                spurious.append("%s: %s -> %s" % (g.split("/")[-1], p["mention"], p["name"]))
    recall = hit / total if total else 0
    print("places within tolerance: %d/%d (%.1f%%); spurious places: %d" % (hit, total, 100 * recall, len(spurious)))
    for s in spurious:
        print("  spurious " + s)
    if recall < min_recall or len(spurious) > max_spurious:
        print("places_gold_check: below %.2f recall or more than %d spurious" % (min_recall, max_spurious), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
