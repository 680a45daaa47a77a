package shop.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import shop.e2e.support.Catalog;
import shop.e2e.support.Catalog.Product;
import shop.e2e.support.ConsumerGroups;
import shop.e2e.support.Replica;
import shop.e2e.support.Stack;
import shop.e2e.support.Views;

/**
 * The projections scale out on Kafka's partitions. A second search-service and a second
 * feed-service ({@code deploy/local/stack replica}) join their consumer groups beside the stack's
 * own: the outbox topics' partitions (STACK_OUTBOX_PARTITIONS) are shared between the two, each
 * aggregate's events still apply in order (no older version wins), a redelivered event changes
 * nothing (no duplicate feed item), and a crashed (SIGKILLed) instance's partitions move to the
 * survivor without an event lost. Each instance's own metrics show it did part of the work.
 */
class ProjectionScaleOutTest {

    // the services' session timeout is 10 s: a crashed member's partitions move after it
    private static final Duration REBALANCE = Duration.ofSeconds(60);
    private static final String EVENTS = "projection_events_total";
    private static final int PRODUCTS = 24;
    private static final int BUYERS = 12;

    @Test
    void twoSearchServicesShareTheProductsAndACrashedOnesShareMovesToTheOther() throws Exception {
        String topic = "outbox.event.product";
        assertThat(ConsumerGroups.partitions(topic)).as("%s's partitions (STACK_OUTBOX_PARTITIONS)", topic)
                .isGreaterThanOrEqualTo(2);
        String tag = Stack.unique("scale-");
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < PRODUCTS; i++) {
            products.add(Catalog.createProduct("Scale lamp " + i, "A lamp", "Acme", "10.00", List.of(tag)));
        }
        try (Replica replica = Replica.start("search-service")) {
            assertThat(ConsumerGroups.awaitHeldBy("search-service", topic, 2, REBALANCE)).as("two instances, each its share")
                    .hasSize(2);
            double replicaBefore = replica.counter(EVENTS, "view=\"search\"");
            double stackBefore = Replica.counterAt(Stack.search(), EVENTS, "view=\"search\"");

            // three price changes each, interleaved across products (and so across partitions)
            reprice(products, tag, 1, 3);
            awaitIndexedExactly(products);
            assertThat(replica.counter(EVENTS, "view=\"search\"")).as("events the replica projected").isGreaterThan(replicaBefore);
            assertThat(Replica.counterAt(Stack.search(), EVENTS, "view=\"search\"")).as("events the stack's instance projected")
                    .isGreaterThan(stackBefore);

            // the replica crashes while prices keep changing
            double replicaMidway = replica.counter(EVENTS, "view=\"search\"");
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> reprice(products, tag, 4, 8));
            await().atMost(Views.LAG).until(() -> replica.counter(EVENTS, "view=\"search\"") > replicaMidway);
            replica.kill();
            writing.get(2, TimeUnit.MINUTES);

            assertThat(ConsumerGroups.awaitHeldBy("search-service", topic, 1, REBALANCE)).as("the survivor holds them all")
                    .hasSize(1);
            awaitIndexedExactly(products);
        }
        // what a shopper sees: every product, each at its last price
        JsonPath found = given().baseUri(Stack.search()).queryParam("tag", tag).queryParam("size", 50)
                .get("/api/search").then().statusCode(200).extract().jsonPath();
        assertThat(found.getLong("total")).isEqualTo(PRODUCTS);
        Map<String, BigDecimal> prices = new HashMap<>();
        found.getList("hits", Map.class).forEach(hit -> prices.put((String) hit.get("id"), new BigDecimal(hit.get("price").toString())));
        products.forEach(p -> assertThat(prices.get(p.id())).as(p.id()).isEqualByComparingTo("18.00"));
    }

    @Test
    void twoFeedServicesShareTheOrdersAndACrashedOnesEventsReachEachFeedOnce() throws Exception {
        for (String topic : List.of("outbox.event.order", "outbox.event.user")) {
            assertThat(ConsumerGroups.partitions(topic)).as("%s's partitions (STACK_OUTBOX_PARTITIONS)", topic)
                    .isGreaterThanOrEqualTo(2);
        }
        Map<UUID, Product> buyers = new HashMap<>();
        try (Replica replica = Replica.start("feed-service")) {
            for (String topic : List.of("outbox.event.order", "outbox.event.user")) {
                assertThat(ConsumerGroups.awaitHeldBy("feed-service", topic, 2, REBALANCE)).as(topic).hasSize(2);
            }
            double replicaBefore = replica.counter(EVENTS, "view=\"feed\"");
            double stackBefore = Replica.counterAt(Stack.feed(), EVENTS, "view=\"feed\"");

            // each buyer: registered, two orders = 3 feed items
            for (int i = 0; i < BUYERS; i++) {
                UUID buyer = Catalog.register();
                Product lamp = Catalog.createProduct("Scale feed lamp " + i, "A lamp", "Acme", "5.00", List.of("scale"));
                buyers.put(buyer, lamp);
                Catalog.placeOrder(buyer, lamp, 1);
                Catalog.placeOrder(buyer, lamp, 1);
            }
            buyers.keySet().forEach(buyer -> Views.awaitFeed(buyer, 3));
            assertThat(replica.counter(EVENTS, "view=\"feed\"")).as("events the replica projected").isGreaterThan(replicaBefore);
            assertThat(Replica.counterAt(Stack.feed(), EVENTS, "view=\"feed\"")).as("events the stack's instance projected")
                    .isGreaterThan(stackBefore);

            // the replica crashes while the buyers go on: three more orders each, one of them paid = 4 more items
            double replicaMidway = replica.counter(EVENTS, "view=\"feed\"");
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> buyers.forEach((buyer, lamp) -> {
                UUID paid = Catalog.placeOrder(buyer, lamp, 1);
                Catalog.placeOrder(buyer, lamp, 1);
                Catalog.pay(buyer, paid, "5.00");
                Catalog.placeOrder(buyer, lamp, 1);
            }));
            await().atMost(Views.LAG).until(() -> replica.counter(EVENTS, "view=\"feed\"") > replicaMidway);
            replica.kill();
            writing.get(2, TimeUnit.MINUTES);

            for (String topic : List.of("outbox.event.order", "outbox.event.user")) {
                assertThat(ConsumerGroups.awaitHeldBy("feed-service", topic, 1, REBALANCE)).as(topic).hasSize(1);
            }
        }
        buyers.keySet().forEach(buyer -> Views.awaitFeed(buyer, 7));
        // caught up (nothing left to redeliver), each feed holds each event once
        await().atMost(Views.LAG).until(() -> given().baseUri(Stack.feed()).get("/api/feed/status").then().statusCode(200)
                .extract().jsonPath().getLong("recordsBehind") == 0);
        for (UUID buyer : buyers.keySet()) {
            List<Map<String, Object>> items = feed(buyer).getList("items");
            assertThat(items).as("%s's feed", buyer).hasSize(7);
            assertThat(items).extracting(item -> item.get("eventId")).as("%s's feed, event ids", buyer).doesNotHaveDuplicates();
            assertThat(items).extracting(item -> item.get("type")).as("%s's feed", buyer).containsExactlyInAnyOrder(
                    "user.registered", "order.placed", "order.placed", "order.placed", "order.placed", "order.placed",
                    "order.paid");
        }
    }

    /** Changes every product's price, rounds {@code from}..{@code to} (price 10 + round), product after product. */
    private static void reprice(List<Product> products, String tag, int from, int to) {
        for (int round = from; round <= to; round++) {
            for (int i = 0; i < products.size(); i++) {
                Product changed = Catalog.updateProduct(products.get(i), "Scale lamp " + i, "A lamp", "Acme",
                        (10 + round) + ".00", List.of(tag));
                synchronized (products) {
                    products.set(i, changed);
                }
            }
        }
    }

    /** Waits until the index holds each product's last version, then checks it holds no other. */
    private static void awaitIndexedExactly(List<Product> products) {
        List<Product> last;
        synchronized (products) {
            last = List.copyOf(products);
        }
        for (Product p : last) {
            Views.awaitIndexed(p.id(), p.version());
            long indexed = given().baseUri(Stack.search()).get("/api/search/products/" + p.id()).then().statusCode(200)
                    .extract().jsonPath().getLong("indexedVersion");
            assertThat(indexed).as("%s's indexed version", p.id()).isEqualTo(p.version());
        }
    }

    private static JsonPath feed(UUID buyer) {
        return Stack.as(Stack.feed(), buyer, "customer").queryParam("limit", 100).get("/api/feed/{userId}", buyer).then()
                .statusCode(200).extract().jsonPath();
    }
}
