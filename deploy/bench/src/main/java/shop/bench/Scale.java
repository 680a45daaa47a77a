package shop.bench;

import java.util.Locale;

/**
 * How much data the side-by-side benchmark seeds and how long it measures. {@code small} fits in
 * a few minutes on a shared 2-core box (the build's integration test runs it); {@code full} is the
 * issue's scale, for a human on a quiet machine.
 */
record Scale(String name, int products, int users, int sessions, int leaderboardUsers, int feedUsers,
        int images, int imageBytes, int rate, int durationSeconds, int workers, int repetitions, int lagWrites) {

    static final Scale SMALL = new Scale("small", 1_000, 1_000, 1_000, 10_000, 100, 50, 20_000, 100, 1, 4, 3, 10);
    static final Scale FULL = new Scale("full", 50_000, 500_000, 1_000_000, 1_000_000, 100_000, 2_000, 200_000, 1_000,
            20, 16, 3, 200);

    static Scale of(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "small" -> SMALL;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("--scale must be small or full (got " + name + ")");
        };
    }

    /**
     * The same scale with {@code products} products: the polyglot index may already hold more of
     * the benchmark's products than the scale asks for (another run seeded them), and both designs
     * must search the same catalogue.
     */
    Scale withProducts(int products) {
        return new Scale(name, products, users, sessions, leaderboardUsers, feedUsers, images, imageBytes, rate,
                durationSeconds, workers, repetitions, lagWrites);
    }

    /** Feed events: 100 per feed user, as FeedLoader writes them. */
    long feedEvents() {
        return (long) feedUsers * FeedLoader.ITEMS_PER_USER;
    }
}
