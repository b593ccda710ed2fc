-- POST the bodies of the file named by the environment variable BODIES (one JSON per line) in turn; with
-- IDEMPOTENT=1 every request carries a new Idempotency-Key (thread prefix + counter), so each one files a new case.
local bodies = {}
for line in io.lines(os.getenv("BODIES")) do bodies[#bodies + 1] = line end
local path = os.getenv("TARGET_PATH")
local idempotent = os.getenv("IDEMPOTENT") == "1"
local counter = 0
prefix = "t" -- replaced per thread by setup()
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("prefix", string.format("%d-%d-", os.time(), threads))
end

function request()
  counter = counter + 1
  local headers = {} -- wrk.format takes these instead of wrk.headers (the -H options): copy those first
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Content-Type"] = "application/json"
  if idempotent then headers["Idempotency-Key"] = prefix .. counter end
  return wrk.format("POST", path, headers, bodies[(counter % #bodies) + 1])
end
