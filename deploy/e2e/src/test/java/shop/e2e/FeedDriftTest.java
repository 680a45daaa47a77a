package shop.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import shop.e2e.support.Catalog;
import shop.e2e.support.Catalog.Product;
import shop.e2e.support.Stack;
import shop.e2e.support.Views;

/**
 * Feed items go missing behind feed-service's back while orders are placed: the drift check reports
 * exactly the deleted items (the orders in flight are lag, not drift), its repair writes them back
 * under the keys the events made, a second check finds nothing, and every order placed meanwhile is in
 * its buyer's feed exactly once.
 */
class FeedDriftTest {

    @Test
    void missingItemsAreFoundExactlyAndRepairedWithoutDuplicates() throws Exception {
        drift(true); // start from feeds that agree with catalog

        Product product = Catalog.createProduct("Drift mug " + Stack.unique("m"), "For the feed", "Brand", "5.00",
                List.of("kitchen"));
        // 25 buyers with two orders each, one of them paid: 75 order items, 50 of which go missing
        List<UUID> buyers = new ArrayList<>();
        List<String> planted = new ArrayList<>();
        Map<UUID, List<UUID>> ordersOf = new java.util.HashMap<>();
        for (int i = 0; i < 25; i++) {
            UUID buyer = Catalog.register();
            buyers.add(buyer);
            Product stocked = Catalog.updateProduct(product, "Drift mug", "For the feed", "Brand", "5.00", List.of("kitchen"));
            UUID first = Catalog.placeOrder(buyer, stocked, 1);
            UUID second = Catalog.placeOrder(buyer, stocked, 1);
            Catalog.pay(buyer, first, "5.00");
            ordersOf.put(buyer, List.of(first, second));
        }
        try (DynamoDbClient dynamo = dynamo()) {
            for (UUID buyer : buyers) {
                JsonPath feed = Views.awaitFeed(buyer, 4); // user.registered, 2 x order.placed, order.paid
                // behind the feed's back: both order.placed items of each buyer go
                for (int i = 0; i < feed.getList("items").size(); i++) {
                    if (feed.getString("items[" + i + "].type").equals("order.placed")) {
                        String sk = "EVENT#" + String.format("%013d", java.time.Instant.parse(
                                feed.getString("items[" + i + "].occurredAt")).toEpochMilli()) + "#"
                                + feed.getString("items[" + i + "].eventId");
                        dynamo.deleteItem(d -> d.tableName(table()).key(Map.of("PK", AttributeValue.fromS("USER#" + buyer),
                                "SK", AttributeValue.fromS(sk))));
                        planted.add(feed.getString("items[" + i + "].data.id") + "/order.placed");
                    }
                }
            }
        }
        assertThat(planted).hasSize(50);

        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<UUID[]>> placed = new ArrayList<>();
        try {
            // meanwhile: 100 buyers, each registering and ordering a product of their own (300 writes)
            for (int i = 0; i < 100; i++) {
                placed.add(writers.submit(() -> {
                    UUID buyer = Catalog.register();
                    Product cup = Catalog.createProduct("Busy cup " + Stack.unique("c"), "Meanwhile", "Brand", "3.00",
                            List.of("kitchen"));
                    return new UUID[] {buyer, Catalog.placeOrder(buyer, cup, 1)};
                }));
            }
            JsonPath found = drift(false);
            assertThat(found.getList("ids.missing", String.class)).containsExactlyInAnyOrderElementsOf(planted);
            assertThat(found.getInt("missing")).isEqualTo(50);
            assertThat(found.getInt("stale")).isZero();
            assertThat(found.getInt("extra")).isZero();

            JsonPath repaired = drift(true);
            assertThat(repaired.getInt("missing")).isEqualTo(50);
            assertThat(repaired.getInt("repaired")).isEqualTo(50);
        } finally {
            writers.shutdown();
            assertThat(writers.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        }
        JsonPath after = drift(false);
        assertThat(after.getInt("missing") + after.getInt("extra")).isZero();

        for (UUID buyer : buyers) {
            JsonPath feed = Views.awaitFeed(buyer, 4);
            // newest first: the payment of the first order, the second order, the first, the registration
            assertThat(feed.getList("items.type", String.class)).containsExactly("order.paid", "order.placed",
                    "order.placed", "user.registered");
        }
        for (Future<UUID[]> order : placed) {
            UUID[] buyerAndOrder = order.get();
            JsonPath feed = Views.awaitFeed(buyerAndOrder[0], 2);
            assertThat(feed.getList("items.data.id", String.class)).containsOnlyOnce(buyerAndOrder[1].toString());
        }
    }

    @Test
    void onlyAdminsCheckForDrift() {
        Stack.anonymous(Stack.feed()).post("/api/feed/drift").then().statusCode(401);
        Stack.as(Stack.feed(), UUID.randomUUID(), "customer").post("/api/feed/drift").then().statusCode(403)
                .contentType("application/problem+json");
    }

    private static JsonPath drift(boolean repair) {
        return Stack.asAdmin(Stack.feed()).queryParam("repair", repair).post("/api/feed/drift").then()
                .statusCode(200).extract().jsonPath();
    }

    private static DynamoDbClient dynamo() {
        return DynamoDbClient.builder().endpointOverride(URI.create(Stack.dynamodb())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static String table() {
        return Stack.feedTable();
    }
}
