#!/usr/bin/env bash
# Notices benchmark on PostgreSQL (not part of `mvn verify`). In one run, against database `test` and a fresh schema:
#  1. the demo district with RESIDENTS demo residents (GRIDLINK_DEMO_RESIDENTS; full scale 928700);
#  2. a raw COPY of the same rows (the outbox columns, read from `resident`) into a plain table: the baseline;
#  3. a notice to the whole district by SMS (center writes, leader approves, center sends; urgent, so quiet hours do
#     not hold it): the time to build the outbox (OutboxBuilder's log line) against the baseline (goal <= 2x);
#  4. the sender sends through the SMS simulator (its messages logged to a file); when KILL_AT percent are sent the
#     application is killed (kill -9) and started again; it finishes the notice;
#  5. checks: one outbox row per resident with a phone, every row SENT or DELIVERED, and every phone exactly once in
#     the simulator's log (counted with sort | uniq).
#  Before the notice, the simulator's ceiling: bench/notices/Ceiling.java, a trivial client (signed SendBatchSms of
#  100 phones, nothing else) on 1 and on CEILING_THREADS connections for CEILING_SECONDS each; its messages carry
#  OutIds starting with "ceiling-" and are left out of the counts. The send rate before the kill is compared with the
#  one-connection ceiling (the sender sends one batch at a time). The load average is printed at start and end.
# Needs PostgreSQL 15 at 127.0.0.1:5432 (user postgres, trust), psql, python3, Java 17, Maven.
# Usage: bench/notices/run.sh   (env: RESIDENTS=100000 PORT=18094 SIM_PORT=18095 KILL_AT=30 BUILD=1 RATE=100000
#        SCHEMA=bench_notices (a fresh PostgreSQL schema, dropped and made again) STOP_AFTER_BUILD=0; 1 measures only the outbox build against the raw COPY: no ceiling, no sending)
set -euo pipefail
cd "$(dirname "$0")/../.."
RESIDENTS=${RESIDENTS:-100000}
PORT=${PORT:-18094}
SIM_PORT=${SIM_PORT:-18095}
KILL_AT=${KILL_AT:-30}
BUILD=${BUILD:-1}
RATE=${RATE:-100000}
STOP_AFTER_BUILD=${STOP_AFTER_BUILD:-0}
CEILING_SECONDS=${CEILING_SECONDS:-10}
CEILING_THREADS=${CEILING_THREADS:-4}
SCHEMA=${SCHEMA:-bench_notices}
OUT=target/bench/notices
mkdir -p "$OUT"
rm -f "$OUT/sms.log"
PSQL=(psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -q)
Q() { PGOPTIONS="-c search_path=$SCHEMA" psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -q -At -c "$1"; }

echo "== $(date -u '+%F %T') UTC, commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes'), load: $(cut -d' ' -f1-3 /proc/loadavg), residents $RESIDENTS"
PGOPTIONS="-c client_min_messages=warning" "${PSQL[@]}" -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA;"
if [ "$BUILD" = 1 ]; then
  echo "== build"
  mvn -q -B -DskipTests package
fi
JAR=${JAR:-$(ls target/gridlink-*.jar | grep -v plain | head -1)}
BASE="http://127.0.0.1:$PORT"

start() {
  if curl -fs -o /dev/null "$BASE/actuator/health" 2>/dev/null; then
    echo "port $PORT already answers (another process): choose another PORT"; exit 1
  fi
  java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA&ApplicationName=$SCHEMA" \
    --spring.datasource.username=postgres --spring.datasource.password= --gridlink.demo.on-real-database=true \
    --gridlink.public-base-url="$BASE" --gridlink.demo.residents="$RESIDENTS" --gridlink.demo.cases=0 \
    --gridlink.notices.sms.simulator-port="$SIM_PORT" --gridlink.notices.sms.simulator-log="$OUT/sms.log" \
    --gridlink.notices.sms.rate-per-second="$RATE" --gridlink.notices.send-delay=1000 \
    --logging.level.root=WARN --logging.level.org.gridlink.notices=INFO >> "$OUT/app.log" 2>&1 &
  APP=$!
  for i in $(seq 1 3600); do
    if curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"UP"'; then return 0; fi
    if ! kill -0 $APP 2>/dev/null; then tail -50 "$OUT/app.log"; exit 1; fi
    sleep 1
  done
  echo "the application did not become ready"; exit 1
}
: > "$OUT/app.log"
echo "== start (demo district and $RESIDENTS residents load; readiness waits for them)"
T0=$(date +%s.%N)
start
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
echo "ready in $(echo "$(date +%s.%N) - $T0" | bc) s; residents with a phone: $(Q "SELECT COUNT(*) FROM resident WHERE status = 'ACTIVE' AND phone_hash IS NOT NULL")"

echo "== baseline: raw COPY of the same rows into a plain table"
Q "CREATE TABLE raw_outbox (notice_id BIGINT, channel VARCHAR(8), state VARCHAR(10), urgent BOOLEAN,
   jurisdiction_code VARCHAR(15), recipient_id BIGINT, name VARCHAR(50), phone_hash VARCHAR(64), phone_enc VARCHAR(200),
   not_before TIMESTAMP WITH TIME ZONE)"
T0=$(date +%s.%N)
Q "COPY (SELECT 0, 'SMS', 'QUEUED', TRUE, grid_code, id, name, phone_hash, phone_enc, now() FROM resident
   WHERE status = 'ACTIVE' AND phone_hash IS NOT NULL) TO STDOUT" | Q "COPY raw_outbox FROM STDIN"
COPY_SECONDS=$(echo "$(date +%s.%N) - $T0" | bc)
echo "raw COPY: $(Q 'SELECT COUNT(*) FROM raw_outbox') rows in $COPY_SECONDS s"

CENTER=$(bench/api-token.sh "$BASE" center 'Demo#2026' "notices bench")
LEADER=$(bench/api-token.sh "$BASE" leader 'Demo#2026' "notices bench")
J=(-H 'Content-Type: application/json')
ID=$(curl -fs "${J[@]}" -H "Authorization: Bearer $CENTER" -d '{"title":"基准通知","body":"{name}您好，{community}居民请注意防范台风。","audience":{"jurisdictions":["320819000000"]},"channels":["SMS"],"urgent":true}' \
  "$BASE/api/v1/notices" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["id"])')
curl -fs "${J[@]}" -H "Authorization: Bearer $LEADER" -X POST "$BASE/api/v1/notices/$ID/approve" > /dev/null
if [ "$STOP_AFTER_BUILD" != 1 ]; then
echo "== the simulator's ceiling with a trivial client (Ceiling.java), same run"
CEILING1=$(java bench/notices/Ceiling.java "http://127.0.0.1:$SIM_PORT/" demo-access-key demo-access-secret "$CEILING_SECONDS" 1)
echo "$CEILING1"
java bench/notices/Ceiling.java "http://127.0.0.1:$SIM_PORT/" demo-access-key demo-access-secret "$CEILING_SECONDS" "$CEILING_THREADS"
CEILING_RATE=$(echo "$CEILING1" | sed -n 's/.* = \([0-9]*\) per second.*/\1/p')
fi
echo "== notice $ID approved; send"
T0=$(date +%s.%N)
curl -fs "${J[@]}" -H "Authorization: Bearer $CENTER" -X POST "$BASE/api/v1/notices/$ID/send" > /dev/null
until [ "$(Q "SELECT outbox_built FROM notice WHERE id = $ID")" = "t" ]; do sleep 0.2; done
BUILT_SECONDS=$(echo "$(date +%s.%N) - $T0" | bc)
ROWS=$(Q "SELECT COUNT(*) FROM notice_outbox WHERE notice_id = $ID")
BUILD_MS=$(grep -o "Notice $ID: outbox of [0-9]* rows built in [0-9]* ms" "$OUT/app.log" | grep -o '[0-9]* ms' | grep -o '[0-9]*')
echo "outbox: $ROWS rows built in $BUILD_MS ms (send to built: $BUILT_SECONDS s); raw COPY $COPY_SECONDS s;" \
  "ratio $(echo "scale=2; $BUILD_MS / 1000 / $COPY_SECONDS" | bc)"
if [ "$STOP_AFTER_BUILD" = 1 ]; then
  echo "outbox indexes: $(Q "SELECT string_agg(indexname, ', ' ORDER BY indexname) FROM pg_indexes WHERE schemaname = '$SCHEMA' AND tablename = 'notice_outbox'")"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); STOP_AFTER_BUILD=1: not sending"
  exit 0
fi

echo "== sending; kill -9 at $KILL_AT %"
T0=$(date +%s.%N)
TARGET=$((ROWS * KILL_AT / 100))
while true; do
  SENT=$(Q "SELECT COUNT(*) FROM notice_outbox WHERE notice_id = $ID AND state IN ('SENT', 'DELIVERED')")
  [ "$SENT" -ge "$TARGET" ] && break
  sleep 0.5
done
PHASE1=$(echo "$(date +%s.%N) - $T0" | bc)
kill -9 $APP; wait $APP 2>/dev/null || true
SEND_RATE=$(echo "$SENT / $PHASE1" | bc)
echo "$SENT rows sent in $PHASE1 s ($SEND_RATE per second = $(echo "scale=1; 100 * $SEND_RATE / $CEILING_RATE" | bc) % of the one-connection ceiling $CEILING_RATE/s); killed; claimed then: $(Q "SELECT COUNT(*) FROM notice_outbox WHERE notice_id = $ID AND state = 'CLAIMED'")"
start
echo "restarted; waiting for the stale claims (claim timeout) and the rest"
until [ "$(Q "SELECT status FROM notice WHERE id = $ID")" = "SENT" ]; do sleep 1; done
echo "notice $ID SENT after $(echo "$(date +%s.%N) - $T0" | bc) s in all"

echo "== checks"
Q "SELECT state, COUNT(*) FROM notice_outbox WHERE notice_id = $ID GROUP BY state ORDER BY state"
DISTINCT_RECIPIENTS=$(Q "SELECT COUNT(DISTINCT phone_hash) FROM notice_outbox WHERE notice_id = $ID")
LOGGED=$(grep -vc '^ceiling-' "$OUT/sms.log" || true)
LOGGED_PHONES=$(grep -v '^ceiling-' "$OUT/sms.log" | cut -d' ' -f3 | sort -u | wc -l)
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "outbox rows $ROWS, distinct phones $DISTINCT_RECIPIENTS; simulator messages $LOGGED, distinct phones $LOGGED_PHONES"
if [ "$ROWS" = "$DISTINCT_RECIPIENTS" ] && [ "$LOGGED" = "$ROWS" ] && [ "$LOGGED_PHONES" = "$ROWS" ]; then
  echo "OK: every recipient exactly once"
else
  echo "FAILED: counts differ"; exit 1
fi
