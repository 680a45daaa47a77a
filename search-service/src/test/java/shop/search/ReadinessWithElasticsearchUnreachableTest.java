package shop.search;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import shop.polyglot.stack.StoreUnreachableContract;

/** With Elasticsearch unreachable the service says it is not ready, and stays alive. */
@QuarkusTest
@TestProfile(ReadinessWithElasticsearchUnreachableTest.ElasticsearchUnreachable.class)
class ReadinessWithElasticsearchUnreachableTest extends StoreUnreachableContract {

    public static class ElasticsearchUnreachable extends Profile {
        public ElasticsearchUnreachable() {
            super("elasticsearch,kafka", "elasticsearch");
        }
    }

    @Override
    protected String unreachableCheck() {
        return "Elasticsearch cluster health check";
    }

    @Override
    protected List<String> reachableChecks() {
        return List.of("Kafka cluster");
    }
}
