#!/usr/bin/env python3
"""The result table of bench/lists/run.sh: median and p95 (nearest rank) per database and URL, in ms."""
import math, sys
load_start, load_end, commit, residents, runs = sys.argv[1:6]
rows = {}
order = []
for path in sys.argv[6:]:
    for line in open(path):
        db, name, t, total = line.rstrip("\n").split("\t")
        key = (db, name)
        if key not in rows:
            rows[key] = {"t": [], "total": total}
            order.append(key)
        rows[key]["t"].append(float(t) * 1000)
def pct(values, p):
    v = sorted(values)
    return v[max(0, math.ceil(p / 100 * len(v)) - 1)]
print("commit %s, %s residents, %s timed requests per URL, load average at start %s, at end %s"
      % (commit, residents, runs, load_start, load_end))
print()
print("| db | list or search | median ms | p95 ms | total answered |")
print("| --- | --- | ---: | ---: | ---: |")
for key in order:
    r = rows[key]
    print("| %s | %s | %.0f | %.0f | %s |" % (key[0], key[1], pct(r["t"], 50), pct(r["t"], 95), r["total"]))
