"""Ingest a corpus on a Dask cluster: ``python3 -m sitrep.dask ingest``.

The inputs ``sitrep ingest`` reads (folders of articles, JSON Lines, Telegram
exports, feeds) are listed by the library (the same walk as the command line)
and cut into parts: groups of article files of about --partition-mb, and
shards of a large container file (each shard reads the file and extracts
every Nth record). The parts are a Dask bag; each worker runs the library's
ingest (the same C++ code path as ``sitrep ingest``) on its part, writing into
the store named by --db, without the corroboration pass; one corroboration
pass over the whole store runs at the end. Ingest is idempotent (a stored
document is skipped), so a part Dask runs again after a worker died stores
nothing twice. docs/python.md has the details.

    python3 -m sitrep.dask ingest --db corpus.db reports/ wire.jsonl
    python3 -m sitrep.dask ingest --scheduler tcp://HOST:8786 --db postgresql://... /shared/corpus
"""
import argparse
import math
import os
import sys
import time

from . import _sitrep

__all__ = ["plan_parts", "ingest", "print_summary", "main"]

_SUMS = ("files", "ignored_files", "records", "bytes", "added", "new_versions", "unchanged", "near_duplicates",
         "claims", "problems", "warnings", "skipped_records")


def _is_uri(db):
    return "://" in db


def plan_parts(paths, partition_bytes=16_000_000, max_shards=64):
    """The parts of an ingest: (parts, ignored_files, listing_problems).

    Each part is (paths, shard_index, shard_count): article files grouped to
    about partition_bytes, a container file larger than that cut into
    ceil(size / partition_bytes) shards (at most max_shards; every shard
    reads the whole file, so shards trade reading for parallel extraction).
    Raises sitrep.Error when a path does not exist.
    """
    files, ignored, problems = _sitrep.list_corpus_files([str(p) for p in paths])
    parts, group, size = [], [], 0
    for path, nbytes, container in files:
        if container and nbytes > partition_bytes:
            k = max(1, min(max_shards, math.ceil(nbytes / partition_bytes)))
            parts.extend(((path,), i, k) for i in range(k))
            continue
        group.append(path)
        size += nbytes
        if size >= partition_bytes:
            parts.append((tuple(group), 0, 1))
            group, size = [], 0
    if group:
        parts.append((tuple(group), 0, 1))
    return parts, ignored, problems


_LOCKED_ATTEMPTS = 5


def _ingest_part(part, db, published, outlet, arguments, jobs):
    """On a worker: one part through the library's ingest, without corroboration.

    A SQLite store that another part's writer holds, or that a killed
    worker left to be recovered, can answer "database is locked" at once
    instead of waiting; the part is then ingested again (a few times, with
    a pause). Ingest skips what is stored already, so nothing is stored
    twice; documents the failed try committed count as unchanged.
    """
    paths, shard_index, shard_count = part
    for attempt in range(1, _LOCKED_ATTEMPTS + 1):
        try:
            return _sitrep.ingest(list(paths), db, shard_index=shard_index, shard_count=shard_count,
                                  corroborate=False, jobs=jobs, published=published, outlet=outlet,
                                  arguments=arguments)
        except _sitrep.Error as e:
            if "database is locked" not in str(e) or attempt == _LOCKED_ATTEMPTS:
                raise
            time.sleep(attempt)


def _corroborate(db, arguments):
    """On a worker: the one corroboration pass over the whole store."""
    summary, problems = _sitrep.ingest([], db, rebuild_groups=True, arguments=arguments)
    return summary["groups"], problems


def ingest(paths, db, client=None, partition_bytes=16_000_000, published="", outlet="", jobs=1, progress=False):
    """Ingests ``paths`` into the store ``db`` on the Dask ``client``'s cluster.

    Returns (summary, problems): summary has the fields of ``sitrep ingest``'s
    summary (documents read, added, claims, problems, ...) summed over the
    parts, plus "groups" and "parts"; problems is every (origin, reason,
    skipped) the parts reported, in part order. A part whose worker died is
    run again by Dask; the documents it had committed are then counted as
    unchanged. Without a client, a LocalCluster of os.cpu_count() workers.
    """
    import dask.bag
    from distributed import Client, LocalCluster

    started = time.monotonic()
    if not _is_uri(db):
        db = os.path.abspath(db)  # workers may run elsewhere in the file system
    arguments = "dask: " + " ".join(str(p) for p in paths)
    parts, ignored, listing_problems = plan_parts(paths, partition_bytes)
    own = None
    if client is None:
        own = LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True,
                           dashboard_address=":0")
        client = Client(own)
    try:
        summary = {k: 0 for k in _SUMS}
        problems = [(origin, reason, True) for origin, reason in listing_problems]
        if parts:
            bag = dask.bag.from_sequence(parts, npartitions=len(parts)).map(
                _ingest_part, db=db, published=published, outlet=outlet, arguments=arguments, jobs=jobs)
            future = client.compute(bag)
            if progress:
                from distributed import progress as show_progress
                show_progress(future)
                print(file=sys.stderr)
            for part_summary, part_problems in future.result():
                for k in _SUMS:
                    summary[k] += part_summary[k]
                problems.extend(part_problems)
        groups, final_problems = client.submit(_corroborate, db, arguments, pure=False).result()
        problems.extend(final_problems)
    finally:
        if own is not None:
            client.close()
            own.close()
    summary["ignored_files"] += ignored
    summary["problems"] += len(listing_problems)
    summary["groups"] = groups
    summary["parts"] = len(parts)
    summary["seconds"] = time.monotonic() - started
    return summary, problems


def _thousands(n):
    return "{:,}".format(n)


def print_summary(db, s, problems, out=sys.stdout, err=sys.stderr, max_shown=20):
    """The summary ``sitrep ingest`` prints, and the first problems."""
    for origin, reason, skipped in problems[:max_shown]:
        print("sitrep: %s%s: %s" % ("" if skipped else "warning: ", origin, reason), file=err)
    if len(problems) > max_shown:
        print("sitrep: ... and %s more; all are in the ingest_problems table of %s"
              % (_thousands(len(problems) - max_shown), db), file=err)
    secs = max(s["seconds"], 1e-3)
    print("ingested %s: %s documents read (%.1f MB) from %s files in %.1f s (%.0f docs/s, %.2f MB/s)"
          % (db, _thousands(s["records"]), s["bytes"] / 1e6, _thousands(s["files"]), s["seconds"],
             s["records"] / secs, s["bytes"] / 1e6 / secs), file=out)
    print("  added %s, new versions %s, unchanged %s, near-duplicates %s"
          % (_thousands(s["added"]), _thousands(s["new_versions"]), _thousands(s["unchanged"]),
             _thousands(s["near_duplicates"])), file=out)
    print("  claims written %s; claim groups (same event, several documents) %s"
          % (_thousands(s["claims"]), _thousands(s["groups"])), file=out)
    print("  problems %s (not stored), warnings %s (stored, flagged), skipped %s (not documents), ignored files %s"
          % (_thousands(s["problems"]), _thousands(s["warnings"]), _thousands(s["skipped_records"]),
             _thousands(s["ignored_files"])), file=out)
    print("  parts %s on the Dask cluster" % _thousands(s["parts"]), file=out)


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python3 -m sitrep.dask",
                                 description="sitrep on a Dask cluster (docs/python.md)")
    sub = ap.add_subparsers(dest="command", required=True)
    ing = sub.add_parser("ingest", help="ingest files and folders into the store, extracting on the workers",
                         description="Reads what `sitrep ingest` reads, extracts on the Dask workers, writes into "
                                     "--db idempotently, then corroborates once. Exit 3 when some records were "
                                     "not stored (each is named with its origin).")
    ing.add_argument("paths", nargs="+", metavar="PATH", help="files and folders, as the workers see them")
    ing.add_argument("--db", default="sitrep.db", help="the store: an SQLite file the workers share, or postgresql://...")
    ing.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://HOST:8786); "
                                         "default: a local cluster of --workers processes")
    ing.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                     help="workers of the local cluster (default: the cores)")
    ing.add_argument("--partition-mb", type=float, default=16, help="text per part (default 16 MB)")
    ing.add_argument("--published", default="", help="YYYY-MM-DD for documents that give no date of their own")
    ing.add_argument("--outlet", default="", help="outlet for documents that name none")
    ing.add_argument("--quiet", action="store_true", help="no progress bar")
    args = ap.parse_args(argv)

    for p in args.paths:  # before a cluster is started for nothing (the library says it the same way)
        if not os.path.exists(p):
            print("sitrep: ingest: no such file or folder: %s" % p, file=sys.stderr)
            return 1
    from distributed import Client, LocalCluster
    cluster = None
    try:
        if args.scheduler:
            client = Client(args.scheduler)
        else:
            if args.workers < 1:
                ap.error("--workers must be at least 1")
            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                   dashboard_address=":0")
            client = Client(cluster)
        try:
            summary, problems = ingest(args.paths, args.db, client=client,
                                       partition_bytes=int(args.partition_mb * 1e6), published=args.published,
                                       outlet=args.outlet, progress=not args.quiet and sys.stderr.isatty())
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    except _sitrep.Error as e:
        print("sitrep: ingest: %s" % e, file=sys.stderr)
        return 1
    print_summary(args.db, summary, problems)
    return 3 if summary["problems"] > 0 else 0


if __name__ == "__main__":
    sys.exit(main())
