-- Token bucket: the bucket holds at most `limit` tokens and refills continuously at
-- limit/window; a call takes one token or is refused. Read, refill, take and write happen in this
-- one script, so concurrent callers on any number of instances never over-spend. Time comes from
-- Redis (TIME), so instances with skewed clocks still agree.
-- KEYS[1] the bucket (session:rl:<key>)   ARGV[1] limit   ARGV[2] window in ms
-- Returns {allowed 1|0, remaining whole tokens, ms until the bucket is full, ms until a token is there}.
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local rate = limit / window
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000

local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(b[1]) or limit
local ts = tonumber(b[2]) or now
tokens = math.min(limit, tokens + math.max(0, now - ts) * rate)

local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
local fullIn = math.ceil((limit - tokens) / rate)
local nextIn = 0
if tokens < 1 then
  nextIn = math.ceil((1 - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'ts', string.format('%.3f', now))
-- a full bucket is the same as no bucket: let the key go once it would be full again
redis.call('PEXPIRE', KEYS[1], math.max(1, fullIn))
return {allowed, math.floor(tokens), fullIn, nextIn}
