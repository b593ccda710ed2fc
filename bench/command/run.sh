#!/usr/bin/env bash
# Command center benchmark on PostgreSQL (issue 17; not part of `mvn verify`). In a fresh schema:
#  1. starts the jar with the demo district (RESIDENTS demo residents, default none; demo cases on);
#  2. adds CASES synthetic cases spread over the last 365 days and the district's grids (plain SQL into case_file:
#     bench data only, 25 % still open, 5 % of those overdue), then POST /api/v1/command/rebuild (timed);
#     then ORDERS synthetic quarantine orders over the last 365 days (plain SQL into quarantine_person/_order: home
#     orders of 14 days, those begun in the last 14 days still active), rebuild again (timed);
#     EXPLAIN ANALYZE of the figures query alone (district and its streets; a street and its communities);
#  3. while REPORTERS threads post case reports (POST /api/v1/cases), READERS threads read the district's figures
#     (GET /api/v1/command/figures) and a street's (drill-down) for DURATION seconds: p50/p95/p99 of each;
#  4. writes yesterday's daily summary on demand (POST /api/v1/daily-summaries/{date}), timed.
# Usage: bench/command/run.sh  (env: CASES=100000 ORDERS=10000 RESIDENTS=0 REPORTERS=16 READERS=4 DURATION=30 PORT=8099 BUILD=1 JAR=)
# Needs PostgreSQL 15 at 127.0.0.1:5432 (user postgres, trust, database test), psql, python3, Java 17, Maven.
set -euo pipefail
cd "$(dirname "$0")/../.."
CASES=${CASES:-100000}
ORDERS=${ORDERS:-10000}
RESIDENTS=${RESIDENTS:-${GRIDLINK_DEMO_RESIDENTS:-0}}
REPORTERS=${REPORTERS:-16}
READERS=${READERS:-4}
DURATION=${DURATION:-30}
PORT=${PORT:-8099}
BUILD=${BUILD:-1}
SCHEMA=bench_command
OUT=target/bench/command
mkdir -p "$OUT"
Q() { PGOPTIONS="-c search_path=$SCHEMA -c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -q -At -c "$1"; }

echo "== $(date -u '+%F %T') UTC, commit $(git rev-parse --short HEAD), load: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
psql -h 127.0.0.1 -U postgres -d test -q -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA;" 2>/dev/null
if [ "$BUILD" = 1 ]; then mvn -q -B -o -DskipTests package; fi
JAR=${JAR:-$(ls target/gridlink-*.jar | grep -v plain | head -1)}
java -jar "$JAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA&ApplicationName=bench_command" \
  --spring.datasource.username=postgres --spring.datasource.password= --gridlink.demo.on-real-database=true \
  --gridlink.demo.residents="$RESIDENTS" --logging.level.root=WARN --logging.level.org.gridlink.command=INFO \
  --logging.level.org.gridlink.command.CommandCenter=DEBUG > "$OUT/app.log" 2>&1 &
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

echo "== $ORDERS synthetic quarantine orders over 365 days"
Q "WITH p AS (
     INSERT INTO quarantine_person (district_code, name, name_masked, id_kind, id_hash, id_enc, id_masked, grid_code,
       created_by, created_at)
     SELECT '320819', 'bench' || g, 'b*', 'ID', 'bench-' || g, 'bench', '3208**********' || lpad((g % 10000)::text, 4, '0'),
       grids.code, 'bench', now() - ((g % 365) || ' days')::interval
     FROM generate_series(1, $ORDERS) g
     JOIN (SELECT code, row_number() OVER (ORDER BY code) - 1 AS i, COUNT(*) OVER () AS n FROM jurisdiction WHERE level = 'GRID') grids
       ON grids.i = (g * 7) % grids.n
     RETURNING id, created_at)
   INSERT INTO quarantine_order (person_id, type, active_person_id, last_exposure, start_date, planned_end, status,
     release_kind, released_at, released_by, created_by, created_at)
   SELECT id, 'HOME', CASE WHEN created_at + interval '14 days' > now() THEN id END, created_at::date - 1, created_at::date,
     created_at::date + 14, CASE WHEN created_at + interval '14 days' > now() THEN 'ACTIVE' ELSE 'RELEASED' END,
     CASE WHEN created_at + interval '14 days' > now() THEN NULL ELSE 'COMPLETED' END,
     CASE WHEN created_at + interval '14 days' > now() THEN NULL ELSE created_at + interval '14 days' END,
     CASE WHEN created_at + interval '14 days' > now() THEN NULL ELSE 'bench' END, 'bench', created_at
   FROM p"
Q "VACUUM ANALYZE quarantine_person, quarantine_order"
echo "quarantine_order rows: $(Q "SELECT COUNT(*) FROM quarantine_order"), active: $(Q "SELECT COUNT(*) FROM quarantine_order WHERE status = 'ACTIVE'")"
T0=$(date +%s%N)
curl -fs -X POST -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/command/rebuild" > "$OUT/rebuild2.json"
echo "rebuild with the orders: $(( ($(date +%s%N) - T0) / 1000000 )) ms wall, $(cat "$OUT/rebuild2.json")"
Q "VACUUM ANALYZE command_count, command_item, command_total"
echo "command_count rows: $(Q "SELECT COUNT(*) FROM command_count"), command_total rows: $(Q "SELECT COUNT(*) FROM command_total")"

echo "== the figures query alone (EXPLAIN ANALYZE, the statement CommandCenter.figures runs)"
explain() {
  local codes day
  codes=$(Q "SELECT string_agg(quote_literal(code), ',') FROM jurisdiction WHERE code = '$1' OR parent_code = '$1'")
  day=$(TZ=Asia/Shanghai date +%F)
  Q "EXPLAIN ANALYZE SELECT code, measure, 0, 0, 0, amount FROM command_total WHERE code IN ($codes)
     UNION ALL
     SELECT code, measure, SUM(CASE WHEN on_day = DATE '$day' THEN amount ELSE 0 END),
       SUM(CASE WHEN on_day = DATE '$day' - 1 THEN amount ELSE 0 END),
       SUM(CASE WHEN on_day > DATE '$day' THEN amount ELSE 0 END), 0
     FROM command_count WHERE code IN ($codes) AND on_day >= DATE '$day' - 1 GROUP BY code, measure" | grep -E 'Planning|Execution'
}
echo "district and its streets:"; explain 320819000000
echo "street 320819001000 and its communities:"; explain 320819001000

echo "== reads while $REPORTERS reporters post cases, $DURATION s"
python3 bench/command/load.py "$BASE" "$TOKEN" "$REPORTERS" "$READERS" "$DURATION" \
  "$(Q "SELECT code FROM jurisdiction WHERE level = 'GRID' ORDER BY code LIMIT 1")" | tee "$OUT/reads.json"

python3 - "$OUT/app.log" <<'PY' | tee "$OUT/inside.json"
import json, re, sys
parts = {}
for line in open(sys.argv[1], encoding='utf-8', errors='replace'):
    m = re.search(r'figures (\d+) \((\d+) places\): place (\d+) us, query (\d+) us', line)
    if m:
        kind = 'district' if m.group(1).endswith('000000') else 'street'
        parts.setdefault(kind, []).append((int(m.group(3)) / 1000, int(m.group(4)) / 1000))
def pct(v, p):
    v = sorted(v); return round(v[min(len(v) - 1, int(len(v) * p))], 1) if v else None
print(json.dumps({'inside CommandCenter.figures (ms)': {k: {'n': len(v), 'place p50': pct([a for a, b in v], .5),
      'place p95': pct([a for a, b in v], .95), 'query p50': pct([b for a, b in v], .5),
      'query p95': pct([b for a, b in v], .95)} for k, v in parts.items()}}))
PY

echo "== daily summary of yesterday"
DAY=$(date -u -d 'yesterday' +%F)
T0=$(date +%s%N)
curl -fs -X POST -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/daily-summaries/$DAY" > /dev/null
echo "summary written in $(( ($(date +%s%N) - T0) / 1000000 )) ms"
curl -fs -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/daily-summaries/$DAY.pdf" -o "$OUT/summary.pdf"
echo "pdf: $(stat -c %s "$OUT/summary.pdf") bytes"
echo "== end $(date -u '+%F %T') UTC, load: $(cut -d' ' -f1-3 /proc/loadavg)"
