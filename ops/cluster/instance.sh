#!/usr/bin/env bash
# One GridLink instance of ops/cluster: instance.sh start|stop|kill|wait N
set -euo pipefail
cd "$(dirname "$0")/../.."
. ops/cluster/settings.sh
ACTION=${1:?start|stop|kill|wait}
N=${2:?instance number}
PORT=$((APP_PORT + N - 1))
PID_FILE="$STATE/app$N.pid"
JAR=${JAR:-$(ls target/gridlink-*.jar | grep -v plain | head -1)}
case "$ACTION" in
  start)
    DEMO_ARGS=()
    [ "$DEMO" = 1 ] && DEMO_ARGS=(--gridlink.demo.on-real-database=true --gridlink.demo.residents="$RESIDENTS")
    java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
      --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/gridlink" \
      --spring.datasource.username=postgres --spring.datasource.password= \
      --gridlink.replica.url="jdbc:postgresql://127.0.0.1:$REPLICA_PORT/gridlink" \
      --gridlink.public-base-url="http://127.0.0.1:$BALANCER_PORT" \
      --gridlink.imports.claim-timeout="$CLAIM_TIMEOUT" --gridlink.imports.heartbeat-interval=PT10S \
      --gridlink.imports.sweep-interval=PT15S \
      --server.forward-headers-strategy=native --server.tomcat.remoteip.internal-proxies='127\.0\.0\.1' \
      "${DEMO_ARGS[@]}" --logging.level.root=WARN >> "$STATE/app$N.log" 2>&1 &
    echo $! > "$PID_FILE"
    ;;
  wait)
    for _ in $(seq 1 300); do
      curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" 2>/dev/null | grep -q UP && exit 0
      kill -0 "$(cat "$PID_FILE")" 2>/dev/null || { tail -30 "$STATE/app$N.log"; exit 1; }
      sleep 1
    done
    echo "instance $N did not become ready" >&2; exit 1
    ;;
  stop|kill)
    [ -f "$PID_FILE" ] || exit 0
    PID=$(cat "$PID_FILE")
    if [ "$ACTION" = kill ]; then kill -9 "$PID" 2>/dev/null || true; else kill "$PID" 2>/dev/null || true; fi
    while kill -0 "$PID" 2>/dev/null; do sleep 0.2; done
    rm -f "$PID_FILE"
    ;;
esac
