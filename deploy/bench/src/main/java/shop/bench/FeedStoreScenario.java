package shop.bench;

import java.util.Map;
import java.util.SplittableRandom;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The same newest-20 read as {@link FeedScenario}, straight at the DynamoDB API with no service in
 * between: one Query per read ({@code PK = :pk}, ScanIndexForward=false, Limit=21, the ttl filter),
 * as feed-service sends it. It separates what the store (and the box) costs from what the service
 * adds. Reads the users the {@code feed} scenario loaded.
 */
final class FeedStoreScenario implements Scenario {

    @Override
    public String name() {
        return "feed-store";
    }

    @Override
    public String summary() {
        return "the feed's newest-20 Query straight at DynamoDB (dynalite), at --rate and at saturation";
    }

    @Override
    public void run(Args args, Report report) throws Exception {
        try (DynamoDbClient dynamo = FeedLoader.client(FeedScenario.dynamoPort())) {
            String table = FeedScenario.table();
            long users = Math.min(FeedScenario.users(args), FeedLoader.loadedUsers(dynamo, table));
            if (users == 0) {
                throw new IllegalStateException("no loaded users in " + table + ": run the feed scenario first");
            }
            Call call = i -> {
                String user = FeedLoader.userId(new SplittableRandom(i).nextLong(users));
                long now = System.currentTimeMillis() / 1000;
                int count = dynamo.query(QueryRequest.builder().tableName(table)
                        .keyConditionExpression("PK = :pk").filterExpression("#ttl > :now")
                        .expressionAttributeNames(Map.of("#ttl", "ttl"))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + user),
                                ":now", AttributeValue.fromN(Long.toString(now))))
                        .scanIndexForward(false).limit(21).build()).count();
                return new Call.Outcome("query-21", count == 21);
            };
            report.line("dynamodb 127.0.0.1:%d, table %s, %,d loaded users x %d items, machine: %d cores, JDK %s",
                    FeedScenario.dynamoPort(), table, users, FeedLoader.ITEMS_PER_USER,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            if (args.warmupSeconds() > 0) {
                Load.fixedRate(call, args.rate(), args.warmupSeconds(), 32, System.err);
            }
            report.line("load average before: %s", Machine.loadAverage());
            report.phase(String.format("fixed rate %d req/s for %d s (latency from the intended send time)",
                    args.rate(), args.durationSeconds()),
                    Load.fixedRate(call, args.rate(), args.durationSeconds(), 32, System.err));
            report.phase(String.format("saturation, %d closed-loop workers for %d s", args.workers(),
                    args.durationSeconds()), Load.saturation(call, args.durationSeconds(), args.workers(), System.err));
            report.line("%nload average after: %s", Machine.loadAverage());
        }
    }
}
