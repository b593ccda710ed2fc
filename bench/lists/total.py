#!/usr/bin/env python3
"""Prints the total a paged answer reports (PagedModel page.totalElements, or the estimate's "about N" as ~N)."""
import json, sys
try:
    d = json.load(open(sys.argv[1]))
except Exception:
    print("?"); sys.exit(0)
page = d.get("page") or {}
if d.get("totalEstimated") or page.get("totalEstimated"):
    print("~%s" % (page.get("totalElements", d.get("total", "?"))))
else:
    print(page.get("totalElements", d.get("total", "?")))
