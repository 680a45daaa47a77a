package shop.bench;

/** Removes the benchmark board from Redis (its ~1M entries take a few hundred MB). */
final class LeaderboardDropScenario implements Scenario {

    @Override
    public String name() {
        return "leaderboard-drop";
    }

    @Override
    public String summary() {
        return "delete the seeded board --board (default bench) from Redis";
    }

    @Override
    public boolean writesResults() {
        return false;
    }

    @Override
    public void run(Args args, Report report) throws Exception {
        try (Resp redis = new Resp(args.redisPort())) {
            long size = LeaderboardSeeder.size(redis, args.board());
            LeaderboardSeeder.drop(redis, args.board());
            report.line("dropped lb:{%s}:all (%,d users)", args.board(), size);
        }
    }
}
