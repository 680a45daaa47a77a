package shop.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The CDC pipeline's capacity (issue 23): catalog commit → Elasticsearch and → DynamoDB. Events are
 * written as the shop writes them, through catalog-service's API, at offered rates that rise in
 * steps ({@code --rates}, each {@code --duration} s, open model): for the search view product price
 * updates ({@code PUT /api/products/{id}}, one product.updated each, over a pool of
 * {@value #PRODUCTS} products kept across runs by their SKUs), for the feed orders
 * ({@code POST /api/orders} by {@value #CUSTOMERS} customers kept across runs by their emails; each
 * writes an order.placed, and a product.updated for the stock it takes, which search carries too).
 *
 * <p>The lag is the views' own {@code projection_lag_seconds} histogram (commit in PostgreSQL → the
 * store's acknowledgement), and {@code projection_hop_seconds} splits it into capture, queued and apply
 * (where the bound is: Debezium, the consumers, the store), read from {@code /q/metrics} before each step and after the view drained
 * the step's events, and differenced. {@code --also-search} / {@code --also-feed} name more
 * instances (replicas in the same consumer group), whose meters are summed with the stack's.
 * Ports from {@code deploy/local/stack env}.
 */
final class PipelineScenario implements Scenario {

    static final int PRODUCTS = 2_000;
    static final int CUSTOMERS = 100;
    private static final String SKU = "bench-pipeline-";
    private static final String EMAIL = "bench-pipeline-";
    private static final int DEFAULT_DURATION = 20;
    private static final int WORKERS = 32;
    private static final int SEED_WORKERS = 8;
    private static final long DRAIN_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(120);
    private static final long SETTLE_LIMIT_NANOS = TimeUnit.MINUTES.toNanos(5);
    private static final long POLL_MILLIS = 500;
    /**
     * How long recordsBehind must read 0 before a series, and after a step whose events seen fall short
     * of those written (a consumer the run does not read took some): longer than the views' backlog
     * refresh (5 s) plus their throttled offset commits (every 5 s), so a 0 from before has expired.
     */
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(12);
    private static final String ADMIN = UUID.randomUUID().toString();

    /** A pool product: what a PUT must send again (its SKU) and where (its id). */
    private record PoolProduct(String sku, String id) {
    }

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public String summary() {
        return "CDC capacity: catalog writes at rising --rates (price updates -> search, orders -> feed), lag p50/p99"
                + " per step from the views' projection_lag_seconds; --view, --also-search/--also-feed URL";
    }

    /** The harness-wide default (30 s) means 20 s a step here: five steps per view stay near two minutes. */
    static int stepSeconds(Args args) {
        return args.durationSeconds() == 30 ? DEFAULT_DURATION : args.durationSeconds();
    }

    @Override
    public void run(Args args, Report report) throws Exception {
        StackSettings stack = StackSettings.read();
        Http catalog = new Http(stack.port("STACK_CATALOG_PORT"));
        WatchedView search = view("search", "/api/search/status", stack.port("STACK_SEARCH_PORT"), args.alsoSearch());
        WatchedView feed = view("feed", "/api/feed/status", stack.port("STACK_FEED_PORT"), args.alsoFeed());
        boolean searchSeries = !args.view().equals("feed");
        boolean feedSeries = !args.view().equals("search");
        if (searchSeries) {
            search.requireMeters();
        }
        if (feedSeries) {
            feed.requireMeters();
        }
        int seconds = stepSeconds(args);
        int partitions = Integer.parseInt(stack.values().getOrDefault("STACK_OUTBOX_PARTITIONS", "1"));

        List<PoolProduct> products;
        List<String> customers = List.of();
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(), stack.get("STACK_PG_USER"),
                stack.get("STACK_PG_PASSWORD"))) {
            products = seedProducts(catalog, db, report);
            if (feedSeries) {
                customers = seedCustomers(catalog, db, report);
            }
        }
        report.line("catalog %s; machine: %d cores, JDK %s", catalog.base(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        report.line("load average at start: %s", Machine.loadAverage());
        report.line("steps: %s events/s offered, %d s each, open model (%d workers, latency from the intended send"
                + " time); after each step the view drains (recordsBehind 0 and the step's events acknowledged,"
                + " at most %d s)", args.rates(), seconds, WORKERS, TimeUnit.NANOSECONDS.toSeconds(DRAIN_LIMIT_NANOS));
        report.line("lag: projection_lag_seconds (commit in PostgreSQL -> acknowledged by the view's store), the"
                + " difference of the histogram read before the step and after its drain; p50/p99 are the upper bound"
                + " of the bucket holding them (Micrometer's buckets: e.g. 0.984 s, then 1.074 s)");
        report.line("capture / queued / apply p99: the same events' lag hop by hop (projection_hop_seconds): commit ->"
                + " appended to Kafka (Debezium), appended -> taken by the projection (the consumer's backlog), taken ->"
                + " acknowledged by the store; each hop's own p99, from the topics' append time ('-' where the view does"
                + " not report hops)");
        report.line("behind: recordsBehind of GET /api/<view>/status at the step's end (end offsets less committed"
                + " offsets, read from Kafka every 5 s; offsets are committed every few seconds, so a view that keeps"
                + " up still shows a few seconds' worth of events); drained s: until it read 0 with the step's events"
                + " acknowledged; rebalances: of the view's consumer group from the step's start to its drain");

        // one index over all steps of a series: a product's successive updates always change it
        AtomicLong sequence = new AtomicLong();
        String run = Long.toString(System.currentTimeMillis(), 36);
        if (searchSeries) {
            Call update = i -> {
                long n = sequence.get() + i;
                PoolProduct p = products.get((int) (n % products.size()));
                HttpResponse<Void> answer = catalog.send(catalog.request("/api/products/" + p.id())
                        .header("Content-Type", "application/json").header("X-User-Id", ADMIN)
                        .header("X-User-Roles", "admin")
                        .PUT(HttpRequest.BodyPublishers.ofString(productJson(p.sku(), n / products.size(),
                                "pipeline bench " + run + " update " + n))), HttpResponse.BodyHandlers.discarding());
                return new Call.Outcome("price", answer.statusCode() == 200);
            };
            series(search, "PUT /api/products/{id} (a new price): one product.updated each", update, sequence, args,
                    seconds, partitions, report);
        }
        if (feedSeries) {
            List<String> buyers = customers;
            Call order = i -> {
                long n = sequence.get() + i;
                String buyer = buyers.get((int) (n % buyers.size()));
                HttpResponse<String> answer = catalog.postJson("/api/orders", "{\"userId\":\"" + buyer
                        + "\",\"items\":[{\"productId\":\"" + products.get((int) (n % products.size())).id()
                        + "\",\"quantity\":1}]}", buyer, "customer");
                return new Call.Outcome("order", answer.statusCode() == 201);
            };
            series(feed, "POST /api/orders (1 unit): one order.placed each (and a product.updated for its stock,"
                    + " which the search view carries meanwhile)", order, sequence, args, seconds,
                    partitions, report);
        }
        report.line("%nload average at the end: %s", Machine.loadAverage());
    }

    private static WatchedView view(String name, String status, int port, List<Integer> also) {
        List<Http> instances = new ArrayList<>();
        instances.add(new Http(port));
        also.forEach(p -> instances.add(new Http(p)));
        return new WatchedView(name, status, instances);
    }

    /** The rising steps against one view, then its table. */
    private static void series(WatchedView view, String writes, Call write, AtomicLong sequence, Args args, int seconds,
            int partitions, Report report) throws Exception {
        settle(view, report);
        long held = view.read().partitionsHeld();
        List<PipelineStep> steps = new ArrayList<>();
        for (int s = 0; s < args.rates().size(); s++) {
            int rate = args.rates().get(s);
            System.err.printf("%s: step %d of %d, %d events/s for %d s%n", view.name, s + 1, args.rates().size(), rate,
                    seconds);
            steps.add(step(view, write, rate, seconds));
            sequence.addAndGet((long) rate * seconds);
        }
        report.line("%n== %s view: %s; %d instance(s): %s", view.name, writes, view.instanceCount(), view.describe());
        // the partitions the instances read hold: fewer than all means a consumer the run does not read takes a share
        report.line("partitions held by the instances read at the start: %d of %d per topic%s", held, partitions,
                held < partitions ? " (another consumer in the group holds the rest: name it with --also-"
                        + view.name + ")" : "");
        report.line("%s", CapacityTable.render(steps).stripTrailing());
        report.attach(view.name + "-lag.svg", CapacityTable.plot(String.format("%s view, %d instance(s): lag p99 and its"
                + " hops as the rate rises", view.name, view.instanceCount()), steps));
        report.line("%s", CapacityTable.verdict(steps).stripTrailing());
        report.line("load average after the %s steps: %s", view.name, Machine.loadAverage());
    }

    private static PipelineStep step(WatchedView view, Call write, int rate, int seconds) throws Exception {
        ViewReading before = view.read();
        long start = System.nanoTime();
        // a step that catalog cannot keep up with gets as long again to finish its writes, then the rest count as failed
        Load.Result writes = Load.fixedRate(write, rate, seconds, WORKERS, TimeUnit.SECONDS.toNanos(seconds), System.err);
        ViewReading end = view.read();
        double stepSeconds = (System.nanoTime() - start) / 1e9;
        Long behind = view.recordsBehind();
        long written = writes.latencies().count() - writes.latencies().errorCount();

        long drainStart = System.nanoTime();
        long caughtUpSince = -1;
        ViewReading after;
        boolean drained;
        while (true) {
            after = view.read();
            Long now = view.recordsBehind();
            boolean caughtUp = now != null && now == 0;
            caughtUpSince = !caughtUp ? -1 : caughtUpSince < 0 ? System.nanoTime() : caughtUpSince;
            // a 0 alone may be from before the step (the backlog is read from Kafka every few seconds):
            // with it, every event written must be seen, or the 0 must have held for a while
            drained = caughtUp && (after.events() - before.events() >= written
                    || System.nanoTime() - caughtUpSince > QUIET_NANOS);
            if (drained || System.nanoTime() - drainStart > DRAIN_LIMIT_NANOS) {
                break;
            }
            Thread.sleep(POLL_MILLIS); // a progress poll of a tool, not a test
        }
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
        ViewReading step = after.minus(before);
        return new PipelineStep(rate, written, written / writes.seconds(), writes.latencies().errorCount(),
                writes.latencies().percentileMillis(99), (end.events() - before.events()) / stepSeconds,
                step.lag(), behind, drainSeconds, drained, step.rebalances(), step.hops());
    }

    /** Before a series: whatever the seeding (or anyone else) left on the view's topics is applied first. */
    private static void settle(WatchedView view, Report report) throws InterruptedException {
        long start = System.nanoTime();
        long caughtUpSince = -1;
        while (true) {
            Long behind = view.recordsBehind();
            caughtUpSince = behind == null || behind > 0 ? -1 : caughtUpSince < 0 ? System.nanoTime() : caughtUpSince;
            if (caughtUpSince >= 0 && System.nanoTime() - caughtUpSince > QUIET_NANOS) {
                System.err.printf("%s: 0 records behind after %.1f s%n", view.name, (System.nanoTime() - start) / 1e9);
                return;
            }
            if (System.nanoTime() - start > SETTLE_LIMIT_NANOS) {
                report.line("%s: still %s records behind after %d s; measuring anyway", view.name, behind,
                        TimeUnit.NANOSECONDS.toSeconds(SETTLE_LIMIT_NANOS));
                return;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** The pool: {@value #PRODUCTS} products with SKUs {@code bench-pipeline-<i>}, created through catalog where missing. */
    private static List<PoolProduct> seedProducts(Http catalog, Connection db, Report report) throws Exception {
        List<PoolProduct> pool = pool(db);
        if (pool.size() < PRODUCTS) {
            Set<String> have = pool.stream().map(PoolProduct::sku).collect(Collectors.toSet());
            List<Integer> missing = new ArrayList<>();
            for (int i = 0; i < PRODUCTS; i++) {
                if (!have.contains(SKU + i)) {
                    missing.add(i);
                }
            }
            AtomicInteger failed = new AtomicInteger();
            inParallel(missing.size(), "products", k -> {
                int i = missing.get(k);
                int status = catalog.postJson("/api/products", productJson(SKU + i, 0, "pipeline bench"), ADMIN, "admin")
                        .statusCode();
                if (status != 201 && status != 409) {
                    failed.incrementAndGet();
                }
            });
            pool = pool(db);
            report.line("seed: %,d products created through catalog-service (%,d failed)", missing.size() - failed.get(),
                    failed.get());
        }
        // other tests delete a product now and then; its SKU may stay taken, so a few missing are fine
        if (pool.size() < PRODUCTS / 2) {
            throw new IllegalStateException("only " + pool.size() + " pool products (" + SKU + "*) in catalog");
        }
        report.line("pool: %,d products (%s*), %s", pool.size(), SKU, pool.size() == PRODUCTS ? "all there"
                : (PRODUCTS - pool.size()) + " missing");
        return pool;
    }

    /** The buyers: {@value #CUSTOMERS} customers, emails {@code bench-pipeline-<c>@shop.test}, registered where missing. */
    private static List<String> seedCustomers(Http catalog, Connection db, Report report) throws Exception {
        List<String> customers = customers(db);
        if (customers.size() < CUSTOMERS) {
            AtomicInteger failed = new AtomicInteger();
            inParallel(CUSTOMERS, "customers", c -> {
                int status = catalog.postJson("/api/users", "{\"email\":\"" + EMAIL + c + "@shop.test\",\"name\":"
                        + "\"Pipeline bench\",\"password\":\"bench-password-1\"}", null, null).statusCode();
                if (status != 201 && status != 409) {
                    failed.incrementAndGet();
                }
            });
            customers = customers(db);
            report.line("seed: customers registered through catalog-service (%d failed)", failed.get());
        }
        if (customers.isEmpty()) {
            throw new IllegalStateException("no " + EMAIL + "*@shop.test customers in catalog");
        }
        report.line("buyers: %d customers (%s*@shop.test)", customers.size(), EMAIL);
        return customers;
    }

    @FunctionalInterface
    private interface Seeding {
        void seed(int i) throws Exception;
    }

    private static void inParallel(int count, String what, Seeding seeding) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ProgressBar bar = new ProgressBar("seed " + what, count, System.err);
        ExecutorService pool = Executors.newFixedThreadPool(SEED_WORKERS);
        for (int w = 0; w < SEED_WORKERS; w++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    try {
                        seeding.seed(i);
                    } catch (Exception e) {
                        System.err.printf("%n%s %d: %s%n", what, i, e);
                    }
                    done.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        while (!pool.awaitTermination(200, TimeUnit.MILLISECONDS)) {
            bar.update(done.get());
        }
        bar.update(count);
    }

    /**
     * A pool product's body: the same SKU and stock each time, a price that moves with {@code round}
     * and a description naming the write, so every PUT really changes the product (a PUT that changes
     * nothing would publish no new version).
     */
    static String productJson(String sku, long round, String description) {
        long cents = 1_000 + Math.floorMod(round * 7_919, 90_000);
        return "{\"sku\":\"" + sku + "\",\"name\":\"Pipeline bench product " + sku.substring(SKU.length())
                + "\",\"description\":\"" + description + "\",\"brand\":\"Bench\",\"price\":" + cents / 100 + "."
                + String.format("%02d", cents % 100) + ",\"tags\":[\"bench-pipeline\"],\"stock\":1000000}";
    }

    /** A read, not a write: which pool products exist and their ids, found by SKU. */
    private static List<PoolProduct> pool(Connection db) throws SQLException {
        List<PoolProduct> pool = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT sku, id FROM products WHERE sku LIKE ? ORDER BY sku")) {
            query.setString(1, SKU + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    pool.add(new PoolProduct(rows.getString(1), rows.getString(2)));
                }
            }
        }
        return pool;
    }

    private static List<String> customers(Connection db) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(
                "SELECT id FROM users WHERE lower(email) LIKE ? AND role = 'customer' ORDER BY email")) {
            query.setString(1, EMAIL + "%@shop.test");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }
}
