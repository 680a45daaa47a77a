package shop.bench;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The single-PostgreSQL baseline: schema {@code baseline} in the stack's database, reached over
 * a fixed pool of JDBC connections (what an application's pool does: a request waits for a free
 * connection, and that wait counts in its latency). Every read returns the answer as JSON built
 * by PostgreSQL itself, so the HTTP front only passes it on.
 */
final class BaselineStore implements AutoCloseable {

    private final BlockingQueue<Connection> pool;
    private final List<Connection> all = new ArrayList<>();

    private BaselineStore(BlockingQueue<Connection> pool) {
        this.pool = pool;
    }

    static BaselineStore open(StackSettings stack, int connections) throws SQLException {
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(connections);
        BaselineStore store = new BaselineStore(pool);
        for (int c = 0; c < connections; c++) {
            Connection connection = DriverManager.getConnection(stack.jdbcUrl() + "?reWriteBatchedInserts=true",
                    stack.get("STACK_PG_USER"), stack.get("STACK_PG_PASSWORD"));
            store.all.add(connection);
            pool.add(connection);
        }
        return store;
    }

    /** Applies {@code side-by-side/baseline.sql}: every statement is idempotent. */
    void applySchema() throws IOException, SQLException {
        String ddl;
        try (InputStream in = BaselineStore.class.getResourceAsStream("/side-by-side/baseline.sql")) {
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        withConnection(c -> {
            try (Statement statement = c.createStatement()) {
                statement.execute(ddl);
            }
            return null;
        });
    }

    @FunctionalInterface
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    <T> T withConnection(Work<T> work) throws SQLException {
        Connection connection;
        try {
            connection = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection", e);
        }
        try {
            return work.on(connection);
        } finally {
            pool.add(connection);
        }
    }

    /** The session behind a token, or null when unknown or expired. */
    String session(String token) throws SQLException {
        return json("SELECT json_build_object('userId', user_id, 'roles', roles, 'expiresAt', expires_at, 'data', data)"
                + " FROM baseline.sessions WHERE token_hash = ? AND expires_at > now()", tokenHash(token));
    }

    String product(UUID id) throws SQLException {
        return json("SELECT row_to_json(p) FROM (SELECT id, sku, name, description, brand, price, tags, stock, version,"
                + " created_at AS \"createdAt\" FROM baseline.products WHERE id = ?) p", id);
    }

    /** Top 10 with RANK(): the B-tree on (board, score desc, seq) hands rows over in order, LIMIT stops early. */
    String top10(String board) throws SQLException {
        return json("SELECT coalesce(json_agg(t), '[]') FROM (SELECT rank() OVER (ORDER BY score DESC) AS rank,"
                + " user_id AS \"userId\", score FROM baseline.scores WHERE board = ? ORDER BY score DESC, seq"
                + " LIMIT 10) t", board);
    }

    /**
     * A user's rank as RANK() would give it, without ranking the whole board: 1 + how many score
     * higher, counted by an index-only scan of (board, score desc). No PostgreSQL index answers
     * "how many rows are before me" in O(log n): this count grows with the rank.
     */
    String rankOf(String board, UUID user) throws SQLException {
        return json("SELECT json_build_object('rank', 1 + (SELECT count(*) FROM baseline.scores o"
                + " WHERE o.board = s.board AND o.score > s.score), 'score', s.score)"
                + " FROM baseline.scores s WHERE s.board = ? AND s.user_id = ?", board, user);
    }

    /** Newest 20 of a user's feed: one backward range of the (user_id, occurred_at desc) index. */
    String newest20(UUID user) throws SQLException {
        return json("SELECT coalesce(json_agg(f), '[]') FROM (SELECT event_id AS \"eventId\", type,"
                + " occurred_at AS \"occurredAt\", data FROM baseline.feed_events WHERE user_id = ?"
                + " ORDER BY occurred_at DESC LIMIT 20) f", user);
    }

    /**
     * Full-text search on the GIN-indexed tsvector, typo-tolerant the way pg_trgm's documentation
     * recommends: each word of the query is first replaced by its nearest word of the catalogue
     * ({@code baseline.words}, trigram distance, KNN on a GiST index; a correct word is its own
     * nearest), then every word is required (AND), as search-service requires them, and the
     * matches are ranked with ts_rank; when no product holds every word of a query of several, the
     * same statement again with the words OR-ed, as search-service asks again for any word. The
     * brand and price facets are GROUP BYs over the same matches. One statement, one round trip
     * (two for the fallback).
     */
    String search(SearchMix query) throws SQLException {
        String found = search(query, " & ");
        if (query.text() != null && SearchStoreScenario.severalWords(query.text())
                && JsonBody.of(found).number("total") == 0) {
            return search(query, " | ");
        }
        return found;
    }

    private String search(SearchMix query, String joined) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String from = "baseline.products";
        String score = "0";
        StringBuilder where = new StringBuilder("true");
        if (query.text() != null) {
            String[] words = Arrays.stream(query.text().toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
                    .filter(w -> !w.isEmpty()).toArray(String[]::new);
            from = "baseline.products, (SELECT to_tsquery('simple', string_agg(quote_literal((SELECT w.word"
                    + " FROM baseline.words w ORDER BY w.word <-> t.word LIMIT 1)), '" + joined + "')) AS query"
                    + " FROM unnest(?::text[]) AS t(word)) q";
            score = "ts_rank(document, q.query)";
            where = new StringBuilder("document @@ q.query");
            parameters.add(words);
        }
        if (query.brand() != null) {
            where.append(" AND brand = ?");
            parameters.add(query.brand());
        }
        if (query.tag() != null) {
            where.append(" AND tags @> ARRAY[?]::text[]");
            parameters.add(query.tag());
        }
        if (query.minPrice() != null) {
            where.append(" AND price BETWEEN ? AND ?");
            parameters.add(query.minPrice());
            parameters.add(query.maxPrice());
        }
        String order = switch (query.sort()) {
            case "price_asc" -> "price, id";
            case "price_desc" -> "price DESC, id";
            case "newest" -> "created_at DESC, id";
            default -> "score DESC, id";
        };
        parameters.add(query.page() * SearchMix.PAGE_SIZE);
        String sql = "WITH m AS MATERIALIZED (SELECT id, name, brand, price, created_at, " + score + " AS score"
                + " FROM " + from + " WHERE " + where + ")"
                + " SELECT json_build_object('total', (SELECT count(*) FROM m),"
                + " 'hits', (SELECT coalesce(json_agg(h), '[]') FROM (SELECT id, name, brand, price, score FROM m"
                + " ORDER BY " + order + " LIMIT " + SearchMix.PAGE_SIZE + " OFFSET ?) h),"
                + " 'facets', json_build_object("
                + "'brand', (SELECT coalesce(json_agg(b), '[]') FROM (SELECT brand AS value, count(*) AS count FROM m"
                + " GROUP BY brand ORDER BY count(*) DESC, brand LIMIT 10) b),"
                + " 'price', (SELECT coalesce(json_agg(f), '[]') FROM (SELECT CASE WHEN price < 50 THEN '<50'"
                + " WHEN price < 200 THEN '50-200' ELSE '200+' END AS key, count(*) AS count FROM m GROUP BY 1) f)))";
        return withConnection(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                int p = 1;
                for (Object parameter : parameters) {
                    if (parameter instanceof String[] array) {
                        statement.setArray(p++, c.createArrayOf("text", array));
                    } else {
                        statement.setObject(p++, parameter);
                    }
                }
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /**
     * Places an order of one unit: stock checked and decremented, order, item and the user's feed
     * event in one transaction (the single database's answer to the outbox: nothing to relay).
     * Returns the order as JSON, or null when the stock is short.
     */
    String placeOrder(UUID user, UUID product) throws SQLException {
        return withConnection(c -> {
            c.setAutoCommit(false);
            try {
                BigDecimal price;
                try (PreparedStatement update = c.prepareStatement("UPDATE baseline.products SET stock = stock - 1,"
                        + " version = version + 1 WHERE id = ? AND stock >= 1 RETURNING price")) {
                    update.setObject(1, product);
                    try (ResultSet rs = update.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            return null;
                        }
                        price = rs.getBigDecimal(1);
                    }
                }
                UUID order = UUID.randomUUID();
                execute(c, "INSERT INTO baseline.orders (id, user_id, status, total) VALUES (?, ?, 'PENDING', ?)",
                        order, user, price);
                execute(c, "INSERT INTO baseline.order_items (order_id, product_id, quantity, unit_price)"
                        + " VALUES (?, ?, 1, ?)", order, product, price);
                execute(c, "INSERT INTO baseline.feed_events (event_id, user_id, occurred_at, type, data)"
                        + " VALUES (?, ?, now(), 'OrderPlaced', jsonb_build_object('orderId', ?::text, 'total', ?::numeric))",
                        UUID.randomUUID(), user, order.toString(), price);
                c.commit();
                return "{\"id\":\"" + order + "\",\"status\":\"PENDING\",\"total\":" + price.toPlainString() + "}";
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** One JSON value from a single-row, single-column query, or null when there is no row. */
    String json(String sql, Object... parameters) throws SQLException {
        return withConnection(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                for (int p = 0; p < parameters.length; p++) {
                    statement.setObject(p + 1, parameters[p]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    long number(String sql, Object... parameters) throws SQLException {
        String value = json(sql, parameters);
        return value == null ? 0 : Long.parseLong(value);
    }

    static void execute(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int p = 0; p < parameters.length; p++) {
                statement.setObject(p + 1, parameters[p]);
            }
            statement.executeUpdate();
        }
    }

    /** The SHA-256 of a token in hex, as session-service keys Redis: neither store holds a usable token. */
    static String tokenHash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public void close() {
        for (Connection connection : all) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing at the end of a run: nothing left to do about it
            }
        }
    }
}
