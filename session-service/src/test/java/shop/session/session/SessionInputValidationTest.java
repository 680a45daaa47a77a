package shop.session.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static shop.session.Api.PROBLEM_JSON;
import static shop.session.Api.anonymous;
import static shop.session.Api.as;
import static shop.session.Api.newUserId;
import static shop.session.Api.problemType;
import static shop.session.Api.signIn;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import shop.polyglot.stack.LocalStackResource;

/** Bad input is a 400 problem naming the field, never a 500, and changes nothing in Redis. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, initArgs = @ResourceArg(name = "components", value = "redis"))
class SessionInputValidationTest {

    private static final String USER = "0b5c1d9e-3f7a-4c2b-9d8e-1a2b3c4d5e6f";

    @Inject
    RedisDataSource redis;

    @TestHTTPResource("/api/sessions")
    URI sessions;

    static Stream<Arguments> badSessions() {
        String many = "{" + String.join(",", java.util.stream.IntStream.range(0, 33)
                .mapToObj(i -> "\"k" + i + "\":\"v\"").toList()) + "}";
        return Stream.of(
                Arguments.of("{\"userId\":\"not-a-uuid\"}", "userId"),
                Arguments.of("{\"userId\":\"1-2-3-4-5\"}", "userId"),
                Arguments.of("{\"userId\":42}", "userId"),
                Arguments.of("{}", "userId"),
                Arguments.of("{\"userId\":null}", "userId"),
                Arguments.of("{\"userId\":\"" + USER + "\",\"ttlSeconds\":0}", "ttlSeconds"),
                Arguments.of("{\"userId\":\"" + USER + "\",\"ttlSeconds\":-5}", "ttlSeconds"),
                Arguments.of("{\"userId\":\"" + USER + "\",\"ttlSeconds\":2592001}", "ttlSeconds"),
                Arguments.of("{\"userId\":\"" + USER + "\",\"ttlSeconds\":\"soon\"}", "ttlSeconds"),
                Arguments.of("{\"userId\":\"" + USER + "\",\"ttlSeconds\":99999999999999999999999}", "ttlSeconds"),
                Arguments.of("{\"userId\":\"" + USER + "\",\"roles\":\"admin\"}", "roles"),
                Arguments.of("{\"userId\":\"" + USER + "\",\"roles\":[\"admin,root\"]}", "roles[0]"),
                Arguments.of("{\"userId\":\"" + USER + "\",\"data\":{\"k\":{\"nested\":1}}}", "data.k"),
                Arguments.of("{\"userId\":\"" + USER + "\",\"data\":" + many + "}", "data"),
                Arguments.of("{\"userId\":\"" + USER + "\",\"data\":{\"k\":\"" + "x".repeat(1025) + "\"}}", "data[k]"),
                Arguments.of("{\"userId\":", "body"),
                Arguments.of("[]", "body"),
                Arguments.of("\"text\"", "body"),
                Arguments.of("", "body"));
    }

    @ParameterizedTest
    @MethodSource("badSessions")
    void aBadSessionRequestIsRefusedNamingTheFieldAndStoresNothing(String body, String field) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/sessions")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", is(400))
                .body("title", is("Invalid input"))
                .body("type", is(problemType("invalid-input")))
                .body("instance", is("/api/sessions"))
                .body("requestId", not(org.hamcrest.Matchers.emptyOrNullString()))
                .body("errors.field", hasItem(field))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
        assertThat(sessionsStoredFor(USER)).isEmpty();
    }

    @Test
    void anOversizedBodyIsRefusedAsTooLarge() {
        String body = "{\"userId\":\"" + USER + "\",\"data\":{\"k\":\"" + "x".repeat(70 * 1024) + "\"}}";
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/sessions")
                .then().statusCode(413)
                .contentType(PROBLEM_JSON)
                .body("status", is(413))
                .body("type", is(problemType("too-large")));
        assertThat(sessionsStoredFor(USER)).isEmpty();
    }

    @Test
    void anOversizedBodyWithoutADeclaredLengthIsRefusedAsTooLargeToo() throws Exception {
        byte[] body = ("{\"userId\":\"" + USER + "\",\"data\":{\"k\":\"" + "x".repeat(70 * 1024) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        // a body of unknown length goes out chunked, with no Content-Length to refuse it by
        HttpRequest chunked = HttpRequest.newBuilder(sessions).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).contains(PROBLEM_JSON);
        assertThat(answer.body()).contains(problemType("too-large"));
        assertThat(sessionsStoredFor(USER)).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        given().contentType(ContentType.TEXT).body("userId=" + USER)
                .when().post("/api/sessions")
                .then().statusCode(415).contentType(PROBLEM_JSON).body("status", is(415))
                .body("type", is(problemType("unsupported-media-type")));
    }

    @Test
    void malformedTokensAndUserIdsInPathsAreRefusedNamingTheParameter() {
        String userId = newUserId();
        String token = signIn(userId);
        Set<String> before = sessionsStoredFor(userId);
        for (String[] request : new String[][] { { "GET", "/api/sessions/short", "token" },
                { "POST", "/api/sessions/" + token + "x/touch", "token" }, { "DELETE", "/api/sessions/a%20b", "token" },
                { "GET", "/api/sessions/by-user/not-a-uuid", "userId" },
                { "DELETE", "/api/sessions/by-user/12345", "userId" } }) {
            as(userId).when().request(request[0], request[1]).then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("errors.field", hasItem(request[2]));
            // identity first: an anonymous caller learns nothing of what the path should have been
            anonymous().when().request(request[0], request[1]).then().statusCode(401).contentType(PROBLEM_JSON)
                    .body("type", is(problemType("not-signed-in")))
                    .body("errors", org.hamcrest.Matchers.nullValue());
        }
        assertThat(sessionsStoredFor(userId)).isEqualTo(before)
                .contains(SessionStore.SESSION_PREFIX + SessionToken.idOf(token), SessionStore.USER_PREFIX + userId);
    }

    @Test
    void anUnknownPathIsAProblemToo() {
        // "by-user" is no session token: a signed-in caller hears why, an anonymous one only that they must sign in
        as(newUserId()).when().get("/api/sessions/by-user").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", hasItem("token"));
        given().when().get("/api/sessions/by-user").then().statusCode(401).contentType(PROBLEM_JSON);
        given().when().get("/api/nothing-here").then().statusCode(404).contentType(PROBLEM_JSON);
        given().when().put("/api/sessions/introspect").then().statusCode(405).contentType(PROBLEM_JSON);
    }

    /**
     * Every key holding a session of this user, and its index. The create script writes the
     * session and the index entry atomically, so the index lists every session ever stored for
     * the user; a scan of the shared Redis (which may hold 100,000s of benchmark sessions) would
     * only be slower.
     */
    private Set<String> sessionsStoredFor(String userId) {
        Set<String> keys = new HashSet<>();
        String index = SessionStore.USER_PREFIX + userId;
        if (redis.key().exists(index)) {
            keys.add(index);
            redis.sortedSet(String.class).zrange(index, 0, -1).stream()
                    .map(id -> SessionStore.SESSION_PREFIX + id)
                    .filter(key -> redis.key().exists(key))
                    .forEach(keys::add);
        }
        return keys;
    }
}
