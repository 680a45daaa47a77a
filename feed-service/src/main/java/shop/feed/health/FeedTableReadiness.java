package shop.feed.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import shop.feed.FeedConfig;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Ready means the feed table can be read and written: DynamoDB answers and the table is ACTIVE. */
@Readiness
@ApplicationScoped
public class FeedTableReadiness implements HealthCheck {

    public static final String NAME = "DynamoDB feed table";

    private final DynamoDbClient dynamo;
    private final FeedConfig feed;

    FeedTableReadiness(DynamoDbClient dynamo, FeedConfig feed) {
        this.dynamo = dynamo;
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder check = HealthCheckResponse.named(NAME).withData("table", feed.table());
        try {
            // the timeout covers the SDK's retries too, so an unreachable endpoint answers in time
            TableStatus status = dynamo.describeTable(request -> request.tableName(feed.table())
                    .overrideConfiguration(call -> call.apiCallTimeout(feed.readiness().timeout())))
                    .table().tableStatus();
            // UPDATING (e.g. TTL or throughput changes) still serves reads and writes
            boolean usable = status == TableStatus.ACTIVE || status == TableStatus.UPDATING;
            return check.status(usable).withData("status", String.valueOf(status)).build();
        } catch (SdkException e) {
            return check.down().withData("reason", String.valueOf(e.getMessage())).build();
        }
    }
}
