package shop.bench;

import java.time.ZonedDateTime;
import java.util.List;

/** {@code deploy/bench/run <scenario> [options]}: see deploy/bench/README.md. */
public final class Main {

    /** Every scenario; add new ones here. */
    static final List<Scenario> SCENARIOS = List.of(new LeaderboardScenario(), new LeaderboardStoreScenario(),
            new LeaderboardDropScenario(), new SessionsScenario(), new CatalogScenario(), new MediaScenario(),
            new FeedScenario(), new FeedStoreScenario(), new GatewayScenario(),
            new SearchScenario(), new SearchStoreScenario(), new DriftScenario(), new PipelineScenario(),
            new FloorScenario());

    private Main() {
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length == 0 || argv[0].equals("list") || argv[0].equals("--help")) {
            System.out.println("usage: deploy/bench/run <scenario> [--rate N] [--duration S] [--users N] [--workers N]"
                    + " [--warmup S] [--board NAME] [--reseed] [--service-port P] [--redis-port P] [--results DIR]"
                    + " [--rates N,N,...] [--view search|feed|both] [--also-search URL] [--also-feed URL]"
                    + " [--catalogue simple|realistic]");
            SCENARIOS.forEach(s -> System.out.printf("  %-18s %s%n", s.name(), s.summary()));
            System.out.printf("  %-18s %s%n", SideBySide.NAME, "single PostgreSQL vs the polyglot suite, same data"
                    + " and workloads: --scale small|full [--catalogue simple|realistic] [--results DIR] (its own options)");
            System.out.printf("  %-18s %s%n", Curves.NAME, "both designs' p99 as the data grows, one SVG per workload:"
                    + " [--only leaderboard,sessions,feed,search] [--min-size N] [--max-size N] [--duration S] [--warmup S]"
                    + " [--workers N] [--settle-load L] [--catalogue C] [--results DIR] (its own options)");
            System.out.printf("  %-18s %s%n", "curves-merge", "one curves report of several runs, a later run's point"
                    + " replacing an earlier one's: <out-dir> <run-dir>...");
            System.out.printf("  %-18s %s%n", "flame", "a JFR recording's CPU samples as an SVG flame graph:"
                    + " <recording.jfr> <out.svg> [--thread PREFIX] [--title TEXT]");
            return;
        }
        if (argv[0].equals("flame")) {
            FlameGraph.main(argv);
            return;
        }
        if (argv[0].equals(Curves.NAME + "-merge")) {
            Curves.merge(argv);
            return;
        }
        if (argv[0].equals(Curves.NAME)) {
            Curves.main(argv);
            return;
        }
        if (argv[0].equals(SideBySide.NAME)) {
            SideBySide.main(argv);
            return;
        }
        Args args;
        try {
            args = Args.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Scenario scenario = SCENARIOS.stream().filter(s -> s.name().equals(args.scenario())).findFirst()
                .orElse(null);
        if (scenario == null) {
            System.err.println("bench: unknown scenario " + args.scenario() + " (deploy/bench/run list)");
            System.exit(2);
            return;
        }
        ZonedDateTime at = ZonedDateTime.now();
        Report report = new Report(System.out);
        report.line("scenario %s at %s", scenario.name(), at.toInstant());
        scenario.run(args, report);
        if (scenario.writesResults()) {
            System.out.println("\nwritten to " + report.write(args.resultsDir(), scenario.name(), at));
        }
    }
}
