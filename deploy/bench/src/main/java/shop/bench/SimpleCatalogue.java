package shop.bench;

import java.util.List;

/**
 * The original search catalogue ({@link SearchProducts}, {@link SearchMix#of(long, int)}): about
 * 400 distinct words, 20 brands, 8 categories. Kept unchanged, product for product and query for
 * query, so its figures stay comparable with every earlier run.
 */
final class SimpleCatalogue implements Catalogue {

    static final SimpleCatalogue INSTANCE = new SimpleCatalogue();

    private SimpleCatalogue() {
    }

    @Override
    public String name() {
        return "simple";
    }

    @Override
    public String tag() {
        return SearchProducts.TAG;
    }

    @Override
    public String sku(int i) {
        return SearchProducts.sku(i);
    }

    @Override
    public Product product(int i) {
        return new Product(SearchProducts.sku(i), SearchProducts.name(i), SearchProducts.description(i),
                SearchProducts.brand(i), SearchProducts.price(i),
                List.of(SearchProducts.TAG, SearchProducts.category(i).tag()));
    }

    @Override
    public SearchMix query(long i, int products) {
        return SearchMix.of(i, products);
    }

    @Override
    public String description() {
        return String.format("simple: %d brands x %d adjectives x %d nouns (~400 distinct words), %d categories, "
                + "one-sentence descriptions; a quarter of the queries misspelled from a fixed list of %d",
                SearchProducts.BRANDS.size(), SearchProducts.ADJECTIVES.size(),
                SearchProducts.CATEGORIES.stream().mapToInt(c -> c.nouns().size()).sum(),
                SearchProducts.CATEGORIES.size(), SearchProducts.MISSPELLED.size());
    }
}
