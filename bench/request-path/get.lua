-- GET the target with one of the session cookies of the file named by COOKIES (one "SESSION=..." per line), in turn:
-- each logged-in user has a session of their own, so requests at once rarely share one (a shared session serialises
-- on its row's last-access update, which no real user would meet).
local cookies = {}
for line in io.lines(os.getenv("COOKIES")) do cookies[#cookies + 1] = line end
local counter = 0

function request()
  counter = counter + 1
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Cookie"] = cookies[(counter % #cookies) + 1]
  return wrk.format("GET", nil, headers)
end
