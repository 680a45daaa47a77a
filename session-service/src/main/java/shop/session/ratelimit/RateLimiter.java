package shop.session.ratelimit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.redis.client.Response;
import shop.session.redis.LuaScript;
import shop.session.redis.Scripts;

/**
 * Token buckets in Redis ({@code session:rl:<key>}, a hash of tokens and last refill time),
 * consumed by one Lua script per call: atomic across threads and instances. See
 * {@code lua/rate-limit-consume.lua} and the README for why a token bucket.
 */
@ApplicationScoped
public class RateLimiter {

    static final String PREFIX = "session:rl:";
    private static final LuaScript CONSUME = LuaScript.named("rate-limit-consume");

    private final Scripts scripts;

    public RateLimiter(Scripts scripts) {
        this.scripts = scripts;
    }

    public Decision consume(String key, long limit, long windowSeconds) {
        Instant asked = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Response r = scripts.run(CONSUME, List.of(PREFIX + key),
                List.of(Long.toString(limit), Long.toString(windowSeconds * 1000)));
        boolean allowed = r.get(0).toLong() == 1;
        long fullInMillis = r.get(2).toLong();
        long nextInMillis = r.get(3).toLong();
        return new Decision(allowed, r.get(1).toLong(), asked.plusMillis(fullInMillis),
                allowed ? 0 : Math.max(1, (nextInMillis + 999) / 1000));
    }
}
