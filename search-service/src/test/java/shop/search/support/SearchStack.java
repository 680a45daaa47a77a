package shop.search.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import shop.polyglot.stack.LocalStack;
import shop.polyglot.stack.LocalStackResource;
import shop.polyglot.stack.TcpProxy;

/**
 * The real pipeline for search-service's tests: PostgreSQL, Kafka, Kafka Connect with Debezium,
 * Elasticsearch, and catalog-service (with session-service) from {@code deploy/local/stack}.
 * Also hands the application a consumer group of its own that starts at the current end of
 * {@code outbox.event.product} (so a test sees its own events, not history, and none is missed
 * while the group joins), catalog's address, and, with init arg {@code proxy=true},
 * Elasticsearch through a {@link TcpProxy} a test can cut.
 */
public class SearchStack implements QuarkusTestResourceLifecycleManager {

    public static final String COMPONENTS = "postgres,kafka,connect,elasticsearch,session-service,catalog-service";
    public static final String TOPIC = "outbox.event.product";

    /** Where tests reach catalog-service, Kafka, and the consumer group the application uses. */
    public static volatile String catalogUrl;
    public static volatile String kafka;
    public static volatile String groupId;
    /** Elasticsearch's proxy, when the profile asked for one. */
    public static volatile TcpProxy elasticsearch;

    private boolean proxy;

    @Override
    public void init(Map<String, String> initArgs) {
        proxy = Boolean.parseBoolean(initArgs.getOrDefault("proxy", "false"));
    }

    @Override
    public Map<String, String> start() {
        LocalStackResource stores = new LocalStackResource();
        stores.init(Map.of(LocalStackResource.COMPONENTS, COMPONENTS));
        Map<String, String> config = new HashMap<>(stores.start());
        // PostgreSQL is catalog-service's; this service has no datasource
        config.keySet().removeIf(key -> key.startsWith("quarkus.datasource.") || key.startsWith("quarkus.flyway."));
        Map<String, String> env = LocalStack.env();
        catalogUrl = "http://127.0.0.1:" + env.get("STACK_CATALOG_PORT");
        kafka = config.get("kafka.bootstrap.servers");
        // catalog-service's events reach Kafka only through the connector (idempotent)
        LocalStack.registerOutboxConnector();
        config.put("quarkus.rest-client.catalog-service.url", catalogUrl);
        groupId = "search-service-test-" + UUID.randomUUID();
        startAtEnd(groupId);
        config.put("mp.messaging.incoming.product-events.group.id", groupId);
        if (proxy) {
            String[] es = config.get("quarkus.elasticsearch.hosts").split(":");
            elasticsearch = TcpProxy.start(es[0], Integer.parseInt(es[1]));
            config.put("quarkus.elasticsearch.hosts", elasticsearch.address());
        }
        return config;
    }

    /** Commits the topic's current end offsets for the group before the application joins it. */
    private static void startAtEnd(String group) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            TopicDescription topic = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
            Map<TopicPartition, OffsetSpec> latest = topic.partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(TOPIC, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset())));
            admin.alterConsumerGroupOffsets(group, ends).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw new IllegalStateException("cannot position consumer group " + group, e);
            }
            // no topic yet: the group starts at its beginning, which is its end
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (elasticsearch != null) {
            elasticsearch.close();
            elasticsearch = null;
        }
    }

    static Properties kafkaProperties() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        return props;
    }
}
