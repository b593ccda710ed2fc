#!/usr/bin/env bash
# bench/request-path/pages-ab.sh: the pages lines of run.sh (case list, case page; one login per connection, get.lua)
# for several GridLink jars (e.g. before and after each change) and the ceiling side by side on a shared machine. All
# jars run at once on ONE PostgreSQL schema (instances on one database, as in production; the first one migrates and
# loads the demo district), filled first with cases by the intake line (FILL seconds of POST /api/v1/cases); wrk then
# alternates between the ceiling and each jar's lines in short rounds, so a change of the machine's load hits every
# line alike; medians of the rounds are compared. With JFR=1, one more round per jar and page line records a JFR
# profile (settings=profile) and writes the top of bench/request-path/jfrtop.py.
# Usage: JARS="base.jar step1.jar step2.jar" bench/request-path/pages-ab.sh   (or A=old.jar B=new.jar)
#        (env: ROUNDS=4 SECONDS_PER=10 CONNECTIONS=64 PORT=8313 SCHEMA=bench_pages FILL=40 FRESH=1 JFR=1)
# Ports: the first jar PORT, the ceiling PORT+1, the next jars PORT+2, PORT+3, ... (all must be free: a jar that
# cannot start stops the run)
# Results: target/bench/request-path/pages-ab/ (rounds.tsv, result.md, profile-*.txt, logs).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-4}; SECONDS_PER=${SECONDS_PER:-10}; CONNECTIONS=${CONNECTIONS:-64}; PORT=${PORT:-8313}
SCHEMA=${SCHEMA:-bench_pages}; FILL=${FILL:-40}; FRESH=${FRESH:-1}; JFR=${JFR:-1}
OUT=target/bench/request-path/pages-ab; rm -rf "$OUT"; mkdir -p "$OUT"; HERE=bench/request-path
. "$HERE/intake-bodies.sh"
JARS=${JARS:-"$A $B"}; read -r -a JAR_LIST <<< "$JARS"; N=${#JAR_LIST[@]}; PC=$((PORT + 1))
port_of() { [ "$1" = 0 ] && echo "$PORT" || echo $((PORT + 1 + $1)); }
Q() { PGOPTIONS="-c search_path=$SCHEMA -c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -q -At -c "$1"; }
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill $p 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== $(date -u '+%F %T') UTC, jars: $JARS, load $LOAD_START"
start() { # NAME JAR PORT
  java ${JAVA_OPTS:-} -jar "$2" --server.port="$3" --server.address=127.0.0.1 \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$SCHEMA" \
    --spring.datasource.username=postgres --spring.datasource.password= --gridlink.demo.on-real-database=true \
    --gridlink.demo.residents=0 --gridlink.demo.cases=0 --logging.level.root=WARN > "$OUT/$1.log" 2>&1 & PIDS+=($!)
  eval "PID_$1=\$!"
}
ready() {
  for i in $(seq 1 400); do
    curl -fs "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null | grep -q UP && return 0
    grep -q "APPLICATION FAILED TO START" "$OUT"/j*.log 2>/dev/null && { grep -h -A8 "APPLICATION FAILED" "$OUT"/j*.log; exit 1; }
    sleep 1
  done; exit 1; }
if [ "$FRESH" = 1 ]; then
  PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -d test -q -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE; CREATE SCHEMA $SCHEMA;"
fi
start j0 "${JAR_LIST[0]}" "$PORT"; ready "$PORT" # the others start at once when the first has migrated and loaded
for i in $(seq 1 $((N - 1))); do start "j$i" "${JAR_LIST[$i]}" "$(port_of "$i")"; done
for i in $(seq 1 $((N - 1))); do ready "$(port_of "$i")"; done
PA=$PORT
java -jar bench/ceiling/target/ceiling-1.jar --server.port="$PC" --server.address=127.0.0.1 \
  --logging.level.root=WARN > "$OUT/ceiling.log" 2>&1 & PIDS+=($!)
if [ "$FILL" -gt 0 ]; then
  TOKEN=$(bench/api-token.sh "http://127.0.0.1:$PA" center 'Demo#2026' pages-ab)
  intake_bodies "$OUT" 页面基准上报
  cat "$HERE/post.lua" "$HERE/common.lua" > "$OUT/post.lua"
  BODIES="$OUT/intake.bodies" TARGET_PATH=/api/v1/cases IDEMPOTENT=1 wrk -t2 -c"$CONNECTIONS" -d"${FILL}s" \
    --timeout 10s -s "$OUT/post.lua" -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PA/api/v1/cases" | grep RESULT
  Q "ANALYZE"
fi
CASES=$(Q "SELECT COUNT(*) FROM case_file"); CASE_ID=$(Q "SELECT MAX(id) FROM case_file")
echo "cases: $CASES, case page: $CASE_ID"
logins() { # PORT FILE: one session per connection
  : > "$2"
  for n in $(seq 1 "$CONNECTIONS"); do
    local jar; jar=$(mktemp)
    local csrf; csrf=$(curl -fs -c "$jar" -b "$jar" "http://127.0.0.1:$1/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
    curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=center" --data-urlencode 'password=Demo#2026' \
      --data-urlencode "_csrf=$csrf" "http://127.0.0.1:$1/login"
    awk '$6 == "SESSION" || $6 == "JSESSIONID" {print $6 "=" $7}' "$jar" | tail -1 >> "$2"
    rm -f "$jar"
  done
  [ "$(sort -u "$2" | grep -c .)" = "$CONNECTIONS" ] || { echo "not one session per connection on $1"; exit 1; }
}
cat "$HERE/get.lua" "$HERE/common.lua" > "$OUT/get.lua"
for i in $(seq 0 $((N - 1))); do
  logins "$(port_of "$i")" "$OUT/cookies-j$i.txt"
  curl -fs -H "Cookie: $(head -1 "$OUT/cookies-j$i.txt")" "http://127.0.0.1:$(port_of "$i")/cases" -o "$OUT/list-j$i.html"
  curl -fs -H "Cookie: $(head -1 "$OUT/cookies-j$i.txt")" "http://127.0.0.1:$(port_of "$i")/cases/$CASE_ID" -o "$OUT/page-j$i.html"
  echo "j$i = ${JAR_LIST[$i]}: case list $(wc -c < "$OUT/list-j$i.html") bytes ($(grep -o '<p class="small text-muted" id="case-count">[^<]*' "$OUT/list-j$i.html" | sed 's/.*>//')), case page $(wc -c < "$OUT/page-j$i.html") bytes"
done
run() { # URL [cookies file]
  if [ -n "${2:-}" ]; then COOKIES="$2" wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER}s" --timeout 10s -s "$OUT/get.lua" "$1"
  else wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER}s" --timeout 10s -s "$HERE/common.lua" "$1"; fi | grep '^RESULT'
}
line_url() { case $1 in ceiling) echo "http://127.0.0.1:$PC/ping" ;;
  list-j*) echo "http://127.0.0.1:$(port_of "${1#list-j}")/cases" ;;
  page-j*) echo "http://127.0.0.1:$(port_of "${1#page-j}")/cases/$CASE_ID" ;; esac; }
line_cookies() { case $1 in ceiling) echo "" ;; *) echo "$OUT/cookies-j${1#*-j}.txt" ;; esac; }
LINES_ALL="ceiling"; for i in $(seq 0 $((N - 1))); do LINES_ALL="$LINES_ALL list-j$i"; done
for i in $(seq 0 $((N - 1))); do LINES_ALL="$LINES_ALL page-j$i"; done
: > "$OUT/rounds.tsv"
for round in $(seq 0 "$ROUNDS"); do # round 0 warms up, not counted
  for line in $LINES_ALL; do
    r=$(run "$(line_url $line)" "$(line_cookies $line)")
    echo "round $round $line: ${r#RESULT } load $(cut -d' ' -f1 /proc/loadavg)"
    [ "$round" = 0 ] || printf '%s\t%s\t%s\n' "$round" "$line" "${r#RESULT }" >> "$OUT/rounds.tsv"
  done
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
python3 - "$OUT/rounds.tsv" "$LOAD_START" "$LOAD_END" "$CASES" "$JARS" <<'PY' | tee "$OUT/result.md"
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    _, name, fields = line.rstrip("\n").split("\t")
    f = dict(kv.split("=") for kv in fields.split())
    rows.setdefault(name, []).append(f)
med = lambda name, key: statistics.median(float(f[key]) for f in rows[name])
jars = sys.argv[5].split()
ceiling = med("ceiling", "rps")
print("load %s -> %s, %s cases, %d rounds; ceiling `/ping` %.0f/s (rounds %s)" % (sys.argv[2], sys.argv[3], sys.argv[4],
      len(rows["ceiling"]), ceiling, " ".join("%.0f" % float(f["rps"]) for f in rows["ceiling"])))
print()
print("| jar | line | req/s (median) | p99 ms | of the first jar | of the ceiling | rounds |")
print("| --- | --- | ---: | ---: | ---: | ---: | --- |")
for kind, label in (("list", "`GET /cases`"), ("page", "`GET /cases/{id}`")):
    first = med("%s-j0" % kind, "rps")
    for i, jar in enumerate(jars):
        name = "%s-j%d" % (kind, i)
        r = med(name, "rps")
        print("| j%d `%s` | %s | %.1f | %.0f | %.2f | %.2f %% | %s |" % (i, jar.split("/")[-1], label, r, med(name, "p99_ms"),
              r / first, 100 * r / ceiling, " ".join("%.0f" % float(f["rps"]) for f in rows[name])))
PY
if [ "$JFR" = 1 ]; then
  for line in $LINES_ALL; do
    [ "$line" = ceiling ] && continue
    eval "pid=\$PID_j${line#*-j}"
    jcmd "$pid" JFR.start name="$line" settings=profile filename="$(pwd)/$OUT/profile-$line.jfr" > /dev/null
    r=$(run "$(line_url $line)" "$(line_cookies $line)")
    jcmd "$pid" JFR.stop name="$line" > /dev/null
    jfr print --stack-depth 96 --events jdk.ExecutionSample "$OUT/profile-$line.jfr" > "$OUT/profile-$line.samples"
    { echo "# $line: ${r#RESULT }, load $(cut -d' ' -f1-3 /proc/loadavg)"
      python3 "$HERE/jfrtop.py" "$OUT/profile-$line.samples" http-nio 25; } > "$OUT/profile-$line.txt"
    rm -f "$OUT/profile-$line.samples"
    echo "profile: $OUT/profile-$line.txt"
  done
fi
