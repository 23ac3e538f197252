#!/usr/bin/env bash
# Backs up a Pilimarket database with pg_dump (custom format), restores it into a FRESH database
# with pg_restore, and runs the chip invariants (ops/invariants.sql) on the restored copy.
#
#   ops/backup-restore.sh SOURCE_DB [RESTORED_DB]
#
# Connection: the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD); defaults
# 127.0.0.1:5432, user postgres. The dump is kept in ${BACKUP_DIR:-./backups}. RESTORED_DB must not
# exist (default SOURCE_DB_restore_<timestamp>); it is left in place for inspection unless
# KEEP_RESTORED=false. Exit 0 only if dump, restore and every invariant succeed.
#
# pg_dump must be at least the server's major version (a PostgreSQL 15 pg_dump refuses a 17 server:
# use the client tools of the server's version, e.g. the embedded server's, or dump from a replica).
set -euo pipefail

source_db="${1:?usage: ops/backup-restore.sh SOURCE_DB [RESTORED_DB]}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
restored_db="${2:-${source_db}_restore_${stamp}}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
here="$(cd "$(dirname "$0")" && pwd)"
backup_dir="${BACKUP_DIR:-./backups}"
mkdir -p "$backup_dir"
dump="$backup_dir/${source_db}_${stamp}.dump"

count() { psql -X -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

echo "== pg_dump $source_db → $dump"
start=$(date +%s)
# Custom format: compressed, restorable in parallel, table by table. A consistent snapshot of the
# whole database is taken even while the app keeps writing (pg_dump runs in one transaction).
pg_dump --format=custom --no-owner --no-privileges --file="$dump" "$source_db"
echo "   $(du -h "$dump" | cut -f1) in $(( $(date +%s) - start )) s"

echo "== pg_restore into the new database $restored_db"
createdb "$restored_db"
start=$(date +%s)
pg_restore --exit-on-error --no-owner --no-privileges --jobs=2 --dbname="$restored_db" "$dump"
echo "   restored in $(( $(date +%s) - start )) s"

echo "== row counts (source vs restored)"
# The source may have moved on since the dump; a smaller source count would mean a broken dump.
status=0
for table in users ledger_transactions ledger_entries markets forecasts purchases audit_log flyway_schema_history; do
  src=$(count "$source_db" "SELECT count(*) FROM $table")
  dst=$(count "$restored_db" "SELECT count(*) FROM $table")
  printf '   %-24s %8s %8s\n' "$table" "$src" "$dst"
  if [ "$dst" -gt "$src" ]; then status=1; fi
done

echo "== invariants on the restored copy (ops/invariants.sql)"
violations=$(psql -X -At -v ON_ERROR_STOP=1 -F ' | ' -d "$restored_db" -f "$here/invariants.sql")
if [ -n "$violations" ]; then
  echo "$violations" | sed 's/^/   ✗ /'
  status=1
else
  echo "   all hold"
fi

echo "== audit hash chain present"
count "$restored_db" "SELECT 'audit rows: ' || count(*) || ', newest hash ' || coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '-') FROM audit_log" | sed 's/^/   /'

if [ "${KEEP_RESTORED:-true}" = "false" ]; then
  dropdb "$restored_db"
  echo "== dropped $restored_db"
fi
if [ $status -ne 0 ]; then
  echo "RESULT: FAILED"
else
  echo "RESULT: backup $dump restores into $restored_db with every invariant intact"
fi
exit $status
