#!/usr/bin/env python3
"""Cases intake benchmark client (Python standard library only).

Phase 1 (intake): CLIENTS threads, one keep-alive connection each, share REPORTS reports
(`POST /api/v1/cases`, each with its own Idempotency-Key): a random minor class that has a routing rule, and a random
point in the demo district (lat/lng, located by the server) or, for one report in five, a random grid code. After
RETRY_EVERY-th report a thread sends the same request again with the same key (a client retry): it must get the same
case back. A connection error is retried with the same key too.
Phase 2 (center): CLIENTS threads file and dispatch every accepted case by its routing rule
(`POST /api/v1/cases/{id}/actions/file`, then `.../dispatch` with `{}`).

Prints one JSON object; the case ids go to ids_file (one per line) for the checks of run.sh."""
import http.client
import json
import random
import sys
import threading
import time
import uuid

(host, port, token, clients, reports, categories_file, grids_file, ids_file) = sys.argv[1:9]
port, clients, reports = int(port), int(clients), int(reports)
seed = int(sys.argv[9]) if len(sys.argv) > 9 else 20261129
warmup = int(sys.argv[10]) if len(sys.argv) > 10 else 1000
RETRY_EVERY = 50
categories = [line.strip() for line in open(categories_file) if line.strip()]
grids = [line.strip() for line in open(grids_file) if line.strip()]
headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json", "Accept": "application/json"}
lock = threading.Lock()


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, int(round(p / 100.0 * len(ordered) + 0.5)) - 1))
    return round(ordered[index] * 1000, 1)


class Client:
    """One keep-alive connection; reconnects (and the caller retries) after a connection error."""

    def __init__(self):
        self.conn = http.client.HTTPConnection(host, port, timeout=60)

    def post(self, path, body, extra=None):
        h = dict(headers)
        if extra:
            h.update(extra)
        for attempt in range(5):
            try:
                t0 = time.perf_counter()
                self.conn.request("POST", path, body=body, headers=h)
                response = self.conn.getresponse()
                data = response.read()
                return response.status, data, time.perf_counter() - t0, attempt
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = http.client.HTTPConnection(host, port, timeout=60)
        raise RuntimeError("no answer after 5 attempts: " + path)

    def close(self):
        self.conn.close()


def new_intake():
    return {"accepted": 0, "errors": 0, "retries_same_case": 0, "retries_other_case": 0, "connection_retries": 0,
            "latencies": [], "ids": []}


def report_worker(intake, seed, count):
    rnd = random.Random(seed)
    client = Client()
    latencies, ids = [], []
    errors = same = other = conn_retries = 0
    for n in range(count):
        body = {"categoryCode": rnd.choice(categories), "description": "基准测试上报 %d-%d" % (seed, n)}
        if rnd.random() < 0.2:
            body["jurisdictionCode"] = rnd.choice(grids)
        else:
            body["lat"] = round(rnd.uniform(33.50, 33.80), 6)
            body["lng"] = round(rnd.uniform(119.00, 119.36), 6)
            body["address"] = "基准路 %d 号" % rnd.randint(1, 999)
        payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
        key = {"Idempotency-Key": str(uuid.UUID(int=rnd.getrandbits(128)))}
        status, data, elapsed, attempts = client.post("/api/v1/cases", payload, key)
        conn_retries += attempts
        if status != 201:
            errors += 1
            print("report HTTP", status, data[:300], file=sys.stderr)
            continue
        latencies.append(elapsed)
        case = json.loads(data)
        if case.get("status") != "REPORTED" or not case.get("number"):
            errors += 1
            print("unexpected answer", data[:300], file=sys.stderr)
            continue
        ids.append(case["id"])
        if n % RETRY_EVERY == RETRY_EVERY - 1:
            status, data, _, attempts = client.post("/api/v1/cases", payload, key)
            conn_retries += attempts
            if status == 201 and json.loads(data)["id"] == case["id"]:
                same += 1
            else:
                other += 1
                print("retry answered", status, data[:300], file=sys.stderr)
    client.close()
    with lock:
        intake["accepted"] += len(ids)
        intake["errors"] += errors
        intake["retries_same_case"] += same
        intake["retries_other_case"] += other
        intake["connection_retries"] += conn_retries
        intake["latencies"].extend(latencies)
        intake["ids"].extend(ids)


def new_center():
    return {"dispatched": 0, "errors": 0, "file_latencies": [], "dispatch_latencies": [], "pair_latencies": [],
            "no_lead": 0}


def center_worker(center, ids):
    client = Client()
    files, dispatches, pairs = [], [], []
    done = errors = no_lead = 0
    for case_id in ids:
        status, data, t_file, _ = client.post("/api/v1/cases/%d/actions/file" % case_id, b"{}")
        if status != 200:
            errors += 1
            print("file HTTP", status, data[:300], file=sys.stderr)
            continue
        status, data, t_dispatch, _ = client.post("/api/v1/cases/%d/actions/dispatch" % case_id, b"{}")
        if status != 200:
            errors += 1
            print("dispatch HTTP", status, data[:300], file=sys.stderr)
            continue
        case = json.loads(data)
        if case.get("status") != "DISPATCHED" or case.get("leadUnitId") is None or case.get("deadlineAt") is None:
            no_lead += 1
        done += 1
        files.append(t_file)
        dispatches.append(t_dispatch)
        pairs.append(t_file + t_dispatch)
    client.close()
    with lock:
        center["dispatched"] += done
        center["errors"] += errors
        center["no_lead"] += no_lead
        center["file_latencies"].extend(files)
        center["dispatch_latencies"].extend(dispatches)
        center["pair_latencies"].extend(pairs)


def run(threads):
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - began


def phases(count, first_seed):
    """Intake of count reports, then file + dispatch of every accepted one; returns both stats and timings."""
    intake, center = new_intake(), new_center()
    shares = [count // clients + (1 if i < count % clients else 0) for i in range(clients)]
    intake_seconds = run([threading.Thread(target=report_worker, args=(intake, first_seed + 1000 * i, shares[i]))
                          for i in range(clients)])
    ids = sorted(intake["ids"])
    print("intake: %d reports in %.1f s" % (intake["accepted"], intake_seconds), file=sys.stderr)
    center_seconds = run([threading.Thread(target=center_worker, args=(center, ids[i::clients]))
                          for i in range(clients)])
    print("center: %d cases in %.1f s" % (center["dispatched"], center_seconds), file=sys.stderr)
    return intake, intake_seconds, center, center_seconds, ids


# warm-up (JIT, connection pool, caches): the same two phases on WARMUP reports, not measured
warm = phases(warmup, seed + 500) if warmup > 0 else (new_intake(), 0, new_center(), 0, [])
intake, intake_seconds, center, center_seconds, ids = phases(reports, seed)
with open(ids_file, "w") as out:
    out.write("".join("%d\n" % i for i in ids))

result = {
    "clients": clients,
    "warmup": {"reports": warmup, "accepted": warm[0]["accepted"], "errors": warm[0]["errors"] + warm[2]["errors"],
               "dispatched": warm[2]["dispatched"]},
    "intake": {
        "reports": reports, "accepted": intake["accepted"], "errors": intake["errors"],
        "distinct_ids": len(set(ids)),
        "retries_same_case": intake["retries_same_case"], "retries_other_case": intake["retries_other_case"],
        "connection_retries": intake["connection_retries"],
        "seconds": round(intake_seconds, 2),
        "reports_per_second": round(intake["accepted"] / intake_seconds, 1),
        "p50_ms": percentile(intake["latencies"], 50), "p99_ms": percentile(intake["latencies"], 99),
        "max_ms": percentile(intake["latencies"], 100),
    },
    "file_and_dispatch": {
        "cases": len(ids), "dispatched": center["dispatched"], "errors": center["errors"],
        "without_lead_or_deadline": center["no_lead"],
        "seconds": round(center_seconds, 2),
        "cases_per_second": round(center["dispatched"] / center_seconds, 1),
        "file_p50_ms": percentile(center["file_latencies"], 50),
        "file_p99_ms": percentile(center["file_latencies"], 99),
        "dispatch_p50_ms": percentile(center["dispatch_latencies"], 50),
        "dispatch_p99_ms": percentile(center["dispatch_latencies"], 99),
        "pair_p99_ms": percentile(center["pair_latencies"], 99),
    },
}
print(json.dumps(result, ensure_ascii=False, indent=2))
