package shop.leaderboard.board;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import shop.leaderboard.PinnedClock;
import shop.polyglot.stack.LocalStackResource;

/** The leaderboard API against a real Redis from deploy/local/stack; every test uses fresh boards. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class,
        initArgs = @ResourceArg(name = "components", value = "redis"))
class LeaderboardResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    RedisDataSource redis;

    @Inject
    PinnedClock clock;

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    // ---- helpers

    private static String freshBoard() {
        return "t-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private static String user() {
        return UUID.randomUUID().toString();
    }

    private static RequestSpecification admin() {
        return given().header("X-User-Id", user()).header("X-User-Roles", "customer,admin")
                .contentType(ContentType.JSON);
    }

    private static Response put(String board, String user, Object score) {
        return admin().body(Map.of("score", score)).put("/api/leaderboards/{b}/scores/{u}", board, user);
    }

    private static Response put(String board, String user, long score, String period) {
        return admin().queryParam("period", period).body(Map.of("score", score))
                .put("/api/leaderboards/{b}/scores/{u}", board, user);
    }

    private static Response increment(String board, String user, long delta) {
        return admin().body(Map.of("delta", delta)).post("/api/leaderboards/{b}/scores/{u}/increment", board, user);
    }

    private static List<String> topUsers(String board, int count) {
        return given().queryParam("count", count).get("/api/leaderboards/{b}/top", board)
                .then().statusCode(200).extract().jsonPath().getList("userId", String.class);
    }

    /** Every key of the board with its DUMP, to prove a request changed nothing. */
    private Map<String, String> snapshot(String board) {
        Map<String, String> dump = new LinkedHashMap<>();
        for (var key : redis.execute("KEYS", "lb:{" + board + "}*")) {
            var value = redis.execute("DUMP", key.toString());
            dump.put(key.toString(), HexFormat.of().formatHex(value.toBytes()));
        }
        return new java.util.TreeMap<>(dump);
    }

    // ---- writes and reads

    @Test
    void settingAScoreAnswersTheUsersScoreAndRank() {
        String board = freshBoard();
        String alice = user();
        put(board, user(), 500).then().statusCode(200);
        put(board, alice, 300).then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("userId", is(alice)).body("score", is(300)).body("rank", is(2));
        put(board, alice, 900).then().statusCode(200).body("score", is(900)).body("rank", is(1));
    }

    @Test
    void incrementAddsToTheScoreAndAnswersUserScoreAndRank() {
        String board = freshBoard();
        String bob = user();
        put(board, user(), 10).then().statusCode(200);
        increment(board, bob, 7).then().statusCode(200)
                .body("userId", is(bob)).body("score", is(7)).body("rank", is(2));
        increment(board, bob, 5).then().statusCode(200).body("score", is(12)).body("rank", is(1));
        increment(board, bob, -20).then().statusCode(200).body("score", is(-8)).body("rank", is(2));
    }

    @Test
    void topListsTheHighestScoresFirstWithRanksFromOne() {
        String board = freshBoard();
        List<String> users = IntStream.range(0, 15).mapToObj(i -> user()).toList();
        for (int i = 0; i < users.size(); i++) {
            put(board, users.get(i), i * 10L).then().statusCode(200);
        }
        given().queryParam("count", 3).get("/api/leaderboards/{b}/top", board).then().statusCode(200)
                .body("rank", contains(1, 2, 3))
                .body("userId", contains(users.get(14), users.get(13), users.get(12)))
                .body("score", contains(140, 130, 120));
        assertEquals(10, topUsers(board, 10).size(), "count defaults to 10");
        given().get("/api/leaderboards/{b}/top", board).then().body("size()", is(10));
        assertEquals(15, topUsers(board, 100).size());
    }

    @Test
    void aBoardWithNoScoresHasAnEmptyTop() {
        given().get("/api/leaderboards/{b}/top", freshBoard()).then().statusCode(200).body("$", empty());
    }

    @Test
    void aUsersStandingIsRankAndScore() {
        String board = freshBoard();
        String carol = user();
        put(board, user(), 50).then().statusCode(200);
        put(board, carol, 40).then().statusCode(200);
        given().get("/api/leaderboards/{b}/users/{u}", board, carol).then().statusCode(200)
                .body("rank", is(2)).body("score", is(40)).body("userId", is(carol));
    }

    @Test
    void upperCaseUserIdsNameTheSameUser() {
        String board = freshBoard();
        String dave = user();
        put(board, dave.toUpperCase(), 5).then().statusCode(200).body("userId", is(dave));
        given().get("/api/leaderboards/{b}/users/{u}", board, dave).then().statusCode(200).body("score", is(5));
    }

    @Test
    void aUserNotOnTheBoardIs404Problem() {
        String board = freshBoard();
        put(board, user(), 1).then().statusCode(200);
        given().get("/api/leaderboards/{b}/users/{u}", board, user()).then().statusCode(404)
                .contentType(PROBLEM).body("status", is(404)).body("title", is("Not found"));
        given().get("/api/leaderboards/{b}/users/{u}/around", board, user()).then().statusCode(404)
                .contentType(PROBLEM);
        given().get("/api/leaderboards/{b}/users/{u}", freshBoard(), user()).then().statusCode(404);
    }

    @Test
    void aroundListsTheEntriesJustAboveAndBelowTheUser() {
        String board = freshBoard();
        List<String> users = IntStream.range(0, 10).mapToObj(i -> user()).toList();
        for (int i = 0; i < users.size(); i++) {
            put(board, users.get(i), 100L - i).then().statusCode(200); // users.get(i) ranks i + 1
        }
        given().queryParam("radius", 2).get("/api/leaderboards/{b}/users/{u}/around", board, users.get(4))
                .then().statusCode(200)
                .body("rank", contains(3, 4, 5, 6, 7))
                .body("userId", contains(users.get(2), users.get(3), users.get(4), users.get(5), users.get(6)))
                .body("score", contains(98, 97, 96, 95, 94));
    }

    @Test
    void aroundIsCutAtTheTopAndBottomOfTheBoard() {
        String board = freshBoard();
        List<String> users = IntStream.range(0, 4).mapToObj(i -> user()).toList();
        for (int i = 0; i < users.size(); i++) {
            put(board, users.get(i), 10L - i).then().statusCode(200);
        }
        given().get("/api/leaderboards/{b}/users/{u}/around", board, users.get(0)).then().statusCode(200)
                .body("rank", contains(1, 2, 3, 4));
        given().queryParam("radius", 1).get("/api/leaderboards/{b}/users/{u}/around", board, users.get(3))
                .then().body("rank", contains(3, 4));
        given().queryParam("radius", 0).get("/api/leaderboards/{b}/users/{u}/around", board, users.get(1))
                .then().body("userId", contains(users.get(1)));
    }

    @Test
    void theScoreRangesEndsAreKeptExactly() {
        String board = freshBoard();
        String top = user();
        String bottom = user();
        put(board, top, 1_000_000_000_000_000L).then().statusCode(200).body("score", is(1_000_000_000_000_000L));
        put(board, bottom, -1_000_000_000_000_000L).then().statusCode(200);
        increment(board, bottom, 1).then().statusCode(200).body("score", is(-999_999_999_999_999L));
        given().get("/api/leaderboards/{b}/users/{u}", board, top).then().body("score", is(1_000_000_000_000_000L));
    }

    // ---- ties

    @Test
    void tiesRankTheUserWhoReachedTheScoreFirstHigher() {
        String board = freshBoard();
        String first = user();
        String second = user();
        String third = user();
        put(board, first, 100).then().body("rank", is(1));
        increment(board, second, 100).then().body("rank", is(2));
        put(board, third, 100).then().body("rank", is(3));
        assertEquals(List.of(first, second, third), topUsers(board, 3));

        // leaving the score and reaching it again counts from the new moment
        increment(board, first, -1).then().body("rank", is(3));
        increment(board, first, 1).then().body("rank", is(3));
        assertEquals(List.of(second, third, first), topUsers(board, 3));
    }

    @Test
    void settingTheSameScoreAgainKeepsTheMomentItWasReached() {
        String board = freshBoard();
        String first = user();
        String second = user();
        put(board, first, 70).then().statusCode(200);
        put(board, second, 70).then().statusCode(200);
        put(board, first, 70).then().body("rank", is(1));
        increment(board, first, 0).then().body("rank", is(1));
        assertEquals(List.of(first, second), topUsers(board, 2));
    }

    @Test
    void concurrentIncrementsToTheSameScoreRankInTheOrderRedisAppliedThem() throws Exception {
        String board = freshBoard();
        List<String> users = IntStream.range(0, 20).mapToObj(i -> user()).toList();
        Map<String, Integer> rankWhenApplied = runConcurrently(users, u -> increment(board, u, 25)
                .then().statusCode(200).body("score", is(25)).extract().path("rank"));

        // each answer's rank counts only the users who tied before it: 1..20, each once
        assertEquals(IntStream.rangeClosed(1, 20).boxed().toList(),
                rankWhenApplied.values().stream().sorted().toList());
        List<String> appliedOrder = users.stream()
                .sorted(Comparator.comparing(rankWhenApplied::get)).toList();
        assertEquals(appliedOrder, topUsers(board, 20));
        for (String u : users) {
            given().get("/api/leaderboards/{b}/users/{u}", board, u).then()
                    .body("rank", is(rankWhenApplied.get(u)));
        }
    }

    @Test
    void concurrentIncrementsOfOneUserAllCount() throws Exception {
        String board = freshBoard();
        String eve = user();
        List<String> calls = IntStream.range(0, 100).mapToObj(i -> eve + "#" + i).toList();
        runConcurrently(calls, call -> increment(board, eve, 3).then().statusCode(200).extract().path("score"));
        given().get("/api/leaderboards/{b}/users/{u}", board, eve).then().body("score", is(300));
    }

    private static <T> Map<String, T> runConcurrently(List<String> keys, java.util.function.Function<String, T> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Map<String, Future<T>> futures = new LinkedHashMap<>();
            for (String key : keys) {
                futures.put(key, pool.submit(() -> {
                    start.await();
                    return call.apply(key);
                }));
            }
            start.countDown();
            Map<String, T> results = new LinkedHashMap<>();
            for (var e : futures.entrySet()) {
                results.put(e.getKey(), e.getValue().get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- periods

    @Test
    void weeklyBoardKeysExpireTwoWeeksAfterTheirIsoWeekEnds() {
        String board = freshBoard();
        String frank = user();
        clock.pin(Instant.parse("2030-01-02T09:30:00Z")); // Wednesday of ISO week 2030-W01
        try {
            put(board, frank, 10, "weekly").then().statusCode(200).body("rank", is(1));
            long weekEndPlusTwoWeeks = Instant.parse("2030-01-21T00:00:00Z").getEpochSecond();
            for (String key : List.of("lb:{" + board + "}:w:2030-W01", "lb:{" + board + "}:w:2030-W01:members",
                    "lb:{" + board + "}:w:2030-W01:seq")) {
                assertEquals(weekEndPlusTwoWeeks, redis.execute("EXPIRETIME", key).toLong(), key);
            }
            given().queryParam("period", "weekly").get("/api/leaderboards/{b}/users/{u}", board, frank)
                    .then().statusCode(200).body("score", is(10));

            clock.pin(Instant.parse("2030-01-07T00:00:00Z")); // Monday: week 2030-W02 starts empty
            given().queryParam("period", "weekly").get("/api/leaderboards/{b}/top", board)
                    .then().statusCode(200).body("$", empty());
            given().get("/api/leaderboards/{b}/top", board).then().body("$", empty());
        } finally {
            redis.execute("DEL", "lb:{" + board + "}:w:2030-W01", "lb:{" + board + "}:w:2030-W01:members",
                    "lb:{" + board + "}:w:2030-W01:seq");
        }
    }

    @Test
    void dailyBoardKeysExpireTwoDaysAfterTheirUtcDayEnds() {
        String board = freshBoard();
        clock.pin(Instant.parse("2030-03-15T23:59:00Z"));
        String key = "lb:{" + board + "}:d:2030-03-15";
        try {
            put(board, user(), 3, "daily").then().statusCode(200);
            assertEquals(Instant.parse("2030-03-18T00:00:00Z").getEpochSecond(),
                    redis.execute("EXPIRETIME", key).toLong());
        } finally {
            redis.execute("DEL", key, key + ":members", key + ":seq");
        }
    }

    @Test
    void allTimeBoardKeysNeverExpire() {
        String board = freshBoard();
        put(board, user(), 3).then().statusCode(200);
        assertEquals(-1, redis.execute("TTL", "lb:{" + board + "}:all").toLong());
        assertEquals(-1, redis.execute("TTL", "lb:{" + board + "}:all:members").toLong());
    }

    @Test
    void eachPeriodIsItsOwnRanking() {
        String board = freshBoard();
        String grace = user();
        put(board, grace, 5, "weekly").then().statusCode(200);
        put(board, grace, 7, "daily").then().statusCode(200);
        put(board, grace, 9, "all-time").then().statusCode(200);
        for (var expected : Map.of("weekly", 5, "daily", 7, "all-time", 9).entrySet()) {
            given().queryParam("period", expected.getKey()).get("/api/leaderboards/{b}/users/{u}", board, grace)
                    .then().statusCode(200).body("score", is(expected.getValue()));
        }
        given().get("/api/leaderboards/{b}/users/{u}", board, grace).then().body("score", is(9));
    }

    @Test
    void theSortedSetMemberIsTheSequencePrefixedUserIdBuiltByTheScript() {
        String board = freshBoard();
        String heidi = user();
        put(board, heidi, 1).then().statusCode(200);
        assertEquals(TieOrder.member(1, heidi), redis.execute("HGET", "lb:{" + board + "}:all:members", heidi).toString());
        assertEquals(1, redis.execute("ZSCORE", "lb:{" + board + "}:all", TieOrder.member(1, heidi)).toDouble());
    }

    // ---- who may do what

    @Test
    void writesWithoutAnIdentityAre401() {
        String board = freshBoard();
        given().contentType(ContentType.JSON).body(Map.of("score", 1))
                .put("/api/leaderboards/{b}/scores/{u}", board, user())
                .then().statusCode(401).contentType(PROBLEM).body("status", is(401));
        given().contentType(ContentType.JSON).header("X-User-Roles", "admin").body(Map.of("delta", 1))
                .post("/api/leaderboards/{b}/scores/{u}/increment", board, user())
                .then().statusCode(401).contentType(PROBLEM);
        assertEquals(Map.of(), snapshot(board));
    }

    @Test
    void writesByASignedInNonAdminAre403() {
        String board = freshBoard();
        for (String roles : new String[] {"customer", "", "administrator"}) {
            given().contentType(ContentType.JSON).header("X-User-Id", user()).header("X-User-Roles", roles)
                    .body(Map.of("score", 1)).put("/api/leaderboards/{b}/scores/{u}", board, user())
                    .then().statusCode(403).contentType(PROBLEM).body("status", is(403));
        }
        given().contentType(ContentType.JSON).header("X-User-Id", user())
                .body(Map.of("delta", 1)).post("/api/leaderboards/{b}/scores/{u}/increment", board, user())
                .then().statusCode(403).contentType(PROBLEM);
        assertEquals(Map.of(), snapshot(board));
    }

    @Test
    void readsAreOpenToAnyoneSignedInOrNot() {
        String board = freshBoard();
        String ivan = user();
        put(board, ivan, 1).then().statusCode(200);
        given().get("/api/leaderboards/{b}/top", board).then().statusCode(200);
        given().header("X-User-Id", user()).header("X-User-Roles", "customer")
                .get("/api/leaderboards/{b}/users/{u}", board, ivan).then().statusCode(200);
        given().get("/api/leaderboards/{b}/users/{u}/around", board, ivan).then().statusCode(200);
    }

    // ---- bad input: 400 naming the field, nothing changes in Redis

    private record Bad(String method, String path, String body, String field) {
    }

    @Test
    void badInputIs400NamingTheFieldAndChangesNothing() {
        String board = freshBoard();
        String judy = user();
        put(board, judy, 42).then().statusCode(200);
        Map<String, String> before = snapshot(board);
        String scores = "/api/leaderboards/" + board + "/scores/";
        String users = "/api/leaderboards/" + board + "/users/";
        List<Bad> cases = List.of(
                new Bad("PUT", scores + "not-a-uuid", "{\"score\":1}", "userId"),
                new Bad("PUT", "/api/leaderboards/Bad_Board/scores/" + judy, "{\"score\":1}", "board"),
                new Bad("PUT", "/api/leaderboards/" + "x".repeat(65) + "/scores/" + judy, "{\"score\":1}", "board"),
                new Bad("PUT", scores + judy + "?period=monthly", "{\"score\":1}", "period"),
                new Bad("PUT", scores + judy + "?period=All-Time", "{\"score\":1}", "period"),
                new Bad("PUT", scores + judy, "{\"score\":\"abc\"}", "score"),
                new Bad("PUT", scores + judy, "{\"score\":\"NaN\"}", "score"),
                new Bad("PUT", scores + judy, "{\"score\":1.5}", "score"),
                new Bad("PUT", scores + judy, "{\"score\":1e300}", "score"),
                new Bad("PUT", scores + judy, "{\"score\":1000000000000001}", "score"),
                new Bad("PUT", scores + judy, "{\"score\":NaN}", "body"),
                new Bad("PUT", scores + judy, "{\"score\":Infinity}", "body"),
                new Bad("PUT", scores + judy, "{}", "score"),
                new Bad("PUT", scores + judy, "", "body"),
                new Bad("PUT", scores + judy, "{\"score\":", "body"),
                new Bad("PUT", scores + judy, "[42]", "body"),
                new Bad("POST", scores + judy + "/increment", "{\"delta\":\"+1\"}", "delta"),
                new Bad("POST", scores + judy + "/increment", "{\"score\":1}", "delta"),
                new Bad("POST", scores + "42/increment", "{\"delta\":1}", "userId"),
                new Bad("GET", "/api/leaderboards/" + board + "/top?count=0", null, "count"),
                new Bad("GET", "/api/leaderboards/" + board + "/top?count=101", null, "count"),
                new Bad("GET", "/api/leaderboards/" + board + "/top?count=-5", null, "count"),
                new Bad("GET", "/api/leaderboards/" + board + "/top?count=ten", null, "count"),
                new Bad("GET", "/api/leaderboards/" + board + "/top?period=hourly", null, "period"),
                new Bad("GET", users + "nope", null, "userId"),
                new Bad("GET", users + judy + "/around?radius=-1", null, "radius"),
                new Bad("GET", users + judy + "/around?radius=51", null, "radius"),
                new Bad("GET", users + judy + "/around?radius=x", null, "radius"));
        for (Bad bad : cases) {
            RequestSpecification request = admin();
            if (bad.body() != null) {
                request = request.body(bad.body());
            }
            var response = request.request(bad.method(), bad.path());
            assertEquals(400, response.statusCode(), () -> bad + " answered " + response.asString());
            response.then()
                    .contentType(PROBLEM)
                    .body("type", startsWith("https://"))
                    .body("title", is("Invalid input"))
                    .body("status", is(400))
                    .body("type", is("https://polyglot-shop.dev/problems/invalid-input"))
                    .body("detail", not(emptyOrNullString()))
                    .body("errors.field", hasItem(bad.field()));
        }
        assertEquals(before, snapshot(board));
    }

    @Test
    void anOversizedBodyIs413AndChangesNothing() {
        String board = freshBoard();
        String kim = user();
        put(board, kim, 1).then().statusCode(200);
        Map<String, String> before = snapshot(board);
        admin().body("{\"score\":2,\"pad\":\"" + "x".repeat(4096) + "\"}")
                .put("/api/leaderboards/{b}/scores/{u}", board, kim)
                .then().statusCode(413).contentType(PROBLEM)
                .body("type", is("https://polyglot-shop.dev/problems/too-large"));
        // past quarkus.http.limits.max-body-size: refused before it is read, still a problem (deploy/faults found it empty)
        admin().body("{\"delta\":2,\"pad\":\"" + "x".repeat(200_000) + "\"}")
                .post("/api/leaderboards/{b}/scores/{u}/increment", board, kim)
                .then().statusCode(413).contentType(PROBLEM).body("status", org.hamcrest.Matchers.is(413));
        assertEquals(before, snapshot(board));
    }

    /**
     * After a Redis restart or SCRIPT FLUSH, Redis no longer knows the scripts by their SHA-1:
     * EVALSHA answers NOSCRIPT, and service-kit's LuaScript sends the text once (EVAL) instead.
     * Flushing the script cache is harmless to every other client: each of them does the same.
     */
    @Test
    void aScriptRedisHasForgottenIsSentAgain() {
        String board = freshBoard();
        String una = user();
        put(board, una, 10).then().statusCode(200);
        redis.execute("SCRIPT", "FLUSH");
        increment(board, una, 5).then().statusCode(200).body("score", is(15)).body("rank", is(1));
        redis.execute("SCRIPT", "FLUSH");
        given().get("/api/leaderboards/{b}/users/{u}", board, una).then().statusCode(200).body("score", is(15));
        // the text went once: Redis knows the script again by its hash
        assertEquals(1L, redis.execute("SCRIPT", "EXISTS", LeaderboardScripts.STANDING.sha1()).get(0).toLong());
    }

    @Test
    void anIncrementPastTheScoreRangeIs422AndChangesNothing() {
        String board = freshBoard();
        String leo = user();
        put(board, leo, 999_999_999_999_999L).then().statusCode(200);
        Map<String, String> before = snapshot(board);
        increment(board, leo, 2).then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", contains("delta"));
        assertEquals(before, snapshot(board));
    }

    @Test
    void aBodyThatIsNotJsonIs415Problem() {
        String board = freshBoard();
        given().header("X-User-Id", user()).header("X-User-Roles", "admin").contentType(ContentType.TEXT)
                .body("score=1").put("/api/leaderboards/{b}/scores/{u}", board, user())
                .then().statusCode(415).contentType(PROBLEM).body("status", is(415));
        assertEquals(Map.of(), snapshot(board));
    }

    @Test
    void problemsNeverCarryAStackTrace() {
        String body = admin().body("{\"score\":").put("/api/leaderboards/{b}/scores/{u}", freshBoard(), "x")
                .then().statusCode(400).extract().asString();
        assertNull(body.contains("at shop.") ? body : null);
        assertNull(body.contains("Exception") ? body : null);
    }
}
