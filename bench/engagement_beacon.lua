-- wrk script: leaving beacons (engaged seconds, scroll depth, referrer) from ever new
-- readers, so no client meets the per-client rate limit. Each carries the page's token;
-- every seventh names its referrer as a whole URL holding a secret, which must be reduced
-- to its domain.
local readers = dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "readers.lua")
local counter = 0
local pages = {}
for id, token in string.gmatch(os.getenv("BENCH_PAGES"), "(%d+):(%x+)") do
  table.insert(pages, { id = id, token = token })
end
local referrers = { "t.me", "www.google.com", "", "news.google.com", "l.facebook.com",
  "android-app://org.telegram.messenger", "https://mail.example.com/inbox?token=SECRET" }
setup = readers.setup

request = function()
  counter = counter + 1
  local page = pages[(counter % #pages) + 1]
  local body = string.format(
    '{"article": %s, "token": "%s", "seconds": %d, "scroll": %d, "referrer": "%s"}',
    page.id, page.token, (counter * 7) % 700, (counter % 5) * 25,
    referrers[(counter % #referrers) + 1])
  local headers = {
    ["Content-Type"] = "text/plain;charset=UTF-8",
    ["User-Agent"] = readers.agent,
    ["Sec-Fetch-Site"] = "same-origin",
    -- Limits hold per /64: each beacon comes from another /64 of the documentation prefix.
    ["X-Forwarded-For"] = string.format("2001:db8:%x:%x::1", id % 65536, counter % 65536),
  }
  return wrk.format("POST", "/api/readership/leave", headers, body)
end
