package shop.faults.traffic;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import shop.faults.http.Json;
import shop.faults.identity.Identity;
import shop.faults.stack.Stack;

/**
 * Customers placing orders at a steady pace while a fault happens, straight to catalog-service with
 * the gateway's identity headers. The customers and the products (stock for every order) are made
 * first; every acknowledged order (201) is remembered with its customer, every other answer counted
 * by status (0 = no answer: the connection was refused or cut).
 */
public final class OrderTraffic implements AutoCloseable {

    private static final int THREADS = 4;
    private static final int CUSTOMERS = 10;
    private static final int PRODUCTS = 3;

    private final String catalog = Stack.service("catalog-service");
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> customers = new ArrayList<>();
    private final List<String> products = new ArrayList<>();
    private final int orders;
    private final long nanosPerOrder;
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    private final List<Future<?>> workers = new ArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final Map<String, String> placed = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
    private long startedAt;

    /** {@code orders} orders spread over {@code span}; stock is enough for all of them. */
    public OrderTraffic(Identity admin, int orders, Duration span) {
        this.orders = orders;
        this.nanosPerOrder = span.toNanos() / orders;
        for (int c = 0; c < CUSTOMERS; c++) {
            customers.add(Json.post(catalog + "/api/users", Map.of(), Map.of("email", "faults-buyer-" + run + "-" + c
                    + "@shop.test", "name", "Fault buyer " + c, "password", "faults-buyer-password"), 201)
                    .path("id").asText());
        }
        for (int p = 0; p < PRODUCTS; p++) {
            products.add(Json.post(catalog + "/api/products", admin.serviceHeaders(), Map.of("sku", "FO-" + run + "-" + p,
                    "name", "Fault order product " + p, "price", 12.5, "tags", List.of("faults"),
                    "stock", orders * 3 + 100), 201).path("id").asText());
        }
    }

    public OrderTraffic start() {
        startedAt = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(this::work));
        }
        return this;
    }

    private void work() {
        int n;
        while ((n = issued.getAndIncrement()) < orders) {
            long wait = startedAt + n * nanosPerOrder - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            place(n);
        }
    }

    private void place(int n) {
        String customer = customers.get(n % customers.size());
        // two lines in one order: a half-written order would show as an order with one line or none
        List<Map<String, Object>> items = List.of(
                Map.of("productId", products.get(n % products.size()), "quantity", 1),
                Map.of("productId", products.get((n + 1) % products.size()), "quantity", 2));
        int status;
        try {
            HttpResponse<String> answer = Json.exchange("POST", catalog + "/api/orders", Map.of("X-User-Id", customer,
                    "X-User-Roles", "customer"), Map.of("userId", customer, "items", items));
            status = answer.statusCode();
            if (status == 201) {
                placed.put(Json.MAPPER.readTree(answer.body()).path("id").asText(), customer);
            }
        } catch (Exception noAnswer) {
            status = 0;
        }
        byStatus.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    public OrderTraffic finish() throws Exception {
        for (Future<?> worker : workers) {
            worker.get(10, TimeUnit.MINUTES);
        }
        return this;
    }

    /** Acknowledged orders: order id → customer id. */
    public Map<String, String> placed() {
        return Map.copyOf(placed);
    }

    public List<String> customers() {
        return Collections.unmodifiableList(customers);
    }

    public List<String> products() {
        return Collections.unmodifiableList(products);
    }

    /** Initial stock of each product. */
    public int initialStock() {
        return orders * 3 + 100;
    }

    public Map<Integer, Integer> byStatus() {
        Map<Integer, Integer> counts = new TreeMap<>();
        byStatus.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
