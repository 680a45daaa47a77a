package shop.search.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import shop.search.support.CatalogEvents;
import shop.search.support.CatalogEvents.Product;
import shop.search.support.Search;
import shop.search.support.SearchStack;

/**
 * Search from the event on: a product event on the real topic, as Debezium delivers it
 * (support/CatalogEvents), is indexed by this service and found by the search API. Every test
 * makes its own products with words no other data holds. The same from catalog-service's API on
 * is deploy/e2e's SearchPipelineTest.
 */
@QuarkusTest
@QuarkusTestResource(value = SearchStack.class, restrictToAnnotatedClass = true)
class SearchPipelineTest {

    @Test
    void createdProductBecomesSearchableWithItsVersionAndStatus() {
        String word = CatalogEvents.unique("lantern");
        Product product = CatalogEvents.create("Camping " + word, "Bright and light", CatalogEvents.unique("Brand"), "24.90",
                List.of("outdoor"));
        Search.awaitIndexed(product.id(), product.version());

        io.restassured.response.Response answer = Search.awaitTotal("q=" + word, 1);
        JsonPath found = answer.jsonPath();
        assertThat(found.getString("hits[0].id")).isEqualTo(product.id());
        assertThat(found.getString("hits[0].name")).isEqualTo("Camping " + word);
        // money keeps its two places (api-contract.md), though Debezium dropped the trailing zero
        assertThat(answer.asString()).contains("\"price\":24.90");
        assertThat(found.getDouble("hits[0].score")).isPositive();
        given().get("/api/search/products/" + product.id()).then().statusCode(200)
                .body("id", is(product.id())).body("indexedVersion", is((int) product.version()));
        given().get("/api/search/status").then().statusCode(200)
                .body("documents", greaterThan(0))
                .body("lastEventAt", notNullValue())
                .body("lastEventLagMs", greaterThanOrEqualTo(0))
                // the event just indexed is within the last minute's window; the group is caught up with it
                .body("lagP50Ms", greaterThanOrEqualTo(0))
                .body("lagP99Ms", greaterThanOrEqualTo(0))
                // and where it went: the outbox topic stamps each record with the broker's append time
                .body("lagByHop.keySet()", contains("capture", "queued", "apply"))
                .body("lagByHop.capture.p99Ms", greaterThanOrEqualTo(0))
                .body("lagByHop.queued.p99Ms", greaterThanOrEqualTo(0))
                .body("lagByHop.apply.p99Ms", greaterThanOrEqualTo(0))
                .body("deadLetters", greaterThanOrEqualTo(0));
        given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .body(containsString("projection_lag_seconds_bucket{topic=\"outbox.event.product\",view=\"search\""))
                .body(containsString("projection_events_total{outcome=\"applied\",topic=\"outbox.event.product\",view=\"search\""))
                .body(containsString("projection_hop_seconds_bucket{hop=\"capture\",topic=\"outbox.event.product\",view=\"search\""))
                .body(containsString("projection_hop_seconds_bucket{hop=\"apply\",topic=\"outbox.event.product\",view=\"search\""))
                .body(containsString("projection_records_behind{topic=\"outbox.event.product\",view=\"search\""))
                // Elasticsearch's own share of the searches just made, beside the HTTP server's timer
                .body(containsString("search_elasticsearch_took_seconds_bucket"))
                .body(containsString("search_elasticsearch_took_seconds_count"));
    }

    @Test
    void aBadTraceHeaderNeverStopsTheProjection() {
        // the writer's trace context rides on each record (header traceparent): whatever it holds,
        // the event is indexed, in a trace of its own when the header cannot be read
        for (String traceparent : List.of("garbage", "00-" + "z".repeat(32) + "-" + "1".repeat(16) + "-01",
                "00-" + "a".repeat(32) + "-" + "b".repeat(16) + "-01" + "x".repeat(4_000), "")) {
            Product product = CatalogEvents.createInTrace(traceparent, "Traced " + CatalogEvents.unique("lamp"), "Bright",
                    CatalogEvents.unique("Brand"), "10.00", List.of("home"));
            Search.awaitIndexed(product.id(), product.version());
        }
    }

    @Test
    void updateChangesTheHitAndItsFacets() {
        String word = CatalogEvents.unique("kettle");
        String before = CatalogEvents.unique("Brand");
        String after = CatalogEvents.unique("Brand");
        Product product = CatalogEvents.create("Alpha " + word, "Boils water", before, "10.00", List.of("kitchen"));
        Search.awaitIndexed(product.id(), product.version());
        Product updated = CatalogEvents.update(product, "Beta " + word, "Boils water fast", after, "120.00",
                List.of("kitchen"));
        assertThat(updated.version()).isEqualTo(product.version() + 1);
        Search.awaitIndexed(product.id(), updated.version());

        JsonPath found = Search.awaitTotal("q=" + word, 1).jsonPath();
        assertThat(found.getString("hits[0].name")).isEqualTo("Beta " + word);
        assertThat(found.getString("hits[0].brand")).isEqualTo(after);
        assertThat(found.getList("facets.brand", Map.class)).containsExactly(Map.of("value", after, "count", 1));
        assertThat(priceCounts(found)).containsExactly(0, 1, 0);
    }

    @Test
    void deleteRemovesIt() {
        String word = CatalogEvents.unique("blender");
        Product product = CatalogEvents.create("Blender " + word, "Smoothies", CatalogEvents.unique("Brand"), "60.00",
                List.of("kitchen"));
        Search.awaitIndexed(product.id(), product.version());
        Search.awaitTotal("q=" + word, 1);

        CatalogEvents.delete(product);
        Search.awaitGone(product.id());
        Search.awaitTotal("q=" + word, 0);
        given().get("/api/search/suggest?prefix=blender " + word).then().statusCode(200)
                .body("suggestions.size()", is(0));
    }

    @Test
    void misspellingFindsTheProductAndSuggestsTheSpelling() {
        String brand = CatalogEvents.unique("Brand");
        Product product = CatalogEvents.create("Wireless Keyboard", "A quiet keyboard for typing", brand, "49.00",
                List.of("computer"));
        Search.awaitIndexed(product.id(), product.version());

        JsonPath found = Search.awaitTotal("q=wirelss keybord&brand=" + brand, 1).jsonPath();
        assertThat(found.getString("hits[0].id")).isEqualTo(product.id());
        // the chosen brand is in the brand facet, though many other brands match the words more often
        assertThat(found.getList("facets.brand", Map.class)).contains(Map.of("value", brand, "count", 1));
        assertThat(found.getString("didYouMean")).isEqualTo("wireless keyboard");
        // the words the typos matched are marked, as the product spells them
        assertThat(found.getString("hits[0].highlight.name")).isEqualTo("<em>Wireless</em> <em>Keyboard</em>");
        assertThat(found.getString("hits[0].highlight.description")).contains("<em>keyboard</em>");
        // every word of a correctly spelt query is in the catalogue: nothing to correct
        given().get("/api/search?q=wireless keyboard&brand=" + brand).then()
                .body("total", is(1)).body("didYouMean", is((Object) null))
                .body("hits[0].highlight.name", is("<em>Wireless</em> <em>Keyboard</em>"));
    }

    @Test
    void aTypoIsCorrectedHoweverManyProductsItFinds() {
        // more products than the old rule's threshold (a correction only below 5 hits) find the typo
        String brand = CatalogEvents.unique("Brand");
        List<Product> products = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            products.add(CatalogEvents.create("Wireless " + CatalogEvents.unique("speaker"), "Plays music", brand,
                    "30.00", List.of("audio")));
        }
        products.forEach(p -> Search.awaitIndexed(p.id(), p.version()));

        JsonPath found = Search.awaitTotal("q=wirelss&brand=" + brand, products.size()).jsonPath();
        assertThat(found.getString("didYouMean")).isEqualTo("wireless");
        assertThat(found.getList("hits.highlight.name", String.class)).hasSize(products.size())
                .allSatisfy(name -> assertThat(name).startsWith("<em>Wireless</em> "));
        // the correction keeps the case the word was typed in
        assertThat(given().get("/api/search?q=Wirelss&brand=" + brand).then().statusCode(200).extract().jsonPath()
                .getString("didYouMean")).isEqualTo("Wireless");
    }

    @Test
    void aWordOfTheCatalogueIsNeverCorrected() {
        // "mover" is a product here: however close another word of the catalogue is, it stays
        String brand = CatalogEvents.unique("Brand");
        List<Product> products = List.of(
                CatalogEvents.create("Lawn mover " + CatalogEvents.unique("m"), "Cuts grass", brand, "250.00",
                        List.of("garden")),
                CatalogEvents.create("Desk lamp " + CatalogEvents.unique("l"), "Bright light", brand, "25.00",
                        List.of("home")),
                CatalogEvents.create("Floor lamp " + CatalogEvents.unique("l"), "Soft light", brand, "75.00",
                        List.of("home")));
        products.forEach(p -> Search.awaitIndexed(p.id(), p.version()));

        JsonPath movers = Search.awaitTotal("q=mover&brand=" + brand, 1).jsonPath();
        assertThat(movers.getString("didYouMean")).isNull();
        assertThat(movers.getString("hits[0].highlight.name")).startsWith("Lawn <em>mover</em> ");
        given().get("/api/search?q=mover").then().statusCode(200).body("didYouMean", is((Object) null));
        // real words only, several of them: nothing to correct
        given().get("/api/search?q=desk lamp bright light&brand=" + brand).then().statusCode(200)
                .body("total", is(1)).body("didYouMean", is((Object) null));
    }

    @Test
    void everyWordMustMatchUnlessNoProductHoldsThemAll() {
        String brand = CatalogEvents.unique("Brand");
        List<Product> products = List.of(
                CatalogEvents.create("Desk lamp " + CatalogEvents.unique("l"), "Bright light", brand, "25.00",
                        List.of("home")),
                CatalogEvents.create("Floor lamp " + CatalogEvents.unique("l"), "Soft light", brand, "75.00",
                        List.of("home")),
                CatalogEvents.create("Standing desk " + CatalogEvents.unique("d"), "Oak top", brand, "400.00",
                        List.of("office")));
        products.forEach(p -> Search.awaitIndexed(p.id(), p.version()));

        // two words: the products holding both, a typo in one of them as well
        JsonPath both = Search.awaitTotal("q=desk lamp&brand=" + brand, 1).jsonPath();
        assertThat(both.getString("hits[0].id")).isEqualTo(products.get(0).id());
        assertThat(Search.awaitTotal("q=dezk lamp&brand=" + brand, 1).jsonPath().getString("hits[0].id"))
                .isEqualTo(products.get(0).id());
        // no product holds every word: any word, the one holding most of them first
        JsonPath any = Search.awaitTotal("q=desk lamp light " + CatalogEvents.unique("zq") + "&brand=" + brand, 3)
                .jsonPath();
        assertThat(any.getString("hits[0].id")).isEqualTo(products.get(0).id());
        assertThat(any.getList("hits.id", String.class)).containsExactlyInAnyOrderElementsOf(
                products.stream().map(Product::id).toList());
    }

    @Test
    void onlyTheMisspeltWordOfAQueryIsCorrected() {
        String brand = CatalogEvents.unique("Brand");
        Product product = CatalogEvents.create("Wireless Mover " + CatalogEvents.unique("r"), "Moves without a cable",
                brand, "99.00", List.of("garden"));
        Search.awaitIndexed(product.id(), product.version());

        JsonPath found = Search.awaitTotal("q=MOVER wirelss&brand=" + brand, 1).jsonPath();
        // the real word stays as typed, the typo becomes the catalogue's word, in the typo's case
        assertThat(found.getString("didYouMean")).isEqualTo("MOVER wireless");
        assertThat(found.getString("hits[0].highlight.name")).startsWith("<em>Wireless</em> <em>Mover</em> ");
    }

    @Test
    void facetsCountTheKnownSetAndABrandFilterKeepsTheOtherBrands() {
        String tag = CatalogEvents.unique("tag");
        String acme = CatalogEvents.unique("Acme");
        String zeta = CatalogEvents.unique("Zeta");
        List<Product> products = List.of(
                CatalogEvents.create("Mug", "Ceramic", acme, "10.00", List.of(tag)),
                CatalogEvents.create("Teapot", "Ceramic", acme, "100.00", List.of(tag)),
                CatalogEvents.create("Kettle", "Steel", zeta, "150.00", List.of(tag)),
                CatalogEvents.create("Espresso machine", "Steel", zeta, "300.00", List.of(tag)));
        products.forEach(p -> Search.awaitIndexed(p.id(), p.version()));

        JsonPath all = Search.awaitTotal("tag=" + tag + "&sort=price_asc", 4).jsonPath();
        assertThat(all.getList("facets.brand", Map.class))
                .containsExactlyInAnyOrder(Map.of("value", acme, "count", 2), Map.of("value", zeta, "count", 2));
        assertThat(priceCounts(all)).containsExactly(1, 2, 1);
        assertThat(all.getList("facets.price.key")).containsExactly("<50", "50–200", "200+");
        assertThat(all.getList("hits.name")).containsExactly("Mug", "Teapot", "Kettle", "Espresso machine");

        JsonPath acmeOnly = given().get("/api/search?tag=" + tag + "&brand=" + acme).then().statusCode(200)
                .extract().jsonPath();
        assertThat(acmeOnly.getLong("total")).isEqualTo(2);
        assertThat(acmeOnly.getList("facets.brand", Map.class))
                .containsExactlyInAnyOrder(Map.of("value", acme, "count", 2), Map.of("value", zeta, "count", 2));
        assertThat(priceCounts(acmeOnly)).containsExactly(1, 1, 0);

        JsonPath midRange = given().get("/api/search?tag=" + tag + "&minPrice=50&maxPrice=200&sort=price_desc")
                .then().statusCode(200).extract().jsonPath();
        assertThat(midRange.getList("hits.name")).containsExactly("Kettle", "Teapot");

        JsonPath secondPage = given().get("/api/search?tag=" + tag + "&sort=price_asc&page=1&size=3").then()
                .statusCode(200).extract().jsonPath();
        assertThat(secondPage.getLong("total")).isEqualTo(4);
        assertThat(secondPage.getList("hits.name")).containsExactly("Espresso machine");
    }

    @Test
    void highlightMarksTheMatchedWord() {
        String word = CatalogEvents.unique("granite");
        Product product = CatalogEvents.create("Mortar " + word, "Carved from " + word + " stone, heavy and stable",
                CatalogEvents.unique("Brand"), "35.00", List.of("kitchen"));
        Search.awaitIndexed(product.id(), product.version());

        JsonPath found = Search.awaitTotal("q=" + word, 1).jsonPath();
        assertThat(found.getString("hits[0].highlight.name")).isEqualTo("Mortar <em>" + word + "</em>");
        assertThat(found.getString("hits[0].highlight.description")).contains("<em>" + word + "</em>");
    }

    @Test
    void suggestCompletesAPrefixCaseInsensitively() {
        String word = CatalogEvents.unique("trailmaster");
        Product product = CatalogEvents.create("Tent " + word + " Ultralight", "Two people", CatalogEvents.unique("Brand"),
                "199.00", List.of("outdoor"));
        Search.awaitIndexed(product.id(), product.version());
        String prefix = word.substring(0, word.length() - 3);

        Search.awaitTotal("q=" + word, 1);
        given().get("/api/search/suggest?prefix=" + prefix.toUpperCase()).then().statusCode(200)
                .body("suggestions", hasItem("Tent " + word + " Ultralight"));
        given().get("/api/search/suggest?prefix=tent " + prefix).then().statusCode(200)
                .body("suggestions[0]", is("Tent " + word + " Ultralight"));
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> priceCounts(JsonPath answer) {
        return answer.getList("facets.price.count");
    }
}
