package shop.search.rebuild;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import shop.search.support.CatalogEvents;
import shop.search.support.CatalogEvents.Product;
import shop.search.support.Search;
import shop.search.support.SearchStack;

/**
 * A rebuild reads catalog-service, the source of truth, which these tests do not run (SearchStack
 * points its client where nothing listens): here, who may start one, and that one which cannot read
 * the catalog fails, says why, and leaves search on the index it had. A whole rebuild from the real
 * catalog, with search queried throughout, is deploy/e2e's RebuildTest.
 */
@QuarkusTest
@QuarkusTestResource(value = SearchStack.class, restrictToAnnotatedClass = true)
class RebuildTest {

    @Test
    void aRebuildThatCannotReadTheCatalogFailsAndSearchKeepsItsIndex() {
        String tag = CatalogEvents.unique("tag");
        Product product = CatalogEvents.create("Sofa", "Three seats", CatalogEvents.unique("Brand"), "900.00",
                List.of(tag));
        Search.awaitIndexed(product.id(), product.version());
        String aliased = aliasedIndex();

        String building = asAdmin().post("/api/search/rebuild").then().statusCode(202)
                .body("state", is("running")).body("index", startsWith("products-test-v")).extract().path("index");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> !"running"
                .equals(given().get("/api/search/status").then().extract().path("rebuild.state")));

        Response status = given().get("/api/search/status");
        assertThat(status.jsonPath().getString("rebuild.state")).isEqualTo("failed");
        assertThat(status.jsonPath().getString("rebuild.error")).isNotBlank();
        assertThat(aliasedIndex()).isEqualTo(aliased);
        // the failed rebuild drops its index just after it says "failed"
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> elasticsearch().get("/" + building).statusCode() == 404);
        Search.awaitTotal("tag=" + tag, 1);
    }

    @Test
    void rebuildIsForAdminsOnly() {
        given().post("/api/search/rebuild").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("X-User-Id", UUID.randomUUID().toString()).header("X-User-Roles", "customer")
                .post("/api/search/rebuild").then().statusCode(403)
                .contentType("application/problem+json");
    }

    private static RequestSpecification asAdmin() {
        return given().header("X-User-Id", UUID.randomUUID().toString()).header("X-User-Roles", "admin");
    }

    /** The one index the tests' alias points at, from Elasticsearch itself. */
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
