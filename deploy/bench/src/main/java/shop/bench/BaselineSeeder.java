package shop.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Fills the baseline schema with the same data the polyglot side holds: product {@code i} is the
 * {@link Catalogue}'s product {@code i} (the record the polyglot side sends to catalog-service),
 * leaderboard user {@code i} is
 * {@link LeaderboardSeeder}'s, feed user {@code u} and its 100 events are {@link FeedLoader}'s.
 * Batches of {@value #BATCH} rows in one transaction each, {@code ON CONFLICT DO NOTHING}; a batch
 * whose last row is there already is skipped, so a rerun resumes and never duplicates.
 */
final class BaselineSeeder {

    static final int BATCH = 1_000;
    /** Products with a stock no benchmark can exhaust, for order placement. */
    static final int ORDER_PRODUCTS = 20;
    static final String BOARD = "side-by-side";
    /** Feed events occur before this fixed instant, so every rerun writes the very same rows. */
    static final Instant FEED_ANCHOR = Instant.parse("2026-11-01T00:00:00Z");

    private final BaselineStore store;
    private final PrintStream log;

    BaselineSeeder(BaselineStore store, PrintStream log) {
        this.store = store;
        this.log = log;
    }

    @FunctionalInterface
    interface Row {
        void bind(PreparedStatement statement, long i) throws SQLException;
    }

    void seed(Scale scale, Catalogue catalogue) throws SQLException {
        products(catalogue, scale.products());
        orderProducts();
        users(scale.users());
        sessions(scale.sessions(), scale.users());
        leaderboard(BOARD, scale.leaderboardUsers());
        feedEvents(scale.feedEvents());
        images(scale.images(), scale.imageBytes(), catalogue, scale.products());
        dictionary();
    }

    /** The catalogue's products 0..count-1. */
    void products(Catalogue catalogue, int count) throws SQLException {
        fill("products (" + catalogue.name() + " catalogue)", count,
                "SELECT count(*) FROM baseline.products WHERE id = ?", i -> productId(catalogue, (int) i),
                "INSERT INTO baseline.products (id, sku, name, description, brand, price, tags, stock)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (s, i) -> {
                    Product product = catalogue.product((int) i);
                    s.setObject(1, productId(catalogue, (int) i));
                    s.setString(2, product.sku());
                    s.setString(3, product.name());
                    s.setString(4, product.description());
                    s.setString(5, product.brand());
                    s.setBigDecimal(6, product.price());
                    s.setArray(7, s.getConnection().createArrayOf("text", product.tags().toArray(String[]::new)));
                    s.setInt(8, Product.STOCK);
                });
    }

    void orderProducts() throws SQLException {
        fill("order products", ORDER_PRODUCTS, "SELECT count(*) FROM baseline.products WHERE id = ?",
                i -> orderProductId((int) i),
                "INSERT INTO baseline.products (id, sku, name, description, brand, price, tags, stock)"
                        + " VALUES (?, ?, 'Order probe', 'bought by the order workload', 'Bench', 19.99,"
                        + " ARRAY['bench-order'], 1000000000) ON CONFLICT DO NOTHING",
                (s, i) -> {
                    s.setObject(1, orderProductId((int) i));
                    s.setString(2, "bench-sbs-order-" + i);
                });
    }

    void users(int count) throws SQLException {
        fill("users", count, "SELECT count(*) FROM baseline.users WHERE id = ?", BaselineSeeder::userId,
                "INSERT INTO baseline.users (id, email, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                (s, i) -> {
                    s.setObject(1, userId(i));
                    s.setString(2, "bench-sbs-" + i + "@shop.test");
                    s.setString(3, "Bench user " + i);
                });
    }

    /** Sessions 0..count-1, session {@code i} for user {@code i % users}. */
    void sessions(int count, int users) throws SQLException {
        // sessions live a day from seeding; a rerun within the day finds them and skips
        Timestamp expires = Timestamp.from(Instant.now().plus(1, ChronoUnit.DAYS));
        fill("sessions", count, "SELECT count(*) FROM baseline.sessions WHERE token_hash = ?"
                + " AND expires_at > now() + interval '1 hour'", i -> BaselineStore.tokenHash(sessionToken(i)),
                "INSERT INTO baseline.sessions (token_hash, user_id, roles, expires_at) VALUES (?, ?, 'customer', ?)"
                        + " ON CONFLICT (token_hash) DO UPDATE SET expires_at = excluded.expires_at",
                (s, i) -> {
                    s.setString(1, BaselineStore.tokenHash(sessionToken(i)));
                    s.setObject(2, userId(i % users));
                    s.setTimestamp(3, expires);
                });
    }

    /** {@link LeaderboardSeeder}'s users 0..count-1 on {@code board}. */
    void leaderboard(String board, int count) throws SQLException {
        fill("leaderboard", count, "SELECT count(*) FROM baseline.scores WHERE board = '"
                + board + "' AND user_id = ?", i -> UUID.fromString(LeaderboardSeeder.userId(i)),
                "INSERT INTO baseline.scores (board, user_id, score, seq) VALUES ('" + board + "', ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                (s, i) -> {
                    s.setObject(1, UUID.fromString(LeaderboardSeeder.userId(i)));
                    s.setLong(2, LeaderboardSeeder.score(i));
                    s.setLong(3, i);
                });
    }

    /** {@link FeedLoader}'s first {@code count} events (100 per user). */
    void feedEvents(long count) throws SQLException {
        fill("feed events", count, "SELECT count(*) FROM baseline.feed_events WHERE event_id = ?",
                i -> feedEventId(i),
                "INSERT INTO baseline.feed_events (event_id, user_id, occurred_at, type, data)"
                        + " VALUES (?, ?, ?, 'OrderPlaced', ?::jsonb) ON CONFLICT DO NOTHING",
                (s, i) -> {
                    long user = i / FeedLoader.ITEMS_PER_USER;
                    int item = (int) (i % FeedLoader.ITEMS_PER_USER);
                    s.setObject(1, feedEventId(i));
                    s.setObject(2, UUID.fromString(FeedLoader.userId(user)));
                    s.setTimestamp(3, Timestamp.from(FEED_ANCHOR.minus(item, ChronoUnit.MINUTES)));
                    s.setString(4, "{\"orderId\":\"" + UUID.nameUUIDFromBytes(("bench-sbs-feed-order-" + i)
                            .getBytes(StandardCharsets.UTF_8)) + "\",\"total\":" + (10 + item) + "}");
                });
    }

    void images(int count, int bytes, Catalogue catalogue, int products) throws SQLException {
        byte[] image = new byte[bytes];
        new SplittableRandom(42).nextBytes(image); // random bytes do not compress, like PNG and JPEG
        fill("images (BYTEA)", count, "SELECT count(*) FROM baseline.product_images WHERE id = ?",
                BaselineSeeder::imageId,
                "INSERT INTO baseline.product_images (id, product_id, content_type, bytes) VALUES (?, ?, 'image/png', ?)"
                        + " ON CONFLICT DO NOTHING",
                (s, i) -> {
                    s.setObject(1, imageId(i));
                    s.setObject(2, productId(catalogue, (int) (i % products)));
                    image[0] = (byte) i; // distinct rows
                    s.setBytes(3, image);
                });
    }

    /** The spelling dictionary (every word the products hold) and fresh planner statistics. */
    void dictionary() throws SQLException {
        store.withConnection(c -> {
            // the spelling dictionary: every word the products' documents hold
            BaselineStore.execute(c, "INSERT INTO baseline.words SELECT word FROM ts_stat('SELECT document FROM"
                    + " baseline.products') ON CONFLICT DO NOTHING");
            BaselineStore.execute(c, "ANALYZE baseline.words, baseline.products, baseline.scores, baseline.feed_events, baseline.sessions");
            return null;
        });
    }

    @FunctionalInterface
    interface Key {
        Object of(long i);
    }

    private void fill(String label, long total, String exists, Key key, String insert, Row row) throws SQLException {
        ProgressBar bar = new ProgressBar("  baseline " + label, total, log);
        long skipped = 0;
        for (long from = 0; from < total; from += BATCH) {
            long to = Math.min(total, from + BATCH);
            if (store.number(exists, key.of(to - 1)) > 0) {
                skipped += to - from;
                bar.update(to);
                continue;
            }
            long start = from;
            store.withConnection(c -> {
                c.setAutoCommit(false);
                try (PreparedStatement statement = c.prepareStatement(insert)) {
                    for (long i = start; i < to; i++) {
                        row.bind(statement, i);
                        statement.addBatch();
                    }
                    statement.executeBatch();
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
                return null;
            });
            bar.update(to);
        }
        if (total == 0) {
            bar.update(0);
        }
        if (skipped > 0) {
            log.printf("  baseline %s: %,d of %,d already there, skipped%n", label, skipped, total);
        }
    }

    /** Product {@code i}'s id in the baseline, from its SKU: each catalogue's products have their own. */
    static UUID productId(Catalogue catalogue, int i) {
        return UUID.nameUUIDFromBytes(catalogue.sku(i).getBytes(StandardCharsets.UTF_8));
    }

    static UUID orderProductId(int i) {
        return UUID.nameUUIDFromBytes(("bench-sbs-order-" + i).getBytes(StandardCharsets.UTF_8));
    }

    static UUID userId(long i) {
        return UUID.nameUUIDFromBytes(("bench-sbs-user-" + i).getBytes(StandardCharsets.UTF_8));
    }

    static UUID imageId(long i) {
        return UUID.nameUUIDFromBytes(("bench-sbs-image-" + i).getBytes(StandardCharsets.UTF_8));
    }

    static UUID feedEventId(long i) {
        return UUID.fromString(FeedLoader.eventId(i / FeedLoader.ITEMS_PER_USER, (int) (i % FeedLoader.ITEMS_PER_USER)));
    }

    /** Session {@code i}'s token: 43 URL-safe characters (256 bits), derived from {@code i}, never random. */
    static String sessionToken(long i) {
        byte[] bytes = new byte[32];
        new SplittableRandom(i * 2_654_435_761L + 17).nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
