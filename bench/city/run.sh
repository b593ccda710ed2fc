#!/usr/bin/env bash
# bench/city: a city of DISTRICTS districts on one deployment (one GridLink instance, one PostgreSQL database):
#   1. a database of its own (DB, default gridlink_city; never `test`), the application started once in demo mode
#      (demo district 320819, no demo residents), then DISTRICTS-1 more districts as copies of the demo district's
#      jurisdiction tree under their own codes (clone-district.sql: 1,291 grids, compounds, buildings, a district
#      center account each), the application restarted;
#   2. per district, in turn: PER_DISTRICT residents generated (CityResidentsCsv: the demo population, ID numbers
#      unique across the city) and imported through the residents import API (POST /api/v1/residents/imports as the
#      district's center), timed from the job's start to its end;
#   3. under load (wrk against 127.0.0.1, DURATION s each, CONNECTIONS connections): the residents list of the first
#      and of the last district as their centers; a screening campaign over the whole last district started (timed)
#      and its progress; the list and the progress at the same time;
#   4. the database size (and of its largest tables); the database dropped unless KEEP=1.
# Needs PostgreSQL 15 on 127.0.0.1:5432 (user postgres, trust), Java 17, Maven, wrk, python3, curl.
# Usage: bench/city/run.sh   (env: DISTRICTS=10 PER_DISTRICT=930000 DB=gridlink_city PORT=8296 DURATION=20
#        CONNECTIONS=8 BUILD=1 KEEP=0 FRESH=1 (0: continue on the existing DB, districts already imported are skipped)
#        JAVA_OPTS=-Xmx4g IMPORT_UNTIL= (a time, e.g. 16:20: no new district import is started after it; the pages are
#        then measured on the districts imported so far))
# Results: target/bench/city/result.md (and app.log, wrk-*.txt).
set -euo pipefail
cd "$(dirname "$0")/../.."
DISTRICTS=${DISTRICTS:-10}
PER_DISTRICT=${PER_DISTRICT:-930000}
DB=${DB:-gridlink_city}
PORT=${PORT:-8296}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-8}
BUILD=${BUILD:-1}
KEEP=${KEEP:-0}
FRESH=${FRESH:-1}
JAVA_OPTS=${JAVA_OPTS:--Xmx4g}
IMPORT_UNTIL=${IMPORT_UNTIL:-}
[ "$DB" = test ] && { echo "use a database of its own, not test"; exit 1; }
CODES=(320819 320821 320822 320823 320824 320825 320826 320827 320828 320829)
NAMES=(江滨区 河西区 湖滨区 山南区 新城区 高新区 港口区 北湖区 东湖区 西山区)
[ "$DISTRICTS" -le ${#CODES[@]} ] || { echo "at most ${#CODES[@]} districts"; exit 1; }
OUT=target/bench/city
mkdir -p "$OUT"
BASE="http://127.0.0.1:$PORT"
JDBC="jdbc:postgresql://127.0.0.1:5432/$DB"
Q() { psql -X -q -At -h 127.0.0.1 -U postgres -d "$DB" -v ON_ERROR_STOP=1 -c "$1"; }
R="$OUT/result.md"
say() { echo "$*" | tee -a "$R"; }
t0=$(date +%s)

: > "$R"
say "# bench/city $(date -u '+%F %T') UTC, commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo '+changes')"
say "machine: $(nproc) CPUs, $(grep MemTotal /proc/meminfo | awk '{print int($2/1048576)}') GB, load at start $(cut -d' ' -f1-3 /proc/loadavg) (shared machine)"
say "disk before: $(df -h --output=avail /var/lib/postgresql | tail -1 | tr -d ' ') free; $DISTRICTS districts x $PER_DISTRICT residents"

if [ "$BUILD" = 1 ]; then
  nice -n 10 mvn -B -q -o -Dstyle.color=never -DskipTests package
  nice -n 10 mvn -B -q -o -Dstyle.color=never test-compile
fi
JAR=${JAR:-$(ls target/gridlink-*.jar | grep -v plain | head -1)}
# the generator's classpath: main and test classes and the libraries inside the application's jar
mkdir -p target/bench/city-lib && (cd target/bench/city-lib && unzip -q -o -j "$OLDPWD/$JAR" 'BOOT-INF/lib/*')

if [ "$FRESH" = 1 ]; then
  dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"
  createdb -h 127.0.0.1 -U postgres "$DB"
fi

APP=
stop() { [ -n "$APP" ] && { kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true; }; APP=; }
finish() {
  stop
  if [ "$KEEP" != 1 ]; then dropdb -h 127.0.0.1 -U postgres --if-exists "$DB" && echo "database $DB dropped"; fi
}
trap finish EXIT
start() {
  local s; s=$(date +%s)
  java $JAVA_OPTS -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 --spring.datasource.url="$JDBC" \
    --spring.datasource.username=postgres --spring.datasource.password= \
    --gridlink.demo.on-real-database=true --gridlink.demo.residents=0 --logging.level.root=WARN >> "$OUT/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 900); do
    curl -fs "$BASE/actuator/health/readiness" 2>/dev/null | grep -q UP && break
    kill -0 "$APP" 2>/dev/null || { tail -50 "$OUT/app.log"; exit 1; }
    sleep 1
  done
  curl -fs "$BASE/actuator/health/readiness" > /dev/null || { echo "not ready"; exit 1; }
  echo "application ready in $(( $(date +%s) - s )) s"
}

: > "$OUT/app.log"
if [ "$(Q "SELECT to_regclass('jurisdiction') IS NOT NULL")" = t ] \
   && [ "$(Q "SELECT COUNT(DISTINCT district_code) FROM jurisdiction")" -ge "$DISTRICTS" ]; then
  echo "the $DISTRICTS jurisdiction trees are there (FRESH=0)"
else
  start
  stop
  for i in $(seq 1 $((DISTRICTS - 1))); do
    psql -X -q -h 127.0.0.1 -U postgres -d "$DB" -v d="${CODES[$i]}" -v name="${NAMES[$i]}" -v n="$i" \
      -f bench/city/clone-district.sql
  done
fi
say "jurisdiction trees: $(Q "SELECT COUNT(DISTINCT district_code) || ' districts, ' || COUNT(*) FILTER (WHERE level = 'GRID') || ' grids, ' || COUNT(*) || ' nodes' FROM jurisdiction"); $(Q "SELECT COUNT(*) FROM building") buildings"
start

token() { bench/api-token.sh "$BASE" "$1" 'Demo#2026' "city bench $(date +%s%N)"; }
user() { [ "$1" = 320819 ] && echo center || echo "center$1"; }

say ""
say "## Imports (one after the other, each through POST /api/v1/residents/imports as the district's center)"
say ""
say "| district | rows | accepted | rejected | queued → running | import (start → end) | rows/s | load at end |"
say "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
LAST=
for i in $(seq 0 $((DISTRICTS - 1))); do
  code=${CODES[$i]}
  have=$(Q "SELECT COUNT(*) FROM resident WHERE district_code = '$code'")
  if [ "$have" -ge "$PER_DISTRICT" ]; then echo "$code: $have residents, skipped"; LAST=$code; continue; fi
  if [ -n "$IMPORT_UNTIL" ] && [ "$(date +%s)" -ge "$(date -d "$IMPORT_UNTIL" +%s)" ]; then
    say "(IMPORT_UNTIL $IMPORT_UNTIL reached: district $code and the following ones not imported)"; break
  fi
  csv="$OUT/residents-$code.csv"
  java -cp "target/test-classes:target/classes:target/bench/city-lib/*" org.gridlink.residents.CityResidentsCsv \
    "$JDBC" "$code" $((i * PER_DISTRICT)) "$PER_DISTRICT" "$csv"
  TOKEN=$(token "$(user "$code")")
  id=$(curl -fs -H "Authorization: Bearer $TOKEN" -F "file=@$csv;type=text/csv" "$BASE/api/v1/residents/imports" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  for _ in $(seq 1 7200); do
    st=$(Q "SELECT status FROM resident_import WHERE id = $id")
    [ "$st" = SUCCEEDED ] || [ "$st" = FAILED ] && break
    sleep 1
  done
  rm -f "$csv"
  LAST=$code
  say "$(Q "SELECT '| $code ${NAMES[$i]} | ' || to_char(processed_rows, 'FM9,999,999') || ' | ' || to_char(accepted_rows, 'FM9,999,999')
      || ' | ' || rejected_rows || ' | ' || round(EXTRACT(EPOCH FROM started_at - created_at)::numeric, 1) || ' s | '
      || round(EXTRACT(EPOCH FROM finished_at - started_at)::numeric, 1) || ' s | '
      || to_char(round(processed_rows / GREATEST(EXTRACT(EPOCH FROM finished_at - started_at), 0.001)), 'FM999,999') || ' | '
      || '$(cut -d' ' -f1-3 /proc/loadavg) |' FROM resident_import WHERE id = $id") $( [ "$st" = SUCCEEDED ] || echo "**$st**")"
done
say ""
say "residents: $(Q "SELECT to_char(COUNT(*), 'FM99,999,999') FROM resident"), households: $(Q "SELECT to_char(COUNT(*), 'FM99,999,999') FROM household")"
Q "ANALYZE" > /dev/null

# wrk NAME TOKEN URL...: DURATION s, CONNECTIONS connections, 2 threads; one line to the result
WRK_LUA="$OUT/auth.lua"
bench_wrk() {
  local name=$1 tok=$2 url=$3 f="$OUT/wrk-$1.txt"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency -H "Authorization: Bearer $tok" "$url" > "$f" 2>&1
  python3 - "$name" "$f" <<'PY' | tee -a "$R"
import re, sys
name, text = sys.argv[1], open(sys.argv[2]).read()
def pick(label):
    m = re.search(r"^\s*%s\s+([\d.]+\w+)" % re.escape(label), text, re.M)
    return m.group(1) if m else "?"
rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
errors = re.search(r"Socket errors:.*", text)
reqs = re.search(r"(\d+) requests in", text)
print("| %s | %s | %s | %s | %s | %s | %s |" % (name, reqs.group(1) if reqs else "?", rps.group(1) if rps else "?",
      pick("50%"), pick("90%"), pick("99%"), (non2xx.group(1) if non2xx else "0") + (" (" + errors.group(0) + ")" if errors else "")))
PY
}

FIRST=${CODES[0]}
LAST=${LAST:?no district imported}
T_FIRST=$(token "$(user "$FIRST")")
T_LAST=$(token "$(user "$LAST")")
# a warm-up request each, and the totals the lists report
for t in "$T_FIRST" "$T_LAST"; do curl -fs -o /dev/null -H "Authorization: Bearer $t" "$BASE/api/v1/residents?size=50"; done

say ""
say "## Screening campaign over the whole district $LAST"
CAMPAIGN=$(curl -fs -H "Authorization: Bearer $T_LAST" -H 'Content-Type: application/json' "$BASE/api/v1/screening/campaigns" \
  -d "{\"name\":\"城市基准\",\"jurisdictionCode\":\"${LAST}000000\",\"from\":\"$(date +%F)\",\"to\":\"$(date -d +1day +%F)\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
s=$(date +%s.%N)
curl -fs -H "Authorization: Bearer $T_LAST" -X POST "$BASE/api/v1/screening/campaigns/$CAMPAIGN/start" > /dev/null
for _ in $(seq 1 1800); do
  curl -fs -H "Authorization: Bearer $T_LAST" "$BASE/api/v1/screening/campaigns/$CAMPAIGN" | grep -q '"status":"RUNNING"' && break
  sleep 1
done
say "campaign $CAMPAIGN started (tasks and household snapshots of $(Q "SELECT to_char(COUNT(*), 'FM9,999,999') FROM screening_household WHERE campaign_id = $CAMPAIGN") households) in $(python3 -c "import time; print(round(time.time() - $s, 1))") s"
# some screening records so the progress has something to count: the first 20,000 households, in batches of 500
Q "SELECT household_id FROM screening_household WHERE campaign_id = $CAMPAIGN ORDER BY household_id LIMIT 20000" > "$OUT/households.txt"
python3 - "$BASE" "$T_LAST" "$CAMPAIGN" "$OUT/households.txt" <<'PY'
import json, sys, urllib.request, uuid
base, token, campaign, ids = sys.argv[1], sys.argv[2], sys.argv[3], [int(x) for x in open(sys.argv[4]).read().split()]
for k in range(0, len(ids), 500):
    batch = [{"clientId": str(uuid.uuid4()), "householdId": h, "outcome": "ALL_NORMAL"} for h in ids[k:k + 500]]
    req = urllib.request.Request("%s/api/v1/screening/campaigns/%s/records" % (base, campaign), json.dumps(batch).encode(),
                                 {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    urllib.request.urlopen(req, timeout=120).read()
PY
say "screening records: $(Q "SELECT to_char(COUNT(*), 'FM9,999,999') FROM screening_record WHERE campaign_id = $CAMPAIGN")"
curl -fs -H "Authorization: Bearer $T_LAST" "$BASE/api/v1/screening/campaigns/$CAMPAIGN/progress" | head -c 300 > "$OUT/progress.json"; echo >> "$OUT/progress.json"

say ""
say "## Under load: wrk -t2 -c$CONNECTIONS -d${DURATION}s against 127.0.0.1:$PORT, one page each (then two at once)"
say ""
say "| page | requests | requests/s | p50 | p90 | p99 | non-2xx |"
say "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
bench_wrk "residents list, district $FIRST (its center)" "$T_FIRST" "$BASE/api/v1/residents?size=50"
bench_wrk "residents list, district $LAST (its center)" "$T_LAST" "$BASE/api/v1/residents?size=50"
bench_wrk "screening progress, district $LAST" "$T_LAST" "$BASE/api/v1/screening/campaigns/$CAMPAIGN/progress"
bench_wrk "together: residents list $FIRST" "$T_FIRST" "$BASE/api/v1/residents?size=50" &
W=$!
bench_wrk "together: screening progress $LAST" "$T_LAST" "$BASE/api/v1/screening/campaigns/$CAMPAIGN/progress"
wait "$W"

say ""
say "## Database"
say "size: $(Q "SELECT pg_size_pretty(pg_database_size('$DB'))") ($(Q "SELECT pg_database_size('$DB')") bytes)"
say ""
say "| table | rows (estimate) | total size (with indexes, TOAST) |"
say "| --- | ---: | ---: |"
Q "SELECT '| ' || c.relname || ' | ' || to_char(c.reltuples::bigint, 'FM99,999,999') || ' | ' || pg_size_pretty(pg_total_relation_size(c.oid)) || ' |'
   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind = 'r' AND n.nspname = 'public' ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 8" | tee -a "$R"
say ""
say "## Whole-table queries (psql, one run each)"
timed() { local s; s=$(date +%s%N); Q "$2" > /dev/null; say "- $1: $(( ($(date +%s%N) - s) / 1000000 )) ms"; }
timed "the periodic recount of every grid (ResidentCounts.recountAll: GROUP BY grid_code over all residents)" \
  "SELECT grid_code, COUNT(*) FROM resident GROUP BY grid_code"
timed "an exact count of one district's residents (district $LAST)" \
  "SELECT COUNT(*) FROM resident WHERE grid_code LIKE '$LAST%'"
timed "ANALYZE resident" "ANALYZE resident"
say ""
say "load at end $(cut -d' ' -f1-3 /proc/loadavg); $(( $(date +%s) - t0 )) s in all"
