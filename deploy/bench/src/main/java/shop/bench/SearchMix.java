package shop.bench;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The product search mix both designs answer: exact words, misspelled words, words with a brand
 * and price filter, and a tag browse sorted by price; every answer carries the brand and price
 * facets. Request {@code i} is always the same query, so both designs see the same mix. Each
 * {@link Catalogue} has its own mix (the kinds are the same, and so are their labels).
 */
record SearchMix(String kind, String text, String brand, String tag, BigDecimal minPrice, BigDecimal maxPrice,
        String sort, int page) {

    static final int PAGE_SIZE = 20;

    /** Query {@code i} of {@code catalogue}'s mix over its first {@code products} products. */
    static SearchMix of(long i, int products, Catalogue catalogue) {
        return catalogue.query(i, products);
    }

    /** The simple catalogue's mix, unchanged since the first runs: a quarter each of the four kinds. */
    static SearchMix of(long i, int products) {
        SplittableRandom random = new SplittableRandom(i);
        int p = random.nextInt(products);
        return switch ((int) (i % 4)) {
            case 0 -> new SearchMix("exact", SearchProducts.adjective(p) + " " + SearchProducts.noun(p), null, null,
                    null, null, "relevance", 0);
            case 1 -> new SearchMix("misspelled",
                    SearchProducts.MISSPELLED.get(random.nextInt(SearchProducts.MISSPELLED.size())), null, null, null,
                    null, "relevance", 0);
            case 2 -> new SearchMix("filtered", SearchProducts.noun(p), SearchProducts.brand(p), null,
                    BigDecimal.valueOf(20), BigDecimal.valueOf(400), "relevance", 0);
            default -> new SearchMix("faceted", null, null, SearchProducts.category(p).tag(), null, null, "price_asc",
                    random.nextInt(5));
        };
    }

    /** The query string of {@code GET /api/search} (polyglot) and of the baseline front's {@code GET /search}. */
    String queryString() {
        StringBuilder query = new StringBuilder("size=" + PAGE_SIZE + "&page=" + page + "&sort=" + sort);
        if (text != null) {
            query.append("&q=").append(URLEncoder.encode(text, StandardCharsets.UTF_8));
        }
        if (brand != null) {
            query.append("&brand=").append(brand);
        }
        if (tag != null) {
            query.append("&tag=").append(tag);
        }
        if (minPrice != null) {
            query.append("&minPrice=").append(minPrice.toPlainString()).append("&maxPrice=")
                    .append(maxPrice.toPlainString());
        }
        return query.toString();
    }
}
