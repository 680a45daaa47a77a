package shop.faults.view;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import shop.faults.http.Json;
import shop.faults.stack.Stack;

/**
 * The product index as Elasticsearch holds it, read straight from Elasticsearch through the
 * search-service's alias (scrolled, every document): what the projection wrote, with
 * Elasticsearch's own {@code _version} of each document.
 */
public final class SearchIndex {

    /** One document: the product version it holds, Elasticsearch's _version, and whether it is a tombstone. */
    public record Document(long version, long esVersion, boolean deleted) {
    }

    private SearchIndex() {
    }

    public static Map<String, Document> documents() {
        String es = Stack.http("STACK_ES_PORT");
        String alias = System.getProperty("faults.search-alias", "products");
        Map<String, Document> documents = new TreeMap<>();
        JsonNode page = Json.post(es + "/" + alias + "/_search?scroll=1m", Map.of(), Map.of("size", 1000, "version", true,
                "_source", java.util.List.of("version", "deleted"), "query", Map.of("match_all", Map.of())), 200);
        try {
            while (page.path("hits").path("hits").size() > 0) {
                for (JsonNode hit : page.path("hits").path("hits")) {
                    documents.put(hit.path("_id").asText(), new Document(hit.path("_source").path("version").asLong(),
                            hit.path("_version").asLong(), hit.path("_source").path("deleted").asBoolean()));
                }
                page = Json.post(es + "/_search/scroll", Map.of(), Map.of("scroll", "1m", "scroll_id",
                        page.path("_scroll_id").asText()), 200);
            }
        } finally {
            Json.exchange("DELETE", es + "/_search/scroll", Map.of(), Map.of("scroll_id", page.path("_scroll_id").asText()));
        }
        return documents;
    }

    /**
     * The products whose live document does not hold PostgreSQL's version (missing, older, a
     * tombstone), as {@code id: postgres vN, index vM}.
     */
    public static Map<String, String> behind(Map<String, Long> postgresVersions) {
        Map<String, Document> indexed = documents();
        Map<String, String> behind = new TreeMap<>();
        postgresVersions.forEach((id, version) -> {
            Document doc = indexed.get(id);
            if (doc == null || doc.deleted() || doc.version() != version) {
                behind.put(id, "postgres v" + version + ", index " + (doc == null ? "none"
                        : (doc.deleted() ? "tombstone " : "") + "v" + doc.version()));
            }
        });
        return behind;
    }
}
