package shop.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code deploy/bench/run curves [--only leaderboard,sessions,feed,search] [--min-size N] [--max-size N] [--duration S]
 * [--warmup S] [--workers N] [--catalogue simple|realistic] [--results DIR]}: how each workload's cost grows
 * with the data, both designs, at the store and through the service (issue 23, part 1; see
 * deploy/bench/README.md, "curves"). Each series grows its data in steps, in both designs alike, and at
 * each size measures every target as {@link SideBySide} does (its workloads, targets and fixed rates:
 * a warm-up, a fixed-rate phase, a saturation phase); writes report.md, points.tsv and one SVG per
 * workload, p99 against size.
 */
final class Curves {

    static final String NAME = "curves";
    private static final int CONNECTIONS = 16;
    private static final int FIXED_RATE_WORKERS = 32;
    /** Curve sessions belong to a user each (session i to user i): memory per session includes its user's index. */
    private static final int SESSION_USERS = Integer.MAX_VALUE;
    /** Long enough for any run of the series; the service's own sessions are shorter. */
    private static final Duration SESSION_TTL = Duration.ofHours(12);

    /** One series: its data grows through {@code sizes}; {@code workloads} are SideBySide's names measured at each. */
    record Series(String name, String unit, List<Long> sizes, List<String> workloads) {
    }

    static final List<Series> SERIES = List.of(
            new Series("leaderboard", "users on the board", List.of(10_000L, 100_000L, 1_000_000L, 10_000_000L),
                    List.of("leaderboard-rank", "leaderboard-top10")),
            new Series("sessions", "live sessions", List.of(100_000L, 1_000_000L, 10_000_000L),
                    List.of("session-lookup")),
            new Series("feed", "feed items", List.of(1_000_000L, 10_000_000L), List.of("feed-newest20")),
            new Series("search", "products", List.of(5_000L, 50_000L, 500_000L), List.of("product-search")));

    /** One target at one size: ms at the fixed rate, req/s and ms at saturation; NaN where not measured. */
    record Point(String workload, String design, String level, long size, int rate, double p50, double p99,
            double p999, long errors, double saturation, double saturationP99, String note) {
        static Point of(String workload, SideBySide.Target target, long size, int rate, Measurement fixed,
                Measurement saturation, String note) {
            return new Point(workload, target.design(), target.level(), size, rate, fixed.at(50.0), fixed.at(99.0),
                    fixed.at(99.9), fixed.errors() + saturation.errors(), saturation.throughput(), saturation.at(99.0),
                    note);
        }

        static Point skipped(String workload, SideBySide.Target target, long size, int rate, String why) {
            return new Point(workload, target.design(), target.level(), size, rate, Double.NaN, Double.NaN, Double.NaN,
                    0, Double.NaN, Double.NaN, why);
        }

        boolean measured() {
            return !Double.isNaN(p99);
        }

        String target() {
            return design + " " + level;
        }

        String key() {
            return workload + "\t" + target() + "\t" + size;
        }

        static final String HEADER = "workload\tdesign\tlevel\tsize\trate\tp50_ms\tp99_ms\tp999_ms\terrors"
                + "\tsaturation_per_s\tsaturation_p99_ms\tnote";

        String tsv() {
            return String.join("\t", workload, design, level, Long.toString(size), Integer.toString(rate), num(p50),
                    num(p99), num(p999), Long.toString(errors), num(saturation), num(saturationP99),
                    note == null ? "" : note);
        }

        static Point parse(String line) {
            String[] f = line.split("\t", -1);
            return new Point(f[0], f[1], f[2], Long.parseLong(f[3]), Integer.parseInt(f[4]), number(f[5]),
                    number(f[6]), number(f[7]), Long.parseLong(f[8].isEmpty() ? "0" : f[8]), number(f[9]),
                    number(f[10]), f[11].isEmpty() ? null : f[11]);
        }

        private static String num(double v) {
            return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
        }

        private static double number(String v) {
            return v.isEmpty() ? Double.NaN : Double.parseDouble(v);
        }
    }

    /** Memory one session costs, both designs, at one size. */
    record SessionMemory(long sessions, double redisBytes, double postgresBytes) {
    }

    private final StackSettings stack;
    private final Catalogue catalogue;
    private final int duration;
    private final int warmup;
    private final int workers;
    private final double settleLoad;
    private final PrintStream log;
    private final List<Point> points = new ArrayList<>();
    private final List<SessionMemory> memory = new ArrayList<>();
    private final Map<String, String> facts = new LinkedHashMap<>();

    private Curves(StackSettings stack, Catalogue catalogue, int duration, int warmup, int workers, double settleLoad,
            PrintStream log) {
        this.stack = stack;
        this.settleLoad = settleLoad;
        this.catalogue = catalogue;
        this.duration = duration;
        this.warmup = warmup;
        this.workers = workers;
        this.log = log;
    }

    static void main(String[] argv) throws Exception {
        Set<String> only = SERIES.stream().map(Series::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        long minSize = 0;
        long maxSize = Long.MAX_VALUE;
        int duration = 10;
        int warmup = 5;
        int workers = 16;
        double settleLoad = 1.5;
        String catalogue = "simple";
        String results = "deploy/bench/results";
        try {
            for (int a = 1; a < argv.length; a++) {
                switch (argv[a]) {
                    case "--only" -> only = series(value(argv, ++a));
                    case "--min-size" -> minSize = Args.number(value(argv, ++a), "min-size", 0, 1, 10_000_000);
                    case "--max-size" -> maxSize = Args.number(value(argv, ++a), "max-size", 0, 1, 10_000_000);
                    case "--duration" -> duration = Args.number(value(argv, ++a), "duration", 0, 1, 600);
                    case "--warmup" -> warmup = Args.number(value(argv, ++a), "warmup", 0, 0, 600);
                    case "--workers" -> workers = Args.number(value(argv, ++a), "workers", 0, 1, 256);
                    case "--settle-load" -> settleLoad = load(value(argv, ++a));
                    case "--catalogue" -> catalogue = Args.catalogue(value(argv, ++a));
                    case "--results" -> results = value(argv, ++a);
                    default -> throw new IllegalArgumentException("curves takes --only, --min-size, --max-size, --duration, --warmup,"
                            + " --workers, --settle-load, --catalogue and --results (got " + argv[a] + ")");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Curves curves = new Curves(StackSettings.read(), Catalogue.named(catalogue), duration, warmup, workers,
                settleLoad, System.err);
        Path dir = curves.run(only, minSize, maxSize, Path.of(results));
        System.out.println("\nwritten to " + dir);
    }

    private static String value(String[] argv, int a) {
        if (a >= argv.length) {
            throw new IllegalArgumentException(argv[a - 1] + " needs a value");
        }
        return argv[a];
    }

    static double load(String value) {
        try {
            double load = Double.parseDouble(value);
            if (load > 0 && load <= 64) {
                return load;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--settle-load must be a load average above 0, at most 64 (got " + value + ")");
    }

    static Set<String> series(String list) {
        Set<String> names = new java.util.LinkedHashSet<>(Arrays.asList(list.split(",")));
        Set<String> known = SERIES.stream().map(Series::name).collect(Collectors.toSet());
        for (String name : names) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("--only: no series " + name + " (there are " + known + ")");
            }
        }
        return names;
    }

    /** The sizes of {@code series} a run measures: those from {@code minSize} up to {@code maxSize}, ascending. */
    static List<Long> sizes(Series series, long minSize, long maxSize) {
        return series.sizes().stream().filter(s -> s >= minSize && s <= maxSize).sorted().toList();
    }

    private Path run(Set<String> only, long minSize, long maxSize, Path results) throws Exception {
        Instant at = Instant.now();
        facts.put("started", at.toString());
        facts.put("load average at start", Machine.loadAverage());
        facts.put("phases", String.format("per target and size: %d s warm-up at the fixed rate, %d s at the fixed rate,"
                + " %d s saturation with %d workers; one repetition; before each size, Redis's snapshot awaited and the"
                + " 1-minute load under %.1f (at most 5 minutes; each size's note gives the load it started at)",
                warmup, duration, duration, workers, settleLoad));
        facts.put("search catalogue", catalogue.description());
        try (BaselineStore store = BaselineStore.open(stack, CONNECTIONS);
                Polyglot polyglot = new Polyglot(stack, scale(1, 1, 1, 1), catalogue, log);
                BaselineFront front = BaselineFront.start(store, CONNECTIONS)) {
            store.applySchema();
            facts.put("postgresql", store.json("SELECT version()"));
            polyglot.storeVersions().forEach(facts::put);
            BaselineSeeder seeder = new BaselineSeeder(store, log);
            Http frontHttp = new Http(front.port());
            for (Series series : SERIES) {
                if (!only.contains(series.name())) {
                    continue;
                }
                List<Long> sizes = sizes(series, minSize, maxSize);
                if (sizes.isEmpty()) {
                    continue;
                }
                log.printf("%ncurves: %s at %s %s%n", series.name(), sizes.stream().map(SizePlot::count).toList(),
                        series.unit());
                Grower grower = switch (series.name()) {
                    case "leaderboard" -> leaderboard(store, seeder, polyglot);
                    // every size the series has, not only this run's: an earlier run may have gone further
                    case "sessions" -> sessions(store, seeder, polyglot, series.sizes().get(series.sizes().size() - 1));
                    case "feed" -> feed(store, seeder, polyglot);
                    case "search" -> search(store, seeder, polyglot);
                    default -> throw new IllegalStateException(series.name());
                };
                for (long size : sizes) {
                    log.printf("%ncurves: %s, %s %s%n", series.name(), SizePlot.count(size), series.unit());
                    Grown grown = grower.grow(size);
                    Scale scale = grown.scale();
                    String note = grown.note();
                    quiesce(polyglot, store);
                    String load = String.format(Locale.ROOT, "load %.2f", Machine.load1());
                    note = note == null ? load : note + "; " + load;
                    List<SideBySide.Workload> workloads = SideBySide.workloads(scale, store, frontHttp, polyglot).stream()
                            .filter(w -> series.workloads().contains(w.name())).toList();
                    if (workloads.size() != series.workloads().size()) {
                        throw new IllegalStateException("side-by-side has no workload of some of " + series.workloads());
                    }
                    for (SideBySide.Workload workload : workloads) {
                        measure(workload, scale, size, note, store);
                    }
                }
                if (series.name().equals("sessions")) {
                    // the stack's Redis is everyone's: left there, 10M bench sessions held 5.7 GB for their
                    // hours-long TTL, and each RDB save (94 s, forking all of it) loaded every later run
                    SessionSeeder.drop(polyglot.redis(), sizes.get(sizes.size() - 1), SESSION_USERS, log);
                }
            }
        }
        facts.put("load average at end", Machine.loadAverage());
        Path dir = results.resolve(NAME + "-" + Report.fileName(String.join("-", only), at.atZone(ZoneOffset.UTC))
                .replace(".txt", ""));
        write(dir, only, minSize, maxSize);
        return dir;
    }

    /** Grows one series' data, in both designs, to a size. */
    private interface Grower {
        Grown grow(long size) throws Exception;
    }

    /** What a size holds; {@code note} says what the stores held if not exactly that, else null. */
    private record Grown(Scale scale, String note) {
    }

    /** A scale holding only what the curves vary; the other amounts are never read by the series' workloads. */
    private static Scale scale(int products, int sessions, int leaderboardUsers, int feedUsers) {
        return new Scale(NAME, products, SESSION_USERS, sessions, leaderboardUsers, feedUsers, 0, 0, 1_000, 0, 0, 1, 0);
    }

    private Grower leaderboard(BaselineStore store, BaselineSeeder seeder, Polyglot polyglot) {
        return size -> {
            Scale scale = scale(1, 1, (int) size, 1);
            polyglot.resize(scale);
            polyglot.seedLeaderboard(); // the board reseeded to exactly this many users
            // the baseline's board cut to this size (a rerun starts from a bigger one), then grown to it
            sql(store, "DELETE FROM baseline.scores WHERE board = ? AND seq >= ?", BaselineSeeder.BOARD, size);
            seeder.leaderboard(BaselineSeeder.BOARD, (int) size);
            vacuum(store, "baseline.scores"); // index-only scans need the visibility map
            return new Grown(scale, null);
        };
    }

    private Grower sessions(BaselineStore store, BaselineSeeder seeder, Polyglot polyglot, long largest)
            throws Exception {
        // both designs start empty, so each size holds exactly its sessions and memory is measured from zero
        SessionSeeder.drop(polyglot.redis(), largest, SESSION_USERS, log);
        sql(store, "TRUNCATE baseline.sessions");
        SessionSeeder.Footprint empty = SessionSeeder.footprint(polyglot.redis());
        long[] seeded = {0};
        return size -> {
            Scale scale = scale(1, (int) size, 1, 1);
            polyglot.resize(scale);
            polyglot.seedSessionsInRedis((int) seeded[0], SESSION_TTL);
            seeded[0] = size;
            // the seeder writes session-service's layout by hand: a drift from it stops the run here
            for (long i = 0; i < 3; i++) {
                if (!polyglot.sessionAtService().run(i).succeeded()) {
                    throw new IllegalStateException("session-service does not find a seeded session: SessionSeeder"
                            + " no longer writes its layout (session-service/src/main/resources/lua/session-create.lua)");
                }
            }
            seeder.sessions((int) size, SESSION_USERS);
            vacuum(store, "baseline.sessions");
            double redis = SessionSeeder.footprint(polyglot.redis()).perSession(empty, size);
            double postgres = store.number("SELECT pg_total_relation_size('baseline.sessions')") / (double) size;
            memory.add(new SessionMemory(size, redis, postgres));
            log.printf("  memory per session: Redis %.0f B, PostgreSQL %.0f B (table and indexes)%n", redis, postgres);
            return new Grown(scale, null);
        };
    }

    private Grower feed(BaselineStore store, BaselineSeeder seeder, Polyglot polyglot) throws Exception {
        sql(store, "TRUNCATE baseline.feed_events");
        return size -> {
            int users = (int) (size / FeedLoader.ITEMS_PER_USER);
            Scale scale = scale(1, 1, 1, users);
            polyglot.resize(scale);
            long held = polyglot.seedFeed();
            seeder.feedEvents(size);
            vacuum(store, "baseline.feed_events");
            // DynamoDB reads one partition whatever the table holds; dynalite's LevelDB is one tree
            return new Grown(scale, held > users ? String.format("dynalite's table held %s items (an earlier run"
                    + " loaded more); reads ask the first %s", SizePlot.count(held * FeedLoader.ITEMS_PER_USER),
                    SizePlot.count(size)) : null);
        };
    }

    private Grower search(BaselineStore store, BaselineSeeder seeder, Polyglot polyglot) throws Exception {
        // the baseline searches every product it holds: start from the order probes alone
        sql(store, "DELETE FROM baseline.product_images");
        sql(store, "DELETE FROM baseline.products WHERE NOT tags @> ARRAY['bench-order']");
        sql(store, "TRUNCATE baseline.words");
        return size -> {
            Scale scale = scale((int) size, 1, 1, 1);
            polyglot.resize(scale);
            polyglot.seedProducts();
            long held = polyglot.scale().products(); // seeding widens the scale to what the index holds
            polyglot.resize(scale);
            seeder.products(catalogue, (int) size);
            seeder.dictionary();
            vacuum(store, "baseline.products");
            // the index cannot shrink (catalog keeps deleted SKUs): a smaller size than it holds is not measured
            return new Grown(scale, held > size ? String.format("not measured: the index already holds %s of this"
                    + " catalogue's products (a smaller size needs a fresh stack)", SizePlot.count(held)) : null);
        };
    }

    /**
     * After seeding, before measuring: Redis snapshots its data in a forked child after 10,000 changes
     * (the stack's {@code save} setting) and rewrites its append-only file as it grows, each a core's work
     * for up to minutes at 10M keys; PostgreSQL writes the seeded pages out at its next checkpoint. Either
     * in the middle of a phase is the box's noise, not the design's cost: wait for Redis's to end, and
     * ask PostgreSQL for its checkpoint now (a superuser's right: skipped when the stack's user lacks it).
     */
    private void quiesce(Polyglot polyglot, BaselineStore store) throws Exception {
        long start = System.nanoTime();
        Pattern busy = Pattern.compile("(?m)^(rdb_bgsave_in_progress|aof_rewrite_in_progress):1");
        for (int wait = 0; wait < 3_000 && busy.matcher(String.valueOf(polyglot.redis().call("INFO", "persistence")))
                .find(); wait++) {
            Thread.sleep(100);
        }
        long waited = (System.nanoTime() - start) / 1_000_000_000L;
        if (waited > 0) {
            log.printf("  waited %d s for Redis's snapshot or append-only file rewrite to finish%n", waited);
        }
        // and for the box to settle: seeding leaves work behind (Elasticsearch merging segments, the pipeline's
        // backlog, autovacuum) that a phase would otherwise measure; at most 5 minutes, then measure anyway
        long settleStart = System.nanoTime();
        while (Machine.load1() > settleLoad && System.nanoTime() - settleStart < TimeUnit.MINUTES.toNanos(5)) {
            Thread.sleep(5_000);
        }
        long settled = (System.nanoTime() - settleStart) / 1_000_000_000L;
        if (settled > 0) {
            log.printf("  waited %d s for the 1-minute load to fall under %.1f (now %.2f)%n", settled, settleLoad,
                    Machine.load1());
        }
        try {
            sql(store, "CHECKPOINT");
        } catch (java.sql.SQLException e) {
            log.println("  no CHECKPOINT (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /**
     * Cancels the baseline's statements still running (their client gave up at its timeout; PostgreSQL
     * does not know) and waits until none is, at most a minute.
     */
    private void settle(BaselineStore store) throws Exception {
        String running = "FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'"
                + " AND pid <> pg_backend_pid() AND query LIKE '%baseline.%'";
        long cancelled = store.number("SELECT count(pg_cancel_backend(pid)) " + running);
        for (int wait = 0; wait < 600 && store.number("SELECT count(*) " + running) > 0; wait++) {
            Thread.sleep(100);
        }
        if (cancelled > 0) {
            log.printf("  cancelled %d baseline statements still running after the phase%n", cancelled);
        }
    }

    private static void vacuum(BaselineStore store, String table) throws java.sql.SQLException {
        sql(store, "VACUUM (ANALYZE) " + table);
    }

    /** One statement on its own connection (autocommit: VACUUM cannot run in a transaction). */
    private static void sql(BaselineStore store, String statement, Object... parameters) throws java.sql.SQLException {
        store.withConnection(c -> {
            BaselineStore.execute(c, statement, parameters);
            return null;
        });
    }

    private void measure(SideBySide.Workload workload, Scale scale, long size, String note, BaselineStore store)
            throws Exception {
        int rate = workload.rate(scale);
        for (SideBySide.Target target : workload.targets()) {
            if (target.level().equals("gateway")) {
                continue; // the curves compare the designs at the store and through the service
            }
            if (target.call() == null || (note != null && note.startsWith("not measured"))) {
                String why = target.call() == null ? target.skipped() : note;
                log.printf("%s, %s %s at %s: skipped (%s)%n", workload.name(), target.design(), target.level(),
                        SizePlot.count(size), why);
                points.add(Point.skipped(workload.name(), target, size, rate, why));
                continue;
            }
            String label = workload.name();
            Call call = i -> target.call().run(i).labelled(label);
            log.printf("%s, %s %s at %s%n", workload.name(), target.design(), target.level(), SizePlot.count(size));
            target.before().run();
            if (warmup > 0) {
                Load.fixedRate(call, rate, warmup, FIXED_RATE_WORKERS, log);
            }
            Measurement fixed = Measurement.of(workload.name(), target.design(), target.level(), "fixed-rate", 1,
                    Load.fixedRate(call, rate, duration, FIXED_RATE_WORKERS, log));
            target.before().run();
            Measurement saturation = Measurement.of(workload.name(), target.design(), target.level(), "saturation", 1,
                    Load.saturation(call, duration, workers, log));
            log.printf("  p50 %s, p99 %s ms at %d/s; %,.0f/s at saturation%n", SizePlot.millis(fixed.at(50.0)),
                    SizePlot.millis(fixed.at(99.0)), rate, saturation.throughput());
            points.add(Point.of(workload.name(), target, size, rate, fixed, saturation, note));
            if (target.design().equals(SideBySide.BASELINE)) {
                // a timed-out request leaves its query running in PostgreSQL: the next target must not pay for it
                settle(store);
            }
        }
    }

    private void write(Path dir, Set<String> only, long minSize, long maxSize) throws IOException {
        StringBuilder command = new StringBuilder("deploy/bench/run curves");
        if (only.size() < SERIES.size()) {
            command.append(" --only ").append(String.join(",", only));
        }
        if (minSize > 0) {
            command.append(" --min-size ").append(minSize);
        }
        if (maxSize != Long.MAX_VALUE) {
            command.append(" --max-size ").append(maxSize);
        }
        if (!catalogue.name().equals(SimpleCatalogue.INSTANCE.name())) {
            command.append(" --catalogue ").append(catalogue.name());
        }
        write(dir, command.toString(), facts, points, memory, log);
    }

    static void write(Path dir, String command, Map<String, String> facts, List<Point> points,
            List<SessionMemory> memory, PrintStream log) throws IOException {
        Files.createDirectories(dir);
        StringBuilder md = new StringBuilder("# Cost curves\n\n");
        md.append("Written by `").append(command).append("` (issue 23). Latencies in ms; p50, p99 and p99.9 at the"
                + " fixed rate (open model, from the intended send time), req/s and p99 at saturation; errors of both"
                + " phases.\n\n| | |\n| --- | --- |\n");
        facts.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n"));
        StringBuilder tsv = new StringBuilder(Point.HEADER).append('\n');
        for (Series series : SERIES) {
            for (String workload : series.workloads()) {
                List<Point> rows = points.stream().filter(p -> p.workload().equals(workload))
                        .sorted(Comparator.comparing(Point::size).thenComparing(Point::design).thenComparing(Point::level))
                        .toList();
                if (rows.isEmpty()) {
                    continue;
                }
                md.append("\n## ").append(workload).append(" (").append(series.unit()).append(")\n\n")
                        .append("![").append(workload).append("](").append(workload).append(".svg)\n\n")
                        .append("| size | design | level | p50 | p99 | p99.9 | errors | saturation req/s |"
                                + " saturation p99 | note |\n| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
                List<SizePlot.Point> plot = new ArrayList<>();
                for (Point p : rows) {
                    String noteText = p.note() == null ? "" : p.note();
                    tsv.append(p.tsv()).append('\n');
                    if (!p.measured()) {
                        md.append(String.format(Locale.ROOT, "| %s | %s | %s | | | | | | | %s |%n", SizePlot.count(p.size()),
                                p.design(), p.level(), noteText));
                        continue;
                    }
                    md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %,d | %,.0f | %s | %s |%n",
                            SizePlot.count(p.size()), p.design(), p.level(), SizePlot.millis(p.p50()),
                            SizePlot.millis(p.p99()), SizePlot.millis(p.p999()), p.errors(), p.saturation(),
                            SizePlot.millis(p.saturationP99()), noteText));
                    plot.add(new SizePlot.Point(p.target(), p.size(), p.p99()));
                }
                Files.writeString(dir.resolve(workload + ".svg"), SizePlot.svg(workload, series.unit(), rows.get(0).rate(),
                        plot));
            }
        }
        StringBuilder memoryTsv = new StringBuilder("sessions\tredis_bytes\tpostgres_bytes\n");
        if (!memory.isEmpty()) {
            md.append("\n## Memory per live session\n\nRedis: `MEMORY STATS` `dataset.bytes` grown from the empty start,"
                    + " divided by the sessions (the session's hash and its user's index, keys and values), plus the two"
                    + " key dictionaries' buckets per key for its 2 keys (`SessionSeeder.Footprint`). PostgreSQL:"
                    + " `pg_total_relation_size('baseline.sessions')` (table, primary key, user index, after VACUUM)"
                    + " divided by the sessions.\n\n| sessions | Redis B/session | PostgreSQL B/session |\n| ---: | ---: | ---: |\n");
            for (SessionMemory m : memory) {
                md.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f |%n", SizePlot.count(m.sessions()),
                        m.redisBytes(), m.postgresBytes()));
                memoryTsv.append(String.format(Locale.ROOT, "%d\t%.1f\t%.1f%n", m.sessions(), m.redisBytes(),
                        m.postgresBytes()));
            }
            Files.writeString(dir.resolve("memory.tsv"), memoryTsv.toString());
        }
        Files.writeString(dir.resolve("report.md"), md.toString());
        Files.writeString(dir.resolve("points.tsv"), tsv.toString());
        log.println(md);
    }

    /**
     * {@code deploy/bench/run curves-merge <out-dir> <run-dir>...}: one report of several curves runs (a
     * series run on its own, a size rerun): each run's points.tsv and memory.tsv, a later run's point
     * replacing an earlier one's for the same workload, target and size; the facts say which runs.
     */
    static void merge(String[] argv) throws IOException {
        if (argv.length < 3) {
            System.err.println("bench: curves-merge <out-dir> <curves run dir>...");
            System.exit(2);
            return;
        }
        Map<String, Point> points = new LinkedHashMap<>();
        Map<Long, SessionMemory> memory = new TreeMap<>();
        Map<String, String> facts = new LinkedHashMap<>();
        for (int a = 2; a < argv.length; a++) {
            Path run = Path.of(argv[a]);
            List<String> lines = Files.readAllLines(run.resolve("points.tsv"));
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    Point p = Point.parse(line);
                    points.put(p.key(), p);
                }
            }
            if (Files.exists(run.resolve("memory.tsv"))) {
                List<String> rows = Files.readAllLines(run.resolve("memory.tsv"));
                for (String row : rows.subList(1, rows.size())) {
                    String[] f = row.split("\t");
                    if (f.length == 3) {
                        memory.put(Long.parseLong(f[0]), new SessionMemory(Long.parseLong(f[0]),
                                Double.parseDouble(f[1]), Double.parseDouble(f[2])));
                    }
                }
            }
            facts.put("run " + (a - 1), "[" + run.getFileName() + "](../" + run.getFileName() + "/report.md), "
                    + lines.size() + " lines of points");
        }
        write(Path.of(argv[1]), "deploy/bench/run curves-merge", facts, new ArrayList<>(points.values()),
                new ArrayList<>(memory.values()), System.err);
    }

}
