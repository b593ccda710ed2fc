#!/usr/bin/env python3
"""Screening benchmark client: several threads post batches of 500 records (each to its own households, one API
token for all), bounded in time; then the median latency of the progress endpoint. Standard library only."""
import http.client
import json
import random
import statistics
import sys
import threading
import time
import uuid

host, port, token, campaign, clients, duration, households_file = sys.argv[1:8]
port, campaign, clients, duration = int(port), int(campaign), int(clients), float(duration)
BATCH = 500
households = [int(line) for line in open(households_file) if line.strip()]
random.seed(20261129)
random.shuffle(households)
headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json", "Accept": "application/json"}
lock = threading.Lock()
totals = {"accepted": 0, "duplicates": 0, "rejected": 0, "requests": 0, "errors": 0}
latencies = []
progress_under_load = []
stop = threading.Event()


def worker(slice_):
    conn = http.client.HTTPConnection(host, port, timeout=120)
    for start in range(0, len(slice_), BATCH):
        if stop.is_set():
            break
        chunk = slice_[start:start + BATCH]
        body = json.dumps([{"clientId": str(uuid.uuid4()), "householdId": h,
                            "outcome": "UNREACHABLE" if h % 20 == 0 else "ALL_NORMAL"} for h in chunk])
        t0 = time.perf_counter()
        conn.request("POST", "/api/v1/screening/campaigns/%d/records" % campaign, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        elapsed = time.perf_counter() - t0
        with lock:
            totals["requests"] += 1
            latencies.append(elapsed)
            if response.status == 200:
                answer = json.loads(data)
                totals["accepted"] += answer["accepted"]
                totals["duplicates"] += answer["duplicates"]
                totals["rejected"] += answer["rejected"]
            else:
                totals["errors"] += 1
                print("HTTP", response.status, data[:200], file=sys.stderr)
    conn.close()


def progress_once(conn, code):
    t0 = time.perf_counter()
    conn.request("GET", "/api/v1/screening/campaigns/%d/progress?jurisdiction=%s" % (campaign, code), headers=headers)
    response = conn.getresponse()
    data = response.read()
    assert response.status == 200, data[:200]
    return (time.perf_counter() - t0) * 1000, json.loads(data)


def progress_poller():
    conn = http.client.HTTPConnection(host, port, timeout=60)
    while not stop.is_set():
        ms, _ = progress_once(conn, "320819000000")
        progress_under_load.append(ms)
        stop.wait(0.5)
    conn.close()


slices = [households[i::clients] for i in range(clients)]
threads = [threading.Thread(target=worker, args=(s,)) for s in slices]
poller = threading.Thread(target=progress_poller)
timer = threading.Timer(duration, stop.set)
began = time.perf_counter()
timer.start()
poller.start()
for t in threads:
    t.start()
for t in threads:
    t.join()
wall = time.perf_counter() - began
stop.set()
timer.cancel()
poller.join()

conn = http.client.HTTPConnection(host, port, timeout=60)
idle = {}
for code in ("320819000000", "320819001000", "320819001001", "320819001001001"):
    samples = [progress_once(conn, code)[0] for _ in range(101)]
    idle[code] = statistics.median(samples)
_, district = progress_once(conn, "320819000000")
conn.close()

result = {
    "clients": clients, "seconds": round(wall, 2), "requests": totals["requests"], "errors": totals["errors"],
    "accepted": totals["accepted"], "duplicates": totals["duplicates"], "rejected": totals["rejected"],
    "records_per_second": round(totals["accepted"] / wall, 1),
    "batch_latency_median_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
    "progress_median_ms_under_load": round(statistics.median(progress_under_load), 1) if progress_under_load else None,
    "progress_samples_under_load": len(progress_under_load),
    "progress_median_ms_idle": {k: round(v, 1) for k, v in idle.items()},
    "district_after": {k: district[k] for k in ("households", "screenedHouseholds", "persons", "screenedPersons",
                                                "unreachable")},
}
print(json.dumps(result, ensure_ascii=False, indent=2))
