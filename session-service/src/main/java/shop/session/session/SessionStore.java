package shop.session.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import shop.kit.redis.LuaScript;
import shop.kit.redis.RedisAnswers;

/**
 * Sessions in Redis. Key layout:
 * <ul>
 * <li>{@code session:s:<sha256(token)>}: hash {@code userId, roles, data, ttl, createdAt,
 * expiresAt}, with a Redis TTL: an expired session is simply gone;</li>
 * <li>{@code session:u:<userId>}: sorted set of the user's session ids by creation time, expiring
 * no earlier than the user's longest-lived session; entries of expired sessions are pruned
 * lazily (on create and list).</li>
 * </ul>
 * Each multi-step change is one Lua script (service-kit's {@link LuaScript}: EVALSHA, EVAL once
 * when Redis does not know it yet). The session rules read top to bottom, checks between the
 * steps, so they run on a worker thread and wait here for each answer, at most
 * {@code quarkus.redis.timeout}: a Redis that does not answer is 503, never an answer.
 */
@ApplicationScoped
public class SessionStore {

    static final String SESSION_PREFIX = "session:s:";
    static final String USER_PREFIX = "session:u:";

    private static final LuaScript CREATE = LuaScript.named("session-create");
    private static final LuaScript TOUCH = LuaScript.named("session-touch");
    private static final LuaScript END = LuaScript.named("session-end");
    private static final LuaScript LIST = LuaScript.named("session-list");
    private static final LuaScript END_ALL = LuaScript.named("session-end-all");

    private final ReactiveRedisDataSource redis;
    private final ReactiveHashCommands<String, String, String> hashes;
    private final Duration timeout;

    public SessionStore(ReactiveRedisDataSource redis,
            @ConfigProperty(name = "quarkus.redis.timeout") Duration timeout) {
        this.redis = redis;
        this.hashes = redis.hash(String.class);
        this.timeout = timeout;
    }

    /** A stored session's fields, as written by the create script. */
    record Stored(String userId, String roles, String data, long createdAt, long expiresAt) {
    }

    record Created(Instant createdAt, Instant expiresAt, long ended) {
    }

    Created create(String id, String userId, String roles, String dataJson, long ttlMillis, int maxPerUser) {
        Response r = run(CREATE, List.of(SESSION_PREFIX + id, USER_PREFIX + userId), List.of(id, userId,
                roles, dataJson, Long.toString(ttlMillis), Integer.toString(maxPerUser), SESSION_PREFIX));
        return new Created(Instant.ofEpochMilli(r.get(0).toLong()), Instant.ofEpochMilli(r.get(1).toLong()),
                r.get(2).toLong());
    }

    Optional<Stored> find(String id) {
        Map<String, String> s = answer(hashes.hgetall(SESSION_PREFIX + id));
        if (s == null || s.get("userId") == null) {
            return Optional.empty();
        }
        return Optional.of(new Stored(s.get("userId"), s.get("roles"), s.get("data"),
                Long.parseLong(s.get("createdAt")), Long.parseLong(s.get("expiresAt"))));
    }

    /** The hot path of every signed-in request: exactly one round trip (HMGET). */
    Optional<Identity> identity(String id) {
        Map<String, String> s = answer(hashes.hmget(SESSION_PREFIX + id, "userId", "roles"));
        String userId = s.get("userId");
        return userId == null ? Optional.empty() : Optional.of(new Identity(userId, Roles.parse(s.get("roles"))));
    }

    Optional<String> ownerOf(String id) {
        return Optional.ofNullable(answer(hashes.hget(SESSION_PREFIX + id, "userId")));
    }

    Optional<Instant> touch(String id) {
        Response r = run(TOUCH, List.of(SESSION_PREFIX + id), List.of(USER_PREFIX));
        return r == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(r.toLong()));
    }

    boolean end(String id) {
        return run(END, List.of(SESSION_PREFIX + id), List.of(USER_PREFIX, id)).toLong() == 1;
    }

    List<SessionSummary> list(String userId) {
        Response r = run(LIST, List.of(USER_PREFIX + userId), List.of(SESSION_PREFIX));
        List<SessionSummary> sessions = new ArrayList<>();
        for (int i = 0; i + 3 < r.size(); i += 4) {
            sessions.add(new SessionSummary(r.get(i).toString(), Roles.parse(r.get(i + 1).toString()),
                    Instant.ofEpochMilli(Long.parseLong(r.get(i + 2).toString())),
                    Instant.ofEpochMilli(Long.parseLong(r.get(i + 3).toString()))));
        }
        return sessions;
    }

    long endAll(String userId) {
        return run(END_ALL, List.of(USER_PREFIX + userId), List.of(SESSION_PREFIX)).toLong();
    }

    private Response run(LuaScript script, List<String> keys, List<String> args) {
        return answer(script.run(redis, keys, args));
    }

    /** Redis's answer, waited for on this worker thread; bounded, so this never waits longer than the timeout. */
    private <T> T answer(Uni<T> call) {
        return RedisAnswers.bounded(call, timeout).await().indefinitely();
    }
}
