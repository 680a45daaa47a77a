package shop.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import shop.polyglot.stack.LocalStack;

/**
 * The console's API against the running stack: only administrators, every part of the suite and
 * the pipeline present, and what does not answer shown as not known (with why), never waited on.
 */
@QuarkusTest
@QuarkusTestResource(OpsApiTest.Suite.class)
class OpsApiTest {

    @Test
    void onlyAdministratorsMayRead() {
        given().get("/api/ops/overview").then().statusCode(401).contentType("application/problem+json");
        given().header("X-User-Id", UUID.randomUUID().toString()).header("X-User-Roles", "customer")
                .get("/api/ops/overview").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aBadWindowIsRefusedNamingIt() {
        for (String minutes : List.of("0", "361", "abc", "1.5")) {
            admin().get("/api/ops/lag?minutes=" + minutes).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("minutes"));
        }
    }

    @Test
    void theOverviewHasEveryServiceStoreAndHop() {
        JsonPath overview = admin().get("/api/ops/overview").then().statusCode(200).extract().jsonPath();

        assertThat(overview.getList("suite.services.name")).containsExactly("catalog-service", "feed-service",
                "leaderboard-service", "media-service", "nowhere-service", "search-service", "session-service",
                "storefront");
        Map<String, String> services = new HashMap<>();
        overview.getList("suite.services", Map.class).forEach(s -> services.put((String) s.get("name"), (String) s.get("status")));
        assertThat(services).containsEntry("catalog-service", "UP").containsEntry("search-service", "UP")
                .containsEntry("feed-service", "UP").containsEntry("session-service", "UP")
                .containsEntry("storefront", "UP");
        for (String service : List.of("catalog-service", "storefront")) {
            assertThat(overview.getString("suite.services.find { it.name == '" + service + "' }.version")).as(service)
                    .matches("\\d+\\.\\d+\\.\\d+.*");
        }

        assertThat(overview.getList("suite.stores.name")).containsExactly("PostgreSQL", "Redis", "Kafka", "Kafka Connect",
                "Elasticsearch", "S3", "DynamoDB", "Zipkin", "Prometheus");
        for (String store : List.of("PostgreSQL", "Redis", "Kafka", "Kafka Connect", "Elasticsearch", "DynamoDB")) {
            assertThat(overview.getString("suite.stores.find { it.name == '" + store + "' }.status")).as(store)
                    .isEqualTo("UP");
        }

        assertThat(overview.getBoolean("pipeline.slot.active")).isTrue();
        assertThat(overview.getLong("pipeline.slot.retainedBytes")).isNotNegative();
        assertThat(overview.getString("pipeline.slot.confirmedFlushLsn")).matches("[0-9A-F]+/[0-9A-F]+");
        assertThat(overview.getString("pipeline.connector.state")).isEqualTo("RUNNING");
        assertThat(overview.getList("pipeline.connector.tasks.state")).containsOnly("RUNNING").isNotEmpty();
        assertThat(overview.getList("pipeline.topics.name")).contains("outbox.event.product", "outbox.event.order");
        assertThat(overview.getList("pipeline.views.name")).containsExactly("feed", "search");
        assertThat(overview.getMap("pipeline.views.find { it.name == 'search' }.behind"))
                .containsKey("outbox.event.product");
        assertThat(overview.getString("pipeline.views.find { it.name == 'search' }.status.currentLagMs")).isNotNull();
        assertThat(overview.getString("links.zipkin")).contains("/zipkin/");
    }

    @Test
    void aServiceThatDoesNotAnswerIsNotKnownAndSaysWhy() {
        admin().get("/api/ops/suite").then().statusCode(200)
                .body("services.find { it.name == 'nowhere-service' }.status", equalTo("UNKNOWN"))
                .body("services.find { it.name == 'nowhere-service' }.reason", equalTo("refused"));
    }

    @Test
    void theLagHistoryComesFromPrometheus() {
        admin().get("/api/ops/lag?minutes=15").then().statusCode(200).body("source", equalTo("prometheus"))
                .body("minutes", equalTo(15));
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().header("X-User-Id", UUID.randomUUID().toString()).header("X-User-Roles", "admin");
    }

    /** The stack's servers and services (started if need be), and one service where nothing listens. */
    public static class Suite implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            LocalStack.up(Set.of("zipkin", "prometheus", "postgres", "redis", "kafka", "connect", "elasticsearch",
                    "dynamodb", "catalog-service", "session-service", "search-service", "feed-service", "storefront"));
            Map<String, String> env = LocalStack.env();
            Map<String, String> config = new HashMap<>();
            for (String service : List.of("catalog", "session", "search", "media", "feed", "leaderboard")) {
                config.put("ops.services." + service + "-service", "http://127.0.0.1:"
                        + env.get("STACK_" + service.toUpperCase() + "_PORT"));
            }
            config.put("ops.services.storefront", "http://127.0.0.1:" + env.get("STACK_STOREFRONT_PORT"));
            config.put("ops.services.nowhere-service", "http://127.0.0.1:1");
            config.put("kafka.bootstrap.servers", "127.0.0.1:" + env.get("STACK_KAFKA_PORT"));
            config.put("ops.connect.url", "http://127.0.0.1:" + env.get("STACK_CONNECT_PORT"));
            config.put("ops.zipkin-url", "http://127.0.0.1:" + env.get("STACK_ZIPKIN_PORT"));
            config.put("ops.zipkin-ui-url", "http://127.0.0.1:" + env.get("STACK_ZIPKIN_PORT") + "/zipkin/");
            config.put("ops.prometheus-url", "http://127.0.0.1:" + env.get("STACK_PROMETHEUS_PORT"));
            return config;
        }

        @Override
        public void stop() {
            // the servers stay up for the next test class and module
        }
    }
}
