-- wrk script: POST /observability/v1/observe/ with a realistic 20-turn cekura body and a
-- unique call_id per request (thread id + counter), so every request is a new call.
-- `thread_id` is a global that setup() sets in each thread's Lua state (a local here
-- would shadow it and make every thread post the same call_ids).
local counter = 0
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

local key = os.getenv("CALLSCOPE_BENCH_KEY") or "bench-key"
local run = os.getenv("CALLSCOPE_BENCH_RUN") or "r"

local lines = {
  "Thanks for calling Pine Street Dental, this is Ava. How can I help you today?",
  "Hi, I'd like to move my cleaning appointment to later this week if possible.",
  "Of course. Can I have your full name and date of birth to find the booking?",
  "Sure, it's Jordan Miles, born March fourth, nineteen ninety.",
  "Thank you, Jordan. I see a cleaning on Tuesday at nine. Which day suits you better?",
  "Friday would be ideal, ideally in the morning before eleven.",
}

local function turns()
  local parts = {}
  local t = 0.4
  for i = 1, 20 do
    local role = (i % 2 == 1) and "Main Agent" or "Testing Agent"
    local text = lines[(i % #lines) + 1]
    local d = 2.0 + (i % 3)
    parts[#parts + 1] = string.format('{"role":"%s","content":"%s","start_time":%.2f,"end_time":%.2f}', role, text, t, t + d)
    t = t + d + 0.6
  end
  return "[" .. table.concat(parts, ",") .. "]"
end

local transcript = turns()

function request()
  counter = counter + 1
  local body = string.format(
    '{"call_id":"bench-%s-%d-%d","agent":42,"timestamp":"2026-11-20T10:00:00Z","call_ended_reason":"customer-ended-call",' ..
    '"customer_number":"+15550100","metadata":{"bench":true},"transcript_type":"cekura","transcript_json":%s}',
    run, thread_id or 0, counter, transcript)
  return wrk.format("POST", "/observability/v1/observe/", {
    ["Content-Type"] = "application/json",
    ["X-CEKURA-API-KEY"] = key,
  }, body)
end

function done(summary, latency, requests)
  local statuses = summary.errors
  io.write(string.format("RESULT requests=%d duration_s=%.2f rps=%.0f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, statuses.status,
    statuses.connect + statuses.read + statuses.write + statuses.timeout))
end
