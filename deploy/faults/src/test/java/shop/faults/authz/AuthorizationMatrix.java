package shop.faults.authz;

import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

import shop.faults.authz.Expectation.Ownership;
import shop.faults.authz.Expectation.Persona;
import shop.faults.http.Json;
import shop.faults.identity.Identity;
import shop.faults.identity.Personas;
import shop.faults.route.Route;
import shop.faults.route.RouteTable;
import shop.faults.stack.Stack;

/**
 * Every route of the table × the six personas, through the gateway, each with a request that the
 * persona it is meant for may really make (fresh resources where the request uses one up: a
 * product to delete, an order to pay, a session to end). Expectations come from
 * {@link Expectation#of}; each cell records what the suite answered.
 */
public final class AuthorizationMatrix {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PASSWORD = "faults-matrix-password";
    /**
     * A cell waits as long as the gateway would: past its proxy read timeout (nginx's 60 s) the gateway
     * answers 504 itself. Less would fail an admin cell that does real work (a drift check over a large
     * feed takes 15 s and more) on the client's patience, not on the suite's answer.
     */
    private static final Duration CELL_TIMEOUT = Duration.ofSeconds(65);

    /** One cell: the route, the persona, what the contract gives, what came back. */
    public record Cell(Route route, Persona persona, Expectation expected, int status, String answer) {

        public boolean matches() {
            return expected.accepts(status);
        }
    }

    private final Identity admin = Personas.admin();
    private final Map<Persona, Identity> personas = new LinkedHashMap<>();
    private final String marker = "mx" + Integer.toHexString(new java.util.Random().nextInt() & 0xfffffff);
    private final String productId;
    private final String board = "faults-matrix";
    private final String flag;
    private final String imageKey;

    public AuthorizationMatrix() {
        Identity customer = customer("matrix customer");
        personas.put(Persona.ANONYMOUS, Personas.anonymous());
        personas.put(Persona.CUSTOMER, customer);
        personas.put(Persona.OTHER_CUSTOMER, customer("matrix other customer"));
        personas.put(Persona.ADMIN, admin);
        personas.put(Persona.EXPIRED, Personas.expired(customer));
        personas.put(Persona.FORGED, Personas.forged());
        productId = Json.post(Stack.gateway() + "/api/products", admin.gatewayHeaders(), draft(), 201).path("id").asText();
        flag = "faults-" + marker;
        Json.call("PUT", Stack.gateway() + "/api/flags/" + flag, admin.gatewayHeaders(),
                Map.of("enabled", true, "rolloutPercent", 50, "users", List.of()), 200);
        Json.call("PUT", Stack.gateway() + "/api/leaderboards/" + board + "/scores/" + customer.userId(),
                admin.gatewayHeaders(), Map.of("score", 3), 200);
        imageKey = uploadImage();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> Json.exchange("GET",
                Stack.service("search-service") + "/api/search/products/" + productId, Map.of(), null).statusCode() == 200);
    }

    public List<Cell> run() {
        List<Route> routes = new ArrayList<>(RouteTable.load());
        // signing out ends the persona's session: last, when nothing else needs it
        routes.sort(Comparator.comparing(route -> route.path().equals("/api/auth/logout")));
        List<Cell> cells = new ArrayList<>();
        for (Route route : routes) {
            for (Persona persona : Persona.values()) {
                Expectation expected = Expectation.of(route, ownership(route), persona);
                Call call = prepare(route, persona);
                HttpResponse<String> response = send(call);
                cells.add(new Cell(route, persona, expected, response.statusCode(),
                        response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("")
                                + " " + abbreviate(response.body())));
            }
        }
        return cells;
    }

    static Ownership ownership(Route route) {
        String path = route.path();
        if (path.equals("/api/orders") && route.method().equals("POST")) {
            return Ownership.ACTS_FOR;
        }
        boolean owned = path.startsWith("/api/users/") || path.startsWith("/api/orders/")
                || path.startsWith("/api/sessions/{token}") || path.startsWith("/api/sessions/by-user/")
                || path.startsWith("/api/notifications/") || path.startsWith("/api/feed/");
        return owned ? Ownership.OWNED : Ownership.NONE;
    }

    /** The request of one cell, and who sends it (the persona, or the owner the persona stands for). */
    private record Call(Identity as, String method, String path, Object body, String contentType, boolean stream) {
    }

    private Call prepare(Route route, Persona persona) {
        Identity as = personas.get(persona);
        Identity owner = personas.get(Persona.CUSTOMER);
        String key = route.method() + " " + route.path();
        return switch (key) {
            case "POST /api/users" -> call(as, "POST", "/api/users", Map.of("email", marker + "-" + UUID.randomUUID()
                    + "@shop.test", "name", "Matrix", "password", PASSWORD));
            case "GET /api/users/{id}" -> call(as, "GET", "/api/users/" + owner.userId(), null);
            case "GET /api/users/{id}/orders" -> call(as, "GET", "/api/users/" + owner.userId() + "/orders", null);
            case "POST /api/auth/login" -> call(as, "POST", "/api/auth/login",
                    Map.of("email", "admin@shop.local", "password", "admin-local-only"));
            case "POST /api/auth/logout" -> call(as, "POST", "/api/auth/logout", null);
            case "GET /api/products" -> call(as, "GET", "/api/products?page=0&size=1", null);
            case "POST /api/products" -> call(as, "POST", "/api/products", draft());
            case "GET /api/products/{id}" -> call(as, "GET", "/api/products/" + productId, null);
            case "PUT /api/products/{id}", "HEAD /api/products/{id}" -> call(as, "PUT", "/api/products/" + productId, draft());
            case "DELETE /api/products/{id}" -> call(as, "DELETE", "/api/products/" + freshProduct(), null);
            case "GET /api/products/{id}/images" -> call(as, "GET", "/api/products/" + productId + "/images", null);
            case "POST /api/products/{id}/images" -> call(as, "POST", "/api/products/" + productId + "/images",
                    Map.of("key", "products/" + productId + "/" + UUID.randomUUID() + ".png", "contentType",
                            "image/png", "size", 68));
            case "POST /api/orders" -> call(as, "POST", "/api/orders", Map.of("userId", owner.userId(),
                    "items", List.of(Map.of("productId", productId, "quantity", 1))));
            case "GET /api/orders/{id}" -> call(as, "GET", "/api/orders/" + freshOrder().path("id").asText(), null);
            case "POST /api/orders/{id}/payments" -> {
                JsonNode order = freshOrder();
                yield call(as, "POST", "/api/orders/" + order.path("id").asText() + "/payments",
                        Map.of("amount", order.path("total").decimalValue(), "method", "card"));
            }
            case "POST /api/orders/{id}/cancel" -> call(as, "POST", "/api/orders/" + freshOrder().path("id").asText()
                    + "/cancel", null);
            case "GET /api/reports/**" -> call(as, "GET", "/api/reports/pending-orders?days=30&minItems=3", null);
            case "GET /api/sessions/by-user/{userId}" -> call(as, "GET", "/api/sessions/by-user/" + owner.userId(), null);
            case "DELETE /api/sessions/by-user/{userId}" -> {
                // ends every session of its user: a user of its own, so the matrix's personas stay signed in
                Identity victim = customer("matrix by-user");
                yield call(persona == Persona.CUSTOMER ? victim : as, "DELETE", "/api/sessions/by-user/" + victim.userId(),
                        null);
            }
            case "GET /api/sessions/{token}" -> call(as, "GET", "/api/sessions/" + owner.token(), null);
            case "DELETE /api/sessions/{token}" -> call(as, "DELETE", "/api/sessions/" + secondSession(owner), null);
            case "POST /api/sessions/{token}/touch" -> call(as, "POST", "/api/sessions/" + secondSession(owner)
                    + "/touch", null);
            case "POST /api/rate-limits/{key}/consume" -> call(as, "POST", "/api/rate-limits/" + marker + "-"
                    + UUID.randomUUID() + "/consume?limit=10&windowSeconds=60", null);
            case "GET /api/flags/{name}" -> call(as, "GET", "/api/flags/" + flag, null);
            case "PUT /api/flags/{name}" -> call(as, "PUT", "/api/flags/" + flag,
                    Map.of("enabled", true, "rolloutPercent", 50, "users", List.of()));
            case "GET /api/flags/{name}/evaluate" -> call(as, "GET", "/api/flags/" + flag + "/evaluate?userId="
                    + (as.userId() == null ? owner.userId() : as.userId()), null);
            case "POST /api/notifications/{userId}" -> call(as, "POST", "/api/notifications/" + owner.userId(),
                    Map.of("message", "matrix " + marker));
            case "GET /api/notifications/{userId}/stream" -> new Call(as, "GET", "/api/notifications/"
                    + owner.userId() + "/stream", null, null, true);
            case "GET /api/search" -> call(as, "GET", "/api/search?q=matrix", null);
            case "GET /api/search/suggest" -> call(as, "GET", "/api/search/suggest?prefix=ma", null);
            case "GET /api/search/products/{id}" -> call(as, "GET", "/api/search/products/" + productId, null);
            case "GET /api/search/status" -> call(as, "GET", "/api/search/status", null);
            case "POST /api/search/rebuild" -> call(as, "POST", "/api/search/rebuild", null);
            case "POST /api/search/drift" -> call(as, "POST", "/api/search/drift", null);
            case "GET /api/search/dead-letters" -> call(as, "GET", "/api/search/dead-letters", null);
            case "POST /api/search/dead-letters/replay" -> call(as, "POST", "/api/search/dead-letters/replay", null);
            case "GET /api/feed/status" -> call(as, "GET", "/api/feed/status", null);
            case "POST /api/feed/drift" -> call(as, "POST", "/api/feed/drift", null);
            case "GET /api/feed/dead-letters" -> call(as, "GET", "/api/feed/dead-letters", null);
            case "POST /api/feed/dead-letters/replay" -> call(as, "POST", "/api/feed/dead-letters/replay", null);
            case "POST /api/media/products/{productId}/images" -> new Call(as, "POST", "/api/media/products/"
                    + productId + "/images", png(), "image/png", false);
            case "POST /api/media/uploads" -> call(as, "POST", "/api/media/uploads", Map.of("productId", productId,
                    "contentType", "image/png", "size", png().length));
            case "POST /api/media/uploads/{id}/complete" -> call(as, "POST", "/api/media/uploads/" + uploadedTicket()
                    + "/complete", null);
            case "GET /api/media/**" -> call(as, "GET", "/api/media/" + imageKey, null);
            case "DELETE /api/media/**" -> call(as, "DELETE", "/api/media/" + uploadImage(), null);
            case "GET /api/feed/{userId}" -> call(as, "GET", "/api/feed/" + owner.userId() + "?limit=5", null);
            case "POST /api/feed/{userId}/events" -> call(as, "POST", "/api/feed/" + owner.userId() + "/events",
                    Map.of("type", "product.viewed", "data", Map.of("productId", productId)));
            case "PUT /api/leaderboards/{board}/scores/{userId}" -> call(as, "PUT", "/api/leaderboards/" + board
                    + "/scores/" + owner.userId(), Map.of("score", 5));
            case "POST /api/leaderboards/{board}/scores/{userId}/increment" -> call(as, "POST", "/api/leaderboards/"
                    + board + "/scores/" + owner.userId() + "/increment", Map.of("delta", 1));
            case "GET /api/leaderboards/{board}/top" -> call(as, "GET", "/api/leaderboards/" + board + "/top?count=3", null);
            case "GET /api/leaderboards/{board}/users/{userId}" -> call(as, "GET", "/api/leaderboards/" + board
                    + "/users/" + owner.userId(), null);
            case "GET /api/leaderboards/{board}/users/{userId}/around" -> call(as, "GET", "/api/leaderboards/" + board
                    + "/users/" + owner.userId() + "/around?radius=2", null);
            case "GET /console/" -> call(as, "GET", "/console/", null);
            case "GET /console/**" -> call(as, "GET", "/console/console.js", null);
            // the one the page reads every two seconds: everything the console shows
            case "GET /api/ops/**" -> call(as, "GET", "/api/ops/overview", null);
            case "GET /" -> call(as, "GET", "/", null);
            case "GET /assets/**" -> call(as, "GET", "/assets/shop.js", null);
            default -> {
                if (route.access() == Route.Access.INTERNAL) {
                    // POST /api/sessions, introspection and catalog's image-reference removal, whatever the
                    // method: what a client could try (a parameter as some id)
                    String path = route.path().replaceAll("\\{[^}]+}", new UUID(7, 11).toString());
                    yield call(as, route.method(), path, route.method().equals("POST") && path.equals("/api/sessions")
                            ? Map.of("userId", owner.userId(), "roles", List.of("admin")) : null);
                }
                throw new IllegalStateException("the matrix has no request for " + key + ": add one");
            }
        };
    }

    private static Call call(Identity as, String method, String path, Object body) {
        return new Call(as, method, path, body, body == null ? null : "application/json", false);
    }

    private HttpResponse<String> send(Call call) {
        try {
            HttpRequest.BodyPublisher body = call.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(call.body() instanceof byte[] bytes ? bytes
                            : Json.MAPPER.writeValueAsBytes(call.body()));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.gateway() + call.path()))
                    .timeout(CELL_TIMEOUT).method(call.method(), body);
            call.as().gatewayHeaders().forEach(request::header);
            if (call.contentType() != null) {
                request.header("Content-Type", call.contentType());
            }
            if (call.stream()) {
                // an SSE stream stays open: the status and headers are the answer, then hang up
                HttpResponse<InputStream> streaming = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                String text = streaming.statusCode() == 200 ? "(stream opened)"
                        : new String(streaming.body().readNBytes(2000), java.nio.charset.StandardCharsets.UTF_8);
                streaming.body().close();
                return new StreamAnswer(streaming, text);
            }
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(call.method() + " " + call.path(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Identity customer(String name) {
        String email = marker + "-" + UUID.randomUUID() + "@shop.test";
        String address = Personas.address();
        Json.post(Stack.gateway() + "/api/users", Map.of("X-Forwarded-For", address),
                Map.of("email", email, "name", "Fault suite " + name, "password", PASSWORD), 201);
        return Personas.signIn(name, email, PASSWORD);
    }

    /** Another session of the owner's (signed in again), so ending it leaves the persona's own token. */
    private String secondSession(Identity owner) {
        JsonNode user = Json.get(Stack.gateway() + "/api/users/" + owner.userId(), owner.gatewayHeaders(), 200);
        return Personas.signIn("again", user.path("email").asText(), PASSWORD).token();
    }

    private String freshProduct() {
        return Json.post(Stack.gateway() + "/api/products", admin.gatewayHeaders(), draft(), 201).path("id").asText();
    }

    private JsonNode freshOrder() {
        Identity owner = personas.get(Persona.CUSTOMER);
        return Json.post(Stack.gateway() + "/api/orders", owner.gatewayHeaders(), Map.of("userId", owner.userId(),
                "items", List.of(Map.of("productId", productId, "quantity", 1))), 201);
    }

    private Map<String, Object> draft() {
        return Map.of("sku", "MX-" + marker + "-" + UUID.randomUUID().toString().substring(0, 8), "name",
                "Matrix product " + marker, "description", "authorization matrix", "brand", "Faults", "price", 9.99,
                "tags", List.of("faults"), "stock", 10_000);
    }

    private String uploadImage() {
        HttpResponse<String> created;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Stack.gateway() + "/api/media/products/"
                    + productId + "/images")).POST(HttpRequest.BodyPublishers.ofByteArray(png()))
                    .header("Content-Type", "image/png");
            admin.gatewayHeaders().forEach(request::header);
            created = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (created.statusCode() != 201) {
            throw new IllegalStateException("image upload: " + created.statusCode() + " " + created.body());
        }
        try {
            return Json.MAPPER.readTree(created.body()).path("key").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A direct-upload ticket whose bytes were really PUT to S3, ready to complete. */
    private String uploadedTicket() {
        JsonNode ticket = Json.post(Stack.gateway() + "/api/media/uploads", admin.gatewayHeaders(),
                Map.of("productId", productId, "contentType", "image/png", "size", png().length), 201);
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.path("url").asText()))
                .method(ticket.path("method").asText("PUT"), HttpRequest.BodyPublishers.ofByteArray(png()));
        ticket.path("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equalsIgnoreCase("host") && !h.getKey().equalsIgnoreCase("content-length")) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        try {
            HttpResponse<String> stored = CLIENT.send(put.build(), HttpResponse.BodyHandlers.ofString());
            if (stored.statusCode() / 100 != 2) {
                throw new IllegalStateException("presigned PUT: " + stored.statusCode() + " " + stored.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return ticket.path("id").asText();
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff0000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 197) + "...";
    }

    /** The status and headers of a stream that was hung up on, with what was read of it. */
    private record StreamAnswer(HttpResponse<InputStream> response, String text) implements HttpResponse<String> {
        public int statusCode() { return response.statusCode(); }
        public HttpRequest request() { return response.request(); }
        public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        public java.net.http.HttpHeaders headers() { return response.headers(); }
        public String body() { return text; }
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return response.sslSession(); }
        public URI uri() { return response.uri(); }
        public HttpClient.Version version() { return response.version(); }
    }
}
