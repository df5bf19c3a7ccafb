-- Shared by the wrk scripts that play a crowd: each request comes from another reader, a
-- forwarded address of the documentation prefix 2001:db8::/32 (only a header value; nothing
-- is sent there), so no reader meets the per-client rate limit. Load it with
--   local readers = dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "readers.lua")
local readers = {threads = {}}

readers.agent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"

-- Each run and thread gets its own id, so what a script builds from it never repeats
-- across runs (the comment duplicate check would refuse a repeated text).
function readers.setup(thread)
  table.insert(readers.threads, thread)
  thread:set("id", (os.time() % 100000) * 10 + #readers.threads)
end

-- The app counts an IPv6 client by its /64 network, so the reader number goes in the 32
-- bits between the prefix and the interface: the thread's id (8 bits) and the request's
-- counter (24 bits, 16 million readers a thread before one comes back).
function readers.address(id, counter)
  return string.format(
    "2001:db8:%x:%x::1",
    (id % 256) * 256 + math.floor(counter / 65536) % 256, counter % 65536)
end

return readers
