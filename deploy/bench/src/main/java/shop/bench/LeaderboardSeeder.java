package shop.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Fills one all-time board straight in Redis, in leaderboard-service's own layout
 * (leaderboard-service/README.md, "Key layout" and "Ties"): ranking sorted set
 * {@code lb:{board}:all}, hash {@code :members}, sequence {@code :seq}. Seeding 1M users through
 * HTTP would take one request each (minutes at the service's write rate); pipelined ZADD/HSET
 * batches of {@value #BATCH} take seconds. Users and scores are derived from their index, so
 * a benchmark can ask for user {@code i} without keeping a list.
 */
final class LeaderboardSeeder {

    static final int BATCH = 1_000;
    /** Mirrors leaderboard-service's TieOrder: 15-digit (MAX_SEQUENCE - seq) + userId. */
    static final long MAX_SEQUENCE = 999_999_999_999_999L;
    static final int MAX_SCORE = 1_000_000;

    private LeaderboardSeeder() {
    }

    static String ranking(String board) {
        return "lb:{" + board + "}:all";
    }

    static String userId(long i) {
        return UUID.nameUUIDFromBytes(("bench-user-" + i).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A score in [0, MAX_SCORE), spread evenly (splitmix64 of the index), so ties exist but are rare. */
    static long score(long i) {
        long z = i + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return Long.remainderUnsigned(z, MAX_SCORE);
    }

    static String member(long seq, String userId) {
        return String.format(Locale.ROOT, "%015d", MAX_SEQUENCE - seq) + userId;
    }

    /** How many users the board holds now. */
    static long size(Resp redis, String board) throws IOException {
        return (Long) redis.call("ZCARD", ranking(board));
    }

    /** Replaces the board with users 0..users-1; user i reached its score at sequence i + 1. */
    static void seed(Resp redis, String board, int users, PrintStream log) throws IOException {
        String ranking = ranking(board);
        drop(redis, board);
        ProgressBar bar = new ProgressBar("  seed", users, log);
        for (int from = 0; from < users; from += BATCH) {
            int to = Math.min(users, from + BATCH);
            List<String> zadd = new ArrayList<>(2 + 2 * BATCH);
            List<String> hset = new ArrayList<>(2 + 2 * BATCH);
            zadd.add("ZADD");
            zadd.add(ranking);
            hset.add("HSET");
            hset.add(ranking + ":members");
            for (int i = from; i < to; i++) {
                String user = userId(i);
                String member = member(i + 1L, user);
                zadd.add(Long.toString(score(i)));
                zadd.add(member);
                hset.add(user);
                hset.add(member);
            }
            redis.pipeline(List.of(zadd.toArray(String[]::new), hset.toArray(String[]::new)));
            bar.update(to);
        }
        redis.call("SET", ranking + ":seq", Long.toString(users));
    }

    /** Removes the board's keys (UNLINK: freed in the background, Redis stays responsive). */
    static void drop(Resp redis, String board) throws IOException {
        String ranking = ranking(board);
        redis.call("UNLINK", ranking, ranking + ":members", ranking + ":seq");
    }
}
