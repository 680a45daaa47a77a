-- Sliding expiry: the session lives its own TTL again from now; its user's index at least as long.
-- KEYS[1] the session hash   ARGV[1] user index key prefix
-- Returns the new expiresAt in ms, or nil when the session is gone.
local s = redis.call('HMGET', KEYS[1], 'ttl', 'userId')
if not s[1] then
  return false
end
local ttl = tonumber(s[1])
local t = redis.call('TIME')
local expiresAt = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + ttl
redis.call('HSET', KEYS[1], 'expiresAt', expiresAt)
redis.call('PEXPIRE', KEYS[1], ttl)
local index = ARGV[1] .. s[2]
if redis.call('PTTL', index) < ttl then
  redis.call('PEXPIRE', index, ttl)
end
return expiresAt
