package shop.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import shop.search.problem.Problem;

/** The checks of a search request, without a server. */
class SearchQueryTest {

    private static final SearchQuery.Limits LIMITS = new SearchQuery.Limits(256, 100, 10_000);

    @Test
    void defaultsAreRelevanceFirstPageOfTwenty() {
        SearchQuery query = SearchQuery.parse(" wireless ", null, "", null, null, null, null, null, LIMITS);
        assertThat(query).isEqualTo(new SearchQuery("wireless", null, null, null, null, SearchQuery.Sort.RELEVANCE,
                0, 20));
    }

    @Test
    void everyInvalidParameterIsNamedAtOnce() {
        Problem problem = catchThrowableOfType(Problem.class, () -> SearchQuery.parse("x".repeat(257), null, null,
                "abc", "-1", "cheapest", "-2", "500", LIMITS));
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).extracting(Problem.FieldError::field)
                .containsExactly("q", "minPrice", "maxPrice", "sort", "page", "size");
    }

    @Test
    void pagingDeeperThanTheWindowIsRefused() {
        assertThat(SearchQuery.parse(null, null, null, null, null, null, "99", "100", LIMITS).page()).isEqualTo(99);
        Problem problem = catchThrowableOfType(Problem.class,
                () -> SearchQuery.parse(null, null, null, null, null, null, "100", "100", LIMITS));
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("page");
    }

    @Test
    void minimumAboveMaximumIsRefusedButEqualIsFine() {
        assertThat(SearchQuery.parse(null, null, null, "50", "50", "price_desc", null, null, LIMITS).minPrice())
                .isEqualByComparingTo(new BigDecimal("50"));
        Problem problem = catchThrowableOfType(Problem.class,
                () -> SearchQuery.parse(null, null, null, "50.01", "50", null, null, null, LIMITS));
        assertThat(problem.errors()).extracting(Problem.FieldError::field).containsExactly("minPrice");
    }

    @Test
    void sortIsCaseInsensitive() {
        assertThat(SearchQuery.parse(null, null, null, null, null, "NEWEST", null, null, LIMITS).sort())
                .isEqualTo(SearchQuery.Sort.NEWEST);
    }

    @Test
    void theQueryTextIsAJsonValueNeverQuerySyntax() {
        SearchQuery query = SearchQuery.parse("\"} , \"match_all\": {", null, null, null, null, null, null, null,
                LIMITS);
        String request = SearchRequests.search(query).toString();
        assertThat(request).contains("\"query\":\"\\\"} , \\\"match_all\\\": {\"").doesNotContain("query_string");
    }
}
