package shop.leaderboard.board;

import shop.kit.redis.LuaScript;

/**
 * The Lua scripts: each write is one script, so it is atomic with respect to every other
 * command. KEYS are always {@code ranking, members, sequence} of one {@link BoardKey}.
 */
final class LeaderboardScripts {

    /**
     * Sets (ARGV[3] = "set") or adds to (ARGV[3] = "add") a user's score.
     * ARGV: userId, value, mode, max |score|, expire-at epoch seconds (0 = never), max sequence.
     * Returns {score, zero-based rank}, or {"OUT_OF_RANGE", current score} changing nothing.
     * An unchanged score keeps its member, so the user keeps the moment they reached it.
     */
    static final LuaScript WRITE = LuaScript.of("write", """
            local ranking, members, sequence = KEYS[1], KEYS[2], KEYS[3]
            local user, value, mode = ARGV[1], tonumber(ARGV[2]), ARGV[3]
            local maxAbs, expireAt, maxSeq = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
            local member = redis.call('HGET', members, user)
            local current = nil
            if member then
              local stored = redis.call('ZSCORE', ranking, member)
              if stored then current = tonumber(stored) else member = false end
            end
            local score = value
            if mode == 'add' then score = (current or 0) + value end
            if math.abs(score) > maxAbs then
              return {'OUT_OF_RANGE', string.format('%.0f', current or 0)}
            end
            if member and score ~= current then
              redis.call('ZREM', ranking, member)
              member = false
            end
            if not member then
              local seq = redis.call('INCR', sequence)
              if seq > maxSeq then return redis.error_reply('ERR tie-break sequence exhausted for ' .. ranking) end
              member = string.format('%015.0f', maxSeq - seq) .. user
              redis.call('ZADD', ranking, string.format('%.0f', score), member)
              redis.call('HSET', members, user, member)
            end
            if expireAt > 0 then
              redis.call('EXPIREAT', ranking, expireAt)
              redis.call('EXPIREAT', members, expireAt)
              redis.call('EXPIREAT', sequence, expireAt)
            end
            return {string.format('%.0f', score), redis.call('ZREVRANK', ranking, member)}
            """);

    /** ARGV: userId. Returns {zero-based rank, score}, or nil when the user is not on the board. */
    static final LuaScript STANDING = LuaScript.of("standing", """
            local member = redis.call('HGET', KEYS[2], ARGV[1])
            if not member then return false end
            local rank = redis.call('ZREVRANK', KEYS[1], member)
            if not rank then return false end
            return {rank, redis.call('ZSCORE', KEYS[1], member)}
            """);

    /**
     * ARGV: userId, radius. Returns {zero-based rank of the first entry, {member, score, ...}},
     * or nil when the user is not on the board.
     */
    static final LuaScript AROUND = LuaScript.of("around", """
            local member = redis.call('HGET', KEYS[2], ARGV[1])
            if not member then return false end
            local rank = redis.call('ZREVRANK', KEYS[1], member)
            if not rank then return false end
            local radius = tonumber(ARGV[2])
            local from = rank - radius
            if from < 0 then from = 0 end
            return {from, redis.call('ZREVRANGE', KEYS[1], from, rank + radius, 'WITHSCORES')}
            """);

    private LeaderboardScripts() {
    }
}
