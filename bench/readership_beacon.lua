-- wrk script: view beacons from ever new readers. Each request names its own forwarded
-- address (documentation prefix 2001:db8::/32, only a header value), so every beacon is a
-- distinct hashed reader and no client meets the per-client rate limit.
local counter = 0
local articles = {}
for id in string.gmatch(os.getenv("BENCH_ARTICLES"), "%d+") do
  table.insert(articles, id)
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", (os.time() % 100000) * 10 + threads)
end

request = function()
  counter = counter + 1
  local article = articles[(counter % #articles) + 1]
  local body = string.format('{"article": %s, "kind": "view"}', article)
  local headers = {
    ["Content-Type"] = "text/plain;charset=UTF-8",
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36",
    ["X-Forwarded-For"] = string.format("2001:db8:%x:%x::%x", id % 65536, math.floor(counter / 65536) % 65536, counter % 65536),
  }
  return wrk.format("POST", "/api/readership/beacon", headers, body)
end
