#!/usr/bin/env bash
# Necessities pick-list benchmark on PostgreSQL (issue 19; not part of `mvn verify`). In a fresh schema:
#  1. starts the jar with the demo district (no demo residents; the demo suppliers are loaded);
#  2. adds HOUSEHOLDS synthetic households in the grids of street 320819001000 (plain SQL: bench data only), PER
#     compound each, one resident per household (10 % with a vulnerable care tag, 2 % under active home quarantine);
#  3. every household orders for tomorrow from one of the street's suppliers (3 lines each, plain SQL);
#  4. GET /api/v1/pick-lists?jurisdiction=320819001000&date=tomorrow as street1: RUNS timed calls (curl wall time),
#     then the same lists as Excel and PDF once each.
# Usage: bench/necessities/run.sh  (env: HOUSEHOLDS=20000 PER=200 RUNS=5 PORT=8098 BUILD=1 JAR=)
# Needs PostgreSQL 15 at 127.0.0.1:5432 (user postgres, trust, database test), psql, curl, python3, Java 17, Maven.
set -euo pipefail
cd "$(dirname "$0")/../.."
HOUSEHOLDS=${HOUSEHOLDS:-20000}
PER=${PER:-200}
RUNS=${RUNS:-5}
PORT=${PORT:-8098}
BUILD=${BUILD:-1}
STREET=320819001
SCHEMA=bench_necessities
OUT=target/bench/necessities
mkdir -p "$OUT"
Q() { PGOPTIONS="-c search_path=$SCHEMA -c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -q -At -c "$1"; }

echo "== $(date -u '+%F %T') UTC, commit $(git rev-parse --short HEAD), load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
psql -h 127.0.0.1 -U postgres -d test -q -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA;" 2>/dev/null
if [ "$BUILD" = 1 ]; then mvn -q -B -o -Dmaven.test.skip=true package; fi
JAR=${JAR:-$(ls target/gridlink-*.jar | grep -v plain | head -1)}
java -jar "$JAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA&ApplicationName=bench_necessities" \
  --spring.datasource.username=postgres --spring.datasource.password= --gridlink.demo.on-real-database=true \
  --gridlink.demo.residents=0 --logging.level.root=WARN > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for i in $(seq 1 600); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" | grep -q UP; then break; fi
  kill -0 $APP 2>/dev/null || { tail -50 "$OUT/app.log"; exit 1; }
  sleep 1
done
BASE="http://127.0.0.1:$PORT"
TOMORROW=$(Q "SELECT CAST(CURRENT_DATE + 1 AS text)")

echo "== $HOUSEHOLDS households in street ${STREET}000, $PER per compound, each ordering for $TOMORROW"
Q "INSERT INTO household (district_code, grid_code, compound, building, entrance, room, address, created_at)
   SELECT '320819', grids.code, 'bench-' || (g / $PER), (g % 20) || '栋', '1单元', g::text, '', now()
   FROM generate_series(0, $HOUSEHOLDS - 1) g
   JOIN (SELECT code, row_number() OVER (ORDER BY code) - 1 AS i, COUNT(*) OVER () AS n FROM jurisdiction
         WHERE level = 'GRID' AND code LIKE '${STREET}%') grids ON grids.i = (g / $PER) % grids.n"
Q "INSERT INTO resident (district_code, grid_code, household_id, name, id_number_hash, id_number_enc, id_number_masked,
     created_at, updated_at)
   SELECT '320819', h.grid_code, h.id, 'bench', 'bench-' || h.id, 'x', '3208**********0000', now(), now()
   FROM household h WHERE h.compound LIKE 'bench-%'"
Q "INSERT INTO resident_tag (resident_id, district_code, tag, set_by, set_at)
   SELECT r.id, '320819', 'ELDERLY_ALONE', 'bench', now() FROM resident r WHERE r.name = 'bench' AND r.id % 10 = 0"
Q "INSERT INTO quarantine_person (district_code, resident_id, name, name_masked, id_kind, id_hash, id_enc, id_masked,
     grid_code, created_by, created_at)
   SELECT '320819', r.id, 'bench', 'b*', 'PASSPORT', 'bench-' || r.id, 'x', 'x', r.grid_code, 'bench', now()
   FROM resident r WHERE r.name = 'bench' AND r.id % 50 = 7"
Q "INSERT INTO quarantine_order (person_id, type, active_person_id, last_exposure, start_date, planned_end, status,
     created_by, created_at)
   SELECT p.id, 'HOME', p.id, CURRENT_DATE - 2, CURRENT_DATE - 1, CURRENT_DATE + 12, 'ACTIVE', 'bench', now()
   FROM quarantine_person p WHERE p.name = 'bench'"
Q "INSERT INTO necessity_order (client_id, household_id, district_code, grid_code, compound, label, supplier_id,
     delivery_date, total_cents, placed_via, placed_by, placed_at)
   SELECT 'bench-' || h.id, h.id, '320819', h.grid_code, h.compound, h.compound || ' ' || h.building || ' ' || h.room,
     s.supplier_id, CURRENT_DATE + 1, 0, 'STAFF', 'bench', now()
   FROM household h
   JOIN (SELECT supplier_id, row_number() OVER (ORDER BY supplier_id) - 1 AS i, COUNT(*) OVER () AS n
         FROM necessity_supplier_street WHERE street_code = '${STREET}000') s ON s.i = h.id % s.n
   WHERE h.compound LIKE 'bench-%'"
Q "INSERT INTO necessity_order_line (order_id, line_no, item_id, name, unit, price_cents, quantity)
   SELECT o.id, k.n, i.id, i.name, i.unit, i.price_cents, 1 + (o.id + k.n) % 3
   FROM necessity_order o CROSS JOIN (VALUES (1), (2), (3)) k(n)
   JOIN LATERAL (SELECT id, name, unit, price_cents FROM necessity_item WHERE supplier_id = o.supplier_id
                 ORDER BY id OFFSET k.n - 1 LIMIT 1) i ON TRUE
   WHERE o.placed_by = 'bench'"
Q "UPDATE necessity_order o SET total_cents = (SELECT SUM(price_cents * quantity) FROM necessity_order_line l
   WHERE l.order_id = o.id) WHERE o.placed_by = 'bench'"
Q "VACUUM ANALYZE household"; Q "VACUUM ANALYZE resident"; Q "VACUUM ANALYZE resident_tag"
Q "VACUUM ANALYZE necessity_order"; Q "VACUUM ANALYZE necessity_order_line"
echo "orders: $(Q "SELECT COUNT(*) FROM necessity_order WHERE delivery_date = CURRENT_DATE + 1"), lines: $(Q "SELECT COUNT(*) FROM necessity_order_line"), compounds: $(Q "SELECT COUNT(DISTINCT compound) FROM household WHERE compound LIKE 'bench-%'"), quarantined: $(Q "SELECT COUNT(*) FROM quarantine_order WHERE created_by = 'bench'")"

TOKEN=$(bench/api-token.sh "$BASE" street1 'Demo#2026' "necessities bench")
URL="$BASE/api/v1/pick-lists?jurisdiction=${STREET}000&date=$TOMORROW"
for i in $(seq 1 "$RUNS"); do
  curl -fs -o "$OUT/lists.json" -w "pick lists (JSON) run $i: %{time_total} s, %{size_download} bytes\n" \
    -H "Authorization: Bearer $TOKEN" "$URL"
done
python3 -c "
import json; d = json.load(open('$OUT/lists.json'))
e = [x for l in d for x in l['entries']]
print('lists:', len(d), 'entries:', len(e), 'by priority:', {p: sum(1 for x in e if x['priority'] == p) for p in ('QUARANTINE', 'VULNERABLE', 'NONE')})
bad = [l for l in d if [x['priority'] for x in l['entries']] != sorted([x['priority'] for x in l['entries']], key=['QUARANTINE','VULNERABLE','NONE'].index)]
print('lists out of priority order:', len(bad))"
curl -fs -o "$OUT/lists.xlsx" -w "pick lists (Excel): %{time_total} s, %{size_download} bytes\n" \
  -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/pick-lists.xlsx?jurisdiction=${STREET}000&date=$TOMORROW"
curl -fs -o "$OUT/lists.pdf" -w "pick lists (PDF): %{time_total} s, %{size_download} bytes\n" \
  -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/pick-lists.pdf?jurisdiction=${STREET}000&date=$TOMORROW"
echo "== load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
