#!/usr/bin/env bash
# bench/request-path: GridLink's request path against the framework's own ceiling, in one run, one client.
#  1. the ceiling: bench/ceiling (a bare Spring Boot app of the same Boot version, GET /ping, ~60 bytes of JSON);
#  2. GridLink on PostgreSQL (fresh schema, demo district with the explicit demo switch, no demo residents or cases):
#     liveness without login, GET /api/v1/me with a bearer token, POST /api/v1/passes/verify (ES256 and SM2) with a
#     token, POST /api/v1/cases with a new Idempotency-Key each (201s), the case list and a case page with a session
#     cookie;
#  3. pgbench: one INSERT per transaction at the same number of connections (the ceiling of case intake);
#  4. JMH (JMH=1): the in-process verify rate on both cores (PassVerifyBenchmark), the ceiling of the verify line.
# Client: wrk (Debian package) -t2 -cCONNECTIONS, keep-alive, WARMUP seconds not measured then DURATION measured, per
# line; Lua scripts for the POST bodies (post.lua) and one result line (common.lua).
# Needs PostgreSQL 15 at 127.0.0.1:5432 (user postgres, trust), psql, pgbench, wrk, curl, python3, Java 17, Maven.
# Usage: bench/request-path/run.sh  (env: CONNECTIONS=64 WARMUP=30 DURATION=20 PORT=8190 BUILD=1 JMH=1 LINES="all"
#        SCHEMA=bench_request (the PostgreSQL schema, dropped and made anew),
#        JAVA_OPTS=<JVM options of both applications>, APP_JAVA_OPTS=<GridLink only, e.g. JFR>)
# Results: target/bench/request-path/ (result.md, *.txt, app.log).
set -euo pipefail
cd "$(dirname "$0")/../.."
CONNECTIONS=${CONNECTIONS:-64}
WARMUP=${WARMUP:-30}
DURATION=${DURATION:-20}
PORT=${PORT:-8190}
CEILING_PORT=$((PORT + 1))
BUILD=${BUILD:-1}
JMH=${JMH:-1}
LINES=${LINES:-all}
SCHEMA=${SCHEMA:-bench_request}
OUT=target/bench/request-path
HERE=bench/request-path
. "$HERE/intake-bodies.sh"
mkdir -p "$OUT"
command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }
Q() { PGOPTIONS="-c search_path=$SCHEMA -c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -q -At -c "$1"; }
want() { [ "$LINES" = all ] || [[ " $LINES " == *" $1 "* ]]; }

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== $(date -u '+%F %T') UTC, commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo '+changes'), cpus $(nproc), load: $LOAD_START"
if [ "$BUILD" = 1 ]; then
  echo "== build"
  mvn -B -q -Dstyle.color=never -DskipTests package
  (cd bench/ceiling && mvn -B -q -Dstyle.color=never -DskipTests package)
fi
RESULTS="$OUT/lines.tsv"
: > "$RESULTS"

# measure NAME URL [wrk args...]: warm-up, then the measured run; appends NAME and the RESULT fields to lines.tsv
measure() {
  local name=$1 url=$2; shift 2
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s --latency -s "$HERE/common.lua" "$@" "$url" > "$OUT/$name-warmup.txt" 2>&1
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s "$HERE/common.lua" "$@" "$url" > "$OUT/$name.txt" 2>&1
  local line; line=$(grep '^RESULT' "$OUT/$name.txt" || true)
  [ -n "$line" ] || { cat "$OUT/$name.txt"; echo "no result for $name"; exit 1; }
  printf '%s\t%s\n' "$name" "${line#RESULT }" >> "$RESULTS"
  echo "$name: ${line#RESULT }"
}
# wrk loads one script: combine common.lua with a request script
combined() { cat "$HERE/$1" "$HERE/common.lua" > "$OUT/$1"; echo "$OUT/$1"; }

APP=
stop() { [ -n "$APP" ] && { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; }; APP=; }
trap stop EXIT

echo "== the ceiling: bare Spring Boot app on $CEILING_PORT"
java ${JAVA_OPTS:-} -jar bench/ceiling/target/ceiling-1.jar --server.port="$CEILING_PORT" --server.address=127.0.0.1 \
  --logging.level.root=WARN > "$OUT/ceiling.log" 2>&1 &
APP=$!
for i in $(seq 1 60); do curl -fs "http://127.0.0.1:$CEILING_PORT/ping" > /dev/null 2>&1 && break; sleep 0.5; done
echo "ping answer: $(curl -fs "http://127.0.0.1:$CEILING_PORT/ping" | tee "$OUT/ping.json" | wc -c) bytes"
measure ceiling "http://127.0.0.1:$CEILING_PORT/ping"
stop

echo "== GridLink on PostgreSQL (schema $SCHEMA), port $PORT"
PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -d test -q -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA;"
JAR=${JAR:-$(ls target/gridlink-*.jar | grep -v plain | head -1)}
java ${JAVA_OPTS:-} ${APP_JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA" \
  --spring.datasource.username=postgres --spring.datasource.password= --gridlink.demo.on-real-database=true \
  --gridlink.demo.residents=0 --gridlink.demo.cases=0 --logging.level.root=WARN > "$OUT/app.log" 2>&1 &
APP=$!
BASE="http://127.0.0.1:$PORT"
for i in $(seq 1 240); do
  curl -fs "$BASE/actuator/health/readiness" 2>/dev/null | grep -q UP && break
  kill -0 "$APP" 2>/dev/null || { tail -50 "$OUT/app.log"; exit 1; }
  sleep 1
done
TOKEN=$(bench/api-token.sh "$BASE" center 'Demo#2026' "request-path bench")
AUTH=(-H "Authorization: Bearer $TOKEN")

want liveness && measure liveness "$BASE/actuator/health/liveness"
want me && measure me "$BASE/api/v1/me" "${AUTH[@]}"

if want verify; then
  for alg in ES256 SM2_SM3; do
    : > "$OUT/verify-$alg.bodies"
    FROM=$(date -u -d '-5 min' '+%Y-%m-%dT%H:%M:%SZ'); TO=$(date -u -d '+3 days' '+%Y-%m-%dT%H:%M:%SZ')
    for n in $(seq 1 200); do
      curl -fs "${AUTH[@]}" -H 'Content-Type: application/json' "$BASE/api/v1/passes" -d "{\"type\":\"PERSON\",
        \"holderName\":\"测试$n\",\"purpose\":\"bench\",\"zones\":[\"320819001001001\"],\"validFrom\":\"$FROM\",
        \"validTo\":\"$TO\",\"algorithm\":\"$alg\"}" \
        | python3 -c 'import json,sys; print(json.dumps({"code": json.load(sys.stdin)["code"]}))' >> "$OUT/verify-$alg.bodies"
    done
    BODIES="$OUT/verify-$alg.bodies" TARGET_PATH=/api/v1/passes/verify \
      measure "verify-$alg" "$BASE/api/v1/passes/verify" "${AUTH[@]}" -s "$(combined post.lua)"
    grep -q '"result":"VALID"' <(curl -fs "${AUTH[@]}" -H 'Content-Type: application/json' "$BASE/api/v1/passes/verify" \
      -d "$(head -1 "$OUT/verify-$alg.bodies")") || { echo "a bench pass does not verify as VALID"; exit 1; }
  done
fi

if want intake; then
  intake_bodies "$OUT"
  BEFORE=$(Q "SELECT COUNT(*) FROM case_file")
  BODIES="$OUT/intake.bodies" TARGET_PATH=/api/v1/cases IDEMPOTENT=1 \
    measure intake "$BASE/api/v1/cases" "${AUTH[@]}" -s "$(combined post.lua)"
  AFTER=$(Q "SELECT COUNT(*) FROM case_file")
  echo "case rows: $((AFTER - BEFORE)) new (warm-up and measured)"
fi

if want pages; then
  # one login (own session) per connection: a shared session would serialise on its last-access update
  COOKIES_FILE="$OUT/cookies.txt"; : > "$COOKIES_FILE"
  for n in $(seq 1 "$CONNECTIONS"); do
    JAR_COOKIES=$(mktemp)
    CSRF=$(curl -fs -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
    curl -fs -o /dev/null -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "username=center" \
      --data-urlencode 'password=Demo#2026' --data-urlencode "_csrf=$CSRF" "$BASE/login"
    awk '$6 == "SESSION" || $6 == "JSESSIONID" {print $6 "=" $7}' "$JAR_COOKIES" | tail -1 >> "$COOKIES_FILE"
    rm -f "$JAR_COOKIES"
  done
  SESSION=$(head -1 "$COOKIES_FILE")
  [ -n "$SESSION" ] && [ "$(sort -u "$COOKIES_FILE" | grep -c .)" = "$CONNECTIONS" ] || { echo "not one session per connection"; exit 1; }
  CASE_ID=$(Q "SELECT MAX(id) FROM case_file")
  if [ -z "$CASE_ID" ]; then # without the intake line: one report to show
    CATEGORY=$(Q "SELECT c.code FROM case_category c WHERE c.major_code IS NOT NULL AND c.active
      AND EXISTS (SELECT 1 FROM case_routing_rule r WHERE r.category_code IN (c.code, c.major_code)) ORDER BY c.code LIMIT 1")
    GRID=$(Q "SELECT code FROM jurisdiction WHERE level = 'GRID' ORDER BY code LIMIT 1")
    curl -fs -o /dev/null "${AUTH[@]}" -H 'Content-Type: application/json' -H "Idempotency-Key: pages-$(date +%s%N)" \
      -d "{\"categoryCode\":\"$CATEGORY\",\"description\":\"请求路径基准上报\",\"jurisdictionCode\":\"$GRID\"}" \
      "$BASE/api/v1/cases"
    CASE_ID=$(Q "SELECT MAX(id) FROM case_file")
  fi
  [ -n "$CASE_ID" ] || { echo "no case to show"; exit 1; }
  curl -fs -H "Cookie: $SESSION" "$BASE/cases" | grep -q '</html>' || { echo "the case list does not render"; exit 1; }
  COOKIES="$COOKIES_FILE" measure case-list "$BASE/cases" -s "$(combined get.lua)"
  COOKIES="$COOKIES_FILE" measure case-page "$BASE/cases/$CASE_ID" -s "$(combined get.lua)"
fi
stop

if want intake; then
  echo "== pgbench: one INSERT per transaction, $CONNECTIONS clients, 2 threads, $DURATION s"
  Q "DROP TABLE IF EXISTS pgbench_rows; CREATE TABLE pgbench_rows (id BIGSERIAL PRIMARY KEY, v BIGINT NOT NULL, at TIMESTAMPTZ NOT NULL)"
  PGOPTIONS="-c search_path=$SCHEMA" pgbench -h 127.0.0.1 -U postgres -n -c "$CONNECTIONS" -j 2 -T "$DURATION" \
    -f bench/cases/pgbench-insert.sql test > "$OUT/pgbench.txt" 2>&1
  printf 'pgbench\trps=%s\n' "$(grep -Eo 'tps = [0-9.]+' "$OUT/pgbench.txt" | head -1 | awk '{print $3}')" >> "$RESULTS"
fi

if [ "$JMH" = 1 ] && want verify; then
  echo "== JMH: in-process verify/s on 2 threads"
  mvn -B -q -Dstyle.color=never test-compile
  mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt"
  java -cp "target/test-classes:target/classes:$(cat "$OUT/classpath.txt")" org.openjdk.jmh.Main \
    'org.gridlink.passes.PassVerifyBenchmark.verify' -rf json -rff "$OUT/jmh.json" -wi 2 -i 3 -f 1 -t 2 -w 3s -r 5s \
    > "$OUT/jmh.txt" 2>&1 || { tail -20 "$OUT/jmh.txt"; exit 1; }
  python3 - "$OUT/jmh.json" >> "$RESULTS" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1])):
    alg = r.get("params", {}).get("algorithm", "?")
    print("inprocess-%s\trps=%.1f" % (alg, r["primaryMetric"]["score"]))
PY
fi

LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
python3 "$HERE/table.py" "$RESULTS" "$LOAD_START" "$LOAD_END" "$CONNECTIONS" "$WARMUP" "$DURATION" | tee "$OUT/result.md"
