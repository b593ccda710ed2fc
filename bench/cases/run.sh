#!/usr/bin/env bash
# Cases intake benchmark on PostgreSQL (not part of `mvn verify`). In one run, against the same database `test`
# and a fresh schema:
#  1. pgbench: one INSERT per transaction into a plain table, CLIENTS connections, DURATION seconds;
#  2. intake: CLIENTS threads post REPORTS reports (POST /api/v1/cases, Idempotency-Key each) with one API token;
#  3. the center: CLIENTS threads file and dispatch every accepted case by its routing rule;
#  4. pgbench again (the machine is shared: the ratio is taken against the higher of the two pgbench figures);
#  5. checks: case rows = accepted reports, every dispatched case has a lead unit and a deadline.
# Needs PostgreSQL 15 at 127.0.0.1:5432 (user postgres, trust), psql, pgbench, python3, Java 17, Maven. The load client
# is bench/cases/Client.java (plain sockets, run from source): cheap in CPU, since it shares the two cores.
# Before 2., the client warms the application up (JIT, pool, caches) with WARMUP reports filed and dispatched the
# same way, not measured. The warm-up matters: JFR of a run with 1,500 warm-up reports showed the JIT compiler threads
# using about as much CPU as the request threads during the measured phases.
# Usage: bench/cases/run.sh   (env: CLIENTS=16 REPORTS=20000 WARMUP=5000 DURATION=30 PORT=8098 POOL=10 BUILD=1,
# JAR=<a jar to run instead of the one built>, JAVA_OPTS=<JVM options of the application, e.g. JFR>, VACUUM_EVERY=60, APP_ARGS=<more --property=value for the application>)
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS=${CLIENTS:-16}
REPORTS=${REPORTS:-20000}
DURATION=${DURATION:-30}
PORT=${PORT:-8098}
POOL=${POOL:-10}
BUILD=${BUILD:-1}
WARMUP=${WARMUP:-5000}
SCHEMA=bench_cases
OUT=target/bench/cases
mkdir -p "$OUT"
PSQL=(psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -q)
Q() { PGOPTIONS="-c search_path=$SCHEMA" psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -q -At -c "$1"; }

echo "== $(date -u '+%F %T') UTC, commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== fresh schema $SCHEMA"
PGOPTIONS="-c client_min_messages=warning" "${PSQL[@]}" -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA;"

if [ "$BUILD" = 1 ]; then
  echo "== build"
  mvn -q -B -DskipTests package
fi
JAR=${JAR:-$(ls target/gridlink-*.jar | grep -v plain | head -1)}

# A PostgreSQL database means production mode (no demo loaders, demo keys refused); the bench needs the demo
# district, its users and the demo routing rules (DemoRoutingLoader), so it starts with the explicit demo switch
# gridlink.demo.on-real-database=true, exactly as the screening bench does. No demo residents and no demo cases: the checks
# count exactly the cases the bench reported.
echo "== start the application on port $PORT (demo district, PostgreSQL schema $SCHEMA, pool $POOL)"
java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA&ApplicationName=bench_cases" \
  --spring.datasource.username=postgres --spring.datasource.password= --gridlink.demo.on-real-database=true \
  --spring.datasource.hikari.maximum-pool-size="$POOL" --gridlink.demo.residents=0 --gridlink.demo.cases=0 \
  --logging.level.root=WARN ${APP_ARGS:-} > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for i in $(seq 1 240); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" | grep -q UP; then break; fi
  if ! kill -0 $APP 2>/dev/null; then tail -50 "$OUT/app.log"; exit 1; fi
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null
# the demo loaders run after start-up: wait for the routing rules (the last of them)
for i in $(seq 1 120); do
  [ "$(Q "SELECT COUNT(*) FROM case_routing_rule" 2>/dev/null || echo 0)" -gt 0 ] && break
  sleep 1
done

# The minor classes a report may use: active ones whose own code or major class has a routing rule.
Q "SELECT c.code FROM case_category c WHERE c.major_code IS NOT NULL AND c.active
   AND EXISTS (SELECT 1 FROM case_routing_rule r WHERE r.category_code IN (c.code, c.major_code)) ORDER BY c.code" \
  > "$OUT/categories.txt"
Q "SELECT code FROM jurisdiction WHERE level = 'GRID' ORDER BY code" > "$OUT/grids.txt"
echo "routing rules: $(Q "SELECT COUNT(*) FROM case_routing_rule"), minor classes with a rule: $(wc -l < "$OUT/categories.txt"), grids: $(wc -l < "$OUT/grids.txt")"
[ -s "$OUT/categories.txt" ] && [ -s "$OUT/grids.txt" ] || { echo "no routing rules or grids"; exit 1; }

BASE="http://127.0.0.1:$PORT"
TOKEN=$(bench/api-token.sh "$BASE" center 'Demo#2026' "cases bench")

pgb() {
  Q "DROP TABLE IF EXISTS pgbench_rows; CREATE TABLE pgbench_rows (id BIGSERIAL PRIMARY KEY, v BIGINT NOT NULL, at TIMESTAMPTZ NOT NULL)"
  PGOPTIONS="-c search_path=$SCHEMA" pgbench -h 127.0.0.1 -U postgres -n -c "$CLIENTS" -j 2 -T "$DURATION" \
    -f bench/cases/pgbench-insert.sql test > "$OUT/pgbench-$1.txt" 2>&1
  grep -Eo 'tps = [0-9.]+' "$OUT/pgbench-$1.txt" | head -1 | awk '{print $3}'
}

echo "== pgbench (before): one INSERT per transaction, $CLIENTS clients, 2 threads, $DURATION s"
TPS1=$(pgb before); echo "tps $TPS1   load: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== intake ($REPORTS reports) and center (file + dispatch), $CLIENTS clients, load: $(cut -d' ' -f1-3 /proc/loadavg)"
cpu() { # CPU seconds so far of the application and of its PostgreSQL backends (ApplicationName bench_cases)
  local t j p=0; t=$(getconf CLK_TCK); j=$(awk -v t="$t" '{print ($14+$15)/t}' /proc/$APP/stat)
  for b in $(psql -h 127.0.0.1 -U postgres -d test -qAt -c "SELECT pid FROM pg_stat_activity WHERE application_name = 'bench_cases'"); do
    p=$(awk -v t="$t" -v p="$p" '{print p+($14+$15)/t}' /proc/$b/stat 2>/dev/null || echo "$p"); done
  echo "$j $p"
}
CPU1=$(cpu)
# Autovacuum is off on this PostgreSQL server (it is on by default in production): without it the case tables are
# never analysed or vacuumed during the run. VACUUM_EVERY seconds (default 60, autovacuum's naptime; 0 = never) a
# background loop does what autovacuum would do on these busy tables.
VACUUM_EVERY=${VACUUM_EVERY:-60}
VACUUMER=
if [ "$VACUUM_EVERY" -gt 0 ]; then
  ( while sleep "$VACUUM_EVERY"; do
      Q "VACUUM (ANALYZE) case_file, case_event, case_unit, case_idempotency, audit_entry" 2>/dev/null || true
    done ) &
  VACUUMER=$!
fi
java -XX:TieredStopAtLevel=1 -Xss512k bench/cases/Client.java 127.0.0.1 "$PORT" "$TOKEN" "$CLIENTS" "$REPORTS" "$OUT/categories.txt" \
  "$OUT/grids.txt" "$OUT/ids.txt" 20261129 "$WARMUP" > "$OUT/api.json" 2> "$OUT/client.log" || { tail -20 "$OUT/client.log"; exit 1; }
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
[ -n "$VACUUMER" ] && { kill "$VACUUMER" 2>/dev/null || true; }
CPU2=$(cpu)
cat "$OUT/api.json"; tail -5 "$OUT/client.log"

echo "== pgbench (after)"
TPS2=$(pgb after); echo "tps $TPS2   load: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== checks"
ACCEPTED=$(python3 -c 'import json,sys; r = json.load(open(sys.argv[1])); print(r["warmup"]["accepted"] + r["intake"]["accepted"])' "$OUT/api.json")
Q "SELECT 'case_file rows', COUNT(*) FROM case_file
   UNION ALL SELECT 'idempotency keys', COUNT(*) FROM case_idempotency
   UNION ALL SELECT 'report events', COUNT(*) FROM case_event WHERE action = 'report'
   UNION ALL SELECT 'dispatched', COUNT(*) FROM case_file WHERE status = 'DISPATCHED'
   UNION ALL SELECT 'dispatched without lead unit, lead row or deadline', COUNT(*) FROM case_file c
     WHERE c.status = 'DISPATCHED' AND (c.lead_unit_id IS NULL OR c.deadline_at IS NULL OR c.warn_at IS NULL
       OR NOT EXISTS (SELECT 1 FROM case_unit u WHERE u.case_id = c.id AND u.unit_id = c.lead_unit_id AND u.role = 'LEAD'))
   UNION ALL SELECT 'not dispatched', COUNT(*) FROM case_file WHERE status <> 'DISPATCHED'
   UNION ALL SELECT 'CASE_REPORT audit entries', COUNT(*) FROM audit_entry WHERE action = 'CASE_REPORT'" \
  | tr '|' '\t' | tee "$OUT/check.txt"
ROWS=$(awk -F'\t' '$1 == "case_file rows" {print $2}' "$OUT/check.txt")
BAD=$(awk -F'\t' '$1 ~ /^dispatched without/ {print $2}' "$OUT/check.txt")
CHECK=ok
[ "$ROWS" = "$ACCEPTED" ] || { echo "CHECK FAILED: $ROWS case rows for $ACCEPTED accepted reports"; CHECK=failed; }
echo "case rows $ROWS = accepted reports $ACCEPTED (warm-up and measured)"
[ "$BAD" = 0 ] || { echo "CHECK FAILED: $BAD dispatched cases without lead unit or deadline"; CHECK=failed; }

# The reads of every answer, on the full table, for the last located case: EXPLAIN ANALYZE (for the reading)
Q "SET enable_seqscan = on;
   SELECT 'near-duplicates:';
   EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT id, number, status, lat, lng, reported_at FROM case_file c
     WHERE category_code = (SELECT category_code FROM case_file WHERE lat IS NOT NULL ORDER BY id DESC LIMIT 1)
     AND id <> 0 AND reported_at BETWEEN now() - interval '24 hours' AND now()
     AND status NOT IN ('VOIDED', 'MERGED', 'REJECTED') AND lat BETWEEN 33.6 AND 33.6018 AND lng BETWEEN 119.1 AND 119.1022
     AND ((c.jurisdiction_code LIKE '320819%')) ORDER BY reported_at;
   SELECT 'history:';
   EXPLAIN (ANALYZE, COSTS OFF) SELECT id, action, from_status, to_status, actor, unit_id, note, occurred_at
     FROM case_event WHERE case_id = (SELECT MAX(id) FROM case_file) ORDER BY id" > "$OUT/explain.txt" 2>&1 || true

echo "== summary"
python3 - "$OUT/api.json" "$TPS1" "$TPS2" "$LOAD_AFTER" "$CHECK" $CPU1 $CPU2 <<'EOF'
import json, sys
r = json.load(open(sys.argv[1])); tps1, tps2 = float(sys.argv[2]), float(sys.argv[3])
i, d = r["intake"], r["file_and_dispatch"]; best = max(tps1, tps2)
print("pgbench TPS (1 insert/tx, %d clients): %.0f before, %.0f after" % (r["clients"], tps1, tps2))
print("intake: %d reports, %.1f reports/s, p50 %s ms, p99 %s ms" % (i["accepted"], i["reports_per_second"], i["p50_ms"], i["p99_ms"]))
print("file + dispatch: %d cases, %.1f cases/s, file p99 %s ms, dispatch p99 %s ms" % (d["dispatched"], d["cases_per_second"], d["file_p99_ms"], d["dispatch_p99_ms"]))
print("intake / pgbench: %.1f %% of the higher, %.1f %% of the lower (goal >= 30 %%)" % (100 * i["reports_per_second"] / best, 100 * i["reports_per_second"] / min(tps1, tps2)))
print("load average after the API phases: %s; checks: %s" % (sys.argv[4], sys.argv[5]))
j1, p1, j2, p2 = map(float, sys.argv[6:10])
w = r["warmup"]; requests = 3 * (w["accepted"] + i["accepted"]) + i["retries_same_case"]
print("CPU per API request (warm-up included, %d requests): application %.2f ms, its PostgreSQL backends %.2f ms"
      % (requests, 1000 * (j2 - j1) / requests, 1000 * (p2 - p1) / requests))
EOF
[ "$CHECK" = ok ]
