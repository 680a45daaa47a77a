package shop.search.projection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import shop.search.support.CatalogEvents;
import shop.search.support.CatalogEvents.Product;
import shop.search.support.Search;
import shop.search.support.SearchStack;

/**
 * A poison event: the index refuses a product's document (an operator left the index write-blocked,
 * as Elasticsearch's disk flood stage would). It lands in the view's dead-letter topic, is listed
 * with Elasticsearch's reason and counted in the status; once the block is lifted, a replay applies
 * it, once: afterwards nothing is pending and a second replay does nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = SearchStack.class, restrictToAnnotatedClass = true)
class DeadLetterReplayTest {

    @Test
    void aRefusedEventIsListedWithItsReasonAndReplayedOnceTheCauseIsFixed() {
        Product before = CatalogEvents.create("Lantern " + CatalogEvents.unique("l"), "Warm light",
                CatalogEvents.unique("Brand"), "30.00", List.of("outdoor"));
        Search.awaitIndexed(before.id(), before.version());
        String index = aliasedIndex();
        Product refused;
        try {
            block(index, true);
            refused = CatalogEvents.create("Tent " + CatalogEvents.unique("t"), "Two people",
                    CatalogEvents.unique("Brand"), "120.00", List.of("outdoor"));
            JsonPath listed = await().atMost(Search.VIEW_WAIT).pollInterval(Duration.ofMillis(500))
                    .until(() -> asAdmin().get("/api/search/dead-letters").then().statusCode(200).extract().jsonPath(),
                            list -> list.getList("items.key", String.class).contains(refused.id()));
            Map<String, Object> letter = listed.getList("items", Map.class).stream()
                    .filter(item -> refused.id().equals(item.get("key"))).findFirst().orElseThrow();
            assertThat((String) letter.get("reason")).startsWith("refused by Elasticsearch: cluster_block_exception");
            assertThat(letter.get("originalTopic")).isEqualTo(SearchStack.TOPIC);
            assertThat(letter.get("originalOffset")).isNotNull();
            assertThat(((Map<?, ?>) letter.get("headers")).containsKey("dead-letter-reason")).isTrue();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> given().get("/api/search/status").then().extract().jsonPath().getInt("deadLetters") == 1);
        } finally {
            block(index, false);
        }
        given().get("/api/search/products/" + refused.id()).then().statusCode(404);

        JsonPath replayed = asAdmin().post("/api/search/dead-letters/replay").then().statusCode(200).extract()
                .jsonPath();
        assertThat(replayed.getInt("replayed")).isEqualTo(1);
        assertThat(replayed.getInt("failed")).isZero();
        Search.awaitIndexed(refused.id(), refused.version());

        assertThat(asAdmin().get("/api/search/dead-letters").then().extract().jsonPath().getList("items")).isEmpty();
        JsonPath again = asAdmin().post("/api/search/dead-letters/replay").then().statusCode(200).extract().jsonPath();
        assertThat(again.getInt("replayed")).isZero();
        assertThat(again.getInt("failed")).isZero();
    }

    @Test
    void deadLettersAreForAdminsOnly() {
        given().get("/api/search/dead-letters").then().statusCode(401).contentType("application/problem+json");
        given().header("X-User-Id", UUID.randomUUID().toString()).header("X-User-Roles", "customer")
                .post("/api/search/dead-letters/replay").then().statusCode(403).contentType("application/problem+json");
    }

    private static void block(String index, boolean blocked) {
        elasticsearch().contentType(ContentType.JSON).body(Map.of("index.blocks.write", blocked))
                .put("/" + index + "/_settings").then().statusCode(200);
    }

    private static RequestSpecification asAdmin() {
        return given().header("X-User-Id", UUID.randomUUID().toString()).header("X-User-Roles", "admin");
    }

    private static String aliasedIndex() {
        String alias = ConfigProvider.getConfig().getValue("search.index.alias", String.class);
        return elasticsearch().get("/_alias/" + alias).then().statusCode(200).extract().jsonPath()
                .getMap("").keySet().iterator().next().toString();
    }

    private static RequestSpecification elasticsearch() {
        return given().baseUri("http://" + ConfigProvider.getConfig()
                .getValue("quarkus.elasticsearch.hosts", String.class).split(",")[0]);
    }
}
