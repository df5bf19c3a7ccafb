-- wrk script: the URL on the command line asked by ever new readers, so a breaking-news
-- crowd is measured, not one client meeting its own rate limit.
local readers = dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "readers.lua")
local counter = 0
setup = readers.setup

request = function()
  counter = counter + 1
  local headers = {
    ["User-Agent"] = readers.agent,
    ["X-Forwarded-For"] = readers.address(id, counter),
  }
  return wrk.format("GET", nil, headers)
end
