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
import shop.polyglot.stack.LocalStackResource;
import shop.polyglot.stack.TcpProxy;

/**
 * search-service's own servers for its tests, Kafka and Elasticsearch from
 * {@code deploy/local/stack}: nothing of catalog-service or Debezium, whose events the tests
 * produce themselves ({@link CatalogEvents}). Also hands the application a consumer group of its
 * own that starts at the current end of {@code outbox.event.product} (so a test sees its own
 * events, not history, and none is missed while the group joins), catalog-service's address as
 * one where nothing listens (a rebuild has no catalog to read here: deploy/e2e rebuilds from the
 * real one), and, with init arg {@code proxy=true}, Elasticsearch through a {@link TcpProxy} a
 * test can cut.
 */
public class SearchStack implements QuarkusTestResourceLifecycleManager {

    public static final String COMPONENTS = "kafka,elasticsearch";
    /** Where nothing listens: port 1 is refused at once on loopback. */
    static final String NO_CATALOG = "http://127.0.0.1:1";
    public static final String TOPIC = "outbox.event.product";

    /** Where tests reach Kafka, and the consumer group the application uses. */
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
        kafka = config.get("kafka.bootstrap.servers");
        config.put("quarkus.rest-client.catalog-service.url", NO_CATALOG);
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
