package shop.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The polyglot suite's side: seeds through the services where they exist (products through
 * catalog-service, so they flow through the outbox, Debezium and Kafka into Elasticsearch;
 * sessions through session-service) and straight into the store in the service's own layout where
 * seeding through the API would take hours ({@link LeaderboardSeeder}, {@link FeedLoader}). Then
 * hands out one {@link Call} per workload at the store (Redis, Elasticsearch, DynamoDB clients),
 * at the service and through the gateway.
 */
final class Polyglot implements AutoCloseable {

    static final String BOARD = BaselineSeeder.BOARD;
    private static final int SEED_WORKERS = 8;
    private static final int SAMPLE_PRODUCTS = 200;
    static final int MAX_PRODUCTS = 50_000;
    private static final double NEARLY_ALL = 0.999;
    private static final int SETTLE_MINUTES = 5;
    /** How long a lag probe waits; a probe that never saw its write is recorded at this (a lower bound). */
    static final long PROBE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long STILL_NANOS = TimeUnit.SECONDS.toNanos(15);
    /** How long the wait for the index goes on without one more product indexed. */
    private static final int STALLED_SECONDS = 120;
    private static final int GATEWAY_CLIENTS = 4_096;
    private static final String ADMIN = UUID.randomUUID().toString();

    private final StackSettings stack;
    private Scale scale;
    private final Catalogue catalogue;
    private final PrintStream log;
    final Http catalog;
    final Http sessions;
    final Http search;
    final Http feed;
    final Http leaderboard;
    final Http gateway;
    final Http elasticsearch;
    private final DynamoDbClient dynamo;
    private final ConcurrentLinkedQueue<Resp> redisConnections = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Resp> redis;

    /** Why search cannot be measured on this side, or null when it can. */
    String searchUnavailable;
    /** Set when the index holds nearly all, not all, of the benchmark's products. */
    String searchNote;
    private List<String> sampleProducts = List.of();
    private List<String> orderProducts = List.of();
    private String customer;
    private AtomicReferenceArray<String> tokens;

    Polyglot(StackSettings stack, Scale scale, Catalogue catalogue, PrintStream log) {
        this.stack = stack;
        this.scale = scale;
        this.catalogue = catalogue;
        this.log = log;
        this.catalog = new Http(stack.port("STACK_CATALOG_PORT"));
        this.sessions = new Http(stack.port("STACK_SESSION_PORT"));
        this.search = new Http(stack.port("STACK_SEARCH_PORT"));
        this.feed = new Http(stack.port("STACK_FEED_PORT"));
        this.leaderboard = new Http(stack.port("STACK_LEADERBOARD_PORT"));
        this.gateway = new Http(stack.port("STACK_GATEWAY_PORT"));
        this.elasticsearch = new Http(stack.port("STACK_ES_PORT"));
        this.dynamo = FeedLoader.client(stack.port("STACK_DYNAMODB_PORT"));
        int redisPort = stack.port("STACK_REDIS_PORT");
        this.redis = ThreadLocal.withInitial(() -> {
            try {
                Resp resp = new Resp(redisPort);
                redisConnections.add(resp);
                return resp;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * The polyglot stores' versions, asked of the running servers (the machine facts of the report);
     * dynalite has no version endpoint, so its pinned version is read from the root pom.
     */
    Map<String, String> storeVersions() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("redis", answer(() -> {
            Matcher version = Pattern.compile("redis_version:(\\S+)").matcher((String) redis.get().call("INFO", "server"));
            return version.find() ? version.group(1) : "unknown";
        }));
        versions.put("elasticsearch", answer(() -> {
            // the stack's node answers GET / with 405, so ask the cat API
            String version = elasticsearch.get("/_cat/nodes?h=version").body().trim();
            return version.isEmpty() ? "unknown" : version;
        }));
        versions.put("dynamodb", answer(() -> {
            Matcher version = Pattern.compile("<dynalite.version>([^<]+)<").matcher(Files.readString(Path.of("pom.xml")));
            return "dynalite " + (version.find() ? version.group(1) : "(version unknown)")
                    + ", not DynamoDB: see deploy/bench/RESULTS.md";
        }));
        return versions;
    }

    @FunctionalInterface
    private interface Question {
        String ask() throws Exception;
    }

    private static String answer(Question question) {
        try {
            return question.ask();
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /**
     * Seeds everything; afterwards {@link #scale()} holds as many products as the search index
     * holds of the benchmark's catalogue (at most {@value #MAX_PRODUCTS}), for the baseline to match.
     */
    void seed() throws Exception {
        seedProducts();
        seedSessions();
        seedLeaderboard();
        seedFeed();
        customer = idOf(post(catalog, "/api/users", "{\"email\":\"bench-sbs-" + UUID.randomUUID()
                + "@shop.test\",\"name\":\"Bench\",\"password\":\"bench-password-1\"}", null, null), "POST /api/users");
        List<String> probes = new ArrayList<>();
        for (int p = 0; p < BaselineSeeder.ORDER_PRODUCTS; p++) {
            probes.add(createProduct("bench-sbs-order-" + UUID.randomUUID(), "Order probe", 1_000_000));
        }
        orderProducts = probes;
    }

    /** The board holds exactly the scale's users: reseeded whenever it holds another number. */
    void seedLeaderboard() throws IOException {
        Resp r = redis.get();
        if (LeaderboardSeeder.size(r, BOARD) != scale.leaderboardUsers()) {
            LeaderboardSeeder.seed(r, BOARD, scale.leaderboardUsers(), log);
        } else {
            log.printf("  polyglot leaderboard: %,d users already on lb:{%s}:all, skipped%n", scale.leaderboardUsers(), BOARD);
        }
    }

    /** Loads the scale's feed users; returns how many users the table holds now (an earlier run may have loaded more). */
    long seedFeed() throws InterruptedException {
        String table = stack.get("STACK_FEED_TABLE");
        FeedLoader.Loaded loaded = FeedLoader.load(dynamo, table, scale.feedUsers(), log);
        log.printf("  polyglot feed: %,d items written now, %,d users were there already%n", loaded.itemsWritten(),
                loaded.usersSkipped());
        return Math.max(scale.feedUsers(), FeedLoader.loadedUsers(dynamo, table));
    }

    /**
     * Sessions {@code from..scale.sessions()-1} straight into Redis in session-service's layout
     * ({@link SessionSeeder}), with tokens derived from their index as the baseline's are; from then
     * on the session calls ask for those, not for tokens made through the service.
     */
    void seedSessionsInRedis(int from, Duration ttl) throws IOException {
        tokens = null;
        SessionSeeder.seed(redis.get(), from, scale.sessions(), scale.users(), ttl, log);
    }

    /** The same stores, asked about another amount of data (the cost curves grow the data in steps). */
    void resize(Scale scale) {
        this.scale = scale;
    }

    Resp redis() {
        return redis.get();
    }

    /** Through catalog-service, 409 (already there) counts as done: resumable, and the index follows. */
    void seedProducts() throws Exception {
        long indexed = indexedProducts();
        if (indexed < 0) {
            searchUnavailable = "search-service does not answer GET /api/search on " + search.base();
            log.println("  polyglot search: not available (" + searchUnavailable + "): the search workload is skipped");
        }
        List<String> created = Collections.synchronizedList(new ArrayList<>());
        if (indexed < scale.products()) {
            AtomicLong next = new AtomicLong();
            ProgressBar bar = new ProgressBar("  polyglot products (catalog-service)", scale.products(), log);
            ExecutorService pool = Executors.newFixedThreadPool(SEED_WORKERS);
            for (int w = 0; w < SEED_WORKERS; w++) {
                pool.execute(() -> {
                    for (long i = next.getAndIncrement(); i < scale.products(); i = next.getAndIncrement()) {
                        try {
                            HttpResponse<String> response = post(catalog, "/api/products",
                                    catalogue.product((int) i).json(), ADMIN, "admin");
                            if (response.statusCode() == 201) {
                                created.add(JsonBody.of(response.body()).text("id"));
                            } else if (response.statusCode() != 409) {
                                log.printf("%n  product %d: %d %s%n", i, response.statusCode(), response.body());
                            }
                        } catch (Exception e) {
                            log.printf("%n  product %d: %s%n", i, e);
                        }
                    }
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(250, TimeUnit.MILLISECONDS)) {
                bar.update(Math.min(scale.products(), next.get()));
            }
            bar.update(scale.products());
        } else {
            log.printf("  polyglot products: %,d already indexed, skipped%n", indexed);
        }
        if (searchUnavailable == null) {
            ProgressBar bar = new ProgressBar("  polyglot products indexed (search-service)", scale.products(), log);
            long last = -1;
            long lastChange = System.nanoTime();
            // all there, or nearly all and nothing more arriving for 15 s: other tests delete a few of the
            // benchmark's products (catalog keeps their SKUs, so a resend is a 409 and they stay gone).
            // Waited for as long as the index grows: at 500K products the projection runs minutes behind
            // the seeding; STALLED_SECONDS without one more product ends the wait.
            while ((indexed = indexedProducts()) < scale.products()
                    && System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(STALLED_SECONDS)
                    && !(indexed >= scale.products() * NEARLY_ALL && System.nanoTime() - lastChange > STILL_NANOS)) {
                if (indexed != last) {
                    last = indexed;
                    lastChange = System.nanoTime();
                }
                bar.update(Math.max(0, indexed));
                Thread.sleep(200);
            }
            bar.update(Math.min(scale.products(), Math.max(0, indexed)));
            if (indexed < scale.products() && indexed >= scale.products() * NEARLY_ALL) {
                searchNote = String.format("the index holds %,d of the %,d products (%,d deleted by other tests);"
                        + " the baseline holds all %,d", indexed, scale.products(), scale.products() - indexed,
                        scale.products());
                log.println("  polyglot search: " + searchNote);
            } else if (indexed < scale.products()) {
                searchUnavailable = String.format("only %,d of %,d products indexed, none more for %d s", indexed,
                        scale.products(), STALLED_SECONDS);
                log.println("  polyglot search: " + searchUnavailable + ": the search workload is skipped");
            } else if (indexed > scale.products()) {
                scale = scale.withProducts((int) Math.min(indexed, MAX_PRODUCTS));
                log.printf("  polyglot search: the index holds %,d of the benchmark's products: both designs search"
                        + " %,d%n", indexed, scale.products());
            }
            sampleProducts = sampleFromSearch();
        }
        if (sampleProducts.isEmpty()) {
            sampleProducts = created.subList(0, Math.min(created.size(), SAMPLE_PRODUCTS));
        }
        if (sampleProducts.isEmpty()) {
            throw new IllegalStateException("no product ids for product-by-id: neither search nor catalog gave any");
        }
        refreshProductCache();
    }

    /**
     * Makes every sampled product a fresh cache entry: dropped, then read through catalog-service
     * (a miss, cached again with the full TTL). A hit does not extend an entry's TTL, so entries
     * cached long ago would expire in the middle of a phase; this runs before each one.
     */
    void refreshProductCache() throws Exception {
        for (String id : sampleProducts) {
            redis.get().call("DEL", "catalog:product:" + id);
            catalog.status("/api/products/" + id);
        }
    }

    private long indexedProducts() {
        try {
            HttpResponse<String> response = search.get("/api/search?size=0&tag=" + catalogue.tag());
            return response.statusCode() == 200 ? JsonBody.of(response.body()).number("total") : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private List<String> sampleFromSearch() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int p = 0; ids.size() < SAMPLE_PRODUCTS && p < 10; p++) {
            HttpResponse<String> page = search.get("/api/search?size=50&tag=" + catalogue.tag() + "&page=" + p);
            List<String> hits = page.statusCode() == 200 ? JsonBody.of(page.body()).texts("hits", "id") : List.of();
            if (hits.isEmpty()) {
                break;
            }
            ids.addAll(hits.subList(0, Math.min(hits.size(), SAMPLE_PRODUCTS - ids.size())));
        }
        return ids;
    }

    /** Tokens exist only in the creating response (Redis keeps their hashes): each run creates its own. */
    private void seedSessions() throws Exception {
        int count = scale.sessions();
        tokens = new AtomicReferenceArray<>(count);
        AtomicLong next = new AtomicLong();
        ProgressBar bar = new ProgressBar("  polyglot sessions (session-service)", count, log);
        ExecutorService pool = Executors.newFixedThreadPool(SEED_WORKERS);
        for (int w = 0; w < SEED_WORKERS; w++) {
            pool.execute(() -> {
                for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    for (int attempt = 0; attempt < 3 && tokens.get((int) i) == null; attempt++) {
                        try {
                            HttpResponse<String> response = post(sessions, "/api/sessions", "{\"userId\":\""
                                    + BaselineSeeder.userId(i % scale.users()) + "\",\"roles\":[\"customer\"],"
                                    + "\"ttlSeconds\":3600}", null, null);
                            if (response.statusCode() == 201) {
                                tokens.set((int) i, JsonBody.of(response.body()).text("token"));
                            }
                        } catch (Exception e) {
                            log.printf("%n  session %d: %s%n", i, e);
                        }
                    }
                }
            });
        }
        pool.shutdown();
        while (!pool.awaitTermination(250, TimeUnit.MILLISECONDS)) {
            bar.update(Math.min(count, next.get()));
        }
        bar.update(count);
        for (int i = 0; i < count; i++) {
            if (tokens.get(i) == null) {
                throw new IllegalStateException("session " + i + " could not be created through session-service");
            }
        }
    }

    // ---- the calls: store, service, gateway ----

    Call sessionAtStore() {
        return i -> {
            Object hash = redis.get().call("HGETALL", "session:s:" + BaselineStore.tokenHash(token(i)));
            return ok(hash instanceof List<?> fields && !fields.isEmpty());
        };
    }

    Call sessionAtService() {
        return i -> ok(sessions.send(sessions.request("/api/sessions/" + token(i))
                .header("X-User-Id", BaselineSeeder.userId(sessionIndex(i) % scale.users()).toString())
                .header("X-User-Roles", "customer").GET(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    Call sessionThroughGateway() {
        return i -> ok(gateway.send(gateway.request("/api/sessions/" + token(i))
                .header("Authorization", "Bearer " + token(i)).header("X-Forwarded-For", client(i)).GET(),
                HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    Call productAtStore() {
        return i -> ok(redis.get().call("GET", "catalog:product:" + sampleProduct(i)) != null);
    }

    Call productAtService() {
        return i -> {
            HttpResponse<Void> response = catalog.send(catalog.request("/api/products/" + sampleProduct(i)).GET(),
                    HttpResponse.BodyHandlers.discarding());
            return ok(response.statusCode() == 200 && "HIT".equals(response.headers().firstValue("X-Cache").orElse(null)));
        };
    }

    Call productThroughGateway() {
        return i -> ok(gateway.send(gateway.request("/api/products/" + sampleProduct(i))
                .header("X-Forwarded-For", client(i)).GET(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    Call searchAtStore() {
        return i -> {
            HttpResponse<String> response = elasticsearch.send(elasticsearch.request("/products/_search")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(elasticQuery(query(i)))),
                    HttpResponse.BodyHandlers.ofString());
            return ok(response.statusCode() == 200);
        };
    }

    Call searchAtService() {
        return i -> ok(search.status("/api/search?" + query(i).queryString()) == 200);
    }

    Call searchThroughGateway() {
        return i -> ok(gateway.send(gateway.request("/api/search?" + query(i).queryString())
                .header("X-Forwarded-For", client(i)).GET(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    Call top10AtStore() {
        String ranking = LeaderboardSeeder.ranking(BOARD);
        return i -> ok(redis.get().call("ZREVRANGE", ranking, "0", "9", "WITHSCORES") instanceof List<?> l && !l.isEmpty());
    }

    Call top10AtService() {
        return i -> ok(leaderboard.status("/api/leaderboards/" + BOARD + "/top?count=10") == 200);
    }

    Call rankAtStore() {
        String ranking = LeaderboardSeeder.ranking(BOARD);
        return i -> {
            Resp r = redis.get();
            String member = (String) r.call("HGET", ranking + ":members", LeaderboardSeeder.userId(leaderboardUser(i)));
            List<Object> rankAndScore = r.pipeline(List.of(new String[] {"ZREVRANK", ranking, member},
                    new String[] {"ZSCORE", ranking, member}));
            return ok(rankAndScore.get(0) != null);
        };
    }

    Call rankAtService() {
        return i -> ok(leaderboard.status("/api/leaderboards/" + BOARD + "/users/"
                + LeaderboardSeeder.userId(leaderboardUser(i))) == 200);
    }

    Call feedAtStore() {
        String table = stack.get("STACK_FEED_TABLE");
        return i -> {
            String user = FeedLoader.userId(feedUser(i));
            int count = dynamo.query(QueryRequest.builder().tableName(table)
                    .keyConditionExpression("PK = :pk").filterExpression("#ttl > :now")
                    .expressionAttributeNames(Map.of("#ttl", "ttl"))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + user),
                            ":now", AttributeValue.fromN(Long.toString(System.currentTimeMillis() / 1000))))
                    .scanIndexForward(false).limit(21).build()).count();
            return ok(count > 0);
        };
    }

    Call feedAtService() {
        return i -> {
            String user = FeedLoader.userId(feedUser(i));
            return ok(feed.send(feed.request("/api/feed/" + user + "?limit=20").header("X-User-Id", user)
                    .header("X-User-Roles", "customer").GET(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        };
    }

    Call orderAtService() {
        return i -> ok(placeOrder(orderProducts.get((int) (i % orderProducts.size()))).statusCode() == 201);
    }

    // ---- lags ----

    /** Creates a product through catalog-service and polls search until it is there: commit to searchable. */
    long commitToSearchableNanos(int n) throws Exception {
        HttpResponse<String> created = postProduct("bench-sbs-lag-" + UUID.randomUUID(), "Lag probe " + n, 1);
        long committed = System.nanoTime();
        // read after the commit time is taken, as the order's id below: the poll needs it, so its
        // microseconds are inside the lag (of milliseconds), not shortening it
        String id = idOf(created, "POST /api/products");
        return waitFor(() -> search.status("/api/search/products/" + id) == 200, committed, PROBE_TIMEOUT_NANOS);
    }

    /** Places an order through catalog-service and polls the customer's feed until it shows: commit to in-feed. */
    long commitToInFeedNanos() throws Exception {
        HttpResponse<String> order = placeOrder(orderProducts.get(0));
        long committed = System.nanoTime();
        String id = idOf(order, "POST /api/orders");
        return waitFor(() -> inFeed(id), committed, PROBE_TIMEOUT_NANOS);
    }

    /** Whether the customer's newest feed items include order {@code orderId}. */
    private boolean inFeed(String orderId) throws Exception {
        return feed.send(feed.request("/api/feed/" + customer + "?limit=5").header("X-User-Id", customer)
                .header("X-User-Roles", "customer").GET(), HttpResponse.BodyHandlers.ofString()).body().contains(orderId);
    }

    /**
     * Places one order and waits (at most {@value #SETTLE_MINUTES} minutes) until it is in the
     * customer's feed: every event before it has then been projected too.
     */
    void settle() throws Exception {
        String id = idOf(placeOrder(orderProducts.get(0)), "POST /api/orders");
        if (waitFor(() -> inFeed(id), System.nanoTime(), TimeUnit.MINUTES.toNanos(SETTLE_MINUTES)) < 0) {
            throw new IllegalStateException("the feed did not catch up within " + SETTLE_MINUTES + " minutes");
        }
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    /** Polls every 5 ms for at most {@code timeoutNanos}; returns the nanoseconds from {@code since}, or -1 when it never held. */
    private static long waitFor(Check check, long since, long timeoutNanos) throws Exception {
        long deadline = since + timeoutNanos;
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return System.nanoTime() - since;
            }
            Thread.sleep(5);
        }
        return -1;
    }

    // ---- helpers ----

    private HttpResponse<String> placeOrder(String product) throws Exception {
        return post(catalog, "/api/orders", "{\"userId\":\"" + customer + "\",\"items\":[{\"productId\":\"" + product
                + "\",\"quantity\":1}]}", customer, "customer");
    }

    private String createProduct(String sku, String name, int stock) throws Exception {
        return idOf(postProduct(sku, name, stock), "POST /api/products");
    }

    private HttpResponse<String> postProduct(String sku, String name, int stock) throws Exception {
        return post(catalog, "/api/products", "{\"sku\":\"" + sku + "\",\"name\":\"" + name + "\","
                + "\"description\":\"side-by-side benchmark\",\"brand\":\"Bench\",\"price\":19.99,"
                + "\"tags\":[\"bench-sbs\"],\"stock\":" + stock + "}", ADMIN, "admin");
    }

    static String elasticQuery(SearchMix q) {
        StringBuilder filters = new StringBuilder("{\"term\":{\"deleted\":false}}");
        if (q.brand() != null) {
            filters.append(",{\"term\":{\"brand.keyword\":\"").append(q.brand()).append("\"}}");
        }
        if (q.tag() != null) {
            filters.append(",{\"term\":{\"tags.keyword\":\"").append(q.tag()).append("\"}}");
        }
        if (q.minPrice() != null) {
            filters.append(",{\"range\":{\"price\":{\"gte\":").append(q.minPrice()).append(",\"lte\":")
                    .append(q.maxPrice()).append("}}}");
        }
        String must = q.text() == null ? "{\"match_all\":{}}"
                : "{\"multi_match\":{\"query\":\"" + q.text() + "\",\"fields\":[\"name^3\",\"description\",\"tags\","
                        + "\"brand\"],\"fuzziness\":\"AUTO\"}}";
        String sort = switch (q.sort()) {
            case "price_asc" -> "[{\"price\":\"asc\"}]";
            case "price_desc" -> "[{\"price\":\"desc\"}]";
            case "newest" -> "[{\"createdAt\":\"desc\"}]";
            default -> "[\"_score\"]";
        };
        return "{\"from\":" + q.page() * SearchMix.PAGE_SIZE + ",\"size\":" + SearchMix.PAGE_SIZE
                + ",\"track_total_hits\":true,\"query\":{\"bool\":{\"must\":[" + must + "],\"filter\":[" + filters
                + "]}},\"sort\":" + sort + ",\"aggs\":{\"brand\":{\"terms\":{\"field\":\"brand.keyword\",\"size\":10}},"
                + "\"price\":{\"range\":{\"field\":\"price\",\"ranges\":[{\"to\":50},{\"from\":50,\"to\":200},"
                + "{\"from\":200}]}}}}";
    }

    private static Call.Outcome ok(boolean ok) {
        return new Call.Outcome("call", ok);
    }

    private int sessionIndex(long i) {
        return new SplittableRandom(i).nextInt(scale.sessions());
    }

    private String token(long i) {
        return tokens == null ? BaselineSeeder.sessionToken(sessionIndex(i)) : tokens.get(sessionIndex(i));
    }

    private String sampleProduct(long i) {
        return sampleProducts.get(new SplittableRandom(i).nextInt(sampleProducts.size()));
    }

    Scale scale() {
        return scale;
    }

    Catalogue catalogue() {
        return catalogue;
    }

    /** Search {@code i} of the catalogue's mix, over the products both designs hold. */
    private SearchMix query(long i) {
        return SearchMix.of(i, scale.products(), catalogue);
    }

    long leaderboardUser(long i) {
        return new SplittableRandom(i).nextLong(scale.leaderboardUsers());
    }

    long feedUser(long i) {
        return new SplittableRandom(i).nextLong(scale.feedUsers());
    }

    private static String client(long i) {
        return "198.19." + (i % GATEWAY_CLIENTS / 256) + "." + (i % 256);
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

    @Override
    public void close() {
        for (Resp resp : redisConnections) {
            try {
                resp.close();
            } catch (IOException e) {
                // the run is over: nothing left to do about a socket that will not close
            }
        }
        dynamo.close();
    }
}
