package shop.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a request's span is named after: the Elasticsearch API its path calls. */
class ElasticsearchOperationTest {

    @Test
    void theApiIsTheFirstUnderscoredSegment() {
        assertThat(ProductIndex.operation("/_bulk")).isEqualTo("bulk");
        assertThat(ProductIndex.operation("/products/_search")).isEqualTo("search");
        assertThat(ProductIndex.operation("/products/_doc/42?_source_includes=version,deleted")).isEqualTo("doc");
        assertThat(ProductIndex.operation("/_cat/indices/products-v*?format=json")).isEqualTo("cat");
        assertThat(ProductIndex.operation("/products-v2")).isEqualTo("index");
    }
}
