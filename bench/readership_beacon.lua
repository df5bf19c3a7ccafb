-- wrk script: view beacons from ever new readers, so every beacon is a distinct hashed
-- reader and no client meets the per-client rate limit.
local readers = dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "readers.lua")
local counter = 0
local articles = {}
for id in string.gmatch(os.getenv("BENCH_ARTICLES"), "%d+") do
  table.insert(articles, id)
end
setup = readers.setup

request = function()
  counter = counter + 1
  local article = articles[(counter % #articles) + 1]
  local body = string.format('{"article": %s, "kind": "view"}', article)
  local headers = {
    ["Content-Type"] = "text/plain;charset=UTF-8",
    ["User-Agent"] = readers.agent,
    -- What a browser says of a beacon from our page; beacons from elsewhere get a 403.
    ["Sec-Fetch-Site"] = "same-origin",
    ["X-Forwarded-For"] = readers.address(id, counter),
  }
  return wrk.format("POST", "/api/readership/beacon", headers, body)
end
