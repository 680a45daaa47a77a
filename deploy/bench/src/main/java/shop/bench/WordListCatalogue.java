package shop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The realistic search catalogue (issue 23): names and descriptions of real English words, from
 * Debian's wamerican list, with the frequencies of real text. {@value #VOCABULARY} words, sampled
 * from the list with a fixed seed, are ranked at random; the word of rank {@code r} is drawn with
 * weight {@code 1/r^}{@value #ZIPF_EXPONENT} (Zipf's law, as words in real text are), so a few
 * words are everywhere and most are rare, and a fuzzy query expands over a term dictionary of
 * realistic size. Product {@code i}: a name of 2–5 words, a description of 40–120 words in
 * sentences, one of {@value #BRAND_COUNT} brands (words of the list not in the vocabulary), a price
 * as skewed as the simple catalogue's, 1–2 of {@value #CATEGORY_COUNT} categories. The words of the
 * simple catalogue and of the harness's probe products are left out, so each catalogue's queries
 * find its own products only, though both live in one index.
 */
final class WordListCatalogue implements Catalogue {

    static final Path WORD_LIST = Path.of("/usr/share/dict/american-english");
    /** What installs the list (Debian's wamerican, through the local stack's apt_install). */
    static final String INSTALL = "deploy/bench/word-list";
    static final String TAG = "bench-search-real";
    static final int VOCABULARY = 30_000;
    static final double ZIPF_EXPONENT = 1.05;
    static final int BRAND_COUNT = 200;
    static final int CATEGORY_COUNT = 30;
    static final int MIN_NAME_WORDS = 2;
    static final int MAX_NAME_WORDS = 5;
    static final int MIN_DESCRIPTION_WORDS = 40;
    static final int MAX_DESCRIPTION_WORDS = 120;
    /** One query in this many carries a typo: 12.5 %, within the 10–15 % that studies of search logs find misspelled. */
    static final int MISSPELLED_ONE_IN = 8;
    /** The share of misspelled queries with a second typo, in another word. */
    static final double SECOND_TYPO = 0.2;
    /** Words per query: 1 to 4, as short as people type them (the shares of web search logs, roughly). */
    private static final double[] QUERY_WORDS = {0.30, 0.35, 0.20, 0.15};
    private static final long SAMPLE_SEED = 23; // issue 23: the sample and its ranking never change
    private static final Pattern WORD = Pattern.compile("[a-z]{3,14}");

    /** Categories of a general store, none of them the simple catalogue's, so a tag browse stays in its catalogue. */
    static final List<String> CATEGORIES = List.of("apparel", "footwear", "jewelry", "watches", "books", "music",
            "movies", "toys", "games", "baby", "beauty", "health", "grocery", "pets", "automotive", "tools",
            "hardware", "lighting", "bedding", "bath", "furniture", "decor", "appliances", "cameras", "phones",
            "software", "crafts", "sports", "travel", "stationery");

    private static WordListCatalogue installed;

    private final List<String> words;
    private final Set<String> vocabulary;
    private final double[] cumulative;
    private final List<String> brands;
    private final int eligible;
    private final String fingerprint;

    private WordListCatalogue(List<String> words, List<String> brands, int eligible) {
        this.words = List.copyOf(words);
        this.vocabulary = Set.copyOf(words);
        this.brands = List.copyOf(brands);
        this.eligible = eligible;
        // cumulative Zipf weights, so a draw is one binary search
        this.cumulative = new double[words.size()];
        double sum = 0;
        for (int r = 0; r < cumulative.length; r++) {
            sum += Math.pow(r + 1, -ZIPF_EXPONENT);
            cumulative[r] = sum;
        }
        for (int r = 0; r < cumulative.length; r++) {
            cumulative[r] /= sum;
        }
        this.fingerprint = sha256(String.join("\n", words) + "\n" + String.join("\n", brands)).substring(0, 12);
    }

    /** The catalogue from /usr/share/dict/american-english, read once; when it is missing, an error naming the installer. */
    static synchronized WordListCatalogue installed() {
        if (installed == null) {
            if (!Files.isRegularFile(WORD_LIST)) {
                throw new IllegalStateException(WORD_LIST + " is missing: the realistic catalogue is built from Debian's"
                        + " wamerican word list; install it with " + INSTALL
                        + " (as root; or apt-get install -y wamerican)");
            }
            try {
                installed = of(Files.readAllLines(WORD_LIST, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + WORD_LIST, e);
            }
        }
        return installed;
    }

    /**
     * From the lines of a word list: lower-case words of 3–14 letters (no names, no apostrophes,
     * no accents), shuffled with a fixed seed; the first {@value #VOCABULARY} are the vocabulary in
     * rank order, the next {@value #BRAND_COUNT} of 4–10 letters, capitalised, the brands.
     */
    static WordListCatalogue of(List<String> lines) {
        Set<String> reserved = reservedWords();
        TreeSet<String> sorted = new TreeSet<>(); // sorted and distinct: the sample does not depend on the file's order
        for (String line : lines) {
            String word = line.strip();
            if (WORD.matcher(word).matches() && !reserved.contains(word)) {
                sorted.add(word);
            }
        }
        List<String> shuffled = new ArrayList<>(sorted);
        Collections.shuffle(shuffled, new Random(SAMPLE_SEED)); // java.util.Random: the same sequence on every JDK
        if (shuffled.size() < VOCABULARY + 4 * BRAND_COUNT) {
            throw new IllegalStateException("the word list has " + shuffled.size() + " usable words; the realistic"
                    + " catalogue needs " + (VOCABULARY + 4 * BRAND_COUNT) + " (is it Debian's wamerican?)");
        }
        List<String> brands = new ArrayList<>();
        for (int w = VOCABULARY; brands.size() < BRAND_COUNT; w++) {
            String word = shuffled.get(w);
            if (word.length() >= 4 && word.length() <= 10) {
                brands.add(capitalised(word));
            }
        }
        return new WordListCatalogue(shuffled.subList(0, VOCABULARY), brands, sorted.size());
    }

    /** The simple catalogue's words and those of the harness's own products (tags, probes): never in this one. */
    private static Set<String> reservedWords() {
        Set<String> reserved = new TreeSet<>(List.of("bench", "search", "real", "lag", "probe", "order", "side",
                "benchmark", "write", "searchable", "bought", "workload", "model", "from", "two", "year", "warranty"));
        SearchProducts.BRANDS.forEach(b -> reserved.add(b.toLowerCase(Locale.ROOT)));
        SearchProducts.ADJECTIVES.forEach(a -> reserved.add(a.toLowerCase(Locale.ROOT)));
        for (SearchProducts.Category category : SearchProducts.CATEGORIES) {
            reserved.add(category.tag());
            category.nouns().forEach(n -> reserved.add(n.toLowerCase(Locale.ROOT)));
        }
        return reserved;
    }

    @Override
    public String name() {
        return "realistic";
    }

    @Override
    public String tag() {
        return TAG;
    }

    @Override
    public String sku(int i) {
        return TAG + "-" + i;
    }

    /** The words in rank order: {@code words().get(0)} is the most frequent. */
    List<String> words() {
        return words;
    }

    boolean knows(String word) {
        return vocabulary.contains(word);
    }

    List<String> brands() {
        return brands;
    }

    /** A word drawn with Zipf's weights. */
    String word(SplittableRandom random) {
        int rank = Arrays.binarySearch(cumulative, random.nextDouble());
        rank = rank < 0 ? -rank - 1 : rank;
        return words.get(Math.min(rank, words.size() - 1));
    }

    /**
     * Product {@code i}'s words, lower case, as drawn, and the rest of it: what {@link #product}
     * renders and what {@link #query} picks words from (without parsing the rendered text again).
     */
    private record Draft(List<String> name, String[] description, SplittableRandom random) {
    }

    private Draft draft(int i) {
        SplittableRandom random = new SplittableRandom(i);
        int nameWords = MIN_NAME_WORDS + random.nextInt(MAX_NAME_WORDS - MIN_NAME_WORDS + 1);
        Set<String> name = new LinkedHashSet<>();
        for (int tries = 0; name.size() < nameWords && tries < 4 * nameWords; tries++) {
            name.add(word(random));
        }
        String[] description = new String[MIN_DESCRIPTION_WORDS
                + random.nextInt(MAX_DESCRIPTION_WORDS - MIN_DESCRIPTION_WORDS + 1)];
        for (int w = 0; w < description.length; w++) {
            description[w] = word(random);
        }
        return new Draft(List.copyOf(name), description, random);
    }

    @Override
    public Product product(int i) {
        Draft draft = draft(i);
        SplittableRandom random = draft.random(); // goes on where the words ended
        StringBuilder name = new StringBuilder();
        draft.name().forEach(w -> name.append(name.isEmpty() ? "" : " ").append(capitalised(w)));
        // sentences of 6 to 14 words, as product copy is written (and highlighted: fragments end at them)
        StringBuilder description = new StringBuilder();
        int sentence = 6 + random.nextInt(9);
        for (int w = 0, inSentence = 0; w < draft.description().length; w++) {
            String word = draft.description()[w];
            description.append(w == 0 ? "" : " ").append(inSentence == 0 ? capitalised(word) : word);
            if (++inSentence == sentence || w == draft.description().length - 1) {
                description.append('.');
                inSentence = 0;
                sentence = 6 + random.nextInt(9);
            }
        }
        String brand = brands.get(random.nextInt(brands.size()));
        double u = random.nextDouble(); // 5.00 to 799.99, skewed to the cheap end, as the simple catalogue's
        BigDecimal price = BigDecimal.valueOf(5 + 795 * u * u).setScale(2, RoundingMode.HALF_UP);
        List<String> tags = new ArrayList<>(List.of(TAG, CATEGORIES.get(random.nextInt(CATEGORIES.size()))));
        if (random.nextInt(3) == 0) {
            String second = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
            if (!tags.contains(second)) {
                tags.add(second);
            }
        }
        return new Product(sku(i), name.toString(), description.toString(), brand, price, List.copyOf(tags));
    }

    /**
     * Query {@code i}: of every 8, three exact (1–4 words of a product), one misspelled (the same
     * with one typo, sometimes two), two filtered (a word of a product's name, its brand and its
     * price band, as a click on the facets would), two a category browse by price. The words come
     * from product {@code p}'s name and description, each occurrence as likely as any, so they
     * follow the catalogue's Zipf frequencies and every query finds at least product {@code p}.
     */
    @Override
    public SearchMix query(long i, int products) {
        SplittableRandom random = new SplittableRandom(i);
        int p = random.nextInt(products);
        return switch ((int) (i % MISSPELLED_ONE_IN)) {
            case 3 -> new SearchMix("misspelled", String.join(" ", misspelled(tokens(draft(p)), random)), null, null,
                    null, null, "relevance", 0);
            case 4, 5 -> {
                Product product = product(p);
                List<String> name = draft(p).name();
                BigDecimal[] band = priceBand(product.price());
                yield new SearchMix("filtered", name.get(random.nextInt(name.size())), product.brand(), null, band[0],
                        band[1], "relevance", 0);
            }
            case 6, 7 -> {
                List<String> tags = product(p).tags();
                yield new SearchMix("faceted", null, null, tags.get(1 + random.nextInt(tags.size() - 1)), null, null,
                        "price_asc", random.nextInt(5));
            }
            default -> new SearchMix("exact", String.join(" ", queryWords(tokens(draft(p)), random)), null, null, null,
                    null, "relevance", 0);
        };
    }

    /** The product's words, name first, each occurrence once: frequent words come up more, as Zipf has it. */
    private static List<String> tokens(Draft draft) {
        List<String> tokens = new ArrayList<>(draft.name().size() + draft.description().length);
        tokens.addAll(draft.name());
        tokens.addAll(Arrays.asList(draft.description()));
        return tokens;
    }

    private static List<String> queryWords(List<String> tokens, SplittableRandom random) {
        double u = random.nextDouble();
        int count = 1;
        double share = QUERY_WORDS[0];
        while (u >= share && count < QUERY_WORDS.length) {
            share += QUERY_WORDS[count++];
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (int tries = 0; chosen.size() < count && tries < 8 * count; tries++) {
            chosen.add(tokens.get(random.nextInt(tokens.size())));
        }
        return new ArrayList<>(chosen);
    }

    /** Query words with a typo in one word of at least {@value Typo#MIN_LENGTH} letters (in two, now and then). */
    private List<String> misspelled(List<String> tokens, SplittableRandom random) {
        List<String> query = queryWords(tokens, random);
        for (int tries = 0; query.stream().noneMatch(WordListCatalogue::typeable) && tries < 20; tries++) {
            query = queryWords(tokens, random);
        }
        if (query.stream().noneMatch(WordListCatalogue::typeable)) {
            // every product holds words that long; a query of short words gets one of them
            query.set(0, tokens.stream().filter(WordListCatalogue::typeable).findFirst().orElseThrow());
        }
        List<Integer> candidates = new ArrayList<>();
        for (int w = 0; w < query.size(); w++) {
            if (typeable(query.get(w))) {
                candidates.add(w);
            }
        }
        int typos = candidates.size() > 1 && random.nextDouble() < SECOND_TYPO ? 2 : 1;
        for (int t = 0; t < typos; t++) {
            int w = candidates.remove(random.nextInt(candidates.size()));
            query.set(w, typoIn(query.get(w), random));
        }
        return query;
    }

    /** A typo that makes no other word of the catalogue: a misspelled query must need the fuzzy match. */
    private String typoIn(String word, SplittableRandom random) {
        String typed = Typo.in(word, random);
        for (int tries = 0; vocabulary.contains(typed) && tries < 50; tries++) {
            typed = Typo.in(word, random);
        }
        return typed;
    }

    private static boolean typeable(String word) {
        return word.length() >= Typo.MIN_LENGTH;
    }

    /** The price facet's bucket the product is in (below 50, 50–200, 200 and above), as both designs count them. */
    private static BigDecimal[] priceBand(BigDecimal price) {
        if (price.compareTo(BigDecimal.valueOf(50)) < 0) {
            return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.valueOf(50)};
        }
        if (price.compareTo(BigDecimal.valueOf(200)) < 0) {
            return new BigDecimal[] {BigDecimal.valueOf(50), BigDecimal.valueOf(200)};
        }
        return new BigDecimal[] {BigDecimal.valueOf(200), BigDecimal.valueOf(1000)};
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "realistic: %,d words sampled from %s (%,d usable; sample %s), Zipf s = %.2f,"
                + " names of %d-%d words, descriptions of %d-%d, %d brands, %d categories; 1 query in %d misspelled",
                words.size(), WORD_LIST, eligible, fingerprint, ZIPF_EXPONENT, MIN_NAME_WORDS, MAX_NAME_WORDS,
                MIN_DESCRIPTION_WORDS, MAX_DESCRIPTION_WORDS, brands.size(), CATEGORIES.size(), MISSPELLED_ONE_IN);
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
