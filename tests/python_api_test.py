"""import sitrep: the Python API against the command line, and its errors.

  python_api_test.py SITREP_CLI PROJECT_DIR BUILD_PYTHON_DIR BUILT(ON|OFF)

Run with Debian's /usr/bin/python3 (tests/CMakeLists.txt). Exits 77 (skip)
only when the package was not built for want of pybind11-dev/python3-dev.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import threading

cli, root, pydir, built = sys.argv[1:5]
if built != "ON":
    print("skip: the Python package was not built (apt-get install pybind11-dev python3-dev, then reconfigure)")
    sys.exit(77)
sys.path.insert(0, pydir)
import sitrep  # noqa: E402

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)


def cli_json(path, *flags):
    out = subprocess.run([cli, "extract", "--compact", *flags, path], capture_output=True, check=True)
    return json.loads(out.stdout)


# 1. Every example: sitrep.extract(bytes) is the CLI's JSON, value for value
# and in the CLI's order: both are written out again by json.dumps, which
# keeps key order and tells 3 from 3.0, and compared as text. The dict is
# built in C++ without the JSON text (python/_sitrep.cc), so this is what
# keeps it to the one contract.
def same(a, b):
    return json.dumps(a, ensure_ascii=False) == json.dumps(b, ensure_ascii=False)


examples = sorted(glob.glob(os.path.join(root, "examples", "*.txt")) +
                  glob.glob(os.path.join(root, "examples", "*.html")) +
                  glob.glob(os.path.join(root, "tests", "data", "corpus", "articles", "*.txt")) +
                  glob.glob(os.path.join(root, "tests", "data", "corpus", "articles", "*.html")))
check(len(examples) >= 6, "examples/ and tests/data/corpus/articles hold at least 6 articles (found %d)" % len(examples))
for path in examples:
    data = open(path, "rb").read()
    want = cli_json(path)
    got = sitrep.extract(data)
    check(same(got, want), "extract(%s) equals `sitrep extract`" % os.path.basename(path))
    check(same(sitrep.extract(data.decode("utf-8")), want),
          "extract(str of %s) equals the bytes'" % os.path.basename(path))
    check(same(json.loads(sitrep.Extractor().extract_json(data)), want),
          "Extractor().extract_json(%s) is the CLI's text" % os.path.basename(path))
    check(len(want.get("claims", [])) > 0, "%s has claims (the comparison is not empty)" % os.path.basename(path))

# The options map to the CLI's flags.
path = os.path.join(root, "examples", "kharkiv-strikes.txt")
want = cli_json(path, "--published", "2024-01-02", "--outlet", "Test Outlet", "--input", "text")
got = sitrep.extract(open(path, "rb").read(), published="2024-01-02", outlet="Test Outlet", input="text")
check(same(got, want), "published/outlet/input match --published/--outlet/--input")
check(json.dumps(got).find("Test Outlet") >= 0, "the outlet given reaches the result")

# window_bytes is the CLI's --window-bytes: the plain-text examples joined
# into one document, cut into windows of 1 kB, give the CLI's output, which
# differs from the uncut document's (so the argument is not ignored).
joined = b"\n\n".join(open(p, "rb").read() for p in examples if p.endswith(".txt"))
joined_path = os.path.join(tempfile.mkdtemp(), "joined.txt")
with open(joined_path, "wb") as f:
    f.write(joined)
want_cut = cli_json(joined_path, "--window-bytes", "1024")
check(same(sitrep.extract(joined, window_bytes=1024), want_cut), "window_bytes=1024 matches --window-bytes 1024")
check(same(json.loads(sitrep.Extractor().extract_json(joined, window_bytes=1024)), want_cut),
      "Extractor().extract_json(window_bytes=1024) matches --window-bytes 1024")
check(not same(want_cut, cli_json(joined_path, "--window-bytes", "0")), "cutting the joined examples changes something")
check(same(sitrep.extract(joined, window_bytes=0), cli_json(joined_path, "--window-bytes", "0")),
      "window_bytes=0 matches --window-bytes 0")

# 2. Threads: extraction releases the GIL and one Extractor serves them all;
# four threads give the serial results.
serial = [sitrep.extract(open(p, "rb").read()) for p in examples]
results = [None] * (4 * len(examples))


def work(i):
    results[i] = sitrep.extract(open(examples[i % len(examples)], "rb").read())


threads = [threading.Thread(target=work, args=(i,)) for i in range(len(results))]
for t in threads:
    t.start()
for t in threads:
    t.join()
check(all(results[i] == serial[i % len(examples)] for i in range(len(results))), "threads give the serial results")

# 3. Spans are bytes; byte_to_str_index maps them into the str.
text = "Мэр Харькова Игорь Терехов сказал: «Город обстреляли ночью». Ukraine said 3 drones hit Kharkiv."
x = sitrep.extract(text, published="2024-05-01")
spans = [c["span"] for c in x["claims"]]
check(spans, "the Cyrillic text has claims")
raw = text.encode("utf-8")
for b, e in spans:
    s, t = sitrep.str_span(text, (b, e))
    check(text[s:t] == raw[b:e].decode("utf-8"), "str_span(%d,%d) is the same words as the bytes" % (b, e))
check(sitrep.byte_to_str_index("Київ", 2) == 1, "byte 2 of 'Київ' is character 1")
for bad in (1, 99, -1):
    try:
        sitrep.byte_to_str_index("Київ", bad)
        check(False, "byte_to_str_index refuses offset %d" % bad)
    except ValueError:
        pass

# 4. Version: the CLI's.
v = subprocess.run([cli, "--version"], capture_output=True, text=True, check=True).stdout.split()[-1]
check(sitrep.version == v, "sitrep.version %r is the CLI's %r" % (sitrep.version, v))


# 5. Errors: Python exceptions with sitrep's message, never an abort.
def raises(kind, fn, what, contains=""):
    try:
        fn()
    except kind as e:
        check(contains in str(e), "%s: message %r names %r" % (what, str(e), contains))
        return
    except Exception as e:  # noqa: BLE001
        check(False, "%s raised %s (%s), not %s" % (what, type(e).__name__, e, kind.__name__))
        return
    check(False, "%s raised nothing" % what)


raises(sitrep.Error, lambda: sitrep.extract("Kyiv said.", input="pdf"), "an unknown input type", "pdf")
raises(TypeError, lambda: sitrep.extract(12345), "text of the wrong Python type", "str or bytes")
raises(sitrep.Error, lambda: sitrep.extract("Kyiv said.", published="13/08/2024"), "a bad date", "13/08/2024")
raises(sitrep.Error, lambda: sitrep.extract(b""), "an empty document")
raises(sitrep.Error, lambda: sitrep.extract("Kyiv said.", window_bytes=-1), "a negative window", "window_bytes")
raises(sitrep.Error, lambda: sitrep.Extractor(gazetteer="/nonexistent/gazetteer.bin"), "a missing gazetteer",
       "/nonexistent/gazetteer.bin")
check(issubclass(sitrep.Error, Exception) and sitrep.Error.__module__ == "sitrep", "sitrep.Error is sitrep's class")
# The default Extractor with $SITREP_GAZETTEER naming no file: the process
# raises (and goes on to the next line), it does not end.
env = dict(os.environ, PYTHONPATH=pydir, SITREP_GAZETTEER="/nonexistent/g.bin")
code = ("import sitrep\n"
        "try:\n    sitrep.extract('Kyiv said the city was shelled.')\n"
        "except sitrep.Error as e:\n    print('raised:', e)\n"
        "print('still running')\n")
p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
check(p.returncode == 0 and "raised:" in p.stdout and "/nonexistent/g.bin" in p.stdout and "still running" in p.stdout,
      "a missing default gazetteer raises sitrep.Error in a process that goes on (got %r %r)" % (p.stdout, p.stderr))
# An explicit Extractor works beside it.
e = sitrep.Extractor()
check(e.extract(open(path, "rb").read()) == sitrep.extract(open(path, "rb").read()), "Extractor().extract = extract")

if failures:
    print("%d failure(s)" % len(failures))
    sys.exit(1)
print("python api: %d examples identical to the CLI; threads, spans, version, errors ok" % len(examples))
