package shop.e2e.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import shop.polyglot.stack.Metrics;
import shop.polyglot.stack.LocalStack;

/**
 * A second instance of one of the stack's services ({@code deploy/local/stack replica}), on a port
 * of its own, for as long as a test holds it: the running instance's build and settings, so a
 * projection's replica joins the same consumer group. {@link #kill()} is a crash (SIGKILL);
 * {@link #close()} stops what is left of it.
 */
public final class Replica implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(90);

    private final String service;
    private final String url;
    private final Path log;
    private final Process process;

    private Replica(String service, int port, Path log, Process process) {
        this.service = service;
        this.url = "http://127.0.0.1:" + port;
        this.log = log;
        this.process = process;
    }

    /** Starts it and returns once it is ready (its /q/health/ready answers 200). */
    public static Replica start(String service) {
        return start(service, Map.of());
    }

    /** The same, with more environment: a setting of its own, or JVM flags in {@code STACK_SERVICE_JAVA_OPTS}. */
    public static Replica start(String service, Map<String, String> env) {
        Stack.kafka(); // the stack is up, with this service running
        int port = freePort();
        Path log = Path.of("target", "replicas", service + "-" + port + ".log");
        Replica replica = new Replica(service, port, log, LocalStack.replica(service, port, log, env));
        try {
            // refused until it listens
            await().atMost(READY).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(ConnectException.class)
                    .until(() -> {
                if (!replica.process.isAlive()) {
                    throw new IllegalStateException(service + " replica exited (" + replica.process.exitValue() + "): "
                            + replica.logTail());
                }
                return given().baseUri(replica.url).get("/q/health/ready").statusCode() == 200;
            });
        } catch (Throwable e) { // awaitility rethrows the condition's checked exceptions as they are
            replica.close();
            throw e;
        }
        return replica;
    }

    public String url() {
        return url;
    }

    /** The sum of a counter's samples on this instance's /q/metrics whose labels include {@code labels} (e.g. {@code view="search"}). */
    public double counter(String name, String... labels) {
        return counterAt(url, name, labels);
    }

    /** The same, on any instance's metrics page (the stack's own, for one). */
    public static double counterAt(String baseUrl, String name, String... labels) {
        return Metrics.sum(given().baseUri(baseUrl).get("/q/metrics").then().statusCode(200).extract().asString(), name,
                labels);
    }

    /** A crash: SIGKILL, no goodbye to the consumer group; returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        waitGone();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            waitGone();
        }
    }

    private void waitGone() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether its JVM still runs (a replica that ran out of heap exits: the stack starts JVMs with ExitOnOutOfMemoryError). */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of its log, for an assertion's message. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return service + " replica at " + url;
    }
}
