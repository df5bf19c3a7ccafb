-- wrk script: post a comment as a different client each time (X-Forwarded-For from the
-- documentation prefix 2001:db8::/32 is only a header value; nothing is sent there).
local counter = 0
local article = os.getenv("BENCH_ARTICLE")
local token = os.getenv("BENCH_TOKEN")

-- Each run and thread gets its own id, so texts never repeat (the duplicate check would
-- refuse them) and no client meets its rate limit.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", (os.time() % 100000) * 10 + threads)
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"article": %s, "name": "Bench %d", "text": "Каментар %d-%d з нагрузачнага тэсту", "token": "%s"}',
    article, id, id, counter, token)
  local headers = {
    ["Content-Type"] = "application/json",
    ["Origin"] = "http://127.0.0.1:" .. os.getenv("BENCH_PORT"),
    ["X-Forwarded-For"] = string.format("2001:db8:%x:%x::1", id % 65536, counter % 65536),
  }
  return wrk.format("POST", "/api/comments/", headers, body)
end
