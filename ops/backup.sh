#!/usr/bin/env bash
# Backs up GridLink's PostgreSQL database to one file: pg_dump's custom format (compressed, restored table by table
# with pg_restore, including to a newer PostgreSQL) plus a manifest of every table's row count and checksum taken in
# the SAME snapshot as the dump, so that ops/restore.sh can prove the restore complete and unchanged.
# Why pg_dump and not a base backup: one district's database is a few GB, dumped in minutes; the file restores on any
# server and version, and a snapshot is consistent without stopping GridLink. For point-in-time recovery (losing at
# most the last minutes) add WAL archiving with a base backup (pg_basebackup), see docs/operations.md.
# Usage: ops/backup.sh [DIR]   (env: PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGDATABASE=gridlink; PGPASSWORD or
#        ~/.pgpass for the password). Writes DIR/gridlink-<UTC time>.dump and .manifest; prints the dump's path.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=${1:-.}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-gridlink}
mkdir -p "$DIR"
NAME="$DIR/gridlink-$(date -u +%Y%m%dT%H%M%SZ)"

# One session holds a REPEATABLE READ transaction open: its snapshot is exported to pg_dump and the checksums are
# computed in it, so both see exactly the same rows while GridLink keeps writing.
coproc SNAPSHOT { psql -X -q -At -v ON_ERROR_STOP=1 2>&1; }
echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT pg_export_snapshot();" >&"${SNAPSHOT[1]}"
read -r SNAP <&"${SNAPSHOT[0]}"
[[ "$SNAP" =~ ^[0-9A-F-]+$ ]] || { echo "could not export a snapshot: $SNAP" >&2; exit 1; }

pg_dump --snapshot="$SNAP" -Fc -Z 6 --no-owner --no-privileges -f "$NAME.dump.part"

{ cat "$HERE/checksums.sql"; echo "SELECT '-- end';"; } >&"${SNAPSHOT[1]}"
: > "$NAME.manifest.part"
while read -r line <&"${SNAPSHOT[0]}"; do
  [ "$line" = "-- end" ] && break
  case "$line" in *ERROR*) echo "$line" >&2; exit 1 ;; esac
  echo "$line" >> "$NAME.manifest.part"
done
echo "COMMIT;" >&"${SNAPSHOT[1]}"
exec {SNAPSHOT[1]}>&-
wait "$SNAPSHOT_PID" 2>/dev/null || true
sort -o "$NAME.manifest.part" "$NAME.manifest.part"
mv "$NAME.dump.part" "$NAME.dump"
mv "$NAME.manifest.part" "$NAME.manifest"
echo "$NAME.dump"
