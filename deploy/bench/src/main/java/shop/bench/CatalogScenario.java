package shop.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * catalog-service (issue 5): {@code GET /api/products/{id}} as a cache hit and as a cache miss
 * (the Redis entry deleted right before the request, so it is read from PostgreSQL and cached
 * again), then order placement at saturation with the no-oversell check: every product's stock
 * fell by exactly the units of its accepted orders, and a last-units race sells exactly the
 * stock. Products and the customer are created through the API, each run its own. Each phase has
 * its own warm-up, and reports the CPU the service and its PostgreSQL spent per request
 * ({@link ProcessCpu}): on a shared box that compares runs better than the latency tails do.
 */
final class CatalogScenario implements Scenario {

    private static final int DEFAULT_PORT = 8081;
    private static final int PRODUCTS = 200;
    private static final int ORDER_STOCK = 1_000_000;
    private static final int LAST_UNITS = 100;
    private static final int LAST_UNITS_BUYERS = 16;
    private static final int LAST_UNITS_TRIES = 20;
    private static final int MISS_RATE = 200;
    private static final String ADMIN = UUID.randomUUID().toString();

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public String summary() {
        return "product GET cache hit and miss at --rate, then order placement at saturation with the no-oversell check";
    }

    @Override
    public void run(Args args, Report report) throws Exception {
        int port = args.servicePort() == 8086 ? DEFAULT_PORT : args.servicePort();
        Http http = new Http(port);
        String base = http.base();
        String run = Long.toString(System.currentTimeMillis(), 36);

        String customer = createCustomer(http, run);
        List<String> products = new ArrayList<>();
        for (int p = 0; p < PRODUCTS; p++) {
            products.add(createProduct(http, "bench-" + run + "-" + p, ORDER_STOCK));
        }
        for (String id : products) {
            get(http, id); // first read caches it
        }
        report.line("service %s, %d products (stock %,d each) and one customer made for this run, machine: %d cores",
                base, PRODUCTS, ORDER_STOCK, Runtime.getRuntime().availableProcessors());
        report.line("load average before: %s", Machine.loadAverage());
        // CPU per request does not move with the box's load the way latency does: it compares runs
        Optional<ProcessCpu> cpu = ProcessCpu.of(port, StackSettings.read().port("STACK_PG_PORT"));

        Call hit = i -> {
            HttpResponse<Void> response = get(http, products.get(new SplittableRandom(i).nextInt(PRODUCTS)));
            return new Call.Outcome("get-hit", response.statusCode() == 200
                    && "HIT".equals(response.headers().firstValue("X-Cache").orElse(null)));
        };
        if (args.warmupSeconds() > 0) {
            System.err.printf("warm-up: %d req/s for %d s (not recorded)%n", args.rate(), args.warmupSeconds());
            Load.fixedRate(hit, args.rate(), args.warmupSeconds(), 32, System.err);
        }
        System.err.printf("cache hits: %d req/s for %d s%n", args.rate(), args.durationSeconds());
        measured(report, cpu, String.format("GET /api/products/{id}, cache HIT, fixed rate %d req/s for %d s "
                + "(latency from the intended send time)", args.rate(), args.durationSeconds()),
                () -> Load.fixedRate(hit, args.rate(), args.durationSeconds(), 32, System.err));

        // a miss: the entry is deleted straight in Redis, then read through the service (the DEL,
        // ~0.1 ms on loopback, is inside the measured time)
        ThreadLocal<Resp> redis = ThreadLocal.withInitial(() -> {
            try {
                return new Resp(args.redisPort());
            } catch (IOException e) {
                throw new IllegalStateException("Redis on " + args.redisPort() + ": " + e.getMessage(), e);
            }
        });
        Call miss = i -> {
            String id = products.get(new SplittableRandom(i).nextInt(PRODUCTS));
            redis.get().call("DEL", "catalog:product:" + id);
            HttpResponse<Void> response = get(http, id);
            return new Call.Outcome("get-miss", response.statusCode() == 200
                    && "MISS".equals(response.headers().firstValue("X-Cache").orElse(null)));
        };
        // every phase warms its own code path first: a phase measured cold measures the JIT compiling
        // Hibernate and the JDBC driver (59 % of the service's CPU in a cold run, JFR), not the service
        if (args.warmupSeconds() > 0) {
            System.err.printf("warm-up: misses at %d req/s for %d s (not recorded)%n", MISS_RATE, args.warmupSeconds());
            Load.fixedRate(miss, MISS_RATE, args.warmupSeconds(), 32, System.err);
        }
        System.err.printf("cache misses: %d req/s for %d s%n", MISS_RATE, args.durationSeconds());
        measured(report, cpu, String.format("GET /api/products/{id}, cache MISS (entry deleted first), fixed rate %d "
                + "req/s for %d s (latency from the intended send time)", MISS_RATE, args.durationSeconds()),
                () -> Load.fixedRate(miss, MISS_RATE, args.durationSeconds(), 32, System.err));

        Call warmOrder = i -> new Call.Outcome("order",
                placeOrder(http, customer, products.get(new SplittableRandom(i).nextInt(PRODUCTS))) == 201);
        if (args.warmupSeconds() > 0) {
            System.err.printf("warm-up: orders, %d workers for %d s (not recorded)%n", args.workers(), args.warmupSeconds());
            Load.saturation(warmOrder, args.warmupSeconds(), args.workers(), System.err);
        }
        int[] before = new int[PRODUCTS];
        for (int p = 0; p < PRODUCTS; p++) {
            before[p] = stock(http, products.get(p));
        }
        AtomicLongArray sold = new AtomicLongArray(PRODUCTS);
        Call order = i -> {
            int p = new SplittableRandom(i * 31 + 7).nextInt(PRODUCTS);
            int status = placeOrder(http, customer, products.get(p));
            if (status == 201) {
                sold.incrementAndGet(p);
            }
            return new Call.Outcome("order", status == 201);
        };
        System.err.printf("orders: %d workers for %d s%n", args.workers(), args.durationSeconds());
        measured(report, cpu, String.format("POST /api/orders (1 unit of a random product of %d), saturation, %d "
                + "closed-loop workers for %d s (latency = service time)", PRODUCTS, args.workers(), args.durationSeconds()),
                () -> Load.saturation(order, args.durationSeconds(), args.workers(), System.err));
        long accepted = 0;
        int mismatched = 0;
        for (int p = 0; p < PRODUCTS; p++) {
            accepted += sold.get(p);
            if (before[p] - stock(http, products.get(p)) != sold.get(p)) {
                mismatched++;
            }
        }
        report.line("orders accepted: %,d; products whose stock did not fall by exactly their accepted units: %d",
                accepted, mismatched);

        String last = createProduct(http, "bench-" + run + "-last", LAST_UNITS);
        AtomicInteger won = new AtomicInteger();
        ExecutorService buyers = Executors.newFixedThreadPool(LAST_UNITS_BUYERS);
        for (int b = 0; b < LAST_UNITS_BUYERS; b++) {
            buyers.execute(() -> {
                for (int t = 0; t < LAST_UNITS_TRIES; t++) {
                    try {
                        if (placeOrder(http, customer, last) == 201) {
                            won.incrementAndGet();
                        }
                    } catch (Exception e) {
                        System.err.println("last units: " + e);
                    }
                }
            });
        }
        buyers.shutdown();
        buyers.awaitTermination(5, TimeUnit.MINUTES);
        int left = stock(http, last);
        report.line("last units: %d buyers x %d tries for %d units -> %d orders accepted, stock left %d, oversold %d",
                LAST_UNITS_BUYERS, LAST_UNITS_TRIES, LAST_UNITS, won.get(), left, Math.max(0, won.get() - LAST_UNITS));
        report.line("%nload average after: %s", Machine.loadAverage());
    }

    private static void measured(Report report, Optional<ProcessCpu> cpu, String title, Callable<Load.Result> phase)
            throws Exception {
        Optional<ProcessCpu.Sample> start = cpu.map(ProcessCpu::sample);
        Load.Result result = phase.call();
        report.phase(title, result);
        if (cpu.isPresent()) {
            report.line("%s", cpu.get().since(start.get(), result.latencies().count()));
        }
    }

    private static String createCustomer(Http http, String run) throws Exception {
        String body = "{\"email\":\"bench-" + run + "@shop.test\",\"name\":\"Bench\",\"password\":\"bench-password-1\"}";
        return idOf(post(http, "/api/users", body, null, null), "POST /api/users");
    }

    private static String createProduct(Http http, String sku, int stock) throws Exception {
        String body = "{\"sku\":\"" + sku + "\",\"name\":\"Bench product " + sku + "\",\"description\":\"load run\","
                + "\"brand\":\"Bench\",\"price\":19.99,\"tags\":[\"bench\"],\"stock\":" + stock + "}";
        return idOf(post(http, "/api/products", body, ADMIN, "admin"), "POST /api/products");
    }

    private static int placeOrder(Http http, String customer, String product) throws Exception {
        String body = "{\"userId\":\"" + customer + "\",\"items\":[{\"productId\":\"" + product + "\",\"quantity\":1}]}";
        return post(http, "/api/orders", body, customer, "customer").statusCode();
    }

    private static int stock(Http http, String product) throws Exception {
        // a write evicts the cached entry after commit, so this reads what PostgreSQL holds
        HttpResponse<String> response = http.get("/api/products/" + product);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET product " + product + ": " + response.statusCode() + " " + response.body());
        }
        return Math.toIntExact(JsonBody.of(response.body()).number("stock"));
    }

    private static HttpResponse<Void> get(Http http, String product) throws Exception {
        return http.send(http.request("/api/products/" + product).GET(), HttpResponse.BodyHandlers.discarding());
    }

    private static HttpResponse<String> post(Http http, String path, String body, String userId, String roles)
            throws Exception {
        return http.postJson(path, body, userId, roles);
    }

    private static String idOf(HttpResponse<String> response, String what) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
        }
        return JsonBody.of(response.body()).text("id");
    }
}
