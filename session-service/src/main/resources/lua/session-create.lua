-- Creates a session, adds it to its user's index and ends the user's oldest sessions beyond the
-- cap, atomically (one script: no caller ever sees the index over the cap or a half-made session).
-- KEYS[1] the session hash (session:s:<sha256(token)>)   KEYS[2] the user's index (session:u:<userId>)
-- ARGV[1] session id (= the token's hash)  ARGV[2] userId  ARGV[3] roles, comma-separated
-- ARGV[4] data as JSON  ARGV[5] ttl in ms  ARGV[6] sessions allowed per user  ARGV[7] session key prefix
-- Returns {createdAt ms, expiresAt ms, sessions ended}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[5])
local expiresAt = now + ttl

redis.call('HSET', KEYS[1], 'userId', ARGV[2], 'roles', ARGV[3], 'data', ARGV[4],
    'ttl', ttl, 'createdAt', now, 'expiresAt', expiresAt)
redis.call('PEXPIRE', KEYS[1], ttl)

-- lazy pruning: an index entry whose session has expired is dropped, so it neither counts nor lists
for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  if redis.call('EXISTS', ARGV[7] .. id) == 0 then
    redis.call('ZREM', KEYS[2], id)
  end
end

-- score = creation time in microseconds, strictly increasing per user, so "oldest" is exact
local score = tonumber(t[1]) * 1000000 + tonumber(t[2])
local newest = redis.call('ZRANGE', KEYS[2], -1, -1, 'WITHSCORES')
if newest[2] and tonumber(newest[2]) >= score then
  score = tonumber(newest[2]) + 1
end
redis.call('ZADD', KEYS[2], score, ARGV[1])

local ended = 0
local excess = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[6])
if excess > 0 then
  for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, excess - 1)) do
    redis.call('DEL', ARGV[7] .. id)
    ended = ended + 1
  end
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, excess - 1)
end

-- the index lives at least as long as the longest-lived of its sessions
if redis.call('PTTL', KEYS[2]) < ttl then
  redis.call('PEXPIRE', KEYS[2], ttl)
end
return {now, expiresAt, ended}
