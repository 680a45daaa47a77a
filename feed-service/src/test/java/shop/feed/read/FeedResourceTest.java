package shop.feed.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static shop.feed.support.Feeds.anonymous;
import static shop.feed.support.Feeds.as;
import static shop.feed.support.Feeds.asAdmin;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import shop.feed.item.FeedItem;
import shop.feed.item.FeedKeys;
import shop.feed.item.FeedTable;
import shop.feed.support.FeedStack;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Reading and writing a feed through the API, against the real DynamoDB-compatible server of the stack. */
@QuarkusTest
@QuarkusTestResource(value = FeedStack.class, restrictToAnnotatedClass = true, initArgs = @ResourceArg(name = "components", value = "dynamodb,kafka"))
class FeedResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    DynamoDbClient dynamo;

    @Test
    void recordedActivitiesComeBackNewestFirst() {
        UUID user = UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (String type : List.of("product.viewed", "product.clicked", "search.made")) {
            ids.add(as(user).body(Map.of("type", type, "data", Map.of("productId", "p-1", "n", 1.5)))
                    .post("/api/feed/{userId}/events", user)
                    .then().statusCode(202)
                    .body("type", is(type)).body("data.n", is(1.5f)).body("eventId", notNullValue())
                    .extract().path("eventId"));
        }

        as(user).get("/api/feed/{userId}", user).then().statusCode(200)
                .body("items.type", contains("search.made", "product.clicked", "product.viewed"))
                .body("items.eventId", contains(ids.get(2), ids.get(1), ids.get(0)))
                .body("items[0].data.productId", is("p-1"))
                .body("items[0].occurredAt", notNullValue())
                .body("nextCursor", nullValue());
    }

    @Test
    void anItemKeepsItsKeysAndATtlNinetyDaysAhead() {
        UUID user = UUID.randomUUID();
        Instant before = Instant.now();
        String eventId = as(user).body(Map.of("type", "product.viewed", "data", Map.of()))
                .post("/api/feed/{userId}/events", user).then().statusCode(202).extract().path("eventId");

        List<Map<String, AttributeValue>> stored = dynamo.query(q -> q.tableName(FeedStack.TABLE)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + user)))).items();

        assertThat(stored).hasSize(1);
        Map<String, AttributeValue> item = stored.get(0);
        assertThat(item.get("SK").s()).matches("EVENT#[0-9]{13}#" + eventId);
        long ttl = Long.parseLong(item.get("ttl").n());
        long ninetyDays = Duration.ofDays(90).toSeconds();
        assertThat(ttl).isBetween(before.getEpochSecond() + ninetyDays - 1, Instant.now().getEpochSecond() + ninetyDays);
        assertThat(item.get("type").s()).isEqualTo("product.viewed");
    }

    @Test
    void pagingThrough250ItemsReturnsEachExactlyOnceNewestFirst() {
        UUID user = UUID.randomUUID();
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        List<FeedItem> written = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            written.add(FeedItem.of(user, UUID.randomUUID(), "product.viewed", start.plusSeconds(i),
                    "{\"i\":" + i + "}", Duration.ofDays(90)));
        }
        // and an expired tail, older than all of them: never shown, and never a page of its own
        for (int i = 1; i <= 7; i++) {
            written.add(FeedItem.of(user, UUID.randomUUID(), "product.viewed", start.minus(100, ChronoUnit.DAYS)
                    .plusSeconds(i), "{\"expired\":" + i + "}", Duration.ofDays(90)));
        }
        write(written);

        for (int limit : List.of(20, 25, 100)) {
            List<Integer> seen = new ArrayList<>();
            int pages = 0;
            String cursor = null;
            do {
                var request = as(user).queryParam("limit", limit);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get("/api/feed/{userId}", user).then().statusCode(200).extract().jsonPath();
                List<Integer> items = page.getList("items.data.i", Integer.class);
                assertThat(items).as("page %d of limit %d", pages, limit).isNotEmpty().hasSizeLessThanOrEqualTo(limit);
                seen.addAll(items);
                cursor = page.getString("nextCursor");
                pages++;
            } while (cursor != null && pages < 100);

            List<Integer> newestFirst = new ArrayList<>();
            for (int i = 249; i >= 0; i--) {
                newestFirst.add(i);
            }
            assertThat(seen).as("limit %d", limit).containsExactlyElementsOf(newestFirst);
            assertThat(pages).as("limit %d", limit).isEqualTo((250 + limit - 1) / limit);
        }
    }

    @Test
    void anExpiredItemIsNotReturned() {
        UUID user = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        FeedItem live = FeedItem.of(user, UUID.randomUUID(), "product.viewed", now.minusSeconds(60), "{}",
                Duration.ofDays(90));
        // written directly, as DynamoDB would still hold it in the hours before its TTL deletion
        FeedItem expired = new FeedItem(user, UUID.randomUUID(), "product.viewed", now.minusSeconds(30), "{}",
                now.minusSeconds(1).getEpochSecond());
        write(List.of(live, expired));

        as(user).get("/api/feed/{userId}", user).then().statusCode(200)
                .body("items.eventId", contains(live.eventId().toString()))
                .body("nextCursor", nullValue());
    }

    @Test
    void aForgedOrForeignCursorIsRefused() {
        UUID user = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        List<FeedItem> items = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < 3; i++) {
            items.add(FeedItem.of(user, UUID.randomUUID(), "product.viewed", now.minusSeconds(i), "{}", Duration.ofDays(90)));
            items.add(FeedItem.of(other, UUID.randomUUID(), "product.viewed", now.minusSeconds(i), "{}", Duration.ofDays(90)));
        }
        write(items);
        String cursor = as(user).queryParam("limit", 1).get("/api/feed/{userId}", user)
                .then().statusCode(200).body("nextCursor", notNullValue()).extract().path("nextCursor");

        // the cursor of user's feed, on another feed (an admin may read both)
        asAdmin().queryParam("cursor", cursor).get("/api/feed/{userId}", other)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", is("cursor"));
        String tampered = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("A") ? "BB" : "AA");
        for (String forged : List.of(tampered, "garbage", "eyJhIjoxfQ.c2ln", cursor + "." + cursor)) {
            as(user).queryParam("cursor", forged).get("/api/feed/{userId}", user)
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("status", is(400)).body("title", notNullValue()).body("errors[0].field", is("cursor"));
        }
        // and the real one still works
        as(user).queryParam("cursor", cursor).get("/api/feed/{userId}", user).then().statusCode(200)
                .body("items", hasSize(2));
    }

    @Test
    void badInputIs400AndWritesNothing() {
        UUID user = UUID.randomUUID();
        as(user).get("/api/feed/{userId}", "not-a-uuid").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", is("userId"));
        for (String limit : List.of("0", "-1", "101", "abc", "1.5")) {
            as(user).queryParam("limit", limit).get("/api/feed/{userId}", user)
                    .then().statusCode(400).contentType(PROBLEM).body("status", is(400));
        }
        String big = "x".repeat(16 * 1024);
        List<Object> badBodies = List.of(
                Map.of("type", "Product Viewed", "data", Map.of()),
                Map.of("type", "product..viewed"),
                Map.of("type", "a".repeat(65)),
                Map.of("data", Map.of("k", 1)),
                Map.of("type", "product.viewed", "data", Map.of("blob", big)),
                Map.of("type", "product.viewed", "data", List.of(1, 2)),
                Map.of("type", 42, "data", Map.of()));
        for (Object body : badBodies) {
            as(user).body(body).post("/api/feed/{userId}/events", user)
                    .then().statusCode(400).contentType(PROBLEM).body("status", is(400))
                    .body("errors", notNullValue());
        }
        as(user).body("{\"type\": ").post("/api/feed/{userId}/events", user)
                .then().statusCode(400).contentType(PROBLEM);
        as(user).post("/api/feed/{userId}/events", user).then().statusCode(400).contentType(PROBLEM);
        as(user).body(Map.of("type", "product.viewed")).post("/api/feed/{userId}/events", "not-a-uuid")
                .then().statusCode(400).contentType(PROBLEM);
        as(user).body(Map.of("type", "product.viewed", "data", Map.of("blob", "y".repeat(70_000))))
                .post("/api/feed/{userId}/events", user).then().statusCode(413).contentType(PROBLEM);

        as(user).get("/api/feed/{userId}", user).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aBodyOfTheWrongShapeIsAProblemNotAnEmpty400() {
        // found by deploy/faults (bad input at scale): these came back 400 with no body at all
        UUID user = UUID.randomUUID();
        for (String body : List.of("{\"type\":[[1]],\"data\":{}}", "{\"type\":{\"$ne\":null}}", "[", "[]",
                "\"just a string\"")) {
            as(user).body(body).post("/api/feed/{userId}/events", user)
                    .then().statusCode(400).contentType(PROBLEM).body("status", is(400));
        }
        as(user).get("/api/feed/{userId}", user).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void onlyTheOwnerOrAnAdminUsesAFeed() {
        UUID owner = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        as(owner).body(Map.of("type", "product.viewed")).post("/api/feed/{userId}/events", owner)
                .then().statusCode(202);

        anonymous().get("/api/feed/{userId}", owner).then().statusCode(401).contentType(PROBLEM);
        anonymous().body(Map.of("type", "product.viewed")).post("/api/feed/{userId}/events", owner)
                .then().statusCode(401).contentType(PROBLEM);
        as(stranger).get("/api/feed/{userId}", owner).then().statusCode(404).contentType(PROBLEM);
        as(stranger).body(Map.of("type", "product.viewed")).post("/api/feed/{userId}/events", owner)
                .then().statusCode(404).contentType(PROBLEM);
        asAdmin().body(Map.of("type", "product.clicked")).post("/api/feed/{userId}/events", owner)
                .then().statusCode(202);

        asAdmin().get("/api/feed/{userId}", owner).then().statusCode(200)
                .body("items.type", contains("product.clicked", "product.viewed"));
    }

    /** Writes items straight into the table, in the service's own layout. */
    private void write(List<FeedItem> items) {
        Set<String> keys = new HashSet<>();
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> batch = new ArrayList<>();
            for (FeedItem item : items.subList(from, Math.min(items.size(), from + 25))) {
                keys.add(FeedKeys.partitionKey(item.userId()) + item.sortKey());
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(FeedTable.attributes(item)).build())
                        .build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(FeedStack.TABLE, batch);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
            }
        }
        assertThat(keys).hasSize(items.size());
    }
}
