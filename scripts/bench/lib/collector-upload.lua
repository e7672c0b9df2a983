-- collector-upload.lua: wrk script for scripts/bench/collector-load.sh. Every request POSTs a
-- distinct snapshot (schema v1): the template's @@SID@@ becomes a fresh snapshotId and @@MID@@ a
-- machineId, both built from the run tag, the wrk thread and a per-thread counter, so that no two
-- requests of any run share an id and the collector really inserts each one.
--
--   wrk -s collector-upload.lua URL -- TEMPLATE TAG TOKEN ACKED_PREFIX [RATE]
--
-- TEMPLATE: the snapshot with @@SID@@ and @@MID@@ in place of its ids; TAG: 8 hex digits, one per
-- wrk run; TOKEN: the upload token ("-" for none); ACKED_PREFIX: each thread writes the snapshotId
-- of every 201 answer (read from the answer's JSON) to ACKED_PREFIX.<thread>, so the script can
-- check afterwards that every acknowledged snapshot is in the store. RATE (uploads per second for
-- this wrk thread; absent or 0: closed loop, each connection sends again as soon as it is answered)
-- paces the thread's requests on a monotonic clock, one every 1000/RATE ms across its connections,
-- as agents that upload on a schedule do; a slot missed because every connection was busy is
-- dropped, not made up in a burst (the achieved rate is in the RESULT line).
-- done() prints one line "RESULT key=value ..." (latencies in microseconds).

local threads = {}

function setup(thread)
  -- thread:set makes "tid" a global of that thread's Lua state, read in init().
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

local ffi = require("ffi")
ffi.cdef([[
typedef struct { long tv_sec; long tv_nsec; } hatang_timespec;
int clock_gettime(int clk_id, hatang_timespec *tp);
]])
local clock = ffi.new("hatang_timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local head, middle, tail, tag, acked, interval_ms, next_ms
sent = 0
codes = {}

function init(args)
  local f = assert(io.open(args[1], "rb"))
  local text = f:read("*a")
  f:close()
  local s = assert(text:find("@@SID@@", 1, true), "no @@SID@@ in the template")
  local m = assert(text:find("@@MID@@", 1, true), "no @@MID@@ in the template")
  assert(s < m, "@@SID@@ must come before @@MID@@")
  head = text:sub(1, s - 1)
  middle = text:sub(s + 7, m - 1)
  tail = text:sub(m + 7)
  tag = args[2]
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  if args[3] ~= "-" then
    wrk.headers["Authorization"] = "Bearer " .. args[3]
  end
  local rate = tonumber(args[5] or "0") or 0
  if rate > 0 then
    interval_ms = 1000 / rate
  end
  acked = assert(io.open(args[4] .. "." .. tid, "w"))
  -- wrk exits without closing the threads' Lua states: unflushed lines would be lost.
  acked:setvbuf("line")
end

function delay()
  if not interval_ms then
    return 0
  end
  local now = now_ms()
  if not next_ms or next_ms < now then
    next_ms = now
  end
  local wait = next_ms - now
  next_ms = next_ms + interval_ms
  return math.floor(wait + 0.5)
end

function request()
  sent = sent + 1
  -- 8-4-4-4-12 hex: TAG-thread-4000-8000-counter (version and variant nibbles as a v4 UUID's).
  local id = string.format("%s-%04x-4000-8000-%012x", tag, tid, sent)
  local machine = string.format("%s%04x%020x", tag, tid, sent)
  return wrk.format(nil, nil, nil, head .. id .. middle .. machine .. tail)
end

function response(status, headers, body)
  codes[status] = (codes[status] or 0) + 1
  if status == 201 then
    local id = body:match('"snapshotId":"([^"]+)"')
    if id then
      acked:write(id, "\n")
    end
  end
end

function done(summary, latency, requests)
  local total_sent, by_code = 0, {}
  for _, t in ipairs(threads) do
    total_sent = total_sent + t:get("sent")
    for code, n in pairs(t:get("codes")) do
      by_code[code] = (by_code[code] or 0) + n
    end
  end
  local answered, c2xx, list = 0, 0, {}
  for code, n in pairs(by_code) do
    answered = answered + n
    if code >= 200 and code < 300 then
      c2xx = c2xx + n
    end
    table.insert(list, code .. ":" .. n)
  end
  table.sort(list)
  local e = summary.errors
  io.write(string.format(
    "RESULT duration_us=%d requests=%d sent=%d answered=%d c201=%d c200=%d non2xx=%d"
      .. " codes=%s rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d"
      .. " err_connect=%d err_read=%d err_write=%d err_timeout=%d\n",
    summary.duration, summary.requests, total_sent, answered, by_code[201] or 0,
    by_code[200] or 0, answered - c2xx, table.concat(list, ","),
    summary.requests / summary.duration * 1e6, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.timeout))
end
