package shop.e2e.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.awaitility.core.ConditionFactory;

/**
 * The derived views, search-service's index and feed-service's feeds, and bounded waits for them
 * to catch up with catalog-service: the pipeline's lag is seconds, the bound a minute.
 */
public final class Views {

    public static final Duration LAG = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(250);

    private Views() {
    }

    /** A wait for a view: asked at once (most waits are for what is there already), then every {@link #POLL}. */
    private static ConditionFactory view() {
        return await().atMost(LAG).pollDelay(Duration.ZERO).pollInterval(POLL);
    }

    /** Waits until search's index holds {@code version} of the product (or a newer one). */
    public static void awaitIndexed(String id, long version) {
        view().until(() -> {
            Response answer = given().baseUri(Stack.search()).get("/api/search/products/" + id);
            return answer.statusCode() == 200 && answer.jsonPath().getLong("indexedVersion") >= version;
        });
    }

    /** Waits until search's index holds no live version of the product. */
    public static void awaitGone(String id) {
        view()
                .until(() -> given().baseUri(Stack.search()).get("/api/search/products/" + id).statusCode() == 404);
    }

    /** Waits until a search for {@code query} finds {@code expected} products; returns that answer. */
    public static Response awaitSearchTotal(String query, long expected) {
        Response[] last = new Response[1];
        view().until(() -> {
            last[0] = given().baseUri(Stack.search()).get("/api/search?" + query);
            return last[0].statusCode() == 200 && last[0].jsonPath().getLong("total") == expected;
        });
        return last[0];
    }

    /** Waits until the user's feed holds {@code count} items; returns it (newest first, up to 100). */
    public static JsonPath awaitFeed(UUID user, int count) {
        JsonPath[] feed = new JsonPath[1];
        view().until(() -> {
            feed[0] = Stack.as(Stack.feed(), user, "customer").queryParam("limit", 100)
                    .get("/api/feed/{userId}", user).then().statusCode(200).extract().jsonPath();
            return feed[0].getList("items").size() >= count;
        });
        return feed[0];
    }
}
