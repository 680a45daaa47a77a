package shop.faults.scenario;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import shop.faults.http.Json;
import shop.faults.identity.Identity;
import shop.faults.identity.Personas;
import shop.faults.outage.CatchUp;
import shop.faults.outage.Components;
import shop.faults.stack.Stack;
import shop.faults.traffic.ProductWriter;
import shop.faults.view.CatalogDatabase;

/**
 * Scenario 6: Redis killed while products are written and read, and started again. Meanwhile
 * product reads are served from PostgreSQL (200, {@code X-Cache: MISS}, slower), product writes go
 * on, sessions fail closed (introspection and signed-in requests through the gateway are 401 or
 * 503, never 200; a sign-in is refused), and a rate-limit consume is the documented 503. When Redis
 * is back the same service processes (same pids: no restart) serve sessions, rate limits and the
 * cache again, and no read serves a copy older than PostgreSQL.
 */
public final class RedisDownScenario implements FaultScenario {

    private static final List<String> REDIS_USERS = List.of("catalog-service", "session-service", "leaderboard-service");
    private static final int READS = 50;

    @Override
    public String name() {
        return "redis-down";
    }

    @Override
    public boolean disruptive() {
        return true;
    }

    @Override
    public Outcome run(Scale scale) throws Exception {
        int writes = scale == Scale.FULL ? 2_000 : 200;
        Duration outage = scale == Scale.FULL ? Duration.ofSeconds(30) : Duration.ofSeconds(10);
        Duration lead = Duration.ofSeconds(3);
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> findings = new ArrayList<>();
        Identity admin = Personas.admin();
        Identity customer = Personas.newCustomer("redis-down");
        String catalog = Stack.service("catalog-service");
        String sessions = Stack.service("session-service");
        String productId = Json.post(catalog + "/api/products", admin.serviceHeaders(), Map.of("sku", "FR-"
                + UUID.randomUUID().toString().substring(0, 8), "name", "Read while Redis is down", "price", 5.0,
                "stock", 10), 201).path("id").asText();
        Map<String, Long> pidsBefore = pids();
        try (ProductWriter writer = new ProductWriter(admin, writes, lead.plus(outage).plus(lead.multipliedBy(2)))) {
            figures.put("productReadMillisBefore", readMillis(catalog, productId, null));
            writer.start();
            Thread.sleep(lead.toMillis());
            long killedAt = System.nanoTime();
            Components.kill("redis");

            // straight to the services: no cached answer can hide the outage
            Map<Integer, Integer> readsDown = new TreeMap<>();
            figures.put("productReadMillisDuringOutage", readMillis(catalog, productId, readsDown));
            figures.put("productReadsDuringOutage", readsDown);
            if (!readsDown.keySet().equals(java.util.Set.of(200))) {
                findings.add("product reads while Redis was down answered " + readsDown + " (expected only 200 from PostgreSQL)");
            }
            int introspection = Json.exchange("GET", sessions + "/api/sessions/introspect",
                    Map.of("Authorization", "Bearer " + customer.token()), null).statusCode();
            HttpResponse<String> login = Json.exchange("POST", Stack.gateway() + "/api/auth/login",
                    Map.of("X-Forwarded-For", Personas.address()), Map.of("email", "admin@shop.local", "password",
                            "admin-local-only"));
            HttpResponse<String> limit = Json.exchange("POST", sessions + "/api/rate-limits/faults-" + UUID.randomUUID()
                    + "/consume?limit=5&windowSeconds=60", customer.serviceHeaders(), null);
            // the gateway keeps no introspection answer: its own answer for the customer's token must not be a 200
            int signedIn = Json.exchange("GET", Stack.gateway() + "/api/users/" + customer.userId(),
                    customer.gatewayHeaders(), null).statusCode();
            figures.put("introspectionDuringOutage", introspection);
            figures.put("signedInRequestThroughGatewayDuringOutage", signedIn);
            figures.put("signInDuringOutage", login.statusCode());
            figures.put("rateLimitConsumeDuringOutage", limit.statusCode() + " " + limit.headers()
                    .firstValue("Content-Type").orElse(""));
            if (introspection != 401 && introspection != 503) {
                findings.add("introspection answered " + introspection + " while Redis was down (sessions must fail closed)");
            }
            if (signedIn != 401 && signedIn != 503) {
                findings.add("a signed-in request through the gateway answered " + signedIn + " while Redis was down");
            }
            if (login.statusCode() == 200) {
                findings.add("a sign-in succeeded while Redis was down: a session that cannot be stored");
            }
            if (limit.statusCode() != 503 || !limit.headers().firstValue("Content-Type").orElse("")
                    .startsWith("application/problem+json")) {
                findings.add("a rate-limit consume while Redis was down answered " + limit.statusCode()
                        + " (session-service documents 503 problem+json): " + limit.body());
            }
            long remaining = outage.toNanos() - (System.nanoTime() - killedAt);
            if (remaining > 0) {
                Thread.sleep(remaining / 1_000_000);
            }
            Components.start("redis");
            long restoredAt = System.nanoTime();
            writer.finish();
            figures.put("redisDownSeconds", CatchUp.seconds(Duration.ofNanos(restoredAt - killedAt)));
            figures.put("productWrites", writes);
            figures.put("productWritesAcknowledged", writer.acknowledged());
            figures.put("productWritesRefused", writer.refused());
            if (writer.refused() > 0) {
                findings.add("catalog refused " + writer.refused() + " product writes while Redis was down: " + writer.failures());
            }

            Double recovered = CatchUp.secondsSince(restoredAt, Duration.ofMinutes(2), () -> recovered(customer, productId));
            figures.put("recoverySecondsAfterRedisReturned", recovered);
            figures.put("sessionFromBeforeTheOutageStillValid", Json.exchange("GET", sessions + "/api/sessions/introspect",
                    Map.of("Authorization", "Bearer " + customer.token()), null).statusCode() == 200);
            if (recovered == null) {
                findings.add("sessions, rate limits or the product cache did not work again within 2 min of Redis returning");
            }
            List<String> stale = staleReads(catalog, writer.versions());
            figures.put("productsReadAfterRecovery", writer.versions().size());
            figures.put("staleCachedReads", stale.size());
            if (!stale.isEmpty()) {
                findings.add(stale.size() + " products read from the cache at an older version than PostgreSQL's after "
                        + "Redis returned, e.g. " + stale.stream().limit(5).toList());
            }
            Map<String, Long> pidsAfter = pids();
            figures.put("servicesRestarted", pidsBefore.equals(pidsAfter) ? 0 : pidsAfter.size());
            if (!pidsBefore.equals(pidsAfter)) {
                findings.add("a service using Redis was restarted: pids " + pidsBefore + " → " + pidsAfter);
            }
        } finally {
            Components.allHealthy();
        }
        return new Outcome(figures, findings);
    }

    /** Median milliseconds of {@value READS} reads of one product, counting each answer's status. */
    private static double readMillis(String catalog, String productId, Map<Integer, Integer> statuses) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < READS; i++) {
            long start = System.nanoTime();
            int status = Json.exchange("GET", catalog + "/api/products/" + productId, Map.of(), null).statusCode();
            nanos.add(System.nanoTime() - start);
            if (statuses != null) {
                statuses.merge(status, 1, Integer::sum);
            }
        }
        nanos.sort(null);
        return Math.round(nanos.get(nanos.size() / 2) / 10_000.0) / 100.0;
    }

    /** Sessions, a new sign-in, rate limits and the product cache (a second read is a HIT) all work again. */
    private static boolean recovered(Identity customer, String productId) {
        String sessions = Stack.service("session-service");
        String catalog = Stack.service("catalog-service");
        Identity fresh = Personas.signIn("admin", "admin@shop.local", "admin-local-only");
        boolean introspects = Json.exchange("GET", sessions + "/api/sessions/introspect",
                Map.of("Authorization", "Bearer " + fresh.token()), null).statusCode() == 200;
        boolean limits = Json.exchange("POST", sessions + "/api/rate-limits/faults-" + UUID.randomUUID()
                + "/consume?limit=5&windowSeconds=60", customer.serviceHeaders(), null).statusCode() == 200;
        Json.exchange("GET", catalog + "/api/products/" + productId, Map.of(), null);
        HttpResponse<String> second = Json.exchange("GET", catalog + "/api/products/" + productId, Map.of(), null);
        return introspects && limits && second.statusCode() == 200
                && "HIT".equals(second.headers().firstValue("X-Cache").orElse(""));
    }

    /** Products whose read (twice: the second from the cache) shows a version older than PostgreSQL's. */
    private static List<String> staleReads(String catalog, Map<String, Long> written) {
        Map<String, Long> postgres = CatalogDatabase.productVersions();
        List<String> stale = new ArrayList<>();
        for (String id : written.keySet()) {
            for (int read = 0; read < 2; read++) {
                long version = Json.get(catalog + "/api/products/" + id, Map.of(), 200).path("version").asLong();
                if (version < postgres.get(id)) {
                    stale.add(id + ": read v" + version + ", postgres v" + postgres.get(id));
                    break;
                }
            }
        }
        return stale;
    }

    private static Map<String, Long> pids() {
        Map<String, Long> pids = new TreeMap<>();
        for (String service : REDIS_USERS) {
            Optional<Long> pid = Components.pidOf(service);
            pids.put(service, pid.orElse(-1L));
        }
        return pids;
    }
}
