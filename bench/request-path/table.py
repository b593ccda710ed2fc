"""Prints bench/request-path's result table (Markdown) from lines.tsv: each line's rate, p99 and its ratio to its goal's
ceiling measured in the same run (the bare Boot app, pgbench, or the in-process verify rate)."""
import sys

path, load_start, load_end, connections, warmup, duration = sys.argv[1:7]
lines = {}
for row in open(path):
    name, fields = row.rstrip("\n").split("\t")
    lines[name] = dict(f.split("=") for f in fields.split())

def rps(name):
    return float(lines[name]["rps"]) if name in lines else None

ceiling = rps("ceiling")
goals = [  # line, what it is, ceiling line, goal ratio
    ("liveness", "`GET /actuator/health/liveness`, no login", "ceiling", 0.60),
    ("me", "`GET /api/v1/me`, bearer token", "ceiling", 0.50),
    ("verify-ES256", "`POST /api/v1/passes/verify` ES256, token", "inprocess-ES256", 0.60),
    ("verify-SM2_SM3", "`POST /api/v1/passes/verify` SM2, token", "inprocess-SM2_SM3", 0.60),
    ("intake", "`POST /api/v1/cases`, token, new Idempotency-Key each", "pgbench", 0.25),
    ("case-list", "`GET /cases` (page), session cookie", "ceiling", 0.15),
    ("case-page", "`GET /cases/{id}` (page), session cookie", "ceiling", 0.15),
]
print("wrk -t2 -c%s, keep-alive, %s s warm-up then %s s measured per line; load average %s at the start, %s at the end"
      % (connections, warmup, duration, load_start, load_end))
print()
print("| request | requests/s | p99 ms | non-2xx | ceiling | of the ceiling | goal | met |")
print("| --- | ---: | ---: | ---: | --- | ---: | ---: | :-: |")
if ceiling:
    c = lines["ceiling"]
    print("| bare Spring Boot app, `GET /ping` (bench/ceiling) | %s | %s | %s | — | 100 %% | — | |"
          % (format(round(ceiling), ","), c["p99_ms"], c["non2xx"]))
for name, label, base, goal in goals:
    if name not in lines:
        continue
    line, ref = lines[name], rps(base)
    ratio = rps(name) / ref if ref else None
    ref_label = {"ceiling": "bare Boot app", "pgbench": "pgbench 1-row insert"}.get(base, "in-process verify, 2 threads")
    print("| %s | %s | %s | %s | %s (%s/s) | %s | %d %% | %s |" % (
        label, format(round(rps(name)), ","), line.get("p99_ms", "—"), line.get("non2xx", "—"), ref_label,
        format(round(ref), ",") if ref else "?", "%.1f %%" % (100 * ratio) if ratio else "?", round(100 * goal),
        "yes" if ratio and ratio >= goal else "no"))
