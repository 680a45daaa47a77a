package shop.bench;

import java.util.List;

/**
 * The products the search benchmarks seed and the queries they ask of them ({@code --catalogue}).
 * Product {@code i} and query {@code i} are derived from {@code i} alone, so seeding resumes by
 * SKU and both designs see the same products and the same queries. Each catalogue has its own SKU
 * prefix and {@link #tag()}, so both can live in one index (and in {@code baseline.products}) and
 * be counted apart.
 */
interface Catalogue {

    List<String> NAMES = List.of("simple", "realistic");

    /** {@code simple} or {@code realistic}: the value of {@code --catalogue}. */
    String name();

    /** Carried by every product of this catalogue: counting it tells how many are indexed. */
    String tag();

    /** Product {@code i}'s SKU, without building the product (ids derive from it). */
    String sku(int i);

    Product product(int i);

    /** Query {@code i} of the mix over the first {@code products} products; it only asks for what is there. */
    SearchMix query(long i, int products);

    /** One line for the reports: what the catalogue is. */
    String description();

    /** The catalogue {@code --catalogue name} names; the realistic one reads the word list (see WordListCatalogue). */
    static Catalogue named(String name) {
        return switch (name) {
            case "simple" -> SimpleCatalogue.INSTANCE;
            case "realistic" -> WordListCatalogue.installed();
            default -> throw new IllegalArgumentException("--catalogue must be one of " + NAMES + " (got " + name + ")");
        };
    }
}
