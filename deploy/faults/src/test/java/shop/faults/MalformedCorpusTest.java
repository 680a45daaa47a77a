package shop.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import shop.faults.corpus.Fixture;
import shop.faults.corpus.MalformedCorpus;
import shop.faults.http.Shot;
import shop.faults.identity.Identity;
import shop.faults.route.Route;
import shop.faults.route.RouteTable;

/** The corpus itself, with no server: deterministic, every route, every kind of flaw, full scale ≥ 10,000. */
class MalformedCorpusTest {

    private final List<Route> routes = RouteTable.load();
    private final Identity admin = new Identity("admin", "00000000-0000-0000-0000-00000000000a", "admin", "a".repeat(43), "x");
    private final Identity customer = new Identity("customer", "00000000-0000-0000-0000-00000000000c", "customer",
            "c".repeat(43), "y");

    private List<Shot> corpus(long seed, int count) {
        Map<String, String> bases = new LinkedHashMap<>();
        bases.put("gateway", "http://gateway");
        routes.forEach(route -> bases.put(route.service(), "http://" + route.service()));
        return new MalformedCorpus(routes, Fixture.offline("fltoffline"), admin, customer, bases, seed).generate(count);
    }

    @Test
    void theSameSeedGivesTheSameRequestsAndAnotherSeedOthers() {
        assertThat(corpus(7, 500).stream().map(Shot::describe).toList())
                .isEqualTo(corpus(7, 500).stream().map(Shot::describe).toList())
                .isNotEqualTo(corpus(8, 500).stream().map(Shot::describe).toList());
    }

    @Test
    void theFullCorpusCoversEveryRouteThroughTheGatewayAndDirectlyWithEveryFlaw() {
        List<Shot> full = corpus(20261127L, 12_000);

        assertThat(full).hasSizeGreaterThanOrEqualTo(10_000);
        Set<String> covered = full.stream().map(shot -> shot.route() + " via " + (shot.target().equals("gateway")
                ? "gateway" : "service")).collect(Collectors.toSet());
        for (Route route : routes) {
            assertThat(covered).contains(route + " via gateway", route + " via service");
        }
        Set<String> flaws = full.stream().map(shot -> shot.flaw().substring(0, shot.flaw().indexOf(':')))
                .collect(Collectors.toSet());
        assertThat(flaws).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(MalformedCorpus.Flaw.values()).map(Enum::name).toList());
    }

    @Test
    void everyRequestCanBeSentAsBuilt() {
        for (Shot shot : corpus(20261127L, 12_000)) {
            assertThat(java.net.URI.create(shot.baseUri() + shot.pathAndQuery()).getRawPath()).startsWith("/");
        }
    }

    @Test
    void theConsolesRowsAreAimedAtItsPageItsFileAndItsLagWindow() {
        List<Shot> full = corpus(20261127L, 12_000);
        // a trailing / is that path: the index page keeps its slash (and nothing after it but a query)
        assertThat(full).filteredOn(shot -> shot.route().equals("GET /console/")).isNotEmpty()
                .allSatisfy(shot -> assertThat(shot.pathAndQuery()).as(shot.describe()).matches("/console/(\\?.*)?"));
        assertThat(full).filteredOn(shot -> shot.route().equals("GET /console/**"))
                .anySatisfy(shot -> assertThat(shot.pathAndQuery()).isEqualTo("/console/console.js"));
        assertThat(full).filteredOn(shot -> shot.route().equals("GET /api/ops/**"))
                .anySatisfy(shot -> assertThat(shot.pathAndQuery()).isEqualTo("/api/ops/lag?minutes=15"))
                .anySatisfy(shot -> {
                    assertThat(shot.flaw()).startsWith("BAD_QUERY");
                    assertThat(shot.pathAndQuery()).startsWith("/api/ops/lag?minutes=");
                });
    }

    @Test
    void theStorefrontsRowsAreAimedAtItsPageAndAFileItHas() {
        List<Shot> full = corpus(20261127L, 12_000);
        // "/" is the root only: the page keeps its one slash (and nothing after it but a query)
        assertThat(full).filteredOn(shot -> shot.route().equals("GET /")).isNotEmpty()
                .allSatisfy(shot -> assertThat(shot.pathAndQuery()).as(shot.describe()).matches("/(\\?.*)?"));
        assertThat(full).filteredOn(shot -> shot.route().equals("GET /assets/**"))
                .anySatisfy(shot -> assertThat(shot.pathAndQuery()).isEqualTo("/assets/shop.js"));
    }

    @Test
    void writesWithoutABodyNeverNameTheFixture() {
        Fixture fixture = Fixture.offline("fltoffline");
        corpus(3, 5_000).stream()
                .filter(shot -> List.of("DELETE", "POST").contains(shot.method()) && shot.body() == null)
                .filter(shot -> !shot.pathAndQuery().contains("/consume"))
                .forEach(shot -> assertThat(shot.pathAndQuery()).as(shot.describe())
                        .doesNotContain(fixture.productId().toString() + "?")
                        .doesNotEndWith(fixture.productId().toString())
                        .doesNotContain(fixture.customerToken()));
    }
}
