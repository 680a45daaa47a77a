package shop.feed.projection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static shop.feed.support.Feeds.as;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import shop.feed.support.FeedStack;
import shop.feed.support.Topics;
import shop.polyglot.stack.LocalStack;

/**
 * The whole path on real servers: catalog-service writes an order and its outbox row in
 * PostgreSQL, Debezium publishes it to Kafka, FeedProjection writes it into the buyer's feed in
 * DynamoDB, and the feed API shows it.
 */
@QuarkusTest
@QuarkusTestResource(value = FeedStack.class, initArgs = @ResourceArg(name = "components",
        value = "postgres,kafka,connect,dynamodb,session-service,catalog-service"))
class FeedProjectionTest {

    private static final Duration VIEW_LAG = Duration.ofSeconds(60);
    private static boolean connectorChecked;

    @ConfigProperty(name = "shop.test.catalog-url")
    String catalog;

    @BeforeEach
    void projectionListens() {
        if (!connectorChecked) {
            // idempotent; the stack registered it at `up`, this makes sure it still runs
            LocalStack.registerOutboxConnector();
            connectorChecked = true;
        }
        Topics.awaitProjectionAssigned();
    }

    @Test
    void placingPayingAndCancellingOrdersShowUpInTheBuyersFeedNewestFirst() {
        UUID buyer = register();
        UUID product = product("24.50", 10);
        UUID paid = placeOrder(buyer, product, 2);
        catalogAs(buyer).body(Map.of("amount", new BigDecimal("49.00"), "method", "card"))
                .post(catalog + "/api/orders/{id}/payments", paid).then().statusCode(201);
        UUID cancelled = placeOrder(buyer, product, 1);
        catalogAs(buyer).post(catalog + "/api/orders/{id}/cancel", cancelled).then().statusCode(200);

        JsonPath feed = awaitFeed(buyer, 5);

        assertThat(feed.getList("items.type", String.class)).containsExactly(
                "order.cancelled", "order.placed", "order.paid", "order.placed", "user.registered");
        assertThat(feed.getString("items[0].data.id")).isEqualTo(cancelled.toString());
        assertThat(feed.getString("items[0].data.status")).isEqualTo("CANCELLED");
        assertThat(feed.getString("items[1].data.id")).isEqualTo(cancelled.toString());
        assertThat(feed.getString("items[2].data.order.id")).isEqualTo(paid.toString());
        assertThat(feed.getString("items[2].data.order.status")).isEqualTo("PAID");
        assertThat(feed.getString("items[3].data.id")).isEqualTo(paid.toString());
        assertThat(feed.getString("items[4].data.id")).isEqualTo(buyer.toString());
        List<Instant> times = feed.getList("items.occurredAt", String.class).stream().map(Instant::parse).toList();
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void aRedeliveredEventAddsNothing() {
        UUID buyer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String placed = Topics.envelope(eventId, "order.placed", order, Instant.now().minusSeconds(5),
                Map.of("id", order.toString(), "userId", buyer.toString(), "status", "PENDING"));
        Topics.produce(Topics.ORDERS, order.toString(), eventId.toString(), "order.placed", placed);
        awaitFeed(buyer, 1);

        // the same record again, as Kafka redelivers it after a crash before the offset commit;
        // then a later event of the same order (same key, same partition): once that one is in
        // the feed, the duplicate before it has been consumed
        Topics.produce(Topics.ORDERS, order.toString(), eventId.toString(), "order.placed", placed);
        UUID cancelId = UUID.randomUUID();
        Topics.produce(Topics.ORDERS, order.toString(), cancelId.toString(), "order.cancelled",
                Topics.envelope(cancelId, "order.cancelled", order, Instant.now(),
                        Map.of("id", order.toString(), "userId", buyer.toString(), "status", "CANCELLED")));

        JsonPath feed = awaitFeed(buyer, 2);
        assertThat(feed.getList("items.eventId", String.class)).containsExactly(cancelId.toString(), eventId.toString());
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicAndTheStreamGoesOn() {
        UUID buyer = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        Topics.produce(Topics.ORDERS, order.toString(), UUID.randomUUID().toString(), "order.placed", "{not json");
        UUID noBuyer = UUID.randomUUID();
        Topics.produce(Topics.ORDERS, order.toString(), noBuyer.toString(), "order.placed",
                Topics.envelope(noBuyer, "order.placed", order, Instant.now(), Map.of("id", order.toString())));
        UUID good = UUID.randomUUID();
        Topics.produce(Topics.ORDERS, order.toString(), good.toString(), "order.placed",
                Topics.envelope(good, "order.placed", order, Instant.now(),
                        Map.of("id", order.toString(), "userId", buyer.toString())));

        JsonPath feed = awaitFeed(buyer, 1);
        assertThat(feed.getList("items.eventId", String.class)).containsExactly(good.toString());

        List<Topics.DeadLetter> dead = Topics.awaitDeadLetters(order.toString());
        assertThat(dead).extracting(Topics.DeadLetter::reason)
                .anySatisfy(reason -> assertThat(reason).contains("not JSON"))
                .anySatisfy(reason -> assertThat(reason).contains("data.userId"));
        assertThat(dead).extracting(Topics.DeadLetter::value).contains("{not json");
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

    private RequestSpecification catalogAs(UUID user) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("X-User-Id", user.toString()).header("X-User-Roles", "customer");
    }

    private UUID register() {
        String email = "feed-" + UUID.randomUUID() + "@shop.test";
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "name", "Feed Buyer", "password", "correct-horse"))
                .post(catalog + "/api/users").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    private UUID product(String price, int stock) {
        String sku = "FEED-" + UUID.randomUUID().toString().substring(0, 13);
        String id = given().contentType(ContentType.JSON)
                .header("X-User-Id", UUID.randomUUID().toString()).header("X-User-Roles", "admin")
                .body(Map.of("sku", sku, "name", "Feed lamp " + sku, "description", "A lamp", "brand", "Acme",
                        "price", new BigDecimal(price), "tags", List.of("home"), "stock", stock))
                .post(catalog + "/api/products").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    private UUID placeOrder(UUID buyer, UUID product, int quantity) {
        String id = catalogAs(buyer)
                .body(Map.of("userId", buyer.toString(), "items", List.of(Map.of("productId", product.toString(),
                        "quantity", quantity))))
                .post(catalog + "/api/orders").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }
}
