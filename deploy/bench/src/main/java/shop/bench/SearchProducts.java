package shop.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The search benchmark's simple catalogue ({@link SimpleCatalogue}): product {@code i} of N is
 * always the same (SKU {@code bench-search-<i>}, a brand, a category with its nouns and tags, an
 * adjective, a price), so seeding is resumable and the query mix can ask for what is there.
 */
final class SearchProducts {

    /** Every seeded product carries this tag: counting it tells how many are indexed. */
    static final String TAG = "bench-search";

    record Category(String tag, List<String> nouns) {
    }

    static final List<String> BRANDS = List.of("Acme", "Northwind", "Contoso", "Globex", "Initech", "Umbrella",
            "Stark", "Wayne", "Tyrell", "Cyberdyne", "Soylent", "Hooli", "Vandelay", "Wonka", "Oscorp", "Aperture",
            "Massive", "Gringotts", "Monarch", "Duff");
    static final List<String> ADJECTIVES = List.of("Wireless", "Compact", "Portable", "Premium", "Ergonomic",
            "Waterproof", "Lightweight", "Professional", "Classic", "Smart", "Foldable", "Rechargeable");
    static final List<Category> CATEGORIES = List.of(
            new Category("audio", List.of("Headphones", "Speaker", "Earbuds", "Soundbar")),
            new Category("computer", List.of("Keyboard", "Mouse", "Monitor", "Webcam")),
            new Category("kitchen", List.of("Kettle", "Blender", "Toaster", "Grinder")),
            new Category("outdoor", List.of("Tent", "Backpack", "Lantern", "Compass")),
            new Category("home", List.of("Lamp", "Chair", "Shelf", "Clock")),
            new Category("fitness", List.of("Dumbbell", "Treadmill", "Mat", "Bottle")),
            new Category("garden", List.of("Hose", "Shears", "Planter", "Sprinkler")),
            new Category("office", List.of("Stapler", "Notebook", "Organizer", "Whiteboard")));
    /** Misspellings a user types, for the words above: what fuzziness must forgive. */
    static final List<String> MISSPELLED = List.of("wirelss hedphones", "compct speakr", "portabel keybord",
            "ergonomc chiar", "waterprof backpak", "lightweigth tnet", "rechargable lanturn", "smrat clcok",
            "premum blendr", "foldabel mointor");

    private SearchProducts() {
    }

    static String sku(int i) {
        return TAG + "-" + i;
    }

    static String brand(int i) {
        return BRANDS.get(i % BRANDS.size());
    }

    static Category category(int i) {
        return CATEGORIES.get((i / BRANDS.size()) % CATEGORIES.size());
    }

    static String adjective(int i) {
        return ADJECTIVES.get(new SplittableRandom(i * 7919L).nextInt(ADJECTIVES.size()));
    }

    static String noun(int i) {
        List<String> nouns = category(i).nouns();
        return nouns.get(new SplittableRandom(i * 104_729L).nextInt(nouns.size()));
    }

    /** 5.00 to 799.99, skewed towards the cheap end as real catalogues are. */
    static BigDecimal price(int i) {
        double u = new SplittableRandom(i * 1_299_709L).nextDouble();
        return BigDecimal.valueOf(5 + 795 * u * u).setScale(2, RoundingMode.HALF_UP);
    }

    static String name(int i) {
        return String.format(Locale.ROOT, "%s %s %s %s-%d", brand(i), adjective(i), noun(i),
                brand(i).substring(0, 2).toUpperCase(Locale.ROOT), 100 + i % 900);
    }

    static String description(int i) {
        return String.format(Locale.ROOT, "A %s %s from %s, model %d. Two-year warranty.",
                adjective(i).toLowerCase(Locale.ROOT), noun(i).toLowerCase(Locale.ROOT), brand(i), i);
    }

    /** The body this catalogue has always sent to catalog-service (SimpleCatalogue's product is the same JSON). */
    static String json(int i) {
        String name = name(i);
        String description = description(i);
        return "{\"sku\":\"" + sku(i) + "\",\"name\":\"" + name + "\",\"description\":\"" + description
                + "\",\"brand\":\"" + brand(i) + "\",\"price\":" + price(i) + ",\"tags\":[\"" + TAG + "\",\""
                + category(i).tag() + "\"],\"stock\":100}";
    }
}
