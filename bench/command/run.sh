#!/usr/bin/env bash
# Command center benchmark on PostgreSQL (issue 17; not part of `mvn verify`). In a fresh schema:
#  1. starts the jar with the demo district (no demo residents; demo cases on);
#  2. adds CASES synthetic cases spread over the last 365 days and the district's grids (plain SQL into case_file:
#     bench data only, 25 % still open, 5 % of those overdue), then POST /api/v1/command/rebuild (timed);
#  3. while REPORTERS threads post case reports (POST /api/v1/cases), READERS threads read the district's figures
#     (GET /api/v1/command/figures) and a street's (drill-down) for DURATION seconds: p50/p95/p99 of each;
#  4. writes yesterday's daily summary on demand (POST /api/v1/daily-summaries/{date}), timed.
# Usage: bench/command/run.sh  (env: CASES=100000 REPORTERS=16 READERS=4 DURATION=30 PORT=8099 BUILD=1 JAR=)
# Needs PostgreSQL 15 at 127.0.0.1:5432 (user postgres, trust, database test), psql, python3, Java 17, Maven.
set -euo pipefail
cd "$(dirname "$0")/../.."
CASES=${CASES:-100000}
REPORTERS=${REPORTERS:-16}
READERS=${READERS:-4}
DURATION=${DURATION:-30}
PORT=${PORT:-8099}
BUILD=${BUILD:-1}
SCHEMA=bench_command
OUT=target/bench/command
mkdir -p "$OUT"
Q() { PGOPTIONS="-c search_path=$SCHEMA -c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -q -At -c "$1"; }

echo "== $(date -u '+%F %T') UTC, commit $(git rev-parse --short HEAD), load: $(cut -d' ' -f1-3 /proc/loadavg)"
psql -h 127.0.0.1 -U postgres -d test -q -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA;" 2>/dev/null
if [ "$BUILD" = 1 ]; then mvn -q -B -o -DskipTests package; fi
JAR=${JAR:-$(ls target/gridlink-*.jar | grep -v plain | head -1)}
java -jar "$JAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA&ApplicationName=bench_command" \
  --spring.datasource.username=postgres --spring.datasource.password= --gridlink.demo.on-real-database=true \
  --gridlink.demo.residents=0 --logging.level.root=WARN --logging.level.org.gridlink.command=INFO > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for i in $(seq 1 300); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" | grep -q UP; then break; fi
  kill -0 $APP 2>/dev/null || { tail -50 "$OUT/app.log"; exit 1; }
  sleep 1
done
BASE="http://127.0.0.1:$PORT"

echo "== $CASES synthetic cases over 365 days"
Q "INSERT INTO case_file (district_code, number, status, source, category_code, description, jurisdiction_code,
     reporter, reported_at, closed_at, closed_on_time, overdue, lat, lng)
   SELECT '320819', 'B' || lpad(g::text, 12, '0'),
     CASE WHEN g % 4 = 0 THEN 'DISPATCHED' ELSE 'CLOSED' END, 'HOTLINE', 'E0101', 'bench',
     grids.code, 'bench', now() - ((g % 365) || ' days')::interval - ((g % 1440) || ' minutes')::interval,
     CASE WHEN g % 4 = 0 THEN NULL ELSE now() - ((g % 365) || ' days')::interval + interval '3 hours' END,
     CASE WHEN g % 4 = 0 THEN NULL ELSE g % 10 <> 0 END, g % 80 = 0, NULL, NULL
   FROM generate_series(1, $CASES) g
   JOIN (SELECT code, row_number() OVER (ORDER BY code) - 1 AS i, COUNT(*) OVER () AS n FROM jurisdiction WHERE level = 'GRID') grids
     ON grids.i = g % grids.n"
Q "VACUUM ANALYZE case_file"
echo "case_file rows: $(Q "SELECT COUNT(*) FROM case_file")"
TOKEN=$(bench/api-token.sh "$BASE" center 'Demo#2026' "command bench")
T0=$(date +%s%N)
curl -fs -X POST -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/command/rebuild" > "$OUT/rebuild.json"
echo "rebuild: $(( ($(date +%s%N) - T0) / 1000000 )) ms wall, $(cat "$OUT/rebuild.json")"
Q "VACUUM ANALYZE command_count, command_item"
echo "command_count rows: $(Q "SELECT COUNT(*) FROM command_count")"

echo "== reads while $REPORTERS reporters post cases, $DURATION s"
python3 bench/command/load.py "$BASE" "$TOKEN" "$REPORTERS" "$READERS" "$DURATION" \
  "$(Q "SELECT code FROM jurisdiction WHERE level = 'GRID' ORDER BY code LIMIT 1")" | tee "$OUT/reads.json"

echo "== daily summary of yesterday"
DAY=$(date -u -d 'yesterday' +%F)
T0=$(date +%s%N)
curl -fs -X POST -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/daily-summaries/$DAY" > /dev/null
echo "summary written in $(( ($(date +%s%N) - T0) / 1000000 )) ms"
curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/daily-summaries/$DAY.pdf" -o "$OUT/summary.pdf"
echo "pdf: $(stat -c %s "$OUT/summary.pdf") bytes"
