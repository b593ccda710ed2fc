#!/usr/bin/env bash
# bench/lists: the lists and searches of residents, cases and contacts at the full-scale demo district
# (gridlink.demo.residents=928700), on the embedded H2 (file database) and on PostgreSQL (a schema of its own in db
# `test`). One client: curl, one request at a time, RUNS timed requests per URL after WARM untimed ones; the table
# shows each URL's median and p95 (nearest rank) of curl's time_total, and the total the answer reported.
# Needs PostgreSQL 15 at 127.0.0.1:5432 (user postgres, trust), psql, curl, python3, Java 17, Maven.
# Usage: bench/lists/run.sh  (env: DBS="h2 pg" RESIDENTS=928700 RUNS=10 WARM=2 PORT=8290 BUILD=1
#        FRESH=0: keep the H2 file and the PostgreSQL schema of an earlier run (the demo loaders continue or skip);
#        FRESH=1: start from an empty database; JAR=<a jar to measure instead of target/gridlink-*.jar>)
# Results: target/bench/lists/ (result.md, times-*.tsv, app-*.log).
set -euo pipefail
cd "$(dirname "$0")/../.."
DBS=${DBS:-h2 pg}
RESIDENTS=${RESIDENTS:-928700}
RUNS=${RUNS:-10}
WARM=${WARM:-2}
PORT=${PORT:-8290}
BUILD=${BUILD:-1}
FRESH=${FRESH:-0}
SCHEMA=${SCHEMA:-bench_lists}
OUT=${OUT:-target/bench/lists}
H2DIR=$OUT/h2
mkdir -p "$OUT" "$H2DIR"
BASE="http://127.0.0.1:$PORT"
Q() { PGOPTIONS="-c search_path=$SCHEMA -c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -q -At -c "$1"; }

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
COMMIT="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo '+changes')"
echo "== $(date -u '+%F %T') UTC, commit $COMMIT, cpus $(nproc), load: $LOAD_START (a shared machine: other work may run)"
if [ "$BUILD" = 1 ]; then
  echo "== build"
  nice -n 10 mvn -B -q -o -Dstyle.color=never -DskipTests package
fi
JAR=${JAR:-$(ls target/gridlink-*.jar | grep -v plain | head -1)}

APP=
stop() { [ -n "$APP" ] && { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; }; APP=; }
trap stop EXIT

# start DB: the jar on H2 (file) or PostgreSQL with the full-scale demo district; waits for readiness (demo loaded)
start() {
  local db=$1 url
  if [ "$db" = h2 ]; then
    [ "$FRESH" = 1 ] && rm -rf "$H2DIR" && mkdir -p "$H2DIR"
    url="jdbc:h2:file:$PWD/$H2DIR/gridlink;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE"
  else
    if [ "$FRESH" = 1 ] || [ -z "$(Q "SELECT 1 FROM information_schema.schemata WHERE schema_name = '$SCHEMA'")" ]; then
      PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -d test -q \
        -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA;"
    fi
    url="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA&reWriteBatchedInserts=true"
  fi
  local t0; t0=$(date +%s)
  java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 --spring.datasource.url="$url" \
    --gridlink.demo.on-real-database=true --gridlink.demo.residents="$RESIDENTS" --logging.level.root=WARN \
    $( [ "$db" = pg ] && echo "--spring.datasource.username=postgres --spring.datasource.password=" ) \
    > "$OUT/app-$db.log" 2>&1 &
  APP=$!
  for i in $(seq 1 1800); do
    curl -fs "$BASE/actuator/health/readiness" 2>/dev/null | grep -q UP && break
    kill -0 "$APP" 2>/dev/null || { tail -50 "$OUT/app-$db.log"; exit 1; }
    sleep 1
  done
  echo "$db: ready in $(( $(date +%s) - t0 )) s (start and demo load)"
}

# time NAME URL: WARM untimed then RUNS timed GETs with the token; one line per run in times-DB.tsv
time_url() {
  local db=$1 name=$2 url=$3 body="$OUT/last-$1.json" code t
  for i in $(seq 1 "$WARM"); do curl -s -o /dev/null "${AUTH[@]}" "$url"; done
  for i in $(seq 1 "$RUNS"); do
    read -r code t < <(curl -s -o "$body" -w '%{http_code} %{time_total}\n' "${AUTH[@]}" "$url")
    [ "$code" = 200 ] || { echo "$name: HTTP $code for $url"; head -c 400 "$body"; echo; exit 1; }
    printf '%s\t%s\t%s\t%s\n' "$db" "$name" "$t" "$(python3 "$HERE/total.py" "$body")" >> "$OUT/times-$db.tsv"
  done
}
HERE=bench/lists

for db in $DBS; do
  echo "== $db"
  : > "$OUT/times-$db.tsv"
  start "$db"
  TOKEN=$(bench/api-token.sh "$BASE" center 'Demo#2026' "lists bench")
  AUTH=(-H "Authorization: Bearer $TOKEN")
  R="$BASE/api/v1/residents"
  # a grid, a name and a case text found through the API itself (the same on both databases: the demo is seeded)
  FIRST=$(curl -fs "${AUTH[@]}" "$R?size=1")
  GRID=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["content"][0]["gridCode"])' "$FIRST")
  NAME=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["content"][0]["name"])' "$FIRST")
  NAME_Q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$NAME")
  TOTAL=$(python3 "$HERE/total.py" <(echo "$FIRST"))
  DEEP=$(( ${TOTAL#\~} / 2 / 50 ))
  echo "residents: $TOTAL, grid $GRID, name $NAME, deep page $DEEP"
  time_url "$db" residents-list "$R?size=50"
  time_url "$db" residents-name "$R?q=$NAME_Q&size=50"
  time_url "$db" residents-surname "$R?q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1][0]))' "$NAME")&size=50"
  time_url "$db" residents-grid "$R?jurisdiction=$GRID&size=50"
  time_url "$db" residents-deep-page "$R?page=$DEEP&size=50"
  # the keyset cursor where the API has one: the page after the deep page's last row
  AFTER=$(curl -fs "${AUTH[@]}" "$R?page=$DEEP&size=50" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("next") or "")')
  if [ -n "$AFTER" ]; then time_url "$db" residents-deep-after "$R?after=$AFTER&size=50"; fi
  time_url "$db" cases-list "$BASE/api/v1/cases?size=50"
  time_url "$db" cases-search "$BASE/api/v1/cases?q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("路"))')&size=50"
  time_url "$db" contacts-list "$BASE/api/v1/quarantine/contacts?size=50"
  echo "rows: $(curl -fs "${AUTH[@]}" "$BASE/api/v1/cases?size=1" | python3 "$HERE/total.py" /dev/stdin) cases," \
    "$(curl -fs "${AUTH[@]}" "$BASE/api/v1/quarantine/contacts?size=1" | python3 "$HERE/total.py" /dev/stdin) contacts"
  stop
done

LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
python3 "$HERE/table.py" "$LOAD_START" "$LOAD_END" "$COMMIT" "$RESIDENTS" "$RUNS" $(for db in $DBS; do echo "$OUT/times-$db.tsv"; done) \
  | tee "$OUT/result.md"
