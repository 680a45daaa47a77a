-- Ends one session: the hash and its entry in the user's index.
-- KEYS[1] the session hash   ARGV[1] user index key prefix   ARGV[2] session id
-- Returns 1 when a session was ended, 0 when there was none.
local userId = redis.call('HGET', KEYS[1], 'userId')
if not userId then
  return 0
end
redis.call('DEL', KEYS[1])
redis.call('ZREM', ARGV[1] .. userId, ARGV[2])
return 1
