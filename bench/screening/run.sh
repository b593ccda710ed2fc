#!/usr/bin/env bash
# Screening benchmark on PostgreSQL (not part of `mvn verify`). In one run, against the same database `test`:
#  1. pgbench: one INSERT per transaction into a plain table, CLIENTS connections, DURATION seconds;
#  2. the batch API: CLIENTS threads post 500 records per request with one API token, DURATION seconds;
#  3. the progress endpoint's median latency (under that load and idle) with the full district loaded.
# Needs PostgreSQL 15 at 127.0.0.1:5432 (user postgres, trust), psql, pgbench, python3, Java 17, Maven.
# Usage: bench/screening/run.sh   (env: CLIENTS=4 DURATION=30 PER_GRID=287 RESIDENTS=928700 PORT=8095)
set -euo pipefail
cd "$(dirname "$0")/../.."
CLIENTS=${CLIENTS:-4}
DURATION=${DURATION:-30}
PER_GRID=${PER_GRID:-287}
RESIDENTS=${RESIDENTS:-928700}
PORT=${PORT:-8095}
SCHEMA=screening_bench
OUT=target/bench/screening
mkdir -p "$OUT"
PSQL=(psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -q)

echo "== fresh schema $SCHEMA"
"${PSQL[@]}" -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA;"

echo "== build"
mvn -q -B -DskipTests package
JAR=$(ls target/gridlink-*.jar | grep -v plain | head -1)

echo "== start the application on port $PORT (demo district, PostgreSQL schema $SCHEMA)"
java -jar "$JAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA&reWriteBatchedInserts=true" \
  --spring.datasource.username=postgres --spring.datasource.password= --gridlink.demo.on-real-database=true \
  --spring.datasource.hikari.maximum-pool-size=10 --logging.level.root=WARN > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for i in $(seq 1 180); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" | grep -q UP; then break; fi
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" > /dev/null
until [ "$("${PSQL[@]}" -At -c "SELECT COUNT(*) FROM $SCHEMA.app_user WHERE username = 'center'")" = "1" ]; do sleep 1; done

echo "== load $PER_GRID households per grid and $RESIDENTS residents (bench-only SQL loader)"
T0=$(date +%s.%N)
"${PSQL[@]}" -c "SET search_path TO $SCHEMA" -v per_grid="$PER_GRID" -v residents="$RESIDENTS" \
  -f bench/screening/load.sql > "$OUT/load.txt" 2>&1 || { cat "$OUT/load.txt"; exit 1; }
psql -h 127.0.0.1 -U postgres -d test -At -c "SET search_path TO $SCHEMA; SELECT COUNT(*) FROM household; SELECT COUNT(*) FROM resident;" | tee -a "$OUT/load.txt"
echo "load: $(echo "$(date +%s.%N) - $T0" | bc) s"

BASE="http://127.0.0.1:$PORT"
TOKEN=$(bench/api-token.sh "$BASE" center 'Demo#2026' "screening bench")
AUTH=(-H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json')
ID=$(curl -fs "${AUTH[@]}" -d '{"name":"基准排查","jurisdictionCode":"320819000000","from":"2026-11-29","to":"2026-11-30"}' \
  "$BASE/api/v1/screening/campaigns" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
T0=$(date +%s.%N)
curl -fs "${AUTH[@]}" -X POST "$BASE/api/v1/screening/campaigns/$ID/start" > /dev/null
ACCEPTED_SECONDS=$(echo "$(date +%s.%N) - $T0" | bc)
echo "start accepted (202, STARTING) in $ACCEPTED_SECONDS s; waiting for RUNNING"
until curl -fs "${AUTH[@]}" "$BASE/api/v1/screening/campaigns/$ID" | grep -q '"status":"RUNNING"'; do sleep 0.5; done
START_SECONDS=$(echo "$(date +%s.%N) - $T0" | bc)
echo "campaign $ID started (tasks and household snapshots) in $START_SECONDS s"
psql -h 127.0.0.1 -U postgres -d test -At -c "SELECT household_id FROM $SCHEMA.screening_household WHERE campaign_id = $ID" > "$OUT/households.txt"
echo "households in the campaign: $(wc -l < "$OUT/households.txt")"

echo "== pgbench: one INSERT per transaction, $CLIENTS clients, $DURATION s"
"${PSQL[@]}" -c "CREATE TABLE $SCHEMA.pgbench_rows (id BIGSERIAL PRIMARY KEY, v BIGINT NOT NULL, at TIMESTAMPTZ NOT NULL)"
PGOPTIONS="-c search_path=$SCHEMA" pgbench -h 127.0.0.1 -U postgres -n -c "$CLIENTS" -j "$CLIENTS" -T "$DURATION" \
  -f bench/screening/pgbench-insert.sql test | tee "$OUT/pgbench.txt"
TPS=$(grep -Eo 'tps = [0-9.]+' "$OUT/pgbench.txt" | head -1 | awk '{print $3}')

echo "== batch API: $CLIENTS clients x 500 records per request, $DURATION s"
python3 bench/screening/client.py 127.0.0.1 "$PORT" "$TOKEN" "$ID" "$CLIENTS" "$DURATION" "$OUT/households.txt" \
  | tee "$OUT/api.json"
RPS=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["records_per_second"])' "$OUT/api.json")

echo "== check: progress equals a direct count over the records"
psql -h 127.0.0.1 -U postgres -d test -At -c "SET search_path TO $SCHEMA;
  SELECT (SELECT SUM(screened_households) FROM screening_task WHERE campaign_id = $ID) AS counters,
         (SELECT COUNT(*) FROM screening_record WHERE campaign_id = $ID AND outcome <> 'UNREACHABLE') AS records;" \
  | tee "$OUT/check.txt"

echo "== summary"
echo "pgbench TPS (1 insert/tx): $TPS"
echo "batch API records/s:       $RPS"
echo "ratio:                     $(echo "scale=1; 100 * $RPS / $TPS" | bc) % (goal >= 25 %)"
echo "campaign start:            $START_SECONDS s (request answered in $ACCEPTED_SECONDS s)"
