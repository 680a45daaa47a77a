package shop.feed.item;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import shop.feed.FeedConfig;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The feed table in DynamoDB, and nothing else: one conditional put per item, one Query per
 * page. Every failure that retrying may cure (no answer, a server error, throttling, the table
 * not there yet) leaves as {@link FeedStoreUnavailable}.
 */
@ApplicationScoped
public class FeedTable {

    static final String PK = "PK";
    static final String SK = "SK";

    /** A run of items read newest first, how many DynamoDB evaluated for it, and where it stopped. */
    public record Slice(List<FeedItem> items, int evaluated, Optional<String> lastSortKey) {
    }

    private final DynamoDbClient dynamo;
    private final String table;

    FeedTable(DynamoDbClient dynamo, FeedConfig config) {
        this.dynamo = dynamo;
        this.table = config.table();
    }

    /**
     * Writes the item unless its key is there already (a redelivered event): {@code true} when
     * written, {@code false} when it was there.
     */
    public boolean add(FeedItem item) {
        try {
            dynamo.putItem(put -> put.tableName(table)
                    .item(attributes(item))
                    // the key is deterministic (user, time, event id): a redelivery finds it taken
                    .conditionExpression("attribute_not_exists(SK)"));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        } catch (DynamoDbException | SdkClientException failure) {
            throw unavailableOr(failure);
        }
    }

    /**
     * How many items the table holds, as DynamoDB counts them: {@code DescribeTable}'s ItemCount, which
     * AWS refreshes about every six hours (a count by Scan would read the whole table).
     */
    public long items() {
        try {
            Long count = dynamo.describeTable(describe -> describe.tableName(table)).table().itemCount();
            return count == null ? 0 : count;
        } catch (DynamoDbException | SdkClientException failure) {
            throw unavailableOr(failure);
        }
    }

    /**
     * Up to {@code limit} items of the user's feed, newest first, after {@code afterSortKey} when
     * given; items whose {@code ttl} has passed at {@code now} are left out (DynamoDB deletes them
     * only some time after they expire, and dynalite never does).
     */
    public Slice newest(UUID userId, Optional<String> afterSortKey, int limit, Instant now) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("PK = :pk")
                // ttl is a reserved word in DynamoDB's expression language
                .filterExpression("#ttl > :now")
                .expressionAttributeNames(Map.of("#ttl", "ttl"))
                .expressionAttributeValues(Map.of(
                        ":pk", s(FeedKeys.partitionKey(userId)),
                        ":now", n(now.getEpochSecond())))
                .scanIndexForward(false)
                .limit(limit);
        afterSortKey.ifPresent(sk -> query.exclusiveStartKey(Map.of(PK, s(FeedKeys.partitionKey(userId)), SK, s(sk))));
        QueryResponse page;
        try {
            page = dynamo.query(query.build());
        } catch (DynamoDbException | SdkClientException failure) {
            throw unavailableOr(failure);
        }
        List<FeedItem> items = new ArrayList<>(page.count());
        for (Map<String, AttributeValue> item : page.items()) {
            items.add(item(userId, item));
        }
        Optional<String> last = page.hasLastEvaluatedKey() && page.lastEvaluatedKey().containsKey(SK)
                ? Optional.of(page.lastEvaluatedKey().get(SK).s())
                : Optional.empty();
        return new Slice(items, page.scannedCount(), last);
    }

    /** Every item of the user's feed that occurred at or after {@code since}, oldest first (the drift check reads them). */
    public List<FeedItem> since(UUID userId, Instant since) {
        List<FeedItem> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("PK = :pk AND SK >= :from")
                    .expressionAttributeValues(Map.of(":pk", s(FeedKeys.partitionKey(userId)),
                            ":from", s(FeedKeys.sortKeyFrom(since))));
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse page;
            try {
                page = dynamo.query(query.build());
            } catch (DynamoDbException | SdkClientException failure) {
                throw unavailableOr(failure);
            }
            page.items().forEach(item -> items.add(item(userId, item)));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    /** Deletes the item (a drift repair of an item the source does not imply); {@code false} when it was gone. */
    public boolean remove(FeedItem item) {
        try {
            dynamo.deleteItem(delete -> delete.tableName(table)
                    .key(Map.of(PK, s(FeedKeys.partitionKey(item.userId())), SK, s(item.sortKey())))
                    .conditionExpression("attribute_exists(SK)"));
            return true;
        } catch (ConditionalCheckFailedException gone) {
            return false;
        } catch (DynamoDbException | SdkClientException failure) {
            throw unavailableOr(failure);
        }
    }

    /** The item's attributes, as stored: also what the benchmark's loader writes. */
    public static Map<String, AttributeValue> attributes(FeedItem item) {
        return Map.of(
                PK, s(FeedKeys.partitionKey(item.userId())),
                SK, s(item.sortKey()),
                "eventId", s(item.eventId().toString()),
                "type", s(item.type()),
                "occurredAt", s(item.occurredAt().toString()),
                "data", s(item.data()),
                "ttl", n(item.ttl()));
    }

    private static FeedItem item(UUID userId, Map<String, AttributeValue> item) {
        return new FeedItem(userId, UUID.fromString(item.get("eventId").s()), item.get("type").s(),
                Instant.parse(item.get("occurredAt").s()), item.get("data").s(), Long.parseLong(item.get("ttl").n()));
    }

    private static RuntimeException unavailableOr(RuntimeException failure) {
        if (failure instanceof SdkClientException) {
            return new FeedStoreUnavailable("DynamoDB did not answer: " + failure.getMessage(), failure);
        }
        DynamoDbException refused = (DynamoDbException) failure;
        if (refused.statusCode() >= 500 || refused.isThrottlingException() || refused instanceof ResourceNotFoundException) {
            return new FeedStoreUnavailable("DynamoDB cannot serve now: " + refused.getMessage(), refused);
        }
        // an invalid request is a fault of ours or of the event, never cured by waiting
        return refused;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
