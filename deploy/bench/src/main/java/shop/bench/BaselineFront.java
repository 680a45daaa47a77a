package shop.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The baseline's HTTP front: the JDK's HttpServer on an ephemeral 127.0.0.1 port over
 * {@link BaselineStore}'s JDBC pool, started by the benchmark itself. It exists so that "at the
 * service" compares like with like: the polyglot services pay for HTTP parsing, JSON and a
 * worker thread on every request, and so does this. It does no more than a thin REST resource
 * would (no auth, no validation beyond parsing), so it flatters the baseline if anything.
 *
 * <pre>
 * GET  /sessions/{token}                 GET /products/{id}
 * GET  /search?q=&amp;brand=&amp;tag=&amp;minPrice=&amp;maxPrice=&amp;sort=&amp;page=
 * GET  /leaderboards/{board}/top         GET /leaderboards/{board}/users/{id}
 * GET  /feed/{userId}                    POST /orders {"userId":..,"productId":..}
 * </pre>
 */
final class BaselineFront implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers;
    private final BaselineStore store;

    private BaselineFront(HttpServer server, ExecutorService workers, BaselineStore store) {
        this.server = server;
        this.workers = workers;
        this.store = store;
    }

    static BaselineFront start(BaselineStore store, int threads) throws IOException {
        // TCP_NODELAY, as every production HTTP server sets it: without it the JDK server's separate
        // header and body writes meet the client's delayed ACK, and every response waits ~40 ms.
        // Read once, when the server's configuration class loads, so it must be set before create.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(Args.HOST, 0), 512);
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        BaselineFront front = new BaselineFront(server, workers, store);
        server.createContext("/", front::handle);
        server.setExecutor(workers);
        server.start();
        return front;
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/");
            String body;
            try {
                body = answer(exchange, path);
            } catch (IllegalArgumentException e) {
                respond(exchange, 400, "{\"title\":\"Bad request\",\"status\":400}");
                return;
            } catch (Exception e) {
                respond(exchange, 500, "{\"title\":\"Internal error\",\"status\":500}");
                return;
            }
            if (body == null) {
                respond(exchange, 404, "{\"title\":\"Not found\",\"status\":404}");
            } else {
                respond(exchange, exchange.getRequestMethod().equals("POST") ? 201 : 200, body);
            }
        }
    }

    private String answer(HttpExchange exchange, String[] path) throws Exception {
        String resource = path.length > 1 ? path[1] : "";
        if (exchange.getRequestMethod().equals("POST") && resource.equals("orders")) {
            // parsed with Jackson, as the polyglot services parse theirs: the same JSON cost on both sides
            JsonBody order = JsonBody.of(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String placed = store.placeOrder(UUID.fromString(order.text("userId")),
                    UUID.fromString(order.text("productId")));
            if (placed == null) {
                throw new IllegalArgumentException("stock is short");
            }
            return placed;
        }
        return switch (resource) {
            case "sessions" -> store.session(path[2]);
            case "products" -> store.product(UUID.fromString(path[2]));
            case "feed" -> store.newest20(UUID.fromString(path[2]));
            case "leaderboards" -> path[3].equals("top") ? store.top10(path[2])
                    : store.rankOf(path[2], UUID.fromString(path[4]));
            case "search" -> store.search(query(exchange.getRequestURI().getRawQuery()));
            default -> null;
        };
    }

    private static SearchMix query(String raw) {
        Map<String, String> q = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return new SearchMix("http", q.get("q"), q.get("brand"), q.get("tag"),
                q.containsKey("minPrice") ? new BigDecimal(q.get("minPrice")) : null,
                q.containsKey("maxPrice") ? new BigDecimal(q.get("maxPrice")) : null,
                q.getOrDefault("sort", "relevance"), Integer.parseInt(q.getOrDefault("page", "0")));
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status < 400 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
