package shop.faults.snapshot;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import com.fasterxml.jackson.databind.JsonNode;

import shop.faults.corpus.Fixture;
import shop.faults.http.Json;
import shop.faults.stack.Stack;
import shop.faults.view.FeedItems;

/**
 * What the five stores (and the outbox topics) hold, as comparable text: taken before and after a
 * run, the two must be equal.
 *
 * <p>Two scopes. {@link #targeted} is what the corpus aims at — the fixture product, order,
 * customer, flag and board, and anything carrying the run's marker — and is exact even while other
 * test suites write to the same stores. {@link #global} is every store as a whole (row counts and
 * checksums of every catalog table, Redis keys by prefix, index document counts, the S3 listing,
 * the feed table's item count, the outbox topics' end offsets): exact only when nothing else writes,
 * as when modules run one after another in CI; the caller decides (see BadInputAtScaleTest).
 *
 * <p>Left out of the global Redis digest, and why: {@code session:s:*} / {@code session:u:*}
 * (signing in the suite's own personas makes sessions, and other users' sessions expire on their
 * TTL), rate-limit keys (the gateway and session-service count every request, the corpus's too, by
 * design) and {@code catalog:product:*} (the cache-aside copy of a product, which a read fills and
 * a TTL empties; the product itself is compared in PostgreSQL).
 *
 * <p>Left out of the global S3 listing: objects older than the run that media-service's orphan sweep
 * may remove on its own schedule (every 15 min, the first a minute after start-up): every
 * {@code uploads/} object and every image no {@code product_images} row references. Whatever the
 * run writes is newer than the run, so it counts; a referenced image counts whatever its age.
 */
public final class StoreSnapshot {

    private static final List<String> TABLES = List.of("users", "products", "orders", "order_items", "payments",
            "product_images", "idempotency_keys", "outbox");
    private static final List<String> CHURN_PREFIXES = List.of("session:s:", "session:u:", "catalog:product:",
            "session:rl:", "session:rate", "rl:", "rate");

    private StoreSnapshot() {
    }

    /** The fixture's rows and keys, and anything named with the run's marker. */
    public static Map<String, String> targeted(Fixture f) {
        Map<String, String> s = new TreeMap<>();
        try (Connection db = postgres()) {
            s.put("postgres.product", rows(db, "SELECT * FROM products WHERE id = ?", f.productId()));
            s.put("postgres.product.images", rows(db, "SELECT * FROM product_images WHERE product_id = ? ORDER BY id",
                    f.productId()));
            s.put("postgres.customer", rows(db, "SELECT * FROM users WHERE id = ?", f.customerId()));
            s.put("postgres.customer.orders", rows(db, "SELECT * FROM orders WHERE user_id = ? ORDER BY id",
                    f.customerId()));
            s.put("postgres.customer.order-items", rows(db, "SELECT i.* FROM order_items i JOIN orders o ON o.id = "
                    + "i.order_id WHERE o.user_id = ? ORDER BY i.order_id, i.product_id", f.customerId()));
            s.put("postgres.customer.payments", rows(db, "SELECT p.* FROM payments p JOIN orders o ON o.id = "
                    + "p.order_id WHERE o.user_id = ? ORDER BY p.id", f.customerId()));
            s.put("postgres.marker.users", rows(db, "SELECT id FROM users WHERE email LIKE ? OR name LIKE ?",
                    "%" + f.marker() + "%", "%" + f.marker() + "%"));
            s.put("postgres.marker.products", rows(db, "SELECT id FROM products WHERE sku LIKE ? OR name LIKE ?",
                    "%" + f.marker() + "%", "%" + f.marker() + "%"));
            s.put("postgres.marker.images", rows(db, "SELECT id FROM product_images WHERE key LIKE ?",
                    "%" + f.marker() + "%"));
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL snapshot: " + e.getMessage(), e);
        }
        try (Resp redis = redis()) {
            s.put("redis.marker.keys", String.join(",", scan(redis, "*" + f.marker() + "*")));
            s.put("redis.flag", digestOfKeys(redis, scan(redis, "session:flag*" + f.flagName() + "*")));
            s.put("redis.board", digestOfKeys(redis, scan(redis, "lb:{" + f.board() + "*")));
            s.put("redis.customer.sessions", String.valueOf(scan(redis, "session:u:" + f.customerId() + "*").stream()
                    .mapToLong(key -> size(redis, key)).sum()));
        }
        JsonNode indexed = Json.get(Stack.service("search-service") + "/api/search/products/" + f.productId(), Map.of(),
                200);
        s.put("elasticsearch.product.indexedVersion", indexed.path("indexedVersion").asText());
        s.put("elasticsearch.marker.documents", String.valueOf(Json.get(Stack.http("STACK_ES_PORT")
                + "/" + System.getProperty("faults.search-alias", "products") + "/_count?q=" + URLEncoder.encode("\"" + f.marker() + "\"", StandardCharsets.UTF_8), Map.of(), 200)
                .path("count").asLong()));
        s.put("s3.product.objects", String.join(",", s3Keys("products/" + f.productId() + "/")));
        s.put("s3.marker.objects", s3Keys("").stream().filter(key -> key.contains(f.marker()))
                .collect(Collectors.joining(",")));
        s.put("dynamodb.customer.items", String.valueOf(dynamoCount(Map.of("KeyConditionExpression", "PK = :pk",
                "ExpressionAttributeValues", Map.of(":pk", Map.of("S", "USER#" + f.customerId()))), "Query")));
        return s;
    }

    /**
     * Every store as a whole: exact only while nothing else writes. {@code runStart}: S3 objects
     * older than it count only if the orphan sweep keeps them (see above).
     */
    public static Map<String, String> global(Instant runStart) {
        Map<String, String> s = new TreeMap<>();
        Set<String> referencedImages = new HashSet<>();
        try (Connection db = postgres()) {
            for (String table : TABLES) {
                s.put("postgres." + table, rows(db, "SELECT count(*) || ':' || coalesce(md5(string_agg(md5(t::text), ',' "
                        + "ORDER BY md5(t::text))), '-') FROM " + table + " t"));
            }
            referencedImages.addAll(List.of(rows(db, "SELECT key FROM product_images").split("\n")));
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL snapshot: " + e.getMessage(), e);
        }
        try (Resp redis = redis()) {
            Map<String, List<String>> byPrefix = new TreeMap<>();
            for (String key : scan(redis, "*")) {
                if (CHURN_PREFIXES.stream().noneMatch(key::startsWith)) {
                    int colon = key.indexOf(':', key.indexOf(':') + 1);
                    String prefix = colon < 0 ? key : key.substring(0, colon);
                    byPrefix.computeIfAbsent(prefix.replaceAll("\\{.*", "{}"), p -> new ArrayList<>()).add(key);
                }
            }
            byPrefix.forEach((prefix, keys) -> s.put("redis." + prefix, keys.size() + ":" + digest(keys.stream()
                    .sorted().collect(Collectors.joining("\n")))));
        }
        // an index behind an alias is counted as the alias: a rebuild swaps the index, not the documents
        String es = Stack.http("STACK_ES_PORT");
        Map<String, String> aliasOf = new TreeMap<>();
        for (JsonNode alias : Json.get(es + "/_cat/aliases?format=json", Map.of(), 200)) {
            aliasOf.put(alias.path("index").asText(), alias.path("alias").asText());
        }
        for (JsonNode index : Json.get(es + "/_cat/indices?format=json", Map.of(), 200)) {
            String name = index.path("index").asText();
            if (!name.startsWith(".")) {
                s.put("elasticsearch." + aliasOf.getOrDefault(name, name), index.path("docs.count").asText());
            }
        }
        // S3 keeps whole seconds: an object of the run's first second may read as older than the run
        Instant young = runStart.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        List<String> objects = s3Objects("").stream()
                .filter(o -> o.lastModified().isAfter(young) || referencedImages.contains(o.key()))
                .map(S3Object::key).toList();
        s.put("s3.objects", objects.size() + ":" + digest(String.join("\n", objects)));
        s.put("dynamodb.feed.items", String.valueOf(dynamoCount(Map.of(), "Scan")));
        kafkaEndOffsets().forEach((partition, offset) -> s.put("kafka." + partition, String.valueOf(offset)));
        return s;
    }

    /** The entries that differ, as {@code name: before → after}. */
    public static List<String> differences(Map<String, String> before, Map<String, String> after) {
        List<String> differences = new ArrayList<>();
        var names = new java.util.TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            String was = before.get(name);
            String is = after.get(name);
            if (was == null ? is != null : !was.equals(is)) {
                differences.add(name + ": " + abbreviate(was) + " → " + abbreviate(is));
            }
        }
        return differences;
    }

    private static Connection postgres() throws SQLException {
        Properties login = new Properties();
        login.put("user", Stack.setting("STACK_PG_USER"));
        login.put("password", Stack.setting("STACK_PG_PASSWORD"));
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + Stack.setting("STACK_PG_PORT") + "/"
                + Stack.setting("STACK_PG_DB"), login);
    }

    private static String rows(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            StringBuilder text = new StringBuilder();
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int c = 1; c <= columns; c++) {
                        text.append(rows.getString(c)).append(c < columns ? "|" : "\n");
                    }
                }
            }
            return text.toString();
        }
    }

    private static Resp redis() {
        return new Resp(Integer.parseInt(Stack.setting("STACK_REDIS_PORT")));
    }

    private static List<String> scan(Resp redis, String pattern) {
        List<String> keys = new ArrayList<>();
        String cursor = "0";
        do {
            List<Object> page = redis.list("SCAN", cursor, "MATCH", pattern, "COUNT", "1000");
            cursor = (String) page.get(0);
            for (Object key : (List<?>) page.get(1)) {
                keys.add((String) key);
            }
        } while (!cursor.equals("0"));
        keys.sort(null);
        return keys;
    }

    private static long size(Resp redis, String key) {
        return switch ((String) redis.call("TYPE", key)) {
            case "set" -> (Long) redis.call("SCARD", key);
            case "zset" -> (Long) redis.call("ZCARD", key);
            case "hash" -> (Long) redis.call("HLEN", key);
            case "list" -> (Long) redis.call("LLEN", key);
            case "none" -> 0L;
            default -> 1L;
        };
    }

    private static String digestOfKeys(Resp redis, List<String> keys) {
        StringBuilder text = new StringBuilder();
        for (String key : keys) {
            Object value = switch ((String) redis.call("TYPE", key)) {
                case "string" -> redis.call("GET", key);
                case "hash" -> new TreeMap<>(pairs(redis.list("HGETALL", key)));
                case "set" -> new java.util.TreeSet<>(redis.list("SMEMBERS", key).stream().map(String::valueOf).toList());
                case "zset" -> redis.list("ZRANGE", key, "0", "-1", "WITHSCORES");
                case "list" -> redis.list("LRANGE", key, "0", "-1");
                default -> "none";
            };
            text.append(key).append('=').append(value).append('\n');
        }
        return keys.size() + ":" + digest(text.toString());
    }

    private static Map<String, String> pairs(List<Object> flat) {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            map.put(String.valueOf(flat.get(i)), String.valueOf(flat.get(i + 1)));
        }
        return map;
    }

    private static List<String> s3Keys(String prefix) {
        return s3Objects(prefix).stream().map(S3Object::key).toList();
    }

    private record S3Object(String key, Instant lastModified) {
    }

    private static List<S3Object> s3Objects(String prefix) {
        List<S3Object> objects = new ArrayList<>();
        String token = null;
        String bucket = Stack.setting("STACK_S3_BUCKET");
        do {
            String uri = Stack.http("STACK_S3_PORT") + "/" + bucket + "?list-type=2&max-keys=1000&prefix="
                    + URLEncoder.encode(prefix, StandardCharsets.UTF_8)
                    + (token == null ? "" : "&continuation-token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            String xml = Json.exchange("GET", uri, Map.of(), null).body();
            var contents = java.util.regex.Pattern.compile("<Contents>(.*?)</Contents>", java.util.regex.Pattern.DOTALL)
                    .matcher(xml);
            while (contents.find()) {
                var key = java.util.regex.Pattern.compile("<Key>([^<]*)</Key>").matcher(contents.group(1));
                var modified = java.util.regex.Pattern.compile("<LastModified>([^<]*)</LastModified>").matcher(contents.group(1));
                if (!key.find() || !modified.find()) {
                    throw new IllegalStateException("S3 listing entry without Key or LastModified: " + contents.group(1));
                }
                objects.add(new S3Object(key.group(1), Instant.parse(modified.group(1))));
            }
            var next = java.util.regex.Pattern.compile("<NextContinuationToken>([^<]*)</NextContinuationToken>")
                    .matcher(xml);
            token = xml.contains("<IsTruncated>true</IsTruncated>") && next.find() ? next.group(1) : null;
        } while (token != null);
        objects.sort(java.util.Comparator.comparing(S3Object::key));
        return objects;
    }

    /** Items of the feed table (Scan) or of one partition (Query), counted page by page. */
    private static long dynamoCount(Map<String, Object> condition, String operation) {
        Map<String, Object> counting = new TreeMap<>(condition);
        counting.put("Select", "COUNT");
        LongAdder count = new LongAdder();
        FeedItems.eachPage(operation, counting, page -> count.add(page.path("Count").asLong()));
        return count.sum();
    }

    private static Map<String, Long> kafkaEndOffsets() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + Stack.setting("STACK_KAFKA_PORT"));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics().forEach((topic, infos) -> {
                if (topic.startsWith("outbox.event.")) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            });
            Map<String, Long> offsets = new TreeMap<>();
            consumer.endOffsets(partitions).forEach((partition, offset) -> offsets.put(partition.toString(), offset));
            return offsets;
        }
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "(none)";
        }
        String flat = value.replace('\n', ' ');
        return flat.length() <= 160 ? flat : flat.substring(0, 157) + "...";
    }
}
