package shop.e2e.support;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import shop.polyglot.stack.LocalStack;

/**
 * The local stack's running services and servers, as the end-to-end tests reach them: each service
 * on its own port with the identity headers the gateway passes on (the gateway itself is
 * deploy/gateway's), Kafka and catalog-service's PostgreSQL for what crosses the outbox.
 * {@code deploy/local/stack up} starts whatever is not running, once per JVM.
 *
 * <p>{@code -De2e.catalog-url=...} (and {@code e2e.search-url}, {@code e2e.feed-url}) points the
 * tests at another instance of a service than the stack's, e.g. a build not yet deployed to it.
 */
public final class Stack {

    private static final Set<String> COMPONENTS = new LinkedHashSet<>(List.of("prometheus", "postgres", "kafka", "connect",
            "elasticsearch", "dynamodb", "session-service", "catalog-service", "search-service", "feed-service"));

    private static Map<String, String> env;

    private Stack() {
    }

    private static synchronized Map<String, String> env() {
        if (env == null) {
            LocalStack.up(COMPONENTS);
            // idempotent: the stack registered it at `up`; this makes sure it still runs
            LocalStack.registerOutboxConnector();
            env = LocalStack.env();
        }
        return env;
    }

    public static String catalog() {
        return service("catalog", "STACK_CATALOG_PORT");
    }

    public static String search() {
        return service("search", "STACK_SEARCH_PORT");
    }

    public static String feed() {
        return service("feed", "STACK_FEED_PORT");
    }

    public static String kafka() {
        return "127.0.0.1:" + env().get("STACK_KAFKA_PORT");
    }

    public static String prometheus() {
        return "http://127.0.0.1:" + env().get("STACK_PROMETHEUS_PORT");
    }

    public static String dynamodb() {
        return "http://127.0.0.1:" + env().get("STACK_DYNAMODB_PORT");
    }

    public static String feedTable() {
        return env().get("STACK_FEED_TABLE");
    }

    public static String elasticsearch() {
        return "http://127.0.0.1:" + env().get("STACK_ES_PORT");
    }

    /** A connection to catalog-service's database as catalog-service has it, autocommit off. */
    public static Connection catalogDatabase() throws SQLException {
        Map<String, String> stack = env();
        Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + stack.get("STACK_PG_PORT") + "/"
                + stack.get("STACK_PG_DB"), stack.get("STACK_PG_USER"), stack.get("STACK_PG_PASSWORD"));
        db.setAutoCommit(false);
        return db;
    }

    /** A request to {@code baseUri} as the gateway passes one on for this user with this role. */
    public static RequestSpecification as(String baseUri, UUID user, String role) {
        return anonymous(baseUri).header("X-User-Id", user.toString()).header("X-User-Roles", role);
    }

    public static RequestSpecification asAdmin(String baseUri) {
        return as(baseUri, UUID.randomUUID(), "admin");
    }

    public static RequestSpecification anonymous(String baseUri) {
        return given().baseUri(baseUri).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A fresh word no other data holds, to find exactly what a test made. */
    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static String service(String name, String portSetting) {
        String override = System.getProperty("e2e." + name + "-url");
        if (override != null && !override.isBlank()) {
            env();
            return override;
        }
        return "http://127.0.0.1:" + env().get(portSetting);
    }
}
