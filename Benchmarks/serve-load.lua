-- wrk script for Benchmarks/serve-bench: POST /v1/decisions with the
-- shared bench workload's cases, one JSON line each, cycling through them.
--   GAVEL_BENCH_CASES   path of cases.jsonl (required)
--   GAVEL_BENCH_TOKEN   bearer token
--   GAVEL_BENCH_DELAY   milliseconds each connection waits between requests (0: none); a
--                       fraction is kept on average (wrk's timer counts whole milliseconds)
--   GAVEL_BENCH_OFFSET  where in the cases this wrk starts (so two wrk processes send different cases)
local cases = {}
local token = os.getenv("GAVEL_BENCH_TOKEN")
local pause = tonumber(os.getenv("GAVEL_BENCH_DELAY") or "0")
local offset = tonumber(os.getenv("GAVEL_BENCH_OFFSET") or "0")
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    for line in io.lines(os.getenv("GAVEL_BENCH_CASES")) do
        cases[#cases + 1] = line
    end
    position = offset
    acknowledged = 0
    refused = 0
    headers = { ["Content-Type"] = "application/json" }
    if token then headers["Authorization"] = "Bearer " .. token end
end

function request()
    position = position + 1
    return wrk.format("POST", "/v1/decisions", headers, cases[position % #cases + 1])
end

function delay()
    local whole = math.floor(pause)
    if math.random() < pause - whole then return whole + 1 end
    return whole
end

function response(status, headers, body)
    if status == 200 then acknowledged = acknowledged + 1 else refused = refused + 1 end
end

function done(summary, latency, requests)
    local ok, bad = 0, 0
    for _, thread in ipairs(threads) do
        ok = ok + thread:get("acknowledged")
        bad = bad + thread:get("refused")
    end
    io.write(string.format("RESULT requests=%d acknowledged=%d refused=%d errors=%d seconds=%.3f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f\n",
        summary.requests, ok, bad, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
        summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
