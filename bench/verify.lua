-- wrk script of bench/verify.sh: cycles through the request paths of a file (one a line; none for
-- a fixed URL) and prints one machine-readable line at the end:
-- RESULT <requests> <non-2xx or socket errors> <req/s> <p50 ms> <p90 ms> <p99 ms> <max ms>
local paths = {}
local next_path = 0

function init(args)
  if args[1] then
    for line in io.lines(args[1]) do
      if line ~= "" then paths[#paths + 1] = line end
    end
  end
end

function request()
  if #paths == 0 then return wrk.format() end
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %.1f %.2f %.2f %.2f %.2f\n", summary.requests,
    e.status + e.connect + e.read + e.write + e.timeout, summary.requests / summary.duration * 1e6,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
