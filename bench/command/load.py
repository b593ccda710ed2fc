"""Load for bench/command/run.sh: reporters post cases, readers time the command figures (district, street)."""
import http.client, json, sys, threading, time, uuid

base, token, reporters, readers, duration, grid = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), \
    int(sys.argv[5]), sys.argv[6]
host, port = base.split('//')[1].split(':')
headers = {'Authorization': 'Bearer ' + token, 'Accept': 'application/json'}
stop = time.time() + duration
times = {'district': [], 'street': []}
reported = [0]
lock = threading.Lock()


def report():
    c = http.client.HTTPConnection(host, int(port))
    while time.time() < stop:
        body = json.dumps({'categoryCode': 'E0101', 'description': 'bench report', 'jurisdictionCode': grid,
                           'source': 'HOTLINE', 'reporterContact': '13800001111'})
        h = dict(headers, **{'Content-Type': 'application/json', 'Idempotency-Key': str(uuid.uuid4())})
        c.request('POST', '/api/v1/cases', body, h)
        r = c.getresponse(); r.read()
        if r.status < 300:
            with lock:
                reported[0] += 1


def read():
    c = http.client.HTTPConnection(host, int(port))
    while time.time() < stop:
        for kind, q in (('district', '320819000000'), ('street', '320819001000')):
            t = time.perf_counter()
            c.request('GET', '/api/v1/command/figures?jurisdiction=' + q, headers=headers)
            r = c.getresponse(); r.read()
            if r.status == 200:
                with lock:
                    times[kind].append((time.perf_counter() - t) * 1000)


threads = [threading.Thread(target=report) for _ in range(reporters)] + \
          [threading.Thread(target=read) for _ in range(readers)]
for t in threads: t.start()
for t in threads: t.join()


def pct(v, p):
    v = sorted(v)
    return round(v[min(len(v) - 1, int(len(v) * p))], 1) if v else None


print(json.dumps({'reports': reported[0], **{k: {'n': len(v), 'p50': pct(v, .5), 'p95': pct(v, .95), 'p99': pct(v, .99)}
                                            for k, v in times.items()}}))
