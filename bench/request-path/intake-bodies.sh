# Sourced by run.sh, profile.sh and pages-ab.sh: intake_bodies OUT [DESCRIPTION] writes OUT/intake.bodies, 1,000
# report bodies for POST /api/v1/cases (post.lua), each a routable category and a grid of the demo district, chosen
# with a fixed seed. Uses the caller's Q (psql on the bench schema).
intake_bodies() {
  local out=$1 description=${2:-请求路径基准上报}
  Q "SELECT c.code FROM case_category c WHERE c.major_code IS NOT NULL AND c.active
     AND EXISTS (SELECT 1 FROM case_routing_rule r WHERE r.category_code IN (c.code, c.major_code)) ORDER BY c.code" > "$out/categories.txt"
  Q "SELECT code FROM jurisdiction WHERE level = 'GRID' ORDER BY code" > "$out/grids.txt"
  python3 - "$out/categories.txt" "$out/grids.txt" "$description" > "$out/intake.bodies" <<'PY'
import json, random, sys
random.seed(20261206)
cats = open(sys.argv[1]).read().split(); grids = open(sys.argv[2]).read().split()
for n in range(1000):
    print(json.dumps({"categoryCode": random.choice(cats), "description": "%s %d" % (sys.argv[3], n),
                      "jurisdictionCode": random.choice(grids)}, ensure_ascii=False))
PY
}
