#!/usr/bin/env bash
# Chaos, scripted and repeatable, on the layout of ops/cluster/up.sh (started here if it is not running):
#   load through the balancer (chaos_client.py): case reports at a steady rate with idempotency keys and client
#   retries, screening records in batches with client ids, and a residents import of IMPORT_ROWS rows (POST
#   /api/v1/residents/imports; 1 % of the rows with a wrong check digit, 0.4 % repeating an earlier ID number);
#   faults meanwhile: the instance running the import (found from the import's claim) killed with kill -9 once the
#   import has committed a batch, and started again; then the primary restarted; then the replica stopped (and
#   started again at the end);
#   checks afterwards: every acknowledged report exists exactly once, no report key twice, no screening record
#   counted twice and every acknowledged one stored; the import crossed the kill, finished, and its processed,
#   accepted and rejected counts, its residents and its stored rejected rows are those of a run without faults, with
#   no rejected row stored twice (a batch written twice); no scheduled job's time slot run by two instances.
#   Prints the counts; exits non-zero on any loss or duplicate.
# Usage: ops/cluster/chaos.sh   (env: IMPORT_ROWS=200000 REPORTERS=4 INTERVAL=0.2 STAY_UP=1 and ops/cluster/up.sh's)
set -euo pipefail
cd "$(dirname "$0")/../.."
. ops/cluster/settings.sh
IMPORT_ROWS=${IMPORT_ROWS:-200000}
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

# the import: IMPORT_ROWS rows in one grid; every 100th row has a wrong check digit and every 250th repeats an earlier
# row's ID number, so the rows it must accept and reject are known before it runs (the counts of a run without faults)
python3 - "$OUT/import.csv" "$IMPORT_ROWS" "$RUN" > "$OUT/import.expected" <<'PY'
import random, sys
path, rows, run = sys.argv[1], int(sys.argv[2]), sys.argv[3]
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
rnd = random.Random(run)
seen, ids, accepted, rejected = set(), [], 0, 0
with open(path, "w", encoding="utf-8") as f:
    f.write("身份证号,姓名,手机号,网格编码,小区,楼栋,单元,房号,标签,地址\n")
    for n in range(1, rows + 1):
        if n % 250 == 0:
            number = ids[n // 2]  # a repeat of an earlier row: rejected as a duplicate within the file
            rejected += 1
        else:
            while True:
                body = "110101%04d%02d%02d%03d" % (rnd.randint(1940, 2010), rnd.randint(1, 12), rnd.randint(1, 28), rnd.randint(0, 999))
                if body not in seen:
                    break
            seen.add(body)
            check = "10X98765432"[sum(int(c) * w for c, w in zip(body, W)) % 11]
            if n % 100 == 0:
                check = "0" if check != "0" else "1"  # a wrong check digit: rejected
                rejected += 1
            else:
                accepted += 1
                ids.append(body + check)
            number = body + check
        f.write("%s,混沌%d,,320819001001001,混沌小区,%d号楼,1单元,%d,,\n" % (number, n, n % 40 + 1, n % 900 + 101))
print(accepted, rejected)
PY
read -r IMPORT_ACCEPT IMPORT_REJECT < "$OUT/import.expected"
REPORTERS=${REPORTERS:-4} INTERVAL=${INTERVAL:-0.2} python3 ops/cluster/chaos_client.py 127.0.0.1 "$BALANCER_PORT" "$TOKEN" \
  "$RUN" "$OUT" "$CAMPAIGN" > "$OUT/client.json" 2> "$OUT/client.log" &
CLIENT=$!
IMPORT=$(curl -fs "${AUTH[@]}" -F "file=@$OUT/import.csv;type=text/csv" "$BASE/api/v1/residents/imports" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
at "load running; import job $IMPORT queued ($IMPORT_ROWS rows: $IMPORT_ACCEPT to accept, $IMPORT_REJECT to reject)"

# instance N of a claim (host/pid/uuid): the one whose pid file holds that pid
owner() {
  local pid; pid=$(P "SELECT claimed_by FROM resident_import WHERE id = $IMPORT" | cut -d/ -f2)
  for i in $(seq 1 "$INSTANCES"); do [ "$(cat "$STATE/app$i.pid" 2>/dev/null)" = "$pid" ] && echo "$i" && return; done
  echo 0
}
# the instance running the import is the one killed, once it has committed a batch (so the import crosses the kill)
sleep 10
for _ in $(seq 1 120); do
  [ "$(P "SELECT status = 'RUNNING' AND processed_rows > 0 FROM resident_import WHERE id = $IMPORT")" = t ] && break
  [ "$(P "SELECT status IN ('SUCCEEDED', 'FAILED') FROM resident_import WHERE id = $IMPORT")" = t ] && break
  sleep 0.5
done
VICTIM=$(owner); [ "$VICTIM" = 0 ] && VICTIM=1
AT_KILL=$(P "SELECT status || ' ' || processed_rows FROM resident_import WHERE id = $IMPORT")
at "kill -9 instance $VICTIM (the import's claim: $(P "SELECT claimed_by FROM resident_import WHERE id = $IMPORT"); import $AT_KILL rows)"
ops/cluster/instance.sh kill "$VICTIM"
sleep 5;  at "start instance $VICTIM"; ops/cluster/instance.sh start "$VICTIM"; ops/cluster/instance.sh wait "$VICTIM"; at "instance $VICTIM ready"
sleep 5;  at "restart the primary"; pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$PRIMARY" restart -m fast; at "primary back"
sleep 10; at "stop the replica"; pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$REPLICA" stop -m fast
sleep 10; at "start the replica"; pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$REPLICA" start
sleep 5;  touch "$OUT/STOP"; wait "$CLIENT" || { tail -20 "$OUT/client.log"; echo "the client failed"; exit 1; }
at "load stopped: $(cat "$OUT/client.json")"
for _ in $(seq 1 900); do
  STATUS=$(curl -fs "${AUTH[@]}" "$BASE/api/v1/residents/imports/$IMPORT" || echo '{}')
  echo "$STATUS" | grep -qE '"status":"(SUCCEEDED|FAILED)' && break
  sleep 1
done
at "import: $STATUS, finished by instance $(owner) ($(P "SELECT claimed_by FROM resident_import WHERE id = $IMPORT"))"

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
J() { echo "$STATUS" | python3 -c "import json,sys; print(json.load(sys.stdin).get('$1'))"; }
check "import status" "$(J status)" SUCCEEDED
check "import crossed the kill (status and rows committed when the instance was killed)" "$(echo "$AT_KILL" | cut -d' ' -f1)" RUNNING
check "import rows processed" "$(J processedRows)" "$IMPORT_ROWS"
check "import accepted rows (as without faults)" "$(J acceptedRows)" "$IMPORT_ACCEPT"
check "import rejected rows (as without faults)" "$(J rejectedRows)" "$IMPORT_REJECT"
check "imported residents in the database" "$(P "SELECT COUNT(*) FROM resident WHERE name LIKE '混沌%' AND grid_code = '320819001001001'")" "$IMPORT_ACCEPT"
check "import rejected rows stored" "$(P "SELECT COUNT(DISTINCT row_no) FROM resident_import_error WHERE import_id = $IMPORT")" "$IMPORT_REJECT"
# a batch written twice (run on two instances, or replayed after the resume) would store its rejected rows twice
check "import rejected rows stored twice (a batch run twice)" \
  "$(P "SELECT COUNT(*) FROM (SELECT row_no FROM resident_import_error WHERE import_id = $IMPORT GROUP BY row_no HAVING COUNT(*) > 1) d")" 0
# scheduled jobs (SLA watcher, missed check-ins, event retries, ...): each time slot run by one instance only
SLOTS=$(P "SELECT COUNT(*) || ' slots of ' || COUNT(DISTINCT job) || ' jobs by ' || COUNT(DISTINCT claimed_by) || ' instances' FROM job_claim WHERE claimed_at >= to_timestamp($t0)")
check "scheduled job slots run twice ($SLOTS during the run)" \
  "$(P "SELECT COUNT(*) FROM (SELECT job, slot_start FROM job_claim WHERE claimed_at >= to_timestamp($t0) GROUP BY job, slot_start HAVING COUNT(*) > 1) d")" 0
echo "$RUN: $(wc -l < "$OUT/acked.txt") reports, $ACKED_RECORDS screening records, import of $IMPORT_ROWS rows ($(J acceptedRows) accepted, $(J rejectedRows) rejected; killed at $AT_KILL); faults: kill -9 of the instance running the import, primary restart, replica stop"
[ "${STAY_UP:-1}" = 1 ] || ops/cluster/down.sh
exit $FAIL
