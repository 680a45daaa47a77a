package shop.faults.corpus;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import shop.faults.http.Shot;
import shop.faults.identity.Identity;
import shop.faults.route.Route;

/**
 * The bad-input corpus: for every row of the gateway's route table, malformed requests of every
 * kind, aimed alternately at the gateway (with the admin's or the customer's token, as the route
 * needs) and straight at the service behind it (with the identity headers the gateway would set).
 * Deterministic: the same seed, routes and fixture give the same requests in the same order.
 *
 * <p>Every request is built so that it cannot be a valid write: a body always carries a "killer"
 * (a field the contract makes invalid), a request without a body names a resource that cannot
 * exist, and the writes that need no body at all (logout, rebuild) go with an identity that may not
 * do them. So any 2xx to a write is a finding, and the stores must not change.
 */
public final class MalformedCorpus {

    public enum Flaw {
        BAD_SEGMENT, KILLER_BODY, BROKEN_BODY, WRONG_CONTENT_TYPE, OVERSIZED_BODY, BAD_QUERY, WRONG_METHOD,
        BAD_IDENTITY_HEADERS, PATH_TRAVERSAL
    }

    private static final List<String> BAD_LIMITS = List.of("-1", "abc", "99999999999999999999", "1e400", "",
            "%00", "-2147483649", "NaN");
    private static final String JSON = "application/json";

    private final List<Route> routes;
    private final Fixture fixture;
    private final Identity admin;
    private final Identity customer;
    private final Map<String, String> bases;
    private final long seed;

    /**
     * @param bases "gateway" and each route-table service name → its base URI
     */
    public MalformedCorpus(List<Route> routes, Fixture fixture, Identity admin, Identity customer,
            Map<String, String> bases, long seed) {
        this.routes = routes;
        this.fixture = fixture;
        this.admin = admin;
        this.customer = customer;
        this.bases = bases;
        this.seed = seed;
    }

    public List<Shot> generate(int count) {
        Random random = new Random(seed);
        List<Shot> shots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Route route = routes.get(i % routes.size());
            boolean viaGateway = (i / routes.size()) % 2 == 0;
            shots.add(shot(route, viaGateway, random, i));
        }
        return shots;
    }

    private Shot shot(Route route, boolean viaGateway, Random random, int n) {
        List<Flaw> flaws = flawsFor(route);
        Flaw flaw = flaws.get(random.nextInt(flaws.size()));
        String target = viaGateway ? "gateway" : route.service();
        Map<String, String> headers = new LinkedHashMap<>(identityHeaders(route, viaGateway, n));
        List<String> segments = fixtureSegments(route);
        String query = validQuery(route, random);
        byte[] body = null;
        String detail;
        BodySchema schema = BodySchema.of(routeKey(route), fixture);
        String method = route.method();

        switch (flaw) {
            case BAD_SEGMENT -> {
                int at = random.nextInt(segments.size());
                String bad = pick(random, Hostile.SEGMENTS);
                segments.set(at, bad);
                detail = "segment " + route.parameters().get(at) + "=" + abbreviate(bad);
                body = schema == null ? null : killerBody(schema, random, 1);
            }
            case KILLER_BODY -> {
                body = schema == null ? pick(random, Hostile.NOT_IMAGES)
                        : killerBody(schema, random, 1 + random.nextInt(2));
                detail = "killer body " + abbreviate(new String(body, UTF_8));
            }
            case BROKEN_BODY -> {
                body = pick(random, Hostile.BROKEN_BODIES);
                detail = "broken body " + abbreviate(new String(body, UTF_8));
            }
            case WRONG_CONTENT_TYPE -> {
                body = schema == null ? Hostile.bytes("{\"not\":\"an image\"}") : killerBody(schema, random, 1);
                String type = pick(random, Hostile.WRONG_CONTENT_TYPES);
                headers.put("Content-Type", type);
                detail = "content type " + type;
            }
            case OVERSIZED_BODY -> {
                // past the gateway's 64 KiB (10 MiB on media uploads); straight to a service, 2 MiB
                int size = viaGateway ? (route.bodyLimit().equals("10m") ? 10 * 1024 * 1024 + 1 : 70_000)
                        : 2 * 1024 * 1024;
                body = oversized(schema, random, size);
                detail = "oversized body " + body.length + " bytes";
            }
            case BAD_QUERY -> {
                query = badQuery(route, random);
                body = schema == null ? null : killerBody(schema, random, 1);
                detail = "query " + abbreviate(query);
            }
            case WRONG_METHOD -> {
                method = pick(random, List.of("PATCH", "TRACE", "PROPFIND"));
                body = schema == null ? null : killerBody(schema, random, 1);
                detail = "method " + method;
            }
            case BAD_IDENTITY_HEADERS -> {
                badIdentity(headers, viaGateway, random);
                body = schema == null ? null : killerBody(schema, random, 1);
                detail = "identity " + abbreviate(headers.toString());
            }
            case PATH_TRAVERSAL -> {
                String traversal = pick(random, Hostile.RAW_TRAVERSALS);
                if (route.path().endsWith("/**")) {
                    segments.set(segments.size() - 1, traversal);
                } else {
                    int at = random.nextInt(segments.size());
                    segments.set(at, segments.get(at) + "/" + traversal);
                }
                body = schema == null ? null : killerBody(schema, random, 1);
                detail = "traversal " + traversal;
            }
            default -> throw new IllegalStateException(flaw.name());
        }
        if (body != null && !headers.containsKey("Content-Type")) {
            headers.put("Content-Type", route.path().startsWith("/api/media/products/") ? "image/png" : JSON);
        }
        String path = route.fill(segments) + (query.isEmpty() ? "" : "?" + query);
        return new Shot(target, bases.get(target), route.toString(), method, path, headers, body,
                flaw.name() + ": " + detail);
    }

    /** Which flaws can be made for a route without any of them being a valid, changing request. */
    private List<Flaw> flawsFor(Route route) {
        List<Flaw> flaws = new ArrayList<>();
        boolean hasBody = BodySchema.of(routeKey(route), fixture) != null;
        boolean imageUpload = route.path().equals("/api/media/products/{productId}/images");
        boolean hasParameters = !route.parameters().isEmpty();
        if (route.sse()) {
            // with a valid id the stream would open and stay open: only ids that cannot be someone's
            return List.of(Flaw.BAD_SEGMENT, Flaw.PATH_TRAVERSAL);
        }
        boolean bodilessWrite = route.writes() && !hasBody && !imageUpload;
        if (hasParameters) {
            flaws.add(Flaw.BAD_SEGMENT);
            flaws.add(Flaw.PATH_TRAVERSAL);
        }
        if (hasBody || imageUpload) {
            flaws.addAll(List.of(Flaw.KILLER_BODY, Flaw.KILLER_BODY, Flaw.BROKEN_BODY, Flaw.BROKEN_BODY,
                    Flaw.WRONG_CONTENT_TYPE, Flaw.OVERSIZED_BODY));
        }
        if (!route.writes() || route.path().endsWith("/consume")) {
            flaws.add(Flaw.BAD_QUERY);
            flaws.add(Flaw.BAD_QUERY);
        }
        if (!bodilessWrite || !hasParameters) {
            flaws.add(Flaw.WRONG_METHOD);
            flaws.add(Flaw.BAD_IDENTITY_HEADERS);
        }
        if (flaws.isEmpty()) {
            flaws.add(Flaw.WRONG_METHOD);
        }
        return flaws;
    }

    private static final java.util.Set<String> EXPENSIVE = java.util.Set.of("/api/search/rebuild", "/api/search/drift",
            "/api/feed/drift", "/api/search/dead-letters/replay", "/api/feed/dead-letters/replay");

    private Map<String, String> identityHeaders(Route route, boolean viaGateway, int n) {
        Identity who = switch (route.access()) {
            // the admin writes without a body that start real work (a rebuild, a drift check, a replay): refused
            case ADMIN -> EXPENSIVE.contains(route.path()) ? customer : admin;
            case PUBLIC -> n % 3 == 0 ? null : (n % 3 == 1 ? customer : admin);
            default -> customer;
        };
        Map<String, String> headers = new LinkedHashMap<>();
        if (viaGateway) {
            // a client address per 64 requests: the corpus measures validation, not the rate limit
            headers.put("X-Forwarded-For", "198.18." + (n / 64 / 250 % 250) + "." + (1 + n / 64 % 250));
            if (who != null && !route.path().equals("/api/auth/logout")) {
                headers.put("Authorization", "Bearer " + who.token());
            }
        } else if (who != null) {
            headers.putAll(who.serviceHeaders());
        }
        if (route.path().equals("/api/auth/logout")) {
            // a valid token would really sign the customer out: only tokens that are not one
            headers.put("Authorization", "Bearer " + "z".repeat(n % 2 == 0 ? 43 : 7) + "%00");
        }
        return headers;
    }

    private List<String> fixtureSegments(Route route) {
        List<String> segments = new ArrayList<>();
        for (String name : route.parameters()) {
            segments.add(switch (name) {
                case "id" -> route.path().startsWith("/api/users") ? fixture.customerId().toString()
                        : route.path().startsWith("/api/orders") ? fixture.orderId().toString()
                        : route.path().startsWith("/api/media/uploads") ? new UUID(fixture.marker().hashCode(), 7).toString()
                        : fixture.productId().toString();
                case "productId" -> fixture.productId().toString();
                // an image reference of the fixture's product that does not exist (the row is internal)
                case "imageId" -> new UUID(fixture.marker().hashCode(), 11).toString();
                case "userId" -> fixture.customerId().toString();
                case "token" -> fixture.customerToken();
                case "key" -> "faults-" + fixture.marker();
                case "name" -> fixture.flagName();
                case "board" -> fixture.board();
                case "rest" -> route.path().startsWith("/api/reports") ? "pending-orders"
                        : route.path().startsWith("/console/") ? "console.js"
                        : route.path().startsWith("/assets/") ? "shop.js"
                        // the console's one operation with a parameter: the query flaws have one to aim at
                        : route.path().startsWith("/api/ops/") ? "lag"
                        : "products/" + fixture.productId() + "/" + fixture.marker() + ".png";
                default -> throw new IllegalStateException("no fixture for {" + name + "} in " + route);
            });
        }
        // a write without a body changes whatever its path names: never name something that exists
        if (route.writes() && BodySchema.of(routeKey(route), fixture) == null && !segments.isEmpty()
                && !route.path().startsWith("/api/media/products/") && !route.path().endsWith("/consume")) {
            segments.set(segments.size() - 1, "not-a-uuid-" + fixture.marker());
        }
        return segments;
    }

    private String validQuery(Route route, Random random) {
        return switch (routeKey(route)) {
            case "GET /api/products" -> "page=0&size=5";
            case "GET /api/search" -> "q=faults&sort=relevance&page=0&size=5";
            case "GET /api/search/suggest" -> "prefix=fa";
            case "GET /api/feed/{userId}" -> "limit=5";
            case "GET /api/leaderboards/{board}/top" -> "count=5";
            case "GET /api/leaderboards/{board}/users/{userId}/around" -> "radius=2";
            case "GET /api/reports/**" -> "days=30&minItems=3";
            case "GET /api/flags/{name}/evaluate" -> "userId=" + fixture.customerId();
            case "GET /api/ops/**" -> "minutes=15";
            // consume has no valid form in the corpus: a valid one would spend a real budget
            case "POST /api/rate-limits/{key}/consume" -> "limit=" + pick(random, BAD_LIMITS) + "&windowSeconds=60";
            default -> "";
        };
    }

    private String badQuery(Route route, Random random) {
        List<String> names = switch (routeKey(route)) {
            case "GET /api/products", "GET /api/users/{id}/orders" -> List.of("page", "size");
            case "GET /api/search" -> List.of("q", "brand", "tag", "minPrice", "maxPrice", "sort", "page", "size");
            case "GET /api/search/suggest" -> List.of("prefix");
            case "GET /api/feed/{userId}" -> List.of("limit", "cursor");
            case "GET /api/leaderboards/{board}/top" -> List.of("count", "period");
            case "GET /api/leaderboards/{board}/users/{userId}/around" -> List.of("radius", "period");
            case "GET /api/leaderboards/{board}/users/{userId}" -> List.of("period");
            case "GET /api/reports/**" -> List.of("days", "minItems");
            case "GET /api/flags/{name}/evaluate" -> List.of("userId");
            case "POST /api/rate-limits/{key}/consume" -> List.of("limit", "windowSeconds");
            case "GET /api/ops/**" -> List.of("minutes");
            default -> List.of("page", "q", "size");
        };
        StringBuilder query = new StringBuilder();
        for (String name : names) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(name).append('=').append(pick(random, Hostile.QUERY_VALUES));
        }
        if (routeKey(route).endsWith("/consume")) {
            query.append("&limit=").append(pick(random, BAD_LIMITS));
        }
        if (random.nextInt(4) == 0) {
            // the same parameter twice, and one no endpoint knows
            query.append('&').append(names.get(0)).append("=-5&%24where=1%3D1");
        }
        return query.toString();
    }

    private void badIdentity(Map<String, String> headers, boolean viaGateway, Random random) {
        if (viaGateway) {
            headers.put("Authorization", pick(random, List.of("Bearer", "Bearer ", "Basic YWRtaW46YWRtaW4=",
                    "Bearer a b c", "Bearer " + "A".repeat(5000), "Bearer ../../etc/passwd", "bearer%00",
                    "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.")));
            // spoofed identity headers: the gateway replaces them
            headers.put("X-User-Id", new UUID(random.nextLong(), random.nextLong()).toString());
            headers.put("X-User-Roles", "admin");
        } else {
            headers.put("X-User-Id", pick(random, List.of("not-a-uuid", "' OR 1=1--", "", "*",
                    "00000000-0000-0000-0000-00000000000g", "x".repeat(4000))));
            if (random.nextBoolean()) {
                headers.put("X-User-Roles", pick(random, List.of("", ",,,", "ADMIN", "root", "customer;admin")));
            }
        }
    }

    private static byte[] killerBody(BodySchema schema, Random random, int killers) {
        Map<String, String> fields = new LinkedHashMap<>(schema.template());
        List<String> killable = new ArrayList<>(schema.killers().keySet());
        List<String> killed = new ArrayList<>();
        for (int i = 0; i < killers && !killable.isEmpty(); i++) {
            String field = killable.remove(random.nextInt(killable.size()));
            fields.put(field, pick(random, schema.killers().get(field)));
            killed.add(field);
        }
        // hostile values in the other fields: the killer makes the request invalid whatever they are
        for (String field : new ArrayList<>(fields.keySet())) {
            if (!killed.contains(field) && random.nextInt(3) == 0) {
                fields.put(field, pick(random, Hostile.WRONG_JSON_VALUES));
            }
        }
        if (random.nextInt(5) == 0) {
            fields.put(pick(random, List.of("__proto__", "$where", "id", "version", "role", "\u0000")),
                    pick(random, Hostile.WRONG_JSON_VALUES));
        }
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (!value.equals("<missing>")) {
                json.append(json.length() > 1 ? "," : "").append(BodySchema.q(name)).append(':').append(value);
            }
        });
        return json.append('}').toString().getBytes(UTF_8);
    }

    private static byte[] oversized(BodySchema schema, Random random, int size) {
        if (schema == null) {
            // not an image either: the size must be refused before the content is looked at
            byte[] noise = new byte[size];
            random.nextBytes(noise);
            return noise;
        }
        String killer = new String(killerBody(schema, random, 1), UTF_8);
        String padding = ",\"padding\":\"" + "p".repeat(Math.max(0, size - killer.length())) + "\"}";
        return (killer.substring(0, killer.length() - 1) + padding).getBytes(UTF_8);
    }

    static String routeKey(Route route) {
        return route.method() + " " + route.path();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 77) + "...(" + text.length() + ")";
    }
}
