package shop.search;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import shop.polyglot.stack.StoreUnreachableContract;

/**
 * With no Kafka broker answering, the service says it is not ready (service-kit's KafkaReadiness),
 * and stays alive: the index it serves would silently stop following the outbox otherwise.
 */
@QuarkusTest
@TestProfile(ReadinessWithKafkaUnreachableTest.KafkaUnreachable.class)
class ReadinessWithKafkaUnreachableTest extends StoreUnreachableContract {

    public static class KafkaUnreachable extends Profile {
        public KafkaUnreachable() {
            super("elasticsearch,kafka", "kafka");
        }
    }

    @Override
    protected String unreachableCheck() {
        return "Kafka cluster";
    }

    @Override
    protected List<String> reachableChecks() {
        return List.of("Elasticsearch cluster health check");
    }
}
