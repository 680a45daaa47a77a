package shop.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The views' drift check and repair at scale (issue 20). search-service's check over at least
 * {@value #PRODUCTS} products and feed-service's over at least {@value #ORDERS} orders of the 90-day
 * window: both seeded through catalog-service when short (so everything went through PostgreSQL,
 * the outbox, Debezium and Kafka), and the pipeline left to drain first. Each view is checked
 * {@value #CHECKS} times while it agrees with PostgreSQL; then drift is made on purpose, behind the
 * pipeline's back (search: documents deleted and added straight in Elasticsearch, product versions
 * raised straight in PostgreSQL; feed: order items deleted and added straight in DynamoDB), a check
 * must find exactly that, a repair must fix exactly that, and a last check must find the view clean.
 * The figures are the services' own {@code tookMs} (the check as it runs in the service, including
 * the grace it waits on suspects) beside the time the client saw.
 */
final class DriftScenario implements Scenario {

    static final int PRODUCTS = 50_000;
    static final int ORDERS = 100_000;
    private static final int CHECKS = 3;
    private static final int CUSTOMERS = 1_000;
    private static final int ORDER_PRODUCTS = 20;
    private static final int ORDER_WORKERS = 16;
    private static final int MISSING = 100;
    private static final int STALE = 50;
    private static final int EXTRA = 20;
    private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(10);
    private static final String ADMIN = UUID.randomUUID().toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "drift";
    }

    @Override
    public String summary() {
        return "drift check and repair of both views: 50,000 products and 100,000 orders (seeded when short), checks"
                + " on agreeing views, then drift made on purpose, found, repaired";
    }

    @Override
    public void run(Args args, Report report) throws Exception {
        StackSettings stack = StackSettings.read();
        Http catalog = new Http(stack.port("STACK_CATALOG_PORT"));
        Http search = new Http(stack.port("STACK_SEARCH_PORT"));
        Http feed = new Http(stack.port("STACK_FEED_PORT"));
        Http elasticsearch = new Http(stack.port("STACK_ES_PORT"));
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(), stack.get("STACK_PG_USER"),
                stack.get("STACK_PG_PASSWORD"));
                DynamoDbClient dynamo = FeedLoader.client(stack.port("STACK_DYNAMODB_PORT"));
                Resp redis = new Resp(stack.port("STACK_REDIS_PORT"))) {
            SearchScenario.seed(search, catalog, PRODUCTS, SimpleCatalogue.INSTANCE, report);
            seedOrders(catalog, db, report);
            drain(search, "/api/search/status", report);
            drain(feed, "/api/feed/status", report);
            report.line("catalog: %,d products, %,d orders in the 90-day window (%,d buyers); machine: %d cores",
                    count(db, "SELECT count(*) FROM products"), count(db, window("count(*)")),
                    count(db, window("count(DISTINCT user_id)")), Runtime.getRuntime().availableProcessors());
            report.line("load average before: %s", Machine.loadAverage());

            report.line("%n== search: POST /api/search/drift, the index against catalog's products");
            for (int c = 1; c <= CHECKS; c++) {
                check(search, "/api/search/drift", false, "check " + c, report);
            }
            String table = stack.get("STACK_FEED_TABLE");
            String alias = "products"; // search-service's search.index.alias on the stack
            int made = driftSearch(db, elasticsearch, redis, alias, report);
            check(search, "/api/search/drift", false, "after drift", report);
            check(search, "/api/search/drift", true, "repair", report);
            check(search, "/api/search/drift", false, "after repair", report);
            report.line("(drift made: %d)", made);

            report.line("%n== feed: POST /api/feed/drift, every buyer's order items against catalog's orders");
            for (int c = 1; c <= CHECKS; c++) {
                check(feed, "/api/feed/drift", false, "check " + c, report);
            }
            made = driftFeed(db, dynamo, table, report);
            check(feed, "/api/feed/drift", false, "after drift", report);
            check(feed, "/api/feed/drift", true, "repair", report);
            check(feed, "/api/feed/drift", false, "after repair", report);
            report.line("(drift made: %d)", made);
        }
        report.line("%nload average after: %s", Machine.loadAverage());
    }

    /** One drift request, retried while another check runs (409); prints the report's figures. */
    private static JsonNode check(Http service, String path, boolean repair, String label, Report report)
            throws Exception {
        HttpRequest.Builder request = service.request(path + (repair ? "?repair=true" : "")).timeout(CHECK_TIMEOUT)
                .header("X-User-Id", ADMIN).header("X-User-Roles", "admin")
                .POST(HttpRequest.BodyPublishers.noBody());
        long sent = System.nanoTime();
        HttpResponse<String> answer = service.send(request, HttpResponse.BodyHandlers.ofString());
        while (answer.statusCode() == 409) { // a scheduled check is running: ours follows it
            Thread.sleep(1_000);
            sent = System.nanoTime();
            answer = service.send(request, HttpResponse.BodyHandlers.ofString());
        }
        double seconds = (System.nanoTime() - sent) / 1e9;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("POST " + path + ": " + answer.statusCode() + " " + answer.body());
        }
        JsonNode drift = JSON.readTree(answer.body());
        report.line("%-13s checked %,9d  missing %4d  stale %4d  extra %4d  repaired %4d  took %,7d ms (client %.1f s)",
                label, drift.path("checked").asLong(), drift.path("missing").asInt(), drift.path("stale").asInt(),
                drift.path("extra").asInt(), drift.path("repaired").asInt(), drift.path("tookMs").asLong(), seconds);
        return drift;
    }

    /**
     * Behind the pipeline's back: {@value #MISSING} documents deleted from the index, {@value #STALE}
     * products' versions raised in PostgreSQL (their cached copies dropped), {@value #EXTRA} documents
     * added to the index for products that do not exist.
     */
    private static int driftSearch(Connection db, Http elasticsearch, Resp redis, String alias, Report report)
            throws Exception {
        List<String> ids = new ArrayList<>();
        try (Statement query = db.createStatement();
                ResultSet rows = query.executeQuery("SELECT id FROM products ORDER BY random() LIMIT "
                        + (MISSING + STALE))) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        List<String> missing = ids.subList(0, MISSING);
        List<String> stale = ids.subList(MISSING, ids.size());
        JsonNode template = null;
        for (String id : missing) {
            // deleted at the document's own version, as a lost write would leave it (a plain DELETE would
            // raise the version, and no event of that product could be written for a minute after)
            JsonNode held = JSON.readTree(elasticsearch.get("/" + alias + "/_doc/" + id).body());
            template = template == null ? held.path("_source") : template;
            HttpResponse<String> deleted = elasticsearch.send(elasticsearch.request("/" + alias + "/_doc/" + id
                    + "?version_type=external_gte&version=" + held.path("_version").asLong()).DELETE(),
                    HttpResponse.BodyHandlers.ofString());
            expect(deleted, 200, "DELETE document " + id);
        }
        try (PreparedStatement bump = db.prepareStatement(
                "UPDATE products SET version = version + 1, updated_at = now() WHERE id = ?::uuid")) {
            for (String id : stale) {
                bump.setString(1, id);
                bump.addBatch();
            }
            bump.executeBatch();
        }
        for (String id : stale) {
            redis.call("DEL", "catalog:product:" + id);
        }
        for (int e = 0; e < EXTRA; e++) {
            String id = UUID.randomUUID().toString();
            ObjectNode document = ((ObjectNode) template.deepCopy()).put("id", id).put("sku", "bench-drift-extra-" + id)
                    .put("version", 1);
            HttpResponse<String> added = elasticsearch.send(elasticsearch.request("/" + alias + "/_doc/" + id
                    + "?version=1&version_type=external").header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(document.toString())), HttpResponse.BodyHandlers.ofString());
            expect(added, 201, "PUT document " + id);
        }
        expect(elasticsearch.send(elasticsearch.request("/" + alias + "/_refresh")
                .POST(HttpRequest.BodyPublishers.noBody()), HttpResponse.BodyHandlers.ofString()), 200, "refresh");
        report.line("drift made: %d documents deleted, %d products' versions raised in PostgreSQL, %d documents added",
                MISSING, STALE, EXTRA);
        return MISSING + STALE + EXTRA;
    }

    /**
     * Behind the pipeline's back: the {@code order.placed} items of {@value #MISSING} orders deleted
     * from their buyers' feeds, and {@value #EXTRA} {@code order.placed} items for orders that do not
     * exist added to buyers' feeds.
     */
    private static int driftFeed(Connection db, DynamoDbClient dynamo, String table, Report report) throws Exception {
        int deleted = 0;
        List<String> buyers = new ArrayList<>();
        try (Statement query = db.createStatement();
                ResultSet rows = query.executeQuery("SELECT id, user_id, created_at FROM orders WHERE created_at > "
                        + "now() - interval '89 days' ORDER BY random() LIMIT " + MISSING)) {
            while (rows.next()) {
                String order = rows.getString(1);
                String buyer = rows.getString(2);
                Instant placed = rows.getObject(3, OffsetDateTime.class).toInstant();
                String eventId = UUID.nameUUIDFromBytes(("order-event:" + order + ":order.placed")
                        .getBytes(StandardCharsets.UTF_8)).toString();
                Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("USER#" + buyer),
                        "SK", AttributeValue.fromS(String.format("EVENT#%013d#%s", placed.toEpochMilli(), eventId)));
                Map<String, AttributeValue> old = dynamo.deleteItem(d -> d.tableName(table).key(key)
                        .returnValues(ReturnValue.ALL_OLD)).attributes();
                deleted += old == null || old.isEmpty() ? 0 : 1;
                buyers.add(buyer);
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int e = 0; e < EXTRA; e++) {
            String eventId = UUID.randomUUID().toString();
            String order = UUID.randomUUID().toString();
            String buyer = buyers.get(e);
            Instant at = now.minusSeconds(60 + e);
            dynamo.putItem(p -> p.tableName(table).item(Map.of(
                    "PK", AttributeValue.fromS("USER#" + buyer),
                    "SK", AttributeValue.fromS(String.format("EVENT#%013d#%s", at.toEpochMilli(), eventId)),
                    "eventId", AttributeValue.fromS(eventId),
                    "type", AttributeValue.fromS("order.placed"),
                    "occurredAt", AttributeValue.fromS(at.toString()),
                    "data", AttributeValue.fromS("{\"id\":\"" + order + "\",\"userId\":\"" + buyer + "\"}"),
                    "ttl", AttributeValue.fromN(Long.toString(at.plus(90, ChronoUnit.DAYS).getEpochSecond())))));
        }
        // an item already missing (a drift the checks before found) is not deleted again: say so
        report.line("drift made: %d order.placed items deleted (of %d orders picked), %d items added for orders that"
                + " do not exist", deleted, MISSING, EXTRA);
        return deleted + EXTRA;
    }

    /** Places orders through catalog-service until the window holds {@value #ORDERS}: 60 % paid, 10 % cancelled. */
    private static void seedOrders(Http catalog, Connection db, Report report) throws Exception {
        long have = count(db, window("count(*)"));
        if (have >= ORDERS) {
            report.line("seed: %,d orders in the window already, nothing to add", have);
            return;
        }
        int todo = (int) (ORDERS - have);
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> customers = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            customers.add(id(post(catalog, "/api/users", "{\"email\":\"bench-drift-" + run + "-" + c
                    + "@shop.test\",\"name\":\"Drift bench\",\"password\":\"bench-password-1\"}", null, null), "user"));
        }
        List<String> products = new ArrayList<>();
        for (int p = 0; p < ORDER_PRODUCTS; p++) {
            products.add(id(post(catalog, "/api/products", "{\"sku\":\"bench-drift-" + run + "-" + p
                    + "\",\"name\":\"Drift bench product " + p + "\",\"description\":\"drift bench\",\"brand\":\"Bench\","
                    + "\"price\":" + (5 + p) + ".50,\"tags\":[\"bench\"],\"stock\":10000000}", ADMIN, "admin"), "product"));
        }
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ProgressBar bar = new ProgressBar("orders", todo, System.err);
        ExecutorService workers = Executors.newFixedThreadPool(ORDER_WORKERS);
        for (int w = 0; w < ORDER_WORKERS; w++) {
            workers.execute(() -> {
                for (long i = next.getAndIncrement(); i < todo; i = next.getAndIncrement()) {
                    try {
                        String customer = customers.get((int) (i % CUSTOMERS));
                        HttpResponse<String> placed = post(catalog, "/api/orders", "{\"userId\":\"" + customer
                                + "\",\"items\":[{\"productId\":\"" + products.get((int) (i % ORDER_PRODUCTS))
                                + "\",\"quantity\":" + (1 + i % 3) + "}]}", customer, "customer");
                        JsonNode order = JSON.readTree(placed.body());
                        String orderId = id(placed, "order");
                        if (i % 10 < 6) {
                            expect(post(catalog, "/api/orders/" + orderId + "/payments", "{\"amount\":"
                                    + order.path("total").decimalValue().toPlainString() + ",\"method\":\"card\"}",
                                    customer, "customer"), 201, "payment");
                        } else if (i % 10 == 6) {
                            expect(post(catalog, "/api/orders/" + orderId + "/cancel", "", customer, "customer"), 200,
                                    "cancel");
                        }
                    } catch (Exception e) {
                        if (failed.incrementAndGet() <= 3) {
                            System.err.println("order: " + e.getMessage());
                        }
                    }
                    done.incrementAndGet();
                }
            });
        }
        workers.shutdown();
        while (!workers.awaitTermination(200, TimeUnit.MILLISECONDS)) {
            bar.update(done.get());
        }
        bar.update(todo);
        report.line("seed: %,d orders placed through catalog-service for %,d new customers (60 %% paid, 10 %% cancelled),"
                + " %,d failed", todo, CUSTOMERS, failed.get());
    }

    /** Waits until the view's consumers have read everything on their topics (records behind 0). */
    private static void drain(Http view, String status, Report report) throws Exception {
        long start = System.nanoTime();
        long behind;
        while ((behind = JSON.readTree(view.send(view.request(status).header("X-User-Id", ADMIN)
                .header("X-User-Roles", "admin").GET(), HttpResponse.BodyHandlers.ofString()).body())
                .path("recordsBehind").asLong(-1)) != 0) {
            if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(30)) {
                throw new IllegalStateException(status + " still " + behind + " records behind after 30 minutes");
            }
            Thread.sleep(2_000); // a progress poll of a tool, not a test
        }
        report.line("%s: 0 records behind after %.0f s", status, (System.nanoTime() - start) / 1e9);
    }

    private static String window(String what) {
        return "SELECT " + what + " FROM orders WHERE created_at > now() - interval '90 days'";
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement query = db.createStatement(); ResultSet rows = query.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static HttpResponse<String> post(Http http, String path, String body, String userId, String roles)
            throws Exception {
        return http.postJson(path, body, userId, roles);
    }

    private static String id(HttpResponse<String> created, String what) throws Exception {
        expect(created, 201, "POST " + what);
        return JSON.readTree(created.body()).path("id").asText();
    }

    private static void expect(HttpResponse<String> answer, int status, String what) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(what + ": " + answer.statusCode() + " " + answer.body());
        }
    }
}
