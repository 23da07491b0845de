#!/usr/bin/env bash
# The sitrep command line on bad input: a clear "sitrep: ..." message and a
# non-zero exit, never a crash. Usage: cli_test.sh path/to/sitrep
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass=0

# expect CODE PATTERN -- ARGS...: exit code and a stderr pattern.
expect() {
  local code=$1 pattern=$2
  shift 3
  "$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  local got=$?
  if [[ $got -ne $code ]] || ! grep -qE -- "$pattern" "$tmp/err" "$tmp/out"; then
    echo "FAIL: sitrep $* -> exit $got (want $code), output:"; cat "$tmp/err" "$tmp/out" | head -5
    fails=$((fails + 1))
  else
    pass=$((pass + 1))
  fi
}

: >"$tmp/empty.txt"
head -c 4096 /dev/urandom >"$tmp/garbage.bin"
printf 'caf\xe9 \xe0 la gare. %.0s' {1..100} >"$tmp/latin1.txt"
printf 'Shelling hit Sumy \xff on Monday, officials said.\n' >"$tmp/bad_byte.txt"
mkdir "$tmp/dir"

expect 1 "sitrep: no such file" -- extract "$tmp/missing.txt"
expect 1 "sitrep: .*empty" -- extract "$tmp/empty.txt"
expect 1 "sitrep: .*binary" -- extract "$tmp/garbage.bin"
expect 1 "sitrep: .*not UTF-8" -- extract "$tmp/latin1.txt"
expect 1 "sitrep: .*directory" -- extract "$tmp/dir"
expect 1 "sitrep: .*--max-bytes" -- extract --max-bytes 10 "$tmp/bad_byte.txt"
expect 1 "sitrep: .*not a date" -- extract --published 2024-13-01 "$tmp/bad_byte.txt"
expect 0 "invalid UTF-8" -- extract --published 2024-08-13 "$tmp/bad_byte.txt"
expect 2 "FILE is required" -- extract
expect 2 "json|text" -- extract --format xml "$tmp/bad_byte.txt"
expect 2 "sitrep: --crf needs --min-weight" -- train attribution "$tmp/dir" --crf -o "$tmp/crf.model"
expect 2 "subcommand|frobnicate" -- frobnicate
# No usable gazetteer: a clear error before any work.
head -c 3000 "$(dirname "$bin")/gazetteer.bin" >"$tmp/truncated.bin"
SITREP_GAZETTEER="$tmp/none.bin" expect 1 "sitrep: cannot open gazetteer .*none.bin" -- extract "$tmp/bad_byte.txt"
SITREP_GAZETTEER="$tmp/truncated.bin" expect 1 "sitrep: gazetteer .*truncated.*rebuild" -- extract "$tmp/bad_byte.txt"
{ printf 'NOTAGAZ!'; tail -c +9 "$(dirname "$bin")/gazetteer.bin"; } >"$tmp/magic.bin"
SITREP_GAZETTEER="$tmp/magic.bin" expect 1 "^sitrep: gazetteer .*magic.bin.*wrong magic" -- extract "$tmp/bad_byte.txt"
SITREP_GAZETTEER="$tmp/none.bin" expect 1 "^sitrep: cannot open gazetteer" -- ingest -q --db "$tmp/nogaz.db" tests/data/corpus/reports.jsonl
if [[ -e "$tmp/nogaz.db" ]]; then echo "FAIL: ingest without a gazetteer created a database"; fails=$((fails + 1)); else pass=$((pass + 1)); fi
SITREP_GAZETTEER="$tmp/none.bin" expect 1 "^sitrep: cannot open gazetteer" -- bench --mb 0.01
expect 0 "Extract claims" -- --help
expect 0 "--published" -- extract --help
expect 0 "gold" -- eval --help
expect 0 "MB/s" -- bench --help
# The long-document benchmark joins the files and rates each size.
expect 0 "[0-9]+ kB document .*x the one-by-one rate" -- bench --long 0.05 examples/kharkiv-strikes.txt examples/belgorod-evacuation.txt
expect 2 "--long" -- bench --long 0 examples/kharkiv-strikes.txt
expect 0 "sitrep 0" -- --version
# Standard input works and the output is one JSON object.
echo "Russian forces shelled Kherson on Monday, regional officials said." |
  "$bin" extract --published 2024-08-13 --compact - >"$tmp/stdin.json" 2>"$tmp/err"
if [[ $? -eq 0 ]] && grep -q '"claims":\[{' "$tmp/stdin.json"; then pass=$((pass + 1)); else
  echo "FAIL: extract from stdin"; fails=$((fails + 1)); fi

# The database verbs.
corpus=tests/data/corpus
expect 3 "reports.jsonl:3: not valid JSON" -- ingest -q --db "$tmp/c.db" "$corpus"
expect 3 "unchanged 9" -- ingest -q --db "$tmp/c.db" "$corpus/articles" "$corpus/reports.jsonl" "$corpus/feeds/ledger.xml" "$corpus/feeds/monitor.atom" "$corpus/channel"
expect 1 "no such file or folder" -- ingest --db "$tmp/c.db" "$tmp/missing"
expect 2 "is a folder" -- ingest --db "$tmp/dir" "$corpus/reports.jsonl"
expect 1 "not a SQLite database|not a sitrep database" -- claims --db "$tmp/garbage.bin"
expect 1 "no database at .*run 'sitrep ingest'" -- claims --db "$tmp/none.db"
expect 0 "Sumy" -- claims --db "$tmp/c.db" --place Sumy
expect 0 "Air/drone strike" -- events --db "$tmp/c.db" --near 50.92,34.80,25
expect 2 "--near takes LAT,LON,KM" -- claims --db "$tmp/c.db" --near 50,30
expect 0 "Air/drone strike" -- events --db "$tmp/c.db" --bbox 34.5,50.7,35.1,51.1
expect 2 "--bbox takes WEST,SOUTH,EAST,NORTH" -- claims --db "$tmp/c.db" --bbox 30,46
expect 2 "not a date" -- claims --db "$tmp/c.db" --since 2024-02-30
expect 2 "not valid" -- claims --db "$tmp/c.db" --text '"unbalanced'
expect 2 "status" -- claims --db "$tmp/c.db" --status rumoured
expect 0 "«Russian drones struck" -- show --db "$tmp/c.db" 1
# Terminal escapes from input are shown escaped, never sent raw (issue 14).
printf -- '---\npublished: 2024-08-13\ntitle: Depot \033]0;pwned\007fire\n---\nThe governor said a depot in Sumy \033[2J\033[31mburned on Monday.\n' >"$tmp/escape.txt"
"$bin" ingest -q --db "$tmp/esc.db" "$tmp/escape.txt" >/dev/null 2>&1
"$bin" show --db "$tmp/esc.db" 1 >"$tmp/show.out" 2>&1
if ! grep -q $'\033' "$tmp/show.out" && grep -qF '\x1b[2J\x1b[31m' "$tmp/show.out" && grep -qF 'Depot \x1b]0;pwned\x07fire' "$tmp/show.out"; then
  pass=$((pass + 1)); else echo "FAIL: sitrep show prints raw escape sequences"; cat -v "$tmp/show.out" | head -5; fails=$((fails + 1)); fi
"$bin" ingest -q --db "$tmp/esc.db" "$tmp/$(printf 'no\033[31mfile')" >/dev/null 2>"$tmp/err"
if ! grep -q $'\033' "$tmp/err" && grep -qF 'no\x1b[31mfile' "$tmp/err"; then
  pass=$((pass + 1)); else echo "FAIL: an error message echoes a raw escape sequence"; cat -v "$tmp/err"; fails=$((fails + 1)); fi
expect 1 "no document 999" -- show --db "$tmp/c.db" 999
expect 0 "^event_id_cnty,event_date,year,time_precision,disorder_type,event_type" -- export --db "$tmp/c.db" --format acled-csv
expect 0 "FeatureCollection" -- export --db "$tmp/c.db" --format geojson
expect 1 "^sitrep: export: cannot create $tmp/no/such/dir/e.gpkg" -- export --db "$tmp/c.db" --format gpkg -o "$tmp/no/such/dir/e.gpkg"
expect 2 "format: .*kml" -- export --db "$tmp/c.db" --format kml
expect 2 "format: .*shp" -- control export --db "$tmp/c.db" --format shp
expect 1 "no database at $tmp/none.db" -- control export --db "$tmp/none.db" -o "$tmp/c.gpkg"
SITREP_GAZETTEER="$tmp/none.bin" expect 0 "^sitrep: countries are given by ISO code: cannot open gazetteer" -- export --db "$tmp/c.db" --format acled-csv
expect 0 "claim groups 1" -- stats --db "$tmp/c.db"
"$bin" claims --db "$tmp/c.db" --format json >"$tmp/claims.json" 2>"$tmp/err"
if python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d) > 10 and d[0]['source']['outlet'] is not None" "$tmp/claims.json"; then
  pass=$((pass + 1)); else echo "FAIL: claims --format json is not a JSON array of claims"; fails=$((fails + 1)); fi

# Control maps and verify.
printf '{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[35,51],[36,52],[36,51],[35,52],[35,51]]]}}' >"$tmp/bowtie.geojson"
expect 3 "bowtie.geojson#feature 1: Self-intersection" -- control import --db "$tmp/c.db" --date 2024-08-12 "$tmp/bowtie.geojson"
expect 0 "1 repaired" -- control import --db "$tmp/c.db" --date 2024-08-12 --repair "$tmp/bowtie.geojson"
expect 0 "russian_advances_pokrovsk +2024-10-01 RUS" -- control import --db "$tmp/c.db" examples/control
expect 0 "477.0" -- control show --db "$tmp/c.db" --layer russian_advances_pokrovsk
expect 0 "^layer,date,holder" -- control show --db "$tmp/c.db" --format csv
expect 0 "GAINED" -- control diff --db "$tmp/c.db" 2024-09-15 2024-10-01
expect 2 "YYYY-MM-DD" -- control diff --db "$tmp/c.db" 2024-09-15 tomorrow
expect 1 "no such file or folder" -- control import --db "$tmp/c.db" "$tmp/missing.geojson"
expect 0 "checked [0-9]+ claims against the map" -- verify --db "$tmp/c.db"
expect 1 "no database at" -- verify --db "$tmp/none.db" --window 3

expect 1 "serve: no database at" -- serve --db "$tmp/none.db" --port 0
expect 2 "port" -- serve --db "$tmp/c.db" --port 70000
expect 0 "read-only JSON API" -- serve --help
expect 0 "--token-file" -- serve --help
# Off the loopback: a token, or an explicit --insecure-no-auth with a warning.
expect 2 "not a loopback address.*--token-file" -- serve --db "$tmp/c.db" --port 0 --host 0.0.0.0
printf 'short\n' >"$tmp/short.token"
expect 2 "at least 16 characters" -- serve --db "$tmp/c.db" --port 0 --host 0.0.0.0 --token-file "$tmp/short.token"
expect 2 "cannot read the token file" -- serve --db "$tmp/c.db" --port 0 --host 0.0.0.0 --token-file "$tmp/none.token"
"$bin" serve --db "$tmp/c.db" --port 0 --host 0.0.0.0 --insecure-no-auth >"$tmp/serve.out" 2>"$tmp/serve.err" &
serve_pid=$!
for _ in $(seq 50); do grep -q "http://" "$tmp/serve.out" && break; sleep 0.1; done
kill -TERM "$serve_pid"; wait "$serve_pid"
if grep -q "WARNING: 0.0.0.0 is not a loopback address" "$tmp/serve.err"; then
  pass=$((pass + 1)); else echo "FAIL: --insecure-no-auth gives no warning"; cat "$tmp/serve.err"; fails=$((fails + 1)); fi
expect 1 "no web assets at" -- serve --db "$tmp/c.db" --port 0 --web "$tmp/no-web"
# A running server: the page at / and the API beside it; SIGTERM stops it (exit 0).
"$bin" serve --db "$tmp/c.db" --port 0 >"$tmp/serve.out" 2>"$tmp/serve.err" &
serve_pid=$!
for _ in $(seq 50); do grep -q "http://" "$tmp/serve.out" && break; sleep 0.1; done
url=$(grep -oE "http://127.0.0.1:[0-9]+" "$tmp/serve.out" | head -1)
if grep -q "map at $url/" "$tmp/serve.out" && python3 - "$url" <<'PY'
import json, sys, urllib.request
base = sys.argv[1]
get = urllib.request.build_opener(urllib.request.ProxyHandler({})).open  # loopback: no proxy
page = get(base + "/").read().decode()
assert "<title>sitrep map</title>" in page, page[:200]
assert json.load(get(base + "/api/stats"))["documents"] > 0
PY
then
  pass=$((pass + 1))
else
  echo "FAIL: sitrep serve: no page or API at '$url'"; cat "$tmp/serve.out" "$tmp/serve.err" | head -5
  fails=$((fails + 1))
fi
kill -TERM "$serve_pid"
if wait "$serve_pid"; then pass=$((pass + 1)); else echo "FAIL: sitrep serve did not stop cleanly on SIGTERM"; fails=$((fails + 1)); fi

# HTTPS: a certificate and its key make every connection TLS; the API
# answers over TLS with the certificate trusted, and plain HTTP gets no API.
expect 2 "both a certificate and its key" -- serve --db "$tmp/c.db" --port 0 --tls-cert examples/README.md
if command -v openssl >/dev/null; then
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/tls.key" -out "$tmp/tls.crt" -days 2 \
    -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" 2>/dev/null
  expect 2 "not a PEM certificate and its matching private key" -- serve --db "$tmp/c.db" --port 0 \
    --tls-cert "$tmp/tls.crt" --tls-key "$tmp/short.token"
  "$bin" serve --db "$tmp/c.db" --port 0 --tls-cert "$tmp/tls.crt" --tls-key "$tmp/tls.key" >"$tmp/serve.out" 2>"$tmp/serve.err" &
  serve_pid=$!
  for _ in $(seq 50); do grep -q "https://" "$tmp/serve.out" && break; sleep 0.1; done
  url=$(grep -oE "https://127.0.0.1:[0-9]+" "$tmp/serve.out" | head -1)
  if [[ -n "$url" ]] && python3 - "$url" "$tmp/tls.crt" <<'PY'
import json, ssl, sys, urllib.error, urllib.request
base, cert = sys.argv[1], sys.argv[2]
ctx = ssl.create_default_context(cafile=cert)
get = urllib.request.build_opener(urllib.request.ProxyHandler({}), urllib.request.HTTPSHandler(context=ctx)).open
assert json.load(get(base + "/api/stats"))["documents"] > 0
# The same port in plain HTTP: no API.
try:
    urllib.request.build_opener(urllib.request.ProxyHandler({})).open(base.replace("https", "http") + "/api/stats", timeout=5).read()
    sys.exit("plain HTTP was answered")
except (urllib.error.URLError, ConnectionError, OSError):
    pass
PY
  then
    pass=$((pass + 1))
  else
    echo "FAIL: sitrep serve --tls-cert: no API over HTTPS at '$url'"; cat "$tmp/serve.out" "$tmp/serve.err" | head -5
    fails=$((fails + 1))
  fi
  kill -TERM "$serve_pid"; wait "$serve_pid" || true
else
  echo "cli: openssl not installed; the HTTPS test is skipped"
fi

echo "cli: $pass passed, $fails failed"
[[ $fails -eq 0 ]]
