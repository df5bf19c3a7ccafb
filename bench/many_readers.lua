-- wrk script: the URL on the command line asked by ever new readers. Each request names its
-- own forwarded address (documentation prefix 2001:db8::/32, only a header value), so a
-- breaking-news crowd is measured, not one client meeting its own rate limit.
local counter = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", (os.time() % 100000) * 10 + threads)
end

request = function()
  counter = counter + 1
  local headers = {
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36",
    ["X-Forwarded-For"] = string.format("2001:db8:%x:%x::%x", id % 65536, math.floor(counter / 65536) % 65536, counter % 65536),
  }
  return wrk.format("GET", nil, headers)
end
