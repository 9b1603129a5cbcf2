-- wrk script: GET a random path from a file on every request (URIs sampled across the whole graph), with an
-- optional Accept header (and Accept-Encoding, from the environment's BENCH_ACCEPT_ENCODING); prints one
-- machine-readable RESULT line at the end, with the bytes received per response (headers included).
--   wrk -t2 -c16 -d30s -s bench/deref.lua http://127.0.0.1:PORT -- PATHS_FILE [ACCEPT]
local paths = {}
local accept = nil
local encoding = os.getenv("BENCH_ACCEPT_ENCODING")

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  accept = args[2]
  if accept == "" then accept = nil end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

function request()
  local headers = {}
  if accept then headers["Accept"] = accept end
  if encoding and encoding ~= "" then headers["Accept-Encoding"] = encoding end
  return wrk.format("GET", paths[math.random(#paths)], headers)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d status_errors=%d"
    .. " timeouts=%d bytes_per_response=%d\n", summary.requests, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.connect + e.read + e.write + e.timeout, e.status, e.timeout,
    summary.requests > 0 and math.floor(summary.bytes / summary.requests) or 0))
end
