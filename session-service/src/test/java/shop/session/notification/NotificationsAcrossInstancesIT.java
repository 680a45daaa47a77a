package shop.session.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import shop.polyglot.stack.LocalStack;
import shop.polyglot.stack.LocalStackResource;

/**
 * Two instances of the packaged service on one Redis: the one Quarkus starts for this test, and a
 * second started here from the same jar as a separate process. A notification published on one
 * reaches a stream held open on the other, in both directions.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "components", value = "redis"))
class NotificationsAcrossInstancesIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path LOG = Path.of("target", "second-instance.log");

    private static Process second;
    private static String secondUrl;

    @BeforeAll
    static void startASecondInstance() throws IOException {
        assertThat(JAR).as("the packaged service, built by the package phase").exists();
        int port = freePort();
        secondUrl = "http://127.0.0.1:" + port;
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(LOG.toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_REDIS_HOSTS", "redis://127.0.0.1:" + LocalStack.env().get("STACK_REDIS_PORT"));
        second = builder.start();
        Awaitility.await("second instance ready, log in " + LOG).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    assertThat(second.isAlive()).as("second instance still running; see " + LOG).isTrue();
                    return ready(secondUrl);
                });
    }

    @AfterAll
    static void stopTheSecondInstance() throws InterruptedException {
        if (second != null) {
            second.destroy();
            if (!second.waitFor(20, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }

    @Test
    void aNotificationPublishedOnOneInstanceReachesAStreamOnTheOther() throws Exception {
        String firstUrl = RestAssured.baseURI + ":" + RestAssured.port;
        deliversAcross(secondUrl, firstUrl);
    }

    @Test
    void itWorksTheOtherWayRoundToo() throws Exception {
        String firstUrl = RestAssured.baseURI + ":" + RestAssured.port;
        deliversAcross(firstUrl, secondUrl);
    }

    private static void deliversAcross(String publishOn, String streamOn) throws Exception {
        String userId = UUID.randomUUID().toString();
        List<String> sent = new ArrayList<>();
        try (SseListener stream = SseListener.open(streamOn + "/api/notifications/" + userId + "/stream", userId, "customer")) {
            assertThat(stream.status()).isEqualTo(200);
            // the stream's subscription reaches Redis a moment after the response starts: publish
            // until one arrives (each attempt is a new message), bounded
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                String message = "hello " + UUID.randomUUID();
                sent.add(message);
                given().baseUri(publishOn).header("X-User-Id", userId).header("X-User-Roles", "customer")
                        .contentType(ContentType.JSON).body(Map.of("message", message))
                        .when().post("/api/notifications/" + userId)
                        .then().statusCode(202);
                assertThat(stream.data()).anySatisfy(event -> assertThat(sent.stream().anyMatch(event::contains)).isTrue());
            });
        }
    }

    private static boolean ready(String url) {
        try {
            return given().baseUri(url).when().get("/q/health/ready").statusCode() == 200;
        } catch (Exception notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static {
        // a failed run must not leave the second instance behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (second != null && second.isAlive()) {
                second.destroyForcibly();
            }
        }));
        new File("target").mkdirs();
    }
}
