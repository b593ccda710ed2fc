#!/usr/bin/env bash
# Supervision round report and district daily-report roll-up at the demo's full size (issue 16; not part of
# `mvn verify`). Starts the built jar on H2 (a file database in a new temp directory) with the default demo
# (3 groups, 15 rounds over the 87 communities, ~800 hand-offs; the daily report form with 30 days of 99 places),
# takes an API token for `center` (district scope) and times with curl, one request at a time, 1 warm-up call and
# RUNS timed calls, the median of curl's time_total:
#   - the round report of the newest round and of the round with the most hand-offs: figures (JSON), .pdf, .xlsx;
#   - the district roll-up of the demo form for yesterday and for today.
# Usage: bench/inspection/run.sh  (env: RUNS=7 PORT=18096 BUILD=1 JAR=)
# Needs Java 17, Maven (BUILD=1), curl, python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-7}
PORT=${PORT:-18096}
BUILD=${BUILD:-1}
ROOT=$(pwd)
OUT=$ROOT/target/bench/inspection
mkdir -p "$OUT"
WORK=$(mktemp -d)

echo "== $(date -u '+%F %T') UTC, commit $(git rev-parse --short HEAD), $(nproc) cores, load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
uptime
if [ "$BUILD" = 1 ]; then mvn -q -B -o -Dstyle.color=never -Dmaven.test.skip=true package; fi
JAR=${JAR:-$(ls "$ROOT"/target/gridlink-*.jar | grep -v plain | head -1)}
STARTED=$(date +%s)
(cd "$WORK" && exec java -jar "$JAR" --server.port="$PORT" --logging.level.root=WARN \
  --logging.level.org.gridlink=INFO > "$OUT/app.log" 2>&1) &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf "$WORK"' EXIT
for i in $(seq 1 1200); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" | grep -q UP; then break; fi
  kill -0 $APP 2>/dev/null || { tail -50 "$OUT/app.log"; exit 1; }
  sleep 1
done
echo "jar start to readiness UP: $(( $(date +%s) - STARTED )) s"
grep -h "Demo supervision\|Demo daily" "$OUT/app.log" || true
BASE="http://127.0.0.1:$PORT"
TOKEN=$(bench/api-token.sh "$BASE" center 'Demo#2026' "inspection bench")
H="Authorization: Bearer $TOKEN"

# timed URL: 1 warm-up, RUNS timed; prints name, median, the runs, size
timed() {
  local name=$1 url=$2 file=$3 times=()
  curl -fs -o "$OUT/$file" -H "$H" "$url"
  for i in $(seq 1 "$RUNS"); do
    times+=("$(curl -fs -o "$OUT/$file" -w '%{time_total}' -H "$H" "$url")")
  done
  python3 - "$name" "$(stat -c %s "$OUT/$file")" "${times[@]}" <<'EOF'
import statistics, sys
name, size, runs = sys.argv[1], int(sys.argv[2]), [float(t) for t in sys.argv[3:]]
print(f"| {name} | {statistics.median(runs) * 1000:.0f} ms | {' '.join(f'{t:.3f}' for t in runs)} | {size:,} bytes |")
EOF
}

curl -fs -H "$H" "$BASE/api/v1/inspection-rounds?size=100" > "$OUT/rounds.json"
read -r NEWEST BIGGEST < <(python3 - "$OUT/rounds.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))["content"]
total = sum(r["findings"]["total"] for r in d)
print(f"rounds: {len(d)}, targets per round: {sorted({r['targets'] for r in d})}, hand-offs: {total}, "
      f"open {sum(r['findings']['open'] for r in d)}, rectified {sum(r['findings']['rectified'] for r in d)}, "
      f"overdue {sum(r['findings']['overdue'] for r in d)}", file=sys.stderr)
newest = d[0]["id"]
biggest = max(d, key=lambda r: r["findings"]["total"])
print(f"round {newest}: {d[0]['findings']['total']} hand-offs; round {biggest['id']} (most): "
      f"{biggest['findings']['total']}", file=sys.stderr)
print(newest, biggest["id"])
EOF
)
curl -fs -H "$H" "$BASE/api/v1/report-forms?size=50" > "$OUT/forms.json"
FORM=$(python3 -c "
import json; d = json.load(open('$OUT/forms.json'))['content']
print(min(f['id'] for f in d if f['name'] == '每日疫情防控信息报送'))")
YESTERDAY=$(python3 -c "
import datetime, zoneinfo; print(datetime.datetime.now(zoneinfo.ZoneInfo('Asia/Shanghai')).date() - datetime.timedelta(days=1))")
curl -fs -H "$H" "$BASE/api/v1/report-forms/$FORM/rollup?date=$YESTERDAY" | python3 -c "
import json, sys; d = json.load(sys.stdin)
print(f\"roll-up of form $FORM, $YESTERDAY: {len(d['children'])} streets, {len(d['places'])} places, counts {d['counts']}, late {d['late']}\")" >&2

echo "| answer | median | runs (s) | size |"
echo "|---|---:|---|---:|"
for R in $NEWEST $BIGGEST; do
  timed "round $R report, figures (\`/api/v1/inspection-rounds/$R/report\`)" "$BASE/api/v1/inspection-rounds/$R/report" "report-$R.json"
  timed "round $R report, PDF" "$BASE/api/v1/inspection-rounds/$R/report.pdf" "report-$R.pdf"
  timed "round $R report, Excel" "$BASE/api/v1/inspection-rounds/$R/report.xlsx" "report-$R.xlsx"
done
timed "district roll-up, $YESTERDAY (\`/api/v1/report-forms/$FORM/rollup\`)" "$BASE/api/v1/report-forms/$FORM/rollup?date=$YESTERDAY" "rollup-yesterday.json"
timed "district roll-up, today" "$BASE/api/v1/report-forms/$FORM/rollup" "rollup-today.json"
timed "repeat problems board (\`/api/v1/inspection-repeats\`)" "$BASE/api/v1/inspection-repeats" "repeats.json"
timed "per-unit rectification (\`/api/v1/inspection-units\`)" "$BASE/api/v1/inspection-units" "units.json"
echo "== load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
uptime
