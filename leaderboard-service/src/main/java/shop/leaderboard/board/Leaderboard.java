package shop.leaderboard.board;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import shop.kit.problem.FieldError;
import shop.kit.problem.Problem;
import shop.kit.redis.LuaScript;
import shop.kit.redis.RedisAnswers;
import shop.leaderboard.LeaderboardConfig;

/**
 * The leaderboards in Redis sorted sets (key layout in {@link BoardKey}, tie rule in
 * {@link TieOrder}). Writes are one Lua script each; every read is O(log N + returned entries)
 * in Redis (HGET, ZREVRANK, ZSCORE, ZREVRANGE): nothing is scanned or sorted here.
 *
 * <p>Non-blocking: a request is parsed, sent to Redis and answered on one event-loop thread,
 * with no hand-off to a worker thread and back. On a busy box every hand-off waits for a core,
 * and those waits were the service's latency tail (deploy/bench/README.md).
 */
@ApplicationScoped
public class Leaderboard {

    private final ReactiveRedisDataSource redis;
    private final Clock clock;
    private final LeaderboardConfig config;
    private final Duration timeout;

    public Leaderboard(ReactiveRedisDataSource redis, Clock clock, LeaderboardConfig config,
            @ConfigProperty(name = "quarkus.redis.timeout", defaultValue = "10S") Duration timeout) {
        this.redis = redis;
        this.clock = clock;
        this.config = config;
        this.timeout = timeout;
    }

    public Uni<Entry> setScore(String board, Period period, String userId, long score) {
        return write(board, period, userId, score, "set", "score");
    }

    public Uni<Entry> increment(String board, Period period, String userId, long delta) {
        return write(board, period, userId, delta, "add", "delta");
    }

    public Uni<List<Entry>> top(String board, Period period, int count) {
        BoardKey key = keyOf(board, period);
        return guarded(redis.execute("ZREVRANGE", key.ranking(), "0", String.valueOf(count - 1), "WITHSCORES"))
                .map(reply -> entries(0, reply));
    }

    /** The user's rank and score; 404 when the user is not on the board. */
    public Uni<Entry> rankOf(String board, Period period, String userId) {
        BoardKey key = keyOf(board, period);
        return run(LeaderboardScripts.STANDING, key, userId).map(reply -> {
            if (isNil(reply)) {
                throw notOnBoard(board, period, userId);
            }
            return new Entry(reply.get(0).toLong() + 1, userId, score(reply.get(1)));
        });
    }

    /** The user and up to {@code radius} entries either side of them, best first. */
    public Uni<List<Entry>> around(String board, Period period, String userId, int radius) {
        BoardKey key = keyOf(board, period);
        return run(LeaderboardScripts.AROUND, key, userId, String.valueOf(radius)).map(reply -> {
            if (isNil(reply)) {
                throw notOnBoard(board, period, userId);
            }
            return entries(reply.get(0).toLong(), reply.get(1));
        });
    }

    private Uni<Entry> write(String board, Period period, String userId, long value, String mode, String field) {
        BoardKey key = keyOf(board, period);
        String expireAt = key.expiresAt().map(at -> String.valueOf(at.getEpochSecond())).orElse("0");
        return run(LeaderboardScripts.WRITE, key, userId, String.valueOf(value), mode,
                String.valueOf(ScoreRange.MAX_ABS), expireAt, String.valueOf(TieOrder.MAX_SEQUENCE)).map(reply -> {
                    if ("OUT_OF_RANGE".equals(reply.get(0).toString())) {
                        String why = "the score would leave the supported range -" + ScoreRange.MAX_ABS + " to "
                                + ScoreRange.MAX_ABS + " (now " + reply.get(1) + ")";
                        throw Problem.refused(why).withErrors(List.of(new FieldError(field, why)));
                    }
                    return new Entry(reply.get(1).toLong() + 1, userId, score(reply.get(0)));
                });
    }

    private BoardKey keyOf(String board, Period period) {
        return BoardKey.of(board, period, clock.instant(), config.weeklyRetention(), config.dailyRetention());
    }

    /** Entries from a ZREVRANGE ... WITHSCORES reply, flat (RESP2, Lua) or as pairs (RESP3). */
    private static List<Entry> entries(long firstRank, Response reply) {
        List<Entry> entries = new ArrayList<>();
        if (isNil(reply) || reply.size() == 0) {
            return entries;
        }
        boolean pairs = reply.get(0).type() == ResponseType.MULTI;
        int step = pairs ? 1 : 2;
        for (int i = 0; i < reply.size(); i += step) {
            Response member = pairs ? reply.get(i).get(0) : reply.get(i);
            Response score = pairs ? reply.get(i).get(1) : reply.get(i + 1);
            entries.add(new Entry(firstRank + 1 + i / step, TieOrder.userIdOf(member.toString()), score(score)));
        }
        return entries;
    }

    private static long score(Response score) {
        // exact: scores are integers within 10^15 < 2^53 (ScoreRange)
        return (long) Double.parseDouble(score.toString());
    }

    private static boolean isNil(Response reply) {
        return reply == null;
    }

    private static Problem notOnBoard(String board, Period period, String userId) {
        return Problem.notFound("user " + userId + " is not on board " + board + " (" + period.label() + ")");
    }

    private Uni<Response> run(LuaScript script, BoardKey key, String... args) {
        return RedisAnswers.bounded(script.run(redis, key.all(), List.of(args)), timeout);
    }

    private Uni<Response> guarded(Uni<Response> call) {
        return RedisAnswers.bounded(call, timeout);
    }
}
