package shop.ops.suite;

import java.util.ArrayList;
import java.util.List;

/**
 * The suite's stores, and how the console learns each one's health. A store a service owns is as
 * healthy as that service's readiness check of it says (the service holds the credentials, and the
 * console none): the check's name is the one Quarkus or service-kit gives it. The servers no
 * service checks (Kafka Connect, Zipkin, Prometheus) are asked directly.
 */
public enum Stores {

    POSTGRESQL("PostgreSQL", "Database connections health check"),
    REDIS("Redis", "Redis connection health check"),
    KAFKA("Kafka", "Kafka cluster"),
    KAFKA_CONNECT("Kafka Connect", null),
    ELASTICSEARCH("Elasticsearch", "Elasticsearch cluster health check"),
    S3("S3", "S3 media bucket"),
    DYNAMODB("DynamoDB", "DynamoDB feed table"),
    ZIPKIN("Zipkin", null),
    PROMETHEUS("Prometheus", null);

    private final String label;
    private final String check;

    Stores(String label, String check) {
        this.label = label;
        this.check = check;
    }

    public String label() {
        return label;
    }

    /** The store as the services that check it see it: DOWN if one says so, UP if all that answered say so. */
    StoreState fromChecks(List<ServiceState> services) {
        List<String> up = new ArrayList<>();
        List<String> down = new ArrayList<>();
        for (ServiceState service : services) {
            for (ServiceState.Check c : service.checks()) {
                if (c.name().equals(check)) {
                    ("UP".equals(c.status()) ? up : down).add(service.name());
                }
            }
        }
        if (!down.isEmpty()) {
            return new StoreState(label, "DOWN", String.join(", ", down), "readiness check failed: " + check);
        }
        if (!up.isEmpty()) {
            return new StoreState(label, "UP", String.join(", ", up), check);
        }
        return new StoreState(label, "UNKNOWN", "", "no service that checks it answered");
    }
}
