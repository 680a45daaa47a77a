package shop.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * search-service (issue 6): seeds up to 50,000 products through catalog-service (so they flow
 * through PostgreSQL, the outbox, Debezium and Kafka into Elasticsearch; resumable: products
 * already there are skipped), then a fixed query mix at a fixed rate (exact, misspelled, filtered,
 * faceted), then the lag from a write in catalog-service to the product being found by search,
 * over 1,000 writes. {@code --catalogue} chooses the products and their query mix ({@link Catalogue}).
 */
final class SearchScenario implements Scenario {

    private static final int SEARCH_PORT = 8083;
    private static final int CATALOG_PORT = 8081;
    private static final int MAX_PRODUCTS = 50_000;
    private static final int SEED_WORKERS = 16;
    private static final int LAG_WRITES = 1_000;
    private static final int LAG_WORKERS = 4;
    private static final long LAG_POLL_MILLIS = 25;
    private static final long LAG_GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final String ADMIN = UUID.randomUUID().toString();

    @Override
    public String name() {
        return "search";
    }

    @Override
    public String summary() {
        return "seed 50,000 products via catalog (resumable; --catalogue simple|realistic), query mix at --rate, then"
                + " write-to-searchable lag over 1,000 writes";
    }

    @Override
    public void run(Args args, Report report) throws Exception {
        int products = Math.min(args.users(), MAX_PRODUCTS);
        Catalogue catalogue = Catalogue.named(args.catalogue());
        Http search = new Http(args.servicePort() == 8086 ? SEARCH_PORT : args.servicePort());
        Http catalog = new Http(CATALOG_PORT);

        report.line("catalogue %s", catalogue.description());
        seed(search, catalog, products, catalogue, report);
        report.line("search %s, catalog %s, %,d seeded products, machine: %d cores", search.base(), catalog.base(),
                products, Runtime.getRuntime().availableProcessors());
        report.line("load average before: %s", Machine.loadAverage());

        // the simple catalogue's queries once spelled only the parameters they set; the service's
        // defaults (size 20, page 0, relevance) make them the same Elasticsearch request as now
        Call query = i -> {
            SearchMix q = SearchMix.of(i, products, catalogue);
            HttpResponse<String> answer = search.get("/api/search?" + q.queryString());
            return new Call.Outcome(q.kind(), answer.statusCode() == 200,
                    () -> JsonBody.of(answer.body()).number("total") > 0); // read once the latency is taken
        };
        if (args.warmupSeconds() > 0) {
            System.err.printf("warm-up: %d req/s for %d s (not recorded)%n", args.rate(), args.warmupSeconds());
            Load.fixedRate(query, args.rate(), args.warmupSeconds(), 32, System.err);
        }
        System.err.printf("queries: %d req/s for %d s%n", args.rate(), args.durationSeconds());
        report.phase(String.format("GET /api/search, query mix (exact, misspelled, filtered, faceted) over %,d products "
                + "of the %s catalogue, fixed rate %d req/s for %d s (latency from the intended send time)", products,
                catalogue.name(), args.rate(), args.durationSeconds()),
                Load.fixedRate(query, args.rate(), args.durationSeconds(), 32, System.err));

        report.phase(String.format("write -> searchable: %,d products created through catalog-service by %d writers, "
                + "each polled with GET /api/search every %d ms until found (latency from sending the write, so it "
                + "includes catalog's own commit)", LAG_WRITES, LAG_WORKERS, LAG_POLL_MILLIS), lag(search, catalog));
        report.line("%nload average after: %s", Machine.loadAverage());
    }

    /** Creates the missing products (409 = already there) and waits until the index holds them all. */
    static void seed(Http search, Http catalog, int products, Catalogue catalogue, Report report) throws Exception {
        long indexed = indexed(search, catalogue);
        // other tests on the shared stack delete a benchmark product now and then; catalog keeps its SKU
        // (a resend is a 409 and brings nothing back), so a few missing do not make a reseed
        if (indexed >= products - products / 1000) {
            report.line("seed: %,d of %,d products already indexed (tag %s), nothing to add", indexed, products,
                    catalogue.tag());
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicLong existing = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ProgressBar bar = new ProgressBar("seed ", products, System.err);
        ExecutorService writers = Executors.newFixedThreadPool(SEED_WORKERS);
        for (int w = 0; w < SEED_WORKERS; w++) {
            writers.execute(() -> {
                for (int i = next.getAndIncrement(); i < products; i = next.getAndIncrement()) {
                    try {
                        int status = create(catalog, catalogue.product(i).json()).statusCode();
                        if (status == 409) {
                            existing.incrementAndGet();
                        } else if (status != 201) {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    done.incrementAndGet();
                }
            });
        }
        writers.shutdown();
        while (!writers.awaitTermination(200, TimeUnit.MILLISECONDS)) {
            bar.update(done.get());
        }
        bar.update(products);
        report.line("seed: %,d products sent to catalog-service (%,d were there already, %,d failed)", products,
                existing.get(), failed.get());

        ProgressBar indexing = new ProgressBar("index", products, System.err);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        long last = -1;
        long lastChange = System.nanoTime();
        // stops when all are there, or when nothing more arrived for 30 s (products deleted by others)
        while ((indexed = indexed(search, catalogue)) < products - failed.get() && System.nanoTime() < deadline
                && System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(30)) {
            if (indexed != last) {
                last = indexed;
                lastChange = System.nanoTime();
            }
            indexing.update(indexed);
            Thread.sleep(500); // a progress poll of a tool, not a test
        }
        indexing.update(products);
        report.line("seed: %,d products searchable", indexed);
    }

    private static Load.Result lag(Http search, Http catalog) throws InterruptedException {
        Latencies latencies = new Latencies();
        String run = Long.toString(System.currentTimeMillis(), 36);
        AtomicInteger next = new AtomicInteger();
        ProgressBar bar = new ProgressBar("  lag", LAG_WRITES, System.err);
        long start = System.nanoTime();
        ExecutorService writers = Executors.newFixedThreadPool(LAG_WORKERS);
        for (int w = 0; w < LAG_WORKERS; w++) {
            writers.execute(() -> {
                for (int i = next.getAndIncrement(); i < LAG_WRITES; i = next.getAndIncrement()) {
                    String word = "lagprobe" + run + "x" + i;
                    long sent = System.nanoTime();
                    boolean found = false;
                    try {
                        String body = "{\"sku\":\"bench-search-lag-" + run + "-" + i + "\",\"name\":\"Lag probe " + word
                                + "\",\"description\":\"write to searchable\",\"brand\":\"Bench\",\"price\":9.99,"
                                + "\"tags\":[\"bench-search-lag\"],\"stock\":1}";
                        if (create(catalog, body).statusCode() == 201) {
                            while (!found && System.nanoTime() - sent < LAG_GIVE_UP_NANOS) {
                                // by its name: fuzziness also finds the other probes, a couple of edits away
                                found = search.get("/api/search?size=3&q=" + word).body()
                                        .contains("\"name\":\"Lag probe " + word + "\"");
                                if (!found) {
                                    Thread.sleep(LAG_POLL_MILLIS);
                                }
                            }
                        }
                    } catch (Exception e) {
                        found = false;
                    }
                    latencies.record("lag", System.nanoTime() - sent, found);
                }
            });
        }
        writers.shutdown();
        while (!writers.awaitTermination(200, TimeUnit.MILLISECONDS)) {
            bar.update(latencies.count());
        }
        bar.update(LAG_WRITES);
        return new Load.Result(latencies, (System.nanoTime() - start) / 1e9, 0, LAG_WORKERS);
    }

    private static HttpResponse<String> create(Http catalog, String body) throws Exception {
        HttpRequest.Builder request = catalog.request("/api/products").header("Content-Type", "application/json")
                .header("X-User-Id", ADMIN).header("X-User-Roles", "admin")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return catalog.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** How many of the catalogue's products the index holds; -1 while search-service does not answer with a page. */
    private static long indexed(Http search, Catalogue catalogue) throws Exception {
        HttpResponse<String> page = search.get("/api/search?size=0&tag=" + catalogue.tag());
        return page.statusCode() == 200 ? JsonBody.of(page.body()).number("total") : -1;
    }
}
