package shop.search.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.restassured.response.Response;

/** search-service under test, and bounded waits for its view to catch up. */
public final class Search {

    public static final Duration VIEW_WAIT = Duration.ofSeconds(60);

    private Search() {
    }

    /** Waits until the index holds {@code version} of the product (or a newer one). */
    public static void awaitIndexed(String id, long version) {
        await().atMost(VIEW_WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            Response answer = given().get("/api/search/products/" + id);
            return answer.statusCode() == 200 && answer.jsonPath().getLong("indexedVersion") >= version;
        });
    }

    /** Waits until the index holds no live version of the product. */
    public static void awaitGone(String id) {
        await().atMost(VIEW_WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> given().get("/api/search/products/" + id).statusCode() == 404);
    }

    /** Waits until a search for {@code q} (a refreshed, searchable view) finds {@code expected} products. */
    public static Response awaitTotal(String query, long expected) {
        Response[] last = new Response[1];
        await().atMost(VIEW_WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = given().get("/api/search?" + query);
            return last[0].statusCode() == 200 && last[0].jsonPath().getLong("total") == expected;
        });
        return last[0];
    }
}
