-- deref.lua with every connection pausing between a response and its next request, so that the server is
-- measured at a given rate rather than flat out:
--   wrk -t2 -c16 -d30s -s bench/deref-paced.lua http://127.0.0.1:PORT -- PATHS_FILE ACCEPT|"" PAUSE_MS
dofile("bench/deref.lua")
local plain_init = init
local pause = 0

function init(args)
  plain_init(args)
  pause = tonumber(args[3] or "0")
end

function delay()
  return pause
end
