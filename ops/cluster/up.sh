#!/usr/bin/env bash
# Starts, on this one machine, the layout GridLink runs in production (docs/operations.md, "Two instances"):
#   PostgreSQL primary (port PRIMARY_PORT) and a streaming replica of it (REPLICA_PORT): two new Debian clusters of the
#   installed PostgreSQL, beside the server's own;
#   INSTANCES GridLink instances (ports APP_PORT, APP_PORT+1, ...) on the primary, with the replica for read-only pages;
#   HAProxy on BALANCER_PORT in front of them, health-checking each instance's readiness probe (stats on STATS_PORT).
# Demo mode on the real database (DEMO=1, the default) loads the demo district so the layout can be tried and tested;
# DEMO=0 is production mode (set GRIDLINK_DATA_KEY etc. as in docs/operations.md). Stop it all with ops/cluster/down.sh.
# Needs root (pg_createcluster), Debian's postgresql and haproxy packages, Java 17, a built jar (mvn -DskipTests package).
# Usage: ops/cluster/up.sh   (env: INSTANCES=2 APP_PORT=8281 BALANCER_PORT=8280 STATS_PORT=8289 PRIMARY_PORT=5441
#        REPLICA_PORT=5442 RESIDENTS=3000 DEMO=1 STATE=target/cluster JAR=target/gridlink-*.jar JAVA_OPTS=)
set -euo pipefail
cd "$(dirname "$0")/../.."
. ops/cluster/settings.sh

mkdir -p "$STATE"
echo "== PostgreSQL primary $VERSION/$PRIMARY on $PRIMARY_PORT"
if ! pg_lsclusters -h | awk '{print $2}' | grep -qx "$PRIMARY"; then
  pg_createcluster "$VERSION" "$PRIMARY" -p "$PRIMARY_PORT" -- --auth=trust > /dev/null
  # a replica must be able to fetch WAL it missed while stopped: keep it in a replication slot
  pg_conftool "$VERSION" "$PRIMARY" set wal_level replica
  pg_conftool "$VERSION" "$PRIMARY" set max_wal_senders 10
  pg_conftool "$VERSION" "$PRIMARY" set hot_standby_feedback on
fi
pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$PRIMARY" start 2>/dev/null || true
pg_isready -q -h 127.0.0.1 -p "$PRIMARY_PORT" -t 30
psql -X -q -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'gridlink'" | grep -q 1 \
  || createdb -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres gridlink

echo "== streaming replica $VERSION/$REPLICA on $REPLICA_PORT"
if ! pg_lsclusters -h | awk '{print $2}' | grep -qx "$REPLICA"; then
  pg_createcluster "$VERSION" "$REPLICA" -p "$REPLICA_PORT" -- --auth=trust > /dev/null
  # a standby setting (Debian keeps it in /etc, pg_basebackup does not replace it): long read-only pages and exports
  # on the replica are not cancelled by the replay of vacuumed rows they still see
  pg_conftool "$VERSION" "$REPLICA" set hot_standby_feedback on
  DATA=$(pg_lsclusters -h | awk -v c="$REPLICA" '$2 == c {print $6}')
  rm -rf "${DATA:?}"/*
  psql -X -q -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -c \
    "SELECT pg_create_physical_replication_slot('gl_replica') WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = 'gl_replica')" > /dev/null
  # -c fast: an immediate checkpoint (the default, spread, waits up to checkpoint_timeout: 5 minutes)
  su postgres -c "pg_basebackup -h 127.0.0.1 -p $PRIMARY_PORT -U postgres -D $DATA -R -X stream -S gl_replica -c fast"
fi
pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$REPLICA" start 2>/dev/null || true
pg_isready -q -h 127.0.0.1 -p "$REPLICA_PORT" -t 30
echo "replica in recovery: $(psql -X -At -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -c 'SELECT pg_is_in_recovery()')"

JAR=${JAR:-$(ls target/gridlink-*.jar | grep -v plain | head -1)}
for i in $(seq 1 "$INSTANCES"); do
  port=$((APP_PORT + i - 1))
  if [ -f "$STATE/app$i.pid" ] && kill -0 "$(cat "$STATE/app$i.pid")" 2>/dev/null; then continue; fi
  echo "== GridLink instance $i on $port"
  ops/cluster/instance.sh start "$i"
  # the first instance loads the demo district alone; the others start once it is ready
  ops/cluster/instance.sh wait "$i"
done

echo "== HAProxy on $BALANCER_PORT (stats on $STATS_PORT)"
SERVERS=""
for i in $(seq 1 "$INSTANCES"); do
  SERVERS+="    server app$i 127.0.0.1:$((APP_PORT + i - 1)) check"$'\n'
done
printf '%s' "$SERVERS" > "$STATE/servers.cfg"
sed -e "s/@BALANCER_PORT@/$BALANCER_PORT/; s/@STATS_PORT@/$STATS_PORT/" -e "/@SERVERS@/{r $STATE/servers.cfg" -e "d}" \
  ops/cluster/haproxy.cfg.in > "$STATE/haproxy.cfg"
haproxy -c -q -f "$STATE/haproxy.cfg"
if [ -f "$STATE/haproxy.pid" ] && kill -0 "$(cat "$STATE/haproxy.pid")" 2>/dev/null; then
  haproxy -D -f "$STATE/haproxy.cfg" -p "$STATE/haproxy.pid" -sf "$(cat "$STATE/haproxy.pid")"
else
  haproxy -D -f "$STATE/haproxy.cfg" -p "$STATE/haproxy.pid"
fi
for _ in $(seq 1 30); do curl -fs "http://127.0.0.1:$BALANCER_PORT/actuator/health/readiness" > /dev/null 2>&1 && break; sleep 1; done
echo "GridLink behind HAProxy: http://127.0.0.1:$BALANCER_PORT/ ($INSTANCES instances, primary :$PRIMARY_PORT, replica :$REPLICA_PORT)"
