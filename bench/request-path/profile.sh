#!/usr/bin/env bash
# bench/request-path/profile.sh: where a request's time goes. Starts GridLink as run.sh does (PostgreSQL, fresh schema,
# demo district, no demo residents or cases), then per line: WARMUP s of wrk not recorded, then PROFILE s of wrk with
# a JFR recording (settings=profile) started by jcmd, and the top frames of the request threads' execution samples
# (bench/request-path/jfrtop.py): self time by method and by package, and inclusive time of our filters and handlers
# (stacks are cut at 96 frames from the top, so the outermost frames of deep stacks are undercounted).
# The intake line (LINES=intake) posts new reports as run.sh does (post.lua, a new Idempotency-Key each) and profiles
# every thread of the process (the request threads, the intake writers, the event listeners), with the CPU seconds
# the application and its PostgreSQL backends spent per report from the start of the recording until the listeners
# have completed every publication (their backlog is part of a report's cost), and the rows written per report.
# Usage: bench/request-path/profile.sh  (env: LINES="me liveness case-list case-page" SCHEMA=bench_profile PORT=8290
#        CONNECTIONS=64 WARMUP=20 PROFILE=40 JAR=target/gridlink-*.jar)
# Results: target/bench/request-path/profile-LINE.jfr and profile-LINE.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
CONNECTIONS=${CONNECTIONS:-64}
WARMUP=${WARMUP:-20}
PROFILE=${PROFILE:-40}
PORT=${PORT:-8290}
SCHEMA=${SCHEMA:-bench_profile}
LINES=${LINES:-me liveness case-list case-page}
OUT=target/bench/request-path
HERE=bench/request-path
. "$HERE/intake-bodies.sh"
mkdir -p "$OUT"
Q() { PGOPTIONS="-c search_path=$SCHEMA -c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -q -At -c "$1"; }
echo "== $(date -u '+%F %T') UTC, commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -d test -q -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA;"
JAR=${JAR:-$(ls target/gridlink-*.jar | grep -v plain | head -1)}
java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA" \
  --spring.datasource.username=postgres --spring.datasource.password= --gridlink.demo.on-real-database=true \
  --gridlink.demo.residents=0 --gridlink.demo.cases=0 --logging.level.root=WARN > "$OUT/profile-app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT"
for i in $(seq 1 240); do
  curl -fs "$BASE/actuator/health/readiness" 2>/dev/null | grep -q UP && break
  kill -0 "$APP" 2>/dev/null || { tail -50 "$OUT/profile-app.log"; exit 1; }
  sleep 1
done
TOKEN=$(bench/api-token.sh "$BASE" center 'Demo#2026' "request-path profile")
COOKIES=$(mktemp)
CSRF=$(curl -fs -c "$COOKIES" -b "$COOKIES" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -fs -o /dev/null -c "$COOKIES" -b "$COOKIES" --data-urlencode "username=center" \
  --data-urlencode 'password=Demo#2026' --data-urlencode "_csrf=$CSRF" "$BASE/login"
SESSION=$(awk '$6 == "SESSION" || $6 == "JSESSIONID" {print $6 "=" $7}' "$COOKIES" | tail -1)
rm -f "$COOKIES"
CATEGORY=$(Q "SELECT c.code FROM case_category c WHERE c.major_code IS NOT NULL AND c.active
  AND EXISTS (SELECT 1 FROM case_routing_rule r WHERE r.category_code IN (c.code, c.major_code)) ORDER BY c.code LIMIT 1")
GRID=$(Q "SELECT code FROM jurisdiction WHERE level = 'GRID' ORDER BY code LIMIT 1")
curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"categoryCode\":\"$CATEGORY\",\"description\":\"请求路径剖析上报\",\"jurisdictionCode\":\"$GRID\"}" "$BASE/api/v1/cases"
CASE_ID=$(Q "SELECT MAX(id) FROM case_file")
# CPU ticks (utime+stime, all processes whose command names it) of the application and of PostgreSQL
ticks() { local sum=0 pid; for pid in "$@"; do [ -r "/proc/$pid/stat" ] && sum=$((sum + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done; echo "$sum"; }
# the PostgreSQL backends of the application's own connections (by client port), not other clients' ones
pg_pids() {
  local ports; ports=$(ss -tnpH "( dport = :5432 )" 2>/dev/null | grep "pid=$APP," | awk '{split($4, a, ":"); print a[length(a)]}' | paste -sd, -)
  [ -n "$ports" ] && PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -d test -At \
    -c "SELECT string_agg(pid::text, ' ') FROM pg_stat_activity WHERE client_port IN ($ports)" || true
}
for line in $LINES; do
  extra=(); threads=http-nio
  case $line in
    intake)
      url="$BASE/api/v1/cases"; hdr="Authorization: Bearer $TOKEN"; threads=""
      intake_bodies "$OUT"
      cat "$HERE/post.lua" "$HERE/common.lua" > "$OUT/post.lua"
      export BODIES="$OUT/intake.bodies" TARGET_PATH=/api/v1/cases IDEMPOTENT=1
      extra=(-s "$OUT/post.lua")
      ;;
    me) url="$BASE/api/v1/me"; hdr="Authorization: Bearer $TOKEN" ;;
    liveness) url="$BASE/actuator/health/liveness"; hdr="X-Bench: 1" ;;
    case-list) url="$BASE/cases"; hdr="Cookie: $SESSION" ;;
    case-page) url="$BASE/cases/$CASE_ID"; hdr="Cookie: $SESSION" ;;
    *) echo "unknown line $line"; exit 1 ;;
  esac
  if [ ${#extra[@]} -gt 0 ]; then
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -H "$hdr" "${extra[@]}" "$url" > /dev/null
  else
    wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -H "$hdr" "$url" > /dev/null
    extra=(-s "$HERE/common.lua")
  fi
  PG=$(pg_pids); APP_TICKS=$(ticks "$APP"); PG_TICKS=$(ticks $PG)
  TUP0=$(Q "SELECT COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables WHERE schemaname = '$SCHEMA'")
  PUB0=$(Q "SELECT n_tup_ins || ' ' || n_tup_upd || ' ' || n_tup_del FROM pg_stat_user_tables WHERE schemaname = '$SCHEMA' AND relname = 'event_publication'")
  [ "$line" = intake ] && ROWS_BEFORE=$(Q "SELECT COUNT(*) FROM case_file")
  jcmd "$APP" JFR.start name="$line" settings=profile filename="$(pwd)/$OUT/profile-$line.jfr" > /dev/null
  wrk -t2 -c"$CONNECTIONS" -d"${PROFILE}s" --latency "${extra[@]}" -H "$hdr" "$url" > "$OUT/profile-$line-wrk.txt"
  jcmd "$APP" JFR.stop name="$line" > /dev/null
  DRAIN=""
  if [ "$line" = intake ]; then
    # the listeners' work of the reports taken is part of their cost: wait until every publication is completed
    started=$(date +%s)
    while [ "$(Q "SELECT COUNT(*) FROM event_publication")" != 0 ] && [ $(( $(date +%s) - started )) -lt 300 ]; do sleep 1; done
    DRAIN="; listeners' backlog drained $(( $(date +%s) - started )) s after the run ($(Q "SELECT COUNT(*) FROM event_publication") publications left)"
  fi
  APP_TICKS=$(( $(ticks "$APP") - APP_TICKS )); PG_TICKS=$(( $(ticks $PG) - PG_TICKS ))
  sleep 1 # the statistics collector's delay
  TUP1=$(Q "SELECT COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables WHERE schemaname = '$SCHEMA'")
  PUB1=$(Q "SELECT n_tup_ins || ' ' || n_tup_upd || ' ' || n_tup_del FROM pg_stat_user_tables WHERE schemaname = '$SCHEMA' AND relname = 'event_publication'")
  CPU=""
  if [ "$line" = intake ]; then
    ROWS=$(( $(Q "SELECT COUNT(*) FROM case_file") - ROWS_BEFORE ))
    CPU=$(python3 -c "import os; hz=os.sysconf('SC_CLK_TCK'); r=max($ROWS,1); p0='$PUB0'.split(); p1='$PUB1'.split(); print('reports %d; CPU per report: application %.0f us, PostgreSQL %.0f us (its backends); rows written per report %.1f, of which event_publication ins/upd/del %s' % (r, $APP_TICKS*1e6/hz/r, $PG_TICKS*1e6/hz/r, ($TUP1-$TUP0)/r, '/'.join('%.2f' % ((int(b)-int(a))/r) for a, b in zip(p0, p1))))")
  fi
  jfr print --stack-depth 96 --events jdk.ExecutionSample "$OUT/profile-$line.jfr" > "$OUT/profile-$line.samples"
  { echo "# $line: $(grep RESULT "$OUT/profile-$line-wrk.txt"), load $(cut -d' ' -f1-3 /proc/loadavg)"
    [ -n "$CPU" ] && echo "# $CPU$DRAIN"
    python3 "$HERE/jfrtop.py" "$OUT/profile-$line.samples" "$threads" 25; } > "$OUT/profile-$line.txt"
  rm -f "$OUT/profile-$line.samples"
  head -40 "$OUT/profile-$line.txt"
done
