package shop.faults.traffic;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import shop.faults.http.Json;
import shop.faults.identity.Identity;
import shop.faults.stack.Stack;

/**
 * Product writes at a steady pace while a fault happens: one create for every four updates of
 * products it created, straight to catalog-service as the admin (with the gateway's identity
 * headers, so the writes do not depend on the gateway, session-service or Redis). Every
 * acknowledged write is remembered with the version catalog answered, so that a derived view can be
 * checked for exactly what was acknowledged.
 */
public final class ProductWriter implements AutoCloseable {

    private static final int THREADS = 4;

    private final String catalog = Stack.service("catalog-service");
    private final Map<String, String> admin;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final int writes;
    private final long nanosPerWrite;
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    private final List<Future<?>> workers = new ArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final Map<String, String> skus = new ConcurrentHashMap<>();
    private final java.util.Set<String> writesAcknowledged = ConcurrentHashMap.newKeySet();
    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong startedAt = new AtomicLong();

    /** {@code writes} writes spread over {@code span} (faster if catalog cannot keep up, never more). */
    public ProductWriter(Identity admin, int writes, Duration span) {
        this.admin = admin.serviceHeaders();
        this.writes = writes;
        this.nanosPerWrite = span.toNanos() / writes;
    }

    public ProductWriter start() {
        startedAt.set(System.nanoTime());
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> work(new ArrayList<>())));
        }
        return this;
    }

    /**
     * One writer thread, updating only products it created: two concurrent PUTs of one product are a
     * race catalog settles with a 412 for the loser (documented), which is no fault's doing.
     */
    private void work(List<String> mine) {
        int n;
        while ((n = issued.getAndIncrement()) < writes) {
            long due = startedAt.get() + n * nanosPerWrite;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            write(n, mine);
        }
    }

    private void write(int n, List<String> mine) {
        boolean create = mine.isEmpty() || n % 5 == 0;
        String id = create ? null : mine.get(ThreadLocalRandom.current().nextInt(mine.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        // PUT replaces the whole product: an update keeps the sku it was created with
        body.put("sku", create ? "FW-" + run + "-" + n : skus.get(id));
        body.put("name", "Fault writer " + run + " product " + n);
        body.put("description", "written while a store is down");
        body.put("brand", "Faults");
        body.put("price", 10 + n % 90 + 0.5);
        body.put("tags", List.of("faults"));
        body.put("stock", 1000);
        try {
            HttpResponse<String> answer = create
                    ? Json.exchange("POST", catalog + "/api/products", admin, body)
                    : Json.exchange("PUT", catalog + "/api/products/" + id, admin, body);
            if (answer.statusCode() == 201 || answer.statusCode() == 200) {
                JsonNode product = Json.MAPPER.readTree(answer.body());
                skus.putIfAbsent(product.path("id").asText(), product.path("sku").asText());
                versions.merge(product.path("id").asText(), product.path("version").asLong(), Math::max);
                writesAcknowledged.add(product.path("id").asText() + "@" + product.path("version").asLong());
                if (create) {
                    mine.add(product.path("id").asText());
                }
                acknowledged.incrementAndGet();
            } else {
                refused.incrementAndGet();
                failures.add((create ? "POST" : "PUT " + id) + " → " + answer.statusCode() + " " + answer.body());
            }
        } catch (Exception e) {
            refused.incrementAndGet();
            failures.add((create ? "POST" : "PUT " + id) + " → " + e);
        }
    }

    /** Waits until every write was sent and answered. */
    public ProductWriter finish() throws Exception {
        for (Future<?> worker : workers) {
            worker.get(10, TimeUnit.MINUTES);
        }
        return this;
    }

    /** The acknowledged products and the last version catalog answered for each. */
    public Map<String, Long> versions() {
        return Map.copyOf(versions);
    }

    /** Every acknowledged write as {@code productId@version}: each must reach Kafka as one event. */
    public java.util.Set<String> acknowledgedWrites() {
        return java.util.Set.copyOf(writesAcknowledged);
    }

    public int acknowledged() {
        return acknowledged.get();
    }

    public int refused() {
        return refused.get();
    }

    public List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures.subList(0, Math.min(failures.size(), 10)));
        }
    }

    public String run() {
        return run;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
