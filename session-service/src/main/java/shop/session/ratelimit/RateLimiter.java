package shop.session.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import shop.kit.redis.LuaScript;
import shop.kit.redis.RedisAnswers;

/**
 * Token buckets in Redis ({@code session:rl:<key>}, a hash of tokens and last refill time),
 * consumed by one Lua script per call: atomic across threads and instances. See
 * {@code lua/rate-limit-consume.lua} and the README for why a token bucket. Non-blocking: the
 * gateway asks on every request, and one script has nothing to wait for in between, so a call is
 * sent and answered on the event loop without taking a worker thread.
 */
@ApplicationScoped
public class RateLimiter {

    static final String PREFIX = "session:rl:";
    private static final LuaScript CONSUME = LuaScript.named("rate-limit-consume");

    private final ReactiveRedisDataSource redis;
    private final Duration timeout;

    public RateLimiter(ReactiveRedisDataSource redis, @ConfigProperty(name = "quarkus.redis.timeout") Duration timeout) {
        this.redis = redis;
        this.timeout = timeout;
    }

    /** The verdict; a Redis that does not answer within {@code quarkus.redis.timeout} is 503, never an allowance. */
    public Uni<Decision> consume(String key, long limit, long windowSeconds) {
        Instant asked = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return RedisAnswers.bounded(CONSUME.run(redis, List.of(PREFIX + key),
                List.of(Long.toString(limit), Long.toString(windowSeconds * 1000))), timeout).map(r -> {
                    boolean allowed = r.get(0).toLong() == 1;
                    long fullInMillis = r.get(2).toLong();
                    long nextInMillis = r.get(3).toLong();
                    return new Decision(allowed, r.get(1).toLong(), asked.plusMillis(fullInMillis),
                            allowed ? 0 : Math.max(1, (nextInMillis + 999) / 1000));
                });
    }
}
