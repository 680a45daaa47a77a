package shop.feed.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import shop.polyglot.stack.LocalStack;
import shop.polyglot.stack.TcpProxy;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The real servers of deploy/local/stack for feed-service's tests, like {@code LocalStackResource}
 * (which it uses to start them), with two differences:
 * <ul>
 * <li>the feed lives in its own table, {@value #TABLE} (created here when absent, with the same
 * keys as the stack's {@code feed}): the stack's running feed-service projects the same topics
 * into {@code feed}, and must not be the one that makes a test pass;</li>
 * <li>with init arg {@code dynamodb-proxy=true} the application reaches DynamoDB through a
 * {@link TcpProxy}, injected into the test's {@link DynamoDbProxy} field, so a test can take
 * DynamoDB down for this application only.</li>
 * </ul>
 */
public class FeedStack implements QuarkusTestResourceLifecycleManager {

    public static final String TABLE = "feed-test";

    /** Marks the {@link TcpProxy} field that receives the proxy in front of DynamoDB. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface DynamoDbProxy {
    }

    private Set<String> components = Set.of();
    private boolean proxied;
    private TcpProxy proxy;

    @Override
    public void init(Map<String, String> initArgs) {
        components = Arrays.stream(initArgs.getOrDefault("components", "dynamodb,kafka").split(","))
                .map(String::strip).filter(c -> !c.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
        proxied = Boolean.parseBoolean(initArgs.get("dynamodb-proxy"));
    }

    @Override
    public Map<String, String> start() {
        LocalStack.up(components);
        Map<String, String> env = LocalStack.env();
        int dynamoPort = Integer.parseInt(env.get("STACK_DYNAMODB_PORT"));
        createTableUnlessThere("http://127.0.0.1:" + dynamoPort);

        String dynamo = "127.0.0.1:" + dynamoPort;
        if (proxied) {
            proxy = TcpProxy.start("127.0.0.1", dynamoPort);
            dynamo = proxy.address();
        }
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.dynamodb.endpoint-override", "http://" + dynamo);
        config.put("feed.table", TABLE);
        config.put("kafka.bootstrap.servers", "127.0.0.1:" + env.get("STACK_KAFKA_PORT"));
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        if (proxy != null) {
            injector.injectIntoFields(proxy, new TestInjector.AnnotatedAndMatchesType(DynamoDbProxy.class, TcpProxy.class));
        }
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        // the servers stay up for the next test class and module (LocalStackResource does the same)
    }

    /** The feed's keys, as deploy/local/components/dynamodb.sh creates the stack's own table. */
    private static void createTableUnlessThere(String endpoint) {
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(ApacheHttpClient.create())
                .build()) {
            try {
                dynamo.describeTable(d -> d.tableName(TABLE));
            } catch (ResourceNotFoundException absent) {
                try {
                    dynamo.createTable(c -> c.tableName(TABLE)
                            .attributeDefinitions(
                                    AttributeDefinition.builder().attributeName("PK").attributeType(ScalarAttributeType.S).build(),
                                    AttributeDefinition.builder().attributeName("SK").attributeType(ScalarAttributeType.S).build())
                            .keySchema(
                                    KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build(),
                                    KeySchemaElement.builder().attributeName("SK").keyType(KeyType.RANGE).build())
                            .billingMode(BillingMode.PAY_PER_REQUEST));
                } catch (ResourceInUseException createdMeanwhile) {
                    // another test JVM made it first
                }
            }
            dynamo.waiter().waitUntilTableExists(d -> d.tableName(TABLE));
            if (dynamo.describeTable(d -> d.tableName(TABLE)).table().tableStatus() != TableStatus.ACTIVE) {
                throw new IllegalStateException("table " + TABLE + " is not ACTIVE");
            }
        }
    }
}
