#!/usr/bin/env bash
# The restore test: a backup taken while GridLink runs is restored on a NEW, empty PostgreSQL cluster and must match
# the source table by table (row counts and checksums from the backup's own snapshot), and GridLink must start on it.
#  1. a source database on the local server (127.0.0.1:5432), filled by GridLink itself: migrations and the demo
#     district with RESIDENTS generated residents (demo mode on a real database, for this test only);
#  2. ops/backup.sh while GridLink is still running;
#  3. a throwaway cluster of the installed PostgreSQL on port RESTORE_PORT (pg_createcluster), ops/restore.sh into it;
#  4. GridLink started on the restored copy answers ready (its migrations are already there), then everything is
#     removed again.
# Needs root (pg_createcluster), PostgreSQL's Debian tools, Java 17 and a built jar (mvn -DskipTests package).
# Usage: ops/restore-test.sh   (env: RESIDENTS=3000 RESTORE_PORT=5499 PORT=8188 JAR=target/gridlink-*.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
RESIDENTS=${RESIDENTS:-3000}
RESTORE_PORT=${RESTORE_PORT:-5499}
PORT=${PORT:-8188}
VERSION=$(ls /etc/postgresql | sort -n | tail -1)
CLUSTER=gl_restore_test
SOURCE_DB=gridlink_restore_src
WORK=$(mktemp -d)
JAR=${JAR:-$(ls target/gridlink-*.jar | grep -v plain | head -1)}
APP=
cleanup() {
  [ -n "$APP" ] && { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; }
  pg_dropcluster --stop "$VERSION" "$CLUSTER" 2>/dev/null || true
  dropdb -h 127.0.0.1 -U postgres --if-exists "$SOURCE_DB" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
start_app() { # DB_PORT DB_NAME
  java -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$1/$2" --spring.datasource.username=postgres \
    --spring.datasource.password= --gridlink.demo.on-real-database=true --gridlink.demo.residents="$RESIDENTS" \
    --logging.level.root=WARN > "$WORK/app-$2-$1.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q UP && return 0
    kill -0 "$APP" 2>/dev/null || { tail -40 "$WORK/app-$2-$1.log"; return 1; }
    sleep 1
  done
  echo "GridLink did not become ready" >&2; return 1
}
stop_app() { kill "$APP"; wait "$APP" 2>/dev/null || true; APP=; }

pg_dropcluster --stop "$VERSION" "$CLUSTER" 2>/dev/null || true
dropdb -h 127.0.0.1 -U postgres --if-exists "$SOURCE_DB"
createdb -h 127.0.0.1 -U postgres "$SOURCE_DB"
echo "== source: GridLink on $SOURCE_DB with $RESIDENTS demo residents"
start_app 5432 "$SOURCE_DB"
echo "== backup while GridLink runs"
DUMP=$(PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGDATABASE="$SOURCE_DB" ops/backup.sh "$WORK")
stop_app
echo "$(du -h "$DUMP" | cut -f1) $(basename "$DUMP"), $(wc -l < "${DUMP%.dump}.manifest") tables in the manifest"

echo "== an empty cluster ($VERSION/$CLUSTER on port $RESTORE_PORT)"
pg_createcluster "$VERSION" "$CLUSTER" -p "$RESTORE_PORT" -- --auth=trust > /dev/null
pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$CLUSTER" start
createdb -h 127.0.0.1 -p "$RESTORE_PORT" -U postgres gridlink
echo "== restore and compare"
PGHOST=127.0.0.1 PGPORT="$RESTORE_PORT" PGUSER=postgres PGDATABASE=gridlink ops/restore.sh "$DUMP"
echo "== the comparison bites: one changed row in the copy must differ from the manifest"
R=(psql -X -q -At -h 127.0.0.1 -p "$RESTORE_PORT" -U postgres -d gridlink)
"${R[@]}" -c "UPDATE jurisdiction SET name = name || ' ' WHERE code = (SELECT MIN(code) FROM jurisdiction)"
if "${R[@]}" -f ops/checksums.sql | sort | diff -q "${DUMP%.dump}.manifest" - > /dev/null; then
  echo "RESTORE TEST FAILED: a changed row went unnoticed" >&2; exit 1
fi
"${R[@]}" -c "UPDATE jurisdiction SET name = rtrim(name) WHERE code = (SELECT MIN(code) FROM jurisdiction)"
echo "== GridLink on the restored copy"
start_app "$RESTORE_PORT" gridlink
stop_app
echo "restore test passed"
