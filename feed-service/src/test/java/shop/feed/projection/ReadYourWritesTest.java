package shop.feed.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.feed.support.Feeds.as;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import shop.events.OutboxEvent;
import shop.feed.support.CatalogEvents;
import shop.feed.support.FeedStack;
import shop.feed.support.Topics;

/**
 * Read your own writes: a buyer who just placed an order asks for their feed with
 * {@code after=<the order.placed event's id>&waitMs=} and is answered as soon as the item is there,
 * or at the deadline with the feed as it is and {@code stale: true}.
 */
@QuarkusTest
@QuarkusTestResource(value = FeedStack.class, restrictToAnnotatedClass = true, initArgs = @ResourceArg(name = "components", value = "kafka,dynamodb"))
class ReadYourWritesTest {

    @BeforeEach
    void projectionListens() {
        Topics.awaitProjectionAssigned();
    }

    @Test
    void aWaitingReaderIsAnsweredWhenTheFeedHoldsTheEvent() throws Exception {
        UUID buyer = UUID.randomUUID();
        OutboxEvent placed = CatalogEvents.placed(UUID.randomUUID(), buyer);
        // readers ask before the event is even published: they wait for it, not for the deadline
        List<CompletableFuture<JsonPath>> readers = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> as(buyer).queryParam("after", placed.eventId().toString())
                        .queryParam("waitMs", 5000).get("/api/feed/{userId}", buyer).then().statusCode(200).extract()
                        .jsonPath()))
                .toList();
        CatalogEvents.publish(placed);
        for (CompletableFuture<JsonPath> reader : readers) {
            JsonPath page = reader.get();
            assertThat(page.getList("items.eventId", String.class)).contains(placed.eventId().toString());
            assertThat(page.getBoolean("stale")).isFalse();
        }
    }

    @Test
    void atTheDeadlineTheFeedIsAnsweredAsItIsMarkedStale() {
        UUID buyer = UUID.randomUUID();
        JsonPath page = as(buyer).queryParam("after", UUID.randomUUID().toString()).queryParam("waitMs", 300)
                .get("/api/feed/{userId}", buyer).then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items")).isEmpty();
        assertThat(page.getBoolean("stale")).isTrue();
        // without after: as before, no stale field
        as(buyer).get("/api/feed/{userId}", buyer).then().statusCode(200)
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("stale")));
    }

    @Test
    void badWaitsAreRefused() {
        UUID buyer = UUID.randomUUID();
        for (String query : List.of("after=" + UUID.randomUUID() + "&waitMs=5001", "waitMs=100", "after=not-an-id",
                "after=" + UUID.randomUUID() + "&waitMs=-5")) {
            as(buyer).get("/api/feed/" + buyer + "?" + query).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }
}
