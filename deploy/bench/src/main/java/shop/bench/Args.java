package shop.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line: {@code <scenario> [--rate N] [--duration S] [--users N] [--workers N]
 * [--warmup S] [--board NAME] [--reseed] [--service-port P] [--redis-port P] [--results DIR]}, and for
 * {@code pipeline} {@code [--rates N,N,...] [--view search|feed|both] [--also-search URL,...] [--also-feed URL,...]}.
 * For {@code search} and {@code search-store}, {@code [--catalogue simple|realistic]}.
 * Every number is bounded, and every address is 127.0.0.1: this harness never leaves the box.
 */
public record Args(String scenario, int rate, int durationSeconds, int users, int workers, int warmupSeconds,
        String board, boolean reseed, int servicePort, int redisPort, String resultsDir, List<Integer> rates,
        String view, List<Integer> alsoSearch, List<Integer> alsoFeed, String catalogue) {

    public static final String HOST = "127.0.0.1";
    static final int MAX_RATE = 20_000;
    static final int MAX_DURATION = 600;
    static final int MAX_USERS = 10_000_000;
    static final int MAX_WORKERS = 256;
    static final int MAX_STEPS = 20;
    static final List<Integer> DEFAULT_RATES = List.of(50, 100, 200, 400, 800);
    static final List<String> VIEWS = List.of("search", "feed", "both");
    private static final Pattern LOCAL_URL = Pattern.compile("(?:http://)?(?:127\\.0\\.0\\.1:)?(\\d{1,5})/?");

    public static Args parse(String... argv) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (arg.equals("--reseed")) {
                options.put("reseed", "true");
            } else if (arg.startsWith("--")) {
                String name = arg.substring(2);
                String value;
                if (name.contains("=")) {
                    value = name.substring(name.indexOf('=') + 1);
                    name = name.substring(0, name.indexOf('='));
                } else if (i + 1 < argv.length) {
                    value = argv[++i];
                } else {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                options.put(name, value);
            } else {
                positional.add(arg);
            }
        }
        if (positional.size() != 1) {
            throw new IllegalArgumentException("name exactly one scenario (got " + positional + ")");
        }
        Args args = new Args(positional.get(0),
                number(options.remove("rate"), "rate", 1000, 1, MAX_RATE),
                number(options.remove("duration"), "duration", 30, 1, MAX_DURATION),
                number(options.remove("users"), "users", 1_000_000, 1, MAX_USERS),
                number(options.remove("workers"), "workers", 16, 1, MAX_WORKERS),
                number(options.remove("warmup"), "warmup", 10, 0, MAX_DURATION),
                board(options.remove("board")),
                Boolean.parseBoolean(options.remove("reseed")),
                number(options.remove("service-port"), "service-port", 8086, 1, 65535),
                number(options.remove("redis-port"), "redis-port", 6379, 1, 65535),
                options.getOrDefault("results", "deploy/bench/results"),
                rates(options.remove("rates")),
                view(options.remove("view")),
                ports(options.remove("also-search"), "also-search"),
                ports(options.remove("also-feed"), "also-feed"),
                catalogue(options.remove("catalogue")));
        options.remove("results");
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown options " + options.keySet());
        }
        return args;
    }

    static int number(String value, String name, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.replace("_", ""));
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number from " + min + " to " + max
                + " (got " + value + ")");
    }

    /** Offered rates of a stepped run, each a rate as {@code --rate} bounds it, rising. */
    private static List<Integer> rates(String value) {
        if (value == null) {
            return DEFAULT_RATES;
        }
        List<Integer> rates = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            rates.add(number(part.strip(), "rates", 0, 1, MAX_RATE));
        }
        if (rates.size() > MAX_STEPS) {
            throw new IllegalArgumentException("--rates takes at most " + MAX_STEPS + " steps");
        }
        for (int i = 1; i < rates.size(); i++) {
            if (rates.get(i) <= rates.get(i - 1)) {
                throw new IllegalArgumentException("--rates must rise step by step (got " + value + ")");
            }
        }
        return List.copyOf(rates);
    }

    private static String view(String value) {
        if (value == null) {
            return "both";
        }
        if (!VIEWS.contains(value)) {
            throw new IllegalArgumentException("--view must be one of " + VIEWS + " (got " + value + ")");
        }
        return value;
    }

    /**
     * Ports of more instances on this box, as {@code http://127.0.0.1:PORT}, {@code 127.0.0.1:PORT} or
     * {@code PORT}, comma separated; any other host is refused, like everywhere in the harness.
     */
    private static List<Integer> ports(String value, String name) {
        if (value == null) {
            return List.of();
        }
        List<Integer> ports = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            Matcher url = LOCAL_URL.matcher(part.strip());
            if (!url.matches()) {
                throw new IllegalArgumentException("--" + name + " takes http://127.0.0.1:PORT (got " + part + ")");
            }
            ports.add(number(url.group(1), name, 0, 1, 65535));
        }
        return List.copyOf(ports);
    }

    /** {@code search}, {@code search-store}: which {@link Catalogue}; simple by default, so old figures stay comparable. */
    static String catalogue(String value) {
        if (value == null) {
            return "simple";
        }
        if (!Catalogue.NAMES.contains(value)) {
            throw new IllegalArgumentException("--catalogue must be one of " + Catalogue.NAMES + " (got " + value + ")");
        }
        return value;
    }

    private static String board(String value) {
        if (value == null) {
            return "bench";
        }
        if (!value.matches("[a-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("--board must match [a-z0-9-]{1,64}");
        }
        return value;
    }
}
