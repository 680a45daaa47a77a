package shop.bench;

import java.math.BigDecimal;
import java.util.List;

/**
 * One product of a search {@link Catalogue}: what the polyglot side sends to catalog-service
 * ({@link #json()}, the shape of {@code POST /api/products}) and what {@link BaselineSeeder} writes
 * into {@code baseline.products}, from the same record, so both designs hold the same product.
 */
record Product(String sku, String name, String description, String brand, BigDecimal price, List<String> tags) {

    static final int STOCK = 100;

    /**
     * The body of {@code POST /api/products}. Field order and layout as the simple catalogue has
     * always sent them; every text is letters, digits, spaces and {@code .,-}, so only quotes and
     * backslashes could need escaping, and never do.
     */
    String json() {
        StringBuilder tagList = new StringBuilder();
        for (String tag : tags) {
            tagList.append(tagList.isEmpty() ? "" : ",").append('"').append(escaped(tag)).append('"');
        }
        return "{\"sku\":\"" + escaped(sku) + "\",\"name\":\"" + escaped(name) + "\",\"description\":\""
                + escaped(description) + "\",\"brand\":\"" + escaped(brand) + "\",\"price\":" + price + ",\"tags\":["
                + tagList + "],\"stock\":" + STOCK + "}";
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
