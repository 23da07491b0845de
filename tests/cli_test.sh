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
expect 2 "subcommand|frobnicate" -- frobnicate
# No usable gazetteer: a clear error before any work.
head -c 3000 "$(dirname "$bin")/gazetteer.bin" >"$tmp/truncated.bin"
SITREP_GAZETTEER="$tmp/none.bin" expect 1 "sitrep: cannot open gazetteer .*none.bin" -- extract "$tmp/bad_byte.txt"
SITREP_GAZETTEER="$tmp/truncated.bin" expect 1 "sitrep: gazetteer .*truncated.*rebuild" -- extract "$tmp/bad_byte.txt"
expect 0 "Extract claims" -- --help
expect 0 "--published" -- extract --help
expect 0 "gold" -- eval --help
expect 0 "MB/s" -- bench --help
expect 0 "sitrep 0" -- --version
# Standard input works and the output is one JSON object.
echo "Russian forces shelled Kherson on Monday, regional officials said." |
  "$bin" extract --published 2024-08-13 --compact - >"$tmp/stdin.json" 2>"$tmp/err"
if [[ $? -eq 0 ]] && grep -q '"claims":\[{' "$tmp/stdin.json"; then pass=$((pass + 1)); else
  echo "FAIL: extract from stdin"; fails=$((fails + 1)); fi

echo "cli: $pass passed, $fails failed"
[[ $fails -eq 0 ]]
