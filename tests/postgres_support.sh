# Shared by the PostgreSQL tests: a temp folder, a throwaway cluster in it
# (scripts/postgres), stopped and removed on exit. Exits 77 (skipped) only
# when the PostgreSQL or PostGIS binaries are not installed.
tmp=$(mktemp -d)
chmod 755 "$tmp"  # the cluster runs as user postgres when we are root
cleanup() {
  scripts/postgres stop "$tmp/pg" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
set +e
uri=$(scripts/postgres start "$tmp/pg" 2>"$tmp/pg-start.err")
rc=$?
set -e
if [[ $rc -eq 3 ]]; then
  echo "SKIPPED: $(cat "$tmp/pg-start.err")"
  exit 77
fi
[[ $rc -eq 0 ]] || { echo "FAIL: scripts/postgres start: $(cat "$tmp/pg-start.err")"; exit 1; }
psql_q() { /usr/lib/postgresql/15/bin/psql -X -At -v ON_ERROR_STOP=1 "$uri" -c "$1"; }
fail() { echo "FAIL: $*"; exit 1; }
