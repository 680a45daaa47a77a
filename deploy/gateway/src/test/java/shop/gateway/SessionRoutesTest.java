package shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.gateway.support.Gateway.assertGatewayProblem;
import static shop.gateway.support.Gateway.describe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import shop.gateway.support.Gateway;
import shop.gateway.support.Persona;
import shop.gateway.support.Personas;

/** Sessions, rate limits, flags and notifications, through the gateway to session-service. */
class SessionRoutesTest extends Personas {

    @Test
    void creatingASessionAndIntrospectionAreNotRouted() {
        Map<String, Object> session = Map.of("userId", customer.userId(), "roles", List.of("admin"));
        assertGatewayProblem(anonymous.request().body(session).post("/api/sessions"), 404, "not-found");
        assertGatewayProblem(admin.request().body(session).post("/api/sessions"), 404, "not-found");
        assertGatewayProblem(customer.request().get("/api/sessions/introspect"), 404, "not-found");
    }

    @Test
    void aSessionIsReadTouchedAndEndedByItsOwnerOnly() {
        String token = customer.token();
        assertGatewayProblem(anonymous.request().get("/api/sessions/" + token), 401, "not-signed-in");
        Response read = customer.request().get("/api/sessions/" + token);
        assertThat(read.statusCode()).as(describe(read)).isEqualTo(200);
        assertThat(read.jsonPath().getString("userId")).isEqualTo(customer.userId());
        assertThat(otherCustomer.request().get("/api/sessions/" + token).statusCode()).isEqualTo(404);
        assertThat(customer.request().post("/api/sessions/" + token + "/touch").statusCode()).isEqualTo(200);
        assertThat(otherCustomer.request().post("/api/sessions/" + token + "/touch").statusCode()).isEqualTo(404);

        assertThat(customer.request().get("/api/sessions/by-user/" + customer.userId()).statusCode()).isEqualTo(200);
        assertThat(otherCustomer.request().get("/api/sessions/by-user/" + customer.userId()).statusCode())
                .isEqualTo(404);
        assertGatewayProblem(anonymous.request().get("/api/sessions/by-user/" + customer.userId()), 401,
                "not-signed-in");

        Persona leaving = Persona.newCustomer();
        assertThat(otherCustomer.request().delete("/api/sessions/" + leaving.token()).statusCode()).isEqualTo(404);
        assertThat(leaving.request().delete("/api/sessions/" + leaving.token()).statusCode()).isEqualTo(204);
    }

    @Test
    void rateLimitsAreConsumedBySignedInClients() {
        String path = "/api/rate-limits/" + Gateway.unique("gw") + "/consume";
        assertGatewayProblem(anonymous.request().queryParam("limit", 1).queryParam("windowSeconds", 60).post(path), 401,
                "not-signed-in");
        Response allowed = customer.request().queryParam("limit", 1).queryParam("windowSeconds", 60).post(path);
        assertThat(allowed.statusCode()).as(describe(allowed)).isEqualTo(200);
        Response refused = customer.request().queryParam("limit", 1).queryParam("windowSeconds", 60).post(path);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
        Gateway.assertForwarded(refused);
    }

    @Test
    void flagsAreDefinedByAdminsAndEvaluatedBySignedInUsers() {
        String flag = "/api/flags/" + Gateway.unique("gw-flag");
        Map<String, Object> definition = Map.of("enabled", true, "rolloutPercent", 100, "users", List.of());
        assertGatewayProblem(anonymous.request().body(definition).put(flag), 401, "not-signed-in");
        assertGatewayProblem(customer.request().body(definition).put(flag), 403, "forbidden");
        assertThat(admin.request().body(definition).put(flag).statusCode()).isEqualTo(200);

        assertGatewayProblem(customer.request().get(flag), 403, "forbidden");
        assertThat(admin.request().get(flag).statusCode()).isEqualTo(200);

        assertGatewayProblem(anonymous.request().queryParam("userId", customer.userId()).get(flag + "/evaluate"), 401,
                "not-signed-in");
        Response evaluation = customer.request().queryParam("userId", customer.userId()).get(flag + "/evaluate");
        assertThat(evaluation.statusCode()).as(describe(evaluation)).isEqualTo(200);
        assertThat(evaluation.jsonPath().getBoolean("enabled")).isTrue();
    }

    @Test
    void notificationsGoToTheirUserOnlyAndStreamThroughTheGateway() throws Exception {
        String own = "/api/notifications/" + customer.userId();
        assertGatewayProblem(anonymous.request().body(Map.of("message", "hi")).post(own), 401, "not-signed-in");
        assertThat(otherCustomer.request().body(Map.of("message", "hi")).post(own).statusCode()).isEqualTo(404);
        assertGatewayProblem(anonymous.request().get(own + "/stream"), 401, "not-signed-in");

        List<String> received = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest stream = HttpRequest.newBuilder(URI.create(Gateway.baseUri() + own + "/stream"))
                .header("Authorization", "Bearer " + customer.token())
                .header("X-Forwarded-For", customer.address())
                .header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> opened = http.sendAsync(stream, HttpResponse.BodyHandlers.ofInputStream())
                .get(30, TimeUnit.SECONDS);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> readLines(opened.body(), received), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            String message = Gateway.unique("hello");
            // published until the subscription behind the stream is in place; each event arrives unbuffered
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                customer.request().body(Map.of("message", message)).post(own).then().statusCode(202);
                assertThat(received).anySatisfy(line -> assertThat(line).contains(message));
            });
        } finally {
            closeQuietly(opened.body());
        }
    }

    private static void readLines(InputStream body, List<String> into) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                into.add(line);
            }
        } catch (IOException e) {
            // closed by the test: the stream is over
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // closing ends the stream (and its request); nothing else to do
        }
    }
}
