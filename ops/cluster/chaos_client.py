#!/usr/bin/env python3
"""Load of ops/cluster/chaos.sh, through the balancer, standard library only. Until the STOP file exists:
- REPORTERS threads post one case report every INTERVAL seconds each (POST /api/v1/cases) with a new Idempotency-Key
  per report; a failed attempt (connection refused or reset, 5xx, timeout) is retried with the SAME key until it is
  acknowledged (201 or 200) — as the phone app does;
- one thread posts screening records of the campaign in batches of 50, each record with its own clientId; a failed
  batch is retried with the same clientIds.
Writes OUT/reports.tsv (key, case number) and OUT/records.tsv (clientId) of what was acknowledged, and counts."""
import http.client, json, os, random, sys, threading, time, uuid

host, port, token, run_id, out, campaign = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6])
grids = open(os.path.join(out, "grids.txt")).read().split()
categories = open(os.path.join(out, "categories.txt")).read().split()
households = [int(h) for h in open(os.path.join(out, "households.txt")).read().split()]
REPORTERS, INTERVAL = int(os.environ.get("REPORTERS", "4")), float(os.environ.get("INTERVAL", "0.2"))
stop_file = os.path.join(out, "STOP")
headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json", "Accept": "application/json"}
lock = threading.Lock()
counts = {"reports": 0, "report_retries": 0, "records": 0, "record_retries": 0, "batches": 0}
reports = open(os.path.join(out, "reports.tsv"), "w")
records = open(os.path.join(out, "records.tsv"), "w")


def call(method, path, body):
    """One attempt on a fresh connection: (status, parsed body) or (None, error)."""
    conn = http.client.HTTPConnection(host, port, timeout=20)
    try:
        conn.request(method, path, body=json.dumps(body, ensure_ascii=False).encode(), headers=headers)
        response = conn.getresponse()
        data = response.read()
        return response.status, (json.loads(data) if data[:1] in (b"{", b"[") else data[:200])
    except Exception as error:  # refused, reset, timeout: the instance died or restarts
        return None, repr(error)
    finally:
        conn.close()


def call_keyed(key, body):
    h = dict(headers); h["Idempotency-Key"] = key
    conn = http.client.HTTPConnection(host, port, timeout=20)
    try:
        conn.request("POST", "/api/v1/cases", body=json.dumps(body, ensure_ascii=False).encode(), headers=h)
        response = conn.getresponse(); data = response.read()
        return response.status, (json.loads(data) if data[:1] == b"{" else data[:200])
    except Exception as error:
        return None, repr(error)
    finally:
        conn.close()


def reporter_keyed(n):
    rnd = random.Random(n)
    i = 0
    while not os.path.exists(stop_file):
        i += 1
        key = "%s-%d-%d" % (run_id, n, i)
        body = {"categoryCode": rnd.choice(categories), "jurisdictionCode": rnd.choice(grids),
                "description": "chaos %s" % key}
        while True:
            status, answer = call_keyed(key, body)
            if status in (200, 201):
                with lock:
                    reports.write("%s\t%s\n" % (key, answer["number"])); reports.flush()
                    counts["reports"] += 1
                break
            if status is not None and status < 500 and status != 429:
                print("report refused", status, answer, file=sys.stderr); os._exit(1)
            with lock:
                counts["report_retries"] += 1
            time.sleep(0.5)
        time.sleep(INTERVAL)


def screener():
    pending = list(households)
    random.Random(7).shuffle(pending)
    while pending and not os.path.exists(stop_file):
        chunk, pending = pending[:50], pending[50:]
        batch = [{"clientId": str(uuid.uuid4()), "householdId": h, "outcome": "ALL_NORMAL"} for h in chunk]
        while True:
            status, answer = call("POST", "/api/v1/screening/campaigns/%d/records" % campaign, batch)
            if status == 200:
                with lock:
                    for r in batch:
                        records.write(r["clientId"] + "\n")
                    records.flush()
                    counts["records"] += len(batch); counts["batches"] += 1
                break
            if status is not None and status < 500 and status != 429:
                print("records refused", status, answer, file=sys.stderr); os._exit(1)
            with lock:
                counts["record_retries"] += 1
            time.sleep(0.5)
        time.sleep(0.5)


threads = [threading.Thread(target=reporter_keyed, args=(n,)) for n in range(REPORTERS)]
threads.append(threading.Thread(target=screener))
for t in threads:
    t.start()
for t in threads:
    t.join()
print(json.dumps(counts))
