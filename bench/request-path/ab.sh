#!/usr/bin/env bash
# bench/request-path/ab.sh: two GridLink jars and the ceiling side by side on a shared machine. All three run at once;
# wrk alternates between them in short rounds (ROUNDS x SECONDS_PER per line and application, after one warm-up round),
# so a change of the machine's load hits every line alike; the medians of the rounds are compared.
# Lines (LINES, default "me live"): me = GET /api/v1/me with a bearer token, live = GET /actuator/health/liveness,
# verify-es / verify-sm = POST /api/v1/passes/verify with a token, PASSES (200) distinct ES256 / SM2 codes per
# application cycled (post.lua, as run.sh does).
# PROFILE_SECONDS=N (default 0): afterwards, per line and application, N s of wrk with a JFR recording (settings=profile,
# started by jcmd) and its top frames (jfrtop.py) in $OUT/profile-LINE-a.txt / -b.txt.
# Usage: A=old.jar B=new.jar bench/request-path/ab.sh  (env: ROUNDS=5 SECONDS_PER=8 CONNECTIONS=64 PORT=8390
#        LINES="me live" PASSES=200 PROFILE_SECONDS=0 SCHEMA_PREFIX=bench_ab; JAVA_OPTS for all three, A_OPTS / B_OPTS for one)
# Prints one row per line: median requests/s of A, of B and of the ceiling, and each as a share of the ceiling; and the
# median CPU time of each application per request (utime + stime from /proc over the round / requests), which a busy
# machine distorts far less than the rates.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-5}; SECONDS_PER=${SECONDS_PER:-8}; CONNECTIONS=${CONNECTIONS:-64}; PORT=${PORT:-8390}
LINES=${LINES:-me live}; PASSES=${PASSES:-200}; PROFILE_SECONDS=${PROFILE_SECONDS:-0}; SCHEMA_PREFIX=${SCHEMA_PREFIX:-bench_ab}
OUT=target/bench/request-path/ab; mkdir -p "$OUT"; HERE=bench/request-path
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill $p 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT
java ${JAVA_OPTS:-} -jar bench/ceiling/target/ceiling-1.jar --server.port=$((PORT + 1)) --server.address=127.0.0.1 \
  --logging.level.root=WARN > "$OUT/ceiling.log" 2>&1 & PIDS+=($!)
CEILING_PID=$!
start() { # NAME JAR PORT SCHEMA OPTS
  PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -d test -q -c "DROP SCHEMA IF EXISTS $4 CASCADE; CREATE SCHEMA $4;"
  java ${JAVA_OPTS:-} $5 -jar "$2" --server.port="$3" --server.address=127.0.0.1 \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$4" \
    --spring.datasource.username=postgres --spring.datasource.password= --gridlink.demo.on-real-database=true \
    --gridlink.demo.residents=0 --gridlink.demo.cases=0 --logging.level.root=WARN > "$OUT/$1.log" 2>&1 & PIDS+=($!)
}
start a "$A" "$PORT" "${SCHEMA_PREFIX}_a" "${A_OPTS:-}"; PID_A=$!
start b "$B" $((PORT + 2)) "${SCHEMA_PREFIX}_b" "${B_OPTS:-}"; PID_B=$!
for port in $PORT $((PORT + 2)); do
  for i in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q UP && break; sleep 1; done
done
TA=$(bench/api-token.sh "http://127.0.0.1:$PORT" center 'Demo#2026' ab)
TB=$(bench/api-token.sh "http://127.0.0.1:$((PORT + 2))" center 'Demo#2026' ab)
want() { [[ " $LINES " == *" $1 "* ]]; }
passes() { # BASE TOKEN ALG FILE: PASSES passes (8 requests at a time), their codes as verify bodies
  local FROM TO; FROM=$(date -u -d '-5 min' '+%Y-%m-%dT%H:%M:%SZ'); TO=$(date -u -d '+3 days' '+%Y-%m-%dT%H:%M:%SZ')
  seq 1 "$PASSES" | xargs -P 8 -I{} curl -fs -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
    "$1/api/v1/passes" -d "{\"type\":\"PERSON\",\"holderName\":\"测试{}\",\"purpose\":\"bench\",
      \"zones\":[\"320819001001001\"],\"validFrom\":\"$FROM\",\"validTo\":\"$TO\",\"algorithm\":\"$3\"}" -o "$4.{}.json"
  python3 - "$4" "$PASSES" <<'PY'
import json, sys
with open(sys.argv[1], "w") as out:
    for n in range(1, int(sys.argv[2]) + 1):
        out.write(json.dumps({"code": json.load(open("%s.%d.json" % (sys.argv[1], n)))["code"]}) + "\n")
PY
  rm -f "$4".*.json
  grep -q '"result":"VALID"' <(curl -fs -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
    "$1/api/v1/passes/verify" -d "$(head -1 "$4")") || { echo "a bench pass does not verify as VALID"; exit 1; }
}
for app in a b; do
  base="http://127.0.0.1:$PORT"; token=$TA; [ $app = b ] && { base="http://127.0.0.1:$((PORT + 2))"; token=$TB; }
  want verify-es && passes "$base" "$token" ES256 "$OUT/verify-es-$app.bodies"
  want verify-sm && passes "$base" "$token" SM2_SM3 "$OUT/verify-sm-$app.bodies"
done
cat "$HERE/post.lua" "$HERE/common.lua" > "$OUT/post.lua"
echo "== $(date -u '+%F %T') UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; } # the process's user + system CPU, in clock ticks
TICK_US=$((1000000 / $(getconf CLK_TCK)))
# run LINE APP(a|b|c) SECONDS: prints requests/s and the application's CPU per request in µs (robust to a busy machine)
run() {
  local pid before
  case $2 in a) pid=$PID_A ;; b) pid=$PID_B ;; c) pid=$CEILING_PID ;; esac
  before=$(cpu "$pid")
  local rps; rps=$(run_wrk "$@")
  python3 -c 'import sys; r, s, t, u = map(float, sys.argv[1:]); print("%s\t%.0f" % (sys.argv[1], (t * u) / max(r * s, 1)))' \
    "$rps" "$3" "$(( $(cpu "$pid") - before ))" "$TICK_US"
}
run_wrk() { # LINE APP(a|b|c) SECONDS
  local port token
  case $2 in a) port=$PORT; token=$TA ;; b) port=$((PORT + 2)); token=$TB ;; c) port=$((PORT + 1)) ;; esac
  local base="http://127.0.0.1:$port"
  case $1 in
    ceiling) wrk -t2 -c"$CONNECTIONS" -d"$3s" -s "$HERE/common.lua" "$base/ping" ;;
    me) wrk -t2 -c"$CONNECTIONS" -d"$3s" -s "$HERE/common.lua" -H "Authorization: Bearer $token" "$base/api/v1/me" ;;
    live) wrk -t2 -c"$CONNECTIONS" -d"$3s" -s "$HERE/common.lua" "$base/actuator/health/liveness" ;;
    verify-es|verify-sm) BODIES="$OUT/$1-$2.bodies" TARGET_PATH=/api/v1/passes/verify \
      wrk -t2 -c"$CONNECTIONS" -d"$3s" -s "$OUT/post.lua" -H "Authorization: Bearer $token" "$base/api/v1/passes/verify" ;;
  esac | sed -n 's/^RESULT .*rps=\([0-9.]*\).*non2xx=\([0-9]*\).*/\1 \2/p' | { read -r rps non2xx
    [ "${non2xx:-0}" = 0 ] || echo "$1-$2: $non2xx non-2xx answers" >&2; echo "$rps"; }
}
: > "$OUT/rounds.tsv"
for round in $(seq 0 "$ROUNDS"); do
  r=$(run ceiling c "$SECONDS_PER")
  [ "$round" = 0 ] || printf '%s\t%s\t%s\n' "$round" ceiling "$r" >> "$OUT/rounds.tsv"
  for line in $LINES; do
    for app in a b; do
      r=$(run "$line" $app "$SECONDS_PER")
      [ "$round" = 0 ] || printf '%s\t%s\t%s\n' "$round" "$line-$app" "$r" >> "$OUT/rounds.tsv"
    done
  done
done
echo "== $(date -u '+%F %T') UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$OUT/rounds.tsv" "$LINES" <<'PY'
import statistics, sys, collections
v = collections.defaultdict(list)
cpu = collections.defaultdict(list)
for row in open(sys.argv[1]):
    r, line, rps, us = row.rstrip("\n").split("\t"); v[line].append(float(rps)); cpu[line].append(float(us))
med = {k: statistics.median(x) for k, x in v.items()}
mcpu = {k: statistics.median(x) for k, x in cpu.items()}
c = med["ceiling"]
print("| line | A req/s | B req/s | ceiling req/s | A of ceiling | B of ceiling | B / A | rounds (A / B) |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
for name in sys.argv[2].split():
    a, b = med[name + "-a"], med[name + "-b"]
    print("| %s | %s | %s | %s | %.1f %% | %.1f %% | %.2f | %s / %s |" % (name, format(round(a), ","),
          format(round(b), ","), format(round(c), ","), 100 * a / c, 100 * b / c, b / a,
          " ".join("%.0f" % x for x in v[name + "-a"]), " ".join("%.0f" % x for x in v[name + "-b"])))
print("ceiling rounds: " + " ".join("%.0f" % x for x in v["ceiling"]))
print("\n| line | A CPU µs/request | B CPU µs/request | ceiling CPU µs/request | B / A |")
print("| --- | ---: | ---: | ---: | ---: |")
for name in sys.argv[2].split():
    a, b = mcpu[name + "-a"], mcpu[name + "-b"]
    print("| %s | %.0f | %.0f | %.0f | %.2f |" % (name, a, b, mcpu["ceiling"], b / a))
PY
if [ "$PROFILE_SECONDS" != 0 ]; then
  for line in $LINES; do
    for app in a b; do
      pid=$PID_A; [ $app = b ] && pid=$PID_B
      jcmd "$pid" JFR.start name="$line" settings=profile filename="$(pwd)/$OUT/profile-$line-$app.jfr" > /dev/null
      r=$(run "$line" $app "$PROFILE_SECONDS")
      jcmd "$pid" JFR.stop name="$line" > /dev/null
      jfr print --stack-depth 96 --events jdk.ExecutionSample "$OUT/profile-$line-$app.jfr" > "$OUT/profile-$line-$app.samples"
      { echo "# $line, $app: $r req/s, load $(cut -d' ' -f1-3 /proc/loadavg)"
        python3 "$HERE/jfrtop.py" "$OUT/profile-$line-$app.samples" http-nio 30; } > "$OUT/profile-$line-$app.txt"
      rm -f "$OUT/profile-$line-$app.samples"
      echo "profile: $OUT/profile-$line-$app.txt"
    done
  done
fi
