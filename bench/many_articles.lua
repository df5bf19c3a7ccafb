-- wrk script: each request asks for the next of many pages (one path a line in the file
-- BENCH_PATHS_FILE), the threads taking turns, so no page is asked twice in a run while the
-- list lasts: every render is the page's first since the cache generation began.
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS_FILE")) do
  paths[#paths + 1] = line
end
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("offset", threads - 1)
end

local counter = 0

request = function()
  local index = (counter * 2 + offset) % #paths + 1
  counter = counter + 1
  return wrk.format("GET", paths[index])
end
