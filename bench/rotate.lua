-- wrk script: GET the paths listed in the file $BENCH_PATHS in turn (each thread from its own
-- offset), accepting gzip as every browser does, and print one summary line that
-- bench/site.py reads.
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  paths[#paths + 1] = line
end
local index = 0

setup = function(thread)
  thread:set("offset", math.random(#paths))
end

init = function(args)
  index = offset or 0
end

request = function()
  index = index % #paths + 1
  return wrk.format("GET", paths[index], { ["Accept-Encoding"] = "gzip, deflate, br" })
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d non2xx=%d failed=%d micros=%d p50=%d p95=%d p99=%d\n",
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
