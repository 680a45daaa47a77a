package shop.faults.view;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import shop.faults.stack.Stack;

/** Reads of catalog's PostgreSQL, the source of truth the views are compared with. */
public final class CatalogDatabase {

    private CatalogDatabase() {
    }

    /** Every product and its version (all of them, not a sample). */
    public static Map<String, Long> productVersions() {
        Map<String, Long> versions = new TreeMap<>();
        query("SELECT id::text, version FROM products", List.of(), row -> versions.put(row.getString(1), row.getLong(2)));
        return versions;
    }

    /**
     * Bytes of WAL the outbox connector's replication slot holds back (written but not confirmed
     * by Debezium): what PostgreSQL must keep while Kafka Connect is down.
     */
    public static long slotLagBytes() {
        List<Long> lag = new ArrayList<>();
        query("SELECT coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0)::bigint FROM "
                + "pg_replication_slots WHERE slot_name = 'catalog_outbox'", List.of(), row -> lag.add(row.getLong(1)));
        return lag.isEmpty() ? -1 : lag.get(0);
    }

    /** Orders of the whole database that have no line: a half-written order. */
    public static List<String> ordersWithoutItems() {
        List<String> orders = new ArrayList<>();
        query("SELECT o.id::text FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)",
                List.of(), row -> orders.add(row.getString(1)));
        return orders;
    }

    /** Orders of these customers whose number of lines is not {@code lines}: order id → lines. */
    public static Map<String, Integer> ordersWithOtherThan(int lines, List<String> customers) {
        Map<String, Integer> orders = new TreeMap<>();
        query("SELECT o.id::text, count(i.id) FROM orders o LEFT JOIN order_items i ON i.order_id = o.id "
                + "WHERE o.user_id::text = ANY (?) GROUP BY o.id HAVING count(i.id) <> ?", List.of(customers, lines),
                row -> orders.put(row.getString(1), row.getInt(2)));
        return orders;
    }

    /** The orders of these customers: order id → status. */
    public static Map<String, String> ordersOf(List<String> customers) {
        Map<String, String> orders = new TreeMap<>();
        query("SELECT id::text, status FROM orders WHERE user_id::text = ANY (?)", List.of(customers),
                row -> orders.put(row.getString(1), row.getString(2)));
        return orders;
    }

    /** Current stock of a product. */
    public static int stock(String productId) {
        List<Integer> stock = new ArrayList<>();
        query("SELECT stock FROM products WHERE id = ?::uuid", List.of(productId), row -> stock.add(row.getInt(1)));
        return stock.get(0);
    }

    /** Units of a product held by orders that are not cancelled (what its stock went down by). */
    public static long unitsOrdered(String productId) {
        List<Long> units = new ArrayList<>();
        query("SELECT coalesce(sum(i.quantity), 0) FROM order_items i JOIN orders o ON o.id = i.order_id "
                + "WHERE i.product_id = ?::uuid AND o.status <> 'CANCELLED'", List.of(productId), row -> units.add(row.getLong(1)));
        return units.get(0);
    }

    interface Row {
        void read(ResultSet row) throws SQLException;
    }

    static void query(String sql, List<Object> parameters, Row reader) {
        Properties login = new Properties();
        login.put("user", Stack.setting("STACK_PG_USER"));
        login.put("password", Stack.setting("STACK_PG_PASSWORD"));
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + Stack.setting("STACK_PG_PORT")
                + "/" + Stack.setting("STACK_PG_DB"), login);
                PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object parameter = parameters.get(i);
                if (parameter instanceof List<?> list) {
                    statement.setArray(i + 1, db.createArrayOf("text", list.toArray()));
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL: " + e.getMessage(), e);
        }
    }
}
