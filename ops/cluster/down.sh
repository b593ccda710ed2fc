#!/usr/bin/env bash
# Stops what ops/cluster/up.sh started. KEEP=1 keeps the two PostgreSQL clusters (and their data) for the next up.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
. ops/cluster/settings.sh
[ -f "$STATE/haproxy.pid" ] && { kill "$(cat "$STATE/haproxy.pid")" 2>/dev/null || true; rm -f "$STATE/haproxy.pid"; }
for f in "$STATE"/app*.pid; do
  [ -e "$f" ] || continue
  n=${f##*/app}; ops/cluster/instance.sh stop "${n%.pid}"
done
if [ "${KEEP:-0}" != 1 ]; then
  pg_dropcluster --stop "$VERSION" "$REPLICA" 2>/dev/null || true
  pg_dropcluster --stop "$VERSION" "$PRIMARY" 2>/dev/null || true
fi
echo "stopped"
