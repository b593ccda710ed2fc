#!/usr/bin/env bash
# Chaos, scripted and repeatable, on the layout of ops/cluster/up.sh (started here if it is not running):
#   load through the balancer (chaos_client.py): case reports at a steady rate with idempotency keys and client
#   retries, screening records in batches with client ids, and a residents import of IMPORT_ROWS rows;
#   faults meanwhile: instance 1 killed with kill -9 and started again, then the primary restarted, then the replica
#   stopped (and started again at the end);
#   checks afterwards: every acknowledged report exists exactly once, no report key twice, no screening record
#   counted twice and every acknowledged one stored, the import finished with all its rows accepted exactly once,
#   the import job ran once. Prints the counts; exits non-zero on any loss or duplicate.
# Usage: ops/cluster/chaos.sh   (env: IMPORT_ROWS=20000 REPORTERS=4 INTERVAL=0.2 STAY_UP=0 and ops/cluster/up.sh's)
set -euo pipefail
cd "$(dirname "$0")/../.."
. ops/cluster/settings.sh
IMPORT_ROWS=${IMPORT_ROWS:-20000}
RUN=chaos$(date -u +%H%M%S)
OUT="$STATE/$RUN"
mkdir -p "$OUT"
BASE="http://127.0.0.1:$BALANCER_PORT"
P() { psql -X -q -At -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d gridlink -v ON_ERROR_STOP=1 -c "$1"; }
t0=$(date +%s)
at() { echo "[$(( $(date +%s) - t0 )) s] $*"; }

curl -fs "$BASE/actuator/health/readiness" > /dev/null 2>&1 || ops/cluster/up.sh
TOKEN=$(bench/api-token.sh "$BASE" center 'Demo#2026' "$RUN")
AUTH=(-H "Authorization: Bearer $TOKEN")

P "SELECT code FROM jurisdiction WHERE level = 'GRID' ORDER BY code LIMIT 200" > "$OUT/grids.txt"
P "SELECT c.code FROM case_category c WHERE c.major_code IS NOT NULL AND c.active
   AND EXISTS (SELECT 1 FROM case_routing_rule r WHERE r.category_code IN (c.code, c.major_code)) ORDER BY c.code" > "$OUT/categories.txt"
CAMPAIGN=$(curl -fs "${AUTH[@]}" -H 'Content-Type: application/json' "$BASE/api/v1/screening/campaigns" \
  -d "{\"name\":\"$RUN\",\"jurisdictionCode\":\"320819001000\",\"from\":\"$(date +%F)\",\"to\":\"$(date -d +1day +%F)\"}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
curl -fs "${AUTH[@]}" -X POST "$BASE/api/v1/screening/campaigns/$CAMPAIGN/start" > /dev/null
until curl -fs "${AUTH[@]}" "$BASE/api/v1/screening/campaigns/$CAMPAIGN" | grep -q '"status":"RUNNING"'; do sleep 0.5; done
P "SELECT household_id FROM screening_household WHERE campaign_id = $CAMPAIGN" > "$OUT/households.txt"
at "campaign $CAMPAIGN running with $(wc -l < "$OUT/households.txt") households"

# the import: IMPORT_ROWS new residents with valid ID numbers (GB 11643 check digit) in one grid
python3 - "$OUT/import.csv" "$IMPORT_ROWS" "$RUN" <<'PY'
import random, sys
path, rows, run = sys.argv[1], int(sys.argv[2]), sys.argv[3]
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
rnd = random.Random(run)
seen = set()
with open(path, "w", encoding="utf-8") as f:
    f.write("身份证号,姓名,手机号,网格编码,小区,楼栋,单元,房号,标签,地址\n")
    while len(seen) < rows:
        body = "110101%04d%02d%02d%03d" % (rnd.randint(1940, 2010), rnd.randint(1, 12), rnd.randint(1, 28), rnd.randint(0, 999))
        if body in seen:
            continue
        seen.add(body)
        check = "10X98765432"[sum(int(c) * w for c, w in zip(body, W)) % 11]
        n = len(seen)
        f.write("%s%s,混沌%d,,320819001001001,混沌小区,%d号楼,1单元,%d,,\n" % (body, check, n, n % 40 + 1, n % 900 + 101))
PY
REPORTERS=${REPORTERS:-4} INTERVAL=${INTERVAL:-0.2} python3 ops/cluster/chaos_client.py 127.0.0.1 "$BALANCER_PORT" "$TOKEN" \
  "$RUN" "$OUT" "$CAMPAIGN" > "$OUT/client.json" 2> "$OUT/client.log" &
CLIENT=$!
IMPORT=$(curl -fs "${AUTH[@]}" -F "file=@$OUT/import.csv;type=text/csv" "$BASE/api/v1/residents/imports" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
at "load running; import job $IMPORT queued ($IMPORT_ROWS rows)"

sleep 10; at "kill -9 instance 1"; ops/cluster/instance.sh kill 1
sleep 5;  at "start instance 1"; ops/cluster/instance.sh start 1; ops/cluster/instance.sh wait 1; at "instance 1 ready"
sleep 5;  at "restart the primary"; pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$PRIMARY" restart -m fast; at "primary back"
sleep 10; at "stop the replica"; pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$REPLICA" stop -m fast
sleep 10; at "start the replica"; pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$REPLICA" start
sleep 5;  touch "$OUT/STOP"; wait "$CLIENT" || { tail -20 "$OUT/client.log"; echo "the client failed"; exit 1; }
at "load stopped: $(cat "$OUT/client.json")"
for _ in $(seq 1 300); do
  STATUS=$(curl -fs "${AUTH[@]}" "$BASE/api/v1/residents/imports/$IMPORT" || echo '{}')
  echo "$STATUS" | grep -qE '"status":"(SUCCEEDED|FAILED)' && break
  sleep 1
done
at "import: $STATUS"

echo "== checks"
FAIL=0
check() { # name actual expected
  if [ "$2" = "$3" ]; then echo "ok    $1: $2"; else echo "FAIL  $1: $2, expected $3"; FAIL=1; fi
}
cut -f1 "$OUT/reports.tsv" | sed 's/^/chaos /' | sort > "$OUT/acked.txt"
P "SELECT description FROM case_file WHERE description LIKE 'chaos $RUN-%' ORDER BY 1" | sort > "$OUT/stored.txt"
check "acknowledged reports" "$(wc -l < "$OUT/acked.txt")" "$(sort -u "$OUT/acked.txt" | wc -l)"
check "acknowledged reports missing from the database" "$(comm -23 "$OUT/acked.txt" <(sort -u "$OUT/stored.txt") | wc -l)" 0
check "reports stored twice" "$(uniq -d "$OUT/stored.txt" | wc -l)" 0
check "case numbers given twice" "$(cut -f2 "$OUT/reports.tsv" | sort | uniq -d | wc -l)" 0
ACKED_RECORDS=$(sort -u "$OUT/records.tsv" | wc -l)
check "acknowledged screening records stored" \
  "$(P "SELECT COUNT(DISTINCT client_id) FROM screening_record WHERE campaign_id = $CAMPAIGN")" "$ACKED_RECORDS"
check "screening records counted twice (same client id)" \
  "$(P "SELECT COUNT(*) FROM (SELECT client_id FROM screening_record WHERE campaign_id = $CAMPAIGN GROUP BY client_id HAVING COUNT(*) > 1) d")" 0
check "import accepted rows" "$(echo "$STATUS" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("acceptedRows"))')" "$IMPORT_ROWS"
check "imported residents in the database" "$(P "SELECT COUNT(*) FROM resident WHERE name LIKE '混沌%' AND grid_code = '320819001001001'")" "$IMPORT_ROWS"
echo "$RUN: $(wc -l < "$OUT/acked.txt") reports, $ACKED_RECORDS screening records, $IMPORT_ROWS imported residents; faults: kill -9 of an instance, primary restart, replica stop"
[ "${STAY_UP:-1}" = 1 ] || ops/cluster/down.sh
exit $FAIL
