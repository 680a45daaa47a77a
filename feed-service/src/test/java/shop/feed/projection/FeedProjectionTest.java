package shop.feed.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static shop.feed.support.Feeds.as;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import shop.polyglot.stack.Metrics;
import shop.events.OutboxEvent;
import shop.feed.support.CatalogEvents;
import shop.feed.support.FeedStack;
import shop.feed.support.Topics;

/**
 * FeedProjection on real Kafka and DynamoDB: the user and order events catalog-service publishes,
 * produced to the outbox topics as Debezium delivers them (support/CatalogEvents), end up in the
 * buyer's feed, each once, in one order shape. The same path from catalog-service's API through
 * Debezium is deploy/e2e's FeedPipelineTest.
 */
@QuarkusTest
@QuarkusTestResource(value = FeedStack.class, restrictToAnnotatedClass = true, initArgs = @ResourceArg(name = "components", value = "kafka,dynamodb"))
class FeedProjectionTest {

    private static final Duration VIEW_LAG = Duration.ofSeconds(60);

    @BeforeEach
    void projectionListens() {
        Topics.awaitProjectionAssigned();
    }

    @Test
    void placingPayingAndCancellingOrdersShowUpInTheBuyersFeedNewestFirst() {
        UUID buyer = UUID.randomUUID();
        UUID paid = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        Instant start = Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.MICROS);
        List<OutboxEvent> events = List.of(CatalogEvents.registered(buyer), CatalogEvents.placed(paid, buyer),
                CatalogEvents.paid(paid, buyer), CatalogEvents.placed(cancelled, buyer),
                CatalogEvents.cancelled(cancelled, buyer));
        for (int i = 0; i < events.size(); i++) {
            CatalogEvents.publish(events.get(i).at(start.plusSeconds(i)));
        }

        JsonPath feed = awaitFeed(buyer, 5);

        assertThat(feed.getList("items.type", String.class)).containsExactly(
                "order.cancelled", "order.placed", "order.paid", "order.placed", "user.registered");
        assertThat(feed.getString("items[0].data.id")).isEqualTo(cancelled.toString());
        assertThat(feed.getString("items[0].data.status")).isEqualTo("CANCELLED");
        assertThat(feed.getString("items[1].data.id")).isEqualTo(cancelled.toString());
        assertThat(feed.getString("items[2].data.id")).isEqualTo(paid.toString());
        assertThat(feed.getString("items[2].data.status")).isEqualTo("PAID");
        assertThat(feed.getString("items[2].data.payment.orderId")).isEqualTo(paid.toString());
        assertThat(feed.getString("items[3].data.id")).isEqualTo(paid.toString());
        assertThat(feed.getString("items[4].data.id")).isEqualTo(buyer.toString());
        List<Instant> times = feed.getList("items.occurredAt", String.class).stream().map(Instant::parse).toList();
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void anOrderPaidOfTheRetiredShapeStillInTheTopicIsReadAsTheOneOrderShape() {
        UUID buyer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        OutboxEvent retired = CatalogEvents.retiredPaid(order, buyer);
        CatalogEvents.publishRetired(retired);

        JsonPath feed = awaitFeed(buyer, 1);
        assertThat(feed.getString("items[0].eventId")).isEqualTo(retired.eventId().toString());
        assertThat(feed.getString("items[0].type")).isEqualTo("order.paid");
        Map<String, Object> data = feed.getMap("items[0].data");
        assertThat(data).containsEntry("id", order.toString()).containsEntry("userId", buyer.toString())
                .containsEntry("status", "PAID").doesNotContainKey("order");
        assertThat(feed.getString("items[0].data.payment.orderId")).isEqualTo(order.toString());
    }

    @Test
    void aRedeliveredEventAddsNothing() {
        UUID buyer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        OutboxEvent placed = CatalogEvents.placed(order, buyer).at(Instant.now().minusSeconds(5));
        CatalogEvents.publish(placed);
        awaitFeed(buyer, 1);

        // the same record again, as Kafka redelivers it after a crash before the offset commit;
        // then a later event of the same order (same key, same partition): once that one is in
        // the feed, the duplicate before it has been consumed
        OutboxEvent cancelled = CatalogEvents.cancelled(order, buyer);
        CatalogEvents.publish(placed, cancelled);

        JsonPath feed = awaitFeed(buyer, 2);
        assertThat(feed.getList("items.eventId", String.class))
                .containsExactly(cancelled.eventId().toString(), placed.eventId().toString());
    }

    @Test
    void aBadTraceHeaderNeverStopsTheProjection() {
        // the writer's trace context rides on each record (header traceparent): whatever it holds,
        // the event reaches the feed, in a trace of its own when the header cannot be read
        UUID buyer = UUID.randomUUID();
        List<String> headers = List.of("garbage", "00-" + "z".repeat(32) + "-" + "1".repeat(16) + "-01",
                "00-" + "a".repeat(32) + "-" + "b".repeat(16) + "-01" + "x".repeat(4_000), "");
        for (String traceparent : headers) {
            CatalogEvents.publishInTrace(CatalogEvents.placed(UUID.randomUUID(), buyer), traceparent);
        }
        awaitFeed(buyer, headers.size());
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicAndTheStreamGoesOn() {
        UUID buyer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        CatalogEvents.publishRaw(Topics.ORDERS, order.toString(), "order.placed", "{not json");
        // an order event without a buyer: no producer of the contract writes it (so it is sent unchecked)
        CatalogEvents.publishRaw(Topics.ORDERS, order.toString(), "order.placed",
                OutboxEvent.of("order.placed", order, 1, Map.of("id", order.toString(), "status", "PENDING")).json());
        OutboxEvent good = CatalogEvents.placed(order, buyer);
        CatalogEvents.publish(good);

        JsonPath feed = awaitFeed(buyer, 1);
        assertThat(feed.getList("items.eventId", String.class)).containsExactly(good.eventId().toString());

        List<Topics.DeadLetter> dead = Topics.awaitDeadLetters(order.toString(), 2);
        assertThat(dead).extracting(Topics.DeadLetter::reason)
                .anySatisfy(reason -> assertThat(reason).contains("not JSON"))
                .anySatisfy(reason -> assertThat(reason).contains("data.userId"));
        assertThat(dead).extracting(Topics.DeadLetter::value).contains("{not json");
    }

    @Test
    void anEventDynamoDbRefusesForGoodIsDeadLetteredCountedAndNoLongerInFlight() {
        UUID buyer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        double deadBefore = deadLetters();
        // a well-formed order whose item is over DynamoDB's 400 KB: refused (400), never cured by a retry
        Map<String, Object> data = new LinkedHashMap<>(Map.of("id", order.toString(), "userId", buyer.toString(),
                "status", "PENDING", "total", "1.00", "currency", "USD"));
        data.put("items", List.of(Map.of("productId", UUID.randomUUID().toString(), "name", "x".repeat(450_000),
                "quantity", 1, "unitPrice", "1.00")));
        CatalogEvents.publishRaw(Topics.ORDERS, order.toString(), "order.placed",
                OutboxEvent.of("order.placed", order, 1, data).json());
        OutboxEvent next = CatalogEvents.placed(UUID.randomUUID(), buyer);
        CatalogEvents.publish(next);

        assertThat(awaitFeed(buyer, 1).getList("items.eventId", String.class)).containsExactly(next.eventId().toString());
        assertThat(Topics.awaitDeadLetters(order.toString(), 1)).extracting(Topics.DeadLetter::reason)
                .singleElement().asString().containsIgnoringCase("size");
        await().atMost(VIEW_LAG).untilAsserted(() -> {
            assertThat(deadLetters()).as("projection_dead_letters_total").isEqualTo(deadBefore + 1);
            // settled: the refused record does not hold the feed's current lag up
            assertThat(given().get("/api/feed/status").then().statusCode(200).extract().jsonPath().getLong("currentLagMs"))
                    .isZero();
        });
    }

    private static double deadLetters() {
        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        return Metrics.sum(metrics, "projection_dead_letters_total", "topic=\"outbox.event.order\"", "view=\"feed\"");
    }

    @Test
    void anEventsLagIsSplitIntoItsHopsOnTheStatusAndTheMetrics() {
        UUID buyer = UUID.randomUUID();
        // committed 8 s before Kafka had it: those 8 s are the capture hop (PostgreSQL -> Kafka, Debezium's
        // share), told apart from the consumer's and the store's by the topic's append time
        CatalogEvents.publish(CatalogEvents.registered(buyer).at(Instant.now().minusSeconds(8).truncatedTo(ChronoUnit.MICROS)));
        awaitFeed(buyer, 1);

        JsonPath status = given().get("/api/feed/status").then().statusCode(200).extract().jsonPath();
        assertThat(status.getMap("lagByHop").keySet()).containsExactly("capture", "queued", "apply");
        for (String hop : List.of("capture", "queued", "apply")) {
            assertThat(status.getLong("lagByHop." + hop + ".p50Ms")).as(hop).isNotNull().isNotNegative();
            assertThat(status.getLong("lagByHop." + hop + ".p99Ms")).as(hop).isNotNull().isNotNegative();
        }
        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher captureMax = Pattern.compile("projection_hop_seconds_max\\{hop=\"capture\",topic=\"outbox.event.user\","
                + "view=\"feed\",?} (\\S+)").matcher(metrics);
        assertThat(captureMax.find()).as("the user topic's capture hop on /q/metrics").isTrue();
        assertThat(Double.parseDouble(captureMax.group(1))).as("the longest capture lately, seconds").isGreaterThanOrEqualTo(8.0);
        assertThat(metrics).contains("projection_hop_seconds_bucket{hop=\"queued\",topic=\"outbox.event.user\",view=\"feed\"",
                "projection_hop_seconds_bucket{hop=\"apply\",topic=\"outbox.event.user\",view=\"feed\"");
    }

    /** Waits (bounded) until the user's feed holds {@code count} items; returns it (limit 100). */
    private static JsonPath awaitFeed(UUID user, int count) {
        JsonPath[] feed = new JsonPath[1];
        await().atMost(VIEW_LAG).pollInterval(Duration.ofMillis(250)).until(() -> {
            feed[0] = as(user).queryParam("limit", 100).get("/api/feed/{userId}", user)
                    .then().statusCode(200).extract().jsonPath();
            return feed[0].getList("items").size() >= count;
        });
        assertThat(feed[0].getList("items")).hasSize(count);
        return feed[0];
    }
}
