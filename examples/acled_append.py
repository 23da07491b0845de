#!/usr/bin/python3
"""Append sitrep's events to an ACLED export and plot events per week by type.

    build/sitrep export --format acled-csv -o sitrep.csv
    examples/acled_append.py acled.csv sitrep.csv -o combined.csv --plot weekly.png

acled.csv is an export from ACLED (its 31 columns); sitrep.csv is `sitrep
export --format acled-csv`, whose first 31 columns are ACLED's in ACLED's
order (docs/acled.md). The combined file keeps ACLED's columns first, then
sitrep's (empty on ACLED's rows), and a column `dataset` (acled | sitrep) so
that the two stay apart. An event id present in both is refused: sitrep's
ids are the country's code and sitrep's claim number, which may meet one of
ACLED's. Prints the weekly counts (weeks starting on Monday) and, with
--plot, draws them (matplotlib, Debian python3-matplotlib).
"""
import argparse
import sys

import pandas as pd

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]


def read(path, name):
    frame = pd.read_csv(path, keep_default_na=True)
    missing = [c for c in ACLED_COLUMNS if c not in frame.columns]
    if missing:
        sys.exit("acled_append: %s is not an ACLED export: no %s" % (path, ", ".join(missing)))
    frame["dataset"] = name
    return frame


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("acled", help="ACLED export (CSV)")
    parser.add_argument("sitrep", help="sitrep export --format acled-csv")
    parser.add_argument("-o", "--output", required=True, help="the combined CSV")
    parser.add_argument("--plot", help="draw events per week by type into this image (PNG, SVG, PDF)")
    args = parser.parse_args()

    acled = read(args.acled, "acled")
    sitrep = read(args.sitrep, "sitrep")
    shared = set(acled["event_id_cnty"]) & set(sitrep["event_id_cnty"])
    if shared:
        sys.exit("acled_append: event ids in both files: %s" % ", ".join(sorted(shared)[:10]))
    extra = [c for c in sitrep.columns if c not in ACLED_COLUMNS and c != "dataset"]
    combined = pd.concat([acled, sitrep], ignore_index=True)[ACLED_COLUMNS + extra + ["dataset"]]
    combined.to_csv(args.output, index=False)

    dates = pd.to_datetime(combined["event_date"], format="%Y-%m-%d")
    week = (dates - pd.to_timedelta(dates.dt.weekday, unit="D")).dt.strftime("%Y-%m-%d")
    weekly = combined.assign(week=week).groupby(["week", "event_type"]).size().unstack(fill_value=0)
    print("events per week (weeks from Monday) by type, %d from ACLED and %d from sitrep:" % (len(acled), len(sitrep)))
    print(weekly.to_csv(sep="\t"), end="")

    if args.plot:
        import matplotlib
        matplotlib.use("Agg")  # no display needed
        import matplotlib.pyplot as plt
        ax = weekly.plot(kind="bar", stacked=True, figsize=(9, 4.5), width=0.8)
        ax.set_xlabel("week starting")
        ax.set_ylabel("events")
        ax.set_title("Events per week by type (ACLED and sitrep)")
        ax.legend(fontsize="small")
        plt.tight_layout()
        plt.savefig(args.plot)


if __name__ == "__main__":
    main()
