package shop.session.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static shop.session.Api.PROBLEM_JSON;
import static shop.session.Api.anonymous;
import static shop.session.Api.as;
import static shop.session.Api.asAdmin;
import static shop.session.Api.newUserId;
import static shop.session.Api.problemType;
import static shop.session.Api.signIn;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import shop.polyglot.stack.LocalStackResource;

@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "components", value = "redis"))
class SessionResourceTest {

    @Inject
    RedisDataSource redis;

    @Test
    void creatingASessionHandsOutA256BitUrlSafeTokenValidForADay() {
        String userId = newUserId();
        Instant before = Instant.now();
        String expiresAt = given().contentType(ContentType.JSON).body(Map.of("userId", userId))
                .when().post("/api/sessions")
                .then().statusCode(201)
                .body("token", matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("userId", is(userId))
                .extract().path("expiresAt");
        assertThat(Instant.parse(expiresAt)).isBetween(before.plus(Duration.ofHours(24)).minusSeconds(5),
                Instant.now().plus(Duration.ofHours(24)).plusSeconds(5));
    }

    @Test
    void tokensAreNeverTheSame() {
        String userId = newUserId();
        assertThat(signIn(userId)).isNotEqualTo(signIn(userId));
    }

    @Test
    void theOwnerReadsTheirSessionWithRolesAndData() {
        String userId = newUserId();
        String token = signIn(userId, "roles", List.of("customer"), "data", Map.of("cart", "c-1"));
        as(userId, "customer").when().get("/api/sessions/" + token)
                .then().statusCode(200)
                .body("userId", is(userId))
                .body("roles", contains("customer"))
                .body("data.cart", is("c-1"))
                .body("expiresAt", not(nullValue()))
                .body("token", nullValue());
    }

    @Test
    void anUnknownTokenIsNotFound() {
        as(newUserId()).when().get("/api/sessions/" + "A".repeat(43))
                .then().statusCode(404).contentType(PROBLEM_JSON).body("status", is(404));
    }

    @Test
    void aSessionIsGoneOnceItsTtlHasPassed() {
        String userId = newUserId();
        String token = signIn(userId, "ttlSeconds", 1);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as(userId).when().get("/api/sessions/" + token).then().statusCode(404));
        given().header("Authorization", "Bearer " + token).when().get("/api/sessions/introspect")
                .then().statusCode(401);
    }

    @Test
    void touchingExtendsTheSessionByItsOwnTtl() {
        String userId = newUserId();
        String token = signIn(userId, "ttlSeconds", 600);
        String key = SessionStore.SESSION_PREFIX + SessionToken.idOf(token);
        // as if most of its life had passed
        redis.key().pexpire(key, 5_000);

        String expiresAt = as(userId).when().post("/api/sessions/" + token + "/touch")
                .then().statusCode(200).body("userId", is(userId))
                .extract().path("expiresAt");

        assertThat(redis.key().pttl(key)).isGreaterThan(590_000L).isLessThanOrEqualTo(600_000L);
        assertThat(Instant.parse(expiresAt)).isAfter(Instant.now().plusSeconds(590));
        assertThat(redis.key().pttl(SessionStore.USER_PREFIX + userId)).isGreaterThan(590_000L);
        as(userId).when().get("/api/sessions/" + token).then().statusCode(200).body("expiresAt", is(expiresAt));
    }

    @Test
    void touchingAnUnknownSessionIsNotFound() {
        as(newUserId()).when().post("/api/sessions/" + "B".repeat(43) + "/touch").then().statusCode(404);
    }

    @Test
    void loggingOutEndsTheSession() {
        String userId = newUserId();
        String token = signIn(userId);
        as(userId).when().delete("/api/sessions/" + token).then().statusCode(204);

        as(userId).when().get("/api/sessions/" + token).then().statusCode(404);
        as(userId).when().delete("/api/sessions/" + token).then().statusCode(404);
        given().header("Authorization", "Bearer " + token).when().get("/api/sessions/introspect").then().statusCode(401);
        assertThat(redis.sortedSet(String.class).zcard(SessionStore.USER_PREFIX + userId)).isZero();
    }

    @Test
    void theTokenItselfIsNeverStoredInRedis() {
        String userId = newUserId();
        String token = signIn(userId, "data", Map.of("note", "hello"));

        List<String> keys = new ArrayList<>();
        redis.key().scan(new KeyScanArgs().match("session:*").count(1000)).toIterable().forEach(keys::add);
        List<String> mine = keys.stream().filter(k -> k.contains(userId) || k.contains(SessionToken.idOf(token))).toList();
        assertThat(mine).containsExactlyInAnyOrder(SessionStore.SESSION_PREFIX + SessionToken.idOf(token),
                SessionStore.USER_PREFIX + userId);
        assertThat(keys).noneMatch(k -> k.contains(token));
        assertThat(redis.hash(String.class).hgetall(mine.get(0).startsWith(SessionStore.SESSION_PREFIX) ? mine.get(0) : mine.get(1)))
                .allSatisfy((field, value) -> assertThat(value).doesNotContain(token));
        assertThat(redis.sortedSet(String.class).zrange(SessionStore.USER_PREFIX + userId, 0, -1))
                .containsExactly(SessionToken.idOf(token));
    }

    @Test
    void introspectionNamesTheUserAndRolesInHeaders() {
        String userId = newUserId();
        String token = signIn(userId, "roles", List.of("customer", "admin"));
        given().header("Authorization", "Bearer " + token)
                .when().get("/api/sessions/introspect")
                .then().statusCode(200)
                .header("X-User-Id", userId)
                .header("X-User-Roles", "customer,admin");
    }

    @Test
    void introspectionAnswersEnvoysForwardedCallsWithAnyMethodAndTheClientsPath() {
        String userId = newUserId();
        String token = signIn(userId, "roles", List.of("customer"));
        for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
            given().header("Authorization", "Bearer " + token)
                    .when().request(method, "/api/sessions/introspect/api/orders/" + UUID.randomUUID() + "/payments")
                    .then().statusCode(200)
                    .header("X-User-Id", userId)
                    .header("X-User-Roles", "customer");
        }
        given().header("Authorization", "Bearer not-a-token")
                .when().post("/api/sessions/introspect/api/orders")
                .then().statusCode(401).header("X-User-Id", nullValue());
    }

    @Test
    void introspectionOfASessionWithoutRolesSendsAnEmptyRolesHeader() {
        String userId = newUserId();
        String token = signIn(userId);
        given().header("Authorization", "Bearer " + token)
                .when().get("/api/sessions/introspect")
                .then().statusCode(200)
                .header("X-User-Id", userId)
                .header("X-User-Roles", "");
    }

    @Test
    void introspectionWithoutAValidBearerTokenIsUnauthorized() {
        for (String authorization : List.of("", "Bearer", "Basic dXNlcjpwdw==", "Bearer not-a-token",
                "Bearer " + "C".repeat(43))) {
            given().header("Authorization", authorization).when().get("/api/sessions/introspect")
                    .then().statusCode(401).contentType(PROBLEM_JSON)
                    .header("WWW-Authenticate", "Bearer")
                    .header("X-User-Id", nullValue())
                    .body("status", is(401))
                    .body("type", is(problemType("not-signed-in")));
        }
        given().when().get("/api/sessions/introspect").then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void aUsersSessionsAreListedWithoutTokensNewestFirst() {
        String userId = newUserId();
        String first = signIn(userId, "roles", List.of("customer"));
        String second = signIn(userId);
        as(userId).when().get("/api/sessions/by-user/" + userId)
                .then().statusCode(200)
                .body("userId", is(userId))
                .body("sessions.sessionId", contains(SessionToken.idOf(second), SessionToken.idOf(first)))
                .body("sessions[1].roles", contains("customer"))
                .body("sessions[0].expiresAt", not(nullValue()))
                .body(not(org.hamcrest.Matchers.containsString(first)))
                .body(not(org.hamcrest.Matchers.containsString(second)));
    }

    @Test
    void expiredSessionsAreNotListed() {
        String userId = newUserId();
        String shortLived = signIn(userId, "ttlSeconds", 1);
        String longLived = signIn(userId);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as(userId).when().get("/api/sessions/by-user/" + userId)
                        .then().statusCode(200).body("sessions.sessionId", contains(SessionToken.idOf(longLived))));
        // pruned from the index, not only hidden
        assertThat(redis.sortedSet(String.class).zrange(SessionStore.USER_PREFIX + userId, 0, -1))
                .containsExactly(SessionToken.idOf(longLived)).doesNotContain(SessionToken.idOf(shortLived));
    }

    @Test
    void loggingOutEverywhereEndsEverySessionOfTheUser() {
        String userId = newUserId();
        String other = newUserId();
        List<String> tokens = List.of(signIn(userId), signIn(userId), signIn(userId));
        String othersToken = signIn(other);

        as(userId).when().delete("/api/sessions/by-user/" + userId).then().statusCode(204);

        for (String token : tokens) {
            given().header("Authorization", "Bearer " + token).when().get("/api/sessions/introspect").then().statusCode(401);
        }
        as(userId).when().get("/api/sessions/by-user/" + userId).then().statusCode(404);
        assertThat(redis.key().exists(SessionStore.USER_PREFIX + userId)).isFalse();
        given().header("Authorization", "Bearer " + othersToken).when().get("/api/sessions/introspect").then().statusCode(200);
    }

    @Test
    void theHundredAndFirstSessionEndsTheOldest() {
        String userId = newUserId();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tokens.add(signIn(userId));
        }
        given().header("Authorization", "Bearer " + tokens.get(0)).when().get("/api/sessions/introspect").then().statusCode(401);
        assertThat(redis.key().exists(SessionStore.SESSION_PREFIX + SessionToken.idOf(tokens.get(0)))).isFalse();
        for (String live : List.of(tokens.get(1), tokens.get(50), tokens.get(100))) {
            given().header("Authorization", "Bearer " + live).when().get("/api/sessions/introspect").then().statusCode(200);
        }
        as(userId).when().get("/api/sessions/by-user/" + userId)
                .then().statusCode(200).body("sessions", hasSize(100))
                .body("sessions[0].sessionId", is(SessionToken.idOf(tokens.get(100))))
                .body("sessions[99].sessionId", is(SessionToken.idOf(tokens.get(1))));
    }

    @Test
    void anotherUsersSessionIsNotFoundAndAnonymousCallersAreUnauthorized() {
        String owner = newUserId();
        String token = signIn(owner);
        String stranger = newUserId();

        anonymous().when().get("/api/sessions/" + token).then().statusCode(401).contentType(PROBLEM_JSON);
        anonymous().when().post("/api/sessions/" + token + "/touch").then().statusCode(401);
        anonymous().when().delete("/api/sessions/" + token).then().statusCode(401);
        anonymous().when().get("/api/sessions/by-user/" + owner).then().statusCode(401);
        anonymous().when().delete("/api/sessions/by-user/" + owner).then().statusCode(401);

        as(stranger, "customer").when().get("/api/sessions/" + token).then().statusCode(404).contentType(PROBLEM_JSON);
        as(stranger, "customer").when().post("/api/sessions/" + token + "/touch").then().statusCode(404);
        as(stranger, "customer").when().delete("/api/sessions/" + token).then().statusCode(404);
        as(stranger, "customer").when().get("/api/sessions/by-user/" + owner).then().statusCode(404);
        as(stranger, "customer").when().delete("/api/sessions/by-user/" + owner).then().statusCode(404);

        // none of that ended or changed anything
        given().header("Authorization", "Bearer " + token).when().get("/api/sessions/introspect").then().statusCode(200);

        as(owner, "customer").when().get("/api/sessions/" + token).then().statusCode(200);
        asAdmin().when().get("/api/sessions/" + token).then().statusCode(200).body("userId", is(owner));
        asAdmin().when().post("/api/sessions/" + token + "/touch").then().statusCode(200);
        asAdmin().when().get("/api/sessions/by-user/" + owner).then().statusCode(200).body("sessions", hasSize(1));
        asAdmin().when().delete("/api/sessions/" + token).then().statusCode(204);
        String again = signIn(owner);
        asAdmin().when().delete("/api/sessions/by-user/" + owner).then().statusCode(204);
        given().header("Authorization", "Bearer " + again).when().get("/api/sessions/introspect").then().statusCode(401);
    }

    @Test
    void anotherUsersSessionLooksExactlyLikeOneThatDoesNotExist() {
        String owner = newUserId();
        String token = signIn(owner);
        for (String[] request : new String[][] { { "GET", "/api/sessions/%s" }, { "POST", "/api/sessions/%s/touch" },
                { "DELETE", "/api/sessions/%s" }, { "GET", "/api/sessions/by-user/%s" },
                { "DELETE", "/api/sessions/by-user/%s" } }) {
            String someoneElses = request[1].formatted(request[1].contains("by-user") ? owner : token);
            String nobodys = request[1].formatted(request[1].contains("by-user") ? newUserId() : "E".repeat(43));
            assertThat(toAStranger(request[0], someoneElses)).isEqualTo(toAStranger(request[0], nobodys));
        }
        // none of that ended the session
        given().header("Authorization", "Bearer " + token).when().get("/api/sessions/introspect").then().statusCode(200);
    }

    /** What a stranger hears: a 404's type, title and detail (all of it but the path and the request id). */
    private static List<Object> toAStranger(String method, String path) {
        var answer = as(newUserId(), "customer").when().request(method, path);
        answer.then().statusCode(404).contentType(PROBLEM_JSON);
        return List.of(answer.path("type"), answer.path("title"), answer.path("detail"));
    }

    @Test
    void aUserIdThatIsNotACanonicalUuidSignsNobodyIn() {
        String owner = newUserId();
        String token = signIn(owner);
        for (String notAUser : List.of("42", "admin", "1-2-3-4-5", owner + "x")) {
            as(notAUser, "admin").when().get("/api/sessions/" + token).then().statusCode(401).contentType(PROBLEM_JSON);
        }
        as(owner.toUpperCase(), "customer").when().get("/api/sessions/" + token).then().statusCode(200)
                .body("userId", is(owner));
    }

    @Test
    void unknownFieldsAreIgnored() {
        given().contentType(ContentType.JSON).body(Map.of("userId", newUserId(), "device", "phone"))
                .when().post("/api/sessions").then().statusCode(201);
    }

    @Test
    void userIdsInUpperCaseNameTheSameUser() {
        String userId = newUserId();
        String token = signIn(userId.toUpperCase());
        as(userId).when().get("/api/sessions/" + token).then().statusCode(200).body("userId", is(userId));
    }

    @Test
    void listingTheSessionsOfAUserWithNoneIsNotFound() {
        String userId = newUserId();
        as(userId).when().get("/api/sessions/by-user/" + userId).then().statusCode(404).contentType(PROBLEM_JSON);
        as(userId).when().delete("/api/sessions/by-user/" + userId).then().statusCode(404);
    }
}
