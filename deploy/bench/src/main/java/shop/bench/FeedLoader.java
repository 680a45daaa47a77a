package shop.bench;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Loads feed items straight into the DynamoDB API (dynalite on the local stack) in feed-service's
 * own layout (feed-service/README.md): {@code PK = USER#<userId>}, {@code SK =
 * EVENT#<13-digit epochMillis>#<eventId>}, {@code eventId, type, occurredAt, data} (a JSON string)
 * and {@code ttl} (epoch seconds, occurredAt + 90 days).
 *
 * <p>Deterministic: user {@code u} is {@code nameUUID("bench-feed-user-<u>")}, its item {@code i}
 * has event id {@code nameUUID("bench-feed-event-<u>-<i>")} and occurred {@code i} minutes before
 * the anchor (the start of the current UTC day), so a rerun writes the same keys (a put of the same
 * key overwrites: idempotent). Resumable: users go in chunks of {@value #CHUNK_USERS}; after a chunk
 * is written a marker item {@code PK = BENCH#feed-load} {@code SK = <items per user>#<chunk>} is put,
 * and a later run skips the chunks that have one. BatchWriteItem with 25 items per call, unprocessed
 * items resent, on {@value #WORKERS} workers.
 */
final class FeedLoader {

    static final int ITEMS_PER_USER = 100;
    static final int CHUNK_USERS = 1_000;
    static final int WORKERS = 8;
    private static final int BATCH = 25;
    private static final String MARKERS = "BENCH#feed-load";
    private static final String[] TYPES = {"product.viewed", "product.clicked", "order.placed", "order.paid"};

    private FeedLoader() {
    }

    static DynamoDbClient client(int port) {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create("http://" + Args.HOST + ":" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                // pooled, as feed-service's client: URLConnection keeps 5 idle connections per host, so
                // the loader's 8 and the reads' 16-32 workers would open connections a store read
                // through the service does not pay for
                .httpClient(ApacheHttpClient.builder().maxConnections(64).socketTimeout(Duration.ofSeconds(30)).build())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD))
                .build();
    }

    static String userId(long user) {
        return UUID.nameUUIDFromBytes(("bench-feed-user-" + user).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String eventId(long user, int item) {
        return UUID.nameUUIDFromBytes(("bench-feed-event-" + user + "-" + item).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * Item {@code i} of every user occurred {@code i} minutes before the anchor: the minute of the
     * first load, kept in the table ({@code BENCH#feed-load / ANCHOR}) so that every later run writes
     * the very same keys. The items stay live for 90 days after it.
     */
    static Instant anchor(DynamoDbClient dynamo, String table) {
        Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS(MARKERS), "SK", AttributeValue.fromS("ANCHOR"));
        Map<String, AttributeValue> stored = dynamo.getItem(g -> g.tableName(table).key(key).consistentRead(true)).item();
        if (stored == null || stored.isEmpty()) {
            Map<String, AttributeValue> anchor = new HashMap<>(key);
            anchor.put("at", AttributeValue.fromS(Instant.now().truncatedTo(ChronoUnit.MINUTES).toString()));
            dynamo.putItem(p -> p.tableName(table).item(anchor));
            stored = anchor;
        }
        return Instant.parse(stored.get("at").s());
    }

    static Map<String, AttributeValue> item(long user, int i, Instant anchor) {
        Instant at = anchor.minus(i, ChronoUnit.MINUTES).plusMillis(user % 1000);
        String eventId = eventId(user, i);
        return Map.of(
                "PK", AttributeValue.fromS("USER#" + userId(user)),
                "SK", AttributeValue.fromS(String.format("EVENT#%013d#%s", at.toEpochMilli(), eventId)),
                "eventId", AttributeValue.fromS(eventId),
                "type", AttributeValue.fromS(TYPES[i % TYPES.length]),
                "occurredAt", AttributeValue.fromS(at.toString()),
                "data", AttributeValue.fromS("{\"productId\":\"" + UUID.nameUUIDFromBytes(
                        ("bench-product-" + (user * 31 + i) % 10_000).getBytes(StandardCharsets.UTF_8))
                        + "\",\"i\":" + i + "}"),
                "ttl", AttributeValue.fromN(Long.toString(at.plus(90, ChronoUnit.DAYS).getEpochSecond())));
    }

    /** What a load did: items written now, users already there from an earlier run, seconds taken. */
    record Loaded(long itemsWritten, long usersSkipped, double seconds) {
        double rate() {
            return seconds == 0 ? 0 : itemsWritten / seconds;
        }
    }

    static Loaded load(DynamoDbClient dynamo, String table, int users, PrintStream log) throws InterruptedException {
        Instant anchor = anchor(dynamo, table);
        int chunks = (users + CHUNK_USERS - 1) / CHUNK_USERS;
        Set<Integer> done = doneChunks(dynamo, table, users);
        List<Integer> todo = new ArrayList<>();
        long skippedUsers = 0;
        for (int c = 0; c < chunks; c++) {
            if (done.contains(c)) {
                skippedUsers += Math.min(CHUNK_USERS, users - (long) c * CHUNK_USERS);
            } else {
                todo.add(c);
            }
        }
        long total = (users - skippedUsers) * ITEMS_PER_USER;
        log.printf("loading %,d items (%,d users x %d) into %s; %,d users already loaded by an earlier run%n", total,
                users - skippedUsers, ITEMS_PER_USER, table, skippedUsers);
        AtomicLong written = new AtomicLong();
        AtomicLong next = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        long start = System.nanoTime();
        for (int w = 0; w < WORKERS; w++) {
            pool.execute(() -> {
                for (long k = next.getAndIncrement(); k < todo.size() && failure.get() == null; k = next.getAndIncrement()) {
                    int chunk = todo.get((int) k);
                    try {
                        writeChunk(dynamo, table, chunk, users, anchor, written);
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }
            });
        }
        pool.shutdown();
        ProgressBar bar = new ProgressBar("  load", total, log);
        while (!pool.awaitTermination(250, TimeUnit.MILLISECONDS)) {
            bar.update(written.get());
        }
        bar.update(Math.max(total, written.get()));
        if (failure.get() != null) {
            throw new IllegalStateException("loading stopped (rerun to resume): " + failure.get(), failure.get());
        }
        return new Loaded(written.get(), skippedUsers, (System.nanoTime() - start) / 1e9);
    }

    private static void writeChunk(DynamoDbClient dynamo, String table, int chunk, int users, Instant anchor,
            AtomicLong written) {
        long from = (long) chunk * CHUNK_USERS;
        long to = Math.min(users, from + CHUNK_USERS);
        List<WriteRequest> batch = new ArrayList<>(BATCH);
        for (long u = from; u < to; u++) {
            for (int i = 0; i < ITEMS_PER_USER; i++) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item(u, i, anchor)).build()).build());
                if (batch.size() == BATCH) {
                    send(dynamo, table, batch);
                    written.addAndGet(BATCH);
                    batch = new ArrayList<>(BATCH);
                }
            }
        }
        if (!batch.isEmpty()) {
            send(dynamo, table, batch);
            written.addAndGet(batch.size());
        }
        dynamo.putItem(p -> p.tableName(table).item(Map.of("PK", AttributeValue.fromS(MARKERS),
                "SK", AttributeValue.fromS(ITEMS_PER_USER + "#" + chunk + "#" + (to - from)))));
    }

    private static void send(DynamoDbClient dynamo, String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > 0) {
                sleepQuietly(Math.min(1000, 20L << Math.min(attempt, 6)));
            }
            Map<String, List<WriteRequest>> request = pending;
            pending = dynamo.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
        }
    }

    /** The chunks an earlier run finished whole, for this many items per user and {@code users} users. */
    static Set<Integer> doneChunks(DynamoDbClient dynamo, String table, int users) {
        Set<Integer> done = new HashSet<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(q -> q.tableName(table).keyConditionExpression("PK = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(MARKERS))).exclusiveStartKey(from));
            for (Map<String, AttributeValue> marker : page.items()) {
                String[] parts = marker.get("SK").s().split("#");
                if (parts.length == 3 && parts[0].equals(Integer.toString(ITEMS_PER_USER))) {
                    int chunk = Integer.parseInt(parts[1]);
                    long expected = Math.min(CHUNK_USERS, users - (long) chunk * CHUNK_USERS);
                    if (Long.parseLong(parts[2]) == expected) {
                        done.add(chunk);
                    }
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return done;
    }

    /** How many whole chunks of users are loaded, counting from user 0 without a gap. */
    static long loadedUsers(DynamoDbClient dynamo, String table) {
        Set<Integer> done = doneChunks(dynamo, table, Integer.MAX_VALUE);
        int c = 0;
        while (done.contains(c)) {
            c++;
        }
        return (long) c * CHUNK_USERS;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
