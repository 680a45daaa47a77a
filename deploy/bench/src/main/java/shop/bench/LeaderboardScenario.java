package shop.bench;

import java.net.http.HttpResponse;
import java.util.SplittableRandom;

/**
 * Seeds one all-time board with {@code --users} users (1M by default; skipped when the board
 * already holds exactly that many, unless {@code --reseed}), checks the service reads the seeded
 * layout, then sends {@code top?count=10} and {@code users/{random user}} half and half through
 * leaderboard-service: a warm-up, {@code --rate} req/s for {@code --duration} s (open model), and
 * saturation with {@code --workers} workers for {@code --duration} s.
 */
final class LeaderboardScenario implements Scenario {

    @Override
    public String name() {
        return "leaderboard";
    }

    @Override
    public String summary() {
        return "seed --users on board --board (direct Redis), then top?count=10 + users/{id} at --rate and at saturation";
    }

    @Override
    public void run(Args args, Report report) throws Exception {
        Http http = new Http(args.servicePort());
        requireReady(http);
        try (Resp redis = new Resp(args.redisPort())) {
            long size = LeaderboardSeeder.size(redis, args.board());
            if (args.reseed() || size != args.users()) {
                System.err.printf("seeding %,d users on board %s (was %,d)%n", args.users(), args.board(), size);
                long start = System.nanoTime();
                LeaderboardSeeder.seed(redis, args.board(), args.users(), System.err);
                report.line("seeded %,d users on lb:{%s}:all in %.1f s (pipelined ZADD/HSET, %d per batch)",
                        args.users(), args.board(), (System.nanoTime() - start) / 1e9, LeaderboardSeeder.BATCH);
            } else {
                report.line("board lb:{%s}:all already holds %,d users: not reseeded", args.board(), size);
            }
        }
        checkSeededUserIsServed(http, args);

        String prefix = "/api/leaderboards/" + args.board();
        Call call = i -> {
            if ((i & 1) == 0) {
                return new Call.Outcome("top", http.status(prefix + "/top?count=10") == 200);
            }
            // a deterministic pseudo-random user per request index
            long user = new SplittableRandom(i).nextLong(args.users());
            return new Call.Outcome("user", http.status(prefix + "/users/" + LeaderboardSeeder.userId(user)) == 200);
        };

        report.line("service %s, board %s (%,d users), machine: %d cores, JDK %s", http.base(), args.board(),
                args.users(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        report.line("load average before: %s", Machine.loadAverage());
        if (args.warmupSeconds() > 0) {
            System.err.printf("warm-up: %d req/s for %d s (not recorded)%n", args.rate(), args.warmupSeconds());
            Load.fixedRate(call, args.rate(), args.warmupSeconds(), 32, System.err);
        }
        System.err.printf("fixed rate: %d req/s for %d s%n", args.rate(), args.durationSeconds());
        Load.Result fixed = Load.fixedRate(call, args.rate(), args.durationSeconds(), 32, System.err);
        report.line("load average after warm-up: %s", Machine.loadAverage());
        report.phase(String.format("fixed rate %d req/s for %d s (latency from the intended send time)",
                args.rate(), args.durationSeconds()), fixed);
        report.line("goal p99 <= 2 ms: top %s, user %s", verdict(fixed.latencies().percentileMillis("top", 99)),
                verdict(fixed.latencies().percentileMillis("user", 99)));

        System.err.printf("saturation: %d workers for %d s%n", args.workers(), args.durationSeconds());
        Load.Result saturated = Load.saturation(call, args.durationSeconds(), args.workers(), System.err);
        report.phase(String.format("saturation, %d closed-loop workers for %d s (latency = service time)",
                args.workers(), args.durationSeconds()), saturated);
        report.line("%nload average after: %s", Machine.loadAverage());
    }

    private static String verdict(double p99) {
        return String.format("%.3f ms %s", p99, p99 <= 2.0 ? "(met)" : "(MISSED)");
    }

    private static void requireReady(Http http) throws Exception {
        int status;
        try {
            status = http.status("/q/health/ready");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("leaderboard-service does not answer on " + http.base()
                    + " (deploy/local/stack up --only leaderboard-service)", e);
        }
        if (status != 200) {
            throw new IllegalStateException("leaderboard-service on " + http.base() + " is not ready: " + status);
        }
    }

    private static void checkSeededUserIsServed(Http http, Args args) throws Exception {
        long i = args.users() / 2;
        HttpResponse<String> response = http.get("/api/leaderboards/" + args.board() + "/users/"
                + LeaderboardSeeder.userId(i));
        String expected = "\"score\":" + LeaderboardSeeder.score(i);
        if (response.statusCode() != 200 || !response.body().contains(expected)) {
            throw new IllegalStateException("the service does not read the seeded layout: user " + i + " answered "
                    + response.statusCode() + " " + response.body() + ", expected " + expected);
        }
    }
}
