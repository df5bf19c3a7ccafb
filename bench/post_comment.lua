-- wrk script: post a comment as a different reader each time, with a text never sent before.
local readers = dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "readers.lua")
local counter = 0
local article = os.getenv("BENCH_ARTICLE")
local token = os.getenv("BENCH_TOKEN")
setup = readers.setup

request = function()
  counter = counter + 1
  local body = string.format(
    '{"article": %s, "name": "Bench %d", "text": "Каментар %d-%d з нагрузачнага тэсту", "token": "%s"}',
    article, id, id, counter, token)
  local headers = {
    ["Content-Type"] = "application/json",
    ["Origin"] = "http://127.0.0.1:" .. os.getenv("BENCH_PORT"),
    ["X-Forwarded-For"] = readers.address(id, counter),
  }
  return wrk.format("POST", "/api/comments/", headers, body)
end

-- Answers by status (a refusal is a 429 or 503 from nginx or the app), as search_flood.lua.
function init(args)
  statuses = {}
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(readers.threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  for status, count in pairs(total) do
    io.write(string.format("status %d %d\n", status, count))
  end
end
