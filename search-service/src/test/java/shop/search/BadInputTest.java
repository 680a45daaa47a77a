package shop.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import shop.search.support.SearchStack;

/** Bad input is 400 problem+json naming the parameter, against the real index; never a 500. */
@QuarkusTest
@QuarkusTestResource(value = SearchStack.class, restrictToAnnotatedClass = true)
class BadInputTest {

    @ParameterizedTest(name = "{0} → 400 on {1}")
    @CsvSource(delimiter = '|', value = {
            "size=101|size",
            "size=-1|size",
            "size=ten|size",
            "page=-1|page",
            "page=100&size=100|page",
            "page=abc|page",
            "minPrice=200&maxPrice=50|minPrice",
            "minPrice=cheap|minPrice",
            "maxPrice=1e|maxPrice",
            "minPrice=-5|minPrice",
            "sort=popularity|sort"})
    void invalidSearchParametersAre400(String query, String field) {
        given().get("/api/search?" + query).then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400)).body("title", is("Invalid input"))
                .body("errors.field", hasItem(field));
    }

    @Test
    void queryLongerThan256CharactersIs400() {
        given().queryParam("q", "a".repeat(257)).get("/api/search").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("q"));
        given().queryParam("q", "a".repeat(256)).get("/api/search").then().statusCode(200);
    }

    @Test
    void queryStringSyntaxIsSearchedAsTextNotInterpreted() {
        given().queryParam("q", "name:* OR _id:[* TO *] \" { } \\").get("/api/search").then().statusCode(200);
        given().queryParam("prefix", "brand:* \" \\").get("/api/search/suggest").then().statusCode(200);
    }

    @Test
    void productIdMustBeAUuidAndUnknownIdsAre404() {
        given().get("/api/search/products/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/search/products/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("status", is(404));
    }

    @Test
    void suggestPrefixLongerThan256CharactersIs400AndAnEmptyOneSuggestsNothing() {
        given().queryParam("prefix", "b".repeat(257)).get("/api/search/suggest").then().statusCode(400)
                .body("errors.field", hasItem("prefix"));
        given().get("/api/search/suggest?prefix=").then().statusCode(200).body("suggestions.size()", is(0));
    }
}
