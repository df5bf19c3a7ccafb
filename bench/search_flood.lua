-- wrk script: search for random made-up words, so no answer can come from a cache; with
-- FLOOD_ASK=paths, ask for made-up article paths instead (each a 404 the app servers work out).
-- With FLOOD_ADDRESSES=many each request claims another client in X-Forwarded-For (an
-- address of the documentation prefix 2001:db8::/32, only a header value; nothing is sent
-- there), as a flood from thousands of addresses would; otherwise all come from one client.
local letters = "abcdefghijklmnopqrstuvwxyz"
local many = os.getenv("FLOOD_ADDRESSES") == "many"
local paths = os.getenv("FLOOD_ASK") == "paths"
local counter = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
  statuses = {}
end

local function word()
  local out = {}
  for _ = 1, math.random(3, 8) do
    local at = math.random(1, #letters)
    out[#out + 1] = letters:sub(at, at)
  end
  return table.concat(out)
end

request = function()
  counter = counter + 1
  local query = word()
  for _ = 2, math.random(1, 3) do
    query = query .. "+" .. word()
  end
  local headers = {}
  if many then
    headers["X-Forwarded-For"] = string.format("2001:db8:%x:%x::1", id, counter % 65536)
  end
  if paths then
    return wrk.format("GET", "/be/news/" .. (query:gsub("%+", "-")) .. "/", headers)
  end
  return wrk.format("GET", "/be/search/?q=" .. query, headers)
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  for status, count in pairs(total) do
    io.write(string.format("status %d %d\n", status, count))
  end
end
