package shop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The same reads as {@link LeaderboardScenario}, straight against Redis with no service in
 * between: {@code ZREVRANGE 0 9 WITHSCORES}, and {@code HGET} then {@code ZREVRANK}+{@code ZSCORE}
 * pipelined. It separates what Redis (and the box) costs from what the service adds. Needs the
 * board seeded by the {@code leaderboard} scenario.
 */
final class LeaderboardStoreScenario implements Scenario {

    @Override
    public String name() {
        return "leaderboard-store";
    }

    @Override
    public String summary() {
        return "the leaderboard reads straight in Redis (one connection per worker), at --rate and at saturation";
    }

    @Override
    public void run(Args args, Report report) throws Exception {
        List<Resp> connections = new CopyOnWriteArrayList<>();
        ThreadLocal<Resp> connection = ThreadLocal.withInitial(() -> {
            try {
                Resp resp = new Resp(args.redisPort());
                connections.add(resp);
                return resp;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String ranking = LeaderboardSeeder.ranking(args.board());
        long size;
        try (Resp redis = new Resp(args.redisPort())) {
            size = LeaderboardSeeder.size(redis, args.board());
        }
        if (size == 0) {
            throw new IllegalStateException("board " + args.board() + " is empty: run the leaderboard scenario first");
        }
        Call call = i -> {
            Resp redis = connection.get();
            if ((i & 1) == 0) {
                return new Call.Outcome("top", redis.call("ZREVRANGE", ranking, "0", "9", "WITHSCORES") != null);
            }
            String user = LeaderboardSeeder.userId(new SplittableRandom(i).nextLong(size));
            String member = (String) redis.call("HGET", ranking + ":members", user);
            List<Object> rankAndScore = redis.pipeline(List.of(new String[] {"ZREVRANK", ranking, member},
                    new String[] {"ZSCORE", ranking, member}));
            return new Call.Outcome("user", rankAndScore.get(0) != null);
        };
        report.line("redis 127.0.0.1:%d, board %s (%,d users), machine: %d cores, JDK %s", args.redisPort(),
                args.board(), size, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        try {
            if (args.warmupSeconds() > 0) {
                Load.fixedRate(call, args.rate(), args.warmupSeconds(), 32, System.err);
            }
            report.line("load average before: %s", Machine.loadAverage());
            report.phase(String.format("fixed rate %d req/s for %d s (latency from the intended send time)",
                    args.rate(), args.durationSeconds()),
                    Load.fixedRate(call, args.rate(), args.durationSeconds(), 32, System.err));
            report.phase(String.format("saturation, %d closed-loop workers for %d s", args.workers(),
                    args.durationSeconds()), Load.saturation(call, args.durationSeconds(), args.workers(), System.err));
            report.line("%nload average after: %s", Machine.loadAverage());
        } finally {
            for (Resp resp : connections) {
                resp.close();
            }
        }
    }
}
