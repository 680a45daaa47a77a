package shop.search.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A product as the index holds it: the fields of catalog-service's product (an event's
 * {@code data}, or an item of {@code GET /api/products}) that search reads, and the version.
 * Copied field by field: the mapping is strict, and a field catalog adds later must not stop
 * the projection.
 */
public final class ProductDocument {

    private static final String[] TEXT_FIELDS = {"id", "sku", "name", "description", "brand", "currency",
            "createdAt", "updatedAt"};

    private ProductDocument() {
    }

    /** The document of a live product at {@code version}. */
    public static ObjectNode of(JsonNode product, long version) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        for (String field : TEXT_FIELDS) {
            JsonNode value = product.get(field);
            if (value != null && !value.isNull()) {
                doc.set(field, value);
            }
        }
        doc.set("price", product.get("price"));
        if (product.hasNonNull("stock")) {
            doc.set("stock", product.get("stock"));
        }
        if (product.has("tags") && product.get("tags").isArray()) {
            doc.set("tags", product.get("tags"));
        }
        doc.put("version", version);
        return doc;
    }

    /**
     * What stays of a deleted product: its id and the version of the delete. Kept (not removed)
     * so that a late or redelivered older event meets a higher version and is refused, which a
     * removed document's short-lived Elasticsearch tombstone (index.gc_deletes, 60 s) would not
     * guarantee.
     */
    public static ObjectNode tombstone(String id, long version) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("id", id);
        doc.put("version", version);
        doc.put("deleted", true);
        return doc;
    }
}
