package shop.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.SplittableRandom;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * feed-service's read path on a large table. Loads {@code --users} users x
 * {@value FeedLoader#ITEMS_PER_USER} items straight into the DynamoDB API ({@link FeedLoader}:
 * BatchWriteItem, progress, load rate; resumable), checks one loaded user reads back through the
 * service, then sends {@code GET /api/feed/{userId}?limit=20} as that user for random loaded
 * users: a warm-up, {@code --rate} req/s for {@code --duration} s (open model), then saturation
 * with {@code --workers}. A request counts as ok only on 200 with 20 items.
 *
 * <p>{@code --users}: the harness-wide default (1,000,000) means 100,000 here, the 10M
 * items. Ports: {@code --service-port}, except that the harness-wide default (8086) means
 * feed-service's 8085; DynamoDB and the table from {@code STACK_DYNAMODB_PORT} and
 * {@code STACK_FEED_TABLE} (defaults 8000, {@code feed}), as {@code deploy/local/stack env} prints them.
 */
final class FeedScenario implements Scenario {

    static final int DEFAULT_USERS = 100_000;
    private static final int DEFAULT_PORT = 8085;

    @Override
    public String name() {
        return "feed";
    }

    @Override
    public String summary() {
        return "load --users x 100 feed items into DynamoDB (BatchWriteItem, resumable), then newest-20 reads via feed-service";
    }

    static int users(Args args) {
        return args.users() == 1_000_000 ? DEFAULT_USERS : args.users();
    }

    static int dynamoPort() {
        return Integer.parseInt(System.getenv().getOrDefault("STACK_DYNAMODB_PORT", "8000"));
    }

    static String table() {
        return System.getenv().getOrDefault("STACK_FEED_TABLE", "feed");
    }

    @Override
    public void run(Args args, Report report) throws Exception {
        int port = args.servicePort() == 8086 ? DEFAULT_PORT : args.servicePort();
        Http http = new Http(port);
        requireReady(http);
        int users = users(args);
        try (DynamoDbClient dynamo = FeedLoader.client(dynamoPort())) {
            report.line("load average before loading: %s", Machine.loadAverage());
            FeedLoader.Loaded loaded = FeedLoader.load(dynamo, table(), users, System.err);
            report.line("loaded %,d items now (%,d users x %d; %,d users were there from an earlier run) in %.1f s:"
                    + " %,.0f items/s (BatchWriteItem of 25, %d workers) into table %s on 127.0.0.1:%d",
                    loaded.itemsWritten(), users - loaded.usersSkipped(), FeedLoader.ITEMS_PER_USER,
                    loaded.usersSkipped(), loaded.seconds(), loaded.rate(), FeedLoader.WORKERS, table(), dynamoPort());
        }
        report.line("table holds %,d bench users x %d items = %,d items (plus whatever else it holds)", (long) users,
                FeedLoader.ITEMS_PER_USER, (long) users * FeedLoader.ITEMS_PER_USER);
        checkOne(http);

        Call call = i -> {
            String user = FeedLoader.userId(new SplittableRandom(i).nextInt(users));
            HttpResponse<String> response = http.send(http.request("/api/feed/" + user + "?limit=20")
                    .header("X-User-Id", user).header("X-User-Roles", "customer").GET(),
                    HttpResponse.BodyHandlers.ofString());
            return new Call.Outcome("newest-20", response.statusCode() == 200 && count(response.body()) == 20);
        };
        report.line("service %s, machine: %d cores, JDK %s", http.base(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        report.line("load average before: %s", Machine.loadAverage());
        if (args.warmupSeconds() > 0) {
            System.err.printf("warm-up: %d req/s for %d s (not recorded)%n", args.rate(), args.warmupSeconds());
            Load.fixedRate(call, args.rate(), args.warmupSeconds(), 32, System.err);
        }
        System.err.printf("fixed rate: %d req/s for %d s%n", args.rate(), args.durationSeconds());
        Load.Result fixed = Load.fixedRate(call, args.rate(), args.durationSeconds(), 32, System.err);
        report.line("load average after the fixed-rate phase: %s", Machine.loadAverage());
        report.phase(String.format("fixed rate %d req/s for %d s, GET /api/feed/{random user}?limit=20"
                + " (latency from the intended send time)", args.rate(), args.durationSeconds()), fixed);
        System.err.printf("saturation: %d workers for %d s%n", args.workers(), args.durationSeconds());
        Load.Result saturated = Load.saturation(call, args.durationSeconds(), args.workers(), System.err);
        report.phase(String.format("saturation, %d closed-loop workers for %d s (latency = service time)",
                args.workers(), args.durationSeconds()), saturated);
        report.line("%nload average after: %s", Machine.loadAverage());
    }

    /** User 0's newest item is its item 0: a drift between the loader's layout and the service's stops the run here. */
    private static void checkOne(Http http) throws IOException, InterruptedException {
        String user = FeedLoader.userId(0);
        HttpResponse<String> response = http.send(http.request("/api/feed/" + user + "?limit=20")
                .header("X-User-Id", user).header("X-User-Roles", "customer").GET(), HttpResponse.BodyHandlers.ofString());
        String first = FeedLoader.eventId(0, 0);
        if (response.statusCode() != 200 || count(response.body()) != 20 || !response.body().contains(first)) {
            throw new IllegalStateException("feed-service does not read the loaded items back (user " + user + "): "
                    + response.statusCode() + " " + response.body());
        }
    }

    /** Items in a page body: each carries one eventId. */
    static int count(String body) {
        int n = 0;
        for (int at = body.indexOf("\"eventId\""); at >= 0; at = body.indexOf("\"eventId\"", at + 1)) {
            n++;
        }
        return n;
    }

    private static void requireReady(Http http) throws InterruptedException {
        int status;
        try {
            status = http.status("/q/health/ready");
        } catch (IOException e) {
            throw new IllegalStateException("feed-service does not answer on " + http.base()
                    + " (deploy/local/stack up --only feed-service)", e);
        }
        if (status != 200) {
            throw new IllegalStateException("feed-service on " + http.base() + " is not ready: " + status);
        }
    }
}
