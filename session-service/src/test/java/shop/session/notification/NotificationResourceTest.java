package shop.session.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static shop.session.Api.PROBLEM_JSON;
import static shop.session.Api.anonymous;
import static shop.session.Api.as;
import static shop.session.Api.asAdmin;
import static shop.session.Api.newUserId;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import shop.polyglot.stack.LocalStackResource;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "components", value = "redis"))
class NotificationResourceTest {

    @Inject
    RedisDataSource redis;

    @TestHTTPResource("/api/notifications/")
    URL notifications;

    @Test
    void aPublishedNotificationIsAcceptedAndReachesTheUsersStream() throws Exception {
        String userId = newUserId();
        try (SseListener stream = SseListener.open(notifications + userId + "/stream", userId, "customer")) {
            awaitSubscribers(userId, 1);
            as(userId, "customer").contentType(ContentType.JSON).body(Map.of("message", "your order shipped"))
                    .when().post("/api/notifications/" + userId)
                    .then().statusCode(202)
                    .body("message", is("your order shipped"))
                    .body("id", not(nullValue()));
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(stream.data()).anySatisfy(event -> assertThat(event).contains("your order shipped")));
            assertThat(stream.status()).isEqualTo(200);
        }
    }

    @Test
    void aUserOnlyReceivesTheirOwnNotifications() throws Exception {
        String userId = newUserId();
        String other = newUserId();
        try (SseListener stream = SseListener.open(notifications + userId + "/stream", userId, "customer")) {
            awaitSubscribers(userId, 1);
            asAdmin().contentType(ContentType.JSON).body(Map.of("message", "for someone else"))
                    .when().post("/api/notifications/" + other).then().statusCode(202);
            asAdmin().contentType(ContentType.JSON).body(Map.of("message", "for you"))
                    .when().post("/api/notifications/" + userId).then().statusCode(202);
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(stream.data()).anySatisfy(event -> assertThat(event).contains("for you")));
            assertThat(stream.data()).noneSatisfy(event -> assertThat(event).contains("for someone else"));
        }
    }

    @Test
    void closingTheStreamEndsItsRedisSubscription() throws Exception {
        String userId = newUserId();
        SseListener stream = SseListener.open(notifications + userId + "/stream", userId, "customer");
        awaitSubscribers(userId, 1);
        stream.close();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> numsub(userId) == 0);
    }

    @Test
    void onlyTheUserOrAnAdminMayPublishOrListen() throws Exception {
        String userId = newUserId();
        Map<String, String> body = Map.of("message", "hi");
        anonymous().contentType(ContentType.JSON).body(body).when().post("/api/notifications/" + userId)
                .then().statusCode(401).contentType(PROBLEM_JSON);
        as(newUserId(), "customer").contentType(ContentType.JSON).body(body).when().post("/api/notifications/" + userId)
                .then().statusCode(404).contentType(PROBLEM_JSON);
        anonymous().when().get("/api/notifications/" + userId + "/stream").then().statusCode(401);
        as(newUserId(), "customer").when().get("/api/notifications/" + userId + "/stream").then().statusCode(404);
        asAdmin().contentType(ContentType.JSON).body(body).when().post("/api/notifications/" + userId)
                .then().statusCode(202);
        try (SseListener adminStream = SseListener.open(notifications + userId + "/stream", newUserId(), "admin")) {
            assertThat(adminStream.status()).isEqualTo(200);
        }
    }

    @Test
    void anAnonymousCallerIsUnauthorizedBeforeTheBodyOrPathIsLookedAt() {
        String userId = newUserId();
        for (String body : List.of("", "{not json", "{\"message\":\"\"}")) {
            anonymous().contentType(ContentType.JSON).body(body).when().post("/api/notifications/" + userId)
                    .then().statusCode(401).contentType(PROBLEM_JSON);
        }
        anonymous().contentType(ContentType.JSON).body(Map.of("message", "hi")).when().post("/api/notifications/not-a-uuid")
                .then().statusCode(401);
        anonymous().when().get("/api/notifications/not-a-uuid/stream").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void badNotificationsAreRefusedNamingTheField() {
        String userId = newUserId();
        as(userId).contentType(ContentType.JSON).body(Map.of("message", "")).when().post("/api/notifications/" + userId)
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("message"));
        as(userId).contentType(ContentType.JSON).body(Map.of("message", "x".repeat(2001)))
                .when().post("/api/notifications/" + userId)
                .then().statusCode(400).body("errors.field", hasItem("message"));
        as(userId).contentType(ContentType.JSON).body("{\"message\":[1]}").when().post("/api/notifications/" + userId)
                .then().statusCode(400).body("errors.field", hasItem("message"));
        as(userId).contentType(ContentType.JSON).body("").when().post("/api/notifications/" + userId)
                .then().statusCode(400).body("errors.field", hasItem("body"));
        as(userId).contentType(ContentType.JSON).body(Map.of("message", "hi")).when().post("/api/notifications/not-a-uuid")
                .then().statusCode(400).body("errors.field", hasItem("userId"));
        as(userId).when().get("/api/notifications/not-a-uuid/stream")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", hasItem("userId"));
    }

    private void awaitSubscribers(String userId, long count) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> numsub(userId) >= count);
    }

    private long numsub(String userId) {
        var reply = redis.execute("PUBSUB", "NUMSUB", Notifications.CHANNEL_PREFIX + userId);
        return reply.get(1).toLong();
    }
}
