package shop.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import shop.faults.http.Json;
import shop.faults.identity.Identity;
import shop.faults.identity.Personas;
import shop.faults.stack.Stack;
import shop.kit.problem.ProblemType;

/**
 * One malformed request of each kind to each of the six services, straight to the service (with the
 * headers the gateway would set) and through the gateway (with a bearer token), and every answer in
 * the one dialect: {@code application/problem+json}, a {@code type} from service-kit's
 * {@link ProblemType} with its status and title, {@code detail}, {@code instance} (the path asked
 * for), {@code requestId} (the gateway's {@code X-Request-Id} through it) and {@code answeredBy}
 * (the service, or the gateway for its own decisions), {@code errors} for invalid input.
 */
class OneDialectTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    /** Past every service's body limit (media-service takes 11 MiB for images) and every route's. */
    private static final int TOO_LARGE = 12 * 1024 * 1024;

    /** Who a request comes from. */
    enum Caller { ANONYMOUS, CUSTOMER, ADMIN }

    /** The paths of one service the kinds are sent to; null where the service has no such operation. */
    record Service(String name, String jsonWrite, Caller writer, String validBody, String wrongTypeBody,
            String uuidPath, Caller uuidCaller, String badQuery, Caller queryCaller) {
    }

    /** One kind of malformed request, and who is expected to answer it through the gateway. */
    record Kind(String name, ProblemType type, boolean gatewayDecides) {
    }

    private final Identity admin = Personas.admin();
    private final Identity customer = Personas.newCustomer("dialect");

    private List<Service> services() {
        String own = customer.userId();
        String board = "dialect-" + UUID.randomUUID().toString().substring(0, 8);
        return List.of(
                new Service("catalog-service", "/api/products", Caller.ADMIN,
                        "{\"sku\":\"D-1\",\"name\":\"n\",\"description\":\"d\",\"brand\":\"b\",\"price\":1.00,\"tags\":[],\"stock\":1}",
                        "{\"sku\":\"D-1\",\"name\":\"n\",\"description\":\"d\",\"brand\":\"b\",\"price\":1.00,\"tags\":[],\"stock\":\"many\"}",
                        "/api/products/%s", Caller.ANONYMOUS, "/api/products?page=first", Caller.ANONYMOUS),
                new Service("session-service", "/api/flags/dialect-flag", Caller.ADMIN,
                        "{\"enabled\":true,\"rolloutPercent\":10,\"users\":[]}",
                        "{\"enabled\":true,\"rolloutPercent\":\"ten\",\"users\":[]}",
                        "/api/sessions/by-user/%s", Caller.ADMIN, "/api/rate-limits/dialect/consume?limit=many",
                        Caller.CUSTOMER),
                new Service("search-service", null, null, null, null,
                        "/api/search/products/%s", Caller.ANONYMOUS, "/api/search?size=ten", Caller.ANONYMOUS),
                new Service("media-service", "/api/media/uploads", Caller.ADMIN,
                        "{\"productId\":\"" + UUID.randomUUID() + "\",\"contentType\":\"image/png\",\"size\":10}",
                        "{\"productId\":\"" + UUID.randomUUID() + "\",\"contentType\":\"image/png\",\"size\":\"ten\"}",
                        "/api/media/uploads/%s/complete", Caller.ADMIN, null, null),
                new Service("feed-service", "/api/feed/" + own + "/events", Caller.CUSTOMER,
                        "{\"type\":\"product.viewed\",\"data\":{}}", "{\"type\":42,\"data\":[]}",
                        "/api/feed/%s", Caller.CUSTOMER, "/api/feed/" + own + "?limit=all", Caller.CUSTOMER),
                new Service("leaderboard-service", "/api/leaderboards/" + board + "/scores/" + own, Caller.ADMIN,
                        "{\"score\":1}", "{\"score\":\"one\"}",
                        "/api/leaderboards/" + board + "/users/%s", Caller.ANONYMOUS,
                        "/api/leaderboards/" + board + "/top?count=ten", Caller.ANONYMOUS));
    }

    @TestFactory
    Stream<DynamicTest> everyMalformedRequestIsAnsweredInTheOneDialectStraightAndThroughTheGateway() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Service service : services()) {
            for (boolean throughGateway : new boolean[] { false, true }) {
                String channel = throughGateway ? "through 8080" : "straight";
                for (Request request : requests(service)) {
                    tests.add(DynamicTest.dynamicTest(service.name() + ", " + request.kind().name() + ", " + channel,
                            () -> check(service, request, throughGateway)));
                }
            }
        }
        return tests.stream();
    }

    /** A request of one kind to one service. */
    record Request(Kind kind, String method, String path, Caller caller, String contentType, byte[] body,
            boolean chunked) {
    }

    private static List<Request> requests(Service s) {
        List<Request> requests = new ArrayList<>();
        if (s.jsonWrite() != null) {
            String method = s.name().equals("session-service") || s.name().equals("leaderboard-service") ? "PUT" : "POST";
            requests.add(new Request(new Kind("malformed JSON", ProblemType.INVALID_INPUT, false), method, s.jsonWrite(),
                    s.writer(), "application/json", "{\"broken\": ".getBytes(), false));
            requests.add(new Request(new Kind("a wrong type", ProblemType.INVALID_INPUT, false), method, s.jsonWrite(),
                    s.writer(), "application/json", s.wrongTypeBody().getBytes(), false));
            requests.add(new Request(new Kind("an unsupported media type", ProblemType.UNSUPPORTED_MEDIA_TYPE, false),
                    method, s.jsonWrite(), s.writer(), "text/plain", "score=1".getBytes(), false));
            requests.add(new Request(new Kind("a body declared too large", ProblemType.TOO_LARGE, true), method,
                    s.jsonWrite(), s.writer(), "application/json", padded(s.validBody()), false));
            requests.add(new Request(new Kind("a chunked body too large", ProblemType.TOO_LARGE, true), method,
                    s.jsonWrite(), s.writer(), "application/json", padded(s.validBody()), true));
            requests.add(new Request(new Kind("nobody signed in", ProblemType.NOT_SIGNED_IN, true), method,
                    s.jsonWrite(), Caller.ANONYMOUS, "application/json", s.validBody().getBytes(), false));
            if (s.writer() == Caller.ADMIN) {
                requests.add(new Request(new Kind("a customer on an admin route", ProblemType.FORBIDDEN, true), method,
                        s.jsonWrite(), Caller.CUSTOMER, "application/json", s.validBody().getBytes(), false));
            }
        }
        requests.add(new Request(new Kind("a path parameter that is no UUID", ProblemType.INVALID_INPUT, false), "GET",
                String.format(s.uuidPath(), "not-a-uuid"), s.uuidCaller(), null, null, false));
        if (s.uuidPath().contains("/complete")) {
            requests.set(requests.size() - 1, new Request(requests.get(requests.size() - 1).kind(), "POST",
                    String.format(s.uuidPath(), "not-a-uuid"), s.uuidCaller(), null, null, false));
        }
        if (s.badQuery() != null) {
            String method = s.badQuery().contains("/consume") ? "POST" : "GET";
            requests.add(new Request(new Kind("a query parameter of the wrong type", ProblemType.INVALID_INPUT, false),
                    method, s.badQuery(), s.queryCaller(), null, null, false));
        }
        requests.add(new Request(new Kind("a path nothing answers", ProblemType.NOT_FOUND, true), "GET",
                "/api/" + s.name().replace("-service", "") + "-dialect-nowhere", Caller.ANONYMOUS, null, null, false));
        return requests;
    }

    /** A valid body padded past every limit with a field nobody reads. */
    private static byte[] padded(String validBody) {
        StringBuilder body = new StringBuilder(TOO_LARGE + 64).append("{\"pad\":\"");
        body.append("x".repeat(TOO_LARGE)).append("\",").append(validBody.substring(1));
        return body.toString().getBytes();
    }

    private void check(Service service, Request request, boolean throughGateway) throws Exception {
        String base = throughGateway ? Stack.gateway() : Stack.service(service.name());
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(base + request.path()))
                .timeout(Duration.ofSeconds(60));
        Identity who = switch (request.caller()) {
            case ANONYMOUS -> Personas.anonymous();
            case CUSTOMER -> customer;
            case ADMIN -> admin;
        };
        (throughGateway ? who.gatewayHeaders() : who.serviceHeaders()).forEach(http::header);
        if (request.contentType() != null) {
            http.header("Content-Type", request.contentType());
        }
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : request.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()))
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpResponse<String> answer = HTTP.send(http.method(request.method(), body).build(),
                HttpResponse.BodyHandlers.ofString());

        String seen = request.method() + " " + request.path() + " → " + answer.statusCode() + " "
                + answer.headers().firstValue("Content-Type").orElse("") + " " + abbreviated(answer.body());
        ProblemType expected = request.kind().type();
        // straight to a service, the service answers; an anonymous caller or a customer on an
        // unrouted or admin path meets the gateway's own decision first, in the same dialect
        Set<String> answeredBy = Set.of(throughGateway && request.kind().gatewayDecides() ? "gateway" : service.name());
        assertThat(answer.statusCode()).as(seen).isEqualTo(expected.status());
        assertThat(answer.headers().firstValue("Content-Type")).as(seen).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = Json.MAPPER.readTree(answer.body());
        assertThat(problem.path("type").asText()).as(seen).isEqualTo(expected.uri().toString());
        assertThat(Arrays.stream(ProblemType.values()).map(t -> t.uri().toString()))
                .contains(problem.path("type").asText());
        assertThat(problem.path("title").asText()).as(seen).isEqualTo(expected.title());
        assertThat(problem.path("status").asInt()).as(seen).isEqualTo(expected.status());
        assertThat(problem.path("detail").asText()).as(seen).isNotBlank();
        assertThat(problem.path("instance").asText()).as(seen).isEqualTo(request.path().split("\\?")[0]);
        assertThat(problem.path("requestId").asText()).as(seen).isNotBlank()
                .isEqualTo(answer.headers().firstValue("X-Request-Id").orElse(null));
        assertThat(problem.path("answeredBy").asText()).as(seen).isIn(answeredBy);
        if (expected == ProblemType.INVALID_INPUT && !"gateway".equals(problem.path("answeredBy").asText())) {
            assertThat(problem.path("errors")).as(seen).isNotEmpty();
            assertThat(problem.path("errors").get(0).path("field").asText()).as(seen).isNotBlank();
        }
        assertThat(answer.body()).as(seen).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static String abbreviated(String body) {
        return body.length() > 400 ? body.substring(0, 400) + "..." : body;
    }
}
