#!/usr/bin/env bash
# bench/passes: pass verification per second, in process and through the HTTP endpoint, in one run.
#  1. (JMH=1) JMH: PassVerifier (Bouncy Castle) for ES256 and SM2 codes, and the JDK's SHA256withECDSA (SunEC) on
#     the same bytes (src/test/java/org/gridlink/passes/PassVerifyBenchmark.java; the JDK has no SM2 provider);
#  2. builds the jar and starts the application on 127.0.0.1:PORT with the demo district on H2 (DB=h2, in memory) or
#     on PostgreSQL (DB=pg: 127.0.0.1:5432 user postgres db test, a fresh schema bench_passes);
#  3. creates one API token for `center` (the clients authenticate once: Bearer token on every request);
#  4. bench/passes/Client.java: issues PASSES passes per algorithm, then POST /api/v1/passes/verify at CONNECTIONS
#     keep-alive connections for DURATION seconds per algorithm over the distinct codes, then the same codes through the same
#     PassVerifier in process on 2 threads for DURATION seconds; prints both rates and the ratio (goal: endpoint >= 70 % of
#     in process, ES256 and SM2);
#  5. stops the application.
# Usage: bench/passes/run.sh   (env: JMH=1 JMH_ARGS="-wi 2 -i 3 -f 1 -t 2 -w 3s -r 5s" DB=h2 PORT=8094 PASSES=1000
#        CONNECTIONS=64 DURATION=20 BUILD=1 APP_ARGS=<more --property=value> JAVA_OPTS=<JVM options of the application,
#        e.g. -XX:StartFlightRecording=filename=target/bench/passes/app.jfr for a profile>)
# Results: target/bench/passes/ (jmh.json, result.json, app.log, client.log).
set -euo pipefail
cd "$(dirname "$0")/../.."
JMH=${JMH:-1}
JMH_ARGS=${JMH_ARGS:--wi 2 -i 3 -f 1 -t 2 -w 3s -r 5s}
DB=${DB:-h2}
PORT=${PORT:-8094}
PASSES=${PASSES:-1000}
CONNECTIONS=${CONNECTIONS:-64}
# not SECONDS: bash sets that one itself (seconds since the shell started)
SECONDS_EACH=${DURATION:-20}
BUILD=${BUILD:-1}
OUT=target/bench/passes
mkdir -p "$OUT"

echo "== $(date -u '+%F %T') UTC, commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo '+changes'), cpus $(nproc), load: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$BUILD" = 1 ]; then
  echo "== build"
  mvn -B -q -Dstyle.color=never -DskipTests package
  mvn -B -q -Dstyle.color=never test-compile
fi
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt"
CP="target/classes:$(cat "$OUT/classpath.txt")"

if [ "$JMH" = 1 ]; then
  echo "== JMH: in-process verify/s ($JMH_ARGS)"
  java -cp "target/test-classes:$CP" org.openjdk.jmh.Main 'org.gridlink.passes.PassVerifyBenchmark' \
    -rf json -rff "$OUT/jmh.json" $JMH_ARGS | grep -E '^(Benchmark|PassVerifyBenchmark)'
fi

JAR=$(ls target/gridlink-*.jar | grep -v plain | head -1)
if [ "$DB" = pg ]; then
  psql -h 127.0.0.1 -U postgres -d test -q -c "DROP SCHEMA IF EXISTS bench_passes CASCADE; CREATE SCHEMA bench_passes;"
  URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench_passes"
  DB_ARGS=(--spring.datasource.url="$URL" --spring.datasource.username=postgres --spring.datasource.password=
    --gridlink.demo.on-real-database=true)
else
  URL="jdbc:h2:mem:bench_passes;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
  DB_ARGS=(--spring.datasource.url="$URL")
fi
echo "== start the application on 127.0.0.1:$PORT ($DB)"
java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 "${DB_ARGS[@]}" --gridlink.demo.residents=0 \
  --logging.level.root=WARN ${APP_ARGS:-} > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
for i in $(seq 1 240); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" | grep -q UP; then break; fi
  if ! kill -0 $APP 2>/dev/null; then tail -50 "$OUT/app.log"; exit 1; fi
  sleep 1
done
# the demo users are loaded after start-up: wait until center can log in
for i in $(seq 1 120); do
  curl -fs -u 'center:Demo#2026' "http://127.0.0.1:$PORT/api/v1/me" > /dev/null 2>&1 && break
  sleep 1
done
TOKEN=$(bench/api-token.sh "http://127.0.0.1:$PORT" center 'Demo#2026' "passes bench")
[ -n "$TOKEN" ] || { echo "no API token"; exit 1; }

echo "== endpoint and in process ($PASSES passes per algorithm, $CONNECTIONS connections, $SECONDS_EACH s each)"
# compiled rather than run from source: Java 17's source launcher hides the real error of an exception rethrown
# from another thread behind an IllegalArgumentException of its own
javac -proc:none -cp "$CP" -d "$OUT/client" bench/passes/Client.java
java -cp "$OUT/client:$CP" Client 127.0.0.1 "$PORT" "$TOKEN" 320819001001001 "$PASSES" "$CONNECTIONS" \
  "$SECONDS_EACH" "$OUT" 2> "$OUT/client.log" || { tail -20 "$OUT/client.log"; exit 1; }
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
