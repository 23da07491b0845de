"""Notebook-style: extract a folder of reports with `import sitrep` and plot
events per day from a pandas data frame.

  PYTHONPATH=build/python /usr/bin/python3 examples/events_per_day.py examples/ events_per_day.png

Each article (*.txt, *.html) goes through sitrep.extract (the JSON of
`sitrep extract`, docs/extract-json.md); every claim that reports an event
becomes a row: its day (the claim's date, else the first day of its range,
else the article's publication date), ACLED event type, status and place.
Threads share the process's Extractor (extraction releases the GIL).
"""
import concurrent.futures
import os
import sys

import matplotlib

matplotlib.use("Agg")  # a file, no display
import matplotlib.ticker  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import sitrep  # noqa: E402


def articles(folder):
    for dirpath, _, names in sorted(os.walk(folder)):
        for name in sorted(names):
            if name.endswith((".txt", ".html")) and not name.startswith("."):
                yield os.path.join(dirpath, name)


def event_rows(path):
    with open(path, "rb") as f:
        result = sitrep.extract(f.read())
    published = result["document"].get("published")
    places = {p["id"]: p for p in result.get("places", [])}
    rows = []
    for claim in result["claims"]:
        event = claim.get("event")
        if not event:
            continue
        day = claim.get("date") or (claim.get("date_range") or [published])[0] or published
        place = places.get(event.get("place")) or {}
        rows.append({"file": os.path.basename(path), "day": day, "event_type": event["type"],
                     "status": claim["status"], "place": place.get("name") or place.get("mention")})
    return rows


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: events_per_day.py FOLDER OUT.png")
    folder, out = sys.argv[1], sys.argv[2]
    paths = list(articles(folder))
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count()) as pool:
        rows = [row for rows in pool.map(event_rows, paths) for row in rows]
    frame = pd.DataFrame(rows, columns=["file", "day", "event_type", "status", "place"])
    frame = frame.dropna(subset=["day"])
    frame["day"] = pd.to_datetime(frame["day"])
    per_day = frame.groupby(["day", "event_type"]).size().unstack(fill_value=0).sort_index()
    print("%d articles, %d events on %d days" % (len(paths), len(frame), len(per_day)))
    print(per_day.to_string())
    ax = per_day.plot(kind="bar", stacked=True, figsize=(9, 4.5))
    ax.set_xticklabels([d.strftime("%Y-%m-%d") for d in per_day.index], rotation=45, ha="right")
    ax.set_xlabel("day")
    ax.set_ylabel("events")
    ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))
    ax.set_title("Events per day (sitrep.extract, %d articles)" % len(paths))
    plt.tight_layout()
    plt.savefig(out, dpi=100)
    print("wrote", out)


if __name__ == "__main__":
    main()
