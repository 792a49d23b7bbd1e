-- Prints the latency percentiles wrk's --latency leaves out (p95 among them), in milliseconds.
-- The cookie of a signed-in browser session comes from the environment (bench/pages.sh sets it).
local cookie = os.getenv("WAYPOINT_COOKIE")

function request()
  return wrk.format("GET", nil, { ["Cookie"] = cookie }, nil)
end

function done(summary, latency, requests)
  io.write(string.format("requests: %d, non-2xx/3xx: %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
