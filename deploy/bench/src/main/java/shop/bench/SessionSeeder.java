package shop.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes sessions straight into Redis in session-service's own layout (its {@code SessionStore}
 * and {@code session-create.lua}): {@code session:s:<sha256(token)>} a hash of {@code userId,
 * roles, data, ttl, createdAt, expiresAt} with a TTL, and the user's index {@code session:u:<userId>}
 * (the session ids by creation time, in microseconds). Creating 10M sessions through the service's
 * API takes most of an hour here; pipelined batches take about a minute. Session {@code i}'s token is
 * {@link BaselineSeeder#sessionToken}'s, the one the baseline stores, for user {@code i % users}.
 */
final class SessionSeeder {

    static final int BATCH = 1_000;
    static final String SESSION_PREFIX = "session:s:";
    static final String USER_PREFIX = "session:u:";
    private static final Pattern LAZYFREE_PENDING = Pattern.compile("(?m)^lazyfree_pending_objects:(\\d+)");

    private SessionSeeder() {
    }

    static String sessionKey(long i) {
        return SESSION_PREFIX + BaselineStore.tokenHash(BaselineSeeder.sessionToken(i));
    }

    static String userOf(long i, int users) {
        return BaselineSeeder.userId(i % users).toString();
    }

    /** Sessions {@code from..to-1}, each living {@code ttl} from now. */
    static void seed(Resp redis, long from, long to, int users, Duration ttl, PrintStream log) throws IOException {
        String ttlMillis = Long.toString(ttl.toMillis());
        ProgressBar bar = new ProgressBar("  polyglot sessions (Redis, session-service's layout)", to, log);
        bar.update(from);
        for (long start = from; start < to; start += BATCH) {
            long end = Math.min(to, start + BATCH);
            long now = System.currentTimeMillis();
            String createdAt = Long.toString(now);
            String expiresAt = Long.toString(now + ttl.toMillis());
            List<String[]> commands = new ArrayList<>((int) (end - start) * 4);
            for (long i = start; i < end; i++) {
                String id = BaselineStore.tokenHash(BaselineSeeder.sessionToken(i));
                String user = USER_PREFIX + userOf(i, users);
                commands.add(new String[] {"HSET", SESSION_PREFIX + id, "userId", userOf(i, users), "roles", "customer",
                        "data", "{}", "ttl", ttlMillis, "createdAt", createdAt, "expiresAt", expiresAt});
                commands.add(new String[] {"PEXPIRE", SESSION_PREFIX + id, ttlMillis});
                commands.add(new String[] {"ZADD", user, Long.toString(now * 1000 + i % 1000), id});
                commands.add(new String[] {"PEXPIRE", user, ttlMillis});
            }
            redis.pipeline(commands);
            bar.update(end);
        }
    }

    /**
     * Removes sessions {@code 0..count-1} and their users' indexes (UNLINK: freed in the
     * background), then waits until Redis has freed them, so a memory reading after this is clean.
     */
    static void drop(Resp redis, long count, int users, PrintStream log) throws IOException, InterruptedException {
        ProgressBar bar = new ProgressBar("  dropping earlier bench sessions", count, log);
        for (long start = 0; start < count; start += BATCH) {
            long end = Math.min(count, start + BATCH);
            List<String> unlink = new ArrayList<>(2 + 2 * BATCH);
            unlink.add("UNLINK");
            for (long i = start; i < end; i++) {
                unlink.add(sessionKey(i));
                if (i < users) {
                    unlink.add(USER_PREFIX + userOf(i, users));
                }
            }
            redis.call(unlink.toArray(String[]::new));
            bar.update(end);
        }
        for (int wait = 0; wait < 600 && info(redis, "memory", LAZYFREE_PENDING) > 0; wait++) {
            Thread.sleep(100);
        }
    }

    /**
     * What Redis's data takes now, from {@code MEMORY STATS}: {@code dataset.bytes} (the keys and values,
     * without Redis's buffers for clients and the append-only file, which come and go) and the two key
     * dictionaries' bucket arrays per key ({@code overhead.hashtable.main} and {@code .expires} over
     * {@code keys.count}). Not {@code used_memory} differences: after a mass delete Redis keeps its
     * dictionaries at their size (32M buckets, ~0.5 GB, after 20M keys) until its cron shrinks them, which it
     * does not while a snapshot's child runs; a reading across that shrink once made 1M sessions 57 bytes each.
     */
    record Footprint(long dataset, double dictionaryBytesPerKey) {
        /** Bytes per session between an earlier footprint and this one: its keys and values, and its 2 keys' buckets. */
        double perSession(Footprint before, long sessions) {
            return (dataset - before.dataset) / (double) sessions + 2 * dictionaryBytesPerKey;
        }
    }

    static Footprint footprint(Resp redis) throws IOException {
        Object answer = redis.call("MEMORY", "STATS");
        java.util.Map<String, Object> stats = new java.util.HashMap<>();
        if (answer instanceof List<?> fields) {
            for (int f = 0; f + 1 < fields.size(); f += 2) {
                stats.put(String.valueOf(fields.get(f)), fields.get(f + 1));
            }
        }
        long keys = number(stats.get("keys.count"));
        long dictionaries = number(stats.get("overhead.hashtable.main")) + number(stats.get("overhead.hashtable.expires"));
        return new Footprint(number(stats.get("dataset.bytes")), keys == 0 ? 0 : dictionaries / (double) keys);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : value == null ? 0 : Long.parseLong(String.valueOf(value));
    }

    private static long info(Resp redis, String section, Pattern field) throws IOException {
        Object info = redis.call("INFO", section);
        Matcher m = field.matcher(info instanceof byte[] bytes ? new String(bytes) : String.valueOf(info));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
