#!/usr/bin/env bash
# Restores a backup made by ops/backup.sh into an EMPTY database and proves it: every table's row count and checksum
# must equal the manifest written in the backup's snapshot. Exits non-zero on any difference.
# Usage: ops/restore.sh FILE.dump   (env: PGHOST PGPORT PGUSER PGDATABASE of the target, which must exist and be
#        empty: createdb first). Start GridLink on the restored database afterwards: Flyway finds its history tables
#        and applies only newer migrations.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DUMP=${1:?usage: ops/restore.sh FILE.dump}
MANIFEST=${DUMP%.dump}.manifest
[ -f "$MANIFEST" ] || { echo "no manifest beside the dump: $MANIFEST" >&2; exit 1; }
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-gridlink}
TABLES=$(psql -X -At -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')")
[ "$TABLES" = 0 ] || { echo "$PGDATABASE is not empty ($TABLES tables): restore into a new database" >&2; exit 1; }

pg_restore --exit-on-error --no-owner --no-privileges -j 2 -d "$PGDATABASE" "$DUMP"
psql -X -q -c "ANALYZE"

ACTUAL=$(mktemp)
trap 'rm -f "$ACTUAL"' EXIT
psql -X -q -At -v ON_ERROR_STOP=1 -f "$HERE/checksums.sql" | sort > "$ACTUAL"
if diff -u "$MANIFEST" "$ACTUAL" > "$ACTUAL.diff"; then
  echo "restored $(wc -l < "$ACTUAL") tables, $(awk -F'|' '{s += $2} END {print s}' "$ACTUAL") rows: every count and checksum equals the backup's"
  rm -f "$ACTUAL.diff"
else
  cat "$ACTUAL.diff" >&2; rm -f "$ACTUAL.diff"
  echo "RESTORE CHECK FAILED: the tables above differ from the backup's manifest" >&2
  exit 1
fi
