package shop.bench;

import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * {@code deploy/bench/run side-by-side [--scale small|full] [--catalogue simple|realistic] [--results DIR]}:
 * the single-PostgreSQL baseline against the polyglot suite, same data, same workloads, one run (issue 10; see
 * deploy/bench/README.md, "side-by-side"). Seeds both designs, measures every workload at the
 * store and at the service (and the polyglot one through the gateway), at a fixed arrival rate and
 * at saturation, {@link Scale#repetitions()} times; then the commit → searchable and commit →
 * in-feed lags and the database sizes; writes report.md, report.json and one SVG per workload.
 */
final class SideBySide {

    static final String NAME = "side-by-side";
    static final String BASELINE = "baseline";
    static final String POLYGLOT = "polyglot";
    private static final int CONNECTIONS = 16;
    private static final int FIXED_RATE_WORKERS = 32;

    /** Work before each phase of a target, e.g. refreshing the cache entries a cache-hit workload reads. */
    @FunctionalInterface
    interface Preparation {
        void run() throws Exception;
    }

    /** One way of answering a workload; {@code skipped} says why there is none. */
    record Target(String design, String level, Call call, String skipped, Preparation before) {
        static Target of(String design, String level, Call call) {
            return new Target(design, level, call, null, () -> { });
        }

        static Target skip(String design, String level, String why) {
            return new Target(design, level, null, why, () -> { });
        }

        Target before(Preparation preparation) {
            return new Target(design, level, call, skipped, preparation);
        }
    }

    /**
     * {@code maxRate}: the workload's fixed arrival rate at full scale, below what the slower design
     * sustains on a 2-core box, so the fixed-rate phase measures latency, not a queue growing for the
     * length of the phase (saturation shows capacity). A scale's own rate lower than this wins.
     */
    record Workload(String name, String what, int maxRate, List<Target> targets) {
        int rate(Scale scale) {
            return Math.min(scale.rate(), maxRate);
        }
    }

    private SideBySide() {
    }

    static void main(String[] argv) throws Exception {
        Scale scale = Scale.SMALL;
        String catalogue = "simple";
        String results = "deploy/bench/results";
        for (int a = 1; a < argv.length; a++) {
            switch (argv[a]) {
                case "--scale" -> scale = Scale.of(value(argv, ++a, "--scale"));
                case "--catalogue" -> catalogue = value(argv, ++a, "--catalogue");
                case "--results" -> results = value(argv, ++a, "--results");
                default -> {
                    System.err.println("bench: side-by-side takes --scale small|full, --catalogue simple|realistic and"
                            + " --results DIR (got " + argv[a] + ")");
                    System.exit(2);
                    return;
                }
            }
        }
        Path dir = run(scale, Catalogue.named(catalogue), Path.of(results), System.err);
        System.out.println("\nwritten to " + dir);
    }

    private static String value(String[] argv, int a, String option) {
        if (a >= argv.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return argv[a];
    }

    static Path run(Scale scale, Path results, PrintStream log) throws Exception {
        return run(scale, SimpleCatalogue.INSTANCE, results, log);
    }

    static Path run(Scale scale, Catalogue catalogue, Path results, PrintStream log) throws Exception {
        Instant at = Instant.now();
        StackSettings stack = StackSettings.read();
        SideBySideReport report = new SideBySideReport(scale, at);
        report.fact("scale", scale.name());
        report.fact("catalogue", catalogue.description());
        report.fact("load average at start", Machine.loadAverage());
        try (BaselineStore store = BaselineStore.open(stack, CONNECTIONS);
                Polyglot polyglot = new Polyglot(stack, scale, catalogue, log)) {
            log.println("side-by-side, scale " + scale.name() + ": seeding the polyglot suite");
            long seedStart = System.nanoTime();
            polyglot.seed();
            report.fact("polyglot seeding (s)", String.format("%.1f", (System.nanoTime() - seedStart) / 1e9));
            Scale seeded = polyglot.scale();
            report.seeded(seeded);
            if (polyglot.searchNote != null) {
                report.fact("search catalogue", polyglot.searchNote);
            }
            log.printf("seeding the baseline (schema baseline in database %s)%n", stack.get("STACK_PG_DB"));
            store.applySchema();
            seedStart = System.nanoTime();
            new BaselineSeeder(store, log).seed(seeded, catalogue);
            report.fact("baseline seeding (s)", String.format("%.1f", (System.nanoTime() - seedStart) / 1e9));
            report.fact("postgresql", store.json("SELECT version()"));
            polyglot.storeVersions().forEach(report::fact);
            try (BaselineFront front = BaselineFront.start(store, CONNECTIONS)) {
                for (Workload workload : workloads(seeded, store, new Http(front.port()), polyglot)) {
                    measure(workload, seeded, report, log);
                }
            }
            lags(scale, polyglot, report, log);
            report.sizes(store);
        }
        report.fact("load average at end", Machine.loadAverage());
        // the simple catalogue's directories keep their old names; the realistic one's say so
        String run = catalogue instanceof SimpleCatalogue ? scale.name() : scale.name() + "-" + catalogue.name();
        return report.write(results.resolve(NAME + "-" + Report.fileName(run, at.atZone(java.time.ZoneOffset.UTC))
                .replace(".txt", "")));
    }

    private static void measure(Workload workload, Scale scale, SideBySideReport report, PrintStream log)
            throws Exception {
        int rate = workload.rate(scale);
        report.workload(workload.name(), workload.what(), rate);
        for (Target target : workload.targets()) {
            if (target.call() == null) {
                log.printf("%s, %s %s: skipped (%s)%n", workload.name(), target.design(), target.level(), target.skipped());
                report.skipped(workload.name(), target.design(), target.level(), target.skipped());
                continue;
            }
            String label = workload.name();
            Call call = i -> target.call().run(i).labelled(label);
            log.printf("%s, %s %s%n", workload.name(), target.design(), target.level());
            if (!scale.name().equals(Scale.SMALL.name())) { // small: no warm-up, to fit in minutes
                target.before().run();
                Load.fixedRate(call, rate, Math.max(1, scale.durationSeconds() / 3), FIXED_RATE_WORKERS, log);
            }
            for (int rep = 1; rep <= scale.repetitions(); rep++) {
                target.before().run();
                report.add(Measurement.of(workload.name(), target.design(), target.level(), "fixed-rate", rep,
                        Load.fixedRate(call, rate, scale.durationSeconds(), FIXED_RATE_WORKERS, log)));
                target.before().run();
                report.add(Measurement.of(workload.name(), target.design(), target.level(), "saturation", rep,
                        Load.saturation(call, scale.durationSeconds(), scale.workers(), log)));
            }
        }
    }

    private static void lags(Scale scale, Polyglot polyglot, SideBySideReport report, PrintStream log) throws Exception {
        Latencies searchable = new Latencies();
        Latencies inFeed = new Latencies();
        // the workloads before (order placement at saturation) leave the pipeline a backlog of events to
        // project: wait until it has caught up, or the first probes measure the backlog, not the lag
        log.println("lags: waiting for the pipeline to catch up with the workloads' writes");
        polyglot.settle();
        log.printf("lags: %d writes each%n", scale.lagWrites());
        for (int n = 0; n < scale.lagWrites(); n++) {
            if (polyglot.searchUnavailable == null) {
                long lag = polyglot.commitToSearchableNanos(n);
                searchable.record("lag", lag >= 0 ? lag : Polyglot.PROBE_TIMEOUT_NANOS, lag >= 0);
            }
            long lag = polyglot.commitToInFeedNanos();
            inFeed.record("lag", lag >= 0 ? lag : Polyglot.PROBE_TIMEOUT_NANOS, lag >= 0);
        }
        report.lag("commit-to-searchable", searchable, polyglot.searchUnavailable);
        report.lag("commit-to-in-feed", inFeed, null);
    }

    static List<Workload> workloads(Scale scale, BaselineStore store, Http front, Polyglot polyglot) {
        List<Workload> workloads = new ArrayList<>();
        workloads.add(new Workload("session-lookup", "a live session by its token (the gateway's check on every"
                + " signed-in request); baseline: primary-key SELECT, polyglot: one Redis hash", 1000,
                List.of(Target.of(BASELINE, "store", i -> ok(store.session(BaselineSeeder.sessionToken(session(i, scale))) != null)),
                        Target.of(BASELINE, "service", i -> ok(front.status("/sessions/"
                                + BaselineSeeder.sessionToken(session(i, scale))) == 200)),
                        Target.of(POLYGLOT, "store", polyglot.sessionAtStore()),
                        Target.of(POLYGLOT, "service", polyglot.sessionAtService()),
                        Target.of(POLYGLOT, "gateway", polyglot.sessionThroughGateway()))));
        Catalogue catalogue = polyglot.catalogue();
        List<Target> search = new ArrayList<>(List.of(
                Target.of(BASELINE, "store", i -> ok(store.search(SearchMix.of(i, scale.products(), catalogue)) != null)),
                Target.of(BASELINE, "service", i -> ok(front.status("/search?"
                        + SearchMix.of(i, scale.products(), catalogue).queryString()) == 200))));
        if (polyglot.searchUnavailable == null) {
            search.add(Target.of(POLYGLOT, "store", polyglot.searchAtStore()));
            search.add(Target.of(POLYGLOT, "service", polyglot.searchAtService()));
            search.add(Target.of(POLYGLOT, "gateway", polyglot.searchThroughGateway()));
        } else {
            for (String level : List.of("store", "service", "gateway")) {
                search.add(Target.skip(POLYGLOT, level, "not available: " + polyglot.searchUnavailable));
            }
        }
        workloads.add(new Workload("product-search", "a mix of exact words, misspelled words, words with a brand and"
                + " price filter, and a tag browse by price, each with brand and price facets; baseline: tsvector + GIN,"
                + " pg_trgm fallback for typos, facets by GROUP BY; polyglot: Elasticsearch", 50, search));
        workloads.add(new Workload("leaderboard-top10", "the top 10 of one board; baseline: RANK() over the (board,"
                + " score desc) B-tree with LIMIT; polyglot: ZREVRANGE", 1000,
                List.of(Target.of(BASELINE, "store", i -> ok(store.top10(BaselineSeeder.BOARD) != null)),
                        Target.of(BASELINE, "service", i -> ok(front.status("/leaderboards/" + BaselineSeeder.BOARD
                                + "/top") == 200)),
                        Target.of(POLYGLOT, "store", polyglot.top10AtStore()),
                        Target.of(POLYGLOT, "service", polyglot.top10AtService()))));
        workloads.add(new Workload("leaderboard-rank", "a random user's rank and score; baseline: 1 + count of higher"
                + " scores by an index-only scan (grows with the rank); polyglot: ZREVRANK, O(log n)", 25,
                List.of(Target.of(BASELINE, "store", i -> ok(store.rankOf(BaselineSeeder.BOARD,
                                UUID.fromString(LeaderboardSeeder.userId(polyglot.leaderboardUser(i)))) != null)),
                        Target.of(BASELINE, "service", i -> ok(front.status("/leaderboards/" + BaselineSeeder.BOARD
                                + "/users/" + LeaderboardSeeder.userId(polyglot.leaderboardUser(i))) == 200)),
                        Target.of(POLYGLOT, "store", polyglot.rankAtStore()),
                        Target.of(POLYGLOT, "service", polyglot.rankAtService()))));
        workloads.add(new Workload("feed-newest20", "a random user's newest 20 feed events; baseline: one backward"
                + " range of the (user_id, occurred_at desc) index; polyglot: one DynamoDB Query", 100,
                List.of(Target.of(BASELINE, "store", i -> ok(!"[]".equals(store.newest20(
                                UUID.fromString(FeedLoader.userId(polyglot.feedUser(i))))))),
                        Target.of(BASELINE, "service", i -> ok(front.status("/feed/"
                                + FeedLoader.userId(polyglot.feedUser(i))) == 200)),
                        Target.of(POLYGLOT, "store", polyglot.feedAtStore()),
                        Target.of(POLYGLOT, "service", polyglot.feedAtService()))));
        workloads.add(new Workload("product-by-id", "one product by id; baseline: primary-key SELECT (shared buffers"
                + " are its cache); polyglot: the cache-aside entry in Redis (a cache hit)", 1000,
                List.of(Target.of(BASELINE, "store", i -> ok(store.product(product(i, scale, catalogue)) != null)),
                        Target.of(BASELINE, "service", i -> ok(front.status("/products/" + product(i, scale, catalogue))
                                == 200)),
                        Target.of(POLYGLOT, "store", polyglot.productAtStore()).before(polyglot::refreshProductCache),
                        Target.of(POLYGLOT, "service", polyglot.productAtService()).before(polyglot::refreshProductCache),
                        Target.of(POLYGLOT, "gateway", polyglot.productThroughGateway())
                                .before(polyglot::refreshProductCache))));
        workloads.add(new Workload("order-placement", "one unit of a product: stock checked and decremented, order"
                + " written; baseline: plus the feed row in the same transaction; polyglot: plus the outbox row", 200,
                List.of(Target.of(BASELINE, "store", i -> ok(store.placeOrder(customer(i, scale),
                                BaselineSeeder.orderProductId((int) (i % BaselineSeeder.ORDER_PRODUCTS))) != null)),
                        Target.of(BASELINE, "service", i -> ok(front.send(front.request("/orders")
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"" + customer(i, scale)
                                        + "\",\"productId\":\"" + BaselineSeeder.orderProductId(
                                                (int) (i % BaselineSeeder.ORDER_PRODUCTS)) + "\"}")),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 201)),
                        Target.skip(POLYGLOT, "store", "the polyglot design places orders in PostgreSQL too (plus an"
                                + " outbox row): at the store it is the baseline's transaction"),
                        Target.of(POLYGLOT, "service", polyglot.orderAtService()))));
        return workloads;
    }

    private static Call.Outcome ok(boolean ok) {
        return new Call.Outcome("call", ok);
    }

    private static long session(long i, Scale scale) {
        return new SplittableRandom(i).nextInt(scale.sessions());
    }

    private static UUID product(long i, Scale scale, Catalogue catalogue) {
        return BaselineSeeder.productId(catalogue, new SplittableRandom(i).nextInt(scale.products()));
    }

    private static UUID customer(long i, Scale scale) {
        return BaselineSeeder.userId(new SplittableRandom(i * 31 + 7).nextInt(scale.users()));
    }
}
