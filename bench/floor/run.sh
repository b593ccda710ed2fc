#!/usr/bin/env bash
# The floor of an API request: how many token-authenticated no-op requests (GET /api/v1/me: the token look-up, the
# whole filter chain, Spring MVC, a small JSON answer) GridLink answers per second at CLIENTS keep-alive connections,
# measured in one run with pgbench inserting one row per transaction (as bench/cases does). It is the upper bound of
# any API benchmark on this stack and machine: a request that does real work cannot be faster than this one.
# Needs PostgreSQL 15 at 127.0.0.1:5432 (user postgres, trust), psql, pgbench, ab (Debian package apache2-utils),
# Java 17, Maven.
# Usage: bench/floor/run.sh   (env: CLIENTS=16 REQUESTS=60000 DURATION=20 PORT=8097 BUILD=1 JAVA_OPTS=)
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS=${CLIENTS:-16}
REQUESTS=${REQUESTS:-60000}
DURATION=${DURATION:-20}
PORT=${PORT:-8097}
BUILD=${BUILD:-1}
SCHEMA=bench_floor
OUT=target/bench/floor
mkdir -p "$OUT"
command -v ab > /dev/null || { echo "ab is missing: apt-get install -y apache2-utils"; exit 1; }
Q() { PGOPTIONS="-c search_path=$SCHEMA -c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -q -At -c "$1"; }

echo "== $(date -u '+%F %T') UTC, commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -d test -q -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA;"
if [ "$BUILD" = 1 ]; then mvn -q -B -DskipTests package; fi
JAR=${JAR:-$(ls target/gridlink-*.jar | grep -v plain | head -1)}
java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA" \
  --spring.datasource.username=postgres --spring.datasource.password= --gridlink.demo.on-real-database=true \
  --gridlink.demo.residents=0 --gridlink.demo.cases=0 --logging.level.root=WARN > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for i in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q UP && break
  kill -0 $APP 2>/dev/null || { tail -50 "$OUT/app.log"; exit 1; }
  sleep 1
done
# the demo loaders run after start-up: wait for the last of them (routing rules) before measuring
for i in $(seq 1 120); do [ "$(Q "SELECT COUNT(*) FROM case_routing_rule" 2>/dev/null || echo 0)" -gt 0 ] && break; sleep 1; done
TOKEN=$(bench/api-token.sh "http://127.0.0.1:$PORT" center 'Demo#2026' "floor bench")

pgb() {
  Q "DROP TABLE IF EXISTS pgbench_rows; CREATE TABLE pgbench_rows (id BIGSERIAL PRIMARY KEY, v BIGINT NOT NULL, at TIMESTAMPTZ NOT NULL)"
  PGOPTIONS="-c search_path=$SCHEMA" pgbench -h 127.0.0.1 -U postgres -n -c "$CLIENTS" -j 2 -T "$DURATION" \
    -f bench/cases/pgbench-insert.sql test > "$OUT/pgbench-$1.txt" 2>&1
  grep -Eo 'tps = [0-9.]+' "$OUT/pgbench-$1.txt" | head -1 | awk '{print $3}'
}
TPS1=$(pgb before)
echo "pgbench before: $TPS1 TPS"
ab -q -k -c "$CLIENTS" -n 20000 -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/me" > "$OUT/warmup.txt" 2>&1
ab -k -c "$CLIENTS" -n "$REQUESTS" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/api/v1/me" > "$OUT/ab.txt" 2>&1
RPS=$(awk '/Requests per second/ {print $4}' "$OUT/ab.txt")
FAILED=$(awk '/Failed requests/ {print $3}' "$OUT/ab.txt")
NON2XX=$(awk '/Non-2xx responses/ {print $3}' "$OUT/ab.txt"); NON2XX=${NON2XX:-0}
P99=$(awk '$1 == "99%" {print $2}' "$OUT/ab.txt")
TPS2=$(pgb after)
echo "pgbench after: $TPS2 TPS"
python3 - "$RPS" "$TPS1" "$TPS2" "$FAILED" "$NON2XX" "$P99" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'PY'
import sys
rps, t1, t2 = map(float, sys.argv[1:4])
print("GET /api/v1/me (token, %s connections): %.0f requests/s, p99 %s ms, failed %s, non-2xx %s"
      % ("16", rps, sys.argv[6], sys.argv[4], sys.argv[5]))
print("pgbench (1 insert/tx): %.0f before, %.0f after; no-op API / pgbench: %.1f %% of the higher, %.1f %% of the lower"
      % (t1, t2, 100 * rps / max(t1, t2), 100 * rps / min(t1, t2)))
print("load average at the end: %s" % sys.argv[7])
PY
[ "$FAILED" = 0 ] && [ "$NON2XX" = 0 ]
