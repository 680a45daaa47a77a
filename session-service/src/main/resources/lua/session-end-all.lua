-- Logout everywhere: every session of the user, then the index.
-- KEYS[1] the user's index   ARGV[1] session key prefix
-- Returns how many live sessions were ended.
local ended = 0
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  ended = ended + redis.call('DEL', ARGV[1] .. id)
end
redis.call('DEL', KEYS[1])
return ended
