-- wrk script: authenticated GETs of one path; with a MARKETS file, "MARKET" in the path is a random market id.
--   wrk -t2 -c32 -d15s -s bench/wrk/get.lua http://127.0.0.1:18080/api/v1/markets/MARKET -- TOKENS [MARKETS] NAME
-- Prints one JSON line (throughput, errors, latency percentiles) at the end.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local tokens, markets, n, errors

function init(args)
  tokens = {}
  for line in io.lines(args[1]) do
    local token = string.match(line, "^%S+ (%S+)$")
    if token then table.insert(tokens, token) end
  end
  markets = {}
  if args[2] and args[2] ~= "-" then
    for line in io.lines(args[2]) do
      local m = string.match(line, "^([^,]+)")
      if m then table.insert(markets, m) end
    end
  end
  name = args[3] or "get"
  math.randomseed(os.time() * 1000 + id)
  n = id
  errors = 0
end

function request()
  n = n + 1
  local path = wrk.path
  if #markets > 0 then path = string.gsub(path, "MARKET", markets[math.random(#markets)]) end
  local headers = { ["Authorization"] = "Bearer " .. tokens[(n % #tokens) + 1] }
  return wrk.format("GET", path, headers)
end

function response(status, headers, body)
  if status < 200 or status >= 300 then errors = errors + 1 end
end

function done(summary, latency, requests)
  local errs = 0
  for _, t in ipairs(threads) do errs = errs + (t:get("errors") or 0) end
  errs = errs + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local seconds = summary.duration / 1e6
  local name = threads[1] and threads[1]:get("name") or "wrk" -- set by init() in each thread's state
  io.write(string.format(
    '{"name":"%s","tool":"wrk","requests":%d,"seconds":%.2f,"throughput":%.1f,"errors":%d,' ..
    '"p50_ms":%.2f,"p95_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f}\n',
    name, summary.requests, seconds, summary.requests / seconds, errs,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
