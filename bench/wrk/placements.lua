-- wrk script: authenticated forecast placements, as the web app sends them.
--   wrk -t2 -c32 -d15s -s bench/wrk/placements.lua http://127.0.0.1:18080/api/v1/forecasts -- TOKENS MARKETS NAME
-- TOKENS: "user_id jwt" per line (LoadGen.java --print-jwts). MARKETS: "market_id,outcome_id,outcome_id" per
-- line; a market is picked at random per request, and a user always backs the same outcome of a market
-- (by user index), so top-ups never try to switch sides. Every request carries a fresh Idempotency-Key.
-- Prints one JSON line (throughput, errors, latency percentiles) at the end.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local function lines(path)
  local t = {}
  for line in io.lines(path) do
    if #line > 0 then table.insert(t, line) end
  end
  return t
end

local function split(s, sep)
  local t = {}
  for part in string.gmatch(s, "([^" .. sep .. "]+)") do table.insert(t, part) end
  return t
end

local users, markets, n, errors, statuses

function init(args)
  users = {}
  for _, line in ipairs(lines(args[1])) do
    local f = split(line, " ")
    table.insert(users, { id = f[1], token = f[2] })
  end
  markets = {}
  for _, line in ipairs(lines(args[2])) do table.insert(markets, split(line, ",")) end
  name = args[3] or "placements"
  math.randomseed(os.time() * 1000 + id)
  n = id          -- this thread's requests: users id, id + T, id + 2T, ... (T = thread count, set below)
  errors = 0
  statuses = {}
end

local step = 2

function request()
  local u = (n % #users) + 1
  n = n + step
  local user = users[u]
  local m = markets[math.random(#markets)]
  local outcome = m[2 + ((u - 1) % (#m - 1))]
  local body = '{"market_id":"' .. m[1] .. '","outcome_id":"' .. outcome .. '","points":1}'
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. user.token,
    ["Idempotency-Key"] = string.format("wrk-%d-%d-%d", id, n, math.random(1, 2147483647)),
  }
  return wrk.format("POST", nil, headers, body)
end

function response(status, headers, body)
  if status < 200 or status >= 300 then
    errors = errors + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
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
