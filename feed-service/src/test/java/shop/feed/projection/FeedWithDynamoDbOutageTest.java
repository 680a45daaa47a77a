package shop.feed.projection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static shop.feed.support.Feeds.as;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import shop.polyglot.stack.Metrics;
import shop.events.OutboxEvent;
import shop.feed.support.CatalogEvents;
import shop.feed.support.FeedStack;
import shop.feed.support.Topics;
import shop.polyglot.stack.TcpProxy;

/**
 * DynamoDB goes down for this application only (a TCP proxy in front of the stack's server is
 * cut): the API answers 503 problem+json, readiness is DOWN, and events that arrive meanwhile
 * are retried, not skipped; once DynamoDB is back they are all in the feed, each once.
 */
@QuarkusTest
// every test resource of this module is restricted to its class: an unrestricted one applies to every
// application, and whichever resource's quarkus.dynamodb.endpoint-override came last won: run after
// FeedProjectionTest (flake-hunt, 9 of 9 rounds) this application read DynamoDB directly, and cutting
// the proxy cut nothing.
@QuarkusTestResource(value = FeedStack.class, restrictToAnnotatedClass = true, initArgs = {
        @ResourceArg(name = "components", value = "dynamodb,kafka"),
        @ResourceArg(name = "dynamodb-proxy", value = "true")})
class FeedWithDynamoDbOutageTest {

    @FeedStack.DynamoDbProxy
    TcpProxy dynamo;

    @AfterEach
    void restore() {
        dynamo.restore();
    }

    @Test
    void eventsThatArriveDuringAnOutageAreAllProjectedOnceItEnds() {
        Topics.awaitProjectionAssigned();
        UUID user = UUID.randomUUID();
        double failuresBefore = storeFailures();

        dynamo.cut();
        as(user).get("/api/feed/{userId}", user).then().statusCode(503)
                .contentType("application/problem+json").body("status", is(503));
        as(user).body(Map.of("type", "product.viewed")).post("/api/feed/{userId}/events", user)
                .then().statusCode(503).contentType("application/problem+json");
        given().get("/q/health/ready").then().statusCode(503);

        List<String> eventIds = new ArrayList<>();
        Instant at = Instant.now().minusSeconds(60);
        for (int i = 0; i < 5; i++) {
            OutboxEvent placed = CatalogEvents.placed(UUID.randomUUID(), user).at(at.plusSeconds(i));
            eventIds.add(0, placed.eventId().toString());
            CatalogEvents.publish(placed);
        }
        // the projection has met the outage (and keeps retrying) before DynamoDB comes back
        await().atMost(Duration.ofSeconds(60)).until(() -> storeFailures() > failuresBefore);
        dynamo.restore();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> as(user)
                .get("/api/feed/{userId}", user).then().extract().path("items.size()").equals(5));
        List<String> projected = as(user).get("/api/feed/{userId}", user).then().statusCode(200)
                .extract().path("items.eventId");
        assertThat(projected).containsExactlyElementsOf(eventIds);
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** {@code feed_projection_store_failures_total} from /q/metrics: writes that found DynamoDB out of reach. */
    private static double storeFailures() {
        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        return Metrics.sum(metrics, "feed_projection_store_failures_total");
    }
}
