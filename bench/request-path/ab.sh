#!/usr/bin/env bash
# bench/request-path/ab.sh: two GridLink jars and the ceiling side by side on a shared machine. All three run at once;
# wrk alternates between them in short rounds (ROUNDS x SECONDS per line and application, after one warm-up round),
# so a change of the machine's load hits every line alike; the medians of the rounds are compared.
# Usage: A=old.jar B=new.jar bench/request-path/ab.sh  (env: ROUNDS=5 SECONDS_PER=8 CONNECTIONS=64 PORT=8390)
# Prints one row per line: median requests/s of A, of B and of the ceiling, and each as a share of the ceiling.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${ROUNDS:-5}; SECONDS_PER=${SECONDS_PER:-8}; CONNECTIONS=${CONNECTIONS:-64}; PORT=${PORT:-8390}
OUT=target/bench/request-path/ab; mkdir -p "$OUT"; HERE=bench/request-path
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill $p 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT
java -jar bench/ceiling/target/ceiling-1.jar --server.port=$((PORT + 1)) --server.address=127.0.0.1 \
  --logging.level.root=WARN > "$OUT/ceiling.log" 2>&1 & PIDS+=($!)
start() { # NAME JAR PORT SCHEMA
  PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -U postgres -d test -q -c "DROP SCHEMA IF EXISTS $4 CASCADE; CREATE SCHEMA $4;"
  java -jar "$2" --server.port="$3" --server.address=127.0.0.1 \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$4" \
    --spring.datasource.username=postgres --spring.datasource.password= --gridlink.demo.on-real-database=true \
    --gridlink.demo.residents=0 --gridlink.demo.cases=0 --logging.level.root=WARN > "$OUT/$1.log" 2>&1 & PIDS+=($!)
}
start a "$A" "$PORT" bench_ab_a
start b "$B" $((PORT + 2)) bench_ab_b
for port in $PORT $((PORT + 2)); do
  for i in $(seq 1 400); do curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q UP && break; sleep 1; done
done
TA=$(bench/api-token.sh "http://127.0.0.1:$PORT" center 'Demo#2026' ab)
TB=$(bench/api-token.sh "http://127.0.0.1:$((PORT + 2))" center 'Demo#2026' ab)
echo "== $(date -u '+%F %T') UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
run() { # LABEL URL [header]
  if [ -n "${3:-}" ]; then wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER}s" -s "$HERE/common.lua" -H "$3" "$2"
  else wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER}s" -s "$HERE/common.lua" "$2"; fi | sed -n 's/^RESULT .*rps=\([0-9.]*\).*/\1/p'
}
: > "$OUT/rounds.tsv"
for round in $(seq 0 "$ROUNDS"); do
  for line in ceiling me-a me-b live-a live-b; do
    case $line in
      ceiling) r=$(run $line "http://127.0.0.1:$((PORT + 1))/ping") ;;
      me-a) r=$(run $line "http://127.0.0.1:$PORT/api/v1/me" "Authorization: Bearer $TA") ;;
      me-b) r=$(run $line "http://127.0.0.1:$((PORT + 2))/api/v1/me" "Authorization: Bearer $TB") ;;
      live-a) r=$(run $line "http://127.0.0.1:$PORT/actuator/health/liveness") ;;
      live-b) r=$(run $line "http://127.0.0.1:$((PORT + 2))/actuator/health/liveness") ;;
    esac
    [ "$round" = 0 ] || printf '%s\t%s\t%s\n' "$round" "$line" "$r" >> "$OUT/rounds.tsv"
  done
done
echo "== $(date -u '+%F %T') UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$OUT/rounds.tsv" <<'PY'
import statistics, sys, collections
v = collections.defaultdict(list)
for row in open(sys.argv[1]):
    r, line, rps = row.split("\t"); v[line].append(float(rps))
med = {k: statistics.median(x) for k, x in v.items()}
c = med["ceiling"]
print("| line | A req/s | B req/s | ceiling req/s | A of ceiling | B of ceiling | rounds (A / B) |")
print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
for name in ("me", "live"):
    a, b = med[name + "-a"], med[name + "-b"]
    print("| %s | %s | %s | %s | %.1f %% | %.1f %% | %s / %s |" % (name, format(round(a), ","), format(round(b), ","),
          format(round(c), ","), 100 * a / c, 100 * b / c, " ".join("%.0f" % x for x in v[name + "-a"]),
          " ".join("%.0f" % x for x in v[name + "-b"])))
print("ceiling rounds: " + " ".join("%.0f" % x for x in v["ceiling"]))
PY
