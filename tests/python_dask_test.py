"""sitrep.dask: a LocalCluster of 2 workers ingests what `sitrep ingest` ingests.

  python_dask_test.py SITREP_CLI PROJECT_DIR BUILD_PYTHON_DIR BUILT(ON|OFF) WORK_DIR [--postgres]

The corpus: scripts/make-corpus JSON Lines (cut into shards), a folder of
articles (grouped into parts) with a file of an unknown type, and a JSON
Lines file with a bad line. Checks, against `sitrep ingest` of the same
inputs into SQLite:
  1. the same documents, claims and events (`sitrep export --format jsonl`,
     sorted, row ids left out, the corroboration-group fields of every claim
     included: the corroboration pass does not depend on the order of
     writing), the same near-duplicate clusters and the same problems with
     their origins; the final corroboration pass covered the store;
  2. a worker killed (SIGKILL) while it ingests: the job completes, every
     document is stored exactly once, the export is still the same.
With --postgres the Dask run writes into a throwaway PostgreSQL started by
scripts/postgres (skipped, exit 77, when there is no such script).
Exits 77 only when the package was not built or dask/distributed is missing.
"""
import json
import math
import re
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time

from store_rows import exported_claims


# Everything runs in main(): the Dask workers are spawned processes that
# import this file again.
def main():
    cli, root, pydir, built, work = (os.path.abspath(a) if i != 3 else a for i, a in enumerate(sys.argv[1:6]))
    postgres = "--postgres" in sys.argv[6:]
    if built != "ON":
        print("skip: the Python package was not built (apt-get install pybind11-dev python3-dev, then reconfigure)")
        return 77
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as e:
        print("skip: %s (apt-get install python3-dask python3-distributed)" % e)
        return 77
    pg_script = os.path.join(root, "scripts", "postgres")
    if postgres and not os.path.exists(pg_script):
        print("skip: scripts/postgres does not exist yet (the PostgreSQL store, issue 18); "
              "this test runs the Dask ingest into PostgreSQL once it does")
        return 77

    sys.path.insert(0, pydir)
    os.environ["PYTHONPATH"] = pydir + os.pathsep + os.environ.get("PYTHONPATH", "")  # for the workers
    import sitrep.dask
    from distributed import Client, LocalCluster

    failures = []


    def check(ok, what):
        if not ok:
            failures.append(what)
            print("FAIL:", what)


    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    os.chdir(work)  # inputs are named relative to here, by both runs
    subprocess.run([sys.executable, os.path.join(root, "scripts", "make-corpus"), "--mb", "1.5", "--out",
                    "generated.jsonl", "--seed", "7"], check=True)
    os.makedirs("articles/sub")
    for i, name in enumerate(sorted(n for n in os.listdir(os.path.join(root, "examples"))
                                    if n.endswith((".txt", ".html")))):
        shutil.copy(os.path.join(root, "examples", name), os.path.join("articles" if i % 2 else "articles/sub", name))
    with open("articles/notes.bin", "wb") as f:
        f.write(b"\x00\x01 not a known type: ignored in a folder")
    with open("bad.jsonl", "w") as f:
        f.write(json.dumps({"text": "Officials said 3 drones hit Sumy overnight.", "published": "2024-03-02",
                            "url": "https://example.org/a"}) + "\n")
        f.write("{not json\n")
        f.write(json.dumps({"text": 42, "url": "https://example.org/b"}) + "\n")
    inputs = ["generated.jsonl", "articles", "bad.jsonl"]
    PARTITION = 150_000  # bytes: the JSON Lines file becomes a dozen shards, the articles a few parts

    # Parallel writers write in another order than one reader; the
    # corroboration pass clusters and groups in an order of the content
    # (src/store/corroborate.cc), so every field must be equal, the groups'
    # (group_id, corroboration, contradiction, group_status) included.
    def export(db):
        # Row ids depend on the order documents were written, which differs
        # between one writer and many; everything else must be the same.
        return exported_claims(cli, db)

    def documents(db):
        c = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
        # With the key of the first document of its near-duplicate cluster.
        rows = c.execute("SELECT d.doc_key, d.sha256, d.version, d.is_latest, r.doc_key FROM documents d "
                         "JOIN documents r ON r.id = d.cluster_id").fetchall()
        c.close()
        return rows


    def problems_of(db):
        c = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
        rows = c.execute("SELECT DISTINCT origin, reason, skipped FROM ingest_problems").fetchall()
        c.close()
        return sorted(rows)


    # The reference: the command line.
    p = subprocess.run([cli, "ingest", "--db", "cli.db", *inputs], capture_output=True, text=True)
    check(p.returncode == 3, "sitrep ingest reports the bad records (exit 3, got %d: %s)" % (p.returncode, p.stderr))
    cli_out = p.stdout
    want_export, want_docs, want_problems = export("cli.db"), sorted(documents("cli.db")), problems_of("cli.db")
    check(len(want_docs) > 50 and len(want_export) > 100, "the corpus is not trivial (%d documents, %d claims)"
          % (len(want_docs), len(want_export)))
    check(any("bad.jsonl:2" == o for o, _, _ in want_problems), "the CLI names bad.jsonl:2")

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    client = Client(cluster)
    try:
        parts, _, _ = sitrep.dask.plan_parts(inputs, PARTITION)
        shards = math.ceil(os.path.getsize("generated.jsonl") / PARTITION)
        check(sorted((i, n) for paths, i, n in parts if paths == ("generated.jsonl",)) ==
              [(i, shards) for i in range(shards)], "the JSON Lines file is %d shards: %s" % (shards, parts))

        # 1. The same content as the command line.
        db = "dask.db"
        summary, problems = sitrep.dask.ingest(inputs, db, client=client, partition_bytes=PARTITION)
        check(export(db) == want_export, "dask export = CLI export (%d vs %d claims)" % (len(export(db)), len(want_export)))
        check(sorted(documents(db)) == want_docs, "dask documents = CLI documents")
        check(problems_of(db) == want_problems, "dask problems = CLI problems: %s vs %s" % (problems_of(db), want_problems))
        got = sorted(set((o, r, s) for o, r, s in problems))
        check(got == [(o, r, bool(s)) for o, r, s in want_problems], "the summary lists every problem with its origin")
        for field, pattern in (("records", r"([\d,]+) documents read"), ("problems", r"problems ([\d,]+)"),
                               ("warnings", r"warnings ([\d,]+)"), ("claims", r"claims written ([\d,]+)")):
            m = re.search(pattern, cli_out)
            check(m and int(m.group(1).replace(",", "")) == summary[field],
                  "summary %s %s = the CLI's (%s)" % (field, summary[field], m and m.group(1)))
        check(summary["added"] == len(want_docs) and summary["unchanged"] == 0, "every document added once: %s" % summary)
        check(summary["ignored_files"] == 1 and summary["groups"] > 0, "ignored file and groups counted: %s" % summary)
        # Again: idempotent, nothing added.
        again, _ = sitrep.dask.ingest(inputs, db, client=client, partition_bytes=PARTITION)
        check(again["added"] == 0 and again["unchanged"] == len(want_docs), "a second run stores nothing: %s" % again)
        check(export(db) == want_export, "the second run leaves the same content")
        # The one corroboration pass covered the whole store: rebuilding the
        # groups again changes nothing.
        first_groups = export(db)
        check(any('"corroboration": 2' in r for r in first_groups), "some claims are corroborated")
        check(len(set(r for r in first_groups if '"group_id": null' not in r)) > 100, "many claims are grouped")
        subprocess.run([cli, "ingest", "--rebuild-groups", "--db", db], capture_output=True, check=True)
        check(export(db) == first_groups, "the final pass left the groups a rebuild gives")

        # 2. A worker killed (SIGKILL) once the first documents are committed:
        # Dask reruns its part on another worker; nothing is stored twice.
        db = "killed.db"
        pids = list(client.run(os.getpid).values())
        killed = []

        def killer():
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and not killed:
                try:
                    c = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=1)
                    n = c.execute("SELECT count(*) FROM documents").fetchone()[0]
                    c.close()
                except sqlite3.Error:
                    n = 0
                if n > 0:
                    os.kill(pids[0], signal.SIGKILL)
                    killed.append(n)
                    return
                time.sleep(0.02)

        t = threading.Thread(target=killer)
        t.start()
        summary, problems = sitrep.dask.ingest(inputs, db, client=client, partition_bytes=PARTITION)
        t.join()
        check(bool(killed), "a worker was killed during the run")
        check(killed and killed[0] < len(want_docs), "it was killed before the end (%s of %d documents)"
              % (killed, len(want_docs)))
        docs = documents(db)
        check(len(docs) == len(set(d[0] for d in docs)) == len(want_docs), "every document exactly once after the kill "
              "(%d rows, %d keys, %d expected)" % (len(docs), len(set(d[0] for d in docs)), len(want_docs)))
        check(sorted(docs) == want_docs, "the same documents as the CLI after the kill")
        check(export(db) == want_export, "the same claims and events as the CLI after the kill")
        print("killed worker %d after %d documents; summary %s" % (pids[0], killed[0] if killed else -1, summary))

        # 3. PostgreSQL (scripts/postgres start DIR prints its URI).
        if postgres:
            pg_dir = os.path.join(work, "pg")
            uri = subprocess.run([pg_script, "start", pg_dir], capture_output=True, text=True, check=True).stdout.split()[-1]
            try:
                sitrep.dask.ingest(inputs, uri, client=client, partition_bytes=PARTITION)
                check(export(uri) == want_export, "PostgreSQL via Dask = SQLite via the CLI")
            finally:
                subprocess.run([pg_script, "stop", pg_dir], check=False)
    finally:
        client.close()
        cluster.close()

    if failures:
        print("%d failure(s)" % len(failures))
        return 1
    print("python dask: %d documents, %d claims as `sitrep ingest` stores them (groups included), also after a kill"
          % (len(want_docs), len(want_export)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
