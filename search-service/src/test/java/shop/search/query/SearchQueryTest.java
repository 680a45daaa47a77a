package shop.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import shop.kit.problem.FieldError;
import shop.kit.problem.Problem;

/** The shop's limits on a search request, without a server (the parameters' types are JAX-RS's). */
class SearchQueryTest {

    private static final SearchQuery.Limits LIMITS = new SearchQuery.Limits(256, 100, 10_000);

    @Test
    void defaultsAreRelevanceFirstPageOfTwenty() {
        SearchQuery query = SearchQuery.of(" wireless ", null, "", null, null, null, null, null, LIMITS);
        assertThat(query).isEqualTo(new SearchQuery("wireless", null, null, null, null, SearchQuery.Sort.RELEVANCE,
                0, 20));
    }

    @Test
    void everyInvalidParameterIsNamedAtOnce() {
        Problem problem = catchThrowableOfType(Problem.class, () -> SearchQuery.of("x".repeat(257), null, null,
                new BigDecimal("1000000001"), new BigDecimal("-1"), null, -2, 500, LIMITS));
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(FieldError::field)
                .containsExactly("q", "minPrice", "maxPrice", "minPrice", "page", "size");
    }

    @Test
    void pagingDeeperThanTheWindowIsRefused() {
        assertThat(SearchQuery.of(null, null, null, null, null, null, 99, 100, LIMITS).page()).isEqualTo(99);
        Problem problem = catchThrowableOfType(Problem.class,
                () -> SearchQuery.of(null, null, null, null, null, null, 100, 100, LIMITS));
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("page");
    }

    @Test
    void minimumAboveMaximumIsRefusedButEqualIsFine() {
        assertThat(SearchQuery.of(null, null, null, new BigDecimal("50"), new BigDecimal("50"),
                SearchQuery.Sort.PRICE_DESC, null, null, LIMITS).minPrice()).isEqualByComparingTo(new BigDecimal("50"));
        Problem problem = catchThrowableOfType(Problem.class, () -> SearchQuery.of(null, null, null,
                new BigDecimal("50.01"), new BigDecimal("50"), null, null, null, LIMITS));
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("minPrice");
    }

    @Test
    void sortIsCaseInsensitiveAndAnUnknownOneIsNamed() {
        assertThat(SearchQuery.Sort.fromString("NEWEST")).isEqualTo(SearchQuery.Sort.NEWEST);
        assertThat(SearchQuery.Sort.fromString(" price_asc ")).isEqualTo(SearchQuery.Sort.PRICE_ASC);
        Problem problem = catchThrowableOfType(Problem.class, () -> SearchQuery.Sort.fromString("popularity"));
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("sort");
    }

    @Test
    void theQueryTextIsAJsonValueNeverQuerySyntax() {
        SearchQuery query = SearchQuery.of("\"} , \"match_all\": {", null, null, null, null, null, null, null,
                LIMITS);
        String request = SearchRequests.search(query).toString();
        assertThat(request).contains("\"query\":\"\\\"} , \\\"match_all\\\": {\"").doesNotContain("query_string");
    }
}
