-- A user's live sessions, newest first; index entries of expired sessions are pruned on the way.
-- KEYS[1] the user's index   ARGV[1] session key prefix
-- Returns a flat array: id, roles, createdAt ms, expiresAt ms, id, ...
local live = {}
for _, id in ipairs(redis.call('ZREVRANGE', KEYS[1], 0, -1)) do
  local s = redis.call('HMGET', ARGV[1] .. id, 'roles', 'createdAt', 'expiresAt')
  if s[2] then
    table.insert(live, id)
    table.insert(live, s[1] or '')
    table.insert(live, s[2])
    table.insert(live, s[3])
  else
    redis.call('ZREM', KEYS[1], id)
  end
end
return live
