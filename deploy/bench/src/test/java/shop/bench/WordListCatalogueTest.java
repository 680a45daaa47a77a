package shop.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realistic catalogue, built from the real word list: never skipped when the list is missing.
 * The list is then installed by the project's own installer (deploy/bench/word-list, Debian's
 * wamerican through the local stack's apt_install; root, as CI runs), or the test fails naming it.
 */
class WordListCatalogueTest {

    private static final int PRODUCTS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static WordListCatalogue catalogue;

    @BeforeAll
    static void wordListInstalled() throws Exception {
        if (!Files.isRegularFile(WordListCatalogue.WORD_LIST)) {
            // surefire runs in deploy/bench; from the repository root the script is under deploy/bench
            Path installer = Files.exists(Path.of("word-list")) ? Path.of("word-list") : Path.of(WordListCatalogue.INSTALL);
            if (Files.isExecutable(installer)) {
                // absolute: a bare "word-list" would be looked up on the PATH, not here
                Process install = new ProcessBuilder(installer.toAbsolutePath().toString()).inheritIO().start();
                if (!install.waitFor(10, TimeUnit.MINUTES)) {
                    install.destroyForcibly();
                }
            }
        }
        assertTrue(Files.isRegularFile(WordListCatalogue.WORD_LIST), WordListCatalogue.WORD_LIST + " is missing and"
                + " could not be installed: run " + WordListCatalogue.INSTALL + " as root (it installs Debian's"
                + " wamerican through deploy/local/lib/common.sh's apt_install), or apt-get install -y wamerican");
        catalogue = WordListCatalogue.installed();
    }

    @Test
    void theFirstProductsUseAtLeast20000DistinctWordsAnd200BrandsWithinTheBounds() {
        Set<String> words = new HashSet<>();
        Set<String> brands = new HashSet<>();
        Set<String> categories = new HashSet<>();
        int shortest = Integer.MAX_VALUE;
        int longest = 0;
        long described = 0;
        for (int i = 0; i < PRODUCTS; i++) {
            Product product = catalogue.product(i);
            assertEquals("bench-search-real-" + i, product.sku());
            List<String> name = List.of(product.name().split(" "));
            assertTrue(name.size() >= 2 && name.size() <= 5, product.name());
            name.forEach(w -> assertTrue(Character.isUpperCase(w.charAt(0)), product.name()));
            List<String> description = words(product.description());
            assertTrue(description.size() >= 40 && description.size() <= 120,
                    description.size() + " words: " + product.description());
            shortest = Math.min(shortest, description.size());
            longest = Math.max(longest, description.size());
            described += description.size();
            words.addAll(description);
            words.addAll(words(product.name()));
            brands.add(product.brand());
            assertEquals(WordListCatalogue.TAG, product.tags().get(0));
            assertTrue(product.tags().size() == 2 || product.tags().size() == 3, product.tags().toString());
            product.tags().subList(1, product.tags().size())
                    .forEach(c -> assertTrue(WordListCatalogue.CATEGORIES.contains(c), c));
            categories.addAll(product.tags().subList(1, product.tags().size()));
            assertTrue(product.price().compareTo(new BigDecimal("5.00")) >= 0
                    && product.price().compareTo(new BigDecimal("800.00")) < 0, product.price().toString());
        }
        System.out.printf("realistic catalogue, first %,d products: %,d distinct words, %d brands, %d categories,"
                + " descriptions %d-%d words (mean %.1f)%n", PRODUCTS, words.size(), brands.size(), categories.size(),
                shortest, longest, (double) described / PRODUCTS);
        assertTrue(words.size() >= 20_000, words.size() + " distinct words");
        assertEquals(200, brands.size());
        assertEquals(200, catalogue.brands().size());
        assertEquals(WordListCatalogue.BRAND_COUNT, new HashSet<>(catalogue.brands()).size());
        catalogue.brands().forEach(b -> assertTrue(b.matches("[A-Z][a-z]{3,9}"), b));
        assertEquals(WordListCatalogue.CATEGORY_COUNT, WordListCatalogue.CATEGORIES.size());
        assertEquals(WordListCatalogue.CATEGORY_COUNT, categories.size());
        assertTrue(catalogue.words().size() >= 20_000);
    }

    @Test
    void productIIsTheSameEveryTimeAndFromEveryCopyOfTheList() throws Exception {
        WordListCatalogue again = WordListCatalogue.of(Files.readAllLines(WordListCatalogue.WORD_LIST,
                StandardCharsets.UTF_8));
        for (int i : new int[] {0, 1, 17, 4_999, 49_999}) {
            assertEquals(catalogue.product(i), catalogue.product(i));
            assertEquals(catalogue.product(i), again.product(i));
            assertEquals(catalogue.query(i, 50_000), again.query(i, 50_000));
        }
        assertNotEquals(catalogue.product(1), catalogue.product(2));
    }

    @Test
    void wordsFollowZipfsLaw() {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < PRODUCTS; i++) {
            Product product = catalogue.product(i);
            for (String word : words(product.name() + " " + product.description())) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        double top = counts.get(catalogue.words().get(0));
        for (int rank : new int[] {10, 100, 1_000}) {
            double expected = Math.pow(rank, WordListCatalogue.ZIPF_EXPONENT);
            double seen = top / counts.getOrDefault(catalogue.words().get(rank - 1), 1);
            System.out.printf("rank 1 / rank %,d: %.0f times as frequent (1/r^%.2f: %.0f)%n", rank, seen,
                    WordListCatalogue.ZIPF_EXPONENT, expected);
            assertTrue(seen > expected / 2 && seen < expected * 2, "rank " + rank + ": " + seen + " vs " + expected);
        }
        // and by the counts themselves, whatever the ranking: the most frequent word against the 1,000th
        List<Integer> sorted = new ArrayList<>(counts.values());
        sorted.sort((a, b) -> b - a);
        assertTrue(sorted.get(0) > 500.0 * sorted.get(999), sorted.get(0) + " vs " + sorted.get(999));
    }

    @Test
    void theMixMisspellsOneQueryInEightWithOneEditAfterTheFirstLetter() {
        int queries = 40_000;
        Map<String, Integer> kinds = new HashMap<>();
        int words = 0;
        int texts = 0;
        for (long i = 0; i < queries; i++) {
            SearchMix q = catalogue.query(i, 50_000);
            kinds.merge(q.kind(), 1, Integer::sum);
            switch (q.kind()) {
                case "exact" -> {
                    List<String> typed = List.of(q.text().split(" "));
                    assertTrue(typed.size() >= 1 && typed.size() <= 4, q.text());
                    typed.forEach(w -> assertTrue(catalogue.knows(w), w + " in " + q.text()));
                    words += typed.size();
                    texts++;
                }
                case "misspelled" -> {
                    List<String> typed = List.of(q.text().split(" "));
                    assertTrue(typed.size() >= 1 && typed.size() <= 4, q.text());
                    List<String> unknown = typed.stream().filter(w -> !catalogue.knows(w)).toList();
                    assertFalse(unknown.isEmpty(), "no typo in " + q.text());
                    assertTrue(unknown.size() <= 2, q.text());
                    unknown.forEach(w -> assertTrue(oneEditAfterTheFirstLetterFromACatalogueWord(w),
                            w + " (in " + q.text() + ") is not one edit from a catalogue word"));
                    words += typed.size();
                    texts++;
                }
                case "filtered" -> {
                    assertTrue(catalogue.knows(q.text()), q.text());
                    assertTrue(catalogue.brands().contains(q.brand()), q.brand());
                    assertTrue(q.minPrice().compareTo(q.maxPrice()) < 0);
                }
                case "faceted" -> {
                    assertTrue(WordListCatalogue.CATEGORIES.contains(q.tag()), q.tag());
                    assertEquals("price_asc", q.sort());
                }
                default -> throw new AssertionError("kind " + q.kind());
            }
        }
        double misspelled = kinds.get("misspelled") / (double) queries;
        System.out.printf("realistic mix, %,d queries: %s; misspelled %.1f %%, %.2f words per text query%n", queries,
                kinds, 100 * misspelled, (double) words / texts);
        assertTrue(misspelled >= 0.10 && misspelled <= 0.15, "typo rate " + misspelled);
        // the other kinds in the simple mix's proportions: a quarter each of filtered and faceted
        assertEquals(0.25, kinds.get("filtered") / (double) queries, 0.01);
        assertEquals(0.25, kinds.get("faceted") / (double) queries, 0.01);
    }

    @Test
    void aQueryOnlyAsksForWordsOfTheProductsSeeded() {
        int products = 50;
        Set<String> seeded = new HashSet<>();
        Set<String> brands = new HashSet<>();
        for (int i = 0; i < products; i++) {
            seeded.addAll(words(catalogue.product(i).name() + " " + catalogue.product(i).description()));
            brands.add(catalogue.product(i).brand());
        }
        for (long i = 0; i < 2_000; i++) {
            SearchMix q = catalogue.query(i, products);
            if (q.kind().equals("exact") || q.kind().equals("filtered")) {
                List.of(q.text().split(" ")).forEach(w -> assertTrue(seeded.contains(w), w + " is in no seeded product"));
            }
            if (q.brand() != null) {
                assertTrue(brands.contains(q.brand()), q.brand());
            }
        }
    }

    @Test
    void aTypoIsOneEditAndNeverInTheFirstLetter() {
        SplittableRandom random = new SplittableRandom(23);
        for (int n = 0; n < 20_000; n++) {
            String word = catalogue.words().get(n % catalogue.words().size());
            if (word.length() < Typo.MIN_LENGTH) {
                continue;
            }
            String typed = Typo.in(word, random);
            assertEquals(word.charAt(0), typed.charAt(0), word + " -> " + typed);
            assertEquals(1, editDistance(word, typed), word + " -> " + typed);
        }
        Map<Typo.Kind, Integer> lengthChange = Map.of(Typo.Kind.DELETION, -1, Typo.Kind.INSERTION, 1,
                Typo.Kind.SUBSTITUTION, 0, Typo.Kind.TRANSPOSITION, 0);
        for (Typo.Kind kind : Typo.Kind.values()) {
            for (int seed = 0; seed < 200; seed++) {
                String typed = Typo.in("keyboard", kind, new SplittableRandom(seed));
                assertEquals(1, editDistance("keyboard", typed), kind + ": " + typed);
                assertEquals('k', typed.charAt(0), kind + ": " + typed);
                assertEquals(8 + lengthChange.get(kind), typed.length(), kind + ": " + typed);
            }
        }
        // letters all alike after the first: nothing to swap, so another kind of typo, still one edit
        assertEquals(1, editDistance("mssss", Typo.in("mssss", Typo.Kind.TRANSPOSITION, new SplittableRandom(1))));
    }

    @Test
    void theJsonForCatalogServiceIsTheProductTheBaselineWrites() throws Exception {
        Product product = catalogue.product(123);
        JsonNode json = JSON.readTree(product.json());
        assertEquals(product.sku(), json.path("sku").asText());
        assertEquals(product.name(), json.path("name").asText());
        assertEquals(product.description(), json.path("description").asText());
        assertEquals(product.brand(), json.path("brand").asText());
        assertEquals(0, product.price().compareTo(json.path("price").decimalValue()));
        assertEquals(product.tags().size(), json.path("tags").size());
        assertEquals(Product.STOCK, json.path("stock").asInt());
        assertTrue(product.name().length() <= 200 && product.description().length() <= 10_000,
                "within catalog-service's limits");
        assertEquals(BaselineSeeder.productId(catalogue, 123),
                UUID.nameUUIDFromBytes(product.sku().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyKindOfTheMixIsAValidRequestForBothDesigns() throws Exception {
        for (long i = 0; i < 64; i++) {
            SearchMix q = catalogue.query(i, 50_000);
            JsonNode request = JSON.readTree(SearchStoreScenario.request(q, true));
            assertEquals(q.text() != null, request.path("query").path("bool").path("must").path(0).path("match")
                    .has("spelling"), q.kind());
            JSON.readTree(Polyglot.elasticQuery(q));
            assertTrue(q.queryString().matches("[A-Za-z0-9=&_+.]+"), q.queryString());
        }
    }

    @Test
    void theCatalogueIsChosenOnTheCommandLineSimpleByDefault() {
        assertEquals("simple", Args.parse("search").catalogue());
        assertEquals("realistic", Args.parse("search", "--catalogue", "realistic").catalogue());
        assertEquals("realistic", Args.parse("search-store", "--catalogue=realistic").catalogue());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> Args.parse("search", "--catalogue", "huge"));
        assertTrue(wrong.getMessage().contains("--catalogue"), wrong.getMessage());
        assertEquals("realistic", Catalogue.named("realistic").name());
        assertEquals(SimpleCatalogue.INSTANCE, Catalogue.named("simple"));
    }

    /** Whether undoing one edit after the first letter (insert, delete, substitute, swap) gives a catalogue word. */
    private static boolean oneEditAfterTheFirstLetterFromACatalogueWord(String typed) {
        for (String candidate : oneEditAway(typed)) {
            if (catalogue.knows(candidate)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> oneEditAway(String w) {
        Set<String> out = new HashSet<>();
        for (int at = 1; at <= w.length(); at++) {
            if (at < w.length()) {
                out.add(w.substring(0, at) + w.substring(at + 1));
            }
            if (at + 1 < w.length()) {
                out.add(w.substring(0, at) + w.charAt(at + 1) + w.charAt(at) + w.substring(at + 2));
            }
            for (char c = 'a'; c <= 'z'; c++) {
                out.add(w.substring(0, at) + c + w.substring(at));
                if (at < w.length()) {
                    out.add(w.substring(0, at) + c + w.substring(at + 1));
                }
            }
        }
        return out;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}
